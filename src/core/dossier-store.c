/* dossier-store.c: one dossier file, open or created
 *
 * The store is the connection to a dossier: opening and creating the file, its statements,
 * transactions and errors. What a file must be before it is used is dossier-store-check.c's,
 * its schema dossier-store-schema.c's, codes and the audit log have files of their own;
 * they share dossier-store-private.h. What a dossier holds is written above the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dossier-store-private.h"
#include "dossier-digest.h"
#include "dossier-format.h"

G_DEFINE_FINAL_TYPE (DossierStore, dossier_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (dossier-store-error-quark, dossier_store_error)

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
dossier_store_finalize (GObject *object)
{
  DossierStore *self = DOSSIER_STORE (object);

  dossier_store_close (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->user, g_free);

  G_OBJECT_CLASS (dossier_store_parent_class)->finalize (object);
}

static void
dossier_store_class_init (DossierStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_store_finalize;
}

static void
dossier_store_init (DossierStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->user = g_strdup (g_get_user_name ());
}

char *
dossier_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return dossier_format_iso8601 (now);
}

/* For g_ptr_array_sort() of strings: it passes pointers to the elements. */
int
dossier_compare_strings (gconstpointer a,
                         gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* For g_array_sort() and bsearch() of gint64 ids. */
int
dossier_compare_ids (gconstpointer a,
                     gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* A version 4 uuid from the kernel's random source. Not g_uuid_string_random(): its
 * generator is seeded once per process, so forked writers would make the same uuids. */
char *
dossier_new_uuid (void)
{
  guint8 b[16];

  if (getrandom (b, sizeof b, 0) != sizeof b)
    return g_uuid_string_random ();
  return dossier_format_uuid (b);
}

void
_dossier_store_set_error (DossierStore  *self,
                          GError       **error)
{
  int code = sqlite3_extended_errcode (self->db);
  int domain_code;

  switch (code & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      domain_code = DOSSIER_STORE_ERROR_CORRUPT;
      break;
    case SQLITE_READONLY:
      domain_code = DOSSIER_STORE_ERROR_READ_ONLY;
      break;
    case SQLITE_CONSTRAINT:
      domain_code = DOSSIER_STORE_ERROR_INVALID;
      break;
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
      domain_code = DOSSIER_STORE_ERROR_IO;
      break;
    default:
      domain_code = DOSSIER_STORE_ERROR_FAILED;
    }

  if (code == SQLITE_FULL)
    g_set_error (error, DOSSIER_STORE_ERROR, domain_code,
                 _("The disk is full: the change was not saved"));
  else
    {
      /* SQLite quotes the file's own bytes (a damaged schema's names): a GError is UTF-8. */
      g_autofree char *message = g_utf8_make_valid (sqlite3_errmsg (self->db), -1);

      /* Translators: %s is SQLite's own message, in English */
      g_set_error (error, DOSSIER_STORE_ERROR, domain_code,
                   _("The dossier could not be changed: %s"), message);
    }
}

sqlite3_stmt *
_dossier_store_prepare (DossierStore  *self,
                        const char    *sql,
                        GError       **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      _dossier_store_set_error (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
_dossier_store_exec (DossierStore  *self,
                     const char    *sql,
                     GError       **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      _dossier_store_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* Steps a statement that returns no rows, and resets it. */
/* Steps @stmt through and returns its first column as gint64 ids, or NULL with @error. */
GArray *
_dossier_store_collect_ids (DossierStore  *self,
                            sqlite3_stmt  *stmt,
                            GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _dossier_store_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

gboolean
_dossier_store_step_done (DossierStore  *self,
                          sqlite3_stmt  *stmt,
                          GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _dossier_store_set_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
configure_connection (DossierStore  *self,
                      GError       **error)
{
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, 1);
  /* FULL: a commit reported to the user survives a power cut, not only a crash. */
  return _dossier_store_exec (self,
                              "PRAGMA foreign_keys = ON;"
                              "PRAGMA synchronous = FULL;"
                              "PRAGMA secure_delete = ON;"
                              "PRAGMA cache_size = -16384;"
                              "PRAGMA temp_store = MEMORY;",
                              error);
}

/* Owner-only, whatever it was made with: SQLite gives its -wal and -shm the mode of the
 * dossier itself, and a dossier holds identities. */
static void
make_private (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) == 0 && st.st_uid == getuid () && (st.st_mode & 077) != 0)
    g_chmod (path, st.st_mode & 0700);
}

/**
 * dossier_store_open:
 * @path: a `.dossier` file
 * @flags: how to open it
 * @error: return location for a #DOSSIER_STORE_ERROR
 *
 * Opens an existing dossier, checking first that it is one, that it is not from a newer
 * version, that its tables are ours and that it is intact (the last unless
 * %DOSSIER_STORE_OPEN_NO_CHECK); an older dossier is migrated, in one transaction. Every
 * check is made on a read-only connection: a file that fails them is left exactly as it
 * was, with no -wal or -shm made beside it.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
DossierStore *
dossier_store_open (const char             *path,
                    DossierStoreOpenFlags   flags,
                    GError                **error)
{
  g_autoptr(DossierStore) self = NULL;
  DossierStoreInspection inspection = { DOSSIER_SCHEMA_VERSION, FALSE, FALSE };
  gboolean too_new;
  gboolean writable;
  int oflags;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_dossier_store_check_header (path, &too_new, error))
    return NULL;

  /* A second connection to a file this process has open and has checked needs none of it. */
  if ((flags & DOSSIER_STORE_OPEN_NO_CHECK) == 0)
    {
      if (!_dossier_store_inspect (path, flags, &inspection, error))
        {
          if (!inspection.needs_recovery || !_dossier_store_recover (path, error) || !_dossier_store_inspect (path, flags, &inspection, error))
            return NULL;
          if (inspection.needs_recovery)
            {
              _dossier_store_set_damaged (path, SQLITE_CORRUPT, error);
              return NULL;
            }
        }
      if (inspection.version < DOSSIER_SCHEMA_VERSION && ((flags & DOSSIER_STORE_OPEN_READ_ONLY) != 0 || g_access (path, W_OK) != 0))
        {
          g_autofree char *display = g_filename_display_name (path);
          g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_READ_ONLY,
                       _("“%s” was made by an older version of Dossier and must be opened for writing once to be upgraded"),
                       display);
          return NULL;
        }
    }

  /* A write-protected dossier opens read-only. A read-only store on a file that may be
   * written still opens it read-write, under query_only: SQLite then folds the log into the
   * file and removes -wal and -shm when the last connection closes, which a read-only
   * connection never does. */
  writable = g_access (path, W_OK) == 0;
  self = g_object_new (DOSSIER_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = (flags & DOSSIER_STORE_OPEN_READ_ONLY) != 0 || !writable;
  self->checked = inspection.checked;
  oflags = (writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY) | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2 (path, &self->db, oflags, NULL) != SQLITE_OK)
    {
      g_autofree char *display = g_filename_display_name (path);
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_IO,
                   /* Translators: the first %s is a file name, the second SQLite's reason */
                   _("“%s” cannot be opened: %s"), display,
                   self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return NULL;
    }
  if (!configure_connection (self, error))
    return NULL;
  if (self->read_only)
    return _dossier_store_exec (self, "PRAGMA query_only = ON;", error) ? g_steal_pointer (&self) : NULL;

  if ((flags & DOSSIER_STORE_OPEN_NO_CHECK) == 0)
    {
      make_private (path);
      /* An upgrade rewrites tables and indexes: it is made only in a file whose indexes
       * too are known to match their tables. */
      if (inspection.version < DOSSIER_SCHEMA_VERSION &&
          (!_dossier_store_run_check (self->db, path, TRUE, NULL, error) || !_dossier_store_run_migrations (self, inspection.version, error)))
        return NULL;
      /* A bulk ingestion killed before it could switch back leaves the rollback journal on
       * (see dossier_store_set_bulk_writes()); an open for writing puts WAL back. Alone on
       * the file this takes effect; beside another connection it is already WAL. */
      dossier_store_set_bulk_writes (self, FALSE);
    }
  return g_steal_pointer (&self);
}

/*
 * _dossier_store_create:
 * @path: where the new dossier goes; must not exist
 * @fill: writes what a new dossier starts with, inside the transaction that makes it
 * @user_data: for @fill
 * @error: return location for a #DOSSIER_STORE_ERROR
 *
 * Makes a file with the current schema; what goes into it (the dossier's own record, its
 * vocabularies) is @fill's, which dossier_create() gives: the store knows the connection,
 * not what a dossier holds. The file is built under a temporary name and renamed at the
 * end, so a failure never leaves a half-made dossier at @path.
 *
 * Returns: (transfer full): the opened store, or %NULL with @error set
 */
DossierStore *
_dossier_store_create (const char            *path,
                       DossierStoreFillFunc   fill,
                       gpointer               user_data,
                       GError               **error)
{
  g_autoptr(DossierStore) self = NULL;
  g_autofree char *display = NULL;
  g_autofree char *tmp_path = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (fill != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_EXISTS,
                   _("“%s” already exists"), display);
      return NULL;
    }
  tmp_path = g_strdup_printf ("%s.part-%08x", path, g_random_int ());
  self = g_object_new (DOSSIER_TYPE_STORE, NULL);
  self->path = g_strdup (tmp_path);

  /* Made owner-only before SQLite writes a byte into it, whatever the umask: SQLite would
   * make it 0644, and gives its -wal and -shm the dossier's own mode. */
  {
    int fd = g_open (tmp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

    if (fd < 0)
      {
        int saved = errno;
        g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_IO,
                     _("“%s” cannot be created: %s"), display, g_strerror (saved));
        return NULL;
      }
    fchmod (fd, 0600);
    close (fd);
  }

  if (sqlite3_open_v2 (tmp_path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_IO,
                   _("“%s” cannot be created: %s"), display,
                   self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      goto out;
    }

  /* 64 KiB pages: evidence is stored as 1 MiB blobs, which then span 16 pages rather than
   * 256; measured 2.5× faster ingestion than 4 KiB pages in WAL mode. */
  if (!_dossier_store_exec (self, "PRAGMA page_size = 65536; PRAGMA journal_mode = DELETE;", error) ||
      !configure_connection (self, error) ||
      !_dossier_store_run_migrations (self, 0, error))
    goto out;

  if (!dossier_store_begin (self, error))
    goto out;
  if (!fill (self, user_data, error) ||
      !dossier_store_commit (self, error))
    {
      dossier_store_rollback (self);
      goto out;
    }

  ok = TRUE;

out:
  dossier_store_close (self);
  if (!ok)
    {
      g_unlink (tmp_path);
      return NULL;
    }
  if (g_rename (tmp_path, path) != 0)
    {
      int saved = errno;
      g_unlink (tmp_path);
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_IO,
                   _("“%s” cannot be created: %s"), display, g_strerror (saved));
      return NULL;
    }

  g_clear_object (&self);
  self = dossier_store_open (path, DOSSIER_STORE_OPEN_DEFAULT, error);
  if (self == NULL)
    return NULL;
  if (!_dossier_store_exec (self, "PRAGMA journal_mode = WAL;", error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * dossier_store_close:
 * @self: a #DossierStore
 *
 * Closes the database; the object stays valid but can no longer be used. Called by
 * finalize; call it earlier to release the file (for instance before renaming it).
 */
void
dossier_store_close (DossierStore *self)
{
  g_return_if_fail (DOSSIER_IS_STORE (self));

  g_hash_table_remove_all (self->statements);
  if (self->db != NULL)
    {
      /* The file alone holds everything once it is let go, even when another connection
       * (a worker's reader) keeps the log open: a copy of just NAME.dossier is whole. */
      dossier_store_checkpoint (self);
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
}

/**
 * dossier_store_checkpoint:
 * @self: a #DossierStore
 *
 * Folds the write-ahead log into the dossier file and empties it, so that the `.dossier`
 * file alone holds every committed change: called whenever the application or the command
 * line lets go of a dossier, by whatever path. Does nothing on a read-only store or inside
 * a transaction. SQLite does the same when the last connection closes, but a process that
 * quits while a reader is open, or without closing, would leave the changes in `-wal`.
 *
 * Returns: %TRUE if the log is now empty
 */
gboolean
dossier_store_checkpoint (DossierStore *self)
{
  int log = -1, done = -1;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);

  if (self->db == NULL || self->read_only || self->depth > 0)
    return FALSE;
  return sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &log, &done) == SQLITE_OK &&
         log == done;
}

/**
 * dossier_store_open_reader:
 * @self: an open dossier
 * @error: return location for a #GError
 *
 * Opens the same dossier again, read-only and without checking it again: a connection
 * for a worker thread (SQLite connections are used by one thread at a time).
 *
 * Returns: (transfer full) (nullable): the new connection
 */
DossierStore *
dossier_store_open_reader (DossierStore  *self,
                           GError       **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);
  return dossier_store_open (dossier_store_get_path (self), DOSSIER_STORE_OPEN_READ_ONLY | DOSSIER_STORE_OPEN_NO_CHECK,
                             error);
}

const char *
dossier_store_get_path (DossierStore *self)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);
  return self->path;
}

