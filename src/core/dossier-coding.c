/* dossier-coding.c: indexing testimonies: coded passages, the workflow, the queue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Commission staff read a transcript, select a passage and code it: it speaks of an
 * incident (the testimony is then linked to the incident, the passage as its excerpt when
 * it is the first), it describes a violation (the testimony is tagged with the type), or
 * it mentions a person (known by code). Each coding is one transaction, recorded with who
 * coded it; the testimony's status (recorded → transcribed → indexed → reviewed) is an
 * ordinary field whose changes the audit log keeps, with who and when.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "dossier-coding.h"
#include "dossier-link.h"
#include "dossier-record.h"
#include "dossier-testimony.h"
#include "dossier-store-private.h"
#include "dossier-record-private.h"
#include "dossier-testimony-private.h"
#include "dossier-passage-private.h"
#include "dossier-link-private.h"

static const char * const kinds[] = { "incident", "violation", "person" };

/**
 * dossier_store_code_passage:
 * @store: a #DossierStore
 * @testimony_id: the testimony
 * @start: the first character of the passage, counted from 0 in the transcript
 * @end: the character after its last
 * @kind: what it is coded as
 * @ref_id: the incident or person, for those kinds
 * @violation_type: the vocabulary code, for %DOSSIER_PASSAGE_VIOLATION
 * @error: return location for a #GError
 *
 * Codes a passage, and makes what it says part of the dossier: the testimony is linked to
 * the incident, or tagged with the violation type, if it was not already.
 *
 * Returns: (transfer full) (nullable): the passage saved
 */
DossierPassage *
dossier_store_code_passage (DossierStore        *store,
                            gint64               testimony_id,
                            gint64               start,
                            gint64               end,
                            DossierPassageKind   kind,
                            gint64               ref_id,
                            const char          *violation_type,
                            GError             **error)
{
  g_autoptr(DossierTestimony) testimony = NULL;
  g_autoptr(DossierPassage) passage = NULL;
  glong length;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);
  g_return_val_if_fail (kind <= DOSSIER_PASSAGE_PERSON, NULL);

  testimony = dossier_store_load (store, DOSSIER_TYPE_TESTIMONY, testimony_id, error);
  if (testimony == NULL)
    return NULL;
  length = g_utf8_strlen (testimony->transcript, -1);
  if (start < 0 || end <= start || end > length)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                   /* Translators: %s is a testimony code */
                   _("The passage is not within the transcript of %s"), dossier_record_get_code (DOSSIER_RECORD (testimony)));
      return NULL;
    }
  if ((kind == DOSSIER_PASSAGE_VIOLATION) != (violation_type != NULL) || (kind != DOSSIER_PASSAGE_VIOLATION && ref_id <= 0))
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                   _("A passage is coded as an incident, a person or a violation type, and names which"));
      return NULL;
    }

  passage = dossier_passage_new ();
  passage->testimony_id = testimony_id;
  passage->start_offset = start;
  passage->end_offset = end;
  g_free (passage->kind);
  passage->kind = g_strdup (kinds[kind]);
  if (kind == DOSSIER_PASSAGE_INCIDENT)
    passage->incident_id = ref_id;
  else if (kind == DOSSIER_PASSAGE_PERSON)
    passage->person_id = ref_id;
  else
    passage->violation_type = g_strdup (violation_type);
  g_free (passage->coded_by);
  passage->coded_by = g_strdup (dossier_store_get_user (store));

  if (!dossier_store_begin (store, error))
    return NULL;
  if (!dossier_store_insert (store, DOSSIER_RECORD (passage), error))
    goto fail;
  if (kind == DOSSIER_PASSAGE_INCIDENT)
    {
      g_autoptr(GPtrArray) links = dossier_store_list_links (store, DOSSIER_LINK_TESTIMONY_INCIDENT, testimony_id, 0, error);
      gboolean linked = FALSE;

      if (links == NULL)
        goto fail;
      for (guint i = 0; i < links->len; i++)
        linked |= ((DossierLink *) links->pdata[i])->right_id == ref_id;
      if (!linked)
        {
          g_autofree char *excerpt = g_utf8_substring (testimony->transcript, start, end);
          g_autoptr(DossierLink) link = dossier_store_link (store, DOSSIER_LINK_TESTIMONY_INCIDENT, testimony_id, ref_id,
                                                            NULL, excerpt, error);

          if (link == NULL)
            goto fail;
        }
    }
  else if (kind == DOSSIER_PASSAGE_VIOLATION && !g_strv_contains ((const char * const *) testimony->tags, violation_type))
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      g_strv_builder_addv (builder, (const char **) testimony->tags);
      g_strv_builder_add (builder, violation_type);
      g_strfreev (testimony->tags);
      testimony->tags = g_strv_builder_end (builder);
      if (!dossier_store_update (store, DOSSIER_RECORD (testimony), error))
        goto fail;
    }
  if (!dossier_store_commit (store, error))
    goto fail;
  return g_steal_pointer (&passage);

