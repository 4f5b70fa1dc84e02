/* test-json-io.c: the JSON interchange round trip and its refusals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "dossier-actor.h"
#include "dossier-custody.h"
#include "dossier-evidence.h"
#include "dossier-identity.h"
#include "dossier-incident.h"
#include "dossier-json-io.h"
#include "dossier-link.h"
#include "dossier-person.h"
#include "dossier-testimony.h"
#include "dossier-test-util.h"

static void
set (char **field, const char *value)
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
link_ (DossierStore *store, DossierLinkKind kind, gint64 a, gint64 b, const char *role, const char *detail)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierLink) link = dossier_store_link (store, kind, a, b, role, detail, &error);
  g_assert_no_error (error);
}

/* A dossier with two of everything, and awkward text. */
static DossierStore *
make_full_dossier (const char *name)
{
  DossierStore *store = dossier_test_new_store (name);
  g_autoptr(GError) error = NULL;
  DossierRecord *recs[12] = { 0 };

  g_assert_true (dossier_store_set_info (store, "title", "Enquête sur « Ménaka » — 2022", &error));
  g_assert_true (dossier_store_set_info (store, "period", "2012/2023", &error));

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

      set (&parent->name, "Forces armées fictives");
      set (&parent->kind, "state-security-forces");
      INSERT (store, parent);
      set (&actor->name, "Unité \"Delta\"\nfictive");
      set (&actor->kind, "militia");
      actor->parent_id = DOSSIER_RECORD (parent)->id;
      INSERT (store, actor);

      set (&inc->title_fr, i ? "Attaque à Ségou" : "Enlèvement près de Gao");
      set (&inc->summary_en, "Quotes \" and backslashes \\ and tabs\tand emoji 🕊️");
      set (&inc->date_edtf, i ? "2022-03-27/2022-03-31" : "2021-10~");
      set (&inc->admin1, "segou");
      inc->latitude = 13.4317 + i;
      inc->longitude = -6.2157;
      g_strfreev (inc->violation_types);
      inc->violation_types = g_strsplit ("killing,rape", ",", -1);
      inc->casualties[0][4] = 12 + i;
      inc->casualties[4][0] = 3;
      INSERT (store, inc);

      person->age = 40 + i;
      set (&person->residence_admin1, "gao");
      INSERT (store, person);
      identity->person_id = DOSSIER_RECORD (person)->id;
      set (&identity->full_name, "Nom fictif");
      INSERT (store, identity);

      t->person_id = DOSSIER_RECORD (person)->id;
      set (&t->transcript, "Ligne 1\nLigne 2 — « guillemets »");
      set (&t->language, "fr");
      g_strfreev (t->tags);
      t->tags = g_strsplit ("torture", ",", -1);
      INSERT (store, t);

      set (&ev->title, "Pièce");
      set (&ev->sha256, sha);
      ev->size = 10 + i;
      INSERT (store, ev);
      g_assert_true (dossier_custody_append (store, DOSSIER_RECORD (ev)->id, "ingested", "test", &error));

      link_ (store, DOSSIER_LINK_INCIDENT_ACTOR, DOSSIER_RECORD (inc)->id, DOSSIER_RECORD (actor)->id, "alleged-perpetrator", NULL);
      link_ (store, DOSSIER_LINK_INCIDENT_PERSON, DOSSIER_RECORD (inc)->id, DOSSIER_RECORD (person)->id, "victim", "note");
      link_ (store, DOSSIER_LINK_TESTIMONY_INCIDENT, DOSSIER_RECORD (t)->id, DOSSIER_RECORD (inc)->id, NULL, "extrait");
      link_ (store, DOSSIER_LINK_EVIDENCE_INCIDENT, DOSSIER_RECORD (ev)->id, DOSSIER_RECORD (inc)->id, NULL, NULL);
      link_ (store, DOSSIER_LINK_EVIDENCE_PERSON, DOSSIER_RECORD (ev)->id, DOSSIER_RECORD (person)->id, NULL, NULL);
      link_ (store, DOSSIER_LINK_EVIDENCE_TESTIMONY, DOSSIER_RECORD (ev)->id, DOSSIER_RECORD (t)->id, NULL, NULL);
    }
  (void) recs;
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

static void
test_round_trip (void)
{
  g_autoptr(DossierStore) a = make_full_dossier ("a.dossier");
  g_autoptr(DossierStore) b = dossier_test_new_store ("b.dossier");
  g_autoptr(GBytes) first = export (a);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  DossierStoreCounts ca, cb;

  g_assert_true (dossier_json_import (b, first, NULL, &error));
  g_assert_no_error (error);
  second = export (b);
  if (g_getenv ("DUMP")) { g_file_set_contents ("/tmp/cb/first.json", g_bytes_get_data (first, NULL), g_bytes_get_size (first), NULL); g_file_set_contents ("/tmp/cb/second.json", g_bytes_get_data (second, NULL), g_bytes_get_size (second), NULL); }
  g_assert_cmpmem (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                   g_bytes_get_data (second, NULL), g_bytes_get_size (second));

  g_assert_true (dossier_store_count (a, &ca, NULL));
  g_assert_true (dossier_store_count (b, &cb, NULL));
  g_assert_cmpmem (&ca, sizeof ca, &cb, sizeof cb);
  g_assert_cmpint (cb.incidents, ==, 2);

  /* New records in the imported dossier continue the codes. */
  {
    g_autoptr(DossierIncident) inc = dossier_incident_new ();
    INSERT (b, inc);
    g_assert_cmpstr (DOSSIER_RECORD (inc)->code, ==, "INC-0003");
  }
  /* The text survived: search finds it in the imported dossier. */
  g_assert_nonnull (strstr (g_bytes_get_data (first, NULL), "\\\"Delta\\\""));
}