gboolean
dossier_store_is_read_only (DossierStore *self)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), TRUE);
  return self->read_only;
}

sqlite3 *
dossier_store_get_db (DossierStore *self)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);
  return self->db;
}

/**
 * dossier_store_set_user:
 * @self: a #DossierStore
 * @user: (nullable): the investigator's name, recorded in the audit and custody logs
 */
void
dossier_store_set_user (DossierStore *self,
                        const char   *user)
{
  g_return_if_fail (DOSSIER_IS_STORE (self));

  g_free (self->user);
  self->user = g_strdup (user && *user ? user : g_get_user_name ());
}

const char *
dossier_store_get_user (DossierStore *self)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);
  return self->user;
}

/**
 * dossier_store_begin:
 * @self: a #DossierStore
 * @error: return location for a #GError
 *
 * Starts a transaction, or a nested savepoint inside the current one. Every begin is
 * matched by exactly one dossier_store_commit() or dossier_store_rollback().
 *
 * Returns: %TRUE on success
 */
/**
 * dossier_store_set_bulk_writes:
 * @self: a #DossierStore open for writing, outside any transaction
 * @bulk: %TRUE before writing much (evidence bytes), %FALSE after
 *
 * In WAL mode SQLite writes every byte twice: to the log, then into the file. For a large
 * ingestion, a rollback journal writes new pages once (measured: 1 GiB of evidence in 1.2 s
 * rather than 6.5 s), and is as safe with synchronous = FULL. SQLite changes mode only for
 * a connection that is alone on the file: when another is open (the app's readers), this
 * does nothing and returns %FALSE. With %FALSE the dossier goes back to WAL.
 *
 * Returns: whether bulk writes are on
 */
