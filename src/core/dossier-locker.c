/* dossier-locker.c: evidence bytes: ingest, extract, verify
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An item's bytes are hashed once, at ingestion, while they are streamed into the dossier
 * in 1 MiB chunks; they are never changed afterwards (triggers refuse it), and every later
 * handling appends to the item's custody chain. A reader thread reads and hashes the file
 * while the calling thread writes chunks, so hashing overlaps writing instead of adding to it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <nettle/sha2.h>
#include <string.h>

#include <glib/gstdio.h>

#include "dossier-atomic-file.h"
#include "dossier-custody.h"
#include "dossier-digest.h"
#include "dossier-evidence.h"
#include "dossier-format.h"
#include "dossier-locker.h"
#include "dossier-record.h"
#include "dossier-store-private.h"
#include "dossier-record-private.h"
#include "dossier-evidence-private.h"

#define QUEUE_DEPTH 4

void
dossier_ingest_result_free (DossierIngestResult *result)
{
  if (result == NULL)
    return;
  g_free (result->code);
  g_free (result->sha256);
  g_free (result);
}

void
dossier_verify_item_free (DossierVerifyItem *item)
{
  if (item == NULL)
    return;
  g_free (item->code);
  g_free (item->detail);
  g_free (item);
}

static char *
hex_digest (struct sha256_ctx *ctx)
{
  guint8 digest[SHA256_DIGEST_SIZE];

  sha256_digest (ctx, sizeof digest, digest);
  return dossier_hex_encode (digest, sizeof digest);
}

/* The reader thread's side. Chunks travel in `full`; `tokens` bounds how many are in
 * flight, so a 10 GB file never sits in memory. A NULL-data chunk ends the stream. */
typedef struct {
  GFile             *file;
  GCancellable      *cancellable;
  GAsyncQueue       *full;
  GAsyncQueue       *tokens;
  gint               stop;
  GError            *error;
  char              *sha256;
  guint64            size;
} Reader;

static gpointer
reader_thread (gpointer data)
{
  Reader *r = data;
  g_autoptr(GFileInputStream) in = NULL;
  struct sha256_ctx ctx;

  sha256_init (&ctx);
  in = g_file_read (r->file, r->cancellable, &r->error);
  while (in != NULL)
    {
      guint8 *buf;
      gsize n = 0;

      g_async_queue_pop (r->tokens);
      if (g_atomic_int_get (&r->stop))
        break;
      buf = g_malloc (DOSSIER_CHUNK_SIZE);
      if (!g_input_stream_read_all (G_INPUT_STREAM (in), buf, DOSSIER_CHUNK_SIZE, &n,
                                    r->cancellable, &r->error))
        {
          g_free (buf);
          break;
        }
      if (n == 0)
        {
          g_free (buf);
          r->sha256 = hex_digest (&ctx);
          break;
        }
      sha256_update (&ctx, n, buf);
      r->size += n;
      g_async_queue_push (r->full, g_bytes_new_take (buf, n));
      if (n < DOSSIER_CHUNK_SIZE)
        {
          r->sha256 = hex_digest (&ctx);
          break;
        }
    }
  /* The end marker: an empty GBytes. */
  g_async_queue_push (r->full, g_bytes_new (NULL, 0));
  return NULL;
}

/* Streams @file into the chunks of item @id, hashing it in the reader thread as it goes.
 * On success *@sha256 and *@size are the bytes' SHA-256 and length, and *@first (when not
 * NULL) their first chunk. The caller holds the transaction and undoes it on failure. */
