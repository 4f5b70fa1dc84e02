/* dossier-json-io.c: the JSON interchange of a whole dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document is written from the record descriptions of core, so every column of every
 * record goes out and comes back: export → import → export gives the same bytes. Records are
 * written one per line, as they are read, and read back one at a time (see read_outline()),
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
#include "dossier-audit-entry.h"
#include "dossier-custody.h"
#include "dossier-custody-event.h"
#include "dossier-edtf.h"
#include "dossier-evidence.h"
#include "dossier-identity.h"
#include "dossier-incident.h"
#include "dossier-json-io.h"
#include "dossier-link.h"
#include "dossier-passage.h"
#include "dossier-person.h"
#include "dossier-record.h"
#include "dossier-testimony.h"
#include "dossier-vocab-term.h"

typedef struct {
  const char  *key;
  GType      (*get_type) (void);
  int          link_kind;  /* -1 for records */
  gboolean     optional;   /* may be missing from documents of earlier versions */
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
  { "passages", dossier_passage_get_type, -1, TRUE },
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
  DossierStore   *store;
  GOutputStream  *out;
  GCancellable   *cancellable;
  guint           n;
  DossierProfile  profile;
  GHashTable     *dropped_incidents;   /* ids left out by the profile, whose links go too */
  GHashTable     *dropped_evidence;
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

static void
blank (char **field)
{
  g_free (*field);
  *field = g_strdup ("");
}

static gboolean
dropped (GHashTable *ids,
         gint64      id)
{
  return g_hash_table_contains (ids, &id);
}

static void
drop (GHashTable *ids,
      gint64      id)
{
  g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
}

/* The profile's rules for the interchange, applied to a record just read (a copy of its
 * own): returns FALSE for a record left out. The rules are those of the annex and the
 * tables; the interchange adds the free texts it alone carries (transcripts, excerpts). */
static gboolean
redact (Writer        *w,
        DossierRecord *record)
{
  DossierProfile profile = w->profile;
  gboolean staff_texts = dossier_redaction_keeps_staff_texts (profile);

  if (DOSSIER_IS_INCIDENT (record))
    {
      DossierIncident *incident = DOSSIER_INCIDENT (record);

      if (!dossier_redaction_keeps (profile, incident))
        {
          drop (w->dropped_incidents, record->id);
          return FALSE;
        }
      if (!dossier_redaction_keeps_texts (profile, incident))
        {
          blank (&incident->title_fr);
          blank (&incident->title_en);
          blank (&incident->summary_fr);
          blank (&incident->summary_en);
          blank (&incident->sources);
          blank (&incident->place);
          blank (&incident->admin3);
        }
    }
  else if (DOSSIER_IS_PERSON (record))
    {
      DossierPerson *person = DOSSIER_PERSON (record);

      if (!staff_texts)
        {
          blank (&person->notes);
          blank (&person->community);
          blank (&person->languages);
        }
      if (!dossier_redaction_keeps_person_details (profile, person))
        {
          g_free (person->sex);
          person->sex = g_strdup ("unknown");
          g_free (person->age_group);
          person->age_group = g_strdup ("unknown");
          person->age = -1;
          g_clear_pointer (&person->residence_admin1, g_free);
          g_clear_pointer (&person->residence_admin2, g_free);
        }
    }
  else if (DOSSIER_IS_TESTIMONY (record) && !staff_texts)
    {
      DossierTestimony *testimony = DOSSIER_TESTIMONY (record);

      blank (&testimony->summary);
      blank (&testimony->transcript);
      blank (&testimony->place);
      blank (&testimony->interviewer);
      blank (&testimony->interpreter);
    }
  else if (DOSSIER_IS_EVIDENCE (record))
    {
      DossierEvidence *evidence = DOSSIER_EVIDENCE (record);

      if (!dossier_redaction_keeps_evidence (profile, evidence))
        {
          drop (w->dropped_evidence, record->id);
          return FALSE;
        }
      if (!dossier_redaction_keeps_evidence_title (profile, evidence))
        {
          blank (&evidence->title);
          blank (&evidence->description);
        }
      if (!dossier_redaction_keeps_collector (profile))
        blank (&evidence->acquired_by);
      if (!staff_texts)
        {
          blank (&evidence->original_name);
          blank (&evidence->captured_at);
          evidence->latitude = NAN;
          evidence->longitude = NAN;
          /* The custody log stays in the dossier (see section_kept()): without it, the
           * head it ends on would be a chain that the import rightly refuses as cut. */
          blank (&evidence->custody_head);
        }
    }
  else if (DOSSIER_IS_LINK (record))
    {
      DossierLink *link = DOSSIER_LINK (record);

      switch (link->kind)
        {
        case DOSSIER_LINK_INCIDENT_ACTOR:
        case DOSSIER_LINK_INCIDENT_PERSON:
          if (dropped (w->dropped_incidents, link->left_id))
            return FALSE;
          break;
        case DOSSIER_LINK_TESTIMONY_INCIDENT:
        case DOSSIER_LINK_EVIDENCE_INCIDENT:
          if (dropped (w->dropped_incidents, link->right_id) ||
              (link->kind == DOSSIER_LINK_EVIDENCE_INCIDENT && dropped (w->dropped_evidence, link->left_id)))
            return FALSE;
          break;
        case DOSSIER_LINK_EVIDENCE_PERSON:
        case DOSSIER_LINK_EVIDENCE_TESTIMONY:
        default:
          if (dropped (w->dropped_evidence, link->left_id))
            return FALSE;
          break;
        }
      if (!staff_texts)
        blank (&link->detail);
    }
  return TRUE;
}

