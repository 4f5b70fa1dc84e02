/* dossier-json-io.c: the JSON interchange of a whole dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document is written from the record descriptions of core, so every column of every
 * record goes out and comes back: export → import → export gives the same bytes. Records are
 * written one per line, as they are read, so a large dossier is never held in memory whole.
 * Evidence bytes are not included: items are referenced by their SHA-256.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "dossier-actor.h"
#include "dossier-audit-entry.h"
#include "dossier-custody-event.h"
#include "dossier-evidence.h"
#include "dossier-identity.h"
#include "dossier-incident.h"
#include "dossier-json-io.h"
#include "dossier-link.h"
#include "dossier-person.h"
#include "dossier-record.h"
#include "dossier-testimony.h"
#include "dossier-vocab-term.h"

typedef struct {
  const char  *key;
  GType      (*get_type) (void);
  int          link_kind;  /* -1 for records */
} Section;

/* In dependency order: what a record refers to comes before it. */
static const Section sections[] = {
  { "vocabulary", dossier_vocab_term_get_type, -1 },
  { "actors", dossier_actor_get_type, -1 },
  { "incidents", dossier_incident_get_type, -1 },
  { "people", dossier_person_get_type, -1 },
  { "identities", dossier_identity_get_type, -1 },
  { "testimonies", dossier_testimony_get_type, -1 },
  { "evidence", dossier_evidence_get_type, -1 },
  { "custody_events", dossier_custody_event_get_type, -1 },
  { "incident_actors", NULL, DOSSIER_LINK_INCIDENT_ACTOR },
  { "incident_people", NULL, DOSSIER_LINK_INCIDENT_PERSON },
  { "testimony_incidents", NULL, DOSSIER_LINK_TESTIMONY_INCIDENT },
  { "evidence_incidents", NULL, DOSSIER_LINK_EVIDENCE_INCIDENT },
  { "evidence_people", NULL, DOSSIER_LINK_EVIDENCE_PERSON },
  { "evidence_testimonies", NULL, DOSSIER_LINK_EVIDENCE_TESTIMONY },
  { "audit", dossier_audit_entry_get_type, -1 },
};

static DossierRecord *
new_record (const Section *section)
{
  if (section->link_kind >= 0)
    return DOSSIER_RECORD (dossier_link_new (section->link_kind));
  return g_object_new (section->get_type (), NULL);
}

/* "person_id" → "person": references are written as the other record's uuid. */
static char *
json_key (const DossierField *field)
{
  if (field->type == DOSSIER_FIELD_REF && g_str_has_suffix (field->name, "_id"))
    return g_strndup (field->name, strlen (field->name) - 3);
  return g_strdup (field->name);
}

/* ---------------------------------------------------------------- export */

typedef struct {
  DossierStore  *store;
  GOutputStream *out;
  GCancellable  *cancellable;
  guint          n;
} Writer;

static gboolean
write_text (Writer      *w,
            const char  *text,
            GError     **error)
{
  return g_output_stream_write_all (w->out, text, strlen (text), NULL, w->cancellable, error);
}

/* JSON text of a string, escaped by hand: one call per value of 100,000 records must
 * not build a generator each time. */
static void
append_string (GString    *s,
               const char *value)
{
  g_string_append_c (s, '"');
  for (const char *p = value ? value : ""; *p; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"':
          g_string_append (s, "\\\"");
          break;
        case '\\':
          g_string_append (s, "\\\\");
          break;
        case '\n':
          g_string_append (s, "\\n");
          break;
        case '\r':
          g_string_append (s, "\\r");
          break;
        case '\t':
          g_string_append (s, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (s, "\\u%04x", c);
          else
            g_string_append_c (s, c);
        }
    }
  g_string_append_c (s, '"');
}

static void
append_key (GString    *s,
            const char *key)
{
  if (s->len > 1)
    g_string_append_c (s, ',');
  append_string (s, key);
  g_string_append_c (s, ':');
}

