/* dossier-atomic-file.c: a file written under a temporary name, then renamed over its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file Dossier writes (an export, an annex, a figure, an evidence copy) must either be
 * whole under its name or not be there: a full disk or a crash halfway must leave the earlier
 * file as it was. So the bytes go to a new file beside the destination, under a name nobody
 * can guess or take first (O_EXCL, as g_mkstemp() makes it), owner-only from the moment it
 * exists, since it may hold identities; they are on disk (fsync) before the rename, and a
 * failure removes the temporary file.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dossier-atomic-file.h"

struct _DossierAtomicFile {
  char          *path;
  char          *tmp_path;
  int            fd;
  GOutputStream *stream;
};

static void
set_write_error (GError     **error,
                 int          saved,
                 const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  /* Translators: the first %s is a file name, the second the system's reason */
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("“%s” could not be written: %s"),
               display, g_strerror (saved));
}

/**
 * dossier_atomic_file_open:
 * @path: the file to write: new, or replaced once the new bytes are whole
 * @mode: the new file's permissions, 0600 for anything a dossier lets out
 * @error: return location for a #GError
 *
 * Creates a temporary file in @path's folder, with a random name and @mode whatever the
 * umask. Write to it through dossier_atomic_file_get_fd() or
 * dossier_atomic_file_get_stream(), then call dossier_atomic_file_commit() or
 * dossier_atomic_file_abort() (which g_autoptr calls).
 *
 * Returns: (transfer full): the file being written, or %NULL
 */
DossierAtomicFile *
dossier_atomic_file_open (const char  *path,
                          int          mode,
                          GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  DossierAtomicFile *self;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  /* Hidden, and beside the destination: a rename within one file system is atomic. */
  tmp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, mode);
  if (fd < 0)
    {
      set_write_error (error, errno, path);
      return NULL;
    }
  /* g_mkstemp_full() leaves the umask to apply to @mode. */
  if (fchmod (fd, mode) != 0)
    {
      int saved = errno;

      close (fd);
      g_unlink (tmp_path);
      set_write_error (error, saved, path);
      return NULL;
    }
  self = g_new0 (DossierAtomicFile, 1);
  self->path = g_strdup (path);
  self->tmp_path = g_steal_pointer (&tmp_path);
  self->fd = fd;
  return self;
}

/**
 * dossier_atomic_file_get_fd:
 * @self: a file being written
 *
 * Returns: the temporary file's descriptor, owned by @self
 */
int
dossier_atomic_file_get_fd (DossierAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->fd;
}

/**
 * dossier_atomic_file_get_stream:
 * @self: a file being written
 *
 * Writes are gathered in 64 KiB before they reach the file: exports write a row at a time,
 * and a system call a row made the 100,000-incident exports a sixth slower.
 *
 * Returns: (transfer none): a stream on the temporary file, owned by @self; closing it
 *   (dossier_atomic_file_commit() does) writes what it holds and leaves the file open for
 *   the commit
 */
GOutputStream *
dossier_atomic_file_get_stream (DossierAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->stream == NULL)
    {
      g_autoptr(GOutputStream) raw = g_unix_output_stream_new (self->fd, FALSE);

      self->stream = g_buffered_output_stream_new_sized (raw, 64 * 1024);
    }
  return self->stream;
}

static void
atomic_file_free (DossierAtomicFile *self)
{
  if (self->stream != NULL)
    {
      g_output_stream_close (self->stream, NULL, NULL);
      g_object_unref (self->stream);
    }
  if (self->fd >= 0)
    close (self->fd);
  g_free (self->path);
  g_free (self->tmp_path);
  g_free (self);
}

/**
 * dossier_atomic_file_commit:
 * @self: (transfer full): a file being written
 * @error: return location for a #GError
 *
 * Puts the bytes written on disk and renames the temporary file to the destination; on
 * failure removes it, the destination left as it was. Frees @self either way.
 *
 * Returns: %TRUE if the destination now holds the new bytes
 */
gboolean
dossier_atomic_file_commit (DossierAtomicFile  *self,
                            GError            **error)
{
  int saved = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->stream != NULL && !g_output_stream_close (self->stream, NULL, error))
    {
      dossier_atomic_file_abort (self);
      return FALSE;
    }
  if (fsync (self->fd) != 0)
    saved = errno;
  if (close (self->fd) != 0 && saved == 0)
    saved = errno;
  self->fd = -1;
  if (saved == 0 && g_rename (self->tmp_path, self->path) != 0)
    saved = errno;
  if (saved != 0)
    {
      set_write_error (error, saved, self->path);
      dossier_atomic_file_abort (self);
      return FALSE;
    }
  atomic_file_free (self);
  return TRUE;
}

/**
 * dossier_atomic_file_abort:
 * @self: (transfer full) (nullable): a file being written
 *
 * Removes the temporary file, the destination left as it was, and frees @self.
 */
void
dossier_atomic_file_abort (DossierAtomicFile *self)
{
  if (self == NULL)
    return;
  if (self->stream != NULL)
    g_output_stream_close (self->stream, NULL, NULL);
  g_unlink (self->tmp_path);
  atomic_file_free (self);
}

/**
 * dossier_file_replace_contents:
 * @path: the file to write
 * @contents: (array length=length) (element-type guint8): the bytes
 * @length: how many, or -1 for a nul-terminated text
 * @mode: the file's permissions
 * @error: return location for a #GError
 *
 * Writes @contents to @path through a #DossierAtomicFile: whole, or not at all.
 *
 * Returns: %TRUE if @path holds @contents
 */
gboolean
dossier_file_replace_contents (const char  *path,
                               const char  *contents,
                               gssize       length,
                               int          mode,
                               GError     **error)
{
  g_autoptr(DossierAtomicFile) file = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL || length == 0, FALSE);

  file = dossier_atomic_file_open (path, mode, error);
  if (file == NULL)
    return FALSE;
  if (!g_output_stream_write_all (dossier_atomic_file_get_stream (file), contents,
                                  length < 0 ? strlen (contents) : (gsize) length, NULL, NULL, error))
    return FALSE;
  return dossier_atomic_file_commit (g_steal_pointer (&file), error);
}