/* Sections only the internal profile carries: identities; the logs, whose details name
 * people, places and files; the coded passages, which quote transcripts. */
static gboolean
section_kept (const Section  *section,
              DossierProfile  profile)
{
  if (g_str_equal (section->key, "identities"))
    return dossier_redaction_keeps_identities (profile);
  if (g_str_equal (section->key, "custody_events") || g_str_equal (section->key, "passages") ||
      g_str_equal (section->key, "audit"))
    return dossier_redaction_keeps_staff_texts (profile);
  return TRUE;
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
  g_autoptr(GHashTable) dropped_incidents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) dropped_evidence = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  Writer w = { store, out, cancellable, 0, profile, dropped_incidents, dropped_evidence };

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
      if (!section_kept (&sections[s], profile))
        {
          if (!write_text (&w, "]", error))
            return FALSE;
          continue;
        }
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
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) part = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  g_autoptr(GError) local = NULL;
  gboolean ok;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Not g_file_replace(): it writes a new file in place, and a failed export would leave half
   * a document under the final name. Private, as the document may hold identities. */
  file = g_file_new_for_path (path);
  for (int attempt = 0; stream == NULL; attempt++)
    {
      g_autofree char *part_path = g_strdup_printf ("%s.%08x.part", path, g_random_int ());

      g_clear_object (&part);
      g_clear_error (&local);
      part = g_file_new_for_path (part_path);
      stream = g_file_create (part, G_FILE_CREATE_PRIVATE, NULL, &local);
      if (stream == NULL && (attempt == 9 || !g_error_matches (local, G_IO_ERROR, G_IO_ERROR_EXISTS)))
        {
          g_autofree char *display = g_filename_display_name (path);

          /* Translators: the first %s is a file name, the second the system's reason */
          g_set_error (error, G_IO_ERROR, local->code, _("“%s” cannot be written: %s"), display, local->message);
          return FALSE;
        }
    }

  buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (stream), 256 * 1024);
  ok = dossier_json_export_profile (store, profile, buffered, NULL, error) &&
       g_output_stream_close (buffered, NULL, error) &&
       g_file_move (part, file, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                    NULL, NULL, NULL, error);
  if (!ok)
    {
      g_output_stream_close (buffered, NULL, NULL);
      g_file_delete (part, NULL, NULL);
    }
  return ok;
}

/* ---------------------------------------------------------------- import */

static gboolean
invalid (GError     **error,
         const char  *where,
         const char  *what)
{
  /* A member's name may hold an escape json-glib decodes to bytes that are not UTF-8
   * ("\udcgi"), and a GError's message must be UTF-8. */
  g_autofree char *place = g_utf8_make_valid (where, -1);

  /* Translators: the first %s is where in the document (e.g. incidents[3].latitude), the second what is wrong */
  g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID, _("%s: %s"), place, what);
  return FALSE;
}

/* The document's outline.
 *
 * json-glib builds a tree of the whole document: for 100,000 incidents, several times the
 * size of the file. So only the outline (the top-level object and its lists) is read here, by
 * hand, and each record is given to json-glib on its own, its tree freed before the next one.
 * Reading the outline also catches what json-glib 1.6 would let through (and leak on): data
 * after the end of the document. */

typedef struct {
  const char *data;
  gsize       len;
  gsize       pos;
} Text;

typedef struct {
  gsize start;
  gsize end;
} Span;

static void
skip_space (Text *t)
{
  while (t->pos < t->len && strchr (" \t\n\r", t->data[t->pos]) != NULL)
    t->pos++;
}

/* How deep values may nest, the document itself being the first level. The format nests
 * five deep at most (the document, a list, a record, its casualties, one count); 32 leaves
 * room for what later versions may add. json-glib parses recursively, and 100,000 nested
 * lists overflowed its stack: every value goes through skip_value() before json-glib sees
 * it, and one nested deeper than this is refused there. */
#define MAX_DEPTH 32

static gboolean nesting_error (const Text  *t,
                               gsize        start,
                               int          depth,
                               const char  *where,
                               GError     **error);
static gboolean syntax_error  (const Text  *t,
                               GError     **error);

/* Moves past one value without checking what is inside: json-glib checks it when the value
 * is parsed. The value is inside @depth levels (1: a member of the document); @where names
 * it in errors. FALSE when the value does not end, or nests too deep. */
