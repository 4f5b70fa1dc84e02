/* dossier-info.h: creating a dossier, and the dossier's own record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-store.h"

G_BEGIN_DECLS

DossierStore *dossier_create              (const char            *path,
                                           const char            *title,
                                           GError               **error);
DossierStore *dossier_create_described    (const char            *path,
                                           const char            *title,
                                           const char            *mandate,
                                           const char            *period,
                                           const char            *default_lang,
                                           GError               **error);

/* The dossier's own record: what it is about, and what it holds. */
char         *dossier_store_get_title     (DossierStore          *self);
gboolean      dossier_store_get_info      (DossierStore          *self,
                                           char                 **uuid,
                                           char                 **title,
                                           char                 **mandate,
                                           char                 **period,
                                           char                 **default_lang,
                                           GError               **error);
gboolean      dossier_store_set_info      (DossierStore          *self,
                                           const char            *field,
                                           const char            *value,
                                           GError               **error);
gboolean      dossier_store_get_dates     (DossierStore          *self,
                                           char                 **created_at,
                                           char                 **updated_at);

typedef struct {
  gint64 incidents;
  gint64 people;
  gint64 testimonies;
  gint64 evidence;
  gint64 actors;
} DossierStoreCounts;

gboolean      dossier_store_count         (DossierStore          *self,
                                           DossierStoreCounts    *counts,
                                           GError               **error);

G_END_DECLS
