/* dossier-export-text.h: a text as an export writes it: a CSV field that a spreadsheet will
 * not run, XML character data that XML 1.0 allows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void  dossier_csv_append_field (GString    *line,
                                const char *value);
char *dossier_xml_escape_text  (const char *text);

G_END_DECLS