static gboolean
pump_file (DossierStore         *store,
           gint64                id,
           GFile                *file,
           guint64               total,
           const char           *name,
           GCancellable         *cancellable,
           DossierProgressFunc   progress,
           gpointer              progress_data,
           char                **sha256,
           guint64              *size,
           GBytes              **first,
           GError              **error)
{
  Reader reader = { 0 };
  sqlite3_stmt *stmt;
  GThread *thread;
  gint64 seq = 0;
  gboolean ok = FALSE;

  reader.file = file;
  reader.cancellable = cancellable;
  reader.full = g_async_queue_new_full ((GDestroyNotify) g_bytes_unref);
  reader.tokens = g_async_queue_new ();
  for (int i = 0; i < QUEUE_DEPTH; i++)
    g_async_queue_push (reader.tokens, GINT_TO_POINTER (1));
  thread = g_thread_new ("dossier-ingest", reader_thread, &reader);

  stmt = _dossier_store_prepare (store, "INSERT INTO evidence_chunk (evidence_id, seq, data) VALUES (?1, ?2, ?3)", error);
  for (;;)
    {
      g_autoptr(GBytes) chunk = g_async_queue_pop (reader.full);

      if (g_bytes_get_size (chunk) == 0)
        break;
      g_async_queue_push (reader.tokens, GINT_TO_POINTER (1));
      if (stmt == NULL)
        continue;   /* drain the reader, which stops at the next token */
      if (first != NULL && *first == NULL)
        *first = g_bytes_ref (chunk);
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, seq++);
      sqlite3_bind_blob (stmt, 3, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk), SQLITE_STATIC);
      if (!_dossier_store_step_done (store, stmt, error))
        {
          stmt = NULL;
          g_atomic_int_set (&reader.stop, 1);
          continue;
        }
      if (progress)
        progress (MIN ((guint64) seq * DOSSIER_CHUNK_SIZE, total), total, progress_data);
    }
  g_atomic_int_set (&reader.stop, 1);
  g_async_queue_push (reader.tokens, GINT_TO_POINTER (1));
  g_thread_join (thread);
  g_async_queue_unref (reader.full);
  g_async_queue_unref (reader.tokens);

  if (stmt == NULL)
    goto out;
  if (reader.error != NULL)
    {
      if (g_error_matches (reader.error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&reader.error));
      else
        {
          /* Translators: the first %s is a file name, the second the system's reason */
          g_set_error (error, G_IO_ERROR, reader.error->code, _("“%s” could not be read: %s"),
                       name, reader.error->message);
        }
      goto out;
    }
  if (reader.sha256 == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;
  if (reader.size != total)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("“%s” changed while it was being read"), name);
      goto out;
    }
  *sha256 = g_steal_pointer (&reader.sha256);
  *size = reader.size;
  ok = TRUE;

out:
  g_free (reader.sha256);
  g_clear_error (&reader.error);
  return ok;
}

static char *
guess_media_type (const char *name,
                  GBytes     *first)
{
  g_autofree char *type = g_content_type_guess (name,
                                                first ? g_bytes_get_data (first, NULL) : NULL,
                                                first ? MIN (g_bytes_get_size (first), 4096) : 0,
                                                NULL);
  char *mime = g_content_type_get_mime_type (type);

  return mime ? mime : g_strdup ("application/octet-stream");
}

static char *
display_basename (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);

  /* File names are bytes in any encoding; what the dossier records must be valid UTF-8. */
  return g_filename_display_name (base ? base : "");
}

/**
 * dossier_locker_ingest:
 * @store: a writable #DossierStore
 * @file: the file to bring in
 * @collection_method: (nullable): a code of the “collection-method” vocabulary
 * @source: (nullable): where it came from
 * @cancellable: (nullable): to stop
 * @progress: (nullable): called after each chunk with bytes done and the file's size
 * @progress_data: for @progress
 * @error: return location for a #GError
 *
 * Brings a file into the dossier as an evidence item, in one transaction: its bytes in
 * 1 MiB chunks, its SHA-256 computed while streaming, its description, and an “ingested”
 * custody event. The same bytes already in the dossier are not stored twice: the result
 * then names the existing item. On any failure, cancellation included, nothing is kept.
 *
 * Returns: (transfer full): the result, or %NULL
 */
