/* dossier-json-io.c: the JSON interchange of a whole dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document is written from the record descriptions of core, so every column of every
 * record goes out and comes back: export → import → export gives the same bytes. Records are
 * written one per line, as they are read, and read back one at a time (see _dossier_json_io_read_outline()),
 * so a large dossier is never held in memory as a tree. Evidence bytes are not included:
 * items are referenced by their SHA-256.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier-actor.h"
#include "dossier-atomic-file.h"
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
#include "dossier-info.h"

/* In dependency order: what a record refers to comes before it. */
const Section _dossier_json_io_sections[] = {
  { "vocabulary", dossier_vocab_term_get_type, -1 },
  { "actors", dossier_actor_get_type, -1 },
  { "incidents", dossier_incident_get_type, -1 },
  { "people", dossier_person_get_type, -1 },
  { "identities", dossier_identity_get_type, -1 },
  { "testimonies", dossier_testimony_get_type, -1 },
  { "evidence", dossier_evidence_get_type, -1 },
  { "custody_events", dossier_custody_event_get_type, -1 },
  { "passages", dossier_passage_get_type, -1, TRUE },
  { "incident_actors", NULL, DOSSIER_LINK_INCIDENT_ACTOR },
  { "incident_people", NULL, DOSSIER_LINK_INCIDENT_PERSON },
  { "testimony_incidents", NULL, DOSSIER_LINK_TESTIMONY_INCIDENT },
  { "evidence_incidents", NULL, DOSSIER_LINK_EVIDENCE_INCIDENT },
  { "evidence_people", NULL, DOSSIER_LINK_EVIDENCE_PERSON },
  { "evidence_testimonies", NULL, DOSSIER_LINK_EVIDENCE_TESTIMONY },
  { "audit", dossier_audit_entry_get_type, -1 },
};

const guint _dossier_json_io_n_sections = G_N_ELEMENTS (_dossier_json_io_sections);

DossierRecord *
_dossier_json_io_new_record (const Section *section)
{
  if (section->link_kind >= 0)
    return DOSSIER_RECORD (dossier_link_new (section->link_kind));
  return g_object_new (section->get_type (), NULL);
}

/* "person_id" → "person": references are written as the other record's uuid. */
char *
_dossier_json_io_key (const DossierField *field)
{
  if (field->type == DOSSIER_FIELD_REF && g_str_has_suffix (field->name, "_id"))
    return g_strndup (field->name, strlen (field->name) - 3);
  return g_strdup (field->name);
}

/* ---------------------------------------------------------------- export */

typedef struct {
  DossierStore   *store;
  GOutputStream  *out;
  GCancellable   *cancellable;
  guint           n;
  DossierRedaction *redaction;   /* remembers what it left out, whose links go too */
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
  const DossierRecordInfo *info = dossier_record_get_info (record);
  GString *s = g_string_new ("{");

  append_key (s, "uuid");
  append_string (s, dossier_record_get_uuid (record));
  if (info->code_prefix)
    {
      append_key (s, "code");
      append_string (s, dossier_record_get_code (record));
    }
  append_key (s, "created_at");
  append_string (s, dossier_record_get_created_at (record));
  append_key (s, "updated_at");
  append_string (s, dossier_record_get_updated_at (record));

  for (guint i = 0; i < info->n_fields; i++)
    {
      const DossierField *f = &info->fields[i];
      g_autofree char *key = _dossier_json_io_key (f);
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

      append_strv (s, "violation_types", dossier_incident_get_violation_types (incident));
      append_key (s, "casualties");
      g_string_append_c (s, '[');
      for (int c = 0; c < DOSSIER_N_CASUALTY_CATEGORIES; c++)
        for (int g = 0; g < DOSSIER_N_CASUALTY_GROUPS; g++)
          if (dossier_incident_get_casualties (incident, c, g) > 0)
            {
              g_string_append_printf (s, "%s{\"category\":\"%s\",\"group\":\"%s\",\"count\":%" G_GINT64_FORMAT "}",
                                      first ? "" : ",", dossier_casualty_categories[c],
                                      dossier_casualty_groups[g], dossier_incident_get_casualties (incident, c, g));
              first = FALSE;
            }
      g_string_append_c (s, ']');
    }
  else if (DOSSIER_IS_TESTIMONY (record))
    append_strv (s, "tags", dossier_testimony_get_tags (DOSSIER_TESTIMONY (record)));

  g_string_append_c (s, '}');
  return g_string_free (s, FALSE);
}

/* The profile's DossierRedaction makes a record just read (a copy of its own) what may
 * leave, as for every exporter: returns FALSE for a record left out. */
