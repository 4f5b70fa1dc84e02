/* dossier-deletion.c: records deleted together, and put back on request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deleting an incident also deletes its links (the schema cascades), and deleting a person
 * also their identity; an "Undo" that only re-inserted the row would bring back an incident
 * with no witnesses. So a deletion keeps everything the database would drop with the
 * records — the records as loaded, their links, identities, and the references that other
 * rows held to them (set to NULL by the schema) — and undoing puts it all back in one
 * transaction, with the same uuids and codes. Links to evidence go through
 * dossier_store_unlink() and dossier_store_link(), so that the custody log tells it.
 *
 * Evidence itself is not deleted this way: its bytes and custody are the proof, and the
 * locker never lets go of them.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-actor.h"
#include "dossier-deletion.h"
#include "dossier-record-private.h"
#include "dossier-evidence.h"
#include "dossier-identity.h"
#include "dossier-identity-private.h"
#include "dossier-link.h"
#include "dossier-link-private.h"
#include "dossier-person.h"
#include "dossier-testimony.h"

/* Another row that referred to a deleted record through a nullable column. */
typedef struct {
  GType  type;
  char  *uuid;
  char  *column;
  gint64 old_id;   /* the deleted record's id then */
} Reference;

struct _DossierDeletion
{
  GType      type;
  GPtrArray *records;     /* as they were */
  GArray    *old_ids;     /* their ids then (deleting a record clears its id) */
  GPtrArray *links;       /* DossierLink, with old ids on both sides */
  GPtrArray *identities;  /* DossierIdentity, with the old person id */
  GArray    *references;  /* Reference */
};

static void
reference_clear (gpointer data)
{
  Reference *ref = data;

  g_free (ref->uuid);
  g_free (ref->column);
}

void
dossier_deletion_free (DossierDeletion *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->records);
  g_array_unref (self->old_ids);
  g_ptr_array_unref (self->links);
  g_ptr_array_unref (self->identities);
  g_array_unref (self->references);
  g_free (self);
}

guint
dossier_deletion_get_count (DossierDeletion *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->records->len;
}

GType
dossier_deletion_get_record_type (DossierDeletion *self)
{
  g_return_val_if_fail (self != NULL, G_TYPE_INVALID);
  return self->type;
}

static gboolean
keep_links (DossierDeletion  *self,
            DossierStore     *store,
            DossierRecord    *record,
            GError          **error)
{
  for (DossierLinkKind kind = 0; kind < DOSSIER_N_LINK_KINDS; kind++)
    for (int side = 0; side < 2; side++)
      {
        const char *table = side == 0 ? dossier_link_kind_left (kind) : dossier_link_kind_right (kind);
        g_autoptr(GPtrArray) links = NULL;

        if (!g_str_equal (table, dossier_record_get_info (record)->table))
          continue;
        links = dossier_store_list_links (store, kind, side == 0 ? dossier_record_get_id (record) : 0,
                                          side == 0 ? 0 : dossier_record_get_id (record), error);
        if (links == NULL)
          return FALSE;
        for (guint i = 0; i < links->len; i++)
          {
            DossierLink *link = links->pdata[i];
            gboolean seen = FALSE;

            /* Two deleted records may share a link. */
            for (guint j = 0; j < self->links->len && !seen; j++)
              seen = g_str_equal (dossier_record_get_uuid (DOSSIER_RECORD (self->links->pdata[j])), dossier_record_get_uuid (DOSSIER_RECORD (link)));
            if (seen)
              continue;
            /* Say so in the custody log of the evidence, as a user unlinking it would. */
            if (kind >= DOSSIER_LINK_EVIDENCE_INCIDENT && !dossier_store_unlink (store, link, error))
              return FALSE;
            g_ptr_array_add (self->links, g_object_ref (link));
          }
      }
  return TRUE;
}

