/* dossier-info.c: creating a dossier, and the dossier's own record
 *
 * A dossier is more than its file: it starts with its own record (what the inquiry is
 * about, in which language its annexes are written) and with the bundled vocabularies,
 * which every record's codes must belong to. Making one is therefore above the store,
 * which only knows the connection: the store makes the file and its schema, and calls
 * back here, inside the same transaction, to fill it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-edtf.h"
#include "dossier-info.h"
#include "dossier-record.h"
#include "dossier-store-private.h"
#include "dossier-vocab.h"

typedef struct {
  const char *title;
  const char *mandate;
  const char *period;
  const char *default_lang;
} Description;

/* Runs inside the transaction that makes the file: a dossier is never made half
 * described, nor without its vocabularies. */
static gboolean
fill_new_dossier (DossierStore  *store,
                  gpointer       user_data,
                  GError       **error)
{
  const Description *d = user_data;
  g_autofree char *now = NULL;
  g_autofree char *uuid = NULL;
  sqlite3_stmt *stmt;

  if (!dossier_record_check_text ("dossier", "title", d->title, error) ||
      !dossier_record_check_text ("dossier", "mandate", d->mandate, error))
    return FALSE;
  if (d->period != NULL && *d->period != '\0' && !dossier_edtf_validate (d->period, error))
    return FALSE;
  if (g_strcmp0 (d->default_lang, "fr") != 0 && g_strcmp0 (d->default_lang, "en") != 0)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                   _("The dossier's language must be “fr” or “en”"));
      return FALSE;
    }

  now = dossier_now_iso8601 ();
  uuid = dossier_new_uuid ();
  stmt = _dossier_store_prepare (store,
                                 "INSERT INTO dossier (id, uuid, created_at, updated_at, title, mandate, period, default_lang) "
                                 "VALUES (1, ?1, ?2, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, d->title ? d->title : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, d->mandate ? d->mandate : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, d->period ? d->period : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, d->default_lang, -1, SQLITE_TRANSIENT);
  return _dossier_store_step_done (store, stmt, error) &&
         dossier_vocab_load_bundled (store, error);
}

/**
 * dossier_create:
 * @path: where the new dossier goes; must not exist
 * @title: (nullable): the dossier's title
 * @error: return location for a #DOSSIER_STORE_ERROR
 *
 * Creates a dossier with the current schema and the bundled vocabularies. The file is built
 * under a temporary name and renamed at the end, so a failure never leaves a half-made
 * dossier at @path.
 *
 * Returns: (transfer full): the opened store, or %NULL with @error set
 */
DossierStore *
dossier_create (const char  *path,
                const char  *title,
                GError     **error)
{
  return dossier_create_described (path, title, "", "", "fr", error);
}

/**
 * dossier_create_described:
 * @path: where the new dossier goes; must not exist
 * @title: the dossier's title
 * @mandate: what the inquiry was asked to do, or ""
 * @period: the period it covers, as EDTF ("2012/2023"), or ""
 * @default_lang: "fr" or "en", the language of its annexes unless another is asked for
 * @error: return location for a #DOSSIER_STORE_ERROR
 *
 * As dossier_create(), with what the cover of its annexes says, written in the same
 * transaction: a dossier is never made half described.
 *
 * Returns: (transfer full): the opened store, or %NULL with @error set
 */
DossierStore *
dossier_create_described (const char  *path,
                          const char  *title,
                          const char  *mandate,
                          const char  *period,
                          const char  *default_lang,
                          GError     **error)
{
  Description d = { title, mandate, period, default_lang };

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _dossier_store_create (path, fill_new_dossier, &d, error);
}

char *
dossier_store_get_title (DossierStore *self)
{
  char *title = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  if (!dossier_store_get_info (self, NULL, &title, NULL, NULL, NULL, NULL))
    return g_strdup ("");
  return title;
}

gboolean
dossier_store_get_info (DossierStore  *self,
                        char         **uuid,
                        char         **title,
                        char         **mandate,
                        char         **period,
                        char         **default_lang,
                        GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);

  stmt = _dossier_store_prepare (self,
                                 "SELECT uuid, title, mandate, period, default_lang FROM dossier WHERE id = 1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error_literal (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_CORRUPT,
                           _("The dossier has no title record"));
      return FALSE;
    }
#define TAKE(ptr, col) if (ptr) *ptr = g_strdup ((const char *) sqlite3_column_text (stmt, col))
  TAKE (uuid, 0);
  TAKE (title, 1);
  TAKE (mandate, 2);
  TAKE (period, 3);
  TAKE (default_lang, 4);
