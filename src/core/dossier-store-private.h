/* dossier-store-private.h: the store's internals, shared by core's own files
 *
 * Only src/core's .c files include this header (as gnome-text-editor's
 * editor-document-private.h): the rest of the application asks core typed questions and
 * never sees a statement, a table name or the connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "dossier-store.h"

G_BEGIN_DECLS

struct _DossierStore
{
  GObject      parent_instance;

  sqlite3     *db;
  char        *path;
  char        *user;
  gboolean     read_only;
  gboolean     not_auditing; /* set while importing: the imported audit log is the record */
  gboolean     checked;      /* quick_check has run on this file since it was opened */
  guint        depth;        /* nesting of dossier_store_begin () */
  GHashTable  *statements;   /* SQL text → sqlite3_stmt, finalized on close */
};

/* The connection itself: for core, and for tests that look at the file underneath. */
/* Makes a new dossier's file; dossier_create() fills it, in the same transaction. */
typedef gboolean (*DossierStoreFillFunc) (DossierStore  *store,
                                          gpointer       user_data,
                                          GError       **error);
DossierStore *_dossier_store_create       (const char            *path,
                                           DossierStoreFillFunc   fill,
                                           gpointer               user_data,
                                           GError               **error);

sqlite3      *dossier_store_get_db        (DossierStore          *self);

/* What a file is, decided before it is written to (dossier-store-check.c). */
typedef struct {
  int      version;
  gboolean checked;
  gboolean needs_recovery;  /* a rollback journal left by a writer that stopped */
} DossierStoreInspection;

gboolean      _dossier_store_check_header (const char            *path,
                                           gboolean              *out_too_new,
                                           GError               **error);
gboolean      _dossier_store_inspect      (const char             *path,
                                           DossierStoreOpenFlags   flags,
                                           DossierStoreInspection *result,
                                           GError                **error);
gboolean      _dossier_store_recover      (const char            *path,
                                           GError               **error);
gboolean      _dossier_store_run_check    (sqlite3               *db,
                                           const char            *path,
                                           gboolean               full,
                                           GCancellable          *cancellable,
                                           GError               **error);
void          _dossier_store_set_damaged  (const char            *path,
                                           int                    rc,
                                           GError               **error);

/* The schema's migrations, and whether a file's tables are ours (dossier-store-schema.c). */
gboolean      _dossier_store_run_migrations (DossierStore        *self,
                                           int                    from,
                                           GError               **error);
gboolean      _dossier_store_schema_is_ours (sqlite3             *db,
                                           int                    version);

/* Statements: prepared once per connection and kept until it closes. */
sqlite3_stmt *_dossier_store_prepare      (DossierStore          *self,
                                           const char            *sql,
                                           GError               **error);
gboolean      _dossier_store_exec         (DossierStore          *self,
                                           const char            *sql,
                                           GError               **error);
GArray       *_dossier_store_collect_ids  (DossierStore          *self,
                                           sqlite3_stmt          *stmt,
                                           GError               **error);
gboolean      _dossier_store_step_done    (DossierStore          *self,
                                           sqlite3_stmt          *stmt,
                                           GError               **error);
void          _dossier_store_set_error    (DossierStore          *self,
                                           GError               **error);

/* Codes (dossier-store-codes.c), the audit log (dossier-store-audit.c) and vocabularies
 * (dossier-vocab.c), as every write uses them. */
char         *_dossier_store_next_code    (DossierStore          *self,
                                           const char            *prefix,
                                           int                    digits,
                                           GError               **error);
gboolean      _dossier_store_set_code_counter (DossierStore      *self,
                                           const char            *prefix,
                                           gint64                 next,
                                           GError               **error);
gboolean      _dossier_store_audit        (DossierStore          *self,
                                           const char            *action,
                                           const char            *entity,
                                           const char            *entity_uuid,
                                           const char            *field,
                                           const char            *old_value,
                                           const char            *new_value,
                                           GError               **error);
void          _dossier_store_set_auditing (DossierStore          *self,
                                           gboolean               auditing);
gboolean      _dossier_store_clear_vocabulary (DossierStore      *self,
                                           GError               **error);

/* The JSON interchange: the dossier's own record as written, and records that refer to
 * others of their own kind. */
gboolean      _dossier_store_replace_info (DossierStore          *self,
                                           const char            *uuid,
                                           const char            *created_at,
                                           const char            *updated_at,
                                           const char            *title,
                                           const char            *mandate,
                                           const char            *period,
                                           const char            *default_lang,
                                           GError               **error);
gboolean      _dossier_store_set_reference (DossierStore         *self,
                                           const char            *table,
                                           const char            *column,
                                           gint64                 id,
                                           gint64                 ref_id,
                                           GError               **error);

G_END_DECLS
