/* dossier-bagit.c: a dossier and its evidence as a BagIt package (RFC 8493)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bag is a folder any archive can check without Dossier: bagit.txt; data/, the payload,
 * holding dossier.json (the whole dossier in the interchange format) and each evidence
 * item's exact bytes under data/evidence/CODE/; manifest-sha256.txt listing every payload
 * file with its SHA-256; bag-info.txt (Bagging-Date, Payload-Oxum); and a tag manifest of
 * those. The bag is built under a temporary name beside the destination and renamed when
 * complete. Validation checks what the RFC asks of a complete and valid bag, and refuses
 * manifest paths that would leave the bag.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dossier-bagit.h"
#include "dossier-custody.h"
#include "dossier-evidence.h"
#include "dossier-json-io.h"
#include "dossier-locker.h"
#include "dossier-record.h"

/* The SHA-256 of a file, read 1 MiB at a time; its size in @size. */
static char *
file_sha256 (const char  *path,
             guint64     *size,
             GError     **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (1024 * 1024);
  FILE *in = g_fopen (path, "rb");
  gsize n;

  *size = 0;
  if (in == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      /* Translators: %s is a file name */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("“%s” cannot be read"), display);
      return NULL;
    }
  while ((n = fread (buffer, 1, 1024 * 1024, in)) > 0)
    {
      g_checksum_update (checksum, buffer, n);
      *size += n;
    }
  fclose (in);
  return g_strdup (g_checksum_get_string (checksum));
}

/* Deletes @path and everything under it. */
static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

static gboolean
write_file (const char  *dir,
            const char  *name,
            const char  *text,
            GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_set_contents (path, text, -1, error);
}

/* A path as a manifest writes it: CR, LF and % percent-encoded (RFC 8493 §2.1.3). */
static char *
encode_path (const char *path)
{
  GString *out = g_string_new (NULL);

  for (const char *p = path; *p; p++)
    if (*p == '%' || *p == '\r' || *p == '\n')
      g_string_append_printf (out, "%%%02X", (guchar) *p);
    else
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* The reverse, for the three encodings the RFC allows; NULL for any other %. */
static char *
decode_path (const char *path)
{
  GString *out = g_string_new (NULL);

  for (const char *p = path; *p; p++)
    {
      if (*p != '%')
        g_string_append_c (out, *p);
      else if (g_ascii_strncasecmp (p, "%25", 3) == 0)
        g_string_append_c (out, '%'), p += 2;
      else if (g_ascii_strncasecmp (p, "%0A", 3) == 0)
        g_string_append_c (out, '\n'), p += 2;
      else if (g_ascii_strncasecmp (p, "%0D", 3) == 0)
        g_string_append_c (out, '\r'), p += 2;
      else
        {
          g_string_free (out, TRUE);
          return NULL;
        }
    }
  return g_string_free (out, FALSE);
}

/* A name for a file of the payload: the original's last part, kept to what every file
 * system takes. */
static char *
safe_name (DossierEvidence *evidence)
{
  g_autofree char *base = g_path_get_basename (*evidence->original_name ? evidence->original_name
                                                                        : DOSSIER_RECORD (evidence)->code);
  GString *name = g_string_new (NULL);

  for (const char *p = base; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || strchr ("/\\\\:*?\"<>|", (int) c) != NULL)
        g_string_append_c (name, '_');
      else
        g_string_append_unichar (name, c);
    }
  if (name->len == 0 || g_str_equal (name->str, ".") || g_str_equal (name->str, ".."))
    g_string_assign (name, DOSSIER_RECORD (evidence)->code);
  return g_string_free (name, FALSE);
}

typedef struct {
  DossierStore *store;
  const char   *bag;
  GString      *manifest;
  guint64       octets;
  guint         count;
  guint         without_bytes;
  GCancellable *cancellable;
  GArray       *ids;        /* the items packed, and where, logged once the bag is whole */
  GPtrArray    *relatives;
} Export;