static gboolean
keep_references (DossierDeletion  *self,
                 DossierStore     *store,
                 GType             type,
                 const char       *column,
                 DossierRecord    *record,
                 GError          **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *where = g_strdup_printf ("%s = %" G_GINT64_FORMAT, column, dossier_record_get_id (record));

  if (!_dossier_store_foreach_where (store, type, where, dossier_record_collect, rows, error))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      Reference ref = { type, g_strdup (dossier_record_get_uuid (DOSSIER_RECORD (rows->pdata[i]))), g_strdup (column), dossier_record_get_id (record) };
      g_array_append_val (self->references, ref);
    }
  return TRUE;
}

/**
 * dossier_store_delete_records:
 * @store: a dossier
 * @records: (element-type DossierRecord): records of one type, not evidence
 * @error: return location for a #GError
 *
 * Deletes @records with their links in one transaction, keeping what
 * dossier_deletion_undo() needs to put them back.
 *
 * Returns: (transfer full): the deletion, or %NULL with nothing deleted
 */
DossierDeletion *
dossier_store_delete_records (DossierStore  *store,
                              GPtrArray     *records,
                              GError       **error)
{
  g_autoptr(DossierDeletion) self = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);
  g_return_val_if_fail (records != NULL && records->len > 0, NULL);

  self = g_new0 (DossierDeletion, 1);
  self->type = G_OBJECT_TYPE (records->pdata[0]);
  self->records = g_ptr_array_new_with_free_func (g_object_unref);
  self->old_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->links = g_ptr_array_new_with_free_func (g_object_unref);
  self->identities = g_ptr_array_new_with_free_func (g_object_unref);
  self->references = g_array_new (FALSE, TRUE, sizeof (Reference));
  g_array_set_clear_func (self->references, reference_clear);

  if (self->type == DOSSIER_TYPE_EVIDENCE)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                   _("Evidence is never deleted from a dossier: its bytes and custody log are kept as proof."));
      return NULL;
    }

  if (!dossier_store_begin (store, error))
    return NULL;
  for (guint i = 0; i < records->len; i++)
    {
      DossierRecord *given = records->pdata[i];
      g_autoptr(DossierRecord) record = NULL;

      g_return_val_if_fail (G_OBJECT_TYPE (given) == self->type, NULL);
      /* As stored, with the parts held outside its row. */
      record = dossier_store_load (store, self->type, dossier_record_get_id (given), error);
      if (record == NULL || !keep_links (self, store, record, error))
        goto fail;
      if (self->type == DOSSIER_TYPE_PERSON)
        {
          g_autofree char *where = g_strdup_printf ("person_id = %" G_GINT64_FORMAT, dossier_record_get_id (record));

          if (!_dossier_store_foreach_where (store, DOSSIER_TYPE_IDENTITY, where, dossier_record_collect, self->identities, error) ||
                     !keep_references (self, store, DOSSIER_TYPE_TESTIMONY, "person_id", record, error))
            goto fail;
        }
      if (self->type == DOSSIER_TYPE_ACTOR &&
          !keep_references (self, store, DOSSIER_TYPE_ACTOR, "parent_id", record, error))
        goto fail;
      g_ptr_array_add (self->records, g_object_ref (record));
      g_array_append_vals (self->old_ids, (gint64[]) { dossier_record_get_id (record) }, 1);
    }
  for (guint i = 0; i < self->records->len; i++)
    if (!dossier_store_delete (store, self->records->pdata[i], error))
      goto fail;
  if (!dossier_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&self);

fail:
  dossier_store_rollback (store);
  return NULL;
}

/* The id a deleted record has now that it is back, or @old_id if it was not deleted. */
static gint64
new_id (DossierDeletion *self,
        const char      *table,
        gint64           old_id,
        GHashTable      *ids)
{
  if (old_id > 0 && g_str_equal (table, self->records->len ? dossier_record_get_info (DOSSIER_RECORD (self->records->pdata[0]))->table : ""))
    {
      gpointer id = g_hash_table_lookup (ids, &old_id);
      if (id != NULL)
        return *(gint64 *) id;
    }
  return old_id;
}