static void
assert_import_fails (const char *json)
{
  g_autoptr(DossierStore) store = dossier_test_new_store ("target.dossier");
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  DossierStoreCounts counts;

  g_assert_false (dossier_json_import (store, bytes, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%.60s… → %s", json, error->message);
  g_assert_true (dossier_store_count (store, &counts, NULL));
  g_assert_cmpint (counts.incidents + counts.actors + counts.people + counts.testimonies + counts.evidence, ==, 0);
  dossier_store_close (store);
  {
    g_autofree char *path = dossier_test_tmp_path ("target.dossier");
    g_unlink (path);
  }
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

static void
test_bad_input (void)
{
  g_autoptr(DossierStore) a = make_full_dossier ("source.dossier");
  g_autoptr(GBytes) good = export (a);
  g_autofree char *text = g_strndup (g_bytes_get_data (good, NULL), g_bytes_get_size (good));
  g_autofree char *trailing = g_strconcat (text, " {}", NULL);
  g_autofree char *format = replace_once (text, "\"org.dossier.Dossier\"", "\"org.other.App\"");
  g_autofree char *version = replace_once (text, "\"schema_version\": 1", "\"schema_version\": 99");
  g_autofree char *version0 = replace_once (text, "\"schema_version\": 1", "\"schema_version\": 0");
  g_autofree char *type = replace_once (text, "\"latitude\":13.4317", "\"latitude\":\"nord\"");
  g_autofree char *vocab = replace_once (text, "\"violation_types\":[\"killing\"", "\"violation_types\":[\"nonsense\"");
  g_autofree char *missing = replace_once (text, "\"place\":\"\",", "");
  g_autofree char *unknown = replace_once (text, "\"place\":\"\",", "\"place\":\"\",\"colour\":\"red\",");
  g_autofree char *edtf = replace_once (text, "\"2021-10~\"", "\"2021-13\"");
  g_autofree char *last = NULL;
  g_autofree char *dangling = NULL;
  g_autofree char *duplicate = NULL;

  /* A dangling reference: a link to an incident uuid that does not exist. */
  {
    const char *links = strstr (text, "\"incident_people\"");
    const char *inc = strstr (links, "\"incident\":\"") + strlen ("\"incident\":\"");
    g_autofree char *uuid = g_strndup (inc, 36);
    dangling = replace_once (text, links, "");
    g_free (dangling);
    dangling = g_strdup (text);
    {
      char *p = strstr (dangling + (links - text), uuid);
      p[0] = p[0] == '0' ? '1' : '0';
    }
  }
  /* A duplicate uuid: the second incident takes the first one's. */
  {
    const char *incs = strstr (text, "\"incidents\"");
    const char *u1 = strstr (incs, "\"uuid\":\"") + 8;
    const char *u2 = strstr (u1, "\"uuid\":\"") + 8;
    duplicate = g_strdup (text);
    memcpy (duplicate + (u2 - text), u1, 36);
  }
  last = g_strndup (text, strlen (text) / 2);

  assert_import_fails ("");
  assert_import_fails ("   ");
  assert_import_fails ("{");
  assert_import_fails ("not json at all");
  assert_import_fails ("[]");
  assert_import_fails ("{}");
  assert_import_fails ("{\"format\": \"org.dossier.Dossier\"}");
  assert_import_fails (trailing);
  assert_import_fails (format);
  assert_import_fails (version);
  assert_import_fails (version0);
  assert_import_fails (type);
  assert_import_fails (vocab);
  assert_import_fails (missing);
  assert_import_fails (unknown);
  assert_import_fails (edtf);
  assert_import_fails (dangling);
  assert_import_fails (duplicate);
  assert_import_fails (last);

  /* Into a dossier that is not empty. */
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (dossier_json_import (a, good, NULL, &error));
    g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID);
  }
}

static void
test_export_file (void)
{
  g_autoptr(DossierStore) a = make_full_dossier ("file.dossier");
  g_autofree char *path = dossier_test_tmp_path ("export.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) b = dossier_test_new_store ("file-b.dossier");

  g_assert_true (dossier_json_export_file (a, path, &error));
  g_assert_no_error (error);
  g_assert_true (dossier_json_import_file (b, path, &error));
  g_assert_no_error (error);
  /* An unwritable destination fails cleanly. */
  g_assert_false (dossier_json_export_file (a, "/nonexistent-dir/x.json", &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/round-trip", test_round_trip);
  g_test_add_func ("/json/bad-input", test_bad_input);
  g_test_add_func ("/json/export-file", test_export_file);

  return g_test_run ();
}
