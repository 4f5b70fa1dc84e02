/* test-bagit-forged.c: bags made by someone who wants them believed are refused, each for its
 * reason; bags are made for their owner alone (issue 12)
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

/* A demo dossier exported as a bag named @name; the bag's path. */
static char *
demo_bag (const char *name)
{
  g_autofree char *origin_name = g_strconcat (name, ".dossier", NULL);
  g_autofree char *origin = dossier_test_tmp_path (origin_name);
  g_autofree char *bag = dossier_test_tmp_path (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = dossier_demo_create (origin, &error);

  g_assert_no_error (error);
  g_assert_true (dossier_bagit_export (store, bag, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&bag);
}

static char *
bag_text (const char *bag,
          const char *name)
{
  g_autofree char *path = g_build_filename (bag, name, NULL);

  return dossier_test_read_file (path, NULL);
}

static void
set_bag_text (const char *bag,
              const char *name,
              const char *text)
{
  g_autofree char *path = g_build_filename (bag, name, NULL);

  dossier_test_write_file (path, text, -1);
}

static char *
sha_of_file (const char *path,
             guint64    *size)
{
  gsize length;
  g_autofree char *contents = dossier_test_read_file (path, &length);

  if (size != NULL)
    *size = length;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* Every file under @relative in @bag, sorted. */
static void
files_under (const char *bag,
             const char *relative,
             GPtrArray  *into)
{
  g_autofree char *path = g_build_filename (bag, relative, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_strconcat (relative, "/", name, NULL);
      g_autofree char *full = g_build_filename (bag, child, NULL);

      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        files_under (bag, child, into);
      else
        g_ptr_array_add (into, g_steal_pointer (&child));
    }
}

/* The tag manifest made to match the tag files again. */
static void
reseal_tags (const char *bag)
{
  const char *names[] = { "bagit.txt", "bag-info.txt", "manifest-sha256.txt", "dossier-evidence.txt" };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (bag, names[i], NULL);
      g_autofree char *sha = NULL;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      sha = sha_of_file (path, NULL);
      g_string_append_printf (text, "%s  %s\n", sha, names[i]);
    }
  set_bag_text (bag, "tagmanifest-sha256.txt", text->str);
}

/* What someone who knows BagIt does after changing a bag's payload: the manifest, the
 * Payload-Oxum and the tag manifest made to match its files again, so that only what the
 * bag says of the dossier can give the change away. */
static void
reseal (const char *bag)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) manifest = g_string_new (NULL);
  g_autoptr(GString) info = g_string_new (NULL);
  g_autofree char *old_info = bag_text (bag, "bag-info.txt");
  g_auto(GStrv) lines = g_strsplit (old_info, "\n", -1);
  guint64 octets = 0;

  files_under (bag, "data", files);
  g_ptr_array_sort (files, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *path = g_build_filename (bag, files->pdata[i], NULL);
      guint64 size;
      g_autofree char *sha = sha_of_file (path, &size);

      g_string_append_printf (manifest, "%s  %s\n", sha, (const char *) files->pdata[i]);
      octets += size;
    }
  set_bag_text (bag, "manifest-sha256.txt", manifest->str);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Payload-Oxum: "))
      g_string_append_printf (info, "Payload-Oxum: %" G_GUINT64_FORMAT ".%u\n", octets, files->len);
    else if (*lines[i])
      g_string_append_printf (info, "%s\n", lines[i]);
  set_bag_text (bag, "bag-info.txt", info->str);
  reseal_tags (bag);
}

/* The problems of @bag, asserted invalid. */
static GPtrArray *
invalid (const char *bag)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (dossier_bagit_validate (bag, &problems, &error));
  g_assert_no_error (error);
  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) problems->pdata[i]);
  return g_steal_pointer (&problems);
}

static gboolean
has_problem (GPtrArray  *problems,
             const char *part)
{
  for (guint i = 0; i < problems->len; i++)
    if (strstr (problems->pdata[i], part) != NULL)
      return TRUE;
  return FALSE;
}

