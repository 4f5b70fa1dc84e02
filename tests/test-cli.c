/* test-cli.c: dossier-cli's commands, outputs and exit statuses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "dossier-store.h"
#include "dossier-test-util.h"
#include "dossier-store-private.h" /* tests look at the file underneath */

static const char *cli;

/* Runs dossier-cli with the arguments that follow (NULL-terminated), returns its exit status. */
#define run(out, err, ...) dossier_test_run (cli, out, err, __VA_ARGS__)

static JsonObject *
stats (const char *path)
{
  g_autofree char *out = NULL;
  JsonParser *parser = json_parser_new ();
  JsonObject *o;

  g_assert_cmpint (run (&out, NULL, "stats", path, "--json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  o = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
  g_object_unref (parser);
  return o;
}

/* The error goes out as exactly one line. */
static void
assert_one_line_error (const char *err)
{
  g_assert_true (g_str_has_prefix (err, "dossier-cli: "));
  g_assert_cmpuint (strlen (err), >, 15);
  g_assert_nonnull (strchr (err, '\n'));
  g_assert_cmpstr (strchr (err, '\n') + 1, ==, "");
}

/* --json search output: an array of at most @limit ranked hits, each with its fields. */
static void
assert_search_json (const char *out,
                    guint       limit)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *hits;
  double previous = -G_MAXDOUBLE;

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  hits = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (hits), >=, 1);
  g_assert_cmpuint (json_array_get_length (hits), <=, limit);
  for (guint i = 0; i < json_array_get_length (hits); i++)
    {
      JsonObject *hit = json_array_get_object_element (hits, i);
      const char *kind = json_object_get_string_member (hit, "kind");

      g_assert_true (g_str_equal (kind, "incident") || g_str_equal (kind, "testimony") ||
                     g_str_equal (kind, "evidence") || g_str_equal (kind, "person") ||
                     g_str_equal (kind, "actor"));
      g_assert_cmpstr (json_object_get_string_member (hit, "code"), !=, "");
      g_assert_nonnull (json_object_get_string_member (hit, "title"));
      g_assert_nonnull (strchr (json_object_get_string_member (hit, "snippet"), '['));
      /* Best first: FTS5's rank grows towards the worse hits. */
      g_assert_cmpfloat (json_object_get_double_member (hit, "rank"), >=, previous);
      previous = json_object_get_double_member (hit, "rank");
    }
}

static void
test_new_and_stats (void)
{
  g_autofree char *path = dossier_test_tmp_path ("new.dossier");
  g_autoptr(JsonObject) o = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (NULL, NULL, "new", path, "--title", "Enquête", NULL), ==, 0);
  o = stats (path);
  for (guint i = 0; i < 5; i++)
    {
      const char *keys[] = { "incidents", "people", "testimonies", "evidence", "actors" };
      g_assert_true (json_object_has_member (o, keys[i]));
      g_assert_cmpint (json_object_get_int_member (o, keys[i]), ==, 0);
    }
  /* Again: the file exists. */
  g_assert_cmpint (run (NULL, &err, "new", path, NULL), ==, 1);
  assert_one_line_error (err);
}

