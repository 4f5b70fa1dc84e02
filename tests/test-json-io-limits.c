/* test-json-io-limits.c: imports killed half way, nested deep or unbounded in size leave
 * nothing behind and are refused (issue 12, points 7 to 9)
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  dossier_test_register_resources ();

  g_test_add_func ("/trust/07-killed-import-leaves-nothing", test_killed_import);
  g_test_add_func ("/trust/08-deep-nesting", test_deep_nesting);
  g_test_add_func ("/trust/09-unbounded-inputs", test_unbounded_inputs);

  return g_test_run ();
}