static gboolean
skip_value (Text        *t,
            int          depth,
            const char  *where,
            GError     **error)
{
  gsize start = t->pos;
  char c;

  if (t->pos >= t->len)
    return syntax_error (t, error);
  c = t->data[t->pos];
  if (c == '{' || c == '[')
    {
      int level = 0;
      gboolean in_string = FALSE;

      for (; t->pos < t->len; t->pos++)
        {
          c = t->data[t->pos];
          if (in_string)
            {
              if (c == '\\')
                t->pos++;
              else if (c == '"')
                in_string = FALSE;
            }
          else if (c == '"')
            in_string = TRUE;
          else if (c == '{' || c == '[')
            {
              if (depth + ++level > MAX_DEPTH)
                return nesting_error (t, start, depth, where, error);
            }
          else if ((c == '}' || c == ']') && --level == 0)
            {
              t->pos++;
              return TRUE;
            }
        }
      return syntax_error (t, error);
    }
  if (c == '"')
    {
      for (t->pos++; t->pos < t->len; t->pos++)
        {
          c = t->data[t->pos];
          if (c == '\\')
            t->pos++;
          else if (c == '"')
            {
              t->pos++;
              return TRUE;
            }
        }
      return syntax_error (t, error);
    }
  /* A number, true, false or null. */
  while (t->pos < t->len && strchr (" \t\n\r,:[]{}\"", t->data[t->pos]) == NULL)
    t->pos++;
  if (t->pos > start)
    return TRUE;
  return syntax_error (t, error);
}

static guint
line_at (const Text *t,
         gsize       pos)
{
  guint line = 1;

  for (gsize i = 0; i < pos && i < t->len; i++)
    if (t->data[i] == '\n')
      line++;
  return line;
}

static gboolean
syntax_error (const Text  *t,
              GError     **error)
{
  if (t->pos >= t->len)
    g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                 _("The document is not valid JSON: it ends too early"));
  else
    /* Translators: %u is a line number */
    g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                 _("The document is not valid JSON: unexpected character on line %u"), line_at (t, t->pos));
  return FALSE;
}

/* Finds, in the value at @start, the first list or object nested deeper than MAX_DEPTH, and
 * says where it is: its path from @where (incidents[3].violation_types[0]…) and its line.
 * Only called once skip_value() has met it, so the scan stops there. */
static gboolean
nesting_error (const Text  *t,
               gsize        start,
               int          depth,
               const char  *where,
               GError     **error)
{
  struct {
    gboolean array;
    guint    index;      /* of the element being read, in a list */
    gsize    key;        /* of the member being read, in an object: where its name starts */
    gsize    key_len;
  } levels[MAX_DEPTH + 1];
  g_autoptr(GString) path = g_string_new (where);
  gboolean in_string = FALSE, key_next = FALSE;
  gsize string_start = 0, pos;
  int n = 0;

  for (pos = start; pos < t->len; pos++)
    {
      char c = t->data[pos];

      if (in_string)
        {
          if (c == '\\')
            pos++;
          else if (c == '"')
            {
              in_string = FALSE;
              if (key_next && n > 0 && !levels[n - 1].array)
                {
                  levels[n - 1].key = string_start + 1;
                  levels[n - 1].key_len = pos - string_start - 1;
                  key_next = FALSE;
                }
            }
          continue;
        }
      if (c == '"')
        {
          in_string = TRUE;
          string_start = pos;
        }
      else if (c == '{' || c == '[')
        {
          if (depth + n + 1 > MAX_DEPTH)
            break;
          levels[n].array = c == '[';
          levels[n].index = 0;
          levels[n].key_len = 0;
          key_next = c == '{';
          n++;
        }
      else if ((c == '}' || c == ']') && n > 0)
        n--;
      else if (c == ',' && n > 0)
        {
          levels[n - 1].index++;
          key_next = !levels[n - 1].array;
        }
    }

  /* The first levels name the place; beyond, a run of [0][0][0] would only be noise. */
  for (int i = 0; i < n && i < 8; i++)
    {
      if (levels[i].array)
        g_string_append_printf (path, "[%u]", levels[i].index);
      else if (levels[i].key_len > 0)
        g_string_append_printf (path, ".%.*s", (int) MIN (levels[i].key_len, 40), t->data + levels[i].key);
    }
  if (n > 8)
    g_string_append (path, "…");
  /* Translators: %s is where in the document (e.g. incidents[3].violation_types), %u a line
   * number, %d the most levels a dossier document may have */
  g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
               _("%s: nested too deep on line %u (a dossier document has at most %d levels)"),
               path->str, line_at (t, pos), MAX_DEPTH);
  return FALSE;
}

static gboolean
expect (Text        *t,
        char         c,
        GError     **error)
{
  skip_space (t);
  if (t->pos >= t->len || t->data[t->pos] != c)
    return syntax_error (t, error);
  t->pos++;
  return TRUE;
}

/* Parses the value in @span with @parser, whose previous tree it replaces. */
static JsonNode *
parse_value (const Text  *t,
             JsonParser  *parser,
             Span         span,
             const char  *where,
             GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *valid = NULL;
  const char *message;
  guint line, l;
  int n = 0;

  if (json_parser_load_from_data (parser, t->data + span.start, span.end - span.start, &local))
    return json_parser_get_root (parser);

  /* json-glib counts lines from the value's start: count them from the document's. */
  message = local->message;
  line = line_at (t, span.start);
  if (sscanf (message, "<data>:%u:%*u: %n", &l, &n) == 1 && n > 0)
    {
      line += l - 1;
      message += n;
    }
  /* json-glib quotes the bad token cut at a byte count, maybe inside a character: a
   * GError's message must be UTF-8. */
  valid = g_utf8_make_valid (message, -1);
  /* Translators: the first %s is where in the document (e.g. incidents[3]), %u a line
   * number, the last %s the JSON parser's own message */
  g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
               _("%s: not valid JSON on line %u: %s"), where, line, valid);
  return NULL;
}

