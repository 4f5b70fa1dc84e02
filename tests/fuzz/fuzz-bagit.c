/* fuzz-bagit.c: BagIt validation, and the import of what validates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a bag written as text, split into files by lines that start with "--- ":
 *
 *     --- bagit.txt
 *     BagIt-Version: 1.0
 *     --- data/dossier.json
 *     {…}
 *     --- manifest-sha256.txt
 *     xxxx…xxxx  data/dossier.json
 *
 * "--- PATH" starts a file, whose bytes run to the line break before the next "--- " line;
 * "--- PATH/" makes an empty folder; "--- PATH -> TARGET" a symbolic link, to a path inside
 * the bag or to /dev/zero. Paths that would leave the bag are skipped: the harness writes
 * only inside its own folder. So that mutations reach what lies behind the hashes, a
 * manifest line whose hash is 64 'x' gets the SHA-256 of the file it names, and
 * "Payload-Oxum: auto" in bag-info.txt the payload's size and count; inputs that carry real
 * hashes are kept as they are.
 *
 * A bag is valid exactly when it has no problem; a valid one is imported into a new
 * dossier, and an import that fails leaves nothing behind.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "dossier-bagit.h"
#include "fuzz-util.h"

#define AUTO_HASH "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
#define AUTO_OXUM "Payload-Oxum: auto"

typedef enum { FRAME_FILE, FRAME_FOLDER, FRAME_LINK } FrameKind;

typedef struct {
  FrameKind   kind;
  char       *path;
  char       *target;   /* of a link */
  GByteArray *bytes;    /* of a file */
} Frame;

static void
frame_free (Frame *frame)
{
  g_free (frame->path);
  g_free (frame->target);
  if (frame->bytes != NULL)
    g_byte_array_unref (frame->bytes);
  g_free (frame);
}

/* A relative path that stays inside the bag, at most 8 folders deep. */
static gboolean
inside (const char *path)
{
  g_auto(GStrv) parts = NULL;

  if (*path == '\0' || *path == '/' || strlen (path) > 255 || strchr (path, '\\') != NULL)
    return FALSE;
  parts = g_strsplit (path, "/", -1);
  if (g_strv_length (parts) > 8)
    return FALSE;
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] == '\0' || g_str_equal (parts[i], ".") || g_str_equal (parts[i], ".."))
      return FALSE;
  return TRUE;
}

static Frame *
new_frame (const char *header,
           gsize       len)
{
  g_autofree char *name = g_strndup (header, len);
  const char *arrow = strstr (name, " -> ");
  Frame *frame = g_new0 (Frame, 1);

  if (arrow != NULL)
    {
      frame->kind = FRAME_LINK;
      frame->path = g_strndup (name, arrow - name);
      frame->target = g_strdup (arrow + 4);
      if (!g_str_equal (frame->target, "/dev/zero") && !inside (frame->target))
        g_clear_pointer (&frame->path, g_free);
    }
  else if (len > 1 && name[len - 1] == '/')
    {
      frame->kind = FRAME_FOLDER;
      frame->path = g_strndup (name, len - 1);
    }
  else
    {
      frame->kind = FRAME_FILE;
      frame->path = g_strdup (name);
      frame->bytes = g_byte_array_new ();
    }
  if (frame->path != NULL && !inside (frame->path))
    g_clear_pointer (&frame->path, g_free);
  return frame;
}

static GPtrArray *
split (const uint8_t *data,
       size_t         size)
{
  GPtrArray *frames = g_ptr_array_new_with_free_func ((GDestroyNotify) frame_free);
  Frame *current = NULL;
  size_t line = 0;

  while (line < size)
    {
      const uint8_t *eol = memchr (data + line, '\n', size - line);
      size_t end = eol != NULL ? (size_t) (eol - data) : size;

      if (end - line >= 4 && memcmp (data + line, "--- ", 4) == 0)
        {
          /* The line break before a header belongs to the header. */
          if (current != NULL && current->bytes != NULL && current->bytes->len > 0)
            g_byte_array_set_size (current->bytes, current->bytes->len - 1);
          current = new_frame ((const char *) data + line + 4, end - line - 4);
          g_ptr_array_add (frames, current);
        }
      else if (current != NULL && current->bytes != NULL)
        g_byte_array_append (current->bytes, data + line, MIN (end + 1, size) - line);
      line = end + 1;
    }
  return frames;
}

static Frame *
find_file (GPtrArray  *frames,
           const char *path)
{
  /* The last frame of a path is the one written. */
  for (guint i = frames->len; i > 0; i--)
    {
      Frame *frame = frames->pdata[i - 1];

      if (frame->path != NULL && g_str_equal (frame->path, path))
        return frame->kind == FRAME_FILE ? frame : NULL;
    }
  return NULL;
}

/* Replaces each 64-'x' hash of the manifest @name by the SHA-256 of the file it lists. */
static void
fill_manifest (GPtrArray  *frames,
               const char *name)
{
  Frame *manifest = find_file (frames, name);
  g_autoptr(GString) text = NULL;
  g_auto(GStrv) lines = NULL;

  if (manifest == NULL)
    return;
  text = g_string_new_len ((const char *) manifest->bytes->data, manifest->bytes->len);
  lines = g_strsplit (text->str, "\n", -1);
  g_string_truncate (text, 0);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      Frame *file;

      if (i > 0)
        g_string_append_c (text, '\n');
      if (g_str_has_prefix (lines[i], AUTO_HASH "  ") &&
          (file = find_file (frames, lines[i] + strlen (AUTO_HASH "  "))) != NULL)
        {
          g_autofree char *sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, file->bytes->data, file->bytes->len);

          g_string_append (text, sha);
          g_string_append (text, lines[i] + strlen (AUTO_HASH));
        }
      else
        g_string_append (text, lines[i]);
    }
  g_byte_array_set_size (manifest->bytes, 0);
  g_byte_array_append (manifest->bytes, (const guint8 *) text->str, text->len);
}

