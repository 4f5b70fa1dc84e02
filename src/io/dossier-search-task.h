/* dossier-search-task.h: a full-text search, off the caller's thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dossier-store.h"

G_BEGIN_DECLS

void       dossier_search_async  (const char           *dossier_path,
                                  DossierStore         *reader,
                                  const char           *text,
                                  const char           *lang,
                                  guint                 limit,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data);
GPtrArray *dossier_search_finish (GAsyncResult         *result,
                                  DossierStore        **reader,
                                  GError              **error);

G_END_DECLS
