/* dossier-bagit.c: a dossier and its evidence as a BagIt package (RFC 8493)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bag is a folder any archive can check without Dossier: bagit.txt; data/, the payload,
 * holding dossier.json (the whole dossier in the interchange format) and each evidence
 * item's exact bytes under data/evidence/CODE/; manifest-sha256.txt listing every payload
 * file with its SHA-256; bag-info.txt (Bagging-Date, Payload-Oxum); dossier-evidence.txt,
 * which says for every evidence item of the dossier where its bytes are in the payload, or
 * that the dossier the bag was made from had none; and a tag manifest of those. The bag is
 * built, owner-only, under a temporary name beside the destination and renamed when
 * complete.
 *
 * A bag comes from outside and is read as an adversary may have made it. Validation goes
 * in two passes: first what costs no more than reading the tag files and a stat() per file
 * (each manifest line well formed, each path listed once and staying inside the bag, the
 * tags that may be given once given once, the Payload-Oxum against the sizes on disk, the
 * evidence list against the manifest); only a bag that passes all of it is read byte by
 * byte, each file once. No path is built from a value read from the bag without checking
 * it: payload files are reached only through manifest paths that stay inside the bag and
 * name plain files, and an item's code is compared, never joined to a folder.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dossier-bagit.h"
#include "dossier-bagit-private.h"
#include "dossier-atomic-file.h"
#include "dossier-custody.h"
#include "dossier-digest.h"
#include "dossier-format.h"
#include "dossier-evidence.h"
#include "dossier-json-io.h"
#include "dossier-locker.h"
#include "dossier-record.h"
#include "dossier-info.h"

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

/* A tag file of the bag: owner-only, as everything the bag holds. */
static gboolean
write_file (const char  *dir,
            const char  *name,
            const char  *text,
            GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return dossier_file_replace_contents (path, text, -1, 0600, error);
}

/* A path as a manifest writes it: CR, LF and % percent-encoded (RFC 8493 §2.1.3). With
 * @code, spaces and control characters too, so that two spaces always end a code in
 * dossier-evidence.txt. */
static char *
encode_field (const char *text,
              gboolean    code)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (*p == '%' || *p == '\r' || *p == '\n' || (code && ((guchar) *p <= ' ' || *p == 0x7f)))
      g_string_append_printf (out, "%%%02X", (guchar) *p);
    else
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* The reverse: for a path, the three encodings the RFC allows; for a code, any %XX but %00.
 * NULL for any other %. */
char *
_dossier_bagit_decode_field (const char *text,
                             gboolean    code)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      int high, low;

      if (*p != '%')
        {
          g_string_append_c (out, *p);
          continue;
        }
      high = g_ascii_xdigit_value (p[1]);
      low = high < 0 ? -1 : g_ascii_xdigit_value (p[2]);
      if (low < 0 || (high == 0 && low == 0) ||
          (!code && high * 16 + low != '%' && high * 16 + low != '\n' && high * 16 + low != '\r'))
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append_c (out, (char) (high * 16 + low));
      p += 2;
    }
  return g_string_free (out, FALSE);
}

/* A value read from a bag, fit to be shown in a message: control characters (a path may hold
 * a line feed, a terminal escape) are replaced. */
