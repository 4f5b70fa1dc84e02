/* test-files.c: what the command line leaves on disk — a whole file when it lets go of a
 * dossier, nothing written into a file it refuses, nothing half-written when the disk fills
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dossier-store.h"
#include "dossier-test-util.h"
#include "dossier-store-private.h" /* tests look at the file underneath */
#include "dossier-info.h"

static const char *cli;

#define run(out, err, ...) dossier_test_run (cli, out, err, __VA_ARGS__, NULL)

static void
assert_no_side_files (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);

      if (g_file_test (side, G_FILE_TEST_EXISTS))
        g_error ("%s is left beside the dossier", side);
    }
}

/* Copies NAME.dossier alone, as a user copies it to a USB key. */
static char *
copy_alone (const char *path)
{
  g_autofree char *copy = g_strconcat (path, "-copy.dossier", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  dossier_store_remove_files (copy);
  contents = dossier_test_read_file (path, &len);
  dossier_test_write_file (copy, contents, len);
  return g_steal_pointer (&copy);
}

static gint64
count (const char *path,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = dossier_store_open (path, DOSSIER_STORE_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return dossier_test_query_int (store, sql, NULL);
}

/* The journal mode a file's header records: 2 for WAL, 1 for a rollback journal. */
static int
header_journal_mode (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  contents = dossier_test_read_file (path, &len);
  g_assert_cmpuint (len, >=, 100);
  return contents[18];
}

/* The command line exits with every change in the file itself, and nothing beside it. */
static void
test_cli_exit_leaves_the_file_whole (void)
{
  g_autofree char *path = dossier_test_tmp_path ("cli-exit.dossier");
  g_autofree char *item = dossier_test_tmp_path ("cli-exit-item.txt");
  g_autofree char *out = dossier_test_tmp_path ("cli-exit.csv");
  g_autofree char *copy = NULL;

  g_assert_cmpint (run (NULL, NULL, "demo", path), ==, 0);
  assert_no_side_files (path);
  dossier_test_write_file (item, "procès-verbal d’audition", -1);
  g_assert_cmpint (run (NULL, NULL, "ingest", path, item), ==, 0);
  assert_no_side_files (path);
  g_assert_cmpint (run (NULL, NULL, "stats", path), ==, 0);
  g_assert_cmpint (run (NULL, NULL, "export", path, "--format", "csv", "-o", out), ==, 0);
  assert_no_side_files (path);

  copy = copy_alone (path);
  g_assert_cmpint (count (copy, "SELECT count(*) FROM evidence"), ==, 6);
  g_assert_cmpint (run (NULL, NULL, "verify", copy), ==, 0);
}

/* A writer that dies without closing leaves its commits in -wal. */
static void
leave_a_log (const char *path)
{
  int status;
  pid_t pid = fork ();

  if (pid == 0)
    {
      sqlite3 *db = NULL;

      sqlite3_open (path, &db);
      sqlite3_exec (db, "UPDATE dossier SET mandate = 'in the log only'", NULL, NULL, NULL);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
}

/* Scribbles over the incident table's root page of @path. */
static void
damage_incidents (const char *path)
{
  g_autofree char *uri = g_strconcat ("file:", path, "?mode=ro&immutable=1", NULL);
  g_autofree char *contents = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 root, page;
  gsize len;

  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM sqlite_schema "
                                           "WHERE name = 'incident'", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  root = sqlite3_column_int64 (stmt, 0);
  page = sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  contents = dossier_test_read_file (path, &len);
  for (gsize i = (gsize) ((root - 1) * page); i < (gsize) ((root - 1) * page + 4096) && i < len; i++)
    contents[i] = (char) (i * 13);
  dossier_test_write_file (path, contents, len);
}

/* verify on a damaged dossier with changes in its log: refused, and neither the file nor
 * the log is changed (no checkpoint, no custody event). */
static void
test_verify_writes_nothing_into_a_refused_file (void)
{
  g_autofree char *path = dossier_test_tmp_path ("verify-refused.dossier");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = NULL, *after = NULL, *wal_before = NULL, *wal_after = NULL;
  g_autofree char *err = NULL;
  gsize before_len, after_len, wal_before_len, wal_after_len;

  g_assert_cmpint (run (NULL, NULL, "demo", path), ==, 0);
  leave_a_log (path);
  damage_incidents (path);
  before = dossier_test_read_file (path, &before_len);
  wal_before = dossier_test_read_file (wal, &wal_before_len);
  g_assert_cmpuint (wal_before_len, >, 0);

  g_assert_cmpint (run (NULL, &err, "verify", path), !=, 0);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, "damaged"));
  after = dossier_test_read_file (path, &after_len);
  wal_after = dossier_test_read_file (wal, &wal_after_len);
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_cmpmem (wal_before, wal_before_len, wal_after, wal_after_len);
}

/* stats on a file SQLite calls "not a database" says what is wrong with the file, and
 * leaves nothing beside it. */
static void
test_stats_on_a_refused_file (void)
{
  g_autofree char *path = dossier_test_tmp_path ("stats-refused.dossier");
  g_autofree char *contents = NULL;
  g_autofree char *err = NULL;
  gsize len;

  g_assert_cmpint (run (NULL, NULL, "demo", path), ==, 0);
  contents = dossier_test_read_file (path, &len);
  /* Bytes 20–21 of the header (reserved space, payload fractions): SQLite then takes the
   * file for something else than a database. */
  contents[20] = (char) 0xff;
  contents[21] = (char) 0xff;
  dossier_test_write_file (path, contents, len);

  g_assert_cmpint (run (NULL, &err, "stats", path), ==, 1);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, "damaged"));
  g_assert_null (strstr (err, "could not be changed"));
  assert_no_side_files (path);
}