/**
 * dossier_deletion_undo:
 * @self: a deletion
 * @store: the dossier it was made in
 * @error: return location for a #GError
 *
 * Puts back the records, links, identities and references of @self. Records get new
 * ids but keep their uuids and codes. Can be called once.
 *
 * Returns: %TRUE on success; on failure nothing is put back
 */
gboolean
dossier_deletion_undo (DossierDeletion  *self,
                       DossierStore     *store,
                       GError          **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);

  if (!dossier_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < self->records->len; i++)
    {
      DossierRecord *record = self->records->pdata[i];
      gint64 old_id = g_array_index (self->old_ids, gint64, i);

      _dossier_record_set_id (record, 0);
      if (!dossier_store_insert (store, record, error))
        goto fail;
      g_hash_table_insert (ids, g_memdup2 (&old_id, sizeof old_id), g_memdup2 ((gint64[]) { dossier_record_get_id (record) }, sizeof (gint64)));
    }
  for (guint i = 0; i < self->links->len; i++)
    {
      DossierLink *link = self->links->pdata[i];
      gint64 left = new_id (self, dossier_link_kind_left (link->kind), link->left_id, ids);
      gint64 right = new_id (self, dossier_link_kind_right (link->kind), link->right_id, ids);

      if (link->kind >= DOSSIER_LINK_EVIDENCE_INCIDENT)
        {
          g_autoptr(DossierLink) again = dossier_store_link (store, link->kind, left, right,
                                                             link->role, link->detail, error);
          if (again == NULL)
            goto fail;
        }
      else
        {
          g_autoptr(DossierLink) again = dossier_link_new (link->kind);
          DossierRecord *r = DOSSIER_RECORD (again);

          again->left_id = left;
          again->right_id = right;
          g_free (again->role);
          again->role = g_strdup (link->role);
          g_free (again->detail);
          again->detail = g_strdup (link->detail);
          g_free (again->involvement);
          again->involvement = g_strdup (link->involvement);
          dossier_record_set_uuid (r, dossier_record_get_uuid (DOSSIER_RECORD (link)));
          dossier_record_set_created_at (r, dossier_record_get_created_at (DOSSIER_RECORD (link)));
          if (!dossier_store_insert (store, r, error))
            goto fail;
        }
    }
  for (guint i = 0; i < self->identities->len; i++)
    {
      DossierIdentity *identity = self->identities->pdata[i];
      gint64 old_person = identity->person_id;

      _dossier_record_set_id (DOSSIER_RECORD (identity), 0);
      identity->person_id = new_id (self, "person", old_person, ids);
      if (!dossier_store_insert (store, DOSSIER_RECORD (identity), error))
        {
          identity->person_id = old_person;
          goto fail;
        }
      identity->person_id = old_person;
    }
  for (guint i = 0; i < self->references->len; i++)
    {
      Reference *ref = &g_array_index (self->references, Reference, i);
      g_autoptr(DossierRecord) row = dossier_store_load_by_uuid (store, ref->type, ref->uuid, NULL);
      g_autofree char *id = NULL;
      const DossierField *field;

      /* Deleted since, or also among the deleted records and back already. */
      if (row == NULL)
        continue;
      field = dossier_record_find_field (dossier_record_get_info (row), ref->column);
      g_assert (field != NULL);
      id = g_strdup_printf ("%" G_GINT64_FORMAT, new_id (self, field->ref_table, ref->old_id, ids));
      dossier_record_set_string (row, field, id);
      if (!dossier_store_update (store, row, error))
        goto fail;
    }
  if (!dossier_store_commit (store, error))
    return FALSE;
  /* Once only: the records now hold their new ids. */
  g_ptr_array_set_size (self->records, 0);
  g_array_set_size (self->old_ids, 0);
  g_ptr_array_set_size (self->links, 0);
  g_ptr_array_set_size (self->identities, 0);
  g_array_set_size (self->references, 0);
  return TRUE;

fail:
  dossier_store_rollback (store);
  /* Nothing was put back: the records are deleted again, as before the call. */
  for (guint i = 0; i < self->records->len; i++)
    _dossier_record_set_id (self->records->pdata[i], 0);
  return FALSE;
}
