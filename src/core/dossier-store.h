/* dossier-store.h: one dossier file, open or created
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

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

gboolean      dossier_store_is_checked    (DossierStore          *self);
gboolean      dossier_store_check_integrity (DossierStore        *self,
                                           GCancellable          *cancellable,
                                           GError               **error);
gboolean      dossier_store_check_integrity_full (DossierStore   *self,
                                           GCancellable          *cancellable,
                                           GError               **error);
GHashTable   *dossier_store_list_code_counters (DossierStore     *self,
                                           GError               **error);

char         *dossier_now_iso8601         (void);
char         *dossier_new_uuid            (void);
int           dossier_compare_strings     (gconstpointer          a,
                                           gconstpointer          b);
int           dossier_compare_ids         (gconstpointer          a,
                                           gconstpointer          b);

G_END_DECLS
