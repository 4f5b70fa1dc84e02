/* test-json-io.c: the JSON interchange round trip and its refusals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "dossier-actor.h"
#include "dossier-annex.h"
#include "dossier-audit-entry.h"
#include "dossier-bagit.h"
#include "dossier-custody.h"
#include "dossier-custody-event.h"
#include "dossier-demo.h"
#include "dossier-evidence.h"
#include "dossier-identity.h"
#include "dossier-incident.h"
#include "dossier-json-io.h"
#include "dossier-link.h"
#include "dossier-person.h"
#include "dossier-record.h"
#include "dossier-synth.h"
#include "dossier-test-canaries.h"
#include "dossier-test-util.h"
#include "dossier-testimony.h"
#include "dossier-vocab-term.h"
#include "dossier-store-private.h" /* tests look at the file underneath */
#include "dossier-info.h"
#include "dossier-incident-private.h" /* white-box */
#include "dossier-person-private.h" /* white-box */
#include "dossier-testimony-private.h" /* white-box */
#include "dossier-actor-private.h" /* white-box */
#include "dossier-evidence-private.h" /* white-box */
#include "dossier-identity-private.h" /* white-box */

static void
set (char       **field,
     const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

#define INSERT(store, rec) G_STMT_START { \
    g_autoptr(GError) e_ = NULL; \
    g_assert_true (dossier_store_insert ((store), DOSSIER_RECORD (rec), &e_)); \
    g_assert_no_error (e_); \
  } G_STMT_END

static void
link_ (DossierStore    *store,
       DossierLinkKind  kind,
       gint64           a,
       gint64           b,
       const char      *role,
       const char      *detail)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierLink) link = dossier_store_link (store, kind, a, b, role, detail, &error);

  g_assert_no_error (error);
  g_assert_nonnull (link);
}

static gint64
count (DossierStore *store,
       GType         type)
{
  g_autoptr(GError) error = NULL;
  gint64 n = dossier_store_count_records (store, type, &error);

  g_assert_no_error (error);
  return n;
}

/* A dossier with at least two of every record and link, and awkward text. */
static DossierStore *
make_full_dossier (const char *name)
{
  DossierStore *store = dossier_test_new_store (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierActor) first_child = NULL;

  g_assert_true (dossier_store_set_info (store, "title", "Enquête sur « Ménaka » — 2022", &error));
  g_assert_true (dossier_store_set_info (store, "mandate", "Résolution 2640 (2022)\nArticle 4", &error));
  g_assert_true (dossier_store_set_info (store, "period", "2012/2023", &error));
  g_assert_no_error (error);

  for (int i = 0; i < 2; i++)
    {
      g_autoptr(DossierActor) parent = dossier_actor_new ();
      g_autoptr(DossierActor) actor = dossier_actor_new ();
      g_autoptr(DossierIncident) inc = dossier_incident_new ();
      g_autoptr(DossierPerson) person = dossier_person_new ();
      g_autoptr(DossierIdentity) identity = dossier_identity_new ();
      g_autoptr(DossierTestimony) t = dossier_testimony_new ();
      g_autoptr(DossierEvidence) ev = dossier_evidence_new ();
      g_autofree char *sha = g_strnfill (64, i ? 'b' : 'a');

      /* The first time round the child comes before its parent, as happens when a parent is
       * set after both exist: the import must not depend on list order. */
      set (&actor->name, "Unité \"Delta\"\nfictive");
      set (&actor->kind, "militia");
      INSERT (store, actor);
      set (&parent->name, "Forces armées fictives");
      set (&parent->acronym, "FAF");
      set (&parent->kind, "state-security-forces");
      INSERT (store, parent);
      actor->parent_id = dossier_record_get_id (DOSSIER_RECORD (parent));
      g_assert_true (dossier_store_update (store, DOSSIER_RECORD (actor), &error));
      g_assert_no_error (error);

      set (&inc->title_fr, i ? "Attaque à Ségou" : "Enlèvement près de Gao");
      set (&inc->title_en, "Attack");
      set (&inc->summary_en, "Quotes \" and backslashes \\ and tabs\tand emoji 🕊️ and \x01 control");
      set (&inc->date_edtf, i ? "2022-03-27/2022-03-31" : "2021-10~");
      set (&inc->admin1, "segou");
      inc->latitude = 13.4317 + i;
      inc->longitude = -6.2157;
      g_strfreev (inc->violation_types);
      inc->violation_types = g_strsplit ("rape,killing", ",", -1);
      inc->casualties[0][4] = 12 + i;
      inc->casualties[4][0] = 3;
      INSERT (store, inc);

      person->age = 40 + i;
      set (&person->residence_admin1, "gao");
      INSERT (store, person);
      identity->person_id = dossier_record_get_id (DOSSIER_RECORD (person));
      set (&identity->full_name, i ? "Aïssata Fictive" : "Nom fictif");
      INSERT (store, identity);

      t->person_id = dossier_record_get_id (DOSSIER_RECORD (person));
      set (&t->transcript, "Ligne 1\nLigne 2 — « guillemets » \"droits\"\r\n👍🏾 fin");
      set (&t->language, "fr");
      set (&t->office, "gao");
      g_strfreev (t->tags);
      t->tags = g_strsplit ("torture,killing", ",", -1);
      INSERT (store, t);

      set (&ev->title, "Pièce");
      set (&ev->sha256, sha);
      set (&ev->collection_method, "open-source");
      ev->size = 10 + i;
      ev->latitude = 16.2667;
      ev->longitude = i ? NAN : -0.05;
      INSERT (store, ev);
      g_assert_true (dossier_custody_append (store, dossier_record_get_id (DOSSIER_RECORD (ev)), "ingested", "test", &error));
      g_assert_true (dossier_custody_append (store, dossier_record_get_id (DOSSIER_RECORD (ev)), "viewed", "", &error));
      g_assert_no_error (error);

      link_ (store, DOSSIER_LINK_INCIDENT_ACTOR, dossier_record_get_id (DOSSIER_RECORD (inc)), dossier_record_get_id (DOSSIER_RECORD (actor)), "alleged-perpetrator", NULL);
      link_ (store, DOSSIER_LINK_INCIDENT_PERSON, dossier_record_get_id (DOSSIER_RECORD (inc)), dossier_record_get_id (DOSSIER_RECORD (person)), "victim", "note");
      link_ (store, DOSSIER_LINK_TESTIMONY_INCIDENT, dossier_record_get_id (DOSSIER_RECORD (t)), dossier_record_get_id (DOSSIER_RECORD (inc)), NULL, "extrait");
      link_ (store, DOSSIER_LINK_EVIDENCE_INCIDENT, dossier_record_get_id (DOSSIER_RECORD (ev)), dossier_record_get_id (DOSSIER_RECORD (inc)), NULL, NULL);
      link_ (store, DOSSIER_LINK_EVIDENCE_PERSON, dossier_record_get_id (DOSSIER_RECORD (ev)), dossier_record_get_id (DOSSIER_RECORD (person)), NULL, NULL);
      link_ (store, DOSSIER_LINK_EVIDENCE_TESTIMONY, dossier_record_get_id (DOSSIER_RECORD (ev)), dossier_record_get_id (DOSSIER_RECORD (t)), NULL, NULL);

      /* An edit, so that the audit log holds more than creations. */
      set (&inc->place, "Ménaka");
      g_assert_true (dossier_store_update (store, DOSSIER_RECORD (inc), &error));
      g_assert_no_error (error);
    }
  return store;
}