gboolean
dossier_store_set_bulk_writes (DossierStore *self,
                               gboolean      bulk)
{
  sqlite3_stmt *stmt;
  gboolean on = FALSE;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);
  if (self->read_only || self->depth > 0)
    return FALSE;
  if (sqlite3_prepare_v2 (self->db, bulk ? "PRAGMA journal_mode = DELETE;" : "PRAGMA journal_mode = WAL;", -1, &stmt,
                          NULL) != SQLITE_OK)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    on = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "delete") == 0;
  sqlite3_finalize (stmt);
  return on;
}

gboolean
dossier_store_begin (DossierStore  *self,
                     GError       **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);

  if (self->read_only)
    {
      g_set_error_literal (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_READ_ONLY,
                           _("The dossier is open read-only"));
      return FALSE;
    }

  sql = self->depth == 0 ? g_strdup ("BEGIN IMMEDIATE;")
                         : g_strdup_printf ("SAVEPOINT sp%u;", self->depth);
  if (!_dossier_store_exec (self, sql, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

gboolean
dossier_store_commit (DossierStore  *self,
                      GError       **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  sql = self->depth == 1 ? g_strdup ("COMMIT;")
                         : g_strdup_printf ("RELEASE sp%u;", self->depth - 1);
  if (!_dossier_store_exec (self, sql, error))
    {
      dossier_store_rollback (self);
      return FALSE;
    }
  self->depth--;
  return TRUE;
}

void
dossier_store_rollback (DossierStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (DOSSIER_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    sql = g_strdup ("ROLLBACK;");
  else
    sql = g_strdup_printf ("ROLLBACK TO sp%u; RELEASE sp%u;", self->depth - 1, self->depth - 1);
  /* A failed COMMIT may already have ended the transaction: nothing more to undo then. */
  if (sqlite3_get_autocommit (self->db) == 0)
    sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  self->depth--;
}

/* ---------------------------------------------------------------- importers */

/* Importers only: sets a reference column of a row already inserted. An actor's parent may
 * come after it in an imported list; inserting every actor first and setting the parents
 * afterwards keeps the list's order, and so the ids, without touching updated_at or the
 * audit log as dossier_store_update() would. @table and @column come from the record
 * descriptions, never from the document. */
gboolean
_dossier_store_set_reference (DossierStore  *self,
                              const char    *table,
                              const char    *column,
                              gint64         id,
                              gint64         ref_id,
                              GError       **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);
  g_return_val_if_fail (table != NULL && column != NULL, FALSE);

  sql = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE id = ?2", table, column);
  stmt = _dossier_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ref_id);
  sqlite3_bind_int64 (stmt, 2, id);
  return _dossier_store_step_done (self, stmt, error);
}

/**
 * dossier_store_remove_files:
 * @path: a dossier file
 *
 * Deletes a dossier and the files SQLite keeps beside it (-wal, -shm, -journal), for a
 * dossier that was being made and failed: none is left half-written. Close it first.
 */
void
dossier_store_remove_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_return_if_fail (path != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}
