/* dossier-link.c: a link between two records, with a role
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-custody.h"
#include "dossier-link.h"
#include "dossier-link-private.h"
#include "dossier-store-private.h"
#include "dossier-record-private.h"

G_DEFINE_FINAL_TYPE (DossierLink, dossier_link, DOSSIER_TYPE_RECORD)

#define OFF(member) G_STRUCT_OFFSET (DossierLink, member)

#define LINK_FIELDS(left, left_table, right, right_table, role_vocab) \
  { left, DOSSIER_FIELD_REF, OFF (left_id), NULL, left_table }, \
  { right, DOSSIER_FIELD_REF, OFF (right_id), NULL, right_table }, \
  { "role", DOSSIER_FIELD_TEXT, OFF (role), role_vocab, NULL }, \
  { "detail", DOSSIER_FIELD_TEXT, OFF (detail), NULL, NULL }

static const DossierField incident_actor_fields[] = {
  LINK_FIELDS ("incident_id", "incident", "actor_id", "actor", "actor-role"),
  { "involvement", DOSSIER_FIELD_TEXT, OFF (involvement), "involvement", NULL },
};
static const DossierField incident_person_fields[] = {
  LINK_FIELDS ("incident_id", "incident", "person_id", "person", "person-role"),
};
static const DossierField testimony_incident_fields[] = {
  LINK_FIELDS ("testimony_id", "testimony", "incident_id", "incident", NULL),
};
static const DossierField evidence_incident_fields[] = {
  LINK_FIELDS ("evidence_id", "evidence", "incident_id", "incident", NULL),
};
static const DossierField evidence_person_fields[] = {
  LINK_FIELDS ("evidence_id", "evidence", "person_id", "person", NULL),
};
static const DossierField evidence_testimony_fields[] = {
  LINK_FIELDS ("evidence_id", "evidence", "testimony_id", "testimony", NULL),
};

#define INFO(name) { .table = #name, .fields = name##_fields, .n_fields = G_N_ELEMENTS (name##_fields) }

static const DossierRecordInfo infos[DOSSIER_N_LINK_KINDS] = {
  INFO (incident_actor),
  INFO (incident_person),
  INFO (testimony_incident),
  INFO (evidence_incident),
  INFO (evidence_person),
  INFO (evidence_testimony),
};

static void
dossier_link_finalize (GObject *object)
{
  G_OBJECT_CLASS (dossier_link_parent_class)->finalize (object);
}

static void
dossier_link_class_init (DossierLinkClass *klass)
{
  _dossier_record_class_install_fields (DOSSIER_RECORD_CLASS (klass), &infos[0], DOSSIER_N_LINK_KINDS);

  G_OBJECT_CLASS (klass)->finalize = dossier_link_finalize;
}

static void
dossier_link_init (DossierLink *self)
{
}

/**
 * dossier_link_new:
 * @kind: what it links
 *
 * Returns: (transfer full): a new, unsaved link
 */
DossierLink *
dossier_link_new (DossierLinkKind kind)
{
  DossierLink *self;

  g_return_val_if_fail (kind < DOSSIER_N_LINK_KINDS, NULL);

  self = g_object_new (DOSSIER_TYPE_LINK, NULL);
  self->kind = kind;
  _dossier_record_set_info (DOSSIER_RECORD (self), &infos[kind]);
  if (kind == DOSSIER_LINK_INCIDENT_ACTOR)
    {
      g_free (self->involvement);
      self->involvement = g_strdup ("unknown");
    }
  return self;
}

const char *
dossier_link_kind_table (DossierLinkKind kind)
{
  g_return_val_if_fail (kind < DOSSIER_N_LINK_KINDS, NULL);
  return infos[kind].table;
}

const char *
dossier_link_kind_left (DossierLinkKind kind)
{
  g_return_val_if_fail (kind < DOSSIER_N_LINK_KINDS, NULL);
  return infos[kind].fields[0].ref_table;
}

const char *
dossier_link_kind_right (DossierLinkKind kind)
{
  g_return_val_if_fail (kind < DOSSIER_N_LINK_KINDS, NULL);
  return infos[kind].fields[1].ref_table;
}