/* An ingestion killed while it writes (in rollback-journal mode, see the store) leaves the
 * dossier as before it, and in WAL mode again once it is opened for writing. */
static void
test_killed_ingest_goes_back_to_wal (void)
{
  g_autofree char *path = dossier_test_tmp_path ("killed-ingest.dossier");
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *big = dossier_test_tmp_path ("killed-ingest.bin");
  gboolean killed_in_bulk = FALSE;

  g_assert_cmpint (run (NULL, NULL, "demo", path), ==, 0);
  {
    g_autofree char *block = g_malloc (1 << 20);
    int fd = g_open (big, O_WRONLY | O_CREAT | O_TRUNC, 0600);

    g_assert_cmpint (fd, >=, 0);
    for (int i = 0; i < 160; i++)
      {
        for (gsize j = 0; j < (1 << 20); j += 4)
          *(guint32 *) (block + j) = g_random_int ();
        g_assert_cmpint (write (fd, block, 1 << 20), ==, 1 << 20);
      }
    close (fd);
  }

  for (int attempt = 0; attempt < 8 && !killed_in_bulk; attempt++)
    {
      const char *argv[] = { cli, "ingest", path, big, NULL };
      g_autoptr(GError) error = NULL;
      GPid pid;
      int status;

      g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                    NULL, NULL, &pid, &error));
      /* Wait for the journal: the bulk write has started. */
      for (int i = 0; i < 400 && !g_file_test (journal, G_FILE_TEST_EXISTS); i++)
        g_usleep (5000);
      g_usleep (50000 * (attempt + 1));
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      g_spawn_close_pid (pid);
      killed_in_bulk = WIFSIGNALED (status) && g_file_test (journal, G_FILE_TEST_EXISTS) && header_journal_mode (path) == 1;
    }
  if (!killed_in_bulk)
    {
      g_test_skip ("the ingestion ended before it could be killed while writing");
      return;
    }

  /* Read-only first: SQLite puts back the last committed state, and nothing else changes. */
  g_assert_cmpint (run (NULL, NULL, "stats", path), ==, 0);
  g_assert_cmpint (count (path, "SELECT count(*) FROM evidence"), ==, 5);
  g_assert_cmpint (run (NULL, NULL, "verify", path), ==, 0);
  g_assert_cmpint (header_journal_mode (path), ==, 2);
  assert_no_side_files (path);
}

/* ----------------------------------------------------------------- a full disk */

static char *mount_point;