/* The import of @bag refused with a message holding @part; nothing left behind. */
static void
import_refused (const char *bag,
                const char *part)
{
  g_autofree char *copy = dossier_test_tmp_path ("refused.dossier");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_false (dossier_bagit_import (bag, copy, NULL, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, part));
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  dir = g_dir_open (dossier_test_tmpdir (), 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_null (strstr (name, "refused.dossier"));
}

/* The manifest line of @prefix's file. */
static char *
manifest_line (const char *bag,
               const char *prefix)
{
  g_autofree char *text = bag_text (bag, "manifest-sha256.txt");
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], prefix) != NULL)
      return g_strdup (lines[i]);
  g_assert_not_reached ();
}

/* 10: one path listed a million times is reported once, read once, and does not count into
 * the Payload-Oxum; so is a tag file listed twice in the tag manifest. */
static void
test_bag_duplicate_paths (void)
{
  g_autofree char *bag = demo_bag ("duplicates");
  g_autofree char *manifest = bag_text (bag, "manifest-sha256.txt");
  g_autofree char *tags = bag_text (bag, "tagmanifest-sha256.txt");
  g_autofree char *line = manifest_line (bag, "data/evidence/EVD-0001/");
  g_autofree char *times = g_strdup_printf ("“%s” 1000001 times", strstr (line, "  ") + 2);
  g_autoptr(GString) repeated = g_string_new (manifest);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GTimer) timer = NULL;

  for (guint i = 0; i < 1000000; i++)
    g_string_append_printf (repeated, "%s\n", line);
  set_bag_text (bag, "manifest-sha256.txt", repeated->str);
  reseal_tags (bag);
  timer = g_timer_new ();
  problems = invalid (bag);
  g_test_message ("1,000,001 lines for one path: refused in %.2f s", g_timer_elapsed (timer, NULL));
  g_assert_true (has_problem (problems, times));
  g_assert_cmpuint (problems->len, ==, 1);   /* the Payload-Oxum still adds up: counted once */
  g_timer_start (timer);
  import_refused (bag, times);
  g_test_message ("and its import in %.2f s", g_timer_elapsed (timer, NULL));
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* In the tag manifest. */
  set_bag_text (bag, "manifest-sha256.txt", manifest);
  {
    g_autofree char *twice = NULL;

    reseal_tags (bag);
    g_free (tags);
    tags = bag_text (bag, "tagmanifest-sha256.txt");
    twice = g_strconcat (tags, tags, NULL);
    set_bag_text (bag, "tagmanifest-sha256.txt", twice);
    problems = invalid (bag);
    g_assert_true (has_problem (problems, "tagmanifest-sha256.txt lists “bagit.txt” 2 times"));
    g_clear_pointer (&problems, g_ptr_array_unref);
  }
  /* Many different wrong lines: a hundred reported, and the rest said to be there. */
  {
    g_autoptr(GString) wrong = g_string_new (manifest);

    for (guint i = 0; i < 10000; i++)
      g_string_append_printf (wrong, "%064d  data/nothing-%u\n", 0, i);
    set_bag_text (bag, "manifest-sha256.txt", wrong->str);
    reseal_tags (bag);
    problems = invalid (bag);
    g_assert_cmpuint (problems->len, ==, 101);
    g_assert_true (has_problem (problems, "more problems"));
  }
}

