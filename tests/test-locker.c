/* test-locker.c: evidence ingest, extraction, duplicates, verification and tampering
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include <string.h>

#include "dossier-custody.h"
#include "dossier-evidence.h"
#include "dossier-locker.h"
#include "dossier-test-util.h"
#include "dossier-store-private.h" /* tests look at the file underneath */

/* Pseudo-random bytes, so that chunks differ and compression could not hide anything. */
static GBytes *
make_bytes (gsize   size,
            guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint8 *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = g_rand_int (rand) & 0xff;
  return g_bytes_new_take (data, size);
}

static GFile *
write_temp (const char *name,
            GBytes     *bytes)
{
  g_autofree char *path = dossier_test_tmp_path (name);

  dossier_test_write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return g_file_new_for_path (path);
}

static DossierVerifyItem *
find_item (GPtrArray  *report,
           const char *code)
{
  for (guint i = 0; i < report->len; i++)
    if (g_str_equal (((DossierVerifyItem *) report->pdata[i])->code, code))
      return report->pdata[i];
  g_assert_not_reached ();
}

static void
cancel_at_first (guint64  done,
                 guint64  total,
                 gpointer data)
{
  g_cancellable_cancel (data);
}

static void
test_ingest_extract_verify (void)
{
  g_autoptr(DossierStore) store = dossier_test_new_store ("locker.dossier");
  g_autoptr(GBytes) small = g_bytes_new_static ("Rapport public\n", 15);
  g_autoptr(GBytes) big = make_bytes (3 * 1024 * 1024 + 512 * 1024, 7);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GFile) small_file = write_temp ("rapport.txt", small);
  g_autoptr(GFile) big_file = write_temp ("photo.bin", big);
  g_autoptr(GFile) again_file = write_temp ("copie de la photo.bin", big);
  g_autoptr(GFile) empty_file = write_temp ("vide", empty);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/dossier/file");
  g_autoptr(DossierIngestResult) a = NULL;
  g_autoptr(DossierIngestResult) b = NULL;
  g_autoptr(DossierIngestResult) dup = NULL;
  g_autoptr(DossierIngestResult) z = NULL;
  g_autoptr(DossierEvidence) ev = NULL;
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *big_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, big);

  a = dossier_locker_ingest (store, small_file, "open-source", "Rapport", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a->code, ==, "EVD-0001");
  g_assert_false (a->duplicate);
  g_assert_cmpint (a->size, ==, 15);
  {
    g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, small);
    g_assert_cmpstr (a->sha256, ==, sha);
  }

  b = dossier_locker_ingest (store, big_file, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (b->sha256, ==, big_sha);
  g_assert_cmpint (b->size, ==, g_bytes_get_size (big));
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM evidence_chunk WHERE evidence_id = 2", NULL), ==, 4);

  ev = dossier_store_load (store, DOSSIER_TYPE_EVIDENCE, a->evidence_id, &error);
  g_assert_cmpstr (dossier_evidence_get_original_name (ev), ==, "rapport.txt");
  g_assert_cmpstr (dossier_evidence_get_media_type (ev), ==, "text/plain");
  g_assert_cmpstr (dossier_evidence_get_collection_method (ev), ==, "open-source");
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM custody_event WHERE action = 'ingested'", NULL), ==, 2);

  /* The same bytes under another name are the same item. */
  dup = dossier_locker_ingest (store, again_file, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (dup->duplicate);
  g_assert_cmpstr (dup->code, ==, b->code);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM evidence", NULL), ==, 2);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM evidence_chunk", NULL), ==, 5);

  z = dossier_locker_ingest (store, empty_file, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (z->size, ==, 0);
  g_assert_cmpstr (z->sha256, ==, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

  /* A file that cannot be read changes nothing. */
  g_assert_null (dossier_locker_ingest (store, missing, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM evidence", NULL), ==, 3);

  /* A cancelled ingestion leaves nothing. */
  {
    g_autoptr(GBytes) other = make_bytes (3 * 1024 * 1024, 9);
    g_autoptr(GFile) other_file = write_temp ("autre.bin", other);
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    g_assert_null (dossier_locker_ingest (store, other_file, NULL, NULL, cancellable, cancel_at_first, cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM evidence", NULL), ==, 3);
    g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM evidence_chunk", NULL), ==, 5);
  }

  /* Extraction gives back the exact bytes, and is logged. */
  {
    g_autofree char *out_path = dossier_test_tmp_path ("extracted.bin");
    g_autoptr(GFile) out = g_file_new_for_path (out_path);
    g_autofree char *contents = NULL;
    gsize len;

    g_assert_true (dossier_locker_extract (store, b->evidence_id, out, TRUE, NULL, &error));
    g_assert_no_error (error);
    contents = dossier_test_read_file (out_path, &len);
    g_assert_cmpmem (contents, len, g_bytes_get_data (big, NULL), g_bytes_get_size (big));
    g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM custody_event WHERE action = 'exported'", NULL), ==, 1);
  }

  report = dossier_locker_verify (store, TRUE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->len, ==, 3);
  for (guint i = 0; i < report->len; i++)
    g_assert_cmpint (((DossierVerifyItem *) report->pdata[i])->status, ==, DOSSIER_VERIFY_INTACT);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM custody_event WHERE action = 'verified'", NULL), ==, 3);
  g_clear_pointer (&report, g_ptr_array_unref);

  /* Tampering, as someone with the file and sqlite3 could: one byte of one chunk. */
  g_assert_cmpint (sqlite3_exec (dossier_store_get_db (store),
                                 "DROP TRIGGER evidence_chunk_immutable;"
                                 "UPDATE evidence_chunk SET data = CAST (replace (CAST (data AS TEXT), 'public', 'pub1ic') AS BLOB) "
                                 "WHERE evidence_id = 1;", NULL, NULL, NULL), ==, SQLITE_OK);
  report = dossier_locker_verify (store, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (find_item (report, "EVD-0001")->status, ==, DOSSIER_VERIFY_ALTERED);
  g_assert_cmpint (find_item (report, "EVD-0002")->status, ==, DOSSIER_VERIFY_INTACT);
  g_assert_cmpint (find_item (report, "EVD-0003")->status, ==, DOSSIER_VERIFY_INTACT);
  g_clear_pointer (&report, g_ptr_array_unref);

  /* An altered item cannot be extracted as if it were the original. */
  {
    g_autofree char *out_path = dossier_test_tmp_path ("altered.txt");
    g_autoptr(GFile) out = g_file_new_for_path (out_path);
    g_assert_false (dossier_locker_extract (store, a->evidence_id, out, FALSE, NULL, &error));
    g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_CORRUPT);
    g_clear_error (&error);
    g_assert_false (g_file_test (out_path, G_FILE_TEST_EXISTS));
  }

  /* An edited custody event. */
  g_assert_cmpint (sqlite3_exec (dossier_store_get_db (store),
                                 "DROP TRIGGER custody_event_append_only;"
                                 "UPDATE custody_event SET user = 'quelqu’un d’autre' "
                                 "WHERE id = (SELECT min (id) FROM custody_event WHERE evidence_id = 2);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  report = dossier_locker_verify (store, FALSE, NULL, NULL, NULL, &error);
  g_assert_cmpint (find_item (report, "EVD-0002")->status, ==, DOSSIER_VERIFY_LOG_BROKEN);
  g_assert_cmpint (find_item (report, "EVD-0003")->status, ==, DOSSIER_VERIFY_INTACT);
  g_clear_pointer (&report, g_ptr_array_unref);

  /* The last custody event deleted. */
  g_assert_cmpint (sqlite3_exec (dossier_store_get_db (store),
                                 "DELETE FROM custody_event WHERE id = (SELECT max (id) FROM custody_event WHERE evidence_id = 3);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  report = dossier_locker_verify (store, FALSE, NULL, NULL, NULL, &error);
  g_assert_cmpint (find_item (report, "EVD-0003")->status, ==, DOSSIER_VERIFY_LOG_BROKEN);
  g_test_message ("EVD-0003: %s", find_item (report, "EVD-0003")->detail);
}

/* "Export original" writes the exact bytes and a .sha256 that sha256sum accepts; a working
 * copy lands in a private folder under the original's name; each is logged; one item is
 * verified alone, and the verification logged. */
static void
test_export_working_copy (void)
{
  g_autoptr(DossierStore) store = dossier_test_new_store ("export.dossier");
  g_autoptr(GBytes) bytes = make_bytes (1024 * 1024 + 1, 3);
  g_autoptr(GFile) file = write_temp ("témoignage audio.bin", bytes);
  g_autoptr(DossierIngestResult) r = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("export-XXXXXX", NULL);
  g_autofree char *out_path = g_build_filename (dir, "EVD-0001.bin", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autofree char *sum_path = g_strconcat (out_path, ".sha256", NULL);
  g_autofree char *sum = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) copy = NULL;
  gsize len;

  r = dossier_locker_ingest (store, file, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_locker_export_original (store, r->evidence_id, out, NULL, &error));
  g_assert_no_error (error);
  contents = dossier_test_read_file (out_path, &len);
  g_assert_cmpmem (contents, len, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_true (g_file_get_contents (sum_path, &sum, NULL, NULL));
  expected = g_strdup_printf ("%s  EVD-0001.bin\n", r->sha256);
  g_assert_cmpstr (sum, ==, expected);
  /* An evidence original and its sum are owner-only, whatever the umask. */
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (out_path, &st), ==, 0);
    g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
    g_assert_cmpint (g_stat (sum_path, &st), ==, 0);
    g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
  }
  g_autofree char *sha256sum = g_find_program_in_path ("sha256sum");

  if (sha256sum != NULL)
    {
      g_autofree char *command = g_strdup_printf ("sh -c 'cd \"%s\" && sha256sum --check --quiet EVD-0001.bin.sha256'", dir);
      int status;

      g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, NULL));
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM custody_event WHERE action = 'exported'", NULL), ==, 1);
  /* Unwritable: an error, nothing left. */
  {
    g_autoptr(GFile) nowhere = g_file_new_for_path ("/nonexistent/dir/EVD-0001.bin");

    g_assert_false (dossier_locker_export_original (store, r->evidence_id, nowhere, NULL, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM custody_event WHERE action = 'exported'", NULL), ==, 1);
  }

  /* A name that would climb out of the folder, as a crafted import could bring. */
  g_assert_cmpint (sqlite3_exec (dossier_store_get_db (store),
                                 "UPDATE evidence SET original_name = '../../témoignage audio.bin'", NULL, NULL, NULL), ==, SQLITE_OK);
  copy = dossier_locker_working_copy (store, r->evidence_id, NULL, &error);
  g_assert_no_error (error);
  {
    g_autofree char *name = g_file_get_basename (copy);
    g_autofree char *path = g_file_get_path (copy);
    g_autofree char *copied = NULL;

    /* The name is the original's last part: nothing climbs out of the folder. */
    g_assert_cmpstr (name, ==, "témoignage audio.bin");
    copied = dossier_test_read_file (path, &len);
    g_assert_cmpmem (copied, len, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    g_unlink (path);
  }
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM custody_event WHERE action = 'working-copy'", NULL), ==, 1);

  {
    DossierVerifyItem *item = dossier_locker_verify_item (store, r->evidence_id, TRUE, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (item->status, ==, DOSSIER_VERIFY_INTACT);
    g_assert_cmpstr (item->code, ==, "EVD-0001");
    dossier_verify_item_free (item);
  }
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM custody_event WHERE action = 'verified'", NULL), ==, 1);
  /* Every one of those was chained: the log is intact. */
  {
    gboolean intact = FALSE;
    g_autofree char *reason = NULL;

    g_assert_true (dossier_custody_check_chain (store, r->evidence_id, &intact, &reason, &error));
    g_assert_true (intact);
  }
  g_unlink (sum_path);
  g_unlink (out_path);
  g_rmdir (dir);
}

/* A name that is not UTF-8 (Latin-1 from an old camera or a Windows share): ingested, and
 * recorded as text that can be shown. */
static void
test_odd_names (void)
{
  g_autoptr(DossierStore) store = dossier_test_new_store ("names.dossier");
  g_autofree char *latin1 = dossier_test_tmp_path ("t\xe9moin n\xb0" "3.txt");
  g_autoptr(GFile) odd = g_file_new_for_path (latin1);
  g_autoptr(DossierIngestResult) r = NULL;
  g_autoptr(DossierEvidence) e = NULL;
  g_autoptr(GError) error = NULL;

  dossier_test_write_file (latin1, "Témoignage n°3\n", -1);
  r = dossier_locker_ingest (store, odd, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  e = dossier_store_load (store, DOSSIER_TYPE_EVIDENCE, r->evidence_id, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (dossier_evidence_get_original_name (e), -1, NULL));
  g_assert_true (g_utf8_validate (dossier_evidence_get_title (e), -1, NULL));
  g_assert_cmpstr (dossier_evidence_get_original_name (e), !=, "");
}

static char *
journal_mode (DossierStore *store)
{
  sqlite3_stmt *stmt = NULL;
  char *mode;

  g_assert_cmpint (sqlite3_prepare_v2 (dossier_store_get_db (store), "PRAGMA journal_mode;", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return mode;
}

/* Bulk writes: a rollback journal while the connection is alone, WAL again after; never
 * while another connection is open, nor inside a transaction; the bytes are the same. */
static void
test_bulk_writes (void)
{
  g_autoptr(DossierStore) store = dossier_test_new_store ("bulk.dossier");
  g_autoptr(GBytes) bytes = make_bytes (3 * 1024 * 1024 + 7, 11);
  g_autoptr(GFile) file = write_temp ("bulk.bin", bytes);
  g_autoptr(GError) error = NULL;
  g_autofree char *mode = NULL;

  g_assert_true (dossier_store_set_bulk_writes (store, TRUE));
  mode = journal_mode (store);
  g_assert_cmpstr (mode, ==, "delete");
  {
    g_autoptr(DossierIngestResult) result = dossier_locker_ingest (store, file, NULL, NULL, NULL, NULL, NULL, &error);
    g_autoptr(GPtrArray) report = NULL;

    g_assert_no_error (error);
    report = dossier_locker_verify (store, FALSE, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (((DossierVerifyItem *) report->pdata[0])->status, ==, DOSSIER_VERIFY_INTACT);
  }
  g_assert_false (dossier_store_set_bulk_writes (store, FALSE));
  g_free (mode);
  mode = journal_mode (store);
  g_assert_cmpstr (mode, ==, "wal");

  /* Not alone: nothing changes. */
  {
    g_autoptr(DossierStore) reader = dossier_store_open (dossier_store_get_path (store), DOSSIER_STORE_OPEN_READ_ONLY, &error);

    g_assert_no_error (error);
    g_assert_cmpint (dossier_test_query_int (reader, "SELECT count(*) FROM evidence", NULL), ==, 1);
    g_assert_false (dossier_store_set_bulk_writes (store, TRUE));
    g_free (mode);
    mode = journal_mode (store);
    g_assert_cmpstr (mode, ==, "wal");
  }
  /* Not inside a transaction. */
  g_assert_true (dossier_store_begin (store, &error));
  g_assert_false (dossier_store_set_bulk_writes (store, TRUE));
  g_assert_true (dossier_store_commit (store, &error));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  dossier_test_register_resources ();

  g_test_add_func ("/locker/bulk-writes", test_bulk_writes);
  g_test_add_func ("/locker/odd-names", test_odd_names);
  g_test_add_func ("/locker/export-working-copy", test_export_working_copy);
  g_test_add_func ("/locker/ingest-extract-verify", test_ingest_extract_verify);

  return g_test_run ();
}