/* The folder of an item in the payload: its code, unless a code made elsewhere could climb
 * out of data/evidence/ or name nothing. */
static char *
item_folder (DossierRecord *record)
{
  const char *code = record->code;

  if (code == NULL || *code == '\0' || strpbrk (code, "/\\") != NULL || g_str_equal (code, ".") || g_str_equal (code, ".."))
    return g_strdup_printf ("item-%" G_GINT64_FORMAT, record->id);
  return g_strdup (code);
}

static gboolean
add_evidence (DossierRecord  *record,
              gpointer        data,
              GError        **error)
{
  Export *export = data;
  DossierEvidence *evidence = DOSSIER_EVIDENCE (record);
  g_autofree char *name = safe_name (evidence);
  g_autofree char *item = item_folder (record);
  g_autofree char *relative = g_build_filename ("data", "evidence", item, name, NULL);
  g_autofree char *folder = g_build_filename (export->bag, "data", "evidence", item, NULL);
  g_autofree char *path = g_build_filename (export->bag, relative, NULL);
  g_autoptr(GFile) dest = g_file_new_for_path (path);
  g_autoptr(GError) local = NULL;
  g_autofree char *listed = NULL;

  if (evidence->sha256 == NULL || *evidence->sha256 == '\0')
    return TRUE;
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_autofree char *display = g_filename_display_name (folder);

      /* Translators: %s is a folder */
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), _("The folder “%s” cannot be created"), display);
      return FALSE;
    }
  /* Logged once the bag is whole, with the path the copy keeps (see dossier_bagit_export). */
  if (!dossier_locker_extract (export->store, record->id, dest, FALSE, export->cancellable, &local))
    {
      /* An item whose bytes never came into this dossier (imported from JSON alone) has
       * nothing to pack: the bag holds its record, as the dossier does. */
      if (g_error_matches (local, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND))
        {
          g_rmdir (folder);
          export->without_bytes++;
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  listed = encode_path (relative);
  g_string_append_printf (export->manifest, "%s  %s\n", evidence->sha256, listed);
  export->octets += evidence->size;
  export->count++;
  g_array_append_val (export->ids, record->id);
  g_ptr_array_add (export->relatives, g_steal_pointer (&relative));
  return TRUE;
}

/**
 * dossier_bagit_export:
 * @store: the dossier
 * @dir: the bag to make: a folder that does not exist yet
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the dossier and every evidence item's bytes as a bag. Each item's export is
 * logged in its custody chain. Nothing is left under @dir unless the bag is complete.
 *
 * Returns: %TRUE if the bag was written
 */
gboolean
dossier_bagit_export (DossierStore  *store,
                      const char    *dir,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *parent = g_path_get_dirname (dir);
  g_autofree char *template = g_build_filename (parent, ".dossier-bag-XXXXXX", NULL);
  g_autofree char *bag = NULL;
  g_autofree char *data = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_sha = NULL;
  g_autofree char *info = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GString) tags = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) relatives = g_ptr_array_new_with_free_func (g_free);
  Export export = { store, NULL, g_string_new (NULL), 0, 0, 0, cancellable, ids, relatives };
  static const char * const tag_files[] = { "bagit.txt", "bag-info.txt", "manifest-sha256.txt" };
  guint64 size;
  gboolean ok = FALSE;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);

  if (g_file_test (dir, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (dir);

      /* Translators: %s is a folder */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("“%s” exists already: a bag is written to a new folder"), display);
      goto out;
    }
  bag = g_mkdtemp (g_steal_pointer (&template));
  if (bag == NULL)
    {
      g_autofree char *display = g_filename_display_name (parent);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), _("The folder “%s” cannot be created"), display);
      goto out;
    }
  export.bag = bag;
  data = g_build_filename (bag, "data", NULL);
  json = g_build_filename (data, "dossier.json", NULL);
  if (g_mkdir (data, 0700) != 0)
    {
      g_autofree char *display = g_filename_display_name (data);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), _("The folder “%s” cannot be created"), display);
      goto out;
    }
  if (!dossier_json_export_file (store, json, error))
    goto out;
  json_sha = file_sha256 (json, &size, error);
  if (json_sha == NULL)
    goto out;
  g_string_append_printf (export.manifest, "%s  data/dossier.json\n", json_sha);
  export.octets += size;
  export.count++;
  if (!dossier_store_foreach (store, DOSSIER_TYPE_EVIDENCE, NULL, add_evidence, &export, error))
    goto out;

  title = dossier_store_get_title (store);
  g_strdelimit (title, "\r\n", ' ');
  info = g_strdup_printf ("Bagging-Date: %s\nPayload-Oxum: %" G_GUINT64_FORMAT ".%u\n"
                          "External-Description: %s\nBag-Software-Agent: Dossier %s\n",
                          today, export.octets, export.count, title ? title : "", PACKAGE_VERSION);
  if (!write_file (bag, "bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n", error) ||
      !write_file (bag, "bag-info.txt", info, error) ||
      !write_file (bag, "manifest-sha256.txt", export.manifest->str, error))
    goto out;
  for (guint i = 0; i < G_N_ELEMENTS (tag_files); i++)
    {
      g_autofree char *path = g_build_filename (bag, tag_files[i], NULL);
      g_autofree char *sha = file_sha256 (path, &size, error);

      if (sha == NULL)
        goto out;
      g_string_append_printf (tags, "%s  %s\n", sha, tag_files[i]);
    }
  if (!write_file (bag, "tagmanifest-sha256.txt", tags->str, error))
    goto out;
  if (g_rename (bag, dir) != 0)
    {
      g_autofree char *display = g_filename_display_name (dir);

      /* Translators: %s is a folder */
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), _("The bag could not be written to “%s”"), display);
      goto out;
    }
  g_clear_pointer (&bag, g_free);
  /* Each item's export enters its custody log, with where its copy now is. */
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, relatives->pdata[i], NULL);
      g_autofree char *display = g_filename_display_name (path);
      /* Translators: custody log details; %s is where the copy was written */
      g_autofree char *details = g_strdup_printf (_("exact copy written to “%s”"), display);

      if (!dossier_custody_append (store, g_array_index (ids, gint64, i), "exported", details, error))
        goto out;
    }
  ok = TRUE;