/* The shortest decimal form that reads back as the same double: 13.4317, not
 * 13.431699999999999. */
static void
append_double (GString *s,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (s, buf);
  /* Keep it a JSON number that parses as a double, never as an integer. */
  if (strpbrk (buf, ".eE") == NULL)
    g_string_append (s, ".0");
}

static void
append_strv (GString            *s,
             const char         *key,
             const char * const *values)
{
  append_key (s, key);
  g_string_append_c (s, '[');
  for (guint i = 0; values && values[i]; i++)
    {
      if (i > 0)
        g_string_append_c (s, ',');
      append_string (s, values[i]);
    }
  g_string_append_c (s, ']');
}

static char *
record_to_json (DossierStore  *store,
                DossierRecord *record)
{
  const DossierRecordInfo *info = record->info;
  GString *s = g_string_new ("{");

  append_key (s, "uuid");
  append_string (s, record->uuid);
  if (info->code_prefix)
    {
      append_key (s, "code");
      append_string (s, record->code);
    }
  append_key (s, "created_at");
  append_string (s, record->created_at);
  append_key (s, "updated_at");
  append_string (s, record->updated_at);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const DossierField *f = &info->fields[i];
      g_autofree char *key = json_key (f);
      gpointer p = G_STRUCT_MEMBER_P (record, f->offset);

      append_key (s, key);
      switch (f->type)
        {
        case DOSSIER_FIELD_TEXT:
        case DOSSIER_FIELD_EDTF:
          append_string (s, *(char **) p);
          break;
        case DOSSIER_FIELD_NTEXT:
          if (*(char **) p)
            append_string (s, *(char **) p);
          else
            g_string_append (s, "null");
          break;
        case DOSSIER_FIELD_INT:
          if (*(gint64 *) p >= 0)
            g_string_append_printf (s, "%" G_GINT64_FORMAT, *(gint64 *) p);
          else
            g_string_append (s, "null");
          break;
        case DOSSIER_FIELD_REAL:
          if (!isnan (*(double *) p))
            append_double (s, *(double *) p);
          else
            g_string_append (s, "null");
          break;
        case DOSSIER_FIELD_REF:
          {
            g_autofree char *uuid = dossier_store_uuid_for_id (store, f->ref_table, *(gint64 *) p);
            if (uuid)
              append_string (s, uuid);
            else
              g_string_append (s, "null");
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  if (DOSSIER_IS_INCIDENT (record))
    {
      DossierIncident *incident = DOSSIER_INCIDENT (record);
      gboolean first = TRUE;

      append_strv (s, "violation_types", (const char * const *) incident->violation_types);
      append_key (s, "casualties");
      g_string_append_c (s, '[');
      for (int c = 0; c < DOSSIER_N_CASUALTY_CATEGORIES; c++)
        for (int g = 0; g < DOSSIER_N_CASUALTY_GROUPS; g++)
          if (incident->casualties[c][g] > 0)
            {
              g_string_append_printf (s, "%s{\"category\":\"%s\",\"group\":\"%s\",\"count\":%" G_GINT64_FORMAT "}",
                                      first ? "" : ",", dossier_casualty_categories[c],
                                      dossier_casualty_groups[g], incident->casualties[c][g]);
              first = FALSE;
            }
      g_string_append_c (s, ']');
    }
  else if (DOSSIER_IS_TESTIMONY (record))
    append_strv (s, "tags", (const char * const *) DOSSIER_TESTIMONY (record)->tags);

  g_string_append_c (s, '}');
  return g_string_free (s, FALSE);
}

static gboolean
write_record (DossierRecord  *record,
              gpointer        user_data,
              GError        **error)
{
  Writer *w = user_data;
  g_autofree char *text = record_to_json (w->store, record);

  return write_text (w, w->n++ == 0 ? "\n    " : ",\n    ", error) &&
         write_text (w, text, error) &&
         !g_cancellable_set_error_if_cancelled (w->cancellable, error);
}

/**
 * dossier_json_export:
 * @store: a #DossierStore
 * @out: where to write the document
 * @cancellable: (nullable): to stop
 * @error: return location for a #GError
 *
 * Writes the whole dossier as one JSON document, in a stable order.
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_json_export (DossierStore   *store,
                     GOutputStream  *out,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(GHashTable) counters = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GList) prefixes = NULL;
  g_autofree char *uuid = NULL, *title = NULL, *mandate = NULL, *period = NULL, *lang = NULL;
  g_autofree char *created = NULL, *updated = NULL;
  const char *keys[] = { "uuid", "created_at", "updated_at", "title", "mandate", "period", "default_lang" };
  const char *values[G_N_ELEMENTS (keys)];
  Writer w = { store, out, cancellable, 0 };

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!dossier_store_get_info (store, &uuid, &title, &mandate, &period, &lang, error))
    return FALSE;
  if (!dossier_store_get_dates (store, &created, &updated))
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_FAILED,
                   _("The dossier’s own record cannot be read"));
      return FALSE;
    }
  /* Read before anything is written, so that a failure leaves nothing half written. */
  counters = dossier_store_list_code_counters (store, error);
  if (counters == NULL)
    return FALSE;

  values[0] = uuid, values[1] = created, values[2] = updated, values[3] = title;
  values[4] = mandate, values[5] = period, values[6] = lang;
  g_string_append_printf (text, "{\n  \"format\": \"%s\",\n  \"schema_version\": %d,\n  \"dossier\": {",
                          DOSSIER_JSON_FORMAT, DOSSIER_JSON_SCHEMA_VERSION);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_string_append (text, i == 0 ? "\n    " : ",\n    ");
      append_string (text, keys[i]);
      g_string_append (text, ": ");
      append_string (text, values[i]);
    }
  g_string_append (text, "\n  }");
  if (!write_text (&w, text->str, error))
    return FALSE;

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      g_autofree char *open = g_strdup_printf (",\n  \"%s\": [", sections[s].key);
      gboolean ok;

      if (!write_text (&w, open, error))
        return FALSE;
      w.n = 0;
      if (sections[s].link_kind >= 0)
        ok = dossier_store_foreach_link (store, sections[s].link_kind, write_record, &w, error);
      else
        ok = dossier_store_foreach (store, sections[s].get_type (), NULL, write_record, &w, error);
      if (!ok || !write_text (&w, w.n > 0 ? "\n  ]" : "]", error))
        return FALSE;
    }

  g_string_assign (text, ",\n  \"code_counters\": {");
  prefixes = g_list_sort (g_hash_table_get_keys (counters), (GCompareFunc) g_strcmp0);
  for (GList *l = prefixes; l; l = l->next)
    {
      g_string_append (text, l == prefixes ? "\n    " : ",\n    ");
      append_string (text, l->data);
      g_string_append_printf (text, ": %" G_GINT64_FORMAT, *(gint64 *) g_hash_table_lookup (counters, l->data));
    }
  g_string_append (text, prefixes ? "\n  }\n}\n" : "}\n}\n");
  return write_text (&w, text->str, error);
}

