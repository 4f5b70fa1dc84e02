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
#include "dossier-custody.h"
#include "dossier-evidence.h"
#include "dossier-json-io.h"
#include "dossier-locker.h"
#include "dossier-record.h"

/* Limits on what a bag may make Dossier hold or report. Tag files are small; a bag-info of
 * gigabytes is an attack, not a description. A dossier is made for 50,000 evidence items
 * (DESIGN §1): a bag of ten times as many files is no dossier's. A line holds a SHA-256, two
 * spaces and a path of at most PATH_MAX bytes, each percent-encoded at worst. */
#define TAG_FILE_LIMIT (1024 * 1024)
#define MANIFEST_LIMIT (256 * 1024 * 1024)
#define FILES_LIMIT 500000
#define LINE_LIMIT (64 + 2 + 3 * 4096)
#define PROBLEMS_LIMIT 100

#define EVIDENCE_LIST "dossier-evidence.txt"

/* The SHA-256 of a regular file, read 1 MiB at a time without following a link; its size in
 * @size. With @expected not -1, the file must have that size, from its start to its end: a
 * file that grows while it is read is not read for ever. */
static char *
file_sha256 (const char    *path,
             gint64         expected,
             guint64       *size,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = NULL;
  g_autofree char *display = g_filename_display_name (path);
  /* O_NONBLOCK: opening a pipe would otherwise wait for a writer. */
  int fd = open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  struct stat st;
  guint64 left;
  gssize n;

  *size = 0;
  if (fd < 0 || fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      if (fd >= 0)
        close (fd);
      /* Translators: %s is a file name */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("“%s” cannot be read"), display);
      return NULL;
    }
  if (expected >= 0 && st.st_size != expected)
    {
      close (fd);
      /* Translators: %s is a file name */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“%s” changed while it was being checked"), display);
      return NULL;
    }
  buffer = g_malloc (1024 * 1024);
  left = st.st_size;
  while (left > 0 && (n = read (fd, buffer, MIN (left, 1024 * 1024))) > 0)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          close (fd);
          return NULL;
        }
      g_checksum_update (checksum, buffer, n);
      *size += n;
      left -= n;
    }
  /* Not a byte more than stat() said, not a byte less. */
  if (left != 0 || read (fd, buffer, 1) != 0)
    {
      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“%s” changed while it was being checked"), display);
      return NULL;
    }
  close (fd);
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

