/* dossier-pick.h: records found by what a user types in a picker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-search.h"

G_BEGIN_DECLS

GPtrArray *dossier_store_pick (DossierStore  *store,
                               GType          type,
                               const char    *text,
                               const char    *lang,
                               guint          limit,
                               GError       **error);

G_END_DECLS