/**
 * dossier_json_export_file:
 * @store: a #DossierStore
 * @path: where to write; replaced only once the document is complete
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_json_export_file (DossierStore  *store,
                          const char    *path,
                          GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  /* g_file_replace() writes to a temporary file and renames it on a successful close. */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  if (stream == NULL)
    return FALSE;
  buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (stream), 256 * 1024);
  if (!dossier_json_export (store, buffered, NULL, error))
    {
      /* Closing a cancelled stream leaves the original file as it was. */
      g_cancellable_cancel (cancellable);
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, NULL);
      return FALSE;
    }
  return g_output_stream_close (buffered, NULL, error);
}

/* ---------------------------------------------------------------- import */

static gboolean
invalid (GError     **error,
         const char  *where,
         const char  *what)
{
  /* Translators: the first %s is where in the document (e.g. incidents[3].latitude), the second what is wrong */
  g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID, _("%s: %s"), where, what);
  return FALSE;
}

/* json-glib accepts, and leaks on, documents with several top-level values: find where the
 * first value ends and refuse anything but white space after it. */
static gboolean
check_single_value (const char  *data,
                    gsize        len,
                    GError     **error)
{
  gsize i = 0;
  int depth = 0;
  gboolean in_string = FALSE, started = FALSE;

  for (; i < len; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE, started = TRUE;
      else if (c == '{' || c == '[')
        depth++, started = TRUE;
      else if (c == '}' || c == ']')
        depth--;
      else if (!g_ascii_isspace (c))
        started = TRUE;
      if (started && depth <= 0 && !in_string && (c == '}' || c == ']'))
        {
          i++;
          break;
        }
    }
  for (; i < len; i++)
    if (!g_ascii_isspace (data[i]))
      {
        g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                     _("The document has unexpected data after its end"));
        return FALSE;
      }
  return TRUE;
}

