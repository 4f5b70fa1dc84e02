/* dossier-format.h: values written as a person writes them, in French or English
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *dossier_format_size      (guint64     bytes,
                                gboolean    exact);
char *dossier_format_decimal   (double      value,
                                int         max_decimals,
                                const char *lang);
char *dossier_format_timestamp (const char *iso8601,
                                const char *lang,
                                gboolean    seconds);
char *dossier_format_duration  (double      seconds);

/* The forms the files keep. */
char *dossier_format_iso8601   (GDateTime  *time);
char *dossier_format_day       (GDateTime  *time);

G_END_DECLS
