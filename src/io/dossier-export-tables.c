/* dossier-export-tables.c: the dossier's tables as CSV, by profile: one chosen table, or
 * one file per table in a new folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Incidents are written by dossier-export-incidents. What each profile keeps of the other
 * tables is decided by the profile's DossierRedaction, as for every exporter: it makes each
 * record what may leave, and core's export queries list its links as it allows. A field
 * withheld is an empty cell. Each file is written under a temporary name and renamed when
 * complete.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dossier-actor.h"
#include "dossier-atomic-file.h"
#include "dossier-evidence.h"
#include "dossier-export-incidents.h"
#include "dossier-export-query.h"
#include "dossier-export-tables.h"
#include "dossier-export-text.h"
#include "dossier-person.h"
#include "dossier-record.h"
#include "dossier-testimony.h"

static const char * const table_names[DOSSIER_N_TABLES] = {
  "incidents", "people", "testimonies", "actors", "evidence",
};

gboolean
dossier_table_from_string (const char   *name,
                           DossierTable *table)
{
  for (guint i = 0; i < DOSSIER_N_TABLES; i++)
    if (g_strcmp0 (name, table_names[i]) == 0)
      {
        *table = (DossierTable) i;
        return TRUE;
      }
  return FALSE;
}

const char *
dossier_table_to_string (DossierTable table)
{
  g_return_val_if_fail (table < DOSSIER_N_TABLES, NULL);
  return table_names[table];
}

typedef struct {
  DossierStore     *store;
  DossierRedaction *redaction;
  GOutputStream    *out;
} Writer;

/* The records linked to @id that the export may list, as "code" or "code:role", joined
 * with ";"; a witness withheld is an empty cell. */
static char *
joined (Writer                *writer,
        DossierExportRelation  relation,
        gint64                 id)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = dossier_export_query_linked (writer->store, writer->redaction, relation, id, NULL);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      DossierExportLinked *linked = rows->pdata[i];

      if (linked->withheld)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ';');
      g_string_append (out, linked->code);
      if (linked->role != NULL && *linked->role)
        g_string_append_printf (out, ":%s", linked->role);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
write_row (Writer       *writer,
           const char  **fields,
           guint         n,
           GError      **error)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (line, ',');
      dossier_csv_append_field (line, fields[i]);
    }
  g_string_append (line, "\r\n");
  return g_output_stream_write_all (writer->out, line->str, line->len, NULL, NULL, error);
}

static const char * const people_columns[] = {
  "code", "protection", "sex", "age_group", "residence_admin1", "incidents", "testimonies", "notes",
};

static gboolean
write_person (DossierRecord  *record,
              gpointer        data,
              GError        **error)
{
  Writer *writer = data;
  DossierPerson *person = DOSSIER_PERSON (record);
  /* Asked before apply(), which writes "unknown" where a cell is left empty. */
  gboolean sex = !dossier_redaction_withholds (writer->redaction, record, "sex");
  gboolean age_group = !dossier_redaction_withholds (writer->redaction, record, "age_group");
  g_autofree char *incidents = dossier_redaction_withholds (writer->redaction, record, DOSSIER_REDACTION_PERSON_INCIDENTS)
                               ? NULL : joined (writer, DOSSIER_EXPORT_PERSON_INCIDENTS, dossier_record_get_id (record));
  g_autofree char *testimonies = dossier_redaction_withholds (writer->redaction, record, DOSSIER_REDACTION_PERSON_TESTIMONIES)
                                 ? NULL : joined (writer, DOSSIER_EXPORT_PERSON_TESTIMONIES, dossier_record_get_id (record));

  dossier_redaction_apply (writer->redaction, record);
  {
    const char *fields[] = {
      dossier_record_get_code (record), dossier_person_get_protection (person),
      sex ? dossier_person_get_sex (person) : "",
      age_group ? dossier_person_get_age_group (person) : "",
      dossier_person_get_residence_admin1 (person),
      incidents, testimonies,
      dossier_person_get_notes (person),
    };

    G_STATIC_ASSERT (G_N_ELEMENTS (fields) == G_N_ELEMENTS (people_columns));
    return write_row (writer, fields, G_N_ELEMENTS (fields), error);
  }
}

static const char * const testimony_columns[] = {
  "code", "taken_on", "office", "language", "status", "witness", "incidents", "violation_types",
  "place", "interviewer", "summary",
};