out:
  /* Leave nothing half-made. */
  if (!ok && bag != NULL)
    remove_tree (bag);
  g_string_free (export.manifest, TRUE);
  return ok;
}

/* Every regular file under @dir, as paths relative to @top with '/' between parts. */
static void
list_files (const char *top,
            const char *dir,
            GHashTable *into)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        list_files (top, child, into);
      else
        g_hash_table_add (into, g_strdup (child + strlen (top) + 1));
    }
  if (d != NULL)
    g_dir_close (d);
}

/* Whether @relative names a regular file of the bag reached without a symbolic link: a
 * link could lead out of the bag (to any file of the computer), and a pipe or a device
 * would make reading it hang or never end. */
static gboolean
plain_file (const char *bag,
            const char *relative)
{
  g_auto(GStrv) parts = g_strsplit (relative, "/", -1);
  g_autoptr(GString) path = g_string_new (bag);
  GStatBuf st;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_string_append_c (path, G_DIR_SEPARATOR);
      g_string_append (path, parts[i]);
      if (g_lstat (path->str, &st) != 0 || S_ISLNK (st.st_mode))
        return FALSE;
      if (parts[i + 1] == NULL ? !S_ISREG (st.st_mode) : !S_ISDIR (st.st_mode))
        return FALSE;
    }
  return TRUE;
}

/* Whether @path (from a manifest) names a file inside the bag: relative, no "..". */
static gboolean
stays_inside (const char *path)
{
  g_auto(GStrv) parts = NULL;

  if (*path == '\0' || g_path_is_absolute (path) || strchr (path, '\\') != NULL)
    return FALSE;
  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_str_equal (parts[i], "..") || g_str_equal (parts[i], ".") || *parts[i] == '\0')
      return FALSE;
  return TRUE;
}

