/* dossier-bagit-read.c: reading a bag's tag files and manifests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first pass of validation (see dossier-bagit.c): the tag files are read line by line
 * within their limits, each manifest path decoded and checked to stay inside the bag, and the
 * payload reached through lstat() alone: not a byte of it is read here.
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

#include "dossier-bagit-private.h"

/* Adds a problem, up to PROBLEMS_LIMIT: a bag made to fail a million ways is reported in a
 * hundred lines, and the rest said to be there. */
void
_dossier_bagit_problem (GPtrArray  *problems,
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

static void
entry_free (Entry *entry)
{
  g_free (entry->path);
  g_free (entry->sha256);
  g_free (entry);
}

void
_dossier_bagit_bag_init (Bag          *bag,
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

void
_dossier_bagit_bag_clear (Bag *bag)
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
FILE *
_dossier_bagit_open_tag_file (Bag        *bag,
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
        _dossier_bagit_problem (bag->problems, _("%s cannot be read"), name);
      else if (required)
        /* Translators: %s is a file of the bag */
        _dossier_bagit_problem (bag->problems, _("%s is missing"), name);
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      _dossier_bagit_problem (bag->problems, _("%s cannot be read"), name);
      return NULL;
    }
  if (st.st_size > limit)
    {
      close (fd);
      /* Translators: %s is a file of the bag, %llu its size in bytes */
      _dossier_bagit_problem (bag->problems, _("%s is too large to be a tag file (%llu bytes)"), name, (unsigned long long) st.st_size);
      return NULL;
    }
  in = fdopen (fd, "rb");
  if (in == NULL)
    {
      close (fd);
      _dossier_bagit_problem (bag->problems, _("%s cannot be read"), name);
    }
  return in;
}

/* Tag files are read through a window of CHUNK bytes: searching each chunk for line feeds
 * with memchr() rather than reading a character at a time took a million-line manifest from
 * 1.2 s to 0.5 s. */
#define CHUNK (64 * 1024)

void
_dossier_bagit_lines_init (Lines *lines,
                           FILE  *in)
{
  lines->in = in;
  lines->chunk = g_malloc (CHUNK);
  lines->start = lines->end = 0;
  lines->failed = FALSE;
}

/* Closes the file; FALSE if it could not be read to its end. */
gboolean
_dossier_bagit_lines_clear (Lines *lines)
{
  gboolean ok = !lines->failed && !ferror (lines->in);

  fclose (lines->in);
  g_free (lines->chunk);
  return ok;
}

/* The next line in @line, without its line ending (LF or CR LF); never more than @limit
 * bytes held. */
LineStatus
_dossier_bagit_read_line (Lines   *lines,
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
gboolean
_dossier_bagit_read_manifest (Bag        *bag,
                              const char *name,
                              gboolean    payload,
                              GPtrArray  *into,
                              GHashTable *index)
{
  FILE *in = _dossier_bagit_open_tag_file (bag, name, MANIFEST_LIMIT, payload);
  g_autoptr(GString) line = g_string_sized_new (256);
  Lines lines;
  g_autoptr(GHashTable) repeats = g_hash_table_new (g_direct_hash, g_direct_equal);  /* Entry → times */
  g_autoptr(GPtrArray) repeated = g_ptr_array_new ();
  LineStatus status;
  guint number = 0;
  gboolean ok = TRUE;

  if (in == NULL)
    return !payload;
  _dossier_bagit_lines_init (&lines, in);
  while ((status = _dossier_bagit_read_line (&lines, LINE_LIMIT, line)) != LINE_END)
    {
      g_autofree char *relative = NULL;
      Entry *entry;

      number++;
      if (status == LINE_TOO_LONG)
        {
          /* Translators: a manifest file, then a line number */
          _dossier_bagit_problem (bag->problems, _("%s, line %u: longer than any path"), name, number);
          ok = FALSE;
          break;
        }
      if (status == LINE_OK && line->len == 0)
        continue;
      if (status != LINE_OK || line->len < 67 || !is_sha256 (line->str) || line->str[64] != ' ' || line->str[65] != ' ')
        {
          /* Translators: a manifest file, then a line number */
          _dossier_bagit_problem (bag->problems, _("%s, line %u: not a SHA-256 and a path"), name, number);
          continue;
        }
      /* A path without % is its own decoding: looked up as it stands, with no copy, so that a
       * million repeats of it cost a million look-ups. */
      if (strchr (line->str + 66, '%') == NULL)
        entry = g_hash_table_lookup (index, line->str + 66);
      else
        {
          relative = _dossier_bagit_decode_field (line->str + 66, FALSE);
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
          g_autofree char *display = _dossier_bagit_shown (line->str + 66);

          /* Translators: a manifest file, then a path it lists */
          _dossier_bagit_problem (bag->problems, _("%s lists “%s”, which is outside the bag’s payload"), name, display);
          continue;
        }
      if (!payload && (g_str_has_prefix (relative, "data/") || g_str_has_prefix (relative, "tagmanifest-")))
        {
          g_autofree char *display = _dossier_bagit_shown (relative);

          /* Translators: a manifest file, then a path it lists */
          _dossier_bagit_problem (bag->problems, _("%s lists “%s”, which is not a tag file it may list"), name, display);
          continue;
        }
      if (into->len == FILES_LIMIT)
        {
          /* Translators: a manifest file, then a number of files */
          _dossier_bagit_problem (bag->problems, _("%s lists more than %u files, more than a dossier’s bag holds"), name, FILES_LIMIT);
          ok = FALSE;
          break;
        }
      entry = g_new0 (Entry, 1);
      entry->path = g_steal_pointer (&relative);
      entry->sha256 = g_ascii_strdown (line->str, 64);
      g_ptr_array_add (into, entry);
      g_hash_table_insert (index, entry->path, entry);
    }
  if (!_dossier_bagit_lines_clear (&lines))
    {
      _dossier_bagit_problem (bag->problems, _("%s cannot be read"), name);
      ok = FALSE;
    }
  for (guint i = 0; i < repeated->len; i++)
    {
      Entry *entry = repeated->pdata[i];
      g_autofree char *display = _dossier_bagit_shown (entry->path);

      /* Translators: a manifest file, a path it lists, and how many times */
      _dossier_bagit_problem (bag->problems, _("%s lists “%s” %u times: a file is listed once"), name, display,
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
void
_dossier_bagit_stat_entries (Bag       *bag,
                             GPtrArray *entries,
                             guint64    limit)
{
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = entries->pdata[i];
      g_autofree char *display = _dossier_bagit_shown (entry->path);

      switch (plain_file (bag->dir, entry->path, &entry->size))
        {
        case FILE_MISSING:
          /* Translators: a path listed in a manifest */
          _dossier_bagit_problem (bag->problems, _("“%s” is missing"), display);
          break;
        case FILE_NOT_PLAIN:
          /* Translators: a path listed in a manifest */
          _dossier_bagit_problem (bag->problems, _("“%s” is not a plain file of the bag (a link, a pipe or a device)"), display);
          break;
        case FILE_PLAIN:
          if (entry->size > limit)
            _dossier_bagit_problem (bag->problems, _("%s is too large to be a tag file (%llu bytes)"), display,
                                    (unsigned long long) entry->size);
          break;
        }
    }
}

/* Every entry under the payload folder @relative, into @present, and the sizes of its
 * regular files, from lstat(), added to @octets. FALSE past FILES_LIMIT entries. */
gboolean
_dossier_bagit_list_payload (Bag        *bag,
                             const char *relative,
                             GHashTable *present,
                             guint64    *octets)
{
  g_autofree char *path = g_build_filename (bag->dir, relative, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_autofree char *display = _dossier_bagit_shown (relative);

      /* Translators: a folder of the bag */
      _dossier_bagit_problem (bag->problems, _("%s cannot be read"), display);
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
          if (!_dossier_bagit_list_payload (bag, child, present, octets))
            return FALSE;
          continue;
        }
      if (g_hash_table_size (present) == FILES_LIMIT)
        {
          /* Translators: a number of files */
          _dossier_bagit_problem (bag->problems, _("the payload holds more than %u files, more than a dossier’s bag holds"), FILES_LIMIT);
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
gboolean
_dossier_bagit_read_tags (Bag        *bag,
                          const char *name,
                          gboolean    required,
                          GPtrArray  *labels,
                          GPtrArray  *values)
{
  FILE *in = _dossier_bagit_open_tag_file (bag, name, TAG_FILE_LIMIT, required);
  g_autoptr(GString) line = g_string_new (NULL);
  LineStatus status;
  guint number = 0;
  Lines lines;

  if (in == NULL)
    return FALSE;
  _dossier_bagit_lines_init (&lines, in);
  while ((status = _dossier_bagit_read_line (&lines, TAG_FILE_LIMIT, line)) != LINE_END)
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
          _dossier_bagit_problem (bag->problems, _("%s, line %u: not a “Label: value” element"), name, number);
          if (status == LINE_TOO_LONG)
            break;
          continue;
        }
      g_ptr_array_add (labels, g_strstrip (g_strndup (line->str, colon - line->str)));
      g_ptr_array_add (values, g_strstrip (g_strdup (colon + 1)));
    }
  if (!_dossier_bagit_lines_clear (&lines))
    _dossier_bagit_problem (bag->problems, _("%s cannot be read"), name);
  return TRUE;
}