#undef TAKE
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * dossier_store_set_info:
 * @self: a #DossierStore
 * @field: one of “title”, “mandate”, “period”, “default_lang”
 * @value: the new value
 * @error: return location for a #GError
 *
 * Changes one field of the dossier's own record, with an audit entry.
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_store_set_info (DossierStore  *self,
                        const char    *field,
                        const char    *value,
                        GError       **error)
{
  static const char * const fields[] = { "title", "mandate", "period", "default_lang" };
  g_autofree char *uuid = NULL;
  g_autofree char *old = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *now = dossier_now_iso8601 ();
  sqlite3_stmt *stmt;
  gboolean known = FALSE;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);
  g_return_val_if_fail (field != NULL && value != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    known |= g_str_equal (field, fields[i]);
  if (!known)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                   _("The dossier has no field “%s”"), field);
      return FALSE;
    }
  if (g_str_equal (field, "default_lang") && !g_str_equal (value, "fr") && !g_str_equal (value, "en"))
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                   _("The dossier's language must be “fr” or “en”"));
      return FALSE;
    }
  if (!dossier_record_check_text ("dossier", field, value, error))
    return FALSE;

  if (!dossier_store_begin (self, error))
    return FALSE;

  sql = g_strdup_printf ("SELECT uuid, %s FROM dossier WHERE id = 1", field);
  stmt = _dossier_store_prepare (self, sql, error);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    goto fail;
  uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  old = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);
  g_clear_pointer (&sql, g_free);

  sql = g_strdup_printf ("UPDATE dossier SET %s = ?1, updated_at = ?2 WHERE id = 1", field);
  stmt = _dossier_store_prepare (self, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  if (!_dossier_store_step_done (self, stmt, error) ||
      !_dossier_store_audit (self, "update", "dossier", uuid, field, old, value, error))
    goto fail;

  return dossier_store_commit (self, error);

fail:
  if (error && *error == NULL)
    _dossier_store_set_error (self, error);
  dossier_store_rollback (self);
  return FALSE;
}

/**
 * dossier_store_count:
 * @self: a #DossierStore
 * @counts: (out caller-allocates): the counts
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_store_count (DossierStore        *self,
                     DossierStoreCounts  *counts,
                     GError             **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  stmt = _dossier_store_prepare (self,
                                 "SELECT (SELECT count(*) FROM incident), (SELECT count(*) FROM person), "
                                 "(SELECT count(*) FROM testimony), (SELECT count(*) FROM evidence), "
                                 "(SELECT count(*) FROM actor)", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _dossier_store_set_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  counts->incidents = sqlite3_column_int64 (stmt, 0);
  counts->people = sqlite3_column_int64 (stmt, 1);
  counts->testimonies = sqlite3_column_int64 (stmt, 2);
  counts->evidence = sqlite3_column_int64 (stmt, 3);
  counts->actors = sqlite3_column_int64 (stmt, 4);
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * dossier_store_get_dates:
 * @self: a #DossierStore
 * @created_at: (out) (transfer full): when the dossier was created
 * @updated_at: (out) (transfer full): when its own record last changed
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_store_get_dates (DossierStore  *self,
                         char         **created_at,
                         char         **updated_at)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);

  stmt = _dossier_store_prepare (self, "SELECT created_at, updated_at FROM dossier WHERE id = 1", NULL);
  if (stmt == NULL)
    return FALSE;
  ok = sqlite3_step (stmt) == SQLITE_ROW;
  if (ok)
    {
      *created_at = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *updated_at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  return ok;
}

/* Importers only: replaces the dossier's own record as a whole, keeping the given uuid
 * and dates. */
gboolean
_dossier_store_replace_info (DossierStore  *self,
                             const char    *uuid,
                             const char    *created_at,
                             const char    *updated_at,
                             const char    *title,
                             const char    *mandate,
                             const char    *period,
                             const char    *default_lang,
                             GError       **error)
{
  sqlite3_stmt *stmt;

  if (!dossier_record_check_text ("dossier", "title", title, error) ||
      !dossier_record_check_text ("dossier", "mandate", mandate, error) ||
      !dossier_record_check_text ("dossier", "period", period, error))
    return FALSE;
  stmt = _dossier_store_prepare (self,
                                 "UPDATE dossier SET uuid = ?1, created_at = ?2, updated_at = ?3, title = ?4, "
                                 "mandate = ?5, period = ?6, default_lang = ?7 WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, created_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, updated_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, mandate, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, period, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, default_lang, -1, SQLITE_STATIC);
  return _dossier_store_step_done (self, stmt, error);
}
