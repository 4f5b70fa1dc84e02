/* dossier-store.h: one dossier file, open or created
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define DOSSIER_STORE_ERROR (dossier_store_error_quark ())

typedef enum {
  DOSSIER_STORE_ERROR_NOT_FOUND,      /* no such file, or no such record */
  DOSSIER_STORE_ERROR_EXISTS,         /* creating over an existing file */
  DOSSIER_STORE_ERROR_NOT_A_DOSSIER,  /* empty, not SQLite, another application's database */
  DOSSIER_STORE_ERROR_CORRUPT,        /* truncated or damaged */
  DOSSIER_STORE_ERROR_TOO_NEW,        /* made by a newer version of Dossier */
  DOSSIER_STORE_ERROR_READ_ONLY,
  DOSSIER_STORE_ERROR_INVALID,        /* a value the dossier cannot hold */
  DOSSIER_STORE_ERROR_IO,
  DOSSIER_STORE_ERROR_FAILED,         /* any other SQLite failure */
} DossierStoreError;

typedef enum {
  DOSSIER_STORE_OPEN_DEFAULT   = 0,
  DOSSIER_STORE_OPEN_READ_ONLY = 1 << 0,
  /* A second connection to a file this process already has open (and has checked, or is
   * checking): skips the full quick_check, which would read the whole file again. */
  DOSSIER_STORE_OPEN_NO_CHECK  = 1 << 1,
} DossierStoreOpenFlags;

/* "DOSS" */
#define DOSSIER_APPLICATION_ID 0x444F5353
#define DOSSIER_SCHEMA_VERSION 8

#define DOSSIER_TYPE_STORE (dossier_store_get_type ())
G_DECLARE_FINAL_TYPE (DossierStore, dossier_store, DOSSIER, STORE, GObject)

GQuark        dossier_store_error_quark   (void);

DossierStore *dossier_store_create        (const char            *path,
                                           const char            *title,
                                           GError               **error);
DossierStore *dossier_store_create_described (const char         *path,
                                           const char            *title,
                                           const char            *mandate,
                                           const char            *period,
                                           const char            *default_lang,
                                           GError               **error);
DossierStore *dossier_store_open          (const char            *path,
                                           DossierStoreOpenFlags  flags,
                                           GError               **error);
void          dossier_store_close         (DossierStore          *self);
gboolean      dossier_store_checkpoint    (DossierStore          *self);
void          dossier_store_remove_files  (const char            *path);

const char   *dossier_store_get_path      (DossierStore          *self);
DossierStore  *dossier_store_open_reader (DossierStore  *self,
                                          GError       **error);
gboolean      dossier_store_is_read_only  (DossierStore          *self);
sqlite3      *dossier_store_get_db        (DossierStore          *self);

void          dossier_store_set_user      (DossierStore          *self,
                                           const char            *user);
const char   *dossier_store_get_user      (DossierStore          *self);

/* Transactions nest (savepoints inside one BEGIN IMMEDIATE): every public call that writes
 * wraps itself, so a batch can wrap many calls into one transaction. */
gboolean      dossier_store_set_bulk_writes (DossierStore         *self,
                                           gboolean              bulk);
gboolean      dossier_store_begin         (DossierStore          *self,
                                           GError               **error);
gboolean      dossier_store_commit        (DossierStore          *self,
                                           GError               **error);
void          dossier_store_rollback      (DossierStore          *self);

/* The dossier's own record. */
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

gboolean      dossier_store_is_checked    (DossierStore          *self);
gboolean      dossier_store_check_integrity (DossierStore        *self,
                                           GCancellable          *cancellable,
                                           GError               **error);
gboolean      dossier_store_check_integrity_full (DossierStore   *self,
                                           GCancellable          *cancellable,
                                           GError               **error);
gboolean      dossier_store_get_dates     (DossierStore          *self,
                                           char                 **created_at,
                                           char                 **updated_at);
GHashTable   *dossier_store_list_code_counters (DossierStore     *self,
                                           GError               **error);

/* Internal helpers shared by the rest of core and the importers. */
gboolean      _dossier_store_replace_info (DossierStore          *self,
                                           const char            *uuid,
                                           const char            *created_at,
                                           const char            *updated_at,
                                           const char            *title,
                                           const char            *mandate,
                                           const char            *period,
                                           const char            *default_lang,
                                           GError               **error);
gboolean      _dossier_store_set_code_counter (DossierStore      *self,
                                           const char            *prefix,
                                           gint64                 next,
                                           GError               **error);
gboolean      _dossier_store_clear_vocabulary (DossierStore      *self,
                                           GError               **error);
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
char         *_dossier_store_next_code    (DossierStore          *self,
                                           const char            *prefix,
                                           int                    digits,
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
gboolean      _dossier_store_check_vocab  (DossierStore          *self,
                                           const char            *scheme,
                                           const char            *code,
                                           GError               **error);

char         *dossier_now_iso8601         (void);
char         *dossier_new_uuid            (void);
int           dossier_compare_strings     (gconstpointer          a,
                                           gconstpointer          b);
int           dossier_compare_ids         (gconstpointer          a,
                                           gconstpointer          b);

/* Importers only (JSON interchange): records that refer to others of their own kind. */
gboolean      _dossier_store_set_reference (DossierStore         *self,
                                           const char            *table,
                                           const char            *column,
                                           gint64                 id,
                                           gint64                 ref_id,
                                           GError               **error);

G_END_DECLS