static void
test_demo_search_export_import (void)
{
  g_autofree char *demo = dossier_test_tmp_path ("demo.dossier");
  g_autofree char *copy = dossier_test_tmp_path ("copy.dossier");
  g_autofree char *json = dossier_test_tmp_path ("demo.json");
  g_autofree char *out = NULL;
  g_autoptr(JsonObject) a = NULL;
  g_autoptr(JsonObject) b = NULL;

  g_assert_cmpint (run (NULL, NULL, "demo", demo, NULL), ==, 0);
  a = stats (demo);
  g_assert_cmpint (json_object_get_int_member (a, "incidents"), >=, 8);
  g_assert_cmpint (json_object_get_int_member (a, "actors"), >=, 6);
  g_assert_cmpint (json_object_get_int_member (a, "people"), >=, 10);
  g_assert_cmpint (json_object_get_int_member (a, "testimonies"), >=, 6);
  g_assert_cmpint (json_object_get_int_member (a, "evidence"), >=, 5);

  g_assert_cmpint (run (&out, NULL, "search", demo, "segou", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "[Ségou]"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, NULL, "search", demo, "temoin*", "--json", "--limit", "50", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "[témoignage]"));
  g_assert_nonnull (strstr (out, "[témoin]"));
  assert_search_json (out, 50);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, NULL, "search", demo, "segou", "--json", "--limit", "2", NULL), ==, 0);
  assert_search_json (out, 2);
  g_clear_pointer (&out, g_free);
  /* Plain statistics, with their labels. */
  g_assert_cmpint (run (&out, NULL, "stats", demo, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Incidents:"));
  g_assert_nonnull (strstr (out, "Testimonies:"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run (NULL, NULL, "export", demo, "--format", "json", "-o", json, NULL), ==, 0);
  g_assert_cmpint (run (NULL, NULL, "import", copy, "--format", "json", json, NULL), ==, 0);
  b = stats (copy);
  g_assert_true (json_object_equal (a, b));

  /* Importing into a dossier that is not empty fails and changes nothing. */
  g_assert_cmpint (run (NULL, NULL, "import", copy, "--format", "json", json, NULL), ==, 1);
  g_assert_cmpint (run (NULL, NULL, "export", demo, "--format", "xml", "-o", json, NULL), ==, 2);
  /* Tables by profile; an unknown profile, or the full interchange for outsiders, refused. */
  {
    g_autofree char *csv = dossier_test_tmp_path ("cli-incidents.csv");
    g_autofree char *contents = NULL;

    g_assert_cmpint (run (NULL, NULL, "export", demo, "--format", "csv", "--profile", "annex", "-o", csv, NULL), ==, 0);
    g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "code,date,place"));
    g_assert_cmpint (run (NULL, NULL, "export", demo, "--format", "geojson", "--profile", "secret", "-o", csv, NULL), ==, 2);
    /* The interchange by profile: no identities in public. */
    g_assert_cmpint (run (NULL, NULL, "export", demo, "--format", "json", "--profile", "public", "-o", csv, NULL), ==, 0);
    g_clear_pointer (&contents, g_free);
    g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "\"identities\": []"));
  }
  /* The PDF annex: written, and its options checked. */
  {
    g_autofree char *pdf = dossier_test_tmp_path ("cli-annex.pdf");
    g_autofree char *contents = NULL;

    g_assert_cmpint (run (NULL, NULL, "export", demo, "--format", "pdf", "--profile", "annex", "--lang", "fr",
                          "--sections", "incidents,evidence", "-o", pdf, NULL), ==, 0);
    g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));
    g_assert_cmpint (run (NULL, NULL, "export", demo, "--format", "pdf", "--lang", "de", "-o", pdf, NULL), ==, 2);
    g_assert_cmpint (run (NULL, NULL, "export", demo, "--format", "pdf", "--sections", "incidents,map", "-o", pdf, NULL), ==, 2);
    g_assert_cmpint (run (NULL, NULL, "export", demo, "--format", "csv", "--lang", "fr", "-o", pdf, NULL), ==, 2);
    g_assert_cmpint (run (NULL, NULL, "export", demo, "--format", "bagit", "--profile", "public", "-o", pdf, NULL), ==, 2);
  }
  /* Other tables, one or all. */
  {
    g_autofree char *people = dossier_test_tmp_path ("cli-people.csv");
    g_autofree char *folder = dossier_test_tmp_path ("cli-tables");
    g_autofree char *actors = g_build_filename (folder, "actors.csv", NULL);
    g_autofree char *contents = NULL;

    g_assert_cmpint (run (NULL, NULL, "export", demo, "--format", "csv", "--table", "people", "--profile", "public", "-o", people, NULL), ==, 0);
    g_assert_true (g_file_get_contents (people, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "code,protection,"));
    g_assert_cmpint (run (NULL, NULL, "export", demo, "--format", "csv", "--table", "all", "-o", folder, NULL), ==, 0);
    g_assert_true (g_file_test (actors, G_FILE_TEST_IS_REGULAR));
    g_assert_cmpint (run (NULL, NULL, "export", demo, "--format", "csv", "--table", "identities", "-o", people, NULL), ==, 2);
    g_assert_cmpint (run (NULL, NULL, "export", demo, "--format", "kml", "--table", "people", "-o", people, NULL), ==, 2);
  }

  g_assert_cmpint (run (&out, NULL, "verify", demo, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "EVD-0001"));
}

/* A bag: exported, verified as a folder, imported into a new dossier; a tampered bag is
 * named as such and not imported. */