/* A tag file of the bag: owner-only, as everything the bag holds. */
static gboolean
write_file (const char  *dir,
            const char  *name,
            const char  *text,
            GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
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
static char *
decode_field (const char *text,
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
static char *
shown (const char *text)
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
  g_autofree char *code = encode_field (record->code ? record->code : "", TRUE);
  g_autofree char *folder = g_build_filename (export->bag, "data", "evidence", item, NULL);
  g_autofree char *relative = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) dest = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *listed = NULL;
  int made;

  if (evidence->sha256 == NULL || *evidence->sha256 == '\0')
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
      item = g_strdup_printf ("item-%" G_GINT64_FORMAT, record->id);
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
  if (!dossier_locker_extract (export->store, record->id, dest, FALSE, export->cancellable, &local))
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
  g_string_append_printf (export->manifest, "%s  %s\n", evidence->sha256, listed);
  g_string_append_printf (export->evidence, "%s  %s\n", code, listed);
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
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
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
  json_sha = file_sha256 (json, -1, &size, cancellable, error);
  if (json_sha == NULL)
    goto out;
  g_string_append_printf (manifest, "%s  data/dossier.json\n", json_sha);
  export.octets += size;
  export.count++;
  if (!dossier_store_foreach (store, DOSSIER_TYPE_EVIDENCE, NULL, add_evidence, &export, error))
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
      g_autofree char *sha = file_sha256 (path, -1, &size, cancellable, error);

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

static void
problem (GPtrArray  *problems,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

/* Adds a problem, up to PROBLEMS_LIMIT: a bag made to fail a million ways is reported in a
 * hundred lines, and the rest said to be there. */
static void
problem (GPtrArray  *problems,
         const char *format,
         ...)
{
  va_list args;

  if (problems->len > PROBLEMS_LIMIT)
    return;
  if (problems->len == PROBLEMS_LIMIT)
    {
      g_ptr_array_add (problems, g_strdup (_("there are more problems, not listed")));
      return;
    }
  va_start (args, format);
  g_ptr_array_add (problems, g_strdup_vprintf (format, args));
  va_end (args);
}

/* A file a manifest lists. */
typedef struct {
  char     *path;      /* decoded, relative to the bag, checked to stay inside it */
  char     *sha256;    /* in lower case */
  guint64   size;      /* from lstat(), before any byte is read */
  gboolean  claimed;   /* the bytes of an evidence item of dossier-evidence.txt */
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->path);
  g_free (entry->sha256);
  g_free (entry);
}

/* What validation learnt of a bag. */
typedef struct {
  const char   *dir;
  GCancellable *cancellable;
  GPtrArray    *problems;
  GPtrArray    *payload;    /* Entry, in the order of manifest-sha256.txt */
  GHashTable   *by_path;    /* path → Entry of the payload */
  GPtrArray    *tags;       /* Entry, in the order of tagmanifest-sha256.txt */
  GHashTable   *tag_paths;  /* path → Entry of the tag manifest */
  GHashTable   *evidence;   /* code → Entry of its bytes, or NULL when it had none */
} Bag;

static void
bag_init (Bag          *bag,
          const char   *dir,
          GCancellable *cancellable)
{
  bag->dir = dir;
  bag->cancellable = cancellable;
  bag->problems = g_ptr_array_new_with_free_func (g_free);
  bag->payload = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  bag->by_path = g_hash_table_new (g_str_hash, g_str_equal);
  bag->tags = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  bag->tag_paths = g_hash_table_new (g_str_hash, g_str_equal);
  bag->evidence = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
bag_clear (Bag *bag)
{
  g_clear_pointer (&bag->problems, g_ptr_array_unref);
  g_clear_pointer (&bag->by_path, g_hash_table_unref);
  g_clear_pointer (&bag->payload, g_ptr_array_unref);
  g_clear_pointer (&bag->tag_paths, g_hash_table_unref);
  g_clear_pointer (&bag->tags, g_ptr_array_unref);
  g_clear_pointer (&bag->evidence, g_hash_table_unref);
}

/* Opens a tag file of the bag, refusing a link, anything but a regular file and a file
 * larger than @limit. A file that is not there is a problem only when @required. */
static FILE *
open_tag_file (Bag        *bag,
               const char *name,
               goffset     limit,
               gboolean    required)
{
  g_autofree char *path = g_build_filename (bag->dir, name, NULL);
  /* O_NONBLOCK: opening a pipe would otherwise wait for a writer. */
  int fd = open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  struct stat st;
  FILE *in;

  if (fd < 0)
    {
      if (errno != ENOENT)
        /* Translators: %s is a file of the bag */
        problem (bag->problems, _("%s cannot be read"), name);
      else if (required)
        /* Translators: %s is a file of the bag */
        problem (bag->problems, _("%s is missing"), name);
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      problem (bag->problems, _("%s cannot be read"), name);
      return NULL;
    }
  if (st.st_size > limit)
    {
      close (fd);
      /* Translators: %s is a file of the bag, %llu its size in bytes */
      problem (bag->problems, _("%s is too large to be a tag file (%llu bytes)"), name, (unsigned long long) st.st_size);
      return NULL;
    }
  in = fdopen (fd, "rb");
  if (in == NULL)
    {
      close (fd);
      problem (bag->problems, _("%s cannot be read"), name);
    }
  return in;
}

typedef enum {
  LINE_OK,
  LINE_END,
  LINE_BAD,       /* a NUL byte, or not UTF-8 */
  LINE_TOO_LONG,
} LineStatus;

#define CHUNK (64 * 1024)

/* A tag file read line by line through a window of CHUNK bytes: searching each chunk for
 * line feeds with memchr() rather than reading a character at a time took a million-line
 * manifest from 1.2 s to 0.5 s. */
typedef struct {
  FILE     *in;
  char     *chunk;
  gsize     start;
  gsize     end;
  gboolean  failed;
} Lines;

static void
lines_init (Lines *lines,
            FILE  *in)
{
  lines->in = in;
  lines->chunk = g_malloc (CHUNK);
  lines->start = lines->end = 0;
  lines->failed = FALSE;
}

/* Closes the file; FALSE if it could not be read to its end. */
static gboolean
lines_clear (Lines *lines)
{
  gboolean ok = !lines->failed && !ferror (lines->in);

  fclose (lines->in);
  g_free (lines->chunk);
  return ok;
}

/* The next line in @line, without its line ending (LF or CR LF); never more than @limit
 * bytes held. */
static LineStatus
read_line (Lines   *lines,
           gsize    limit,
           GString *line)
{
  g_string_truncate (line, 0);
  for (;;)
    {
      const char *newline;
      gsize n;

      if (lines->start == lines->end)
        {
          lines->start = 0;
          lines->end = fread (lines->chunk, 1, CHUNK, lines->in);
          if (lines->end == 0)
            {
              lines->failed = ferror (lines->in) != 0;
              if (line->len == 0)
                return LINE_END;
              break;
            }
        }
      newline = memchr (lines->chunk + lines->start, '\n', lines->end - lines->start);
      n = newline != NULL ? (gsize) (newline - (lines->chunk + lines->start)) : lines->end - lines->start;
      if (line->len + n > limit)
        return LINE_TOO_LONG;
      g_string_append_len (line, lines->chunk + lines->start, n);
      lines->start += n;
      if (newline != NULL)
        {
          lines->start++;
          break;
        }
    }
  if (line->len > 0 && line->str[line->len - 1] == '\r')
    g_string_truncate (line, line->len - 1);
  if (memchr (line->str, '\0', line->len) != NULL || !g_utf8_validate (line->str, line->len, NULL))
    return LINE_BAD;
  return LINE_OK;
}

static gboolean
is_sha256 (const char *text)
{
  for (guint i = 0; i < 64; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;
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

/* Reads the manifest @name into @into and @index: each line a SHA-256 and a path staying
 * inside the bag (in data/ for the payload manifest, outside it for the tag manifest), each
 * path once. A path listed again is counted, neither stored nor read again. Returns FALSE
 * when the manifest cannot be read to its end within the limits: nothing that depends on it
 * is then worth checking. */
static gboolean
read_manifest (Bag        *bag,
               const char *name,
               gboolean    payload,
               GPtrArray  *into,
               GHashTable *index)
{
  FILE *in = open_tag_file (bag, name, MANIFEST_LIMIT, payload);
  g_autoptr(GString) line = g_string_sized_new (256);
  Lines lines;
  g_autoptr(GHashTable) repeats = g_hash_table_new (g_direct_hash, g_direct_equal);  /* Entry → times */
  g_autoptr(GPtrArray) repeated = g_ptr_array_new ();
  LineStatus status;
  guint number = 0;
  gboolean ok = TRUE;

  if (in == NULL)
    return !payload;
  lines_init (&lines, in);
  while ((status = read_line (&lines, LINE_LIMIT, line)) != LINE_END)
    {
      g_autofree char *relative = NULL;
      Entry *entry;

      number++;
      if (status == LINE_TOO_LONG)
        {
          /* Translators: a manifest file, then a line number */
          problem (bag->problems, _("%s, line %u: longer than any path"), name, number);
          ok = FALSE;
          break;
        }
      if (status == LINE_OK && line->len == 0)
        continue;
      if (status != LINE_OK || line->len < 67 || !is_sha256 (line->str) || line->str[64] != ' ' || line->str[65] != ' ')
        {
          /* Translators: a manifest file, then a line number */
          problem (bag->problems, _("%s, line %u: not a SHA-256 and a path"), name, number);
          continue;
        }
      /* A path without % is its own decoding: looked up as it stands, with no copy, so that a
       * million repeats of it cost a million look-ups. */
      if (strchr (line->str + 66, '%') == NULL)
        entry = g_hash_table_lookup (index, line->str + 66);
      else
        {
          relative = decode_field (line->str + 66, FALSE);
          entry = relative != NULL ? g_hash_table_lookup (index, relative) : NULL;
        }
      if (entry != NULL)
        {
          guint times = GPOINTER_TO_UINT (g_hash_table_lookup (repeats, entry));

          if (times == 0)
            {
              g_ptr_array_add (repeated, entry);
              times = 1;
            }
          g_hash_table_insert (repeats, entry, GUINT_TO_POINTER (times + 1));
          continue;
        }
      if (relative == NULL && strchr (line->str + 66, '%') == NULL)
        relative = g_strdup (line->str + 66);
      if (relative == NULL || !stays_inside (relative) || (payload && !g_str_has_prefix (relative, "data/")))
        {
          g_autofree char *display = shown (line->str + 66);

          /* Translators: a manifest file, then a path it lists */
          problem (bag->problems, _("%s lists “%s”, which is outside the bag’s payload"), name, display);
          continue;
        }
      if (!payload && (g_str_has_prefix (relative, "data/") || g_str_has_prefix (relative, "tagmanifest-")))
        {
          g_autofree char *display = shown (relative);

          /* Translators: a manifest file, then a path it lists */
          problem (bag->problems, _("%s lists “%s”, which is not a tag file it may list"), name, display);
          continue;
        }
      if (into->len == FILES_LIMIT)
        {
          /* Translators: a manifest file, then a number of files */
          problem (bag->problems, _("%s lists more than %u files, more than a dossier’s bag holds"), name, FILES_LIMIT);
          ok = FALSE;
          break;
        }
      entry = g_new0 (Entry, 1);
      entry->path = g_steal_pointer (&relative);
      entry->sha256 = g_ascii_strdown (line->str, 64);
      g_ptr_array_add (into, entry);
      g_hash_table_insert (index, entry->path, entry);
    }
  if (!lines_clear (&lines))
    {
      problem (bag->problems, _("%s cannot be read"), name);
      ok = FALSE;
    }
  for (guint i = 0; i < repeated->len; i++)
    {
      Entry *entry = repeated->pdata[i];
      g_autofree char *display = shown (entry->path);

      /* Translators: a manifest file, a path it lists, and how many times */
      problem (bag->problems, _("%s lists “%s” %u times: a file is listed once"), name, display,
               GPOINTER_TO_UINT (g_hash_table_lookup (repeats, entry)));
    }
  return ok;
}

typedef enum {
  FILE_PLAIN,
  FILE_MISSING,
  FILE_NOT_PLAIN,
} FileKind;

/* Whether @relative names a regular file of the bag reached without a symbolic link: a
 * link could lead out of the bag (to any file of the computer), and a pipe or a device
 * would make reading it hang or never end. Its size, from lstat(), in @size. */
static FileKind
plain_file (const char *bag,
            const char *relative,
            guint64    *size)
{
  g_auto(GStrv) parts = g_strsplit (relative, "/", -1);
  g_autoptr(GString) path = g_string_new (bag);
  GStatBuf st;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_string_append_c (path, G_DIR_SEPARATOR);
      g_string_append (path, parts[i]);
      if (g_lstat (path->str, &st) != 0)
        return errno == ENOENT || errno == ENOTDIR ? FILE_MISSING : FILE_NOT_PLAIN;
      if (S_ISLNK (st.st_mode))
        return FILE_NOT_PLAIN;
      if (parts[i + 1] == NULL ? !S_ISREG (st.st_mode) : !S_ISDIR (st.st_mode))
        return FILE_NOT_PLAIN;
    }
  *size = st.st_size;
  return FILE_PLAIN;
}

/* Where each listed file stands, from lstat() alone: not a byte is read. */
static void
stat_entries (Bag       *bag,
              GPtrArray *entries,
              guint64    limit)
{
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = entries->pdata[i];
      g_autofree char *display = shown (entry->path);

      switch (plain_file (bag->dir, entry->path, &entry->size))
        {
        case FILE_MISSING:
          /* Translators: a path listed in a manifest */
          problem (bag->problems, _("“%s” is missing"), display);
          break;
        case FILE_NOT_PLAIN:
          /* Translators: a path listed in a manifest */
          problem (bag->problems, _("“%s” is not a plain file of the bag (a link, a pipe or a device)"), display);
          break;
        case FILE_PLAIN:
          if (entry->size > limit)
            problem (bag->problems, _("%s is too large to be a tag file (%llu bytes)"), display,
                     (unsigned long long) entry->size);
          break;
        }
    }
}

/* Every entry under the payload folder @relative, into @present, and the sizes of its
 * regular files, from lstat(), added to @octets. FALSE past FILES_LIMIT entries. */
static gboolean
list_payload (Bag        *bag,
              const char *relative,
              GHashTable *present,
              guint64    *octets)
{
  g_autofree char *path = g_build_filename (bag->dir, relative, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_autofree char *display = shown (relative);

      /* Translators: a folder of the bag */
      problem (bag->problems, _("%s cannot be read"), display);
      return TRUE;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_strconcat (relative, "/", name, NULL);
      g_autofree char *full = g_build_filename (bag->dir, child, NULL);
      GStatBuf st;
      gboolean known = g_lstat (full, &st) == 0;

      if (known && S_ISDIR (st.st_mode))
        {
          if (!list_payload (bag, child, present, octets))
            return FALSE;
          continue;
        }
      if (g_hash_table_size (present) == FILES_LIMIT)
        {
          /* Translators: a number of files */
          problem (bag->problems, _("the payload holds more than %u files, more than a dossier’s bag holds"), FILES_LIMIT);
          return FALSE;
        }
      if (known && S_ISREG (st.st_mode))
        *octets += st.st_size;
      g_hash_table_add (present, g_steal_pointer (&child));
    }
  return TRUE;
}

/* The elements of a tag file of “Label: value” lines (RFC 8493 §2.2.2), a value going on
 * over the lines that begin with a space or a tab, into @labels and @values. FALSE when the
 * file is not there or cannot be read. */
static gboolean
read_tags (Bag        *bag,
           const char *name,
           gboolean    required,
           GPtrArray  *labels,
           GPtrArray  *values)
{
  FILE *in = open_tag_file (bag, name, TAG_FILE_LIMIT, required);
  g_autoptr(GString) line = g_string_new (NULL);
  LineStatus status;
  guint number = 0;
  Lines lines;

  if (in == NULL)
    return FALSE;
  lines_init (&lines, in);
  while ((status = read_line (&lines, TAG_FILE_LIMIT, line)) != LINE_END)
    {
      const char *colon;

      number++;
      if (status == LINE_OK && line->len == 0)
        continue;
      if (status == LINE_OK && (line->str[0] == ' ' || line->str[0] == '\t') && values->len > 0)
        {
          char *joined = g_strconcat (values->pdata[values->len - 1], " ", g_strstrip (line->str), NULL);

          g_free (values->pdata[values->len - 1]);
          values->pdata[values->len - 1] = joined;
          continue;
        }
      colon = status == LINE_OK ? strchr (line->str, ':') : NULL;
      if (colon == NULL || colon == line->str)
        {
          /* Translators: a tag file, then a line number */
          problem (bag->problems, _("%s, line %u: not a “Label: value” element"), name, number);
          if (status == LINE_TOO_LONG)
            break;
          continue;
        }
      g_ptr_array_add (labels, g_strstrip (g_strndup (line->str, colon - line->str)));
      g_ptr_array_add (values, g_strstrip (g_strdup (colon + 1)));
    }
  if (!lines_clear (&lines))
    problem (bag->problems, _("%s cannot be read"), name);
  return TRUE;
}

/* How many times the tag file gives @label (RFC 8493: labels regardless of case); the value
 * of its first in @value. */
static guint
count_tag (GPtrArray   *labels,
           GPtrArray   *values,
           const char  *label,
           const char **value)
{
  guint times = 0;

  *value = NULL;
  for (guint i = 0; i < labels->len; i++)
    if (g_ascii_strcasecmp (labels->pdata[i], label) == 0 && times++ == 0)
      *value = values->pdata[i];
  return times;
}

/* bagit.txt: exactly its two elements, once each (RFC 8493 §2.1.1). */
static void
check_declaration (Bag *bag)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  static const char * const elements[] = { "BagIt-Version", "Tag-File-Character-Encoding" };
  const char *version, *encoding;
  guint versions, encodings;

  if (!read_tags (bag, "bagit.txt", FALSE, labels, values))
    {
      problem (bag->problems, _("bagit.txt is missing or does not declare a BagIt version"));
      return;
    }
  versions = count_tag (labels, values, elements[0], &version);
  encodings = count_tag (labels, values, elements[1], &encoding);
  for (guint i = 0; i < G_N_ELEMENTS (elements); i++)
    if ((i == 0 ? versions : encodings) > 1)
      /* Translators: a tag file, then an element that may be given once only */
      problem (bag->problems, _("%s gives %s more than once"), "bagit.txt", elements[i]);
  if (versions == 0 || !g_regex_match_simple ("^[0-9]+\\.[0-9]+$", version, 0, 0))
    problem (bag->problems, _("bagit.txt is missing or does not declare a BagIt version"));
  if (encodings == 0)
    problem (bag->problems, _("bagit.txt does not say in which encoding the tag files are"));
  else if (g_ascii_strcasecmp (encoding, "UTF-8") != 0)
    {
      g_autofree char *display = shown (encoding);

      /* Translators: %s is a character encoding a bag declares */
      problem (bag->problems, _("bagit.txt declares the tag files in %s; Dossier reads them in UTF-8 only"), display);
    }
  for (guint i = 0; i < labels->len; i++)
    if (g_ascii_strcasecmp (labels->pdata[i], elements[0]) != 0 && g_ascii_strcasecmp (labels->pdata[i], elements[1]) != 0)
      {
        g_autofree char *display = shown (labels->pdata[i]);

        /* Translators: %s is an element found in bagit.txt */
        problem (bag->problems, _("bagit.txt holds “%s”, which is none of its two elements"), display);
      }
}

/* bag-info.txt, when there is one: the elements the RFC says are given once given once, and
 * the Payload-Oxum against what lstat() found in the payload, before any byte is read. */
static void
check_info (Bag     *bag,
            guint64  octets,
            guint    files)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  /* RFC 8493 §2.2.2: these “SHOULD NOT be repeated”; a second Payload-Oxum would be a
   * second answer to one question, and which one counts a matter of luck. */
  static const char * const once[] = { "Bagging-Date", "Bag-Size", "Payload-Oxum", "Bag-Group-Identifier", "Bag-Count" };
  const char *oxum;
  g_auto(GStrv) parts = NULL;
  guint64 declared_octets = 0, declared_files = 0;

  if (!read_tags (bag, "bag-info.txt", FALSE, labels, values))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (once); i++)
    {
      const char *value;

      if (count_tag (labels, values, once[i], &value) > 1)
        problem (bag->problems, _("%s gives %s more than once"), "bag-info.txt", once[i]);
    }
  if (count_tag (labels, values, "Payload-Oxum", &oxum) == 0)
    return;
  parts = g_strsplit (oxum, ".", -1);
  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, G_MAXUINT64, &declared_octets, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXUINT64, &declared_files, NULL))
    {
      g_autofree char *display = shown (oxum);

      /* Translators: %s is the value a bag gives for its Payload-Oxum */
      problem (bag->problems, _("Payload-Oxum “%s” is not octets and files, as 1234.5"), display);
    }
  else if (declared_octets != octets || declared_files != files)
    /* Translators: the numbers a bag declares, then those found */
    problem (bag->problems, _("Payload-Oxum says %llu.%llu, the payload is %llu.%u"), (unsigned long long) declared_octets,
             (unsigned long long) declared_files, (unsigned long long) octets, files);
}

