/* test-json-io.c: the JSON interchange round trip and its refusals of bad input
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

  return g_test_run ();
}