/* 10: an element the RFC wants once, given twice, refuses the bag, whatever its case. */
static void
test_bag_repeated_oxum (void)
{
  g_autofree char *bag = demo_bag ("repeated");
  g_autofree char *info = bag_text (bag, "bag-info.txt");
  g_autofree char *declaration = bag_text (bag, "bagit.txt");
  const char *oxum = strstr (info, "Payload-Oxum: ");
  g_autofree char *line = g_strndup (oxum, strchr (oxum, '\n') - oxum + 1);
  struct {
    const char *file;
    char       *text;
    const char *problem;
  } cases[] = {
    /* The second is true and the first false, the way round a reader of the first misses. */
    { "bag-info.txt", g_strconcat ("Payload-Oxum: 1.1\n", info, NULL), "bag-info.txt gives Payload-Oxum more than once" },
    /* Twice the same, true, value. */
    { "bag-info.txt", g_strconcat (info, line, NULL), "bag-info.txt gives Payload-Oxum more than once" },
    { "bag-info.txt", g_strconcat (info, "payload-oxum: 1.1\n", NULL), "bag-info.txt gives Payload-Oxum more than once" },
    { "bag-info.txt", g_strconcat (info, "Bagging-Date: 2000-01-01\n", NULL), "bag-info.txt gives Bagging-Date more than once" },
    { "bag-info.txt", g_strconcat (info, "Bag-Count: 1 of 2\nBag-Count: 2 of 2\n", NULL), "bag-info.txt gives Bag-Count more than once" },
    { "bagit.txt", g_strconcat (declaration, "BagIt-Version: 0.97\n", NULL), "bagit.txt gives BagIt-Version more than once" },
    { "bagit.txt", g_strconcat (declaration, "Tag-File-Character-Encoding: ISO-8859-1\n", NULL),
      "bagit.txt gives Tag-File-Character-Encoding more than once" },
    /* An Oxum that says nothing is not taken as saying the right thing. */
    { "bag-info.txt", g_strconcat ("Bagging-Date: 2026-12-02\nPayload-Oxum: a lot\n", NULL), "Payload-Oxum “a lot”" },
    { "bagit.txt", g_strdup ("BagIt-Version: 1.0\nTag-File-Character-Encoding: ISO-8859-1\n"), "ISO-8859-1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) problems = NULL;

      set_bag_text (bag, cases[i].file, cases[i].text);
      reseal_tags (bag);
      problems = invalid (bag);
      g_assert_true (has_problem (problems, cases[i].problem));
      import_refused (bag, cases[i].problem);
      set_bag_text (bag, "bag-info.txt", info);
      set_bag_text (bag, "bagit.txt", declaration);
      g_free (cases[i].text);
    }
  reseal_tags (bag);
  g_assert_cmpuint (problems_of (bag), ==, 0);
}

/* 10: a payload of 8 GiB (sparse: no disk) whose size the Payload-Oxum contradicts is refused
 * for its size, from a stat(), without a byte of it read. */
static void
test_bag_oxum_before_hashing (void)
{
  g_autofree char *bag = demo_bag ("sparse");
  g_autofree char *line = manifest_line (bag, "data/evidence/EVD-0001/");
  g_autofree char *item = g_build_filename (bag, strstr (line, "  ") + 2, NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GTimer) timer = NULL;
  int fd = open (item, O_WRONLY);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, G_GINT64_CONSTANT (8) << 30), ==, 0);
  close (fd);
  timer = g_timer_new ();
  problems = invalid (bag);
  g_test_message ("8 GiB payload, Payload-Oxum contradicted: refused in %.3f s", g_timer_elapsed (timer, NULL));
  g_assert_true (has_problem (problems, "Payload-Oxum says"));
  /* Its SHA-256 is wrong too, but was never computed. */
  g_assert_false (has_problem (problems, "does not match its SHA-256"));
  g_timer_start (timer);
  import_refused (bag, "Payload-Oxum says");
  g_test_message ("and its import in %.3f s", g_timer_elapsed (timer, NULL));
  g_unlink (item);
}

/* 12: an item's bytes taken out of a bag that was then resealed: the bag still says the item
 * had them, and is refused naming it. An item that truly had none comes in without. */