/* Reads the top-level object: where each member's value is, by name. */
static GHashTable *
read_outline (Text        *t,
              JsonParser  *parser,
              GError     **error)
{
  g_autoptr(GHashTable) members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  skip_space (t);
  if (t->pos >= t->len)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID, _("The document is empty"));
      return NULL;
    }
  if (t->data[t->pos] != '{')
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                   _("The document is not a JSON object"));
      return NULL;
    }
  t->pos++;
  skip_space (t);
  if (t->pos < t->len && t->data[t->pos] == '}')
    t->pos++;
  else
    for (;;)
      {
        g_autofree char *key = NULL;
        Span span;
        JsonNode *node;

        skip_space (t);
        span.start = t->pos;
        if (t->pos >= t->len || t->data[t->pos] != '"')
          {
            syntax_error (t, error);
            return NULL;
          }
        if (!skip_value (t, 1, _("document"), error))
          return NULL;
        span.end = t->pos;
        node = parse_value (t, parser, span, _("document"), error);
        if (node == NULL)
          return NULL;
        /* Made valid: the name is quoted in messages, and "\udcgi" decodes to bytes that
         * are not UTF-8 (a name that had them is then refused as unknown). */
        key = g_utf8_make_valid (json_node_get_string (node), -1);

        if (!expect (t, ':', error))
          return NULL;
        skip_space (t);
        span.start = t->pos;
        if (!skip_value (t, 1, key, error))
          return NULL;
        span.end = t->pos;
        /* json-glib would keep the last one silently. */
        if (g_hash_table_contains (members, key))
          {
            invalid (error, key, _("given twice"));
            return NULL;
          }
        g_hash_table_insert (members, g_steal_pointer (&key), g_memdup2 (&span, sizeof span));

        skip_space (t);
        if (t->pos < t->len && t->data[t->pos] == ',')
          {
            t->pos++;
            continue;
          }
        if (!expect (t, '}', error))
          return NULL;
        break;
      }

  skip_space (t);
  if (t->pos < t->len)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                   _("The document has unexpected data after its end"));
      return NULL;
    }
  return g_steal_pointer (&members);
}

/* A reference to a record of the same kind (an actor's parent): the other record may come
 * later in the list, so it is set once the whole list is in. Inserting in list order keeps
 * the ids, and so the order of a new export, the same as the document's. */
typedef struct {
  gint64              id;
  const DossierField *field;
  char               *uuid;
  char               *where;
} Pending;

static void
pending_clear (gpointer data)
{
  g_free (((Pending *) data)->uuid);
  g_free (((Pending *) data)->where);
}

typedef struct {
  DossierStore *store;
  const Text   *text;
  JsonParser   *parser;   /* one value at a time */
  GHashTable   *outline;  /* member name → Span */
  GHashTable   *ids;      /* table name → (uuid → id as a pointer to gint64) */
  GArray       *pending;  /* of Pending */
  GHashTable   *highest;  /* code prefix → the highest number of its codes, as a pointer to gint64 */
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

/* json-glib turns an unpaired "\ud800" into bytes that are not UTF-8: such a text would be
 * stored, then exported as a document that no longer imports. */
static gboolean
is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
         g_utf8_validate (json_node_get_string (node), -1, NULL);
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
is_timestamp (const char *text)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (text, NULL);

  return dt != NULL;
}

