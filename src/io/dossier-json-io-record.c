/* dossier-json-io-record.c: one record of an interchange document into the dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each value is checked against the record's field description before anything is written:
 * its type, its code, its vocabulary term, its text's length, its references (written as the
 * other record's uuid, resolved to ids here; a reference to a record of the same kind waits
 * until its whole list is in).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "dossier-actor.h"
#include "dossier-vocab.h"
#include "dossier-audit-entry.h"
#include "dossier-custody.h"
#include "dossier-custody-event.h"
#include "dossier-edtf.h"
#include "dossier-evidence.h"
#include "dossier-identity.h"
#include "dossier-incident.h"
#include "dossier-json-io.h"
#include "dossier-json-io-private.h"
#include "dossier-link.h"
#include "dossier-passage.h"
#include "dossier-person.h"
#include "dossier-record.h"
#include "dossier-testimony.h"
#include "dossier-vocab-term.h"
#include "dossier-restore.h"

void
_dossier_json_io_pending_clear (gpointer data)
{
  g_free (((Pending *) data)->uuid);
  g_free (((Pending *) data)->where);
}

static GHashTable *
ids_for (Importer   *imp,
         const char *table)
{
  GHashTable *map = g_hash_table_lookup (imp->ids, table);

  if (map == NULL)
    {
      map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (imp->ids, g_strdup (table), map);
    }
  return map;
}

/* json-glib turns an unpaired "\ud800" into bytes that are not UTF-8: such a text would be
 * stored, then exported as a document that no longer imports. */
gboolean
_dossier_json_io_is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
         g_utf8_validate (json_node_get_string (node), -1, NULL);
}

gboolean
_dossier_json_io_is_integer (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
is_number (JsonNode *node)
{
  return _dossier_json_io_is_integer (node) ||
         (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

gboolean
_dossier_json_io_is_timestamp (const char *text)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (text, NULL);

  return dt != NULL;
}

/* The member @key of @o, or an error naming it. */
JsonNode *
_dossier_json_io_get_member (JsonObject  *o,
                             const char  *where,
                             const char  *key,
                             GError     **error)
{
  JsonNode *node = json_object_get_member (o, key);

  if (node == NULL)
    {
      g_autofree char *at = where ? g_strdup_printf ("%s.%s", where, key) : g_strdup (key);
      _dossier_json_io_invalid (error, at, _("missing"));
    }
  return node;
}

static gboolean
check_code (Importer    *imp,
            const char  *vocab,
            const char  *code,
            const char  *where,
            GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (!dossier_store_check_term (imp->store, vocab, code, &local))
    return _dossier_json_io_invalid (error, where, local->message);
  return TRUE;
}

static gboolean
read_strv (Importer    *imp,
           JsonObject  *o,
           const char  *key,
           const char  *vocab,
           const char  *where,
           GStrv       *out,
           GError     **error)
{
  JsonNode *node = _dossier_json_io_get_member (o, where, key, error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *at = g_strdup_printf ("%s.%s", where, key);
      return _dossier_json_io_invalid (error, at, _("expected a list of codes"));
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);
      g_autofree char *at = g_strdup_printf ("%s.%s[%u]", where, key, i);

      if (!_dossier_json_io_is_string (e))
        return _dossier_json_io_invalid (error, at, _("expected a code"));
      /* The store keeps a set: a repeated code would silently vanish. */
      if (!g_hash_table_add (seen, (gpointer) json_node_get_string (e)))
        return _dossier_json_io_invalid (error, at, _("the same code appears twice"));
      if (!check_code (imp, vocab, json_node_get_string (e), at, error))
        return FALSE;
      g_strv_builder_add (builder, json_node_get_string (e));
    }
  g_strfreev (*out);
  *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
read_casualties (JsonObject       *o,
                 const char       *where,
                 DossierIncident  *incident,
                 GError          **error)
{
  JsonNode *node = _dossier_json_io_get_member (o, where, "casualties", error);
  gboolean seen[DOSSIER_N_CASUALTY_CATEGORIES][DOSSIER_N_CASUALTY_GROUPS] = { { FALSE } };
  JsonArray *array;

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *at = g_strdup_printf ("%s.casualties", where);
      return _dossier_json_io_invalid (error, at, _("expected a list of counts"));
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);
      g_autofree char *at = g_strdup_printf ("%s.casualties[%u]", where, i);
      JsonObject *c;
      int ci, gi;

      if (!JSON_NODE_HOLDS_OBJECT (e))
        return _dossier_json_io_invalid (error, at, _("expected an object"));
      c = json_node_get_object (e);
      if (json_object_get_size (c) != 3 || !_dossier_json_io_is_string (json_object_get_member (c, "category")) ||
          !_dossier_json_io_is_string (json_object_get_member (c, "group")) || !_dossier_json_io_is_integer (json_object_get_member (c, "count")))
        return _dossier_json_io_invalid (error, at, _("expected exactly a category, a group and a whole number"));
      ci = dossier_casualty_category_index (json_object_get_string_member (c, "category"));
      gi = dossier_casualty_group_index (json_object_get_string_member (c, "group"));
      if (ci < 0)
        return _dossier_json_io_invalid (error, at, _("unknown category of casualties"));
      if (gi < 0)
        return _dossier_json_io_invalid (error, at, _("unknown group of casualties"));
      if (seen[ci][gi])
        return _dossier_json_io_invalid (error, at, _("the same category and group appear twice"));
      if (json_object_get_int_member (c, "count") < 0)
        return _dossier_json_io_invalid (error, at, _("counts cannot be negative"));
      seen[ci][gi] = TRUE;
      dossier_incident_set_casualties (incident, ci, gi, json_object_get_int_member (c, "count"));
    }
  return TRUE;
}

