/* dossier-digest.h: SHA-256 of a file, and bytes written as hexadecimal (a uuid too)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char *dossier_hex_encode  (const guint8   *data,
                           gsize           length);
char *dossier_format_uuid (const guint8    bytes[16]);
char *dossier_sha256_file (const char     *path,
                           gint64          expected,
                           guint64        *size,
                           GCancellable   *cancellable,
                           GError        **error);

G_END_DECLS
