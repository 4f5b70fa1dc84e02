/* test-bagit.c: a dossier as a BagIt package: made, valid, carried whole, and refused when
 * tampered with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <string.h>

#include <glib/gstdio.h>

#include "dossier-bagit.h"
#include "dossier-demo.h"
#include "dossier-json-io.h"
#include "dossier-locker.h"
#include "dossier-test-util.h"
#include "dossier-store-private.h" /* tests look at the file underneath */
#include "dossier-info.h"
#include "bagit-test-util.h"

static void
test_bagit (void)
{
  g_autofree char *path = dossier_test_tmp_path ("bag.dossier");
  g_autofree char *bag = dossier_test_tmp_path ("the bag");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = dossier_demo_create (path, &error);
  g_autofree char *manifest = g_build_filename (bag, "manifest-sha256.txt", NULL);
  g_autofree char *text = NULL;
  gint64 items;

  g_assert_no_error (error);
  items = dossier_test_query_int (store, "SELECT count(*) FROM evidence", NULL);
  g_assert_true (dossier_bagit_export (store, bag, NULL, &error));
  g_assert_no_error (error);
  /* The declaration, the payload (the dossier and each item), the manifests, bag-info. */
  {
    g_autofree char *info = NULL;
    g_autofree char *info_path = g_build_filename (bag, "bag-info.txt", NULL);
    g_autofree char *declaration = g_build_filename (bag, "bagit.txt", NULL);
    g_autofree char *tags = g_build_filename (bag, "tagmanifest-sha256.txt", NULL);
    g_autofree char *oxum_count = g_strdup_printf (".%" G_GINT64_FORMAT "\n", items + 1);

    g_assert_true (g_file_test (declaration, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (tags, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_get_contents (manifest, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "  data/dossier.json\n"));
    g_assert_nonnull (strstr (text, "  data/evidence/EVD-0001/"));
    g_assert_true (g_file_get_contents (info_path, &info, NULL, NULL));
    g_assert_nonnull (strstr (info, "Bagging-Date: "));
    g_assert_nonnull (strstr (info, oxum_count));
  }
  g_assert_cmpuint (problems_of (bag), ==, 0);
  /* Each export logged in the item's custody chain. */
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM custody_event WHERE action = 'exported'", NULL), ==, items);
  /* A bag is written to a new folder only. */
  g_assert_false (dossier_bagit_export (store, bag, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  /* A changed byte. */
  {
    g_autofree char *json = g_build_filename (bag, "data", "dossier.json", NULL);
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (json, &contents, &length, NULL));
    contents[10] ^= 1;
    g_assert_true (g_file_set_contents (json, contents, length, NULL));
    g_assert_cmpuint (problems_of (bag), >=, 1);
    contents[10] ^= 1;
    g_assert_true (g_file_set_contents (json, contents, length, NULL));
    g_assert_cmpuint (problems_of (bag), ==, 0);
  }
  /* An extra file in the payload. */
  {
    g_autofree char *extra = g_build_filename (bag, "data", "added later.txt", NULL);

    g_assert_true (g_file_set_contents (extra, "not in the manifest", -1, NULL));
    g_assert_cmpuint (problems_of (bag), >=, 1);
    g_unlink (extra);
    g_assert_cmpuint (problems_of (bag), ==, 0);
  }
  /* A missing file, and a manifest path climbing out of the bag. */
  {
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
    g_autofree char *listed = g_strdup (strstr (lines[1], "  ") + 2);
    g_autofree char *file = g_build_filename (bag, listed, NULL);
    g_autofree char *saved = NULL;
    gsize length;
    g_autofree char *evil = g_strdup_printf ("%s%064d  data/../../outside.txt\n", text, 0);

    g_assert_true (g_file_get_contents (file, &saved, &length, NULL));
    g_unlink (file);
    g_assert_cmpuint (problems_of (bag), >=, 1);
    g_assert_true (g_file_set_contents (file, saved, length, NULL));
    g_assert_cmpuint (problems_of (bag), ==, 0);

    g_assert_true (g_file_set_contents (manifest, evil, -1, NULL));
    g_assert_cmpuint (problems_of (bag), >=, 1);
    g_assert_true (g_file_set_contents (manifest, text, -1, NULL));
  }
  /* A file that is a link out of the bag, or a pipe, even listed with the right hash:
   * never read. */
  {
    g_autofree char *outside = dossier_test_tmp_path ("outside the bag.txt");
    g_autofree char *link = g_build_filename (bag, "data", "linked.txt", NULL);
    g_autofree char *pipe = g_build_filename (bag, "data", "pipe", NULL);
    g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "a secret of the computer", -1);
    g_autofree char *with_link = g_strdup_printf ("%s%s  data/linked.txt\n", text, sha);
    g_autofree char *with_pipe = g_strdup_printf ("%s%s  data/pipe\n", text, sha);

    g_assert_true (g_file_set_contents (outside, "a secret of the computer", -1, NULL));
    g_assert_cmpint (symlink (outside, link), ==, 0);
    g_assert_true (g_file_set_contents (manifest, with_link, -1, NULL));
    g_assert_cmpuint (problems_of (bag), >=, 1);
    g_unlink (link);
    g_assert_cmpint (mkfifo (pipe, 0600), ==, 0);
    g_assert_true (g_file_set_contents (manifest, with_pipe, -1, NULL));
    g_assert_cmpuint (problems_of (bag), >=, 1);   /* and it returns: the pipe is not opened */
    g_unlink (pipe);
    g_assert_true (g_file_set_contents (manifest, text, -1, NULL));
    g_assert_cmpuint (problems_of (bag), ==, 0);
  }
  /* A huge bag-info is refused without being read. */
  {
    g_autofree char *info_path = g_build_filename (bag, "bag-info.txt", NULL);
    g_autofree char *info = NULL;
    FILE *f;

    g_assert_true (g_file_get_contents (info_path, &info, NULL, NULL));
    f = fopen (info_path, "r+b");
    g_assert_nonnull (f);
    g_assert_cmpint (fseek (f, 64 * 1024 * 1024, SEEK_END), ==, 0);
    fputc ('\n', f);
    fclose (f);
    g_assert_cmpuint (problems_of (bag), >=, 1);
    g_assert_true (g_file_set_contents (info_path, info, -1, NULL));
    g_assert_cmpuint (problems_of (bag), ==, 0);
  }
  /* A Payload-Oxum that does not add up. */
  {
    g_autofree char *info_path = g_build_filename (bag, "bag-info.txt", NULL);
    g_autofree char *info = NULL;

    g_assert_true (g_file_get_contents (info_path, &info, NULL, NULL));
    g_assert_true (g_file_set_contents (info_path, "Bagging-Date: 2026-12-02\nPayload-Oxum: 1.1\n", -1, NULL));
    g_assert_cmpuint (problems_of (bag), >=, 1);
  }
  /* Not a bag at all. */
  g_assert_false (dossier_bagit_validate (path, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
}

/* Counts the rows of @sql in the dossier at @path. */
static gint64
count_in (const char *path,
          const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = dossier_store_open (path, DOSSIER_STORE_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return dossier_test_query_int (store, sql, NULL);
}

static void
test_round_trip (void)
{
  g_autofree char *path = dossier_test_tmp_path ("origin.dossier");
  g_autofree char *bag = dossier_test_tmp_path ("round bag");
  g_autofree char *copy = dossier_test_tmp_path ("copy.dossier");
  g_autofree char *odd = dossier_test_tmp_path ("100% sure.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = dossier_demo_create (path, &error);
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GFile) odd_file = NULL;
  g_autoptr(DossierIngestResult) ingested = NULL;
  guint restored = 0, without = 99;
  gint64 items;

  g_assert_no_error (error);
  /* A name with a % goes into the manifest percent-encoded. */
  g_assert_true (g_file_set_contents (odd, "a file named with a per cent sign", -1, NULL));
  odd_file = g_file_new_for_path (odd);
  ingested = dossier_locker_ingest (store, odd_file, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  items = dossier_test_query_int (store, "SELECT count(*) FROM evidence", NULL);
  g_assert_true (dossier_bagit_export (store, bag, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *manifest = g_build_filename (bag, "manifest-sha256.txt", NULL);
    g_autofree char *text = NULL;

    g_assert_true (g_file_get_contents (manifest, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "/100%25 sure.txt\n"));
  }
  g_assert_cmpuint (problems_of (bag), ==, 0);

  g_assert_true (dossier_bagit_import (bag, copy, "tester", &restored, &without, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (restored, ==, items);
  g_assert_cmpuint (without, ==, 0);
  /* The same records, the same bytes, each verified intact, the restoration logged. */
  g_assert_cmpint (count_in (copy, "SELECT count(*) FROM incident"), ==,
                   dossier_test_query_int (store, "SELECT count(*) FROM incident", NULL));
  g_assert_cmpint (count_in (copy, "SELECT count(*) FROM evidence_chunk"), ==,
                   dossier_test_query_int (store, "SELECT count(*) FROM evidence_chunk", NULL));
  g_assert_cmpint (count_in (copy, "SELECT count(*) FROM custody_event WHERE action = 'restored'"), ==, items);
  {
    g_autoptr(DossierStore) imported = dossier_store_open (copy, DOSSIER_STORE_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    report = dossier_locker_verify (imported, FALSE, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (report->len, ==, items);
    for (guint i = 0; i < report->len; i++)
      g_assert_cmpint (((DossierVerifyItem *) report->pdata[i])->status, ==, DOSSIER_VERIFY_INTACT);
  }
  /* Into an existing file: refused, and that file untouched. */
  g_assert_false (dossier_bagit_import (bag, copy, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
}

/* A bag whose manifest was rewritten to match swapped bytes is valid as a bag, but the
 * dossier inside knows the true hash: the import refuses it and leaves nothing. */
static void
test_import_refused (void)
{
  g_autofree char *path = dossier_test_tmp_path ("swap.dossier");
  g_autofree char *bag = dossier_test_tmp_path ("swap bag");
  g_autofree char *copy = dossier_test_tmp_path ("swapped.dossier");
  g_autofree char *manifest = g_build_filename (bag, "manifest-sha256.txt", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = dossier_demo_create (path, &error);
  g_autoptr(GString) rewritten = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *parent = g_path_get_dirname (copy);
  const char *name;

  g_assert_no_error (error);
  g_assert_true (dossier_bagit_export (store, bag, NULL, &error));
  g_assert_true (g_file_get_contents (manifest, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL && *lines[i]; i++)
    {
      const char *file = strstr (lines[i], "  ") + 2;

      if (g_str_has_prefix (file, "data/evidence/EVD-0001/"))
        {
          g_autofree char *full = g_build_filename (bag, file, NULL);
          g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "other bytes", -1);

          g_assert_true (g_file_set_contents (full, "other bytes", -1, NULL));
          g_string_append_printf (rewritten, "%s  %s\n", sha, file);
        }
      else
        g_string_append_printf (rewritten, "%s\n", lines[i]);
    }
  g_assert_true (g_file_set_contents (manifest, rewritten->str, -1, NULL));
  /* Invalid as it stands (Payload-Oxum, tag manifest): refused as a bag. */
  g_assert_false (dossier_bagit_import (bag, copy, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  /* Made valid again by someone who knew BagIt: refused by the dossier's own hashes. */
  {
    g_autofree char *tags = g_build_filename (bag, "tagmanifest-sha256.txt", NULL);
    g_autofree char *info = g_build_filename (bag, "bag-info.txt", NULL);
    g_autofree char *info_text = NULL;
    g_autoptr(GString) tag_text = g_string_new (NULL);
    g_autoptr(GPtrArray) problems = NULL;
    const char *names[] = { "bagit.txt", "bag-info.txt", "manifest-sha256.txt", "dossier-evidence.txt" };

    /* Payload-Oxum of the new payload: drop the line and let the check skip it. */
    g_assert_true (g_file_get_contents (info, &info_text, NULL, NULL));
    g_assert_true (g_file_set_contents (info, "Bagging-Date: 2026-12-02\n", -1, NULL));
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *p = g_build_filename (bag, names[i], NULL);
        g_autofree char *contents = NULL;
        gsize length;
        g_autofree char *sha = NULL;

        g_assert_true (g_file_get_contents (p, &contents, &length, NULL));
        sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
        g_string_append_printf (tag_text, "%s  %s\n", sha, names[i]);
      }
    g_assert_true (g_file_set_contents (tags, tag_text->str, -1, NULL));
    g_assert_cmpuint (problems_of (bag), ==, 0);
  }
  g_assert_false (dossier_bagit_import (bag, copy, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "EVD-0001"));
  g_clear_error (&error);
  /* Nothing left: neither the dossier nor its temporary. */
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  dir = g_dir_open (parent, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_null (strstr (name, "importing"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  dossier_test_register_resources ();
  g_test_add_func ("/bagit/export-validate", test_bagit);
  g_test_add_func ("/bagit/round-trip", test_round_trip);
  g_test_add_func ("/bagit/import-refused", test_import_refused);
  return g_test_run ();
}