static void
test_bag_missing_bytes (void)
{
  g_autofree char *bag = demo_bag ("missing bytes");
  g_autofree char *line = manifest_line (bag, "data/evidence/EVD-0002/");
  g_autofree char *item = g_build_filename (bag, strstr (line, "  ") + 2, NULL);
  g_autofree char *folder = g_path_get_dirname (item);
  g_autofree char *list = bag_text (bag, "dossier-evidence.txt");
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_nonnull (strstr (list, "EVD-0002  data/evidence/EVD-0002/"));
  g_assert_cmpint (g_unlink (item), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
  reseal (bag);
  problems = invalid (bag);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (has_problem (problems, "EVD-0002 had its bytes"));
  import_refused (bag, "EVD-0002 had its bytes");

  /* Its line taken out of dossier-evidence.txt as well: the bag is whole as a bag, but says
   * nothing of an item its dossier holds. */
  {
    g_auto(GStrv) lines = g_strsplit (list, "\n", -1);
    g_autoptr(GString) without = g_string_new (NULL);

    for (guint i = 0; lines[i] != NULL; i++)
      if (*lines[i] && !g_str_has_prefix (lines[i], "EVD-0002 "))
        g_string_append_printf (without, "%s\n", lines[i]);
    set_bag_text (bag, "dossier-evidence.txt", without->str);
    reseal_tags (bag);
    g_assert_cmpuint (problems_of (bag), ==, 0);
    import_refused (bag, "EVD-0002");
  }

  /* A dossier made from JSON alone has no bytes: its bag says so, and comes in without. */
  {
    g_autofree char *origin = dossier_test_tmp_path ("missing bytes.dossier");
    g_autofree char *json = dossier_test_tmp_path ("no bytes.json");
    g_autofree char *from_json = dossier_test_tmp_path ("no bytes.dossier");
    g_autofree char *no_bytes = dossier_test_tmp_path ("no bytes bag");
    g_autofree char *copy = dossier_test_tmp_path ("no bytes copy.dossier");
    g_autofree char *no_list = NULL;
    g_autoptr(GError) error = NULL;
    guint restored = 99, without = 0;

    {
      g_autoptr(DossierStore) store = dossier_store_open (origin, DOSSIER_STORE_OPEN_READ_ONLY, &error);

      g_assert_no_error (error);
      g_assert_true (dossier_json_export_file (store, json, &error));
      g_assert_no_error (error);
    }
    {
      g_autoptr(DossierStore) store = dossier_create (from_json, NULL, &error);

      g_assert_no_error (error);
      g_assert_true (dossier_json_import_file (store, json, &error));
      g_assert_no_error (error);
      g_assert_true (dossier_bagit_export (store, no_bytes, NULL, &error));
      g_assert_no_error (error);
    }
    no_list = bag_text (no_bytes, "dossier-evidence.txt");
    g_assert_nonnull (strstr (no_list, "EVD-0002  -\n"));
    g_assert_cmpuint (problems_of (no_bytes), ==, 0);
    g_assert_true (dossier_bagit_import (no_bytes, copy, NULL, &restored, &without, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (restored, ==, 0);
    g_assert_cmpuint (without, ==, 5);
  }
}

/* 12: bytes in the payload that belong to no item: reported by validation (and so by
 * dossier-cli verify), and the import refused. */
static void
test_bag_unknown_payload (void)
{
  g_autofree char *bag = demo_bag ("unknown payload");
  g_autofree char *line = manifest_line (bag, "data/evidence/EVD-0001/");
  g_autofree char *item = g_build_filename (bag, strstr (line, "  ") + 2, NULL);
  g_autofree char *folder = g_path_get_dirname (item);
  g_autofree char *extra = g_build_filename (folder, "second file.bin", NULL);
  g_autofree char *planted_folder = g_build_filename (bag, "data", "evidence", "EVD-9999", NULL);
  g_autofree char *planted = g_build_filename (planted_folder, "planted.bin", NULL);
  g_autofree char *list = bag_text (bag, "dossier-evidence.txt");
  g_autoptr(GPtrArray) problems = NULL;

  dossier_test_write_file (extra, "bytes of no item", -1);
  g_assert_cmpint (g_mkdir (planted_folder, 0700), ==, 0);
  dossier_test_write_file (planted, "bytes of an item the dossier does not hold", -1);
  reseal (bag);
  problems = invalid (bag);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_true (has_problem (problems, "“data/evidence/EVD-0001/second file.bin” is in the payload but belongs to no evidence item"));
  g_assert_true (has_problem (problems, "“data/evidence/EVD-9999/planted.bin” is in the payload but belongs to no evidence item"));
  import_refused (bag, "belongs to no evidence item");

  /* Claimed in the list by a code the dossier does not have. */
  g_unlink (extra);
  {
    g_autofree char *claimed = g_strconcat (list, "EVD-9999  data/evidence/EVD-9999/planted.bin\n", NULL);

    set_bag_text (bag, "dossier-evidence.txt", claimed);
    reseal (bag);
    g_assert_cmpuint (problems_of (bag), ==, 0);
    import_refused (bag, "EVD-9999, which the bag’s dossier does not hold");
  }
  /* One file given as the bytes of two items; the dossier itself given as an item's. */
  {
    g_autofree char *twice = g_strconcat (list, "EVD-9999  ", strstr (line, "  ") + 2, "\n", NULL);
    g_autofree char *dossier = g_strconcat (list, "EVD-9999  data/dossier.json\n", NULL);

    g_unlink (planted);
    g_rmdir (planted_folder);
    set_bag_text (bag, "dossier-evidence.txt", twice);
    reseal (bag);
    g_clear_pointer (&problems, g_ptr_array_unref);
    problems = invalid (bag);
    g_assert_true (has_problem (problems, "the bytes of EVD-9999 are said to be"));
    set_bag_text (bag, "dossier-evidence.txt", dossier);
    reseal (bag);
    g_clear_pointer (&problems, g_ptr_array_unref);
    problems = invalid (bag);
    g_assert_true (has_problem (problems, "the bytes of EVD-9999 are said to be “data/dossier.json”"));
  }
  /* A bag without the list does not say which items had bytes. */
  {
    g_autofree char *path = g_build_filename (bag, "dossier-evidence.txt", NULL);

    g_unlink (path);
    reseal (bag);
    g_clear_pointer (&problems, g_ptr_array_unref);
    problems = invalid (bag);
    g_assert_cmpuint (problems->len, ==, 1);
    g_assert_true (has_problem (problems, "dossier-evidence.txt is missing"));
  }
}

/* Whether anything named @name is in the test's temporary folder, outside every bag. */
static gboolean
escaped (const char *name)
{
  g_autofree char *path = dossier_test_tmp_path (name);

  return g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK);
}

/* 11: no value read from a bag becomes a path without being checked: a code is compared, a
 * path of the evidence list is looked up among the manifest's, and a manifest path that
 * climbs out is refused. And an export never climbs out with a code made elsewhere. */
static void
test_bag_codes_are_not_paths (void)
{
  g_autofree char *deep = dossier_test_tmp_path ("a/b/c");
  g_autofree char *origin = dossier_test_tmp_path ("a/b/c/climbing.dossier");
  g_autofree char *bag = dossier_test_tmp_path ("a/b/c/climbing bag");
  g_autofree char *copy = dossier_test_tmp_path ("a/b/c/climbing copy.dossier");
  g_autoptr(GError) error = NULL;
  gboolean imported;

  g_assert_cmpint (g_mkdir_with_parents (deep, 0700), ==, 0);
  {
    g_autoptr(DossierStore) store = dossier_demo_create (origin, &error);

    g_assert_no_error (error);
    /* A code as an older import could have let in. */
    g_assert_cmpint (dossier_test_query_int (store, "UPDATE evidence SET code = '../../../../x' WHERE code = 'EVD-0003' RETURNING 1", NULL), ==, 1);
    g_assert_true (dossier_bagit_export (store, bag, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_false (escaped ("x"));
  g_assert_false (escaped ("a/x"));
  g_assert_cmpuint (problems_of (bag), ==, 0);
  /* Imported or refused (the JSON import checks codes), it creates nothing outside. */
  imported = dossier_bagit_import (bag, copy, NULL, NULL, NULL, NULL, &error);
  g_test_message ("%s", imported ? "imported" : error->message);
  g_clear_error (&error);
  g_assert_false (escaped ("x"));
  g_assert_false (escaped ("a/x"));
  g_assert_false (escaped ("a/b/x"));

  {
    g_autofree char *list = bag_text (bag, "dossier-evidence.txt");
    g_autofree char *manifest = bag_text (bag, "manifest-sha256.txt");
    g_autofree char *line = manifest_line (bag, "data/evidence/EVD-0001/");
    g_autofree char *sha = g_strndup (line, 64);
    g_autofree char *outside = dossier_test_tmp_path ("outside");
    g_autofree char *item = g_build_filename (bag, strstr (line, "  ") + 2, NULL);
    g_autofree char *bytes = NULL;
    gsize length;
    g_autoptr(GPtrArray) problems = NULL;
    g_autoptr(GString) pointed = g_string_new (NULL);
    g_auto(GStrv) lines = g_strsplit (list, "\n", -1);

    /* The list points EVD-0001 at a copy of its bytes outside the bag: never opened. */
    bytes = dossier_test_read_file (item, &length);
    dossier_test_write_file (outside, bytes, length);
    for (guint i = 0; lines[i] != NULL; i++)
      if (g_str_has_prefix (lines[i], "EVD-0001 "))
        g_string_append (pointed, "EVD-0001  data/evidence/../../../../outside\n");
      else if (*lines[i])
        g_string_append_printf (pointed, "%s\n", lines[i]);
    set_bag_text (bag, "dossier-evidence.txt", pointed->str);
    reseal_tags (bag);
    problems = invalid (bag);
    g_assert_true (has_problem (problems, "EVD-0001 had its bytes in the dossier the bag was made from, but the bag does not hold them"));

    /* The manifest itself lists the file outside, plainly or encoded. */
    {
      const char *evil[] = { "data/evidence/EVD-0001/../../../../outside", "data/evidence/%2E%2E/%2E%2E/%2E%2E/%2E%2E/outside",
                             "data/evidence/EVD-0001/..\\..\\..\\..\\outside", "/etc/passwd", "data//outside" };

      for (guint i = 0; i < G_N_ELEMENTS (evil); i++)
        {
          g_autofree char *listed = g_strdup_printf ("%s%s  %s\n", manifest, sha, evil[i]);
          g_autofree char *pointing = g_strdup_printf ("%sEVD-9999  %s\n", list, evil[i]);

          set_bag_text (bag, "manifest-sha256.txt", listed);
          set_bag_text (bag, "dossier-evidence.txt", pointing);
          reseal_tags (bag);
          g_clear_pointer (&problems, g_ptr_array_unref);
          problems = invalid (bag);
          g_assert_true (has_problem (problems, "which is outside the bag’s payload"));
        }
    }
    /* A code that looks like a path is a code: compared, and here unknown. */
    {
      g_autofree char *climbing = g_strconcat (list, "..%2F..%2F..%2Fy  -\n", NULL);

      set_bag_text (bag, "manifest-sha256.txt", manifest);
      set_bag_text (bag, "dossier-evidence.txt", climbing);
      reseal_tags (bag);
      g_assert_cmpuint (problems_of (bag), ==, 0);
      g_assert_false (dossier_bagit_import (bag, copy, NULL, NULL, NULL, NULL, &error));
      g_test_message ("%s", error->message);
      g_clear_error (&error);
      g_assert_false (escaped ("y"));
      g_assert_false (escaped ("a/y"));
    }
    g_unlink (outside);
  }
}

/* Replaces the first occurrence of @from in @text by @to, which has the same length. */
static void
replace_once (char       *text,
              const char *from,
              const char *to)
{
  char *at = strstr (text, from);

  g_assert_nonnull (at);
  g_assert_cmpuint (strlen (from), ==, strlen (to));
  memcpy (at, to, strlen (to));
}

/* 13: a custody event's hash changed in the bag's dossier, the bag resealed: the bag is
 * valid, and its import refused naming the item whose chain is broken. */
static void
test_bag_custody_chain_checked (void)
{
  g_autofree char *bag = demo_bag ("custody");
  g_autofree char *json = bag_text (bag, "data/dossier.json");
  const char *item = strstr (json, "\"code\":\"EVD-0003\"");
  g_autofree char *uuid = NULL;
  g_autofree char *evidence = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *changed = NULL;
  const char *event, *at;

  /* EVD-0003's uuid, then its first custody event's hash. */
  g_assert_nonnull (item);
  at = g_strrstr_len (json, item - json, "\"uuid\":\"");
  g_assert_nonnull (at);
  uuid = g_strndup (at + 8, 36);
  evidence = g_strdup_printf ("\"evidence\":\"%s\"", uuid);
  event = strstr (strstr (json, "\"custody_events\""), evidence);
  g_assert_nonnull (event);
  at = strstr (event, "\"hash\":\"");
  g_assert_nonnull (at);
  hash = g_strndup (at, 8 + 64);
  changed = g_strdup (hash);
  changed[8] = changed[8] == '0' ? '1' : '0';
  replace_once ((char *) at, hash, changed);
  set_bag_text (bag, "data/dossier.json", json);
  reseal (bag);
  g_assert_cmpuint (problems_of (bag), ==, 0);
  import_refused (bag, "EVD-0003");
}

/* Asserts every file under @path is 0600 and every folder 0700. */
static void
assert_private (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      g_assert_cmpint (st.st_mode & 0777, ==, 0700);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          assert_private (child);
        }
    }
  else
    {
      if ((st.st_mode & 0777) != 0600)
        g_test_message ("%s is %o", path, st.st_mode & 0777);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    }
}

/* 2: under a usual umask, every file and folder of a bag is the owner's only, and so is the
 * dossier a bag import makes. */
static void
test_bag_file_modes (void)
{
  mode_t saved = umask (022);
  g_autofree char *bag = demo_bag ("modes");
  g_autofree char *copy = dossier_test_tmp_path ("modes copy.dossier");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  assert_private (bag);
  g_assert_true (dossier_bagit_import (bag, copy, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  /* The temporary the import built, renamed; beside it, no side file of any mode. */
  assert_private (copy);
  dir = g_dir_open (dossier_test_tmpdir (), 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "modes copy.dossier") || strstr (name, "importing") != NULL)
      {
        g_autofree char *path = dossier_test_tmp_path (name);

        g_assert_cmpstr (name, ==, "modes copy.dossier");
        assert_private (path);
      }
  umask (saved);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  dossier_test_register_resources ();
  g_test_add_func ("/trust/02-bag-file-modes", test_bag_file_modes);
  g_test_add_func ("/trust/10-bag-duplicate-paths", test_bag_duplicate_paths);
  g_test_add_func ("/trust/10-bag-repeated-oxum", test_bag_repeated_oxum);
  g_test_add_func ("/trust/10-bag-oxum-before-hashing", test_bag_oxum_before_hashing);
  g_test_add_func ("/trust/11-bag-codes-are-not-paths", test_bag_codes_are_not_paths);
  g_test_add_func ("/trust/12-bag-missing-bytes", test_bag_missing_bytes);
  g_test_add_func ("/trust/12-bag-unknown-payload", test_bag_unknown_payload);
  g_test_add_func ("/trust/13-bag-custody-chain-checked", test_bag_custody_chain_checked);
  return g_test_run ();
}
