/* dossier-record-private.h: what the record types and the record operations share
 *
 * Only src/core's .c files include this header: the field table's offsets are read and
 * written here, and everywhere else through the typed getters, dossier_record_set_field()
 * and the properties made from the table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-record.h"

G_BEGIN_DECLS

#define DOSSIER_FIELD_PTR(rec, f)  (G_STRUCT_MEMBER_P ((rec), (f)->offset))
#define DOSSIER_FIELD_STR(rec, f)  (G_STRUCT_MEMBER (char *, (rec), (f)->offset))
#define DOSSIER_FIELD_INT(rec, f)  (G_STRUCT_MEMBER (gint64, (rec), (f)->offset))
#define DOSSIER_FIELD_REAL(rec, f) (G_STRUCT_MEMBER (double, (rec), (f)->offset))

static inline gboolean
dossier_field_is_text (const DossierField *f)
{
  return f->type == DOSSIER_FIELD_TEXT || f->type == DOSSIER_FIELD_NTEXT || f->type == DOSSIER_FIELD_EDTF;
}

/* Called by each record type's class_init: makes a property of every field of @infos (a
 * type such as DossierLink describes several tables; a name they share is one property). */
void           _dossier_record_class_install_fields (DossierRecordClass      *klass,
                                                     const DossierRecordInfo *infos,
                                                     guint                    n_infos);

G_END_DECLS