/* The member @key of @o, or an error naming it. */
static JsonNode *
get_member (JsonObject  *o,
            const char  *where,
            const char  *key,
            GError     **error)
{
  JsonNode *node = json_object_get_member (o, key);

  if (node == NULL)
    {
      g_autofree char *at = where ? g_strdup_printf ("%s.%s", where, key) : g_strdup (key);
      invalid (error, at, _("missing"));
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

  if (!_dossier_store_check_vocab (imp->store, vocab, code, &local))
    return invalid (error, where, local->message);
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
  JsonNode *node = get_member (o, where, key, error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *at = g_strdup_printf ("%s.%s", where, key);
      return invalid (error, at, _("expected a list of codes"));
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);
      g_autofree char *at = g_strdup_printf ("%s.%s[%u]", where, key, i);

      if (!is_string (e))
        return invalid (error, at, _("expected a code"));
      /* The store keeps a set: a repeated code would silently vanish. */
      if (!g_hash_table_add (seen, (gpointer) json_node_get_string (e)))
        return invalid (error, at, _("the same code appears twice"));
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
  JsonNode *node = get_member (o, where, "casualties", error);
  gboolean seen[DOSSIER_N_CASUALTY_CATEGORIES][DOSSIER_N_CASUALTY_GROUPS] = { { FALSE } };
  JsonArray *array;

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *at = g_strdup_printf ("%s.casualties", where);
      return invalid (error, at, _("expected a list of counts"));
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);
      g_autofree char *at = g_strdup_printf ("%s.casualties[%u]", where, i);
      JsonObject *c;
      int ci, gi;

      if (!JSON_NODE_HOLDS_OBJECT (e))
        return invalid (error, at, _("expected an object"));
      c = json_node_get_object (e);
      if (json_object_get_size (c) != 3 || !is_string (json_object_get_member (c, "category")) ||
          !is_string (json_object_get_member (c, "group")) || !is_integer (json_object_get_member (c, "count")))
        return invalid (error, at, _("expected exactly a category, a group and a whole number"));
      ci = dossier_casualty_category_index (json_object_get_string_member (c, "category"));
      gi = dossier_casualty_group_index (json_object_get_string_member (c, "group"));
      if (ci < 0)
        return invalid (error, at, _("unknown category of casualties"));
      if (gi < 0)
        return invalid (error, at, _("unknown group of casualties"));
      if (seen[ci][gi])
        return invalid (error, at, _("the same category and group appear twice"));
      if (json_object_get_int_member (c, "count") < 0)
        return invalid (error, at, _("counts cannot be negative"));
      seen[ci][gi] = TRUE;
      incident->casualties[ci][gi] = json_object_get_int_member (c, "count");
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
static gboolean
check_text (const char  *table,
            const char  *field,
            const char  *text,
            const char  *where,
            GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (!dossier_record_check_text (table, field, text, &local))
    return invalid (error, where, local->message);
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
      return invalid (error, where, local->message);
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
  const DossierRecordInfo *info = record->info;
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GList) members = NULL;
  const char *common[] = { "uuid", "code", "created_at", "updated_at" };
  char **slots[] = { &record->uuid, &record->code, &record->created_at, &record->updated_at };

  for (guint i = 0; i < G_N_ELEMENTS (common); i++)
    if (slots[i] != &record->code || info->code_prefix)
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
      g_autofree char *at = g_strdup_printf ("%s.%s", where, common[i]);
      JsonNode *node;
      const char *value;

      if (slots[i] == &record->code && !info->code_prefix)
        continue;
      node = get_member (o, where, common[i], error);
      if (node == NULL)
        return FALSE;
      if (!is_string (node) || *json_node_get_string (node) == '\0')
        return invalid (error, at, _("expected a text"));
      value = json_node_get_string (node);
      if (slots[i] == &record->uuid && !g_uuid_string_is_valid (value))
        return invalid (error, at, _("not a valid uuid"));
      if ((slots[i] == &record->created_at || slots[i] == &record->updated_at) && !is_timestamp (value))
        return invalid (error, at, _("expected a date and time such as 2024-05-01T09:30:00.000000Z"));
      if (slots[i] == &record->code && !note_code (imp, info, value, at, error))
        return FALSE;
      g_free (*slots[i]);
      *slots[i] = g_strdup (value);
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
      JsonNode *node;
      gboolean null;

      /* A field newer than the document keeps the value a new record has. */
      if (f->optional && !json_object_has_member (o, key))
        continue;
      node = get_member (o, where, key, error);
      if (node == NULL)
        return FALSE;
      null = JSON_NODE_HOLDS_NULL (node);

      switch (f->type)
        {
        case DOSSIER_FIELD_TEXT:
        case DOSSIER_FIELD_EDTF:
          if (!is_string (node))
            return invalid (error, at, _("expected a text"));
          if (!check_text (info->table, f->name, json_node_get_string (node), at, error))
            return FALSE;
          if (f->type == DOSSIER_FIELD_EDTF && *json_node_get_string (node) != '\0')
            {
              g_autoptr(GError) local = NULL;

              if (!dossier_edtf_validate (json_node_get_string (node), &local))
                return invalid (error, at, local->message);
            }
          dossier_record_set_string (record, f, json_node_get_string (node));
          break;
        case DOSSIER_FIELD_NTEXT:
          if (!null && !is_string (node))
            return invalid (error, at, _("expected a text or null"));
          /* The store would read "" as no code: the same export could not come back. */
          if (!null && f->vocab && *json_node_get_string (node) == '\0')
            return invalid (error, at, _("expected a code or null"));
          if (!null && !check_text (info->table, f->name, json_node_get_string (node), at, error))
            return FALSE;
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
          G_STRUCT_MEMBER (gint64, record, f->offset) = 0;
          if (!null)
            {
              gint64 *id;

              if (!is_string (node))
                return invalid (error, at, _("expected a uuid or null"));
              /* Resolved once the whole list is in: see Pending. */
              if (is_self_reference (info, f))
                break;
              id = g_hash_table_lookup (ids_for (imp, f->ref_table), json_node_get_string (node));
              if (id == NULL)
                return invalid (error, at, _("refers to a record that is not in the document"));
              G_STRUCT_MEMBER (gint64, record, f->offset) = *id;
            }
          break;
        default:
          g_assert_not_reached ();
        }

      /* The store checks codes too, but cannot say where in the document they are. */
      if (f->vocab && is_string (node) && *json_node_get_string (node) != '\0' &&
          !check_code (imp, f->vocab, json_node_get_string (node), at, error))
        return FALSE;
    }

  if (DOSSIER_IS_INCIDENT (record))
    return read_strv (imp, o, "violation_types", "violation-type", where,
                      &DOSSIER_INCIDENT (record)->violation_types, error) &&
           read_casualties (o, where, DOSSIER_INCIDENT (record), error);
  if (DOSSIER_IS_TESTIMONY (record))
    return read_strv (imp, o, "tags", "violation-type", where, &DOSSIER_TESTIMONY (record)->tags, error);
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
  JsonObject *o;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, where, _("expected an object"));
  o = json_node_get_object (node);
  if (!record_from_json (imp, record, o, where, error))
    return FALSE;
  if (!dossier_store_insert (imp->store, record, &local))
    return invalid (error, where, local->message);
  g_hash_table_insert (ids_for (imp, record->info->table), g_strdup (record->uuid),
                       g_memdup2 (&record->id, sizeof record->id));

  for (guint i = 0; i < record->info->n_fields; i++)
    {
      const DossierField *f = &record->info->fields[i];
      g_autofree char *key = NULL;
      JsonNode *ref;

      if (!is_self_reference (record->info, f))
        continue;
      key = json_key (f);
      ref = json_object_get_member (o, key);
      if (is_string (ref))
        {
          Pending p = { record->id, f, g_strdup (json_node_get_string (ref)), g_strdup_printf ("%s.%s", where, key) };
          g_array_append_val (imp->pending, p);
        }
    }
  return TRUE;
}