static gboolean
write_testimony (DossierRecord  *record,
                 gpointer        data,
                 GError        **error)
{
  Writer *writer = data;
  DossierTestimony *testimony = DOSSIER_TESTIMONY (record);
  g_autofree char *witness = joined (writer, DOSSIER_EXPORT_TESTIMONY_WITNESS, dossier_record_get_id (record));
  g_autofree char *incidents = joined (writer, DOSSIER_EXPORT_TESTIMONY_INCIDENTS, dossier_record_get_id (record));
  g_autofree char *tags = g_strjoinv (";", (char **) dossier_testimony_get_tags (testimony));

  dossier_redaction_apply (writer->redaction, record);
  {
    const char *fields[] = {
      dossier_record_get_code (record), dossier_testimony_get_taken_on (testimony), dossier_testimony_get_office (testimony), dossier_testimony_get_language (testimony), dossier_testimony_get_status (testimony), witness,
      incidents, tags, dossier_testimony_get_place (testimony), dossier_testimony_get_interviewer (testimony), dossier_testimony_get_summary (testimony),
    };

    G_STATIC_ASSERT (G_N_ELEMENTS (fields) == G_N_ELEMENTS (testimony_columns));
    return write_row (writer, fields, G_N_ELEMENTS (fields), error);
  }
}

static const char * const actor_columns[] = {
  "code", "name", "acronym", "kind", "parent", "incidents_alleged", "description",
};

static gboolean
write_actor (DossierRecord  *record,
             gpointer        data,
             GError        **error)
{
  Writer *writer = data;
  DossierActor *actor = DOSSIER_ACTOR (record);
  g_autofree char *parent = joined (writer, DOSSIER_EXPORT_ACTOR_PARENT, dossier_record_get_id (record));
  gint64 n = dossier_export_query_alleged (writer->store, writer->redaction, dossier_record_get_id (record), NULL);
  g_autofree char *alleged = n >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, n) : g_strdup ("");
  const char *fields[] = {
    dossier_record_get_code (record), dossier_actor_get_name (actor), dossier_actor_get_acronym (actor), dossier_actor_get_kind (actor), parent, alleged, dossier_actor_get_description (actor),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == G_N_ELEMENTS (actor_columns));
  return write_row (writer, fields, G_N_ELEMENTS (fields), error);
}

static const char * const evidence_columns[] = {
  "code", "title", "media_type", "size", "sha256", "acquired_on", "acquired_by", "collection_method",
  "confidentiality", "captured_at", "latitude", "longitude", "duration", "incidents", "custody_events", "custody_head",
};

static gboolean
write_evidence (DossierRecord  *record,
                gpointer        data,
                GError        **error)
{
  Writer *writer = data;
  DossierEvidence *evidence = DOSSIER_EVIDENCE (record);
  g_autofree char *size = dossier_evidence_get_size (evidence) >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, dossier_evidence_get_size (evidence)) : g_strdup ("");
  g_autofree char *events = NULL;
  g_autofree char *incidents = NULL;
  gint64 n_events = 0;
  char lat[G_ASCII_DTOSTR_BUF_SIZE] = "", lon[G_ASCII_DTOSTR_BUF_SIZE] = "", duration[G_ASCII_DTOSTR_BUF_SIZE] = "";

  if (!dossier_redaction_apply (writer->redaction, record))
    return TRUE;
  events = dossier_export_query_custody (writer->store, dossier_record_get_id (record), &n_events, NULL, NULL, NULL)
           ? g_strdup_printf ("%" G_GINT64_FORMAT, n_events) : g_strdup ("");
  incidents = joined (writer, DOSSIER_EXPORT_EVIDENCE_INCIDENTS, dossier_record_get_id (record));
  /* Where a photograph was taken can lead to who took it: the redaction emptied it. */
  if (!isnan (dossier_evidence_get_latitude (evidence)) && !isnan (dossier_evidence_get_longitude (evidence)))
    {
      g_ascii_formatd (lat, sizeof lat, "%.6f", dossier_evidence_get_latitude (evidence));
      g_ascii_formatd (lon, sizeof lon, "%.6f", dossier_evidence_get_longitude (evidence));
    }
  if (!isnan (dossier_evidence_get_duration (evidence)))
    g_ascii_formatd (duration, sizeof duration, "%.3f", dossier_evidence_get_duration (evidence));
  {
    const char *fields[] = {
      dossier_record_get_code (record), dossier_evidence_get_title (evidence), dossier_evidence_get_media_type (evidence), size, dossier_evidence_get_sha256 (evidence), dossier_evidence_get_acquired_on (evidence),
      dossier_evidence_get_acquired_by (evidence), dossier_evidence_get_collection_method (evidence), dossier_evidence_get_confidentiality (evidence),
      dossier_evidence_get_captured_at (evidence), lat, lon, duration, incidents, events, dossier_evidence_get_custody_head (evidence),
    };

    G_STATIC_ASSERT (G_N_ELEMENTS (fields) == G_N_ELEMENTS (evidence_columns));
    return write_row (writer, fields, G_N_ELEMENTS (fields), error);
  }
}