DossierIngestResult *
dossier_locker_ingest (DossierStore         *store,
                       GFile                *file,
                       const char           *collection_method,
                       const char           *source,
                       GCancellable         *cancellable,
                       DossierProgressFunc   progress,
                       gpointer              progress_data,
                       GError              **error)
{
  g_autoptr(DossierIngestResult) result = g_new0 (DossierIngestResult, 1);
  g_autoptr(DossierEvidence) evidence = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autofree char *name = display_basename (file);
  g_autofree char *details = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *reader_sha = NULL;
  guint64 reader_size = 0;
  sqlite3_stmt *stmt;
  guint64 total;
  gint64 id = 0, existing = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      /* Translators: %s is a file name */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("“%s” is not a regular file"), name);
      return NULL;
    }
  total = g_file_info_get_size (info);

  if (!dossier_store_begin (store, error))
    return NULL;
  /* Chunks go in before their item: its hash is known only at the end. */
  if (!_dossier_store_exec (store, "PRAGMA defer_foreign_keys = ON;", error))
    {
      dossier_store_rollback (store);
      return NULL;
    }
  stmt = _dossier_store_prepare (store, "SELECT coalesce (max (id), 0) + 1 FROM evidence", error);
  if (stmt == NULL)
    {
      dossier_store_rollback (store);
      return NULL;
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (!pump_file (store, id, file, total, name, cancellable, progress, progress_data,
                  &reader_sha, &reader_size, &first, error))
    goto out;

  stmt = _dossier_store_prepare (store, "SELECT id FROM evidence WHERE sha256 = ?1", error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_text (stmt, 1, reader_sha, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    existing = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (existing > 0)
    {
      g_autoptr(DossierEvidence) old = NULL;

      /* Undo the chunks written, and report the item that already has these bytes. */
      dossier_store_rollback (store);
      old = dossier_store_load (store, DOSSIER_TYPE_EVIDENCE, existing, error);
      if (old == NULL)
        goto done;
      result->evidence_id = existing;
      result->code = g_strdup (dossier_record_get_code (DOSSIER_RECORD (old)));
      result->sha256 = g_steal_pointer (&reader_sha);
      result->size = old->size;
      result->duplicate = TRUE;
      return g_steal_pointer (&result);
    }

  evidence = dossier_evidence_new ();
  today = dossier_format_day (now);
#define SET(field, value) G_STMT_START { g_free (evidence->field); evidence->field = g_strdup (value); } G_STMT_END
  SET (title, name);
  SET (original_name, name);
  SET (sha256, reader_sha);
  SET (acquired_on, today);
  SET (acquired_by, dossier_store_get_user (store));
  SET (source, source ? source : "");
  SET (collection_method, collection_method);
#undef SET
  g_free (evidence->media_type);
  evidence->media_type = guess_media_type (name, first);
  evidence->size = reader_size;
  _dossier_record_set_id (DOSSIER_RECORD (evidence), 0);

  if (!dossier_store_insert (store, DOSSIER_RECORD (evidence), error))
    goto out;
  if (dossier_record_get_id (DOSSIER_RECORD (evidence)) != id)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_FAILED, "evidence id moved");
      goto out;
    }
  /* Translators: custody log details; %s are a file name, a size and a SHA-256 */
  details = g_strdup_printf (_("original file “%s”, %llu bytes, SHA-256 %s"),
                             name, (unsigned long long) reader_size, reader_sha);
  if (!dossier_custody_append (store, id, "ingested", details, error))
    goto out;
  ok = TRUE;

out:
  if (!ok)
    {
      dossier_store_rollback (store);
      goto done;
    }
  if (!dossier_store_commit (store, error))
    goto done;

  result->evidence_id = id;
  result->code = g_strdup (dossier_record_get_code (DOSSIER_RECORD (evidence)));
  result->sha256 = g_steal_pointer (&reader_sha);
  result->size = reader_size;
  return g_steal_pointer (&result);

done:
  return NULL;
}

