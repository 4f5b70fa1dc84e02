/* dossier-verify.h: checking every evidence item of a dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dossier-progress-relay.h"

G_BEGIN_DECLS

typedef struct {
  gboolean     record;  /* each item's check enters its custody chain (a writable dossier) */
  const char  *user;    /* who verifies, as recorded */
} DossierVerifyOptions;

void       dossier_verify_async  (const char                 *dossier_path,
                                  const DossierVerifyOptions *options,
                                  DossierTaskProgressFunc     progress,
                                  gpointer                    progress_data,
                                  GDestroyNotify              progress_notify,
                                  GCancellable               *cancellable,
                                  GAsyncReadyCallback         callback,
                                  gpointer                    user_data);
GPtrArray *dossier_verify_finish (GAsyncResult               *result,
                                  GError                    **error);

G_END_DECLS
