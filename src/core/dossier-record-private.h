/* dossier-record-private.h: what the record types and the record operations share
 *
 * Only src/core's .c files include this header: the field table's offsets are read and
 * written here, and everywhere else through the typed getters, dossier_record_set_field()
 * and the properties made from the table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "dossier-record.h"
#include "dossier-store.h"

G_BEGIN_DECLS

/* What every record holds beside its own fields, for record operations only. */
typedef struct
{
  const DossierRecordInfo *info;
  gint64                   id;          /* 0 until inserted */
  char                    *uuid;
  char                    *code;
  char                    *created_at;
  char                    *updated_at;
} DossierRecordPrivate;

DossierRecordPrivate *_dossier_record_get_private (DossierRecord *self);

/* For core code that gives or takes back a record's id (deletion's undo, an unsaved copy). */
void           _dossier_record_set_id       (DossierRecord           *self,
                                             gint64                   id);

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

/* The checks every write makes (dossier-record-checks.c): vocabulary codes, dates (whose
 * bounds are returned for date_start/date_end), finite numbers; text lengths of the fields
 * that differ from @old (all of them when @old is %NULL). */
gboolean       _dossier_record_validate     (DossierStore            *store,
                                             DossierRecord           *self,
                                             guint32                 *date_start,
                                             guint32                 *date_end,
                                             GError                 **error);
gboolean       _dossier_record_check_texts  (DossierRecord           *self,
                                             DossierRecord           *old,
                                             GError                 **error);

/* What the store gave @self, for its read-only properties' ::notify. */
void           _dossier_record_notify_stored (DossierRecord          *self,
                                              gboolean                id,
                                              gboolean                uuid,
                                              gboolean                code,
                                              gboolean                created_at,
                                              gboolean                updated_at);

/* Reading and writing records through the store (see dossier-store-private.h). */

/* The number of a code, for SQL's ORDER BY. Codes sort by it, then by id, so that
 * INC-9998 comes before INC-10000, and a five-digit code of an older dossier (TES-00012)
 * after the four-digit ones made since (TES-0011). Written exactly as in the indexes of
 * schema/008-code-numbers.sql, for SQLite to use them: @column is "code" or "t.code". */
#define DOSSIER_CODE_NUMBER_SQL(column) "CAST (substr (" column ", instr (" column ", '-') + 1) AS INTEGER)"

/* Used by subclasses' init only. */
void           _dossier_record_set_info    (DossierRecord           *self,
                                            const DossierRecordInfo *info);

/* Loads the row's fields from a statement whose columns are
 * id, uuid, code-or-NULL, created_at, updated_at, then the info's fields in order. */
char          *_dossier_record_select_sql  (const DossierRecordInfo *info);
void           _dossier_record_read_row    (DossierRecord *record,
                                            sqlite3_stmt  *stmt);
GPtrArray     *_dossier_record_read_page   (DossierStore  *store,
                                            sqlite3_stmt  *stmt,
                                            GType          type,
                                            GError       **error);

gboolean       _dossier_store_load_set     (DossierStore        *store,
                                            const char          *table,
                                            const char          *owner_column,
                                            const char          *value_column,
                                            gint64               owner_id,
                                            GStrv               *out,
                                            GError             **error);
gboolean       _dossier_store_save_set     (DossierStore        *store,
                                            DossierRecord       *owner,
                                            const char          *table,
                                            const char          *owner_column,
                                            const char          *value_column,
                                            const char          *vocab,
                                            const char * const  *values,
                                            gboolean             is_new,
                                            GError             **error);

/* dossier_store_foreach() on the rows that meet @where, an SQL condition on the table's
 * columns: written by core only, which offers the rest of the application typed
 * questions instead (a person's testimonies, an item's custody log…). The _with form is
 * for a link kind or another record made by @new_func. */
gboolean       _dossier_store_foreach_where (DossierStore      *store,
                                             GType              type,
                                             const char        *where,
                                             DossierRecordFunc  func,
                                             gpointer           user_data,
                                             GError           **error);
gboolean       _dossier_store_foreach_with  (DossierStore      *store,
                                             DossierRecord   *(*new_func) (gpointer new_data),
                                             gpointer           new_data,
                                             const char        *where,
                                             DossierRecordFunc  func,
                                             gpointer           user_data,
                                             GError           **error);

G_END_DECLS