static GBytes *
export (DossierStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_json_export (store, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static gboolean
import (DossierStore  *store,
        GBytes        *bytes,
        GError       **error)
{
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_bytes (bytes);

  return dossier_json_import (store, in, NULL, error);
}

static void
test_round_trip (void)
{
  g_autoptr(DossierStore) a = make_full_dossier ("a.dossier");
  g_autoptr(DossierStore) b = dossier_test_new_store ("b.dossier");
  g_autoptr(GBytes) first = export (a);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid_a = NULL, *uuid_b = NULL, *title_b = NULL;
  const char *text = g_bytes_get_data (first, NULL);
  const char *keys[] = {
    "\"format\": \"org.dossier.Dossier\"", "\"schema_version\": 1", "\"dossier\"", "\"vocabulary\"",
    "\"actors\"", "\"incidents\"", "\"people\"", "\"identities\"", "\"testimonies\"", "\"evidence\"",
    "\"custody_events\"", "\"incident_actors\"", "\"incident_people\"", "\"testimony_incidents\"",
    "\"evidence_incidents\"", "\"evidence_people\"", "\"evidence_testimonies\"", "\"audit\"",
    "\"code_counters\"",
  };
  const char *previous = text;
  GType types[] = {
    DOSSIER_TYPE_VOCAB_TERM, DOSSIER_TYPE_ACTOR, DOSSIER_TYPE_INCIDENT, DOSSIER_TYPE_PERSON,
    DOSSIER_TYPE_IDENTITY, DOSSIER_TYPE_TESTIMONY, DOSSIER_TYPE_EVIDENCE, DOSSIER_TYPE_CUSTODY_EVENT,
    DOSSIER_TYPE_AUDIT_ENTRY,
  };
  DossierStoreCounts ca, cb;

  /* The top-level keys, in the documented order. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const char *at = strstr (text, keys[i]);

      g_assert_nonnull (at);
      g_assert_true (at >= previous);
      previous = at;
    }
  g_assert_true (g_str_has_suffix (text, "}\n"));
  /* Values as the format says: references as uuids, sorted codes, only non-zero casualties. */
  g_assert_nonnull (strstr (text, "\"violation_types\":[\"killing\",\"rape\"]"));
  g_assert_nonnull (strstr (text, "\"casualties\":[{\"category\":\"killed\",\"group\":\"unknown\",\"count\":12},"
                                  "{\"category\":\"sexual-violence\",\"group\":\"women\",\"count\":3}]"));
  g_assert_nonnull (strstr (text, "\"latitude\":13.4317,"));
  g_assert_nonnull (strstr (text, "\"latitude\":16.2667,\"longitude\":null"));
  g_assert_nonnull (strstr (text, "\"date_edtf\":\"2022-03-27/2022-03-31\""));
  g_assert_nonnull (strstr (text, "\"tags\":[\"killing\",\"torture\"]"));
  g_assert_nonnull (strstr (text, "\\\"Delta\\\"\\nfictive"));
  g_assert_nonnull (strstr (text, "\\u0001 control"));
  g_assert_nonnull (strstr (text, "\"parent\":\""));
  g_assert_nonnull (strstr (text, "\"sha256\":\"aaaaaaaa"));
  g_assert_null (strstr (text, "\"parent_id\":"));
  g_assert_null (strstr (text, "\"evidence_id\":"));

  g_assert_true (import (b, first, &error));
  g_assert_no_error (error);
  second = export (b);
  g_assert_cmpmem (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                   g_bytes_get_data (second, NULL), g_bytes_get_size (second));

  g_assert_true (dossier_store_count (a, &ca, NULL));
  g_assert_true (dossier_store_count (b, &cb, NULL));
  g_assert_cmpmem (&ca, sizeof ca, &cb, sizeof cb);
  g_assert_cmpint (cb.incidents, ==, 2);
  g_assert_cmpint (cb.actors, ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_assert_cmpint (count (b, types[i]), >=, 2);
      /* Importing added nothing, to the audit log in particular. */
      g_assert_cmpint (count (a, types[i]), ==, count (b, types[i]));
    }
  for (DossierLinkKind k = DOSSIER_LINK_INCIDENT_ACTOR; k <= DOSSIER_LINK_EVIDENCE_TESTIMONY; k++)
    {
      g_autoptr(GPtrArray) la = dossier_store_list_links (a, k, 0, 0, NULL);
      g_autoptr(GPtrArray) lb = dossier_store_list_links (b, k, 0, 0, NULL);

      g_assert_cmpuint (lb->len, ==, 2);
      g_assert_cmpuint (la->len, ==, lb->len);
    }

  g_assert_true (dossier_store_get_info (a, &uuid_a, NULL, NULL, NULL, NULL, NULL));
  g_assert_true (dossier_store_get_info (b, &uuid_b, &title_b, NULL, NULL, NULL, NULL));
  g_assert_cmpstr (uuid_a, ==, uuid_b);
  g_assert_cmpstr (title_b, ==, "Enquête sur « Ménaka » — 2022");

  /* The custody chains were copied, not made anew: they still verify. */
  {
    g_autoptr(DossierEvidence) ev = dossier_store_load_by_code (b, DOSSIER_TYPE_EVIDENCE, "EVD-0002", &error);
    g_autofree char *reason = NULL;
    gboolean intact = FALSE;

    g_assert_no_error (error);
    g_assert_nonnull (ev);
    g_assert_true (dossier_custody_check_chain (b, dossier_record_get_id (DOSSIER_RECORD (ev)), &intact, &reason, &error));
    g_assert_no_error (error);
    g_assert_true (intact);
  }

  /* New records in the imported dossier continue the codes. */
  {
    g_autoptr(DossierIncident) inc = dossier_incident_new ();

    INSERT (b, inc);
    g_assert_cmpstr (dossier_record_get_code (DOSSIER_RECORD (inc)), ==, "INC-0003");
  }
}

/* Imports @json into a new dossier, which must refuse it and stay as it was. */
static void
assert_import_fails (const char *json,
                     gssize      len,
                     const char *message_part)
{
  g_autoptr(DossierStore) store = dossier_test_new_store ("target.dossier");
  g_autoptr(GBytes) bytes = g_bytes_new (json, len < 0 ? strlen (json) : (gsize) len);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dossier_test_tmp_path ("target.dossier");
  g_autofree char *title = NULL;
  DossierStoreCounts counts;
  gint64 n_vocab = count (store, DOSSIER_TYPE_VOCAB_TERM);
  gint64 n_audit = count (store, DOSSIER_TYPE_AUDIT_ENTRY);

  g_assert_false (import (store, bytes, &error));
  g_assert_nonnull (error);
  g_test_message ("%.40s… → %s", json, error->message);
  if (message_part && strstr (error->message, message_part) == NULL)
    g_error ("“%s” does not name “%s”", error->message, message_part);

  g_assert_true (dossier_store_count (store, &counts, NULL));
  g_assert_cmpint (counts.incidents, ==, 0);
  g_assert_cmpint (counts.incidents + counts.actors + counts.people + counts.testimonies + counts.evidence, ==, 0);
  g_assert_cmpint (count (store, DOSSIER_TYPE_CUSTODY_EVENT), ==, 0);
  /* Rolled back: the vocabulary that was replaced is back, the dossier keeps its title. */
  g_assert_cmpint (count (store, DOSSIER_TYPE_VOCAB_TERM), ==, n_vocab);
  g_assert_cmpint (n_vocab, >, 0);
  g_assert_cmpint (count (store, DOSSIER_TYPE_AUDIT_ENTRY), ==, n_audit);
  title = dossier_store_get_title (store);
  g_assert_cmpstr (title, ==, "target.dossier");

  dossier_store_close (store);
  g_unlink (path);
}

static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

/* The @n-th (from 0) uuid value after @section's key. */
static const char *
nth_uuid (const char *text,
          const char *section,
          int         n)
{
  const char *at = strstr (text, section);

  g_assert_nonnull (at);
  for (int i = 0; i <= n; i++)
    {
      at = strstr (at, "{\"uuid\":\"");
      g_assert_nonnull (at);
      at += strlen ("{\"uuid\":\"");
    }
  return at;
}

static void
test_bad_input (void)
{
  g_autoptr(DossierStore) a = make_full_dossier ("source.dossier");
  g_autoptr(GBytes) good = export (a);
  g_autofree char *text = g_strndup (g_bytes_get_data (good, NULL), g_bytes_get_size (good));
  g_autofree char *trailing = g_strconcat (text, " {}", NULL);
  g_autofree char *trailing_word = g_strconcat (text, "x", NULL);
  g_autofree char *format = replace_once (text, "\"org.dossier.Dossier\"", "\"org.other.App\"");
  g_autofree char *no_format = replace_once (text, "\"format\": \"org.dossier.Dossier\",", "");
  g_autofree char *version = replace_once (text, "\"schema_version\": 1", "\"schema_version\": 99");
  g_autofree char *version0 = replace_once (text, "\"schema_version\": 1", "\"schema_version\": 0");
  g_autofree char *version_text = replace_once (text, "\"schema_version\": 1", "\"schema_version\": \"1\"");
  g_autofree char *type = replace_once (text, "\"latitude\":13.4317", "\"latitude\":\"nord\"");
  g_autofree char *type_int = replace_once (text, "\"size\":10,", "\"size\":10.5,");
  g_autofree char *vocab = replace_once (text, "\"violation_types\":[\"killing\"", "\"violation_types\":[\"nonsense\"");
  g_autofree char *vocab_field = replace_once (text, "\"kind\":\"militia\"", "\"kind\":\"pirates\"");
  g_autofree char *repeated_code = replace_once (text, "\"violation_types\":[\"killing\"", "\"violation_types\":[\"rape\"");
  g_autofree char *casualty = replace_once (text, "\"category\":\"killed\"", "\"category\":\"bored\"");
  g_autofree char *missing = replace_once (text, "\"place\":\"Ménaka\",", "");
  g_autofree char *missing_list = replace_once (text, "\"evidence_people\": [", "\"evidence_peoples\": [");
  g_autofree char *unknown = replace_once (text, "\"place\":\"Ménaka\",", "\"place\":\"Ménaka\",\"colour\":\"red\",");
  g_autofree char *unknown_top = replace_once (text, "\"schema_version\": 1,", "\"schema_version\": 1, \"extra\": [],");
  g_autofree char *edtf = replace_once (text, "\"2021-10~\"", "\"2021-13\"");
  g_autofree char *bad_uuid = replace_once (text, "{\"uuid\":\"", "{\"uuid\":\"x");
  g_autofree char *bad_date = replace_once (text, "\"created_at\":\"", "\"created_at\":\"hier");
  g_autofree char *not_object = replace_once (text, "\"incidents\": [\n    {", "\"incidents\": [\n    3, {");
  g_autofree char *half = g_strndup (text, strlen (text) / 2);
  g_autofree char *twice = replace_once (text, "\"schema_version\": 1,", "\"schema_version\": 1, \"incidents\": [],");
  g_autofree char *bad_element = replace_once (text, "\"title_fr\":\"Attaque à Ségou\"", "\"title_fr\":Attaque");
  g_autofree char *dangling = NULL;
  g_autofree char *dangling_parent = NULL;
  g_autofree char *duplicate = NULL;
  g_autofree char *in_other_table = NULL;

  /* A dangling reference: a link to an incident uuid that does not exist. */
  {
    const char *links = strstr (text, "\"incident_people\"");
    const char *inc = strstr (links, "\"incident\":\"") + strlen ("\"incident\":\"");

    dangling = g_strdup (text);
    dangling[inc - text] = inc[0] == '0' ? '1' : '0';
  }
  /* An actor's parent that is not in the document (resolved after the list: another path). */
  {
    const char *parent = strstr (strstr (text, "\"actors\""), "\"parent\":\"") + strlen ("\"parent\":\"");

    dangling_parent = g_strdup (text);
    dangling_parent[parent - text] = parent[0] == '0' ? '1' : '0';
  }
  /* A duplicate uuid: the second incident takes the first one's. */
  {
    const char *u1 = nth_uuid (text, "\"incidents\"", 0);
    const char *u2 = nth_uuid (text, "\"incidents\"", 1);

    duplicate = g_strdup (text);
    memcpy (duplicate + (u2 - text), u1, 36);
  }
  /* A reference to a record of the wrong kind: a person's uuid where an incident's belongs. */
  {
    const char *person = nth_uuid (text, "\"people\"", 0);
    const char *links = strstr (text, "\"incident_people\"");
    const char *inc = strstr (links, "\"incident\":\"") + strlen ("\"incident\":\"");

    in_other_table = g_strdup (text);
    memcpy (in_other_table + (inc - text), person, 36);
  }

  assert_import_fails ("", -1, "empty");
  assert_import_fails ("   \n", -1, "empty");
  assert_import_fails ("{", -1, "ends too early");
  assert_import_fails ("{\"format\": \"org.dossier.Dossier\"", -1, "ends too early");
  assert_import_fails ("not json at all", -1, "not a JSON object");
  assert_import_fails ("{\"a\": }", -1, "not valid JSON: unexpected character on line 1");
  assert_import_fails ("{\"a\" 1}", -1, "not valid JSON: unexpected character on line 1");
  assert_import_fails ("{\"a\": 1,}", -1, "not valid JSON");
  assert_import_fails ("{\"format\": [1,]}", -1, "format: not valid JSON on line 1");
  assert_import_fails ("\xff\xfe{}", -1, "UTF-8");
  assert_import_fails ("{}\0{}", 5, "UTF-8");
  assert_import_fails ("[]", -1, "object");
  assert_import_fails ("42 {}", -1, "not a JSON object");
  assert_import_fails ("\"a\" \"b\"", -1, "not a JSON object");
  assert_import_fails ("[{}] [{}]", -1, "not a JSON object");
  assert_import_fails ("{} {}", -1, "after its end");
  assert_import_fails ("{}]", -1, "after its end");
  assert_import_fails ("{}", -1, "not a dossier");
  assert_import_fails ("{\"format\": \"org.dossier.Dossier\"}", -1, "schema_version");
  assert_import_fails ("{\"format\": \"org.dossier.Dossier\", \"schema_version\": 1}", -1, "dossier");
  assert_import_fails (trailing, -1, "after its end");
  assert_import_fails (trailing_word, -1, "after its end");
  assert_import_fails (format, -1, "not a dossier");
  assert_import_fails (no_format, -1, "not a dossier");
  assert_import_fails (version, -1, "newer");
  assert_import_fails (version0, -1, "version 0");
  assert_import_fails (version_text, -1, "schema_version");
  assert_import_fails (type, -1, "incidents[0].latitude");
  assert_import_fails (type_int, -1, "evidence[0].size");
  assert_import_fails (vocab, -1, "incidents[0].violation_types[0]: “nonsense”");
  assert_import_fails (vocab_field, -1, "actors[0].kind: “pirates”");
  assert_import_fails (repeated_code, -1, "incidents[0].violation_types[1]");
  assert_import_fails (casualty, -1, "incidents[0].casualties[0]");
  assert_import_fails (missing, -1, "incidents[0].place");
  assert_import_fails (missing_list, -1, "evidence_people");
  assert_import_fails (unknown, -1, "incidents[0].colour");
  assert_import_fails (unknown_top, -1, "extra");
  assert_import_fails (edtf, -1, "incidents[0].date_edtf");
  assert_import_fails (bad_uuid, -1, "vocabulary[0].uuid");
  assert_import_fails (bad_date, -1, "created_at");
  assert_import_fails (not_object, -1, "incidents[0]");
  assert_import_fails (dangling, -1, "incident_people[0].incident");
  assert_import_fails (dangling_parent, -1, "actors[0].parent");
  assert_import_fails (duplicate, -1, "incidents[1].uuid");
  assert_import_fails (in_other_table, -1, "incident_people[0].incident");
  assert_import_fails (half, -1, "ends too early");
  assert_import_fails (twice, -1, "incidents: given twice");
  assert_import_fails (bad_element, -1, "incidents[1]: not valid JSON on line");

  /* Into a dossier that is not empty. */
  {
    g_autoptr(GError) error = NULL;
    DossierStoreCounts before, after;

    g_assert_true (dossier_store_count (a, &before, NULL));
    g_assert_false (import (a, good, &error));
    g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "empty"));
    g_assert_true (dossier_store_count (a, &after, NULL));
    g_assert_cmpmem (&before, sizeof before, &after, sizeof after);
  }
}

