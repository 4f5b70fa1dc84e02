/* test-helpers.c: core's one-of-each helpers: the atomic writer, SHA-256 of a file, hex,
 * uuids and ISO 8601 times
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "dossier-atomic-file.h"
#include "dossier-digest.h"
#include "dossier-format.h"

static char *
make_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("dossier-helpers-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
remove_folder (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        g_rmdir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, expected);
}

/* A new file is owner-only even when the umask would let everyone read it. */
static void
test_atomic_new_file_private (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "export.json", NULL);
  g_autoptr(GError) error = NULL;
  mode_t old_mask = umask (0);
  GStatBuf st;

  g_assert_true (dossier_file_replace_contents (path, "{}\n", -1, 0600, &error));
  umask (old_mask);
  g_assert_no_error (error);
  assert_contents (path, "{}\n");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* Nothing beside it: the temporary file became the file. */
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_folder (dir);
}

/* Replacing gives the new bytes and the requested mode, not the old file's. */
static void
test_atomic_replace (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "table.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierAtomicFile) file = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  file = dossier_atomic_file_open (path, 0600, &error);
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (dossier_atomic_file_get_stream (file), "new", 3, NULL, NULL, &error));
  g_assert_no_error (error);
  /* Until the commit, the old file is what a reader finds. */
  assert_contents (path, "old");
  g_assert_true (dossier_atomic_file_commit (g_steal_pointer (&file), &error));
  g_assert_no_error (error);
  assert_contents (path, "new");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_folder (dir);
}

/* A writer that stops halfway (an error, a cancel) leaves the old file and no temporary. */
static void
test_atomic_abort_keeps_old (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "annex.pdf", NULL);
  g_autoptr(GError) error = NULL;
  DossierAtomicFile *file;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  file = dossier_atomic_file_open (path, 0600, &error);
  g_assert_no_error (error);
  g_assert_cmpint (write (dossier_atomic_file_get_fd (file), "half", 4), ==, 4);
  g_assert_cmpuint (count_entries (dir), ==, 2);
  dossier_atomic_file_abort (file);
  assert_contents (path, "old");
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_folder (dir);
}

/* A commit that cannot rename (the name is a folder's) fails with the reason, and leaves
 * what was there and no temporary file. */
static void
test_atomic_commit_fails (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "taken", NULL);
  g_autofree char *inside = g_build_filename (path, "kept", NULL);
  g_autoptr(GError) error = NULL;
  DossierAtomicFile *file;

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "old", -1, NULL));
  file = dossier_atomic_file_open (path, 0600, &error);
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (dossier_atomic_file_get_stream (file), "new", 3, NULL, NULL, &error));
  g_assert_false (dossier_atomic_file_commit (file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_nonnull (strstr (error->message, "taken"));
  assert_contents (inside, "old");
  g_assert_cmpuint (count_entries (dir), ==, 1);
  g_unlink (inside);
  remove_folder (dir);
}

/* A folder that does not exist: a clear error, nothing made. */
static void
test_atomic_no_folder (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "missing", "file.txt", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (dossier_file_replace_contents (path, "x", 1, 0600, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_entries (dir), ==, 0);
  remove_folder (dir);
}

static void
test_sha256_known (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "abc", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty", NULL);
  g_autofree char *sha = NULL;
  g_autoptr(GError) error = NULL;
  guint64 size = 99;

  g_assert_true (g_file_set_contents (path, "abc", 3, NULL));
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  sha = dossier_sha256_file (path, -1, &size, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sha, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  g_assert_cmpuint (size, ==, 3);
  g_free (sha);
  sha = dossier_sha256_file (empty, 0, &size, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sha, ==, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  g_assert_cmpuint (size, ==, 0);
  remove_folder (dir);
}

/* A read that fails is an error naming the file, never the SHA-256 of what was read. The
 * kernel refuses to read /proc/self/mem at offset 0 (nothing is mapped there): a regular
 * file whose read() fails with EIO. */
static void
test_sha256_read_error (void)
{
  g_autofree char *sha = NULL;
  g_autoptr(GError) error = NULL;

  sha = dossier_sha256_file ("/proc/self/mem", -1, NULL, NULL, &error);
  g_assert_null (sha);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "/proc/self/mem"));
}

/* Missing, a folder, a size other than the one expected: each refused. */
static void
test_sha256_refusals (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "abc", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  g_autofree char *sha = NULL;
  GError *error = NULL;

  g_assert_true (g_file_set_contents (path, "abc", 3, NULL));
  sha = dossier_sha256_file (missing, -1, NULL, NULL, &error);
  g_assert_null (sha);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  sha = dossier_sha256_file (dir, -1, NULL, NULL, &error);
  g_assert_null (sha);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  sha = dossier_sha256_file (path, 4, NULL, NULL, &error);
  g_assert_null (sha);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  remove_folder (dir);
}

static void
test_hex_encode (void)
{
  static const guint8 bytes[] = { 0x00, 0x0f, 0xa5, 0xff };
  g_autofree char *hex = dossier_hex_encode (bytes, sizeof bytes);
  g_autofree char *none = dossier_hex_encode (NULL, 0);

  g_assert_cmpstr (hex, ==, "000fa5ff");
  g_assert_cmpstr (none, ==, "");
}

/* A uuid's version and variant bits are set whatever the random bytes say. */
static void
test_uuid_format (void)
{
  static const guint8 ones[16] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                   0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
  static const guint8 zeros[16] = { 0 };
  g_autofree char *a = dossier_format_uuid (ones);
  g_autofree char *b = dossier_format_uuid (zeros);

  g_assert_cmpstr (a, ==, "ffffffff-ffff-4fff-bfff-ffffffffffff");
  g_assert_cmpstr (b, ==, "00000000-0000-4000-8000-000000000000");
  g_assert_true (g_uuid_string_is_valid (a));
}

/* Stored times are UTC to the microsecond, whatever zone the time was made in. */
static void
test_iso8601_format (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("+02:00");
  g_autoptr(GDateTime) local = g_date_time_new (zone, 2022, 3, 27, 1, 15, 30.25);
  g_autofree char *stamp = dossier_format_iso8601 (local);
  g_autofree char *day = dossier_format_day (local);

  g_assert_cmpstr (stamp, ==, "2022-03-26T23:15:30.250000Z");
  g_assert_cmpstr (day, ==, "2022-03-27");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/helpers/atomic/new-file-private", test_atomic_new_file_private);
  g_test_add_func ("/helpers/atomic/replace", test_atomic_replace);
  g_test_add_func ("/helpers/atomic/abort-keeps-old", test_atomic_abort_keeps_old);
  g_test_add_func ("/helpers/atomic/commit-fails", test_atomic_commit_fails);
  g_test_add_func ("/helpers/atomic/no-folder", test_atomic_no_folder);
  g_test_add_func ("/helpers/sha256/known", test_sha256_known);
  g_test_add_func ("/helpers/sha256/read-error", test_sha256_read_error);
  g_test_add_func ("/helpers/sha256/refusals", test_sha256_refusals);
  g_test_add_func ("/helpers/hex/encode", test_hex_encode);
  g_test_add_func ("/helpers/uuid/format", test_uuid_format);
  g_test_add_func ("/helpers/iso8601/format", test_iso8601_format);
  return g_test_run ();
}