/* A reference to a record of the record's own kind. */
static gboolean
is_self_reference (const DossierRecordInfo *info,
                   const DossierField      *field)
{
  return field->type == DOSSIER_FIELD_REF && g_str_equal (field->ref_table, info->table);
}

/* The store refuses a text longer than its field's limit too, but cannot say where in the
 * document it is. */
gboolean
_dossier_json_io_check_text (const char  *table,
                             const char  *field,
                             const char  *text,
                             const char  *where,
                             GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (!dossier_record_check_text (table, field, text, &local))
    return _dossier_json_io_invalid (error, where, local->message);
  return TRUE;
}

/* A record's code must be one the store would make: in a BagIt package it names a folder,
 * and a code such as ../../x would climb out of it. Its number is kept, so that the
 * counters can be raised above every code the document holds. */
static gboolean
note_code (Importer                 *imp,
           const DossierRecordInfo  *info,
           const char               *code,
           const char               *where,
           GError                  **error)
{
  g_autoptr(GError) local = NULL;
  gint64 number = dossier_record_code_number (info, code);
  gint64 *highest;

  if (number == 0)
    {
      dossier_record_check_code (info, code, &local);
      return _dossier_json_io_invalid (error, where, local->message);
    }
  highest = g_hash_table_lookup (imp->highest, info->code_prefix);
  if (highest == NULL)
    g_hash_table_insert (imp->highest, g_strdup (info->code_prefix), g_memdup2 (&number, sizeof number));
  else
    *highest = MAX (*highest, number);
  return TRUE;
}