/**
 * dossier_locker_restore:
 * @store: a writable #DossierStore
 * @evidence_id: an item whose bytes are not in the dossier (one imported from JSON)
 * @file: a file holding exactly those bytes
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Streams @file into the item, which keeps the SHA-256 and size it was recorded with: the
 * bytes go in only if they hash to them, and the restoration is logged in its custody
 * chain. Refused for an item that already has its bytes. Nothing changes on failure.
 *
 * Returns: %TRUE if the item's bytes are now in the dossier
 */
gboolean
dossier_locker_restore (DossierStore  *store,
                        gint64         evidence_id,
                        GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(DossierEvidence) evidence = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *details = NULL;
  sqlite3_stmt *stmt;
  guint64 size = 0;
  gboolean has_bytes;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  evidence = dossier_store_load (store, DOSSIER_TYPE_EVIDENCE, evidence_id, error);
  if (evidence == NULL)
    return FALSE;
  name = display_basename (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return FALSE;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("“%s” is not a regular file"), name);
      return FALSE;
    }
  if ((gint64) g_file_info_get_size (info) != evidence->size)
    {
      /* Translators: %s are a file name and an evidence code */
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_CORRUPT,
                   _("“%s” does not hold the bytes of %s: its size differs"), name, dossier_record_get_code (DOSSIER_RECORD (evidence)));
      return FALSE;
    }

  if (!dossier_store_begin (store, error))
    return FALSE;
  stmt = _dossier_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM evidence_chunk WHERE evidence_id = ?1)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  has_bytes = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (has_bytes)
    {
      /* Translators: %s is an evidence code */
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_FAILED,
                   _("The bytes of %s are already in this dossier"), dossier_record_get_code (DOSSIER_RECORD (evidence)));
      goto fail;
    }
  if (!pump_file (store, evidence_id, file, evidence->size, name, cancellable, NULL, NULL, &sha, &size, NULL, error))
    goto fail;
  if (size != (guint64) evidence->size || g_ascii_strcasecmp (sha, evidence->sha256 ? evidence->sha256 : "") != 0)
    {
      /* Translators: %s are a file name and an evidence code */
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_CORRUPT,
                   _("“%s” does not hold the bytes of %s: its SHA-256 differs"), name, dossier_record_get_code (DOSSIER_RECORD (evidence)));
      goto fail;
    }
  /* Translators: custody log details; %s are a file name and a SHA-256 */
  details = g_strdup_printf (_("bytes restored from “%s”, SHA-256 %s checked"), name, sha);
  if (!dossier_custody_append (store, evidence_id, "restored", details, error))
    goto fail;
  return dossier_store_commit (store, error);

fail:
  dossier_store_rollback (store);
  return FALSE;
}

/* Streams an item's chunks in order to @func, checking that the sequence is whole and
 * hashing as it goes. Sets *@sha256 (NULL when the item has no bytes at all). */
typedef gboolean (*ChunkFunc) (const guint8 *data, gsize len, gpointer user_data, GError **error);