static gboolean
resolve_pending (Importer  *imp,
                 GError   **error)
{
  for (guint i = 0; i < imp->pending->len; i++)
    {
      Pending *p = &g_array_index (imp->pending, Pending, i);
      gint64 *id = g_hash_table_lookup (ids_for (imp, p->field->ref_table), p->uuid);

      if (id == NULL)
        return invalid (error, p->where, _("refers to a record that is not in the document"));
      if (!_dossier_store_set_reference (imp->store, p->field->ref_table, p->field->name, p->id, *id, error))
        return FALSE;
    }
  g_array_set_size (imp->pending, 0);
  return TRUE;
}

/* The top-level member @key, parsed. */
static JsonNode *
parse_member (Importer    *imp,
              const char  *key,
              GError     **error)
{
  Span *span = g_hash_table_lookup (imp->outline, key);

  if (span == NULL)
    {
      invalid (error, key, _("missing"));
      return NULL;
    }
  return parse_value (imp->text, imp->parser, *span, key, error);
}

/* Imports one list, an element at a time. */
static gboolean
import_list (Importer       *imp,
             const Section  *section,
             GCancellable   *cancellable,
             GError        **error)
{
  Span *span = g_hash_table_lookup (imp->outline, section->key);
  Text list;

  if (span == NULL && section->optional)
    return TRUE;
  if (span == NULL)
    return invalid (error, section->key, _("missing"));
  list = (Text) { imp->text->data, span->end, span->start };
  if (list.data[list.pos] != '[')
    return invalid (error, section->key, _("expected a list"));
  list.pos++;
  skip_space (&list);
  if (list.pos < list.len && list.data[list.pos] == ']')
    return TRUE;

  for (guint i = 0;; i++)
    {
      g_autofree char *where = g_strdup_printf ("%s[%u]", section->key, i);
      JsonNode *node;
      Span item;

      skip_space (&list);
      item.start = list.pos;
      if (!skip_value (&list, 2, where, error))
        return FALSE;
      item.end = list.pos;
      node = parse_value (imp->text, imp->parser, item, where, error);
      if (node == NULL || !import_one (imp, section, node, i, error))
        return FALSE;
      if ((i & 1023) == 1023 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      skip_space (&list);
      if (list.pos < list.len && list.data[list.pos] == ',')
        list.pos++;
      else
        return expect (&list, ']', error) && resolve_pending (imp, error);
    }
}

static gboolean
is_code_prefix (const char *prefix)
{
  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      g_autoptr(DossierRecord) record = NULL;

      if (sections[s].link_kind >= 0)
        continue;
      record = new_record (&sections[s]);
      if (g_strcmp0 (record->info->code_prefix, prefix) == 0)
        return TRUE;
    }
  return FALSE;
}

typedef struct {
  DossierStore *store;
  GCancellable *cancellable;
  guint         index;
} CustodyCheck;

static gboolean
check_item_custody (DossierRecord  *record,
                    gpointer        user_data,
                    GError        **error)
{
  CustodyCheck *check = user_data;
  g_autofree char *where = g_strdup_printf ("evidence[%u]", check->index++);
  g_autofree char *reason = NULL;
  gboolean intact;

  if (!dossier_custody_check_chain (check->store, record->id, &intact, &reason, error))
    return FALSE;
  if (!intact)
    {
      /* Translators: the first %s is where in the document (e.g. evidence[1]), the second an
       * item's code, the last why its custody log does not hold, e.g. “custody event 2 was altered” */
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                   _("%s (%s): the custody log is broken: %s"), where, record->code, reason);
      return FALSE;
    }
  return (check->index & 1023) != 0 || !g_cancellable_set_error_if_cancelled (check->cancellable, error);
}