static gboolean
redact (Writer        *w,
        DossierRecord *record)
{
  if (!dossier_redaction_apply (w->redaction, record))
    return FALSE;
  /* Not a rule of what may leave but of what the interchange holds together: without the
   * custody log (see section_kept()), the head it ends on would be a chain that the import
   * rightly refuses as cut. */
  if (DOSSIER_IS_EVIDENCE (record) && !dossier_redaction_keeps_table (w->redaction, "custody_event"))
    dossier_evidence_set_custody_head (DOSSIER_EVIDENCE (record), "");
  return TRUE;
}

/* Sections a profile leaves out whole: outside the internal profile, identities; the
 * logs, whose details name people, places and files; the coded passages, which quote
 * transcripts. */
static gboolean
section_kept (const Section    *section,
              DossierRedaction *redaction)
{
  g_autoptr(DossierRecord) probe = _dossier_json_io_new_record (section);

  return dossier_redaction_keeps_table (redaction, dossier_record_get_info (probe)->table);
}

static gboolean
write_record (DossierRecord  *record,
              gpointer        user_data,
              GError        **error)
{
  Writer *w = user_data;
  g_autofree char *text = NULL;

  if (!redact (w, record))
    return !g_cancellable_set_error_if_cancelled (w->cancellable, error);
  text = record_to_json (w->store, record);

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
 * Writes the whole dossier as one UTF-8 JSON document: "format", "schema_version", the
 * "dossier" record, one list per kind of record and link, then "code_counters". Records are
 * written one per line, in id order, each with its uuid, code, dates and every field of its
 * record description; references are the other record's uuid. The same dossier always gives
 * the same bytes, and exporting what dossier_json_import() read gives them back.
 *
 * Records are read and written one at a time, so a large dossier is never held in memory.
 * Evidence bytes are not included: each item carries its SHA-256.
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_json_export (DossierStore   *store,
                     GOutputStream  *out,
                     GCancellable   *cancellable,
                     GError        **error)
{
  return dossier_json_export_profile (store, DOSSIER_PROFILE_INTERNAL, out, cancellable, error);
}

/**
 * dossier_json_export_profile:
 * @store: a #DossierStore
 * @profile: what may leave the dossier
 * @out: where to write the document
 * @cancellable: (nullable): to stop
 * @error: return location for a #GError
 *
 * Writes the interchange document as dossier_json_export() does (that is the internal
 * profile), with the profile's rules applied: in public and annex no identities, no logs,
 * no coded passages, no transcripts, summaries of testimonies or other staff notes;
 * incidents, persons and evidence as the annex and the tables show them. The document
 * stays valid for dossier_json_import().
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_json_export_profile (DossierStore   *store,
                             DossierProfile  profile,
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
  g_autoptr(DossierRedaction) redaction = dossier_redaction_new (profile);
  Writer w = { store, out, cancellable, 0, redaction };

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

  for (guint s = 0; s < _dossier_json_io_n_sections; s++)
    {
      g_autofree char *open = g_strdup_printf (",\n  \"%s\": [", _dossier_json_io_sections[s].key);
      gboolean ok;

      if (!write_text (&w, open, error))
        return FALSE;
      w.n = 0;
      if (!section_kept (&_dossier_json_io_sections[s], redaction))
        {
          if (!write_text (&w, "]", error))
            return FALSE;
          continue;
        }
      if (_dossier_json_io_sections[s].link_kind >= 0)
        ok = dossier_store_foreach_link (store, _dossier_json_io_sections[s].link_kind, write_record, &w, error);
      else
        ok = dossier_store_foreach (store, _dossier_json_io_sections[s].get_type (), write_record, &w, error);
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
 * Exports as dossier_json_export() does, to a temporary file renamed over @path at the end:
 * on any error an existing file at @path is left as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_json_export_file (DossierStore  *store,
                          const char    *path,
                          GError       **error)
{
  return dossier_json_export_file_profile (store, DOSSIER_PROFILE_INTERNAL, path, error);
}

/**
 * dossier_json_export_file_profile:
 * @store: a #DossierStore
 * @profile: what may leave the dossier
 * @path: where to write; replaced only once the document is complete
 * @error: return location for a #GError
 *
 * Exports as dossier_json_export_profile() does, to a temporary file renamed over @path.
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_json_export_file_profile (DossierStore    *store,
                                  DossierProfile   profile,
                                  const char      *path,
                                  GError         **error)
{
  g_autoptr(DossierAtomicFile) file = NULL;
  g_autoptr(GOutputStream) buffered = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Not g_file_replace(): it writes a new file in place, and a failed export would leave half
   * a document under the final name. Private, as the document may hold identities. */
  file = dossier_atomic_file_open (path, 0600, error);
  if (file == NULL)
    return FALSE;
  buffered = g_buffered_output_stream_new_sized (dossier_atomic_file_get_stream (file), 256 * 1024);
  if (!dossier_json_export_profile (store, profile, buffered, NULL, error) ||
      !g_output_stream_close (buffered, NULL, error))
    return FALSE;
  return dossier_atomic_file_commit (g_steal_pointer (&file), error);
}