typedef struct {
  DossierStore *store;
  GHashTable   *ids;   /* table name → (uuid → id as gint64 pointer) */
} Importer;

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

static gboolean
is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_integer (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
is_number (JsonNode *node)
{
  return is_integer (node) ||
         (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

static gboolean
read_strv (JsonObject  *o,
           const char  *key,
           const char  *where,
           GStrv       *out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (o, key);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *at = g_strdup_printf ("%s.%s", where, key);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, at, _("expected a list of codes"));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);
      if (!is_string (e))
        return invalid (error, at, _("expected a list of codes"));
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
  JsonNode *node = json_object_get_member (o, "casualties");
  g_autofree char *at = g_strdup_printf ("%s.casualties", where);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, at, _("expected a list of counts"));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);
      JsonObject *c;
      int ci, gi;

      if (!JSON_NODE_HOLDS_OBJECT (e))
        return invalid (error, at, _("expected a list of counts"));
      c = json_node_get_object (e);
      if (json_object_get_size (c) != 3 || !is_string (json_object_get_member (c, "category")) ||
          !is_string (json_object_get_member (c, "group")) || !is_integer (json_object_get_member (c, "count")))
        return invalid (error, at, _("each count needs a category, a group and a whole number"));
      ci = dossier_casualty_category_index (json_object_get_string_member (c, "category"));
      gi = dossier_casualty_group_index (json_object_get_string_member (c, "group"));
      if (ci < 0 || gi < 0)
        return invalid (error, at, _("unknown category or group of casualties"));
      if (json_object_get_int_member (c, "count") < 0)
        return invalid (error, at, _("counts cannot be negative"));
      incident->casualties[ci][gi] = json_object_get_int_member (c, "count");
    }
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
  const DossierRecordInfo *info = record->info;
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GList) members = NULL;
  const char *common[] = { "uuid", "code", "created_at", "updated_at" };

  for (guint i = 0; i < G_N_ELEMENTS (common); i++)
    if (i != 1 || info->code_prefix)
      g_hash_table_add (expected, g_strdup (common[i]));
  for (guint i = 0; i < info->n_fields; i++)
    g_hash_table_add (expected, json_key (&info->fields[i]));
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
        return invalid (error, at, _("unknown member"));
      }

  for (guint i = 0; i < G_N_ELEMENTS (common); i++)
    {
      JsonNode *node;
      g_autofree char *at = g_strdup_printf ("%s.%s", where, common[i]);
      char **slot = i == 0 ? &record->uuid : i == 1 ? &record->code : i == 2 ? &record->created_at : &record->updated_at;

      if (i == 1 && !info->code_prefix)
        continue;
      node = json_object_get_member (o, common[i]);
      if (!is_string (node) || *json_node_get_string (node) == '\0')
        return invalid (error, at, _("expected a text"));
      if (i == 0 && !g_uuid_string_is_valid (json_node_get_string (node)))
        return invalid (error, at, _("not a valid uuid"));
      g_free (*slot);
      *slot = g_strdup (json_node_get_string (node));
    }
  if (g_hash_table_contains (ids_for (imp, info->table), record->uuid))
    {
      g_autofree char *at = g_strdup_printf ("%s.uuid", where);
      return invalid (error, at, _("the same uuid appears twice"));
    }

  for (guint i = 0; i < info->n_fields; i++)
    {
      const DossierField *f = &info->fields[i];
      g_autofree char *key = json_key (f);
      g_autofree char *at = g_strdup_printf ("%s.%s", where, key);
      JsonNode *node = json_object_get_member (o, key);
      gboolean null;

      if (node == NULL)
        return invalid (error, at, _("missing"));
      null = JSON_NODE_HOLDS_NULL (node);

      switch (f->type)
        {
        case DOSSIER_FIELD_TEXT:
        case DOSSIER_FIELD_EDTF:
          if (!is_string (node))
            return invalid (error, at, _("expected a text"));
          dossier_record_set_string (record, f, json_node_get_string (node));
          break;
        case DOSSIER_FIELD_NTEXT:
          if (!null && !is_string (node))
            return invalid (error, at, _("expected a text or null"));
          dossier_record_set_string (record, f, null ? NULL : json_node_get_string (node));
          break;
        case DOSSIER_FIELD_INT:
          if (!null && (!is_integer (node) || json_node_get_int (node) < 0))
            return invalid (error, at, _("expected a whole number or null"));
          G_STRUCT_MEMBER (gint64, record, f->offset) = null ? -1 : json_node_get_int (node);
          break;
        case DOSSIER_FIELD_REAL:
          if (!null && !is_number (node))
            return invalid (error, at, _("expected a number or null"));
          G_STRUCT_MEMBER (double, record, f->offset) = null ? NAN : json_node_get_double (node);
          break;
        case DOSSIER_FIELD_REF:
          if (null)
            G_STRUCT_MEMBER (gint64, record, f->offset) = 0;
          else
            {
              gint64 *id;

              if (!is_string (node))
                return invalid (error, at, _("expected a uuid or null"));
              id = g_hash_table_lookup (ids_for (imp, f->ref_table), json_node_get_string (node));
              if (id == NULL)
                return invalid (error, at, _("refers to a record that is not in the document"));
              G_STRUCT_MEMBER (gint64, record, f->offset) = *id;
            }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  if (DOSSIER_IS_INCIDENT (record))
    return read_strv (o, "violation_types", where, &DOSSIER_INCIDENT (record)->violation_types, error) &&
           read_casualties (o, where, DOSSIER_INCIDENT (record), error);
  if (DOSSIER_IS_TESTIMONY (record))
    return read_strv (o, "tags", where, &DOSSIER_TESTIMONY (record)->tags, error);
  return TRUE;
}

static gboolean
import_one (Importer       *imp,
            const Section  *section,
            JsonNode       *node,
            guint           index,
            GError        **error)
{
  g_autoptr(DossierRecord) record = new_record (section);
  g_autofree char *where = g_strdup_printf ("%s[%u]", section->key, index);
  g_autoptr(GError) local = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, where, _("expected an object"));
  if (!record_from_json (imp, record, json_node_get_object (node), where, error))
    return FALSE;
  if (!dossier_store_insert (imp->store, record, &local))
    return invalid (error, where, local->message);
  g_hash_table_insert (ids_for (imp, record->info->table), g_strdup (record->uuid),
                       g_memdup2 (&record->id, sizeof record->id));
  return TRUE;
}