static void
test_files (void)
{
  g_autoptr(DossierStore) a = make_full_dossier ("file.dossier");
  g_autoptr(DossierStore) b = dossier_test_new_store ("file-b.dossier");
  g_autoptr(DossierStore) broken = make_full_dossier ("broken.dossier");
  g_autofree char *path = dossier_test_tmp_path ("export.json");
  g_autofree char *kept = dossier_test_tmp_path ("kept.json");
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) expected = export (a);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gsize len;

  g_assert_true (dossier_json_export_file (a, path, &error));
  g_assert_no_error (error);
  contents = dossier_test_read_file (path, &len);
  g_assert_cmpmem (contents, len, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_assert_true (dossier_json_import_file (b, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (b, DOSSIER_TYPE_INCIDENT), ==, 2);

  /* Exporting again replaces the file. */
  g_assert_true (dossier_json_export_file (b, path, &error));
  g_assert_no_error (error);

  /* An unwritable destination fails cleanly. */
  g_assert_false (dossier_json_export_file (a, "/nonexistent-dir/x.json", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A failure half way through leaves the file that was there, and no temporary file. */
  dossier_test_write_file (kept, "old", -1);
  g_assert_cmpint (sqlite3_exec (dossier_store_get_db (broken), "DROP TABLE testimony_tag;", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (dossier_json_export_file (broken, kept, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_pointer (&contents, g_free);
  contents = dossier_test_read_file (kept, &len);
  g_assert_cmpstr (contents, ==, "old");
  dir = g_dir_open (dossier_test_tmpdir (), 0, NULL);
  while ((name = g_dir_read_name (dir)))
    g_assert_false (g_str_has_suffix (name, ".part"));

  /* A missing file. */
  g_assert_false (dossier_json_import_file (b, "/nonexistent-dir/x.json", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_cancel (void)
{
  g_autoptr(DossierStore) a = make_full_dossier ("cancel-a.dossier");
  g_autoptr(DossierStore) b = dossier_test_new_store ("cancel-b.dossier");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) good = export (a);
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_bytes (good);
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (dossier_json_export (a, out, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_assert_false (dossier_json_import (b, in, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (count (b, DOSSIER_TYPE_INCIDENT), ==, 0);
}

/* ---------------------------------------------------------------- issue 12 */

/* dossier-cli, as the tests run it (tests/meson.build), or NULL. */
static const char *
cli_path (void)
{
  const char *cli = g_getenv ("DOSSIER_CLI");

  return cli != NULL && g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE) ? cli : NULL;
}

/* Runs dossier-cli; returns its exit status, or -1 if it was killed by a signal. */
static int
run_cli (char       **err,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *e = NULL;
  int status = 0;
  va_list ap;

  g_ptr_array_add (argv, (char *) cli_path ());
  va_start (ap, first);
  for (const char *a = first; a; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &e, &status, &error));
  g_assert_no_error (error);
  g_test_message ("dossier-cli %s … → %s", first, e);
  if (err != NULL)
    *err = g_steal_pointer (&e);
  return WIFSIGNALED (status) ? -1 : WEXITSTATUS (status);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return FALSE;
  return g_strstr_len (contents, len, needle) != NULL;
}

#define CANARY_KILLED "CANARYKILLEDIMPORT"

/* A dossier large enough for its import to take a while, whose every identity carries a
 * canary, exported to @json. */
static void
write_big_document (const char *json)
{
  g_autoptr(DossierStore) store = dossier_test_new_store ("big-source.dossier");
  DossierSynthOptions options = { 800, 400, 80, 60, 7 };
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_synth_fill (store, &options, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (dossier_store_get_db (store),
                                 "UPDATE identity SET full_name = '" CANARY_KILLED "' || id", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM identity", NULL), >, 100);
  g_assert_true (dossier_json_export_file (store, json, &error));
  g_assert_no_error (error);
}

/* What a killed or failed import left in @dir for the target @name: never the target nor a
 * side file of it, and no side file of anything holding an identity. */
static void
assert_nothing_left (const char *dir,
                     const char *name,
                     gboolean    identities_in_temporary_ok)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *entry;

  g_assert_nonnull (d);
  while ((entry = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *full = g_build_filename (dir, entry, NULL);
      gboolean side = g_str_has_suffix (entry, "-wal") || g_str_has_suffix (entry, "-journal") ||
                      g_str_has_suffix (entry, "-shm");
      GStatBuf st;

      if (!g_str_has_prefix (entry, name))
        continue;
      g_test_message ("left: %s", entry);
      /* The target, or its side files: the import must not have made them. */
      g_assert_false (g_str_equal (entry, name));
      g_assert_true (g_str_has_prefix (entry + strlen (name), ".importing-"));
      g_assert_false (side && file_contains (full, CANARY_KILLED));
      /* A temporary dossier killed while its import was being committed: owner-only. */
      g_assert_true (identities_in_temporary_ok || !file_contains (full, CANARY_KILLED));
      g_assert_cmpint (g_stat (full, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0077, ==, 0);
    }
}

/* 7. A JSON import into a new dossier killed at any moment leaves no dossier at the target
 * and no -wal holding identities; completed, the dossier file alone holds everything. */
static void
test_killed_import (void)
{
  g_autofree char *json = dossier_test_tmp_path ("killed-import.json");
  g_autofree char *dir = dossier_test_tmp_path ("killed-import");
  g_autofree char *target = g_build_filename (dir, "NEW.dossier", NULL);
  g_autofree char *wal = g_strconcat (target, "-wal", NULL);
  g_autofree char *bad = dossier_test_tmp_path ("killed-import-bad.json");
  const char *cli = cli_path ();
  const double fractions[] = { 0.1, 0.35, 0.6, 0.85 };
  g_autoptr(GError) error = NULL;
  gint64 start;
  double full;

  if (cli == NULL)
    {
      g_test_skip ("DOSSIER_CLI is not set: run through meson test");
      return;
    }
  write_big_document (json);
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);

  /* A document refused half way: nothing left, not even the temporary dossier. */
  {
    g_autofree char *text = NULL;
    g_autofree char *broken = NULL;

    g_assert_true (g_file_get_contents (json, &text, NULL, NULL));
    broken = replace_once (text, "\"audit\": [", "\"audit\": [3, ");
    dossier_test_write_file (bad, broken, -1);
    g_assert_cmpint (run_cli (NULL, "import", target, "--format", "json", bad, NULL), ==, 1);
    assert_nothing_left (dir, "NEW.dossier", FALSE);
    g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  }

  /* How long a whole import takes here, to kill the next ones along the way. */
  start = g_get_monotonic_time ();
  g_assert_cmpint (run_cli (NULL, "import", target, "--format", "json", json, NULL), ==, 0);
  full = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("a whole import takes %.2f s", full);
  g_assert_true (g_file_test (target, G_FILE_TEST_IS_REGULAR));
  dossier_store_remove_files (target);

  for (guint i = 0; i < G_N_ELEMENTS (fractions); i++)
    {
      const char *argv[] = { cli, "import", target, "--format", "json", json, NULL };
      GPid pid;
      int status;

      g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                    G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                    NULL, NULL, &pid, &error));
      g_assert_no_error (error);
      g_usleep ((gulong) (fractions[i] * full * G_USEC_PER_SEC));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      if (!WIFSIGNALED (status))
        {
          /* It finished first: a whole dossier, which the next round must not find. */
          g_test_message ("round %u: the import ended before the kill", i);
          g_assert_cmpint (WEXITSTATUS (status), ==, 0);
          g_assert_true (g_file_test (target, G_FILE_TEST_IS_REGULAR));
          dossier_store_remove_files (target);
          continue;
        }
      g_test_message ("round %u: killed after %.2f s", i, fractions[i] * full);
      assert_nothing_left (dir, "NEW.dossier", TRUE);
    }

  /* Then a whole run gives the dossier, and its file alone holds every identity. */
  g_assert_cmpint (run_cli (NULL, "import", target, "--format", "json", json, NULL), ==, 0);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  {
    g_autofree char *copy = dossier_test_tmp_path ("killed-import-copy.dossier");
    g_autofree char *contents = NULL;
    g_autoptr(DossierStore) store = NULL;
    gsize len;

    g_assert_true (g_file_get_contents (target, &contents, &len, NULL));
    g_assert_true (g_file_set_contents_full (copy, contents, len, G_FILE_SET_CONTENTS_NONE, 0600, NULL));
    store = dossier_store_open (copy, DOSSIER_STORE_OPEN_READ_ONLY, &error);
    g_assert_no_error (error);
    g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM identity WHERE full_name LIKE '" CANARY_KILLED "%'", NULL),
                     >, 100);
  }
}

/* A bag of the demo whose data/dossier.json is @json, its manifests and Payload-Oxum made
 * to agree with it: a valid bag that lies only in its document. */
static void
payload_size (const char *dir,
              guint64    *octets,
              guint      *files)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *entry;

  g_assert_nonnull (d);
  while ((entry = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *full = g_build_filename (dir, entry, NULL);
      GStatBuf st;

      g_assert_cmpint (g_lstat (full, &st), ==, 0);
      if (S_ISDIR (st.st_mode))
        payload_size (full, octets, files);
      else
        {
          *octets += st.st_size;
          (*files)++;
        }
    }
}

static char *
sha256_of_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static void
bag_with_document (const char *bag,
                   const char *json)
{
  const char *manifests[] = { "manifest-sha256.txt", "bag-info.txt", "tagmanifest-sha256.txt" };
  g_autofree char *document = g_build_filename (bag, "data", "dossier.json", NULL);
  g_autofree char *data = g_build_filename (bag, "data", NULL);
  guint64 octets = 0;
  guint files = 0;

  dossier_test_write_file (document, json, -1);
  payload_size (data, &octets, &files);
  for (guint m = 0; m < G_N_ELEMENTS (manifests); m++)
    {
      g_autofree char *path = g_build_filename (bag, manifests[m], NULL);
      g_autofree char *text = NULL;
      g_autoptr(GString) out = g_string_new (NULL);
      g_auto(GStrv) lines = NULL;

      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      lines = g_strsplit (text, "\n", -1);
      for (guint i = 0; lines[i] != NULL && *lines[i]; i++)
        {
          const char *name = strstr (lines[i], "  ");

          if (m == 1 && g_str_has_prefix (lines[i], "Payload-Oxum:"))
            g_string_append_printf (out, "Payload-Oxum: %" G_GUINT64_FORMAT ".%u\n", octets, files);
          else if (m != 1 && name != NULL && (m == 2 || g_str_equal (name + 2, "data/dossier.json")))
            {
              g_autofree char *file = g_build_filename (bag, name + 2, NULL);
              g_autofree char *sha = sha256_of_file (file);

              g_string_append_printf (out, "%s  %s\n", sha, name + 2);
            }
          else
            g_string_append_printf (out, "%s\n", lines[i]);
        }
      dossier_test_write_file (path, out->str, -1);
    }
}

/* 8. Lists nested 100,000 deep crashed json-glib: refused before it sees them, with where. */
static void
test_deep_nesting (void)
{
  g_autoptr(DossierStore) a = make_full_dossier ("deep-source.dossier");
  g_autoptr(GBytes) good = export (a);
  g_autofree char *text = g_strndup (g_bytes_get_data (good, NULL), g_bytes_get_size (good));
  g_autofree char *opening = g_strnfill (100000, '[');
  g_autofree char *closing = g_strnfill (100000, ']');
  g_autofree char *deep_lists = g_strconcat ("\"incidents\": [\n    ", opening, closing, ",\n    {", NULL);
  g_autofree char *opened = g_strconcat ("\"incidents\": [", opening, NULL);
  g_autofree char *deep = replace_once (text, "\"incidents\": [\n    {", deep_lists);
  g_autofree char *open_only = replace_once (text, "\"incidents\": [\n    {", opened);
  /* 4 levels to the list of violation types, 32 at most: 28 more lists, then 29. */
  g_autofree char *at_limit_open = g_strnfill (28, '[');
  g_autofree char *at_limit_close = g_strnfill (28, ']');
  g_autofree char *over_open = g_strnfill (29, '[');
  g_autofree char *over_close = g_strnfill (29, ']');
  g_autofree char *at_limit_value = g_strconcat ("\"violation_types\":[", at_limit_open, at_limit_close, ",\"killing\"", NULL);
  g_autofree char *over_value = g_strconcat ("\"violation_types\":[", over_open, over_close, ",\"killing\"", NULL);
  g_autofree char *at_limit = replace_once (text, "\"violation_types\":[\"killing\"", at_limit_value);
  g_autofree char *over = replace_once (text, "\"violation_types\":[\"killing\"", over_value);
  g_autofree char *in_counters = replace_once (text, "\"code_counters\": {", "\"code_counters\": {\"x\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]], ");
  g_autofree char *brackets = g_strnfill (DOSSIER_TEXT_SHORT - 10, '[');
  g_autofree char *in_text_value = g_strconcat ("\"title_en\":\"", brackets, NULL);
  g_autofree char *in_text = replace_once (text, "\"title_en\":\"", in_text_value);

  assert_import_fails (deep, -1, "incidents[0][0][0][0][0][0]");
  {
    /* The line of the list that goes too deep: the one the lists start on. */
    const char *lists = strstr (deep, opening);
    guint line = 1;
    g_autofree char *expected = NULL;

    for (const char *p = deep; p < lists; p++)
      line += *p == '\n';
    expected = g_strdup_printf ("nested too deep on line %u (a dossier document has at most 32 levels)", line);
    assert_import_fails (deep, -1, expected);
  }
  assert_import_fails (open_only, -1, "nested too deep");
  assert_import_fails (over, -1, "incidents[0].violation_types[0][0]");
  assert_import_fails (in_counters, -1, "code_counters.x[0]");
  /* At the limit, the document is only wrong, as json-glib and the importer say. */
  assert_import_fails (at_limit, -1, "incidents[0].violation_types[0]: expected a code");

  /* Brackets inside a text are text. */
  {
    g_autoptr(DossierStore) b = dossier_test_new_store ("deep-text.dossier");
    g_autoptr(GBytes) bytes = g_bytes_new (in_text, strlen (in_text));
    g_autoptr(GError) error = NULL;

    g_assert_true (import (b, bytes, &error));
    g_assert_no_error (error);
  }

  /* A bag's dossier goes through the same import. */
  if (cli_path () != NULL)
    {
      g_autofree char *demo_path = dossier_test_tmp_path ("deep-demo.dossier");
      g_autofree char *bag = dossier_test_tmp_path ("deep bag");
      g_autofree char *target = dossier_test_tmp_path ("deep-from-bag.dossier");
      g_autofree char *err = NULL;
      g_autofree char *demo_json = NULL;
      g_autofree char *bag_json = NULL;
      g_autofree char *document = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierStore) demo = dossier_demo_create (demo_path, &error);

      g_assert_no_error (error);
      g_assert_true (dossier_bagit_export (demo, bag, NULL, &error));
      g_assert_no_error (error);
      document = g_build_filename (bag, "data", "dossier.json", NULL);
      g_assert_true (g_file_get_contents (document, &demo_json, NULL, NULL));
      bag_json = replace_once (demo_json, "\"incidents\": [\n    {", deep_lists);
      bag_with_document (bag, bag_json);
      g_assert_cmpint (run_cli (&err, "import", target, "--format", "bagit", bag, NULL), ==, 1);
      g_assert_nonnull (strstr (err, "incidents[0][0]"));
      g_assert_nonnull (strstr (err, "nested too deep"));
      g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
    }
}

static char *
repeat (const char *unit,
        gsize       chars)
{
  g_autoptr(GString) s = g_string_new (NULL);
  gsize unit_chars = g_utf8_strlen (unit, -1);
  gsize n = 0;

  for (; n + unit_chars <= chars; n += unit_chars)
    g_string_append (s, unit);
  for (; n < chars; n++)
    g_string_append_c (s, 'x');
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* @text with the JSON string value after @key (first one) made @value. */
static char *
with_value (const char *text,
            const char *key,
            const char *value)
{
  g_autofree char *from = g_strdup_printf ("\"%s\":", key);
  const char *at = strstr (text, from);
  const char *start, *end;

  g_assert_nonnull (at);
  start = strchr (at + strlen (from), '"') + 1;
  for (end = start; *end != '"'; end++)
    if (*end == '\\')
      end++;
  return g_strdup_printf ("%.*s%s%s", (int) (start - text), text, value, end);
}

/* 9. Every text has a limit, which import, the store and so the editors keep; the annex of
 * the longest texts allowed is laid out in bounded memory. */
static void
test_unbounded_inputs (void)
{
  g_autoptr(DossierStore) a = make_full_dossier ("long-source.dossier");
  g_autoptr(GBytes) good = export (a);
  g_autofree char *text = g_strndup (g_bytes_get_data (good, NULL), g_bytes_get_size (good));
  g_autofree char *words = repeat ("témoignage recueilli à Gao ", DOSSIER_TEXT_DOCUMENT);
  g_autofree char *too_many_words = g_strconcat (words, "x", NULL);
  g_autofree char *summary = repeat ("Les faits se sont produits au marché. ", DOSSIER_TEXT_LONG);
  g_autofree char *too_long_summary = g_strconcat (summary, "x", NULL);
  g_autofree char *title = repeat ("é", DOSSIER_TEXT_SHORT);
  g_autofree char *too_long_title = g_strconcat (title, "é", NULL);
  g_autofree char *mandate = with_value (text, "mandate", too_many_words);
  g_autofree char *summary_doc = with_value (text, "summary_fr", too_long_summary);
  g_autofree char *title_doc = with_value (text, "title_fr", too_long_title);
  g_autofree char *detail_doc = with_value (strstr (text, "\"incident_people\""), "detail", too_long_summary);
  g_autofree char *detail_full = g_strdup_printf ("%.*s%s", (int) (strstr (text, "\"incident_people\"") - text), text, detail_doc);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (dossier_record_text_limit ("dossier", "mandate"), ==, DOSSIER_TEXT_DOCUMENT);
  g_assert_cmpuint (dossier_record_text_limit ("testimony", "transcript"), ==, DOSSIER_TEXT_DOCUMENT);
  g_assert_cmpuint (dossier_record_text_limit ("incident", "summary_en"), ==, DOSSIER_TEXT_LONG);
  g_assert_cmpuint (dossier_record_text_limit ("incident", "title_fr"), ==, DOSSIER_TEXT_SHORT);

  assert_import_fails (mandate, -1, "dossier.mandate: The field “mandate” is too long: it holds at most 1000000 characters");
  assert_import_fails (summary_doc, -1, "incidents[0].summary_fr: The field “summary_fr” is too long: it holds at most 50000");
  assert_import_fails (title_doc, -1, "incidents[0].title_fr: The field “title_fr” is too long: it holds at most 1000");
  assert_import_fails (detail_full, -1, "incident_people[0].detail");

  /* Every write of the store keeps them, so the editors, the importers and the command line. */
  {
    g_autoptr(DossierIncident) inc = dossier_incident_new ();

    g_assert_false (dossier_store_set_info (a, "mandate", too_many_words, &error));
    g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "mandate"));
    g_clear_error (&error);
    g_assert_true (dossier_store_set_info (a, "mandate", words, &error));
    g_assert_no_error (error);

    set (&inc->title_fr, too_long_title);
    g_assert_false (dossier_store_insert (a, DOSSIER_RECORD (inc), &error));
    g_assert_nonnull (strstr (error->message, "title_fr"));
    g_clear_error (&error);
    set (&inc->title_fr, title);
    INSERT (a, inc);
    set (&inc->summary_en, too_long_summary);
    g_assert_false (dossier_store_update (a, DOSSIER_RECORD (inc), &error));
    g_assert_nonnull (strstr (error->message, "summary_en"));
    g_clear_error (&error);
  }

  /* The longest texts allowed import, and the annex lays them out. */
  {
    g_autofree char *doc = with_value (text, "mandate", words);
    g_autofree char *doc2 = with_value (doc, "summary_fr", summary);
    g_autofree char *doc3 = with_value (doc2, "title_fr", title);
    g_autofree char *doc4 = with_value (doc3, "transcript", words);
    g_autoptr(DossierStore) b = dossier_test_new_store ("long.dossier");
    g_autoptr(GBytes) bytes = g_bytes_new (doc4, strlen (doc4));
    g_autofree char *pdf = dossier_test_tmp_path ("long.pdf");
    g_autofree char *pdf_fr = dossier_test_tmp_path ("long-fr.pdf");
    g_autofree char *pdf_text = NULL;
    g_autofree char *pdf_text_fr = NULL;
    DossierAnnexOptions options = { .profile = DOSSIER_PROFILE_INTERNAL, .lang = "en", .sections = DOSSIER_ANNEX_TABLES };

    g_assert_true (import (b, bytes, &error));
    g_assert_no_error (error);
    g_assert_cmpint (dossier_test_query_int (b, "SELECT length (mandate) FROM dossier", NULL), ==, DOSSIER_TEXT_DOCUMENT);
    g_assert_cmpint (dossier_test_query_int (b, "SELECT max (length (transcript)) FROM testimony", NULL), ==, DOSSIER_TEXT_DOCUMENT);

    g_assert_true (dossier_annex_write_pdf (b, &options, pdf, &error));
    g_assert_no_error (error);
    pdf_text = dossier_test_pdf_text (pdf);
    g_assert_nonnull (strstr (pdf_text, "(the text continues in the dossier)"));
    options.lang = "fr";
    g_assert_true (dossier_annex_write_pdf (b, &options, pdf_fr, &error));
    g_assert_no_error (error);
    pdf_text_fr = dossier_test_pdf_text (pdf_fr);
    g_assert_nonnull (strstr (pdf_text_fr, "(le texte continue dans le dossier)"));
  }
}

/* 11. A code read from a document is one the store would make: never a path. */
static void
test_codes_are_not_paths (void)
{
  g_autoptr(DossierStore) a = make_full_dossier ("codes-source.dossier");
  g_autoptr(GBytes) good = export (a);
  g_autofree char *text = g_strndup (g_bytes_get_data (good, NULL), g_bytes_get_size (good));
  const struct {
    const char *from;
    const char *to;
    const char *where;
  } cases[] = {
    { "\"code\":\"EVD-0001\"", "\"code\":\"../../../../x\"", "evidence[0].code: “../../../../x” is not a code such as EVD-0001" },
    { "\"code\":\"EVD-0002\"", "\"code\":\"EVD-0002/../../x\"", "evidence[1].code" },
    { "\"code\":\"EVD-0001\"", "\"code\":\"/etc/passwd\"", "evidence[0].code" },
    { "\"code\":\"EVD-0001\"", "\"code\":\"EVD-1\"", "evidence[0].code" },
    { "\"code\":\"EVD-0001\"", "\"code\":\"EVD-00001\"", "evidence[0].code" },
    { "\"code\":\"EVD-0001\"", "\"code\":\"EVD-0000\"", "evidence[0].code" },
    { "\"code\":\"EVD-0001\"", "\"code\":\"INC-0001\"", "evidence[0].code" },
    { "\"code\":\"EVD-0001\"", "\"code\":\"EVD-0001 \"", "evidence[0].code" },
    { "\"code\":\"EVD-0001\"", "\"code\":\"EVD-0001\\n\"", "evidence[0].code: “EVD-0001?”" },
    { "\"code\":\"INC-0002\"", "\"code\":\"INC-..\"", "incidents[1].code" },
    { "\"code\":\"TES-0001\"", "\"code\":\"TES-001\"", "testimonies[0].code: “TES-001” is not a code such as TES-0001" },
    { "\"code\":\"TES-0001\"", "\"code\":\"TES-000001\"", "testimonies[0].code" },
    { "\"code\":\"TEM-0001\"", "\"code\":\"C:\\\\x\"", "people[0].code" },
    { "\"code\":\"ACT-0001\"", "\"code\":\"ACT-0001/\"", "actors[0].code" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *bad = replace_once (text, cases[i].from, cases[i].to);

      assert_import_fails (bad, -1, cases[i].where);
    }

  /* Codes of more digits than the least are made once the counter passes 9999. */
  {
    g_autofree char *long_code = replace_once (text, "\"code\":\"EVD-0002\"", "\"code\":\"EVD-12345\"");
    g_autoptr(DossierStore) b = dossier_test_new_store ("codes-long.dossier");
    g_autoptr(GBytes) bytes = g_bytes_new (long_code, strlen (long_code));
    g_autoptr(GError) error = NULL;

    g_assert_true (import (b, bytes, &error));
    g_assert_no_error (error);
  }

  /* The store refuses such a code on any insert, imported or not. */
  {
    g_autoptr(DossierEvidence) ev = dossier_evidence_new ();
    g_autoptr(GError) error = NULL;

    dossier_record_set_code (DOSSIER_RECORD (ev), "../x");
    set (&ev->sha256, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    g_assert_false (dossier_store_insert (a, DOSSIER_RECORD (ev), &error));
    g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "“../x”"));
    g_assert_cmpstr (dossier_record_get_code (DOSSIER_RECORD (ev)), ==, "../x");
  }
}

/* The @n-th (from 0) occurrence of @key's value in the section @section of @text. */
static const char *
nth_value (const char *text,
           const char *section,
           const char *key,
           int         n)
{
  const char *at = strstr (text, section);

  g_assert_nonnull (at);
  for (int i = 0; i <= n; i++)
    {
      at = strstr (at, key);
      g_assert_nonnull (at);
      at += strlen (key);
    }
  return at;
}

/* 13. A custody log edited in the document is refused, naming the item. */
static void
test_custody_chain_checked (void)
{
  g_autoptr(DossierStore) a = make_full_dossier ("custody-source.dossier");
  g_autoptr(GBytes) good = export (a);
  g_autofree char *text = g_strndup (g_bytes_get_data (good, NULL), g_bytes_get_size (good));
  g_autofree char *hash = g_strdup (text);
  g_autofree char *details = NULL;
  g_autofree char *prev = g_strdup (text);
  g_autofree char *head = g_strdup (text);
  g_autofree char *moved = g_strdup (text);
  const char *events = strstr (text, "\"custody_events\"");
  const char *last = g_strrstr_len (events, strstr (events, "\n  ]") - events, "\"hash\":\"");
  char *at;

  /* The last event of the list, which is EVD-0002's last: one hex digit of its hash changed. */
  g_assert_nonnull (last);
  at = hash + (last - text) + strlen ("\"hash\":\"");
  *at = *at == '0' ? '1' : '0';
  assert_import_fails (hash, -1, "evidence[1] (EVD-0002): the custody log is broken: custody event ");
  assert_import_fails (hash, -1, " was altered");

  /* Its details changed, its hash left: the hash no longer covers the event. */
  details = replace_once (text, "\"action\":\"viewed\",\"details\":\"\"", "\"action\":\"viewed\",\"details\":\"rien\"");
  assert_import_fails (details, -1, "evidence[0] (EVD-0001): the custody log is broken: custody event 2 was altered");

  /* An event that no longer follows the one before it. */
  at = prev + (nth_value (text, "\"custody_events\"", "\"prev_hash\":\"", 1) - text);
  *at = *at == '0' ? '1' : '0';
  assert_import_fails (prev, -1, "evidence[0] (EVD-0001): the custody log is broken: custody event 2 does not follow");

  /* The item's head no longer the last event: events were cut off the end. */
  at = head + (nth_value (text, "\"evidence\"", "\"custody_head\":\"", 1) - text);
  *at = *at == '0' ? '1' : '0';
  assert_import_fails (head, -1, "evidence[1] (EVD-0002)");

  /* EVD-0001's first event given to EVD-0002: both logs are broken, the first is named. */
  {
    const char *first = nth_uuid (text, "\"evidence\"", 0);
    const char *events = strstr (text, "\"custody_events\"");
    const char *ref = strstr (events, "\"evidence\":\"") + strlen ("\"evidence\":\"");
    const char *second = nth_uuid (text, "\"evidence\"", 1);

    g_assert_cmpmem (ref, 36, first, 36);
    memcpy (moved + (ref - text), second, 36);
    assert_import_fails (moved, -1, "evidence[0] (EVD-0001): the custody log is broken: custody event 1 does not follow");
  }

  /* What a profile without the logs exports carries no head either, and imports. */
  {
    g_autofree char *json = dossier_test_tmp_path ("custody-public.json");
    g_autoptr(DossierStore) b = dossier_test_new_store ("custody-public.dossier");
    g_autoptr(GError) error = NULL;

    g_assert_true (dossier_json_export_file_profile (a, DOSSIER_PROFILE_ANNEX, json, &error));
    g_assert_no_error (error);
    g_assert_true (dossier_json_import_file (b, json, &error));
    g_assert_no_error (error);
  }
}

/* 14. Counters below the document's codes are raised past them: the next record has a
 * fresh code, not a UNIQUE failure for ever. */
static void
test_code_counters (void)
{
  g_autoptr(DossierStore) a = make_full_dossier ("counters-source.dossier");
  g_autoptr(GBytes) good = export (a);
  g_autofree char *text = g_strndup (g_bytes_get_data (good, NULL), g_bytes_get_size (good));
  const char *counters = strstr (text, ",\n  \"code_counters\"");
  g_autofree char *low = NULL;
  g_autofree char *none = NULL;
  g_autofree char *high = NULL;
  g_autofree char *unknown = NULL;

  g_assert_nonnull (counters);
  low = g_strdup_printf ("%.*s,\n  \"code_counters\": {\"EVD\": 1, \"INC\": 1, \"TES\": 2}\n}\n", (int) (counters - text), text);
  none = g_strdup_printf ("%.*s,\n  \"code_counters\": {}\n}\n", (int) (counters - text), text);
  high = g_strdup_printf ("%.*s,\n  \"code_counters\": {\"INC\": 50}\n}\n", (int) (counters - text), text);
  unknown = g_strdup_printf ("%.*s,\n  \"code_counters\": {\"XYZ\": 5}\n}\n", (int) (counters - text), text);
  assert_import_fails (unknown, -1, "code_counters.XYZ");

  for (guint round = 0; round < 3; round++)
    {
      const char *doc = round == 0 ? low : round == 1 ? none : high;
      g_autofree char *name = g_strdup_printf ("counters-%u.dossier", round);
      g_autoptr(DossierStore) b = dossier_test_new_store (name);
      g_autoptr(GBytes) bytes = g_bytes_new (doc, strlen (doc));
      g_autoptr(DossierIncident) inc = dossier_incident_new ();
      g_autoptr(DossierEvidence) ev = dossier_evidence_new ();
      g_autoptr(DossierTestimony) t = dossier_testimony_new ();
      g_autoptr(DossierActor) actor = dossier_actor_new ();
      g_autoptr(DossierPerson) person = dossier_person_new ();
      g_autoptr(GError) error = NULL;

      g_assert_true (import (b, bytes, &error));
      g_assert_no_error (error);
      INSERT (b, inc);
      g_assert_cmpstr (dossier_record_get_code (DOSSIER_RECORD (inc)), ==, round == 2 ? "INC-0050" : "INC-0003");
      set (&ev->sha256, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
      ev->size = 1;
      INSERT (b, ev);
      g_assert_cmpstr (dossier_record_get_code (DOSSIER_RECORD (ev)), ==, "EVD-0003");
      INSERT (b, t);
      g_assert_cmpstr (dossier_record_get_code (DOSSIER_RECORD (t)), ==, "TES-0003");
      set (&actor->kind, "militia");
      INSERT (b, actor);
      g_assert_cmpstr (dossier_record_get_code (DOSSIER_RECORD (actor)), ==, "ACT-0005");
      INSERT (b, person);
      g_assert_cmpstr (dossier_record_get_code (DOSSIER_RECORD (person)), ==, "TEM-0003");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  dossier_test_register_resources ();

  g_test_add_func ("/json/round-trip", test_round_trip);
  g_test_add_func ("/json/bad-input", test_bad_input);
  g_test_add_func ("/json/files", test_files);
  g_test_add_func ("/json/cancel", test_cancel);
  g_test_add_func ("/trust/07-killed-import-leaves-nothing", test_killed_import);
  g_test_add_func ("/trust/08-deep-nesting", test_deep_nesting);
  g_test_add_func ("/trust/09-unbounded-inputs", test_unbounded_inputs);
  g_test_add_func ("/trust/11-codes-are-not-paths", test_codes_are_not_paths);
  g_test_add_func ("/trust/13-custody-chain-checked", test_custody_chain_checked);
  g_test_add_func ("/trust/14-code-counters", test_code_counters);

  return g_test_run ();
}