static void
test_bagit (void)
{
  g_autofree char *demo = dossier_test_tmp_path ("bag-demo.dossier");
  g_autofree char *bag = dossier_test_tmp_path ("cli-bag");
  g_autofree char *copy = dossier_test_tmp_path ("from-bag.dossier");
  g_autofree char *other = dossier_test_tmp_path ("from-tampered-bag.dossier");
  g_autofree char *payload = g_build_filename (bag, "data", "dossier.json", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonObject) a = NULL;
  g_autoptr(JsonObject) b = NULL;
  FILE *f;

  g_assert_cmpint (run (NULL, NULL, "demo", demo, NULL), ==, 0);
  g_assert_cmpint (run (NULL, NULL, "export", demo, "--format", "bagit", "-o", bag, NULL), ==, 0);
  g_assert_cmpint (run (&out, NULL, "verify", bag, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, NULL, "import", copy, "--format", "bagit", bag, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "5 evidence items"));
  a = stats (demo);
  b = stats (copy);
  g_assert_true (json_object_equal (a, b));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, NULL, "verify", copy, NULL), ==, 0);
  g_assert_null (strstr (out, "altered"));

  /* A byte changed, the size kept: a size that contradicts the Payload-Oxum is refused before
   * any file is read, and names no file. */
  f = fopen (payload, "r+b");
  g_assert_nonnull (f);
  fputc ('[', f);
  fclose (f);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, &err, "verify", bag, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "data/dossier.json"));
  assert_one_line_error (err);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "import", other, "--format", "bagit", bag, NULL), ==, 1);
  assert_one_line_error (err);
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
}

static void
test_ingest (void)
{
  g_autofree char *path = dossier_test_tmp_path ("ingest.dossier");
  g_autofree char *file = dossier_test_tmp_path ("photo.bin");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (NULL, NULL, "demo", path, NULL), ==, 0);
  dossier_test_write_file (file, "pièce à conviction", -1);
  /* The log names the investigator given by $DOSSIER_USER. */
  g_setenv ("DOSSIER_USER", "Enquêtrice de test", TRUE);
  g_assert_cmpint (run (&out, NULL, "ingest", path, file, "--incident", "INC-0001", NULL), ==, 0);
  g_unsetenv ("DOSSIER_USER");
  /* code, SHA-256 of the bytes, file */
  g_assert_true (g_str_has_prefix (out, "EVD-0006\t"
                                   "ff52b475a3d2f66122d69f8c47bd0ef1ca3176cc2d42a92645e374bd037b5d62\t"));
  g_clear_pointer (&out, g_free);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DossierStore) store = dossier_store_open (path, DOSSIER_STORE_OPEN_READ_ONLY, &error);

    g_assert_no_error (error);
    g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM custody_event c JOIN evidence e ON e.id = c.evidence_id "
                                                    "WHERE e.code = 'EVD-0006' AND c.user = ?1", "Enquêtrice de test"), >=, 1);
    g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM evidence_incident l JOIN evidence e ON e.id = l.evidence_id "
                                                    "JOIN incident i ON i.id = l.incident_id "
                                                    "WHERE e.code = 'EVD-0006' AND i.code = 'INC-0001'", NULL), ==, 1);
  }
  /* Again: reported as a duplicate, not stored twice. */
  g_assert_cmpint (run (&out, NULL, "ingest", path, file, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "EVD-0006"));
  {
    g_autoptr(JsonObject) o = stats (path);

    g_assert_cmpint (json_object_get_int_member (o, "evidence"), ==, 6);
  }
  /* A missing file: error, nothing stored. */
  g_assert_cmpint (run (NULL, &err, "ingest", path, "/nonexistent/file", NULL), ==, 1);
  assert_one_line_error (err);
  g_assert_cmpint (run (NULL, NULL, "ingest", path, file, "--incident", "INC-9999", NULL), ==, 1);
  g_assert_cmpint (run (NULL, NULL, "verify", path, NULL), ==, 0);
}

/* One byte changed in an item's stored bytes: verify names the item and fails. */
static void
test_verify_tampered (void)
{
  g_autofree char *path = dossier_test_tmp_path ("tampered.dossier");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  sqlite3 *db;

  g_assert_cmpint (run (NULL, NULL, "demo", path, NULL), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 /* What someone with the file and the sqlite3 shell could do. */
                                 "DROP TRIGGER evidence_chunk_immutable;"
                                 "UPDATE evidence_chunk SET data = CAST ('x' AS BLOB) || substr (data, 2) "
                                 "WHERE seq = 0 AND evidence_id = (SELECT id FROM evidence WHERE code = 'EVD-0002');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_close (db);

  g_assert_cmpint (run (&out, &err, "verify", path, NULL), ==, 1);
  assert_one_line_error (err);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 5);
  for (guint i = 0; lines[i] && *lines[i]; i++)
    if (g_str_has_prefix (lines[i], "EVD-0002\t"))
      g_assert_true (g_str_has_prefix (lines[i], "EVD-0002\taltered"));
    else
      g_assert_nonnull (strstr (lines[i], "\tintact\t"));
}