/* Actors may name a parent that comes later in the list: insert in passes, each taking the
 * actors whose parent is already in. */
static gboolean
import_actors (Importer       *imp,
               const Section  *section,
               JsonArray      *array,
               GError        **error)
{
  guint n = json_array_get_length (array);
  g_autofree gboolean *done = g_new0 (gboolean, n);
  guint left = n;

  while (left > 0)
    {
      guint before = left;

      for (guint i = 0; i < n; i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          JsonNode *parent;

          if (done[i])
            continue;
          if (JSON_NODE_HOLDS_OBJECT (node) &&
              (parent = json_object_get_member (json_node_get_object (node), "parent")) != NULL &&
              is_string (parent) &&
              !g_hash_table_contains (ids_for (imp, "actor"), json_node_get_string (parent)))
            continue;
          if (!import_one (imp, section, node, i, error))
            return FALSE;
          done[i] = TRUE;
          left--;
        }
      if (left == before)
        for (guint i = 0; i < n; i++)
          if (!done[i])
            {
              g_autofree char *where = g_strdup_printf ("%s[%u].parent", section->key, i);
              return invalid (error, where, _("refers to a record that is not in the document"));
            }
    }
  return TRUE;
}

static gboolean
import_document (Importer    *imp,
                 JsonObject  *root,
                 GCancellable *cancellable,
                 GError     **error)
{
  DossierStore *store = imp->store;
  JsonNode *node;
  JsonObject *dossier;
  const char *dossier_keys[] = { "uuid", "created_at", "updated_at", "title", "mandate", "period", "default_lang" };
  g_autoptr(GList) members = json_object_get_members (root);

  for (GList *l = members; l; l = l->next)
    {
      gboolean known = g_str_equal (l->data, "format") || g_str_equal (l->data, "schema_version") ||
                       g_str_equal (l->data, "dossier") || g_str_equal (l->data, "code_counters");
      for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
        known |= g_str_equal (l->data, sections[s].key);
      if (!known)
        return invalid (error, l->data, _("unknown member"));
    }

  node = json_object_get_member (root, "dossier");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, "dossier", _("expected an object"));
  dossier = json_node_get_object (node);
  if (json_object_get_size (dossier) != G_N_ELEMENTS (dossier_keys))
    return invalid (error, "dossier", _("expected exactly uuid, created_at, updated_at, title, mandate, period and default_lang"));
  for (guint i = 0; i < G_N_ELEMENTS (dossier_keys); i++)
    if (!is_string (json_object_get_member (dossier, dossier_keys[i])))
      {
        g_autofree char *at = g_strdup_printf ("dossier.%s", dossier_keys[i]);
        return invalid (error, at, _("expected a text"));
      }
  if (!g_uuid_string_is_valid (json_object_get_string_member (dossier, "uuid")))
    return invalid (error, "dossier.uuid", _("not a valid uuid"));
  if (!g_str_equal (json_object_get_string_member (dossier, "default_lang"), "fr") &&
      !g_str_equal (json_object_get_string_member (dossier, "default_lang"), "en"))
    return invalid (error, "dossier.default_lang", _("expected “fr” or “en”"));
  if (!_dossier_store_replace_info (store,
                                    json_object_get_string_member (dossier, "uuid"),
                                    json_object_get_string_member (dossier, "created_at"),
                                    json_object_get_string_member (dossier, "updated_at"),
                                    json_object_get_string_member (dossier, "title"),
                                    json_object_get_string_member (dossier, "mandate"),
                                    json_object_get_string_member (dossier, "period"),
                                    json_object_get_string_member (dossier, "default_lang"),
                                    error))
    return FALSE;

  if (!_dossier_store_clear_vocabulary (store, error))
    return FALSE;

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      JsonArray *array;

      node = json_object_get_member (root, sections[s].key);
      if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
        return invalid (error, sections[s].key, _("expected a list"));
      array = json_node_get_array (node);
      if (g_str_equal (sections[s].key, "actors"))
        {
          if (!import_actors (imp, &sections[s], array, error))
            return FALSE;
          continue;
        }
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (!import_one (imp, &sections[s], json_array_get_element (array, i), i, error))
            return FALSE;
          if ((i & 1023) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
        }
    }

  node = json_object_get_member (root, "code_counters");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, "code_counters", _("expected an object"));
  {
    JsonObject *counters = json_node_get_object (node);
    g_autoptr(GList) prefixes = json_object_get_members (counters);

    for (GList *l = prefixes; l; l = l->next)
      {
        JsonNode *value = json_object_get_member (counters, l->data);
        g_autofree char *at = g_strdup_printf ("code_counters.%s", (char *) l->data);

        if (!is_integer (value) || json_node_get_int (value) < 1)
          return invalid (error, at, _("expected a whole number"));
        if (!_dossier_store_set_code_counter (store, l->data, json_node_get_int (value), error))
          return FALSE;
      }
  }
  return TRUE;
}