static void
problem (GPtrArray  *problems,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static void
problem (GPtrArray  *problems,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (problems, g_strdup_vprintf (format, args));
  va_end (args);
}

/* Tag files are small; a bag-info of gigabytes is an attack, not a description. */
#define TAG_FILE_LIMIT (1024 * 1024)
#define MANIFEST_LIMIT (256 * 1024 * 1024)

/* Reads a tag file whole, refusing one larger than @limit bytes. */
static gboolean
read_limited (const char  *path,
              goffset      limit,
              char       **text,
              GPtrArray   *problems)
{
  g_autofree char *name = g_path_get_basename (path);
  GStatBuf st;

  *text = NULL;
  if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      problem (problems, _("%s cannot be read"), name);
      return FALSE;
    }
  if (st.st_size > limit)
    {
      /* Translators: %s is a file of the bag, %llu its size in bytes */
      problem (problems, _("%s is too large to be a tag file (%llu bytes)"), name, (unsigned long long) st.st_size);
      return FALSE;
    }
  if (!g_file_get_contents (path, text, NULL, NULL))
    {
      problem (problems, _("%s cannot be read"), name);
      return FALSE;
    }
  return TRUE;
}

/* Checks the files a manifest lists; adds those it lists to @listed and, when @entries is
 * not NULL, maps each path to its SHA-256 there. */
static void
check_manifest (const char *bag,
                const char *manifest,
                gboolean    payload,
                GHashTable *listed,
                GHashTable *entries,
                guint64    *octets,
                GPtrArray  *problems)
{
  g_autofree char *path = g_build_filename (bag, manifest, NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* Translators: %s is a file of the bag */
      problem (problems, _("%s is missing"), manifest);
      return;
    }
  if (!read_limited (path, MANIFEST_LIMIT, &text, problems))
    return;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strchomp (lines[i]);
      char *space = strstr (line, "  ");
      g_autofree char *file = NULL;
      g_autofree char *sha = NULL;
      g_autofree char *relative = NULL;
      guint64 size;

      if (*line == '\0')
        continue;
      if (space == NULL || space - line != 64)
        {
          /* Translators: a manifest file, then a line number */
          problem (problems, _("%s, line %u: not a SHA-256 and a path"), manifest, i + 1);
          continue;
        }
      *space = '\0';
      relative = decode_path (space + 2);
      if (relative == NULL || !stays_inside (relative) || (payload && !g_str_has_prefix (relative, "data/")))
        {
          /* Translators: a manifest file, then a path it lists */
          problem (problems, _("%s lists “%s”, which is outside the bag’s payload"), manifest, space + 2);
          continue;
        }
      file = g_build_filename (bag, relative, NULL);
      if (g_file_test (file, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK) && !plain_file (bag, relative))
        {
          /* Translators: a path listed in a manifest */
          problem (problems, _("“%s” is not a plain file of the bag (a link, a pipe or a device)"), relative);
          g_hash_table_add (listed, g_steal_pointer (&relative));
          continue;
        }
      sha = file_sha256 (file, &size, NULL);
      if (sha == NULL)
        /* Translators: a path listed in a manifest */
        problem (problems, _("“%s” is missing"), relative);
      else
        {
          if (g_ascii_strcasecmp (sha, line) != 0)
            /* Translators: a path whose bytes changed */
            problem (problems, _("“%s” does not match its SHA-256"), relative);
          if (octets != NULL)
            *octets += size;
        }
      if (entries != NULL)
        g_hash_table_insert (entries, g_strdup (relative), g_strdup (line));
      g_hash_table_add (listed, g_steal_pointer (&relative));
    }
}

/**
 * dossier_bagit_validate:
 * @dir: a bag
 * @problems: (out) (transfer full) (element-type utf8): what is wrong, in words
 * @error: return location for a #GError, set only when @dir is not a folder
 *
 * Checks that the bag is complete and valid (RFC 8493 §3): its declaration, every file of
 * its manifests present with its SHA-256, no payload file unlisted, the Payload-Oxum of
 * bag-info.txt right, and no manifest path leaving the bag.
 *
 * Returns: %TRUE if the bag is complete and valid
 */
