/* test-json-io-codes.c: what an import takes from a document's codes: never a path, a
 * custody chain checked, counters that go on (issue 12, points 11 to 14)
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

  g_test_add_func ("/trust/11-codes-are-not-paths", test_codes_are_not_paths);
  g_test_add_func ("/trust/13-custody-chain-checked", test_custody_chain_checked);
  g_test_add_func ("/trust/14-code-counters", test_code_counters);

  return g_test_run ();
}
