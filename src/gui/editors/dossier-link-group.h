/* dossier-link-group.h: the links of a record of one kind, as rows that open or go
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dossier-link.h"
#include "dossier-record-picker.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_LINK_GROUP (dossier_link_group_get_type ())
G_DECLARE_FINAL_TYPE (DossierLinkGroup, dossier_link_group, DOSSIER, LINK_GROUP, GtkWidget)

void                 dossier_link_group_set_record  (DossierLinkGroup *self,
                                                     DossierStore     *store,
                                                     gint64            record_id,
                                                     const char       *lang);
void                 dossier_link_group_reload      (DossierLinkGroup *self);
gboolean             dossier_link_group_remove      (DossierLinkGroup *self,
                                                     guint             index);
gboolean             dossier_link_group_add         (DossierLinkGroup *self,
                                                     gint64            other_id,
                                                     const char       *role);
GType                dossier_link_group_other_type  (DossierLinkGroup *self);

G_END_DECLS