/**
 * dossier_store_link:
 * @store: a #DossierStore
 * @kind: what to link
 * @left_id: the left record (incident, testimony or evidence)
 * @right_id: the right record
 * @role: (nullable): the role, from the kind's vocabulary when it has one
 * @detail: (nullable): notes, or a testimony's excerpt
 * @error: return location for a #GError
 *
 * Links two records. Linking an evidence item also appends to its custody log.
 *
 * Returns: (transfer full): the new link, or %NULL
 */
DossierLink *
dossier_store_link (DossierStore     *store,
                    DossierLinkKind   kind,
                    gint64            left_id,
                    gint64            right_id,
                    const char       *role,
                    const char       *detail,
                    GError          **error)
{
  g_autoptr(DossierLink) link = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);
  g_return_val_if_fail (kind < DOSSIER_N_LINK_KINDS, NULL);

  link = dossier_link_new (kind);
  link->left_id = left_id;
  link->right_id = right_id;
  g_free (link->role);
  link->role = g_strdup (role ? role : "");
  g_free (link->detail);
  link->detail = g_strdup (detail ? detail : "");

  if (!dossier_store_begin (store, error))
    return NULL;
  if (!dossier_store_insert (store, DOSSIER_RECORD (link), error))
    goto fail;
  if (kind >= DOSSIER_LINK_EVIDENCE_INCIDENT)
    {
      g_autofree char *other = dossier_store_uuid_for_id (store, dossier_link_kind_right (kind), right_id);
      g_autofree char *details = g_strdup_printf ("%s %s", dossier_link_kind_right (kind), other);

      if (!dossier_custody_append (store, left_id, "linked", details, error))
        goto fail;
    }
  if (!dossier_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&link);

fail:
  dossier_store_rollback (store);
  return NULL;
}

/**
 * dossier_store_unlink:
 * @store: a #DossierStore
 * @link: a stored link
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_store_unlink (DossierStore  *store,
                      DossierLink   *link,
                      GError       **error)
{
  g_autofree char *other = NULL;
  g_autofree char *details = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (DOSSIER_IS_LINK (link), FALSE);

  if (!dossier_store_begin (store, error))
    return FALSE;
  if (link->kind >= DOSSIER_LINK_EVIDENCE_INCIDENT)
    {
      other = dossier_store_uuid_for_id (store, dossier_link_kind_right (link->kind), link->right_id);
      details = g_strdup_printf ("%s %s", dossier_link_kind_right (link->kind), other);
      if (!dossier_custody_append (store, link->left_id, "unlinked", details, error))
        goto fail;
    }
  if (!dossier_store_delete (store, DOSSIER_RECORD (link), error))
    goto fail;
  return dossier_store_commit (store, error);

fail:
  dossier_store_rollback (store);
  return FALSE;
}

static DossierRecord *
new_link (gpointer data)
{
  return DOSSIER_RECORD (dossier_link_new (GPOINTER_TO_UINT (data)));
}

GPtrArray *
dossier_store_list_links (DossierStore     *store,
                          DossierLinkKind   kind,
                          gint64            left_id,
                          gint64            right_id,
                          GError          **error)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) where = g_string_new ("1");
  const DossierRecordInfo *info;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);
  g_return_val_if_fail (kind < DOSSIER_N_LINK_KINDS, NULL);

  info = &infos[kind];
  if (left_id > 0)
    g_string_append_printf (where, " AND %s = %" G_GINT64_FORMAT, info->fields[0].name, left_id);
  if (right_id > 0)
    g_string_append_printf (where, " AND %s = %" G_GINT64_FORMAT, info->fields[1].name, right_id);

  if (!_dossier_store_foreach_with (store, new_link, GUINT_TO_POINTER (kind), where->str,
                                    dossier_record_collect, links, error))
    return NULL;
  return g_steal_pointer (&links);
}

gboolean
dossier_store_foreach_link (DossierStore      *store,
                            DossierLinkKind    kind,
                            DossierRecordFunc  func,
                            gpointer           user_data,
                            GError           **error)
{
  g_return_val_if_fail (kind < DOSSIER_N_LINK_KINDS, FALSE);
  return _dossier_store_foreach_with (store, new_link, GUINT_TO_POINTER (kind), NULL,
                                      func, user_data, error);
}

/**
 * dossier_store_alleged_perpetrators:
 * @store: a #DossierStore
 * @incident_id: an incident
 * @error: return location for a #GError
 *
 * Names the actors linked to the incident as alleged perpetrators, the way a list has room
 * for: by acronym, else by name, else by code; in the order they were linked, as the
 * incident's editor shows them.
 *
 * Returns: (transfer full): the names, empty when there are none, or %NULL on error
 */
