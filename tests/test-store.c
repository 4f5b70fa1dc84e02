/* test-store.c: opening, creating and refusing dossier files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dossier-incident.h"
#include "dossier-locker.h"
#include "dossier-store.h"
#include "dossier-test-util.h"
#include "dossier-store-private.h" /* tests look at the file underneath */
#include "dossier-info.h"
#include "dossier-vocab.h"
#include "dossier-incident-private.h" /* white-box */

#define tmp_path dossier_test_tmp_path
#define write_file dossier_test_write_file
#define read_file dossier_test_read_file

static void
test_create_and_reopen (void)
{
  g_autofree char *path = tmp_path ("new.dossier");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  g_autofree char *title = NULL;
  g_autofree char *listing = NULL;
  DossierStoreCounts counts;
  sqlite3_stmt *stmt;

  store = dossier_create (path, "Enquête à Ménaka", &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpstr (dossier_store_get_path (store), ==, path);

  /* The file is an SQLite database with our application id, schema version and WAL. */
  stmt = NULL;
  g_assert_cmpint (sqlite3_prepare_v2 (dossier_store_get_db (store), "PRAGMA application_id", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, DOSSIER_APPLICATION_ID);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (dossier_store_get_db (store), "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, DOSSIER_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (dossier_store_get_db (store), "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (dossier_store_get_db (store), "PRAGMA foreign_keys", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);

  g_assert_true (dossier_store_count (store, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counts.incidents, ==, 0);

  g_assert_true (dossier_store_set_info (store, "mandate", "Violations commises depuis 2012", &error));
  g_assert_no_error (error);
  g_assert_false (dossier_store_set_info (store, "uuid", "x", &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&store);

  /* No leftover temporary file beside it. */
  {
    g_autoptr(GDir) dir = g_dir_open (dossier_test_tmpdir (), 0, NULL);
    const char *name;
    while ((name = g_dir_read_name (dir)))
      g_assert_false (strstr (name, ".part-") != NULL);
  }

  store = dossier_store_open (path, DOSSIER_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  title = dossier_store_get_title (store);
  g_assert_cmpstr (title, ==, "Enquête à Ménaka");

  /* Creating over an existing file is refused and leaves it alone. */
  g_assert_null (dossier_create (path, "autre", &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_EXISTS);
}

/* Creating a dossier (above the store) describes it and seeds its vocabularies in the
 * transaction that makes the file; a description it cannot hold leaves no file behind. */
static void
test_create_seeds_vocabulary (void)
{
  g_autofree char *path = tmp_path ("described.dossier");
  g_autofree char *refused = tmp_path ("refused.dossier");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  g_auto(GStrv) schemes = dossier_vocab_bundled_schemes ();
  g_autofree char *mandate = NULL;
  g_autofree char *period = NULL;
  g_autofree char *lang = NULL;

  store = dossier_create_described (path, "Enquête", "Violations depuis 2012", "2012/2023", "en", &error);
  g_assert_no_error (error);
  g_assert_true (dossier_store_get_info (store, NULL, NULL, &mandate, &period, &lang, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (mandate, ==, "Violations depuis 2012");
  g_assert_cmpstr (period, ==, "2012/2023");
  g_assert_cmpstr (lang, ==, "en");

  g_assert_cmpuint (g_strv_length (schemes), >, 0);
  for (guint i = 0; schemes[i] != NULL; i++)
    {
      /* The bundled files are named after their scheme: violation-type.json. */
      g_autofree char *scheme = g_strndup (schemes[i], strlen (schemes[i]) - strlen (".json"));
      g_autoptr(GPtrArray) terms = dossier_store_list_vocab (store, scheme, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (terms->len, >, 0);
    }

  g_assert_null (dossier_create_described (refused, "Enquête", "", "", "de", &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));
  {
    g_autoptr(GDir) dir = g_dir_open (dossier_test_tmpdir (), 0, NULL);
    const char *name;
    while ((name = g_dir_read_name (dir)))
      g_assert_false (g_str_has_prefix (name, "refused.dossier"));
  }
}

static void
test_read_only (void)
{
  g_autofree char *path = tmp_path ("ro.dossier");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = dossier_create (path, "ro", &error);
  g_autoptr(DossierIncident) incident = dossier_incident_new ();

  g_assert_no_error (error);
  g_clear_object (&store);
  store = dossier_store_open (path, DOSSIER_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_store_is_read_only (store));
  g_assert_false (dossier_store_insert (store, DOSSIER_RECORD (incident), &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_READ_ONLY);
}

/* Opening @path fails with @code, and the file is byte for byte as it was, with no
 * journal or WAL file left beside it. */
static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  gboolean had_wal = g_file_test (wal, G_FILE_TEST_EXISTS);
  gboolean had_shm = g_file_test (shm, G_FILE_TEST_EXISTS);
  gsize before_len = 0, after_len = 0;
  DossierStore *store;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    before = read_file (path, &before_len);

  store = dossier_store_open (path, DOSSIER_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, DOSSIER_STORE_ERROR, code);
  g_assert_nonnull (error->message);
  g_assert_cmpuint (strlen (error->message), >, 10);
  g_test_message ("%s: %s", path, error->message);

  if (before != NULL)
    {
      after = read_file (path, &after_len);
      g_assert_cmpmem (before, before_len, after, after_len);
    }
  if (!had_wal)
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  if (!had_shm)
    g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

static void
test_refuse_bad_files (void)
{
  g_autofree char *missing = tmp_path ("missing.dossier");
  g_autofree char *text = tmp_path ("text.dossier");
  g_autofree char *empty = tmp_path ("empty.dossier");
  g_autofree char *other = tmp_path ("other.sqlite");
  g_autofree char *short_header = tmp_path ("short.dossier");
  g_autofree char *dir = tmp_path ("a-directory.dossier");
  sqlite3 *db = NULL;

  assert_refused (missing, DOSSIER_STORE_ERROR_NOT_FOUND);

  write_file (text, "Ceci n’est pas un dossier.\n", -1);
  assert_refused (text, DOSSIER_STORE_ERROR_NOT_A_DOSSIER);

  write_file (empty, "", 0);
  assert_refused (empty, DOSSIER_STORE_ERROR_NOT_A_DOSSIER);

  write_file (short_header, "SQLite format 3\0abc", 19);
  assert_refused (short_header, DOSSIER_STORE_ERROR_CORRUPT);

  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('x');", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (other, DOSSIER_STORE_ERROR_NOT_A_DOSSIER);

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  assert_refused (dir, DOSSIER_STORE_ERROR_NOT_A_DOSSIER);
}

/* Makes a dossier with some content, closed and checkpointed so that the main file holds
 * everything. */
static char *
make_dossier (const char *name)
{
  g_autofree char *path = tmp_path (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = dossier_create (path, name, &error);

  g_assert_no_error (error);
  for (int i = 0; i < 50; i++)
    {
      g_autoptr(DossierIncident) incident = dossier_incident_new ();
      g_free (incident->title_fr);
      incident->title_fr = g_strdup_printf ("Incident numéro %d à Gao", i);
      g_assert_true (dossier_store_insert (store, DOSSIER_RECORD (incident), &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (sqlite3_exec (dossier_store_get_db (store), "PRAGMA wal_checkpoint(TRUNCATE);", NULL, NULL, NULL), ==, SQLITE_OK);
  return g_steal_pointer (&path);
}

static void
test_refuse_newer (void)
{
  g_autofree char *path = make_dossier ("newer.dossier");
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (path, DOSSIER_STORE_ERROR_TOO_NEW);
}

static void
test_refuse_truncated (void)
{
  g_autofree char *path = make_dossier ("truncated.dossier");
  g_autofree char *contents = NULL;
  gsize len;

  contents = read_file (path, &len);
  g_assert_cmpuint (len, >, 3 * 65536);
  /* Cut in the middle of a page, then at a page boundary. */
  write_file (path, contents, len / 2 + 100);
  assert_refused (path, DOSSIER_STORE_ERROR_CORRUPT);
  write_file (path, contents, 2 * 65536);
  assert_refused (path, DOSSIER_STORE_ERROR_CORRUPT);
}

static void
test_refuse_corrupt (void)
{
  g_autofree char *path = make_dossier ("corrupt.dossier");
  g_autofree char *contents = NULL;
  gsize len;

  contents = read_file (path, &len);
  /* Scribble over the second page onwards: the schema and tables' b-tree pages. */
  for (gsize i = 65536 + 8; i < len && i < 65536 + 4096; i++)
    contents[i] = (char) (i * 7);
  write_file (path, contents, len);
  assert_refused (path, DOSSIER_STORE_ERROR_CORRUPT);
}

/* A large dossier opens after a header and schema check; the full check, run afterwards,
 * still finds damage in the tables. */
static void
test_deferred_check (void)
{
  g_autofree char *path = make_dossier ("deferred.dossier");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  gsize len;

  g_setenv ("DOSSIER_QUICK_CHECK_ON_OPEN_MAX", "0", TRUE);
  store = dossier_store_open (path, DOSSIER_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (dossier_store_is_checked (store));
  g_assert_true (dossier_store_check_integrity (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (dossier_store_is_checked (store));
  g_clear_object (&store);

  /* Damage the incident table's root page, leaving the schema whole. */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    gint64 root;

    g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage FROM sqlite_schema WHERE name = 'incident'", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    root = sqlite3_column_int64 (stmt, 0);
    sqlite3_finalize (stmt);
    sqlite3_close (db);

    contents = read_file (path, &len);
    g_assert_cmpuint ((gsize) (root - 1) * 65536 + 4096, <, len);
    for (gsize i = (gsize) (root - 1) * 65536; i < (gsize) (root - 1) * 65536 + 4096; i++)
      contents[i] = (char) (i * 13);
    write_file (path, contents, len);
  }
  store = dossier_store_open (path, DOSSIER_STORE_OPEN_READ_ONLY, &error);
  if (store != NULL)
    {
      g_assert_false (dossier_store_check_integrity (store, NULL, &error));
      g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_CORRUPT);
    }
  else
    g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_CORRUPT);
  g_unsetenv ("DOSSIER_QUICK_CHECK_ON_OPEN_MAX");
}

static void
test_migration_from_zero_refused (void)
{
  /* A file carrying our application id but no schema at all (user_version 0) is not a
   * dossier: it must not be "migrated" into one behind the user's back. */
  g_autofree char *path = tmp_path ("zero.dossier");
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1146049363; CREATE TABLE t (x);", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (path, DOSSIER_STORE_ERROR_NOT_A_DOSSIER);
}

static void
test_nested_transactions (void)
{
  g_autofree char *path = tmp_path ("nested.dossier");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = dossier_create (path, "n", &error);
  g_autoptr(DossierIncident) a = dossier_incident_new ();
  g_autoptr(DossierIncident) b = dossier_incident_new ();
  g_autoptr(DossierIncident) c = dossier_incident_new ();
  DossierStoreCounts counts;

  g_assert_true (dossier_store_begin (store, &error));
  g_assert_true (dossier_store_insert (store, DOSSIER_RECORD (a), &error));
  g_assert_true (dossier_store_begin (store, &error));
  g_assert_true (dossier_store_insert (store, DOSSIER_RECORD (b), &error));
  dossier_store_rollback (store);               /* undoes b only */
  g_assert_true (dossier_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_true (dossier_store_count (store, &counts, &error));
  g_assert_cmpint (counts.incidents, ==, 1);

  g_assert_true (dossier_store_begin (store, &error));
  g_assert_true (dossier_store_insert (store, DOSSIER_RECORD (c), &error));
  dossier_store_rollback (store);               /* undoes everything */
  g_assert_true (dossier_store_count (store, &counts, &error));
  g_assert_cmpint (counts.incidents, ==, 1);
}


static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

/* A dossier, its -wal and -shm are owner-only whatever the umask: they hold identities.
 * An older dossier made 0644 becomes owner-only when it is opened for writing. */
static void
test_dossier_file_modes (void)
{
  g_autofree char *path = tmp_path ("modes.dossier");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(DossierIncident) incident = dossier_incident_new ();
  mode_t old = umask (022);

  store = dossier_create (path, "modes", &error);
  g_assert_no_error (error);
  g_assert_true (dossier_store_insert (store, DOSSIER_RECORD (incident), &error));
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_assert_cmpuint (file_mode (shm), ==, 0600);
  g_test_message ("new dossier %o, -wal %o, -shm %o", file_mode (path), file_mode (wal), file_mode (shm));
  g_clear_object (&store);

  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  store = dossier_store_open (path, DOSSIER_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  umask (old);
}

/* Copies @path alone, as a user copies NAME.dossier to a USB key, and opens the copy. */
static DossierStore *
open_copy_alone (const char *path)
{
  g_autofree char *copy = g_strconcat (path, "-copy.dossier", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  DossierStore *store;
  gsize len;

  dossier_store_remove_files (copy);
  contents = read_file (path, &len);
  write_file (copy, contents, len);
  store = dossier_store_open (copy, DOSSIER_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  return store;
}

/* Letting go of a store puts every change into the file, even while another connection (a
 * worker's reader) is still open and SQLite would leave them in -wal. */
static void
test_close_folds_the_log (void)
{
  g_autofree char *path = make_dossier ("close-folds.dossier");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = dossier_store_open (path, DOSSIER_STORE_OPEN_DEFAULT, &error);
  g_autoptr(DossierStore) reader = NULL;
  g_autoptr(DossierStore) copy = NULL;
  g_autofree char *mandate = NULL;

  g_assert_no_error (error);
  reader = dossier_store_open_reader (store, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_store_set_info (store, "mandate", "CANARY-CLOSE", &error));
  g_assert_no_error (error);
  dossier_store_close (store);

  copy = open_copy_alone (path);
  g_assert_true (dossier_store_get_info (copy, NULL, NULL, &mandate, NULL, NULL, &error));
  g_assert_cmpstr (mandate, ==, "CANARY-CLOSE");
}

/* A damaged dossier with changes left in its -wal by a writer that stopped: refused, and
 * neither the file nor its log is touched (no checkpoint on closing). */
static void
test_refused_file_never_written (void)
{
  g_autofree char *path = make_dossier ("damaged-with-log.dossier");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *wal_before = NULL, *wal_after = NULL;
  g_autofree char *contents = NULL;
  gsize wal_before_len, wal_after_len, len;
  int status;
  pid_t pid;

  /* A writer that dies without closing leaves its commits in -wal. */
  pid = fork ();
  if (pid == 0)
    {
      sqlite3 *db = NULL;

      sqlite3_open (path, &db);
      sqlite3_exec (db, "UPDATE dossier SET mandate = 'in the log'", NULL, NULL, NULL);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  wal_before = read_file (wal, &wal_before_len);
  g_assert_cmpuint (wal_before_len, >, 0);

  /* Scribble over the incident table's root page in the file itself (the log holds only
   * the dossier's own record, which would hide damage to its page). */
  {
    g_autofree char *uri = g_strconcat ("file:", path, "?mode=ro&immutable=1", NULL);
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    gint64 root;

    g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage FROM sqlite_schema WHERE name = 'incident'", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    root = sqlite3_column_int64 (stmt, 0);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
    contents = read_file (path, &len);
    for (gsize i = (gsize) (root - 1) * 65536; i < (gsize) (root - 1) * 65536 + 4096 && i < len; i++)
      contents[i] = (char) (i * 13);
    write_file (path, contents, len);
  }

  assert_refused (path, DOSSIER_STORE_ERROR_CORRUPT);
  wal_after = read_file (wal, &wal_after_len);
  g_assert_cmpmem (wal_before, wal_before_len, wal_after, wal_after_len);
}

/* A file with our mark and a version, but another program's tables: refused before any
 * migration is committed into it. */
static void
test_foreign_schema_not_migrated (void)
{
  g_autofree char *path = tmp_path ("foreign.dossier");
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1146049363; PRAGMA user_version = 3;"
                                     "CREATE TABLE incident (id INTEGER PRIMARY KEY, x TEXT);"
                                     "CREATE TABLE dossier (id INTEGER PRIMARY KEY);", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (path, DOSSIER_STORE_ERROR_NOT_A_DOSSIER);
}

/* Damage in an index that quick_check does not see: a verification finds it with the full
 * check and writes no custody event into the file. */
static void
test_index_damage_found_before_custody (void)
{
  g_autofree char *path = make_dossier ("index-damage.dossier");
  g_autofree char *item = tmp_path ("index-damage-item.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  gint64 events;
  sqlite3 *db = NULL;

  /* An item whose verification would append to its custody log. */
  write_file (item, "témoignage enregistré", -1);
  store = dossier_store_open (path, DOSSIER_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GFile) file = g_file_new_for_path (item);
    g_autoptr(DossierIngestResult) result = dossier_locker_ingest (store, file, NULL, NULL, NULL, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (result);
  }
  g_clear_object (&store);

  /* An index of incidents is made to describe another column: its entries no longer
   * match the table, a damage only integrity_check reports. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA writable_schema = ON;"
                                     "UPDATE sqlite_schema SET sql = replace (sql, '(verification, ', '(title_fr, ') "
                                     "WHERE type = 'index' AND name = 'incident_verification_code_number';",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_close (db);

  store = dossier_store_open (path, DOSSIER_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  events = dossier_test_query_int (store, "SELECT count(*) FROM custody_event", NULL);
  g_assert_cmpint (events, >, 0);
  g_assert_null (dossier_locker_verify (store, TRUE, NULL, NULL, NULL, &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM custody_event", NULL), ==, events);
}

/* A dossier left in rollback-journal mode (a bulk ingestion killed before it switched back)
 * is in WAL mode again once opened for writing. */
static void
test_journal_mode_back_to_wal (void)
{
  g_autofree char *path = make_dossier ("journal-mode.dossier");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = dossier_store_open (path, DOSSIER_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  {
    g_autofree char *mode = dossier_test_query_text (store, "PRAGMA journal_mode");
    g_assert_cmpstr (mode, ==, "wal");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  dossier_test_register_resources ();

  g_test_add_func ("/store/create-and-reopen", test_create_and_reopen);
  g_test_add_func ("/store/create/seeds-vocabulary", test_create_seeds_vocabulary);
  g_test_add_func ("/store/read-only", test_read_only);
  g_test_add_func ("/store/refuse/bad-files", test_refuse_bad_files);
  g_test_add_func ("/store/refuse/newer-version", test_refuse_newer);
  g_test_add_func ("/store/refuse/truncated", test_refuse_truncated);
  g_test_add_func ("/store/refuse/corrupt", test_refuse_corrupt);
  g_test_add_func ("/store/refuse/no-schema", test_migration_from_zero_refused);
  g_test_add_func ("/store/deferred-check", test_deferred_check);
  g_test_add_func ("/store/nested-transactions", test_nested_transactions);
  g_test_add_func ("/trust/02-dossier-file-modes", test_dossier_file_modes);
  g_test_add_func ("/trust/04-close-folds-the-log", test_close_folds_the_log);
  g_test_add_func ("/trust/05-refused-file-never-written", test_refused_file_never_written);
  g_test_add_func ("/trust/05-foreign-schema-not-migrated", test_foreign_schema_not_migrated);
  g_test_add_func ("/trust/05-index-damage-found-before-custody", test_index_damage_found_before_custody);
  g_test_add_func ("/trust/06-journal-mode-back-to-wal", test_journal_mode_back_to_wal);

  return g_test_run ();
}