/* "Payload-Oxum: auto": the bytes and the number of the payload's files. */
static void
fill_oxum (GPtrArray *frames)
{
  Frame *info = find_file (frames, "bag-info.txt");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint64 octets = 0;
  g_autofree char *oxum = NULL;
  g_autofree char *text = NULL;
  char *at;

  if (info == NULL || info->bytes->len == 0)
    return;
  text = g_strndup ((const char *) info->bytes->data, info->bytes->len);
  at = strstr (text, AUTO_OXUM);
  if (at == NULL || strlen (text) != info->bytes->len)
    return;
  for (guint i = frames->len; i > 0; i--)
    {
      Frame *frame = frames->pdata[i - 1];

      if (frame->path == NULL || frame->kind == FRAME_FOLDER || !g_str_has_prefix (frame->path, "data/") ||
          !g_hash_table_add (seen, frame->path))
        continue;
      if (frame->kind == FRAME_FILE)
        octets += frame->bytes->len;
    }
  *at = '\0';
  oxum = g_strdup_printf ("%sPayload-Oxum: %" G_GUINT64_FORMAT ".%u%s", text, octets,
                          g_hash_table_size (seen), at + strlen (AUTO_OXUM));
  g_byte_array_set_size (info->bytes, 0);
  g_byte_array_append (info->bytes, (const guint8 *) oxum, strlen (oxum));
}

static void
write_bag (const char *bag,
           GPtrArray  *frames)
{
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < frames->len; i++)
      {
        Frame *frame = frames->pdata[i];
        g_autofree char *path = NULL;
        g_autofree char *parent = NULL;

        /* Links last, so that no file is written through one. */
        if (frame->path == NULL || (pass == 0) == (frame->kind == FRAME_LINK))
          continue;
        path = g_build_filename (bag, frame->path, NULL);
        parent = g_path_get_dirname (path);
        if (g_mkdir_with_parents (parent, 0700) != 0)
          continue;
        switch (frame->kind)
          {
          case FRAME_FOLDER:
            g_mkdir (path, 0700);
            break;
          case FRAME_LINK:
            if (symlink (frame->target, path) != 0 && errno != EEXIST)
              g_error ("cannot make the link %s: %s", path, g_strerror (errno));
            break;
          case FRAME_FILE:
            {
              int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);

              if (fd < 0)
                break;
              if (write (fd, frame->bytes->data, frame->bytes->len) != (ssize_t) frame->bytes->len)
                g_error ("cannot write %s: %s", path, g_strerror (errno));
              close (fd);
            }
            break;
          }
      }
}

/* The temporary folder holds the bag and nothing else. */
static void
check_nothing_left (void)
{
  GDir *dir = g_dir_open (fuzz_tmpdir (), 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_equal (name, "bag"))
      g_error ("a failed import left “%s” behind", name);
  g_dir_close (dir);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) frames = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bag = NULL;
  g_autofree char *dossier = NULL;
  gboolean valid;
  guint restored = 0, without_bytes = 0;

  fuzz_init ();
  bag = fuzz_tmp_path ("bag");
  dossier = fuzz_tmp_path ("imported.dossier");
  fuzz_remove_tree (bag);
  if (g_mkdir (bag, 0700) != 0)
    g_error ("cannot make %s: %s", bag, g_strerror (errno));

  frames = split (data, size);
  fill_manifest (frames, "manifest-sha256.txt");
  fill_oxum (frames);
  fill_manifest (frames, "tagmanifest-sha256.txt");
  write_bag (bag, frames);

  valid = dossier_bagit_validate (bag, &problems, &error);
  fuzz_check (error == NULL && problems != NULL);
  fuzz_check (valid == (problems->len == 0));
  for (guint i = 0; i < problems->len; i++)
    fuzz_check (g_utf8_validate (problems->pdata[i], -1, NULL) && *(char *) problems->pdata[i] != '\0');

  /* FUZZ_VERBOSE=1 says what became of an input, for whoever writes seeds. */
  if (g_getenv ("FUZZ_VERBOSE") != NULL)
    for (guint i = 0; i < problems->len; i++)
      g_printerr ("problem: %s\n", (char *) problems->pdata[i]);

  if (dossier_bagit_import (bag, dossier, "fuzz", &restored, &without_bytes, NULL, &error))
    {
      if (g_getenv ("FUZZ_VERBOSE") != NULL)
        g_printerr ("imported: %u items restored, %u without bytes\n", restored, without_bytes);
      fuzz_check (valid);
      fuzz_check (g_file_test (dossier, G_FILE_TEST_IS_REGULAR));
      dossier_store_remove_files (dossier);
    }
  else
    {
      fuzz_check (error != NULL && g_utf8_validate (error->message, -1, NULL) && *error->message != '\0');
      if (g_getenv ("FUZZ_VERBOSE") != NULL)
        g_printerr ("not imported: %s\n", error->message);
      check_nothing_left ();
    }
  fuzz_remove_tree (bag);
  return 0;
}