/* dossier-evidence.txt: for each evidence item of data/dossier.json, the payload file of its
 * bytes, or “-” when the dossier the bag was made from had none. The file is the bag's own
 * word on which items had bytes: an item said to have them must find them in the manifest,
 * and every payload file but the dossier must be an item's. */
static void
check_evidence_list (Bag *bag)
{
  g_autofree char *path = g_build_filename (bag->dir, EVIDENCE_LIST, NULL);
  g_autoptr(GString) line = g_string_sized_new (256);
  LineStatus status;
  guint number = 0;
  GStatBuf st;
  FILE *in;
  Lines lines;

  if (g_lstat (path, &st) != 0 && errno == ENOENT)
    {
      /* Translators: %s is a file of the bag */
      problem (bag->problems, _("%s is missing: the bag does not say which evidence items had bytes"), EVIDENCE_LIST);
      return;
    }
  in = open_tag_file (bag, EVIDENCE_LIST, MANIFEST_LIMIT, TRUE);
  if (in == NULL)
    return;
  lines_init (&lines, in);
  while ((status = read_line (&lines, LINE_LIMIT, line)) != LINE_END)
    {
      char *space;
      g_autofree char *code = NULL;
      g_autofree char *display = NULL;
      g_autofree char *relative = NULL;
      Entry *entry = NULL;

      number++;
      if (status == LINE_OK && line->len == 0)
        continue;
      space = status == LINE_OK ? strstr (line->str, "  ") : NULL;
      if (space != NULL)
        {
          *space = '\0';
          code = decode_field (line->str, TRUE);
        }
      if (space == NULL || code == NULL || *code == '\0' || !g_utf8_validate (code, -1, NULL) || space[2] == '\0')
        {
          /* Translators: a file of the bag, then a line number */
          problem (bag->problems, _("%s, line %u: not an evidence code and a path"), EVIDENCE_LIST, number);
          if (status == LINE_TOO_LONG)
            break;
          continue;
        }
      display = shown (code);
      if (g_hash_table_contains (bag->evidence, code))
        {
          /* Translators: a file of the bag, then an evidence code */
          problem (bag->problems, _("%s gives the bytes of %s more than once"), EVIDENCE_LIST, display);
          continue;
        }
      if (g_hash_table_size (bag->evidence) == FILES_LIMIT)
        {
          problem (bag->problems, _("%s lists more than %u files, more than a dossier’s bag holds"), EVIDENCE_LIST, FILES_LIMIT);
          break;
        }
      if (!g_str_equal (space + 2, "-"))
        {
          /* Only looked up among the manifest's checked paths: a path of this list is never
           * opened as it stands. */
          relative = decode_field (space + 2, FALSE);
          entry = relative != NULL ? g_hash_table_lookup (bag->by_path, relative) : NULL;
          if (entry == NULL)
            {
              g_autofree char *where = shown (space + 2);

              /* Translators: an evidence code, then the path its bytes should have in the bag */
              problem (bag->problems, _("%s had its bytes in the dossier the bag was made from, but the bag does not hold them (%s)"),
                       display, where);
              continue;
            }
          if (!g_str_has_prefix (entry->path, "data/evidence/") || entry->claimed)
            {
              g_autofree char *where = shown (entry->path);

              /* Translators: an evidence code, then a path of the bag */
              problem (bag->problems, _("the bytes of %s are said to be “%s”, which is not a file of its own under data/evidence/"),
                       display, where);
              continue;
            }
          entry->claimed = TRUE;
        }
      g_hash_table_insert (bag->evidence, g_steal_pointer (&code), entry);
    }
  if (!lines_clear (&lines))
    problem (bag->problems, _("%s cannot be read"), EVIDENCE_LIST);
  /* What the payload holds that no item owns: bytes the dossier knows nothing of. */
  for (guint i = 0; i < bag->payload->len; i++)
    {
      Entry *entry = bag->payload->pdata[i];

      if (!entry->claimed && !g_str_equal (entry->path, "data/dossier.json"))
        {
          g_autofree char *display = shown (entry->path);

          /* Translators: a file of the bag's payload */
          problem (bag->problems, _("“%s” is in the payload but belongs to no evidence item of the dossier"), display);
        }
    }
  if (!g_hash_table_contains (bag->tag_paths, EVIDENCE_LIST))
    /* Translators: %s is a file of the bag */
    problem (bag->problems, _("%s is not in the tag manifest tagmanifest-sha256.txt"), EVIDENCE_LIST);
}

