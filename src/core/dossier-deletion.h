/* dossier-deletion.h: records deleted together, and put back on request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-record.h"

G_BEGIN_DECLS

typedef struct _DossierDeletion DossierDeletion;

DossierDeletion *dossier_store_delete_records (DossierStore     *store,
                                               GPtrArray        *records,
                                               GError          **error);
gboolean         dossier_deletion_undo        (DossierDeletion  *self,
                                               DossierStore     *store,
                                               GError          **error);
guint            dossier_deletion_get_count   (DossierDeletion  *self);
GType            dossier_deletion_get_record_type (DossierDeletion *self);
void             dossier_deletion_free        (DossierDeletion  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierDeletion, dossier_deletion_free)

G_END_DECLS