static gboolean
validate (const char  *dir,
          GHashTable  *entries,
          GPtrArray  **problems,
          GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *bagit = g_build_filename (dir, "bagit.txt", NULL);
  g_autofree char *declaration = NULL;
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *info_path = g_build_filename (dir, "bag-info.txt", NULL);
  g_autofree char *info = NULL;
  g_autoptr(GHashTable) tag_listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint64 octets = 0;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (dir != NULL, FALSE);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *display = g_filename_display_name (dir);

      /* Translators: %s is a path */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY, _("“%s” is not a bag: not a folder"), display);
      return FALSE;
    }
  if (!read_limited (bagit, TAG_FILE_LIMIT, &declaration, found) || !g_str_has_prefix (declaration, "BagIt-Version: "))
    problem (found, _("bagit.txt is missing or does not declare a BagIt version"));
  if (!g_file_test (data, G_FILE_TEST_IS_DIR))
    problem (found, _("the payload folder data/ is missing"));
  check_manifest (dir, "manifest-sha256.txt", TRUE, listed, entries, &octets, found);
  /* Every payload file is listed. */
  list_files (dir, data, present);
  g_hash_table_iter_init (&iter, present);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (listed, key))
      /* Translators: a file of the bag's payload that no manifest lists */
      problem (found, _("“%s” is in the payload but not in the manifest"), (const char *) key);
  /* Payload-Oxum: the octets and the files of the payload. */
  if (g_file_test (info_path, G_FILE_TEST_EXISTS) && read_limited (info_path, TAG_FILE_LIMIT, &info, found))
    {
      const char *oxum = strstr (info, "Payload-Oxum: ");
      guint64 declared_octets = 0, declared_count = 0;

      if (oxum != NULL && sscanf (oxum, "Payload-Oxum: %" G_GUINT64_FORMAT ".%" G_GUINT64_FORMAT,
                                  &declared_octets, &declared_count) == 2 &&
          (declared_octets != octets || declared_count != g_hash_table_size (present)))
        /* Translators: the numbers a bag declares, then those found */
        problem (found, _("Payload-Oxum says %llu.%llu, the payload is %llu.%u"), (unsigned long long) declared_octets,
                 (unsigned long long) declared_count, (unsigned long long) octets, g_hash_table_size (present));
    }
  /* The tag manifest, when there is one. */
  {
    g_autofree char *tagmanifest = g_build_filename (dir, "tagmanifest-sha256.txt", NULL);

    if (g_file_test (tagmanifest, G_FILE_TEST_EXISTS))
      check_manifest (dir, "tagmanifest-sha256.txt", FALSE, tag_listed, NULL, NULL, found);
  }
  if (problems != NULL)
    *problems = g_ptr_array_ref (found);
  return found->len == 0;
}

/**
 * dossier_bagit_validate:
 * @dir: a bag
 * @problems: (out) (transfer full) (element-type utf8): what is wrong, in words
 * @error: return location for a #GError, set only when @dir is not a folder
 *
 * Checks that the bag is complete and valid (RFC 8493 §3): its declaration, every file of
 * its manifests present with its SHA-256, no payload file unlisted, the Payload-Oxum of
 * bag-info.txt right, no manifest path leaving the bag, and no tag file of absurd size.
 *
 * Returns: %TRUE if the bag is complete and valid
 */
gboolean
dossier_bagit_validate (const char  *dir,
                        GPtrArray  **problems,
                        GError     **error)
{
  return validate (dir, NULL, problems, error);
}

typedef struct {
  DossierStore *store;
  GHashTable   *by_code;   /* evidence code → path of its bytes in the bag */
  GCancellable *cancellable;
  guint         restored;
  guint         without_bytes;
} Import;