/* Fills @record from @o, checking every member. */
static gboolean
record_from_json (Importer       *imp,
                  DossierRecord  *record,
                  JsonObject     *o,
                  const char     *where,
                  GError        **error)
{
  const DossierRecordInfo *info = dossier_record_get_info (record);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GList) members = NULL;
  const char *common[] = { "uuid", "code", "created_at", "updated_at" };
  void (*setters[]) (DossierRecord *, const char *) = {
    dossier_record_set_uuid, dossier_record_set_code,
    dossier_record_set_created_at, dossier_record_set_updated_at,
  };

  for (guint i = 0; i < G_N_ELEMENTS (common); i++)
    if (setters[i] != dossier_record_set_code || info->code_prefix)
      g_hash_table_add (expected, g_strdup (common[i]));
  for (guint i = 0; i < info->n_fields; i++)
    g_hash_table_add (expected, _dossier_json_io_key (&info->fields[i]));
  if (DOSSIER_IS_INCIDENT (record))
    {
      g_hash_table_add (expected, g_strdup ("violation_types"));
      g_hash_table_add (expected, g_strdup ("casualties"));
    }
  if (DOSSIER_IS_TESTIMONY (record))
    g_hash_table_add (expected, g_strdup ("tags"));

  members = json_object_get_members (o);
  for (GList *l = members; l; l = l->next)
    if (!g_hash_table_contains (expected, l->data))
      {
        g_autofree char *at = g_strdup_printf ("%s.%s", where, (char *) l->data);
        return _dossier_json_io_invalid (error, at, _("unknown member"));
      }

  for (guint i = 0; i < G_N_ELEMENTS (common); i++)
    {
      g_autofree char *at = g_strdup_printf ("%s.%s", where, common[i]);
      JsonNode *node;
      const char *value;

      if (setters[i] == dossier_record_set_code && !info->code_prefix)
        continue;
      node = _dossier_json_io_get_member (o, where, common[i], error);
      if (node == NULL)
        return FALSE;
      if (!_dossier_json_io_is_string (node) || *json_node_get_string (node) == '\0')
        return _dossier_json_io_invalid (error, at, _("expected a text"));
      value = json_node_get_string (node);
      if (setters[i] == dossier_record_set_uuid && !g_uuid_string_is_valid (value))
        return _dossier_json_io_invalid (error, at, _("not a valid uuid"));
      if ((setters[i] == dossier_record_set_created_at || setters[i] == dossier_record_set_updated_at) &&
          !_dossier_json_io_is_timestamp (value))
        return _dossier_json_io_invalid (error, at, _("expected a date and time such as 2024-05-01T09:30:00.000000Z"));
      if (setters[i] == dossier_record_set_code && !note_code (imp, info, value, at, error))
        return FALSE;
      setters[i] (record, value);
    }
  if (g_hash_table_contains (ids_for (imp, info->table), dossier_record_get_uuid (record)))
    {
      g_autofree char *at = g_strdup_printf ("%s.uuid", where);
      return _dossier_json_io_invalid (error, at, _("the same uuid appears twice"));
    }

  for (guint i = 0; i < info->n_fields; i++)
    {
      const DossierField *f = &info->fields[i];
      g_autofree char *key = _dossier_json_io_key (f);
      g_autofree char *at = g_strdup_printf ("%s.%s", where, key);
      JsonNode *node;
      gboolean null;

      /* A field newer than the document keeps the value a new record has. */
      if (f->optional && !json_object_has_member (o, key))
        continue;
      node = _dossier_json_io_get_member (o, where, key, error);
      if (node == NULL)
        return FALSE;
      null = JSON_NODE_HOLDS_NULL (node);

      switch (f->type)
        {
        case DOSSIER_FIELD_TEXT:
        case DOSSIER_FIELD_EDTF:
          if (!_dossier_json_io_is_string (node))
            return _dossier_json_io_invalid (error, at, _("expected a text"));
          if (!_dossier_json_io_check_text (info->table, f->name, json_node_get_string (node), at, error))
            return FALSE;
          if (f->type == DOSSIER_FIELD_EDTF && *json_node_get_string (node) != '\0')
            {
              g_autoptr(GError) local = NULL;

              if (!dossier_edtf_validate (json_node_get_string (node), &local))
                return _dossier_json_io_invalid (error, at, local->message);
            }
          dossier_record_set_string (record, f, json_node_get_string (node));
          break;
        case DOSSIER_FIELD_NTEXT:
          if (!null && !_dossier_json_io_is_string (node))
            return _dossier_json_io_invalid (error, at, _("expected a text or null"));
          /* The store would read "" as no code: the same export could not come back. */
          if (!null && f->vocab && *json_node_get_string (node) == '\0')
            return _dossier_json_io_invalid (error, at, _("expected a code or null"));
          if (!null && !_dossier_json_io_check_text (info->table, f->name, json_node_get_string (node), at, error))
            return FALSE;
          dossier_record_set_string (record, f, null ? NULL : json_node_get_string (node));
          break;
        case DOSSIER_FIELD_INT:
          if (!null && (!_dossier_json_io_is_integer (node) || json_node_get_int (node) < 0))
            return _dossier_json_io_invalid (error, at, _("expected a whole number or null"));
          G_STRUCT_MEMBER (gint64, record, f->offset) = null ? -1 : json_node_get_int (node);
          break;
        case DOSSIER_FIELD_REAL:
          if (!null && !is_number (node))
            return _dossier_json_io_invalid (error, at, _("expected a number or null"));
          G_STRUCT_MEMBER (double, record, f->offset) = null ? NAN : json_node_get_double (node);
          break;
        case DOSSIER_FIELD_REF:
          G_STRUCT_MEMBER (gint64, record, f->offset) = 0;
          if (!null)
            {
              gint64 *id;

              if (!_dossier_json_io_is_string (node))
                return _dossier_json_io_invalid (error, at, _("expected a uuid or null"));
              /* Resolved once the whole list is in: see Pending. */
              if (is_self_reference (info, f))
                break;
              id = g_hash_table_lookup (ids_for (imp, f->ref_table), json_node_get_string (node));
              if (id == NULL)
                return _dossier_json_io_invalid (error, at, _("refers to a record that is not in the document"));
              G_STRUCT_MEMBER (gint64, record, f->offset) = *id;
            }
          break;
        default:
          g_assert_not_reached ();
        }

      /* The store checks codes too, but cannot say where in the document they are. */
      if (f->vocab && _dossier_json_io_is_string (node) && *json_node_get_string (node) != '\0' &&
          !check_code (imp, f->vocab, json_node_get_string (node), at, error))
        return FALSE;
    }

  if (DOSSIER_IS_INCIDENT (record))
    {
      g_auto(GStrv) types = NULL;

      if (!read_strv (imp, o, "violation_types", "violation-type", where, &types, error))
        return FALSE;
      dossier_incident_set_violation_types (DOSSIER_INCIDENT (record), (const char * const *) types);
      return read_casualties (o, where, DOSSIER_INCIDENT (record), error);
    }
  if (DOSSIER_IS_TESTIMONY (record))
    {
      g_auto(GStrv) tags = NULL;

      if (!read_strv (imp, o, "tags", "violation-type", where, &tags, error))
        return FALSE;
      dossier_testimony_set_tags (DOSSIER_TESTIMONY (record), (const char * const *) tags);
    }
  return TRUE;
}