/* Every item's custody log, as it now stands in the dossier, checked as verification does
 * (dossier_custody_check_chain()): a document whose log was edited, shortened or moved to
 * another item is refused. The evidence table was empty before the import, so the items
 * come in the document's order. */
static gboolean
check_custody (Importer      *imp,
               GCancellable  *cancellable,
               GError       **error)
{
  CustodyCheck check = { imp->store, cancellable, 0 };

  return dossier_store_foreach (imp->store, DOSSIER_TYPE_EVIDENCE, NULL, check_item_custody, &check, error);
}

static gboolean
import_document (Importer      *imp,
                 GCancellable  *cancellable,
                 GError       **error)
{
  DossierStore *store = imp->store;
  const char *dossier_keys[] = { "uuid", "created_at", "updated_at", "title", "mandate", "period", "default_lang" };
  g_autofree const char **names = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *dossier, *counters;
  JsonNode *node;
  GHashTableIter iter;
  gpointer prefix, highest;
  guint n_names;

  /* Sorted, so that the same document always gives the same error. */
  names = (const char **) g_hash_table_get_keys_as_array (imp->outline, &n_names);
  qsort (names, n_names, sizeof (char *), dossier_compare_strings);
  for (guint i = 0; i < n_names; i++)
    {
      gboolean known = g_str_equal (names[i], "format") || g_str_equal (names[i], "schema_version") ||
                       g_str_equal (names[i], "dossier") || g_str_equal (names[i], "code_counters");

      for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
        known |= g_str_equal (names[i], sections[s].key);
      if (!known)
        return invalid (error, names[i], _("unknown member"));
    }

  /* The dossier's own record. */
  node = parse_member (imp, "dossier", error);
  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, "dossier", _("expected an object"));
  dossier = json_node_get_object (node);
  members = json_object_get_members (dossier);
  for (GList *l = members; l; l = l->next)
    if (!g_strv_contains (dossier_keys, l->data))
      {
        g_autofree char *at = g_strdup_printf ("dossier.%s", (char *) l->data);
        return invalid (error, at, _("unknown member"));
      }
  for (guint i = 0; i < G_N_ELEMENTS (dossier_keys); i++)
    {
      g_autofree char *at = g_strdup_printf ("dossier.%s", dossier_keys[i]);

      node = get_member (dossier, "dossier", dossier_keys[i], error);
      if (node == NULL)
        return FALSE;
      if (!is_string (node))
        return invalid (error, at, _("expected a text"));
      if (!check_text ("dossier", dossier_keys[i], json_node_get_string (node), at, error))
        return FALSE;
    }
  if (!g_uuid_string_is_valid (json_object_get_string_member (dossier, "uuid")))
    return invalid (error, "dossier.uuid", _("not a valid uuid"));
  if (!is_timestamp (json_object_get_string_member (dossier, "created_at")))
    return invalid (error, "dossier.created_at", _("expected a date and time such as 2024-05-01T09:30:00.000000Z"));
  if (!is_timestamp (json_object_get_string_member (dossier, "updated_at")))
    return invalid (error, "dossier.updated_at", _("expected a date and time such as 2024-05-01T09:30:00.000000Z"));
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

  /* The document's vocabulary replaces the one the new dossier was made with: its codes are
   * the ones the records use, and its uuids must survive. */
  if (!_dossier_store_clear_vocabulary (store, error))
    return FALSE;

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    if (!import_list (imp, &sections[s], cancellable, error) ||
        g_cancellable_set_error_if_cancelled (cancellable, error))
      return FALSE;
  if (!check_custody (imp, cancellable, error))
    return FALSE;

  node = parse_member (imp, "code_counters", error);
  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, "code_counters", _("expected an object"));
  counters = json_node_get_object (node);
  g_clear_pointer (&members, g_list_free);
  members = json_object_get_members (counters);
  for (GList *l = members; l; l = l->next)
    {
      JsonNode *value = json_object_get_member (counters, l->data);
      g_autofree char *at = g_strdup_printf ("code_counters.%s", (char *) l->data);

      if (!is_code_prefix (l->data))
        return invalid (error, at, _("unknown member"));
      if (!is_integer (value) || json_node_get_int (value) < 1)
        return invalid (error, at, _("expected a whole number greater than zero"));
      if (!_dossier_store_set_code_counter (store, l->data, json_node_get_int (value), error))
        return FALSE;
    }
  /* A counter at or below a code the document holds would make that code again, and every
   * later record of its kind would fail on it: each counter goes past the highest code. The
   * store's counters never go back, so a higher one in the document stays. */
  g_hash_table_iter_init (&iter, imp->highest);
  while (g_hash_table_iter_next (&iter, &prefix, &highest))
    if (!_dossier_store_set_code_counter (store, prefix, *(gint64 *) highest + 1, error))
      return FALSE;
  return TRUE;
}

