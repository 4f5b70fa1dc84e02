/* dossier-custody.c: the hash-chained custody log of evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each event's hash covers the previous event's hash, the item's own SHA-256 and the event's
 * fields; the first event chains from the item's SHA-256, and the item keeps the newest
 * hash (custody_head). Editing, inserting, reordering or deleting events, or moving them to
 * another item, breaks the chain.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <nettle/sha2.h>
#include <string.h>

#include "dossier-custody.h"
#include "dossier-digest.h"
#include "dossier-store-private.h"

/**
 * dossier_custody_event_hash:
 *
 * Returns: (transfer full): the lowercase hex SHA-256 of one custody event
 */
char *
dossier_custody_event_hash (const char *prev_hash,
                            const char *uuid,
                            const char *evidence_sha256,
                            const char *at,
                            const char *user,
                            const char *action,
                            const char *details)
{
  const char *parts[] = { prev_hash, uuid, evidence_sha256, at, user, action, details };
  struct sha256_ctx ctx;
  guint8 digest[SHA256_DIGEST_SIZE];

  sha256_init (&ctx);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const char *p = parts[i] ? parts[i] : "";
      /* Length-prefixed, so that no two different events hash the same text. */
      char len[24];
      int n = g_snprintf (len, sizeof len, "%zu:", strlen (p));

      sha256_update (&ctx, n, (const guint8 *) len);
      sha256_update (&ctx, strlen (p), (const guint8 *) p);
    }
  sha256_digest (&ctx, sizeof digest, digest);
  return dossier_hex_encode (digest, sizeof digest);
}

/**
 * dossier_custody_append:
 * @store: a #DossierStore
 * @evidence_id: the item
 * @action: what was done (ingested, viewed, exported, verified, linked …)
 * @details: (nullable): free text
 * @error: return location for a #GError
 *
 * Appends one event to the item's custody log, by the store's user, at the current UTC time.
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_custody_append (DossierStore  *store,
                        gint64         evidence_id,
                        const char    *action,
                        const char    *details,
                        GError       **error)
{
  g_autofree char *sha = NULL;
  g_autofree char *head = NULL;
  g_autofree char *uuid = dossier_new_uuid ();
  g_autofree char *now = dossier_now_iso8601 ();
  g_autofree char *hash = NULL;
  const char *prev;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  if (!dossier_store_begin (store, error))
    return FALSE;

  stmt = _dossier_store_prepare (store, "SELECT sha256, custody_head FROM evidence WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error_literal (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                           _("This evidence item is not in this dossier"));
      goto fail;
    }
  sha = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  head = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);

  prev = (head && *head) ? head : sha;
  hash = dossier_custody_event_hash (prev, uuid, sha, now, dossier_store_get_user (store),
                                     action, details ? details : "");

  stmt = _dossier_store_prepare (store,
                                 "INSERT INTO custody_event (uuid, created_at, updated_at, evidence_id, at, "
                                 "user, action, details, prev_hash, hash) "
                                 "VALUES (?1, ?2, ?2, ?3, ?2, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, evidence_id);
  sqlite3_bind_text (stmt, 4, dossier_store_get_user (store), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, details ? details : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, prev, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, hash, -1, SQLITE_STATIC);
  if (!_dossier_store_step_done (store, stmt, error))
    goto fail;

  stmt = _dossier_store_prepare (store, "UPDATE evidence SET custody_head = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, evidence_id);
  if (!_dossier_store_step_done (store, stmt, error))
    goto fail;

  return dossier_store_commit (store, error);

fail:
  dossier_store_rollback (store);
  return FALSE;
}

gboolean
dossier_custody_check_chain (DossierStore  *store,
                             gint64         evidence_id,
                             gboolean      *intact,
                             char         **reason,
                             GError       **error)
{
  g_autofree char *sha = NULL;
  g_autofree char *head = NULL;
  g_autofree char *prev = NULL;
  sqlite3_stmt *stmt;
  guint n = 0;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (intact != NULL && reason != NULL, FALSE);

  *intact = FALSE;
  *reason = NULL;

  stmt = _dossier_store_prepare (store, "SELECT sha256, custody_head FROM evidence WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error_literal (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                           _("This evidence item is not in this dossier"));
      return FALSE;
    }
  sha = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  head = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);

  prev = g_strdup (sha);
  stmt = _dossier_store_prepare (store,
                                 "SELECT uuid, at, user, action, details, prev_hash, hash "
                                 "FROM custody_event WHERE evidence_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
#define COL(i) ((const char *) sqlite3_column_text (stmt, i))
      g_autofree char *expected = dossier_custody_event_hash (prev, COL (0), sha, COL (1), COL (2),
                                                              COL (3), COL (4));
      n++;
      if (g_strcmp0 (COL (5), prev) != 0)
        {
          /* Translators: %u is the position of an event in the custody log */
          *reason = g_strdup_printf (_("custody event %u does not follow the one before it"), n);
          break;
        }
      if (g_strcmp0 (COL (6), expected) != 0)
        {
          *reason = g_strdup_printf (_("custody event %u was altered"), n);
          break;
        }
      g_free (prev);
      prev = g_strdup (COL (6));
#undef COL
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _dossier_store_set_error (store, error);
      return FALSE;
    }

  if (*reason == NULL)
    {
      if (n == 0 && head && *head)
        *reason = g_strdup (_("the custody log was deleted"));
      else if (n > 0 && g_strcmp0 (head, prev) != 0)
        *reason = g_strdup (_("the last custody events were deleted or the log was replaced"));
      else
        *intact = TRUE;
    }
  return TRUE;
}