char *
_dossier_bagit_shown (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_unichar (out, 0xfffd);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* A name for a file of the payload: the original's last part, kept to what every file
 * system takes. */
static char *
safe_name (DossierEvidence *evidence)
{
  g_autofree char *base = g_path_get_basename (*dossier_evidence_get_original_name (evidence) ? dossier_evidence_get_original_name (evidence)
                                                                        : dossier_record_get_code (DOSSIER_RECORD (evidence)));
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
    g_string_assign (name, dossier_record_get_code (DOSSIER_RECORD (evidence)));
  return g_string_free (name, FALSE);
}

typedef struct {
  DossierStore *store;
  const char   *bag;
  GString      *manifest;
  GString      *evidence;   /* dossier-evidence.txt */
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
  const char *code = dossier_record_get_code (record);

  if (code == NULL || *code == '\0' || strpbrk (code, "/\\") != NULL || g_str_equal (code, ".") || g_str_equal (code, ".."))
    return g_strdup_printf ("item-%" G_GINT64_FORMAT, dossier_record_get_id (record));
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
  g_autofree char *code = encode_field (dossier_record_get_code (record) ? dossier_record_get_code (record) : "", TRUE);
  g_autofree char *folder = g_build_filename (export->bag, "data", "evidence", item, NULL);
  g_autofree char *relative = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) dest = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *listed = NULL;
  int made;

  if (dossier_evidence_get_sha256 (evidence) == NULL || *dossier_evidence_get_sha256 (evidence) == '\0')
    {
      g_string_append_printf (export->evidence, "%s  -\n", code);
      export->without_bytes++;
      return TRUE;
    }
  made = g_mkdir (folder, 0700);
  if (made != 0 && errno == EEXIST)
    {
      /* Two codes, one folder: EVD-0001 and evd-0001 on a USB key's FAT. The second goes by
       * its id. */
      g_free (item);
      g_free (folder);
      item = g_strdup_printf ("item-%" G_GINT64_FORMAT, dossier_record_get_id (record));
      folder = g_build_filename (export->bag, "data", "evidence", item, NULL);
      made = g_mkdir (folder, 0700);
    }
  if (made != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (folder);

      /* Translators: %s is a folder */
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("The folder “%s” cannot be created"), display);
      return FALSE;
    }
  relative = g_build_filename ("data", "evidence", item, name, NULL);
  path = g_build_filename (export->bag, relative, NULL);
  dest = g_file_new_for_path (path);
  /* Logged once the bag is whole, with the path the copy keeps (see dossier_bagit_export). */
  if (!dossier_locker_extract (export->store, dossier_record_get_id (record), dest, FALSE, export->cancellable, &local))
    {
      /* An item whose bytes never came into this dossier (imported from JSON alone) has
       * nothing to pack: the bag holds its record, as the dossier does, and says so. */
      if (g_error_matches (local, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND))
        {
          g_rmdir (folder);
          g_string_append_printf (export->evidence, "%s  -\n", code);
          export->without_bytes++;
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  listed = encode_field (relative, FALSE);
  g_string_append_printf (export->manifest, "%s  %s\n", dossier_evidence_get_sha256 (evidence), listed);
  g_string_append_printf (export->evidence, "%s  %s\n", code, listed);
  export->octets += dossier_evidence_get_size (evidence);
  export->count++;
  g_array_append_vals (export->ids, (gint64[]) { dossier_record_get_id (record) }, 1);
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
 * Writes the dossier and every evidence item's bytes as a bag, with dossier-evidence.txt
 * saying which items had bytes and where they are. Every file and folder of the bag is
 * owner-only. Each item's export is logged in its custody chain. Nothing is left under @dir
 * unless the bag is complete.
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
  g_autofree char *evidence = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_sha = NULL;
  g_autofree char *info = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GString) tags = g_string_new (NULL);
  g_autoptr(GString) manifest = g_string_new (NULL);
  g_autoptr(GString) list = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = dossier_format_day (now);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) relatives = g_ptr_array_new_with_free_func (g_free);
  Export export = { store, NULL, manifest, list, 0, 0, 0, cancellable, ids, relatives };
  static const char * const tag_files[] = { "bagit.txt", "bag-info.txt", "manifest-sha256.txt", EVIDENCE_LIST };
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
  /* g_mkdtemp() makes the folder 0700; every file in it is made 0600 whatever the umask. */
  bag = g_mkdtemp (g_steal_pointer (&template));
  if (bag == NULL)
    {
      g_autofree char *display = g_filename_display_name (parent);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), _("The folder “%s” cannot be created"), display);
      goto out;
    }
  export.bag = bag;
  data = g_build_filename (bag, "data", NULL);
  evidence = g_build_filename (data, "evidence", NULL);
  json = g_build_filename (data, "dossier.json", NULL);
  if (g_mkdir (data, 0700) != 0 || g_mkdir (evidence, 0700) != 0)
    {
      g_autofree char *display = g_filename_display_name (data);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), _("The folder “%s” cannot be created"), display);
      goto out;
    }
  if (!dossier_json_export_file (store, json, error))
    goto out;
  json_sha = dossier_sha256_file (json, -1, &size, cancellable, error);
  if (json_sha == NULL)
    goto out;
  g_string_append_printf (manifest, "%s  data/dossier.json\n", json_sha);
  export.octets += size;
  export.count++;
  if (!dossier_store_foreach (store, DOSSIER_TYPE_EVIDENCE, add_evidence, &export, error))
    goto out;
  /* An empty data/evidence/ says nothing a manifest would list. */
  g_rmdir (evidence);

  title = dossier_store_get_title (store);
  g_strdelimit (title, "\r\n", ' ');
  info = g_strdup_printf ("Bagging-Date: %s\nPayload-Oxum: %" G_GUINT64_FORMAT ".%u\n"
                          "External-Description: %s\nBag-Software-Agent: Dossier %s\n",
                          today, export.octets, export.count, title ? title : "", PACKAGE_VERSION);
  if (!write_file (bag, "bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n", error) ||
      !write_file (bag, "bag-info.txt", info, error) ||
      !write_file (bag, "manifest-sha256.txt", manifest->str, error) ||
      !write_file (bag, EVIDENCE_LIST, list->str, error))
    goto out;
  for (guint i = 0; i < G_N_ELEMENTS (tag_files); i++)
    {
      g_autofree char *path = g_build_filename (bag, tag_files[i], NULL);
      g_autofree char *sha = dossier_sha256_file (path, -1, &size, cancellable, error);

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
  return ok;
}