fail:
  dossier_store_rollback (store);
  return NULL;
}

static int
compare_passages (gconstpointer a,
                  gconstpointer b)
{
  DossierPassage *p = *(DossierPassage **) a, *q = *(DossierPassage **) b;
  gint64 p_id, q_id;

  if (p->start_offset != q->start_offset)
    return p->start_offset < q->start_offset ? -1 : 1;
  p_id = dossier_record_get_id (DOSSIER_RECORD (p));
  q_id = dossier_record_get_id (DOSSIER_RECORD (q));
  return (p_id > q_id) - (p_id < q_id);
}

/**
 * dossier_store_list_passages:
 * @store: a #DossierStore
 * @testimony_id: a testimony
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type DossierPassage): its coded passages, in the
 *   order of the transcript, or %NULL
 */
GPtrArray *
dossier_store_list_passages (DossierStore  *store,
                             gint64         testimony_id,
                             GError       **error)
{
  g_autoptr(GPtrArray) passages = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *where = g_strdup_printf ("testimony_id = %" G_GINT64_FORMAT, testimony_id);

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);
  if (!_dossier_store_foreach_where (store, DOSSIER_TYPE_PASSAGE, where, dossier_record_collect, passages, error))
    return NULL;
  g_ptr_array_sort (passages, compare_passages);
  return g_steal_pointer (&passages);
}

/**
 * dossier_store_testimony_queue:
 * @store: a #DossierStore
 * @status: (nullable): a “testimony-status” code, or %NULL for any
 * @office: (nullable): an office, or %NULL for any
 * @language: (nullable): a language code, or %NULL for any
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type gint64): the testimonies to go through, by code
 */
GArray *
dossier_store_testimony_queue (DossierStore  *store,
                               const char    *status,
                               const char    *office,
                               const char    *language,
                               GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);
  stmt = _dossier_store_prepare (store, "SELECT id FROM testimony WHERE (?1 IS NULL OR status = ?1) "
                                 "AND (?2 IS NULL OR office = ?2) AND (?3 IS NULL OR language = ?3) "
                                 "ORDER BY " DOSSIER_CODE_NUMBER_SQL ("code") ", id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, status, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, office, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, language, -1, SQLITE_TRANSIENT);
  return _dossier_store_collect_ids (store, stmt, error);
}

/**
 * dossier_store_status_history:
 * @store: a #DossierStore
 * @testimony_id: a testimony
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type DossierAuditEntry): the changes of its status, with
 *   who made them and when, oldest first, or %NULL
 */
GPtrArray *
dossier_store_status_history (DossierStore  *store,
                              gint64         testimony_id,
                              GError       **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *uuid = NULL;
  g_autofree char *where = NULL;
  char *quoted;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);
  uuid = dossier_store_uuid_for_id (store, "testimony", testimony_id);
  if (uuid == NULL)
    return g_steal_pointer (&entries);
  quoted = sqlite3_mprintf ("entity = 'testimony' AND entity_uuid = %Q AND field = 'status'", uuid);
  where = g_strdup (quoted);
  sqlite3_free (quoted);
  if (!_dossier_store_foreach_where (store, DOSSIER_TYPE_AUDIT_ENTRY, where, dossier_record_collect, entries, error))
    return NULL;
  return g_steal_pointer (&entries);
}