gboolean
_dossier_json_io_import_one (Importer       *imp,
                             const Section  *section,
                             JsonNode       *node,
                             guint           index,
                             GError        **error)
{
  g_autoptr(DossierRecord) record = _dossier_json_io_new_record (section);
  g_autofree char *where = g_strdup_printf ("%s[%u]", section->key, index);
  g_autoptr(GError) local = NULL;
  JsonObject *o;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _dossier_json_io_invalid (error, where, _("expected an object"));
  o = json_node_get_object (node);
  if (!record_from_json (imp, record, o, where, error))
    return FALSE;
  if (!dossier_store_insert (imp->store, record, &local))
    return _dossier_json_io_invalid (error, where, local->message);
  g_hash_table_insert (ids_for (imp, dossier_record_get_info (record)->table), g_strdup (dossier_record_get_uuid (record)),
                       g_memdup2 ((gint64[]) { dossier_record_get_id (record) }, sizeof (gint64)));

  for (guint i = 0; i < dossier_record_get_info (record)->n_fields; i++)
    {
      const DossierField *f = &dossier_record_get_info (record)->fields[i];
      g_autofree char *key = NULL;
      JsonNode *ref;

      if (!is_self_reference (dossier_record_get_info (record), f))
        continue;
      key = _dossier_json_io_key (f);
      ref = json_object_get_member (o, key);
      if (_dossier_json_io_is_string (ref))
        {
          Pending p = { dossier_record_get_id (record), f, g_strdup (json_node_get_string (ref)), g_strdup_printf ("%s.%s", where, key) };
          g_array_append_val (imp->pending, p);
        }
    }
  return TRUE;
}

gboolean
_dossier_json_io_resolve_pending (Importer  *imp,
                                  GError   **error)
{
  for (guint i = 0; i < imp->pending->len; i++)
    {
      Pending *p = &g_array_index (imp->pending, Pending, i);
      gint64 *id = g_hash_table_lookup (ids_for (imp, p->field->ref_table), p->uuid);

      if (id == NULL)
        return _dossier_json_io_invalid (error, p->where, _("refers to a record that is not in the document"));
      if (!dossier_restore_set_self_reference (imp->store, p->field, p->id, *id, error))
        return FALSE;
    }
  g_array_set_size (imp->pending, 0);
  return TRUE;
}
