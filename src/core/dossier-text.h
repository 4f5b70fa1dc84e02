/* dossier-text.h: text as people type it to find something
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *dossier_fold_text (const char *text);

G_END_DECLS