static gboolean
import_bytes (DossierStore  *store,
              GBytes        *json,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) outline = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GArray) pending = NULL;
  g_autoptr(GHashTable) highest = NULL;
  Text text = { NULL, 0, 0 };
  Importer imp;
  DossierStoreCounts counts;
  JsonNode *node;
  gboolean ok;

  text.data = g_bytes_get_data (json, &text.len);
  if (!g_utf8_validate (text.data, text.len, NULL))
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID, _("The document is not UTF-8 text"));
      return FALSE;
    }
  outline = read_outline (&text, parser, error);
  if (outline == NULL)
    return FALSE;
  imp = (Importer) { store, &text, parser, outline, NULL, NULL, NULL };

  node = NULL;
  if (g_hash_table_contains (outline, "format") && (node = parse_member (&imp, "format", error)) == NULL)
    return FALSE;
  if (!is_string (node) || !g_str_equal (json_node_get_string (node), DOSSIER_JSON_FORMAT))
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_A_DOSSIER,
                   _("The document is not a dossier exported by Dossier"));
      return FALSE;
    }
  node = parse_member (&imp, "schema_version", error);
  if (node == NULL)
    return FALSE;
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
  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  g_array_set_clear_func (pending, pending_clear);
  highest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  imp.ids = ids;
  imp.pending = pending;
  imp.highest = highest;
  /* The document's audit log is the record of what happened: importing adds nothing to it. */
  _dossier_store_set_auditing (store, FALSE);
  ok = import_document (&imp, cancellable, error);
  _dossier_store_set_auditing (store, TRUE);
  if (!ok)
    {
      dossier_store_rollback (store);
      return FALSE;
    }
  return dossier_store_commit (store, error);
}

/**
 * dossier_json_import:
 * @store: an empty, writable #DossierStore
 * @in: a document written by dossier_json_export()
 * @cancellable: (nullable): to stop
 * @error: return location for a #GError
 *
 * Imports a whole dossier into @store, which must hold no incidents, people, testimonies,
 * evidence or actors. The document's vocabulary, dossier record, audit log and custody logs
 * replace or join those of @store as they are: uuids, codes and dates are kept, and the
 * import itself adds nothing to the audit log.
 *
 * All or nothing: the document is checked strictly (unknown members, wrong types, unknown
 * codes, references to records it does not hold, repeated uuids, data after its end), and
 * any error leaves @store as it was. @in is read to its end but not closed.
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_json_import (DossierStore   *store,
                     GInputStream   *in,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(GOutputStream) memory = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (in), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The text is held whole, not its tree: see read_outline(). */
  memory = g_memory_output_stream_new_resizable ();
  if (g_output_stream_splice (memory, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, cancellable, error) < 0)
    return FALSE;
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
  return import_bytes (store, bytes, cancellable, error);
}

/**
 * dossier_json_import_file:
 * @store: an empty, writable #DossierStore
 * @path: a document written by dossier_json_export_file()
 * @error: return location for a #GError
 *
 * Imports the document at @path, as dossier_json_import() does.
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_json_import_file (DossierStore  *store,
                          const char    *path,
                          GError       **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) in = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = g_file_new_for_path (path);
  in = g_file_read (file, NULL, error);
  if (in == NULL)
    return FALSE;
  return dossier_json_import (store, G_INPUT_STREAM (in), NULL, error);
}

/**
 * dossier_json_import_new_file:
 * @path: where the new dossier goes; must not exist
 * @json_path: a document written by dossier_json_export_file()
 * @user: (nullable): who imports, for the logs that follow
 * @error: return location for a #GError
 *
 * Makes a new dossier at @path from the document at @json_path. Nothing is at @path until
 * the dossier is whole: it is built under a temporary name beside @path, the import
 * committed and the file closed so that it alone holds everything, then renamed. On any
 * failure the temporary file and its side files (-journal, -wal, -shm) are removed.
 *
 * While it is built, its journal is a rollback journal and SQLite keeps the changes in
 * memory until the commit (cache_spill off): a process killed before the commit leaves
 * nothing at @path and no side file holding identities (a rollback journal holds pages as
 * they were before), only the empty temporary dossier. The memory is the size of the new
 * dossier, about that of the document's text, which the import already holds.
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_json_import_new_file (const char  *path,
                              const char  *json_path,
                              const char  *user,
                              GError     **error)
{
  g_autoptr(DossierStore) store = NULL;
  g_autofree char *display = NULL;
  g_autofree char *tmp = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (json_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (path);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_EXISTS, _("“%s” already exists"), display);
      return FALSE;
    }

  tmp = g_strdup_printf ("%s.importing-%08x", path, g_random_int ());
  store = dossier_store_create (tmp, NULL, error);
  if (store == NULL)
    return FALSE;
  dossier_store_set_user (store, user);
  if (!_dossier_store_exec (store, "PRAGMA journal_mode = DELETE; PRAGMA cache_spill = OFF;", error) ||
      !dossier_json_import_file (store, json_path, error) ||
      /* As dossier_store_create() leaves a dossier: in WAL mode, which closing folds back
       * into the file and removes. */
      !_dossier_store_exec (store, "PRAGMA journal_mode = WAL;", error))
    goto fail;
  dossier_store_close (store);
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      /* Translators: the first %s is a file name, the second the system's reason */
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_IO, _("“%s” cannot be created: %s"), display,
                   g_strerror (saved));
      goto fail;
    }
  return TRUE;

fail:
  dossier_store_close (store);
  dossier_store_remove_files (tmp);
  return FALSE;
}