/**
 * dossier_export_table_csv:
 * @store: the dossier
 * @table: which table
 * @profile: what may leave the dossier
 * @path: the CSV file to write
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the whole file was written
 */
gboolean
dossier_export_table_csv (DossierStore    *store,
                          DossierTable     table,
                          DossierProfile   profile,
                          const char      *path,
                          GError         **error)
{
  static const struct {
    GType (*get_type) (void);
    const char * const *columns;
    guint n_columns;
    DossierRecordFunc write;
  } tables[DOSSIER_N_TABLES] = {
    [DOSSIER_TABLE_PEOPLE] = { dossier_person_get_type, people_columns, G_N_ELEMENTS (people_columns), write_person },
    [DOSSIER_TABLE_TESTIMONIES] = { dossier_testimony_get_type, testimony_columns, G_N_ELEMENTS (testimony_columns), write_testimony },
    [DOSSIER_TABLE_ACTORS] = { dossier_actor_get_type, actor_columns, G_N_ELEMENTS (actor_columns), write_actor },
    [DOSSIER_TABLE_EVIDENCE] = { dossier_evidence_get_type, evidence_columns, G_N_ELEMENTS (evidence_columns), write_evidence },
  };
  g_autoptr(DossierAtomicFile) file = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(DossierRedaction) redaction = dossier_redaction_new (profile);
  Writer writer = { store, redaction, NULL };
  gboolean ok;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (table < DOSSIER_N_TABLES, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (table == DOSSIER_TABLE_INCIDENTS)
    return dossier_export_incidents (store, DOSSIER_EXPORT_CSV, profile, path, error);

  /* Owner-only whatever the umask: the file may hold what the profile lets out of the
   * dossier, not what anyone on the computer may read. */
  file = dossier_atomic_file_open (path, 0600, error);
  if (file == NULL)
    return FALSE;
  writer.out = dossier_atomic_file_get_stream (file);
  ok = write_row (&writer, (const char **) tables[table].columns, tables[table].n_columns, error) &&
       dossier_store_foreach (store, tables[table].get_type (), tables[table].write, &writer, error) &&
       g_output_stream_close (writer.out, NULL, error);
  if (!ok || !dossier_atomic_file_commit (g_steal_pointer (&file), &local))
    {
      g_autofree char *display = g_filename_display_name (path);

      if (ok)
        g_set_error (error, G_IO_ERROR, local->code,
                     /* Translators: %s is a file name */
                     _("The export could not be written to “%s”"), path);
      else if (error != NULL && *error != NULL && (*error)->domain == G_IO_ERROR)
        /* A write error (a full disk) says which export it stopped. */
        /* Translators: %s is a file name; the system's reason follows */
        g_prefix_error (error, _("The export could not be written to “%s”: "), display);
      return FALSE;
    }
  return TRUE;
}

/**
 * dossier_export_tables_csv:
 * @store: the dossier
 * @profile: what may leave the dossier
 * @dir: a folder to make, which must not exist yet
 * @error: return location for a #GError
 *
 * Writes every table as DIR/incidents.csv, DIR/people.csv and so on. The folder is built
 * under a temporary name and renamed when every file is written.
 *
 * Returns: %TRUE if the folder was written
 */
gboolean
dossier_export_tables_csv (DossierStore    *store,
                           DossierProfile   profile,
                           const char      *dir,
                           GError         **error)
{
  g_autofree char *parent = g_path_get_dirname (dir);
  g_autofree char *template = g_build_filename (parent, ".dossier-tables-XXXXXX", NULL);
  char *tmp;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);

  if (g_file_test (dir, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (dir);

      /* Translators: %s is a folder */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("“%s” exists already: the tables are written to a new folder"), display);
      return FALSE;
    }
  /* Owner-only, as each file in it. */
  tmp = g_mkdtemp_full (template, 0700);
  if (tmp == NULL)
    {
      g_autofree char *display = g_filename_display_name (parent);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), _("The folder “%s” cannot be created"), display);
      return FALSE;
    }
  for (guint t = 0; t < DOSSIER_N_TABLES; t++)
    {
      g_autofree char *name = g_strconcat (table_names[t], ".csv", NULL);
      g_autofree char *path = g_build_filename (tmp, name, NULL);

      if (!dossier_export_table_csv (store, t, profile, path, error))
        goto fail;
    }
  if (g_rename (tmp, dir) == 0)
    return TRUE;
  {
    g_autofree char *display = g_filename_display_name (dir);

    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), _("The export could not be written to “%s”"), display);
  }

fail:
  for (guint t = 0; t < DOSSIER_N_TABLES; t++)
    {
      g_autofree char *name = g_strconcat (table_names[t], ".csv", NULL);
      g_autofree char *path = g_build_filename (tmp, name, NULL);

      g_unlink (path);
    }
  g_rmdir (tmp);
  return FALSE;
}