/* Fills the file system of @dir until @leave bytes are free. */
static void
fill (const char *dir,
      guint64     leave)
{
  g_autofree char *filler = g_build_filename (dir, "filler", NULL);
  struct statvfs st;
  guint64 avail;
  int fd;

  g_unlink (filler);
  g_assert_cmpint (statvfs (dir, &st), ==, 0);
  avail = (guint64) st.f_bavail * st.f_frsize;
  if (avail <= leave)
    return;
  fd = g_open (filler, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (posix_fallocate (fd, 0, (off_t) (avail - leave)), ==, 0);
  close (fd);
}

static void
empty (const char *dir)
{
  g_autofree char *filler = g_build_filename (dir, "filler", NULL);

  g_unlink (filler);
}

/* Only the files named (and the filler) are in @dir. */
static void
assert_only (const char *dir,
             ...)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      gboolean allowed = g_str_equal (name, "filler");
      va_list ap;

      va_start (ap, dir);
      for (const char *a = va_arg (ap, const char *); a && !allowed; a = va_arg (ap, const char *))
        allowed = g_str_equal (name, a);
      va_end (ap);
      if (!allowed)
        g_error ("“%s” is left in the full file system", name);
    }
}

static void
assert_disk_error (const char *err)
{
  g_test_message ("%s", err);
  g_assert_true (g_str_has_prefix (err, "dossier-cli: "));
  g_assert_nonnull (strchr (err, '\n'));
  g_assert_cmpstr (strchr (err, '\n') + 1, ==, "");
}

static void (*previous_handler) (int);

/* A test that aborts with the small disk mounted unmounts it on the way out, before the
 * temporary folder is removed. */
static void
on_fatal_signal (int sig)
{
  if (mount_point != NULL)
    umount2 (mount_point, MNT_DETACH);
  signal (sig, previous_handler);
  raise (sig);
}

static gboolean
mount_small_disk (void)
{
  g_autofree char *err = NULL;

  if (getuid () != 0)
    {
      g_test_skip ("a full disk is tested on a small tmpfs, which only root can mount (CI runs as root)");
      return FALSE;
    }
  mount_point = dossier_test_tmp_path ("small-disk");
  g_assert_cmpint (g_mkdir (mount_point, 0700), ==, 0);
  if (dossier_test_run ("mount", NULL, &err, "-t", "tmpfs", "-o", "size=12m,mode=0700", "tmpfs", mount_point, NULL) != 0)
    {
      g_autofree char *why = g_strdup_printf ("no tmpfs could be mounted (%s): a full disk is not tested", g_strstrip (err));

      g_rmdir (mount_point);
      g_test_skip (why);
      return FALSE;
    }
  previous_handler = signal (SIGABRT, on_fatal_signal);
  return TRUE;
}

static void
unmount_small_disk (void)
{
  signal (SIGABRT, previous_handler);
  g_assert_cmpint (dossier_test_run ("umount", NULL, NULL, mount_point, NULL), ==, 0);
  g_rmdir (mount_point);
  g_clear_pointer (&mount_point, g_free);
}

/* Ingest, imports, every export and an ordinary edit on a disk that fills up: each ends
 * with a clear error, the dossier intact and verified, and no partial file. */