/* Reads each listed file once, but those the import reads itself (@skip_claimed). */
static void
hash_entries (Bag       *bag,
              GPtrArray *entries,
              gboolean   skip_claimed)
{
  for (guint i = 0; i < entries->len && !g_cancellable_is_cancelled (bag->cancellable); i++)
    {
      Entry *entry = entries->pdata[i];
      g_autofree char *path = NULL;
      g_autofree char *sha = NULL;
      g_autofree char *display = NULL;
      g_autoptr(GError) error = NULL;
      guint64 size;

      if (skip_claimed && entry->claimed)
        continue;
      path = g_build_filename (bag->dir, entry->path, NULL);
      sha = file_sha256 (path, entry->size, &size, bag->cancellable, &error);
      if (sha == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        break;
      display = shown (entry->path);
      if (sha == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
        problem (bag->problems, _("“%s” changed while it was being checked"), display);
      else if (sha == NULL)
        problem (bag->problems, _("“%s” cannot be read"), display);
      else if (!g_str_equal (sha, entry->sha256))
        /* Translators: a path whose bytes changed */
        problem (bag->problems, _("“%s” does not match its SHA-256"), display);
    }
}

/* Checks the bag at @dir into @bag (see dossier_bagit_validate()). With @importing, the
 * evidence files are left for the import to read: it hashes them as it brings them in. */
static gboolean
validate (const char    *dir,
          gboolean       importing,
          Bag           *bag,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  GStatBuf st;
  guint64 octets = 0;
  GHashTableIter iter;
  gpointer key;

  bag_init (bag, dir, cancellable);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *display = g_filename_display_name (dir);

      /* Translators: %s is a path */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY, _("“%s” is not a bag: not a folder"), display);
      return FALSE;
    }
  check_declaration (bag);
  if (g_lstat (data, &st) != 0 || !S_ISDIR (st.st_mode))
    {
      problem (bag->problems, _("the payload folder data/ is missing"));
      return FALSE;
    }
  /* First pass: nothing but the tag files is read. */
  if (!read_manifest (bag, "manifest-sha256.txt", TRUE, bag->payload, bag->by_path))
    return FALSE;
  stat_entries (bag, bag->payload, G_MAXUINT64);
  if (!list_payload (bag, "data", present, &octets))
    return FALSE;
  g_hash_table_iter_init (&iter, present);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (bag->by_path, key))
      {
        g_autofree char *display = shown (key);

        /* Translators: a file of the bag's payload that no manifest lists */
        problem (bag->problems, _("“%s” is in the payload but not in the manifest"), display);
      }
  check_info (bag, octets, g_hash_table_size (present));
  if (!read_manifest (bag, "tagmanifest-sha256.txt", FALSE, bag->tags, bag->tag_paths))
    return FALSE;
  stat_entries (bag, bag->tags, MANIFEST_LIMIT);
  if (g_hash_table_contains (bag->by_path, "data/dossier.json"))
    check_evidence_list (bag);
  if (bag->problems->len > 0)
    return FALSE;

  /* Second pass: every byte, each file once. */
  hash_entries (bag, bag->tags, FALSE);
  hash_entries (bag, bag->payload, importing);
  /* Stopped, the bag is neither valid nor invalid. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_ptr_array_set_size (bag->problems, 0);
      return FALSE;
    }
  return bag->problems->len == 0;
}

/**
 * dossier_bagit_validate:
 * @dir: a bag
 * @problems: (out) (transfer full) (element-type utf8): what is wrong, in words
 * @error: return location for a #GError, set only when @dir is not a folder
 *
 * Checks that the bag is complete and valid (RFC 8493 §3): its declaration, every file of
 * its manifests present with its SHA-256, each listed once, no payload file unlisted, the
 * Payload-Oxum of bag-info.txt right and given once, no manifest path leaving the bag, and
 * no tag file of absurd size. A bag holding a dossier must also say, in
 * dossier-evidence.txt, which evidence items had bytes: an item said to have them must
 * find them in the bag, and every payload file must be the dossier or an item's bytes.
 * What a stat() can find is checked first: a bag that fails it is not read further.
 *
 * Returns: %TRUE if the bag is complete and valid
 */