/**
 * dossier_json_import:
 * @store: an empty, writable #DossierStore
 * @json: a document written by dossier_json_export()
 * @cancellable: (nullable): to stop
 * @error: return location for a #GError
 *
 * Imports a whole dossier, all or nothing: any error, in any record, leaves @store as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_json_import (DossierStore   *store,
                     GBytes         *json,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local = NULL;
  Importer imp = { store, NULL };
  DossierStoreCounts counts;
  JsonObject *root;
  JsonNode *node;
  gboolean ok;
  gsize len;
  const char *data;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  data = g_bytes_get_data (json, &len);
  if (len == 0)
    return invalid (error, _("document"), _("the file is empty"));
  if (!g_utf8_validate (data, len, NULL))
    return invalid (error, _("document"), _("the file is not UTF-8 text"));
  if (!check_single_value (data, len, error))
    return FALSE;
  if (!json_parser_load_from_data (parser, data, len, &local))
    {
      /* Translators: %s is the JSON parser's message */
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                   _("The document is not valid JSON: %s"), local->message);
      return FALSE;
    }
  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return invalid (error, _("document"), _("expected an object"));
  root = json_node_get_object (json_parser_get_root (parser));

  node = json_object_get_member (root, "format");
  if (!is_string (node) || !g_str_equal (json_node_get_string (node), DOSSIER_JSON_FORMAT))
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_A_DOSSIER,
                   _("The document is not a dossier exported by Dossier"));
      return FALSE;
    }
  node = json_object_get_member (root, "schema_version");
  if (!is_integer (node))
    return invalid (error, "schema_version", _("expected a whole number"));
  if (json_node_get_int (node) > DOSSIER_JSON_SCHEMA_VERSION)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_TOO_NEW,
                   _("The document was exported by a newer version of Dossier; update Dossier to import it"));
      return FALSE;
    }
  if (json_node_get_int (node) != DOSSIER_JSON_SCHEMA_VERSION)
    {
      /* Translators: %d is a version number */
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                   _("Unknown version %d of the interchange format"), (int) json_node_get_int (node));
      return FALSE;
    }

  if (!dossier_store_count (store, &counts, error))
    return FALSE;
  if (counts.incidents + counts.people + counts.testimonies + counts.evidence + counts.actors > 0)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                   _("A dossier can be imported only into an empty dossier"));
      return FALSE;
    }

  if (!dossier_store_begin (store, error))
    return FALSE;
  imp.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  _dossier_store_set_auditing (store, FALSE);
  ok = import_document (&imp, root, cancellable, error);
  _dossier_store_set_auditing (store, TRUE);
  g_hash_table_unref (imp.ids);
  if (!ok)
    {
      dossier_store_rollback (store);
      return FALSE;
    }
  return dossier_store_commit (store, error);
}

gboolean
dossier_json_import_file (DossierStore  *store,
                          const char    *path,
                          GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, error);

  if (bytes == NULL)
    return FALSE;
  return dossier_json_import (store, bytes, NULL, error);
}
