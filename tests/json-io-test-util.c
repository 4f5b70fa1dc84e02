/* json-io-test-util.c: a dossier holding every kind of record, its export and import, and
 * dossier-cli as the JSON interchange tests run it
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
#include "json-io-test-util.h"

void
set (char       **field,
     const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

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

gint64
count (DossierStore *store,
       GType         type)
{
  g_autoptr(GError) error = NULL;
  gint64 n = dossier_store_count_records (store, type, &error);

  g_assert_no_error (error);
  return n;
}

/* A dossier with at least two of every record and link, and awkward text. */
DossierStore *
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

GBytes *
export (DossierStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_json_export (store, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

gboolean
import (DossierStore  *store,
        GBytes        *bytes,
        GError       **error)
{
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_bytes (bytes);

  return dossier_json_import (store, in, NULL, error);
}

/* Imports @json into a new dossier, which must refuse it and stay as it was. */
void
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

char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

/* The @n-th (from 0) uuid value after @section's key. */
const char *
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

/* dossier-cli, as the tests run it (tests/meson.build), or NULL. */
const char *
cli_path (void)
{
  const char *cli = g_getenv ("DOSSIER_CLI");

  return cli != NULL && g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE) ? cli : NULL;
}

/* Runs dossier-cli; returns its exit status, or -1 if it was killed by a signal. */
int
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