static void
test_full_disk (void)
{
  g_autofree char *demo = dossier_test_tmp_path ("full-disk-source.dossier");
  g_autofree char *json = dossier_test_tmp_path ("full-disk.json");
  g_autofree char *bag = dossier_test_tmp_path ("full-disk-bag");
  g_autofree char *big = dossier_test_tmp_path ("full-disk-item.bin");
  g_autofree char *path = NULL;
  g_autofree char *out = NULL, *err = NULL;
  static const char * const formats[] = { "csv", "geojson", "kml", "json", "pdf" };

  if (!mount_small_disk ())
    return;

  g_assert_cmpint (run (NULL, NULL, "demo", demo), ==, 0);
  g_assert_cmpint (run (NULL, NULL, "export", demo, "--format", "json", "-o", json), ==, 0);
  g_assert_cmpint (run (NULL, NULL, "export", demo, "--format", "bagit", "-o", bag), ==, 0);
  {
    g_autofree char *bytes = g_malloc (4 << 20);

    for (gsize j = 0; j < (4 << 20); j++)
      bytes[j] = (char) g_random_int ();
    dossier_test_write_file (big, bytes, 4 << 20);
  }

  /* A dossier on the small disk, almost full: room for its -shm, not for what is added. */
  path = g_build_filename (mount_point, "work.dossier", NULL);
  g_assert_cmpint (run (NULL, NULL, "new", path, "--title", "Bureau de Gao"), ==, 0);
  fill (mount_point, 256 * 1024);

  /* An ordinary edit. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DossierStore) store = dossier_store_open (path, DOSSIER_STORE_OPEN_DEFAULT, &error);
    g_autofree char *mandate = g_strnfill (900 * 1024, 'm');

    if (store != NULL)
      {
        g_assert_false (dossier_store_set_info (store, "mandate", mandate, &error));
        g_test_message ("edit: %s", error->message);
      }
    g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_IO);
  }
  /* Ingest: the item is not reported as if it were in. */
  g_assert_cmpint (run (&out, &err, "ingest", path, big), ==, 1);
  g_assert_cmpstr (out, ==, "");
  assert_disk_error (err);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* A JSON import into the dossier. */
  g_assert_cmpint (run (NULL, &err, "import", path, "--format", "json", json), ==, 1);
  assert_disk_error (err);
  g_clear_pointer (&err, g_free);

  /* A new dossier from a JSON document, and from a bag: nothing is left of either. */
  {
    g_autofree char *made = g_build_filename (mount_point, "from-json.dossier", NULL);
    g_autofree char *from_bag = g_build_filename (mount_point, "from-bag.dossier", NULL);

    g_assert_cmpint (run (NULL, &err, "import", made, "--format", "json", json), ==, 1);
    assert_disk_error (err);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run (NULL, &err, "import", from_bag, "--format", "bagit", bag), ==, 1);
    assert_disk_error (err);
    g_clear_pointer (&err, g_free);
  }
  assert_only (mount_point, "work.dossier", "work.dossier-wal", "work.dossier-shm", NULL);

  /* The dossier is intact and verifies, with nothing added. */
  empty (mount_point);
  g_assert_cmpint (run (NULL, NULL, "verify", path), ==, 0);
  g_assert_cmpint (count (path, "SELECT count(*) FROM evidence"), ==, 0);
  g_assert_cmpint (count (path, "SELECT count(*) FROM incident"), ==, 0);
  g_assert_cmpint (count (path, "SELECT length (mandate) FROM dossier"), ==, 0);
  dossier_store_remove_files (path);

  /* Every export from a dossier elsewhere onto the full disk. */
  fill (mount_point, 0);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strconcat ("annex.", formats[i], NULL);
      g_autofree char *target = g_build_filename (mount_point, name, NULL);

      g_assert_cmpint (run (NULL, &err, "export", demo, "--format", formats[i], "-o", target), ==, 1);
      assert_disk_error (err);
      g_clear_pointer (&err, g_free);
    }
  {
    g_autofree char *tables = g_build_filename (mount_point, "tables", NULL);
    g_autofree char *bag_out = g_build_filename (mount_point, "bag", NULL);

    g_assert_cmpint (run (NULL, &err, "export", demo, "--format", "csv", "--table", "all", "-o", tables), ==, 1);
    assert_disk_error (err);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run (NULL, &err, "export", demo, "--format", "bagit", "-o", bag_out), ==, 1);
    assert_disk_error (err);
    g_clear_pointer (&err, g_free);
  }
  assert_only (mount_point, NULL);
  empty (mount_point);
  g_assert_cmpint (run (NULL, NULL, "verify", demo), ==, 0);
  unmount_small_disk ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  dossier_test_register_resources ();
  g_assert_cmpint (argc, ==, 2);
  cli = argv[1];

  g_test_add_func ("/trust/04-cli-exit-leaves-the-file-whole", test_cli_exit_leaves_the_file_whole);
  g_test_add_func ("/trust/05-verify-writes-nothing-into-a-refused-file", test_verify_writes_nothing_into_a_refused_file);
  g_test_add_func ("/trust/06-killed-ingest-goes-back-to-wal", test_killed_ingest_goes_back_to_wal);
  g_test_add_func ("/trust/16-full-disk", test_full_disk);
  g_test_add_func ("/trust/17-stats-on-a-refused-file", test_stats_on_a_refused_file);
  return g_test_run ();
}