static gboolean
stream_chunks (DossierStore  *store,
               gint64         evidence_id,
               ChunkFunc      func,
               gpointer       user_data,
               char         **sha256,
               guint64       *size,
               gboolean      *gap,
               GCancellable  *cancellable,
               GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  struct sha256_ctx ctx;
  gint64 expected = 0;
  int rc;

  *sha256 = NULL;
  *size = 0;
  *gap = FALSE;
  sha256_init (&ctx);

  /* Its own statement: the caller may be iterating over items with the cached ones. */
  if (sqlite3_prepare_v2 (dossier_store_get_db (store),
                          "SELECT seq, data FROM evidence_chunk WHERE evidence_id = ?1 ORDER BY seq",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _dossier_store_set_error (store, error);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const guint8 *data = sqlite3_column_blob (stmt, 1);
      gsize len = sqlite3_column_bytes (stmt, 1);

      if (sqlite3_column_int64 (stmt, 0) != expected++)
        *gap = TRUE;
      sha256_update (&ctx, len, data);
      *size += len;
      if ((func && !func (data, len, user_data, error)) ||
          g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  if (rc != SQLITE_DONE)
    {
      _dossier_store_set_error (store, error);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  if (expected > 0)
    *sha256 = hex_digest (&ctx);
  else
    *sha256 = NULL;
  return TRUE;
}

static gboolean
write_chunk (const guint8  *data,
             gsize          len,
             gpointer       user_data,
             GError       **error)
{
  return g_output_stream_write_all (user_data, data, len, NULL, NULL, error);
}

static gboolean
append_chunk (const guint8  *data,
              gsize          len,
              gpointer       user_data,
              GError       **error)
{
  g_byte_array_append (user_data, data, len);
  return TRUE;
}

/**
 * dossier_locker_read:
 * @store: a #DossierStore
 * @evidence_id: the item
 * @max_size: the largest item to read, in bytes
 * @error: return location for a #GError
 *
 * Reads a small item's bytes into memory, checked against their SHA-256, for a preview.
 * Nothing is logged: a preview is drawn by the program, not handed to anyone.
 *
 * Returns: (transfer full) (nullable): the bytes, or %NULL if the item is larger than
 *   @max_size, altered, missing or unreadable (with @error set in the last three cases)
 */
GBytes *
dossier_locker_read (DossierStore  *store,
                     gint64         evidence_id,
                     gsize          max_size,
                     GError       **error)
{
  g_autoptr(DossierEvidence) evidence = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *sha = NULL;
  guint64 size;
  gboolean gap;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);
  evidence = dossier_store_load (store, DOSSIER_TYPE_EVIDENCE, evidence_id, error);
  if (evidence == NULL || evidence->size < 0 || (guint64) evidence->size > max_size)
    return NULL;
  if (!stream_chunks (store, evidence_id, append_chunk, bytes, &sha, &size, &gap, NULL, error))
    return NULL;
  if (sha == NULL)
    sha = g_strdup ("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  if (gap || size != (guint64) evidence->size || g_ascii_strcasecmp (sha, evidence->sha256 ? evidence->sha256 : "") != 0)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_CORRUPT,
                   _("The bytes of %s were altered: they no longer match their SHA-256"), dossier_record_get_code (DOSSIER_RECORD (evidence)));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * dossier_locker_extract:
 * @store: a #DossierStore
 * @evidence_id: the item
 * @dest: where to write its original bytes
 * @log_custody: whether to append an “exported” custody event
 * @cancellable: (nullable): to stop
 * @error: return location for a #GError
 *
 * Writes the exact original bytes of an item, checking them against its SHA-256 on the
 * way. The file appears at @dest only once complete and checked.
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_locker_extract (DossierStore  *store,
                        gint64         evidence_id,
                        GFile         *dest,
                        gboolean       log_custody,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(DossierEvidence) evidence = NULL;
  g_autoptr(DossierAtomicFile) tmp = NULL;
  g_autofree char *dest_path = NULL;
  g_autofree char *sha = NULL;
  guint64 size;
  gboolean gap;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (dest), FALSE);

  evidence = dossier_store_load (store, DOSSIER_TYPE_EVIDENCE, evidence_id, error);
  if (evidence == NULL)
    return FALSE;

  /* Beside the destination under a name nobody can guess, owner-only: the copy appears
   * whole, checked against its SHA-256, or not at all. */
  dest_path = g_file_get_path (dest);
  if (dest_path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (dest);

      /* Translators: %s is a file name */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("“%s” cannot be written"), name);
      return FALSE;
    }
  tmp = dossier_atomic_file_open (dest_path, 0600, error);
  if (tmp == NULL ||
      !stream_chunks (store, evidence_id, write_chunk, dossier_atomic_file_get_stream (tmp), &sha, &size, &gap, cancellable, error))
    return FALSE;

  if (sha == NULL && evidence->size > 0)
    {
      /* Translators: %s is an evidence code such as EVD-0001 */
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                   _("The bytes of %s are not in this dossier"), dossier_record_get_code (DOSSIER_RECORD (evidence)));
      return FALSE;
    }
  if (sha == NULL)
    sha = g_strdup ("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  if (gap || size != (guint64) evidence->size || g_ascii_strcasecmp (sha, evidence->sha256 ? evidence->sha256 : "") != 0)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_CORRUPT,
                   _("The bytes of %s were altered: they no longer match their SHA-256"),
                   dossier_record_get_code (DOSSIER_RECORD (evidence)));
      return FALSE;
    }

  if (!dossier_atomic_file_commit (g_steal_pointer (&tmp), error))
    return FALSE;

  if (log_custody)
    {
      g_autofree char *path = g_file_get_parse_name (dest);
      /* Translators: custody log details; %s is where the copy was written */
      g_autofree char *details = g_strdup_printf (_("exact copy written to “%s”"), path);

      if (!dossier_custody_append (store, evidence_id, "exported", details, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * dossier_locker_export_original:
 * @store: a #DossierStore
 * @evidence_id: an evidence item
 * @dest: where to write its exact bytes
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the item's original bytes to @dest, checked against their SHA-256 as they are
 * written, and beside it `@dest.sha256` in the format `sha256sum --check` reads; logs the
 * export in the custody chain. Nothing is left behind on failure.
 *
 * Returns: %TRUE if both files were written
 */
gboolean
dossier_locker_export_original (DossierStore  *store,
                                gint64         evidence_id,
                                GFile         *dest,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(DossierEvidence) evidence = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) sum = NULL;
  g_autofree char *name = NULL;
  g_autofree char *sum_name = NULL;
  g_autofree char *sum_path = NULL;
  g_autofree char *line = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (dest), FALSE);

  evidence = dossier_store_load (store, DOSSIER_TYPE_EVIDENCE, evidence_id, error);
  if (evidence == NULL)
    return FALSE;
  name = g_file_get_basename (dest);
  parent = g_file_get_parent (dest);
  sum_name = g_strconcat (name, ".sha256", NULL);
  sum = parent ? g_file_get_child (parent, sum_name) : g_file_new_for_path (sum_name);
  line = g_strdup_printf ("%s  %s\n", evidence->sha256, name);
  sum_path = g_file_get_path (sum);
  if (!dossier_locker_extract (store, evidence_id, dest, FALSE, cancellable, error))
    return FALSE;
  if (!dossier_file_replace_contents (sum_path, line, -1, 0600, error))
    {
      g_file_delete (dest, NULL, NULL);
      return FALSE;
    }
  {
    g_autofree char *path = g_file_get_parse_name (dest);
    /* Translators: custody log details; %s is where the copy was written */
    g_autofree char *details = g_strdup_printf (_("original written to “%s”, with its SHA-256 beside it"), path);

    return dossier_custody_append (store, evidence_id, "exported", details, error);
  }
}

/**
 * dossier_locker_working_copy:
 * @store: a #DossierStore
 * @evidence_id: an evidence item
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes a copy of the item, under its original name, in a new private temporary folder
 * for viewing or working on, and logs it in the custody chain: the original in the
 * dossier is never opened for writing.
 *
 * Returns: (transfer full) (nullable): the copy
 */
GFile *
dossier_locker_working_copy (DossierStore  *store,
                             gint64         evidence_id,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(DossierEvidence) evidence = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *details = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);

  evidence = dossier_store_load (store, DOSSIER_TYPE_EVIDENCE, evidence_id, error);
  if (evidence == NULL)
    return NULL;
  dir = g_dir_make_tmp ("dossier-XXXXXX", error);
  if (dir == NULL)
    return NULL;
  /* The original name, without any folder a crafted name could climb out with. */
  name = g_path_get_basename (evidence->original_name && *evidence->original_name ? evidence->original_name
                                                                                  : dossier_record_get_code (DOSSIER_RECORD (evidence)));
  if (g_str_equal (name, ".") || g_str_equal (name, "..") || g_str_equal (name, G_DIR_SEPARATOR_S))
    {
      g_free (name);
      name = g_strdup (dossier_record_get_code (DOSSIER_RECORD (evidence)));
    }
  copy = g_file_new_build_filename (dir, name, NULL);
  if (!dossier_locker_extract (store, evidence_id, copy, FALSE, cancellable, error))
    {
      g_rmdir (dir);
      return NULL;
    }
  path = g_file_get_parse_name (copy);
  /* Translators: custody log details; %s is where the working copy was written */
  details = g_strdup_printf (_("working copy written to “%s”"), path);
  if (!dossier_custody_append (store, evidence_id, "working-copy", details, error))
    return NULL;
  return g_steal_pointer (&copy);
}

const char *
dossier_verify_status_to_string (DossierVerifyStatus status)
{
  switch (status)
    {
    case DOSSIER_VERIFY_INTACT:
      return _("intact");
    case DOSSIER_VERIFY_ALTERED:
      return _("altered");
    case DOSSIER_VERIFY_MISSING:
      return _("bytes missing");
    case DOSSIER_VERIFY_LOG_BROKEN:
      return _("custody log broken");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Re-hashes one item and checks its custody chain; with @append_custody, records the result
 * in the chain. */
static DossierVerifyItem *
verify_one (DossierStore  *store,
            gint64         id,
            gboolean       append_custody,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(DossierEvidence) evidence = dossier_store_load (store, DOSSIER_TYPE_EVIDENCE, id, error);
  DossierVerifyItem *item;
  g_autofree char *sha = NULL;
  g_autofree char *chain_reason = NULL;
  guint64 size;
  gboolean gap, chain_ok;

  if (evidence == NULL)
    return NULL;
  if (!stream_chunks (store, id, NULL, NULL, &sha, &size, &gap, cancellable, error) ||
      !dossier_custody_check_chain (store, id, &chain_ok, &chain_reason, error))
    return NULL;

  item = g_new0 (DossierVerifyItem, 1);
  item->evidence_id = id;
  item->code = g_strdup (dossier_record_get_code (DOSSIER_RECORD (evidence)));
  if (sha == NULL && evidence->size > 0)
    {
      item->status = DOSSIER_VERIFY_MISSING;
      item->detail = g_strdup (_("the dossier holds the description of this item but not its bytes"));
    }
  else if (gap || size != (guint64) evidence->size ||
           g_strcmp0 (sha ? sha : "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                      evidence->sha256) != 0)
    {
      item->status = DOSSIER_VERIFY_ALTERED;
      item->detail = chain_ok
        ? g_strdup (_("the bytes no longer match the SHA-256 recorded at ingestion"))
        /* Translators: %s says how the custody log is broken */
        : g_strdup_printf (_("the bytes no longer match the SHA-256 recorded at ingestion, and %s"), chain_reason);
    }
  else if (!chain_ok)
    {
      item->status = DOSSIER_VERIFY_LOG_BROKEN;
      item->detail = g_steal_pointer (&chain_reason);
    }
  else
    {
      item->status = DOSSIER_VERIFY_INTACT;
      item->detail = g_strdup_printf ("SHA-256 %s", evidence->sha256);
    }

  if (append_custody)
    {
      const char *details = item->status == DOSSIER_VERIFY_INTACT
        ? _("intact") : item->detail;

      /* An item whose log is broken still gets the result: appending does not mend the
       * chain, it records that it was found broken. */
      if (!dossier_custody_append (store, id, "verified", details, error))
        {
          dossier_verify_item_free (item);
          return NULL;
        }
    }
  return item;
}

/**
 * dossier_locker_verify_item:
 * @store: a #DossierStore
 * @evidence_id: an evidence item
 * @append_custody: whether to record the verification in its custody log
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Verifies one item as dossier_locker_verify() does them all.
 *
 * Returns: (transfer full) (nullable): the item's result, or %NULL if it could not be read
 */
DossierVerifyItem *
dossier_locker_verify_item (DossierStore  *store,
                            gint64         evidence_id,
                            gboolean       append_custody,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);
  return verify_one (store, evidence_id, append_custody && !dossier_store_is_read_only (store), cancellable, error);
}

/**
 * dossier_locker_verify:
 * @store: a #DossierStore
 * @append_custody: append a “verified” event to each item's log (if the dossier is writable)
 * @cancellable: (nullable): to stop
 * @progress: (nullable): called after each item
 * @progress_data: for @progress
 * @error: return location for a #GError
 *
 * Re-hashes every item's bytes and checks every custody chain.
 *
 * Returns: (transfer full) (element-type DossierVerifyItem): one entry per item, in code
 *   order, or %NULL when the dossier cannot be read
 */
GPtrArray *
dossier_locker_verify (DossierStore         *store,
                       gboolean              append_custody,
                       GCancellable         *cancellable,
                       DossierProgressFunc   progress,
                       gpointer              progress_data,
                       GError              **error)
{
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_verify_item_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);

  append_custody = append_custody && !dossier_store_is_read_only (store);
  /* A verification's result goes into the custody logs only of a file whose every page and
   * index is sound: SQLite's full integrity_check first, which finds a damaged index that
   * the quick check made on opening does not. */
  if (append_custody && !dossier_store_check_integrity_full (store, cancellable, error))
    return NULL;

  stmt = _dossier_store_prepare (store, "SELECT id FROM evidence ORDER BY " DOSSIER_CODE_NUMBER_SQL ("code") ", id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _dossier_store_set_error (store, error);
      return NULL;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      DossierVerifyItem *item = verify_one (store, g_array_index (ids, gint64, i), append_custody, cancellable, error);

      if (item == NULL)
        return NULL;
      g_ptr_array_add (report, item);
      if (progress)
        progress (i + 1, ids->len, progress_data);
    }
  return g_steal_pointer (&report);
}

/**
 * dossier_store_set_thumbnail:
 * @store: a #DossierStore
 * @evidence_id: an item
 * @png: a small PNG picture of it
 * @error: return location for a #GError
 *
 * Returns: %TRUE if kept
 */
gboolean
dossier_store_set_thumbnail (DossierStore  *store,
                             gint64         evidence_id,
                             GBytes        *png,
                             GError       **error)
{
  sqlite3_stmt *stmt;
  gsize size;
  gconstpointer data;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (png != NULL, FALSE);
  stmt = _dossier_store_prepare (store, "INSERT OR REPLACE INTO evidence_thumbnail (evidence_id, png) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  data = g_bytes_get_data (png, &size);
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  sqlite3_bind_blob64 (stmt, 2, data, size, SQLITE_STATIC);
  return _dossier_store_step_done (store, stmt, error);
}

/**
 * dossier_store_get_thumbnail:
 * @store: a #DossierStore
 * @evidence_id: an item
 *
 * Returns: (transfer full) (nullable): its small picture, if it has one
 */
GBytes *
dossier_store_get_thumbnail (DossierStore *store,
                             gint64        evidence_id)
{
  sqlite3_stmt *stmt;
  GBytes *png = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);
  stmt = _dossier_store_prepare (store, "SELECT png FROM evidence_thumbnail WHERE evidence_id = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_bytes (stmt, 0) > 0)
    png = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  sqlite3_reset (stmt);
  return png;
}