/* A write-protected dossier is verified read-only, without writing. */
static void
test_verify_write_protected (void)
{
  g_autofree char *path = dossier_test_tmp_path ("protected.dossier");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize n1 = 0, n2 = 0;

  if (geteuid () == 0)
    {
      g_test_skip ("root may write to any file");
      return;
    }
  g_assert_cmpint (run (NULL, NULL, "demo", path, NULL), ==, 0);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  before = dossier_test_read_file (path, &n1);
  g_assert_cmpint (run (NULL, NULL, "verify", path, NULL), ==, 0);
  after = dossier_test_read_file (path, &n2);
  g_assert_cmpmem (before, n1, after, n2);
}

static void
assert_refused_unchanged (const char *path)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;
  gsize n1 = 0, n2 = 0;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    before = dossier_test_read_file (path, &n1);
  g_assert_cmpint (run (NULL, &err, "stats", path, NULL), ==, 1);
  assert_one_line_error (err);
  g_test_message ("%s", err);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "verify", path, NULL), ==, 1);
  assert_one_line_error (err);
  if (before)
    {
      after = dossier_test_read_file (path, &n2);
      g_assert_cmpmem (before, n1, after, n2);
    }
}

static void
test_bad_files_and_usage (void)
{
  g_autofree char *missing = dossier_test_tmp_path ("missing.dossier");
  g_autofree char *empty = dossier_test_tmp_path ("empty.dossier");
  g_autofree char *text = dossier_test_tmp_path ("text.dossier");
  g_autofree char *other = dossier_test_tmp_path ("other.db");
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  sqlite3 *db;

  dossier_test_write_file (empty, "", 0);
  dossier_test_write_file (text, "bonjour\n", -1);
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", NULL, NULL, NULL);
  sqlite3_close (db);

  assert_refused_unchanged (missing);
  assert_refused_unchanged (empty);
  assert_refused_unchanged (text);
  assert_refused_unchanged (other);

  g_assert_cmpint (dossier_test_run (cli, NULL, &err, NULL, NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, NULL, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "dossier-cli verify FILE"));
  g_assert_cmpint (run (NULL, &err, "frobnicate", NULL), ==, 2);
  assert_one_line_error (err);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "stats", NULL), ==, 2);
  assert_one_line_error (err);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "stats", text, "--bogus", NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "search", text, "x", "--limit", "0", NULL), ==, 2);
  assert_one_line_error (err);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "new", NULL), ==, 2);
  assert_one_line_error (err);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "export", text, "-o", other, NULL), ==, 2);
  assert_one_line_error (err);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "export", text, "--format", "json", NULL), ==, 2);
  assert_one_line_error (err);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "import", missing, "--format", "xml", text, NULL), ==, 2);
  assert_one_line_error (err);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);
  /* Not JSON: refused, and the dossier made to receive it does not stay. */
  g_assert_cmpint (run (NULL, &err, "import", missing, "--format", "json", text, NULL), ==, 1);
  assert_one_line_error (err);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "ingest", text, NULL), ==, 2);
  assert_one_line_error (err);
  g_clear_pointer (&err, g_free);
  /* Help for one command is help, on standard output. */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, &err, "stats", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "dossier-cli stats FILE"));
  g_assert_cmpstr (err, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  dossier_test_register_resources ();
  g_assert_cmpint (argc, ==, 2);
  cli = argv[1];

  g_test_add_func ("/cli/new-and-stats", test_new_and_stats);
  g_test_add_func ("/cli/demo-search-export-import", test_demo_search_export_import);
  g_test_add_func ("/cli/ingest", test_ingest);
  g_test_add_func ("/cli/bagit", test_bagit);
  g_test_add_func ("/cli/verify-tampered", test_verify_tampered);
  g_test_add_func ("/cli/verify-write-protected", test_verify_write_protected);
  g_test_add_func ("/cli/bad-files-and-usage", test_bad_files_and_usage);

  return g_test_run ();
}