GStrv
dossier_store_alleged_perpetrators (DossierStore  *store,
                                    gint64         incident_id,
                                    GError       **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);

  /* incident_actor's UNIQUE (incident_id, actor_id, role) index answers the WHERE, so a
   * list asking row by row costs one index lookup per row. */
  stmt = _dossier_store_prepare (store,
                                 "SELECT coalesce (nullif (trim (a.acronym), ''), nullif (trim (a.name), ''), a.code) "
                                 "FROM incident_actor ia JOIN actor a ON a.id = ia.actor_id "
                                 "WHERE ia.incident_id = ?1 AND ia.role = ?2 ORDER BY ia.id",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  sqlite3_bind_text (stmt, 2, DOSSIER_ROLE_ALLEGED_PERPETRATOR, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (names, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      _dossier_store_set_error (store, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_strv_builder_end (names);
}

/**
 * dossier_link_get_kind:
 * @self: a #DossierLink
 *
 * Returns: its kind
 */
DossierLinkKind
dossier_link_get_kind (DossierLink *self)
{
  g_return_val_if_fail (DOSSIER_IS_LINK (self), 0);
  return self->kind;
}

/**
 * dossier_link_get_left_id:
 * @self: a #DossierLink
 *
 * Returns: its left_id, e.g. the incident of an incident ↔ actor link
 */
gint64
dossier_link_get_left_id (DossierLink *self)
{
  g_return_val_if_fail (DOSSIER_IS_LINK (self), 0);
  return self->left_id;
}

/**
 * dossier_link_get_right_id:
 * @self: a #DossierLink
 *
 * Returns: its right_id, e.g. the actor
 */
gint64
dossier_link_get_right_id (DossierLink *self)
{
  g_return_val_if_fail (DOSSIER_IS_LINK (self), 0);
  return self->right_id;
}

/**
 * dossier_link_get_role:
 * @self: a #DossierLink
 *
 * Returns: (transfer none): its role
 */
const char *
dossier_link_get_role (DossierLink *self)
{
  g_return_val_if_fail (DOSSIER_IS_LINK (self), NULL);
  return self->role;
}

/**
 * dossier_link_get_involvement:
 * @self: a #DossierLink
 *
 * Returns: (transfer none): its involvement, incident ↔ actor only
 */
const char *
dossier_link_get_involvement (DossierLink *self)
{
  g_return_val_if_fail (DOSSIER_IS_LINK (self), NULL);
  return self->involvement;
}

/**
 * dossier_link_get_detail:
 * @self: a #DossierLink
 *
 * Returns: (transfer none): its detail, notes, or a testimony's excerpt
 */
const char *
dossier_link_get_detail (DossierLink *self)
{
  g_return_val_if_fail (DOSSIER_IS_LINK (self), NULL);
  return self->detail;
}

/**
 * dossier_link_set_involvement:
 * @self: an incident ↔ actor #DossierLink
 * @involvement: a code of the vocabulary “involvement”
 *
 * Sets the actor's involvement through dossier_record_set_field(), which notifies the
 * change once; only incident ↔ actor links have one.
 */
void
dossier_link_set_involvement (DossierLink *self,
                              const char  *involvement)
{
  const DossierField *field;

  g_return_if_fail (DOSSIER_IS_LINK (self));
  field = dossier_record_find_field (&infos[self->kind], "involvement");
  g_return_if_fail (field != NULL);
  dossier_record_set_text (DOSSIER_RECORD (self), field, involvement);
}
