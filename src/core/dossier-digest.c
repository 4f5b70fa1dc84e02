/* dossier-digest.c: SHA-256 of a file, and bytes written as hexadecimal (a uuid too)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One SHA-256 for the whole program (nettle's, as the locker hashes evidence while ingesting
 * it), so that a bag's manifest, an item's custody chain and `sha256sum` always agree.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <nettle/sha2.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "dossier-digest.h"

#define BLOCK (1024 * 1024)

/**
 * dossier_hex_encode:
 * @data: (array length=length): bytes
 * @length: how many
 *
 * Returns: (transfer full): @data as lower-case hexadecimal, two digits a byte
 */
char *
dossier_hex_encode (const guint8 *data,
                    gsize         length)
{
  static const char digits[] = "0123456789abcdef";
  char *hex;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  hex = g_malloc (2 * length + 1);
  for (gsize i = 0; i < length; i++)
    {
      hex[2 * i] = digits[data[i] >> 4];
      hex[2 * i + 1] = digits[data[i] & 0xf];
    }
  hex[2 * length] = '\0';
  return hex;
}

/**
 * dossier_format_uuid:
 * @bytes: (array fixed-size=16): 16 random bytes
 *
 * Writes @bytes as a version 4 (random) uuid, its version and variant bits set:
 * "0f3b2c9e-5d1a-4e7b-9c2d-8a6f4b3e1d0c".
 *
 * Returns: (transfer full): the uuid, in lower case
 */
char *
dossier_format_uuid (const guint8 bytes[16])
{
  guint8 b[16];

  g_return_val_if_fail (bytes != NULL, NULL);

  memcpy (b, bytes, sizeof b);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                          b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

/**
 * dossier_sha256_file:
 * @path: a regular file
 * @expected: the size the file must have, or -1 for any
 * @size: (out) (optional): how many bytes were read
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The SHA-256 of a regular file, read 1 MiB at a time without following a link (a file
 * named in a bag or a manifest may be a link out of it, or a pipe that never ends). With
 * @expected not -1 the file must have that size from its start to its end, so that a file
 * that grows while it is read is not read for ever: otherwise %G_IO_ERROR_INVALID_DATA. A
 * file that is missing, not a regular file or cannot be read gives %G_IO_ERROR_NOT_FOUND or
 * the system's reason.
 *
 * Returns: (transfer full): the SHA-256 in lower-case hexadecimal, or %NULL
 */
char *
dossier_sha256_file (const char    *path,
                     gint64         expected,
                     guint64       *size,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree guint8 *buffer = NULL;
  g_autofree char *display = NULL;
  struct sha256_ctx ctx;
  guint8 digest[SHA256_DIGEST_SIZE];
  struct stat st;
  guint64 done = 0;
  gssize n;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  if (size != NULL)
    *size = 0;
  display = g_filename_display_name (path);
  /* O_NONBLOCK: opening a pipe would otherwise wait for a writer. */
  fd = open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
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
  sha256_init (&ctx);
  buffer = g_malloc (BLOCK);
  for (;;)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          close (fd);
          return NULL;
        }
      n = read (fd, buffer, BLOCK);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          close (fd);
          /* Translators: the first %s is a file name, the second the system's reason */
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("“%s” cannot be read: %s"),
                       display, g_strerror (saved));
          return NULL;
        }
      if (n == 0)
        break;
      sha256_update (&ctx, n, buffer);
      done += n;
      /* Not a byte more than stat() said. */
      if (expected >= 0 && done > (guint64) expected)
        break;
    }
  close (fd);
  /* Nor a byte less. */
  if (expected >= 0 && done != (guint64) expected)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“%s” changed while it was being checked"), display);
      return NULL;
    }
  if (size != NULL)
    *size = done;
  sha256_digest (&ctx, sizeof digest, digest);
  return dossier_hex_encode (digest, sizeof digest);
}