static gboolean
restore_evidence (DossierRecord  *record,
                  gpointer        data,
                  GError        **error)
{
  Import *import = data;
  const char *path = g_hash_table_lookup (import->by_code, record->code);
  g_autoptr(GFile) file = NULL;

  if (path == NULL)
    {
      import->without_bytes++;
      return TRUE;
    }
  file = g_file_new_for_path (path);
  if (!dossier_locker_restore (import->store, record->id, file, import->cancellable, error))
    return FALSE;
  import->restored++;
  return TRUE;
}

/**
 * dossier_bagit_import:
 * @bag: a bag written by dossier_bagit_export()
 * @path: the dossier to make: a file that does not exist yet
 * @user: (nullable): who imports, for the custody logs
 * @restored: (out) (optional): how many items' bytes came in
 * @without_bytes: (out) (optional): how many items the bag holds no bytes for
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Validates the bag, then makes a new dossier from its data/dossier.json and brings each
 * evidence item's bytes in from data/evidence/CODE/, each checked against the SHA-256 the
 * dossier recorded for it (and logged in its custody chain). The dossier is built under a
 * temporary name and appears at @path only when complete.
 *
 * Returns: %TRUE if the dossier was made
 */
gboolean
dossier_bagit_import (const char    *bag,
                      const char    *path,
                      const char    *user,
                      guint         *restored,
                      guint         *without_bytes,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(DossierStore) store = NULL;
  g_autofree char *json = g_build_filename (bag, "data", "dossier.json", NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp_name = g_strdup_printf (".%s.importing-%08x", base, g_random_int ());
  g_autofree char *tmp = g_build_filename (parent, tmp_name, NULL);
  Import import = { NULL, by_code, cancellable, 0, 0 };
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (bag != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!validate (bag, entries, &problems, error))
    {
      g_autofree char *display = g_filename_display_name (bag);

      if (problems == NULL)
        return FALSE;
      /* Translators: %s are a folder and the first thing wrong with it; %u how many more */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   g_dngettext (GETTEXT_PACKAGE, "The bag “%s” is not valid: %s (and %u more problem)",
                                "The bag “%s” is not valid: %s (and %u more problems)", problems->len - 1),
                   display, (const char *) problems->pdata[0], problems->len - 1);
      if (problems->len == 1)
        {
          g_clear_error (error);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The bag “%s” is not valid: %s"),
                       display, (const char *) problems->pdata[0]);
        }
      return FALSE;
    }
  if (!g_hash_table_contains (entries, "data/dossier.json"))
    {
      g_autofree char *display = g_filename_display_name (bag);

      /* Translators: %s is a folder */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The bag “%s” is valid but holds no dossier (data/dossier.json)"), display);
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (path);

      /* Translators: %s is a file */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("“%s” exists already: a bag is imported into a new dossier"), display);
      return FALSE;
    }
  /* data/evidence/CODE/name: the one file of each item's folder. */
  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_auto(GStrv) parts = g_strsplit (key, "/", -1);

      if (g_strv_length (parts) == 4 && g_str_equal (parts[1], "evidence"))
        g_hash_table_insert (by_code, g_strdup (parts[2]), g_build_filename (bag, (const char *) key, NULL));
    }

  store = dossier_store_create (tmp, NULL, error);
  if (store == NULL)
    return FALSE;
  dossier_store_set_user (store, user);
  import.store = store;
  if (!dossier_json_import_file (store, json, error) ||
      !dossier_store_foreach (store, DOSSIER_TYPE_EVIDENCE, NULL, restore_evidence, &import, error))
    goto fail;
  dossier_store_close (store);
  if (g_rename (tmp, path) != 0)
    {
      g_autofree char *display = g_filename_display_name (path);

      /* Translators: %s is a file */
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), _("The dossier could not be written to “%s”"), display);
      goto fail;
    }
  if (restored != NULL)
    *restored = import.restored;
  if (without_bytes != NULL)
    *without_bytes = import.without_bytes;
  return TRUE;

fail:
  dossier_store_close (store);
  dossier_store_remove_files (tmp);
  return FALSE;
}