gboolean
dossier_bagit_validate (const char  *dir,
                        GPtrArray  **problems,
                        GError     **error)
{
  Bag bag;
  gboolean valid;

  g_return_val_if_fail (dir != NULL, FALSE);

  valid = validate (dir, FALSE, &bag, NULL, error);
  if (problems != NULL && (valid || bag.problems->len > 0))
    *problems = g_ptr_array_ref (bag.problems);
  else if (problems != NULL)
    *problems = NULL;
  bag_clear (&bag);
  return valid;
}

typedef struct {
  DossierStore *store;
  Bag          *bag;
  GHashTable   *seen;      /* the codes of dossier-evidence.txt found in the dossier */
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
  DossierEvidence *evidence = DOSSIER_EVIDENCE (record);
  const char *code = record->code != NULL ? record->code : "";
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  gpointer value;
  Entry *entry;

  if (!g_hash_table_lookup_extended (import->bag->evidence, code, NULL, &value))
    {
      /* Translators: %s is an evidence code */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The bag does not say whether %s had its bytes in the dossier it was made from"), code);
      return FALSE;
    }
  g_hash_table_add (import->seen, g_strdup (code));
  entry = value;
  if (entry == NULL)
    {
      import->without_bytes++;
      return TRUE;
    }
  if (evidence->sha256 == NULL || g_ascii_strcasecmp (entry->sha256, evidence->sha256) != 0)
    {
      /* Translators: %s is an evidence code */
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_CORRUPT,
                   _("The bag’s manifest and its dossier give %s different SHA-256"), code);
      return FALSE;
    }
  /* entry->path was checked to stay inside the bag and to name a plain file. */
  path = g_build_filename (import->bag->dir, entry->path, NULL);
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
 * @without_bytes: (out) (optional): how many items the bag says had no bytes in the dossier
 *   it was made from
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Validates the bag, then makes a new dossier from its data/dossier.json and brings each
 * evidence item's bytes in from where dossier-evidence.txt says they are, each checked
 * against the SHA-256 the dossier recorded for it (and logged in its custody chain). An
 * item the bag says nothing of, or that the dossier does not hold, refuses the bag. The
 * dossier is built under a temporary name and appears at @path only when complete.
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
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *json = g_build_filename (bag, "data", "dossier.json", NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp_name = g_strdup_printf (".%s.importing-%08x", base, g_random_int ());
  g_autofree char *tmp = g_build_filename (parent, tmp_name, NULL);
  Bag checked;
  Import import = { NULL, &checked, seen, cancellable, 0, 0 };
  GHashTableIter iter;
  gpointer key;
  gboolean ok = FALSE;

  g_return_val_if_fail (bag != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!validate (bag, TRUE, &checked, cancellable, error))
    {
      g_autofree char *display = g_filename_display_name (bag);
      GPtrArray *problems = checked.problems;

      if (problems->len == 0)
        goto out;
      if (problems->len == 1)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The bag “%s” is not valid: %s"),
                     display, (const char *) problems->pdata[0]);
      else
        /* Translators: %s are a folder and the first thing wrong with it; %u how many more */
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     g_dngettext (GETTEXT_PACKAGE, "The bag “%s” is not valid: %s (and %u more problem)",
                                  "The bag “%s” is not valid: %s (and %u more problems)", problems->len - 1),
                     display, (const char *) problems->pdata[0], problems->len - 1);
      goto out;
    }
  if (!g_hash_table_contains (checked.by_path, "data/dossier.json"))
    {
      g_autofree char *display = g_filename_display_name (bag);

      /* Translators: %s is a folder */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The bag “%s” is valid but holds no dossier (data/dossier.json)"), display);
      goto out;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (path);

      /* Translators: %s is a file */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("“%s” exists already: a bag is imported into a new dossier"), display);
      goto out;
    }

  store = dossier_store_create (tmp, NULL, error);
  if (store == NULL)
    goto out;
  dossier_store_set_user (store, user);
  import.store = store;
  if (!dossier_json_import_file (store, json, error) ||
      !dossier_store_foreach (store, DOSSIER_TYPE_EVIDENCE, NULL, restore_evidence, &import, error))
    goto fail;
  /* An item the list gives that the dossier does not hold: bytes brought for nothing. */
  g_hash_table_iter_init (&iter, checked.evidence);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (seen, key))
      {
        g_autofree char *display = shown (key);

        /* Translators: a file of the bag, then an evidence code */
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("%s gives %s, which the bag’s dossier does not hold"), EVIDENCE_LIST, display);
        goto fail;
      }
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
  ok = TRUE;
  goto out;

fail:
  dossier_store_close (store);
  dossier_store_remove_files (tmp);
out:
  bag_clear (&checked);
  return ok;
}
