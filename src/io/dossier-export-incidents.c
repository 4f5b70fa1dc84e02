/* dossier-export-incidents.c: the incidents as CSV or GeoJSON, by profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CSV (RFC 4180, UTF-8, a header row, one incident a row) for spreadsheets, GeoJSON (a
 * FeatureCollection of the located incidents, WGS 84 longitude then latitude) for QGIS, and
 * KML (a Placemark for each located incident) for Google Earth. The profile's
 * DossierRedaction decides which incidents appear, and makes each into what may leave (its
 * texts emptied where they are withheld). Texts go through dossier-export-text: no CSV cell
 * a spreadsheet would run, no character XML 1.0 forbids. The file is written owner-only under a temporary name and
 * renamed when complete.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "dossier-atomic-file.h"
#include "dossier-export-incidents.h"
#include "dossier-export-text.h"
#include "dossier-incident.h"
#include "dossier-record.h"
#include "dossier-info.h"

typedef struct {
  DossierExportFormat  format;
  DossierRedaction    *redaction;
  GOutputStream       *out;
  guint                n;
} Export;

static const char * const columns[] = {
  "code", "date", "place", "admin1", "admin2", "latitude", "longitude", "location_precision",
  "violation_types", "killed", "injured", "victims_total", "verification", "standard_of_proof",
  "confidentiality", "title_en", "title_fr", "summary_en", "summary_fr", "sources",
};

/* The values of @incident, as the redaction let it out, in the order of the columns. */
static GPtrArray *
values_of (DossierIncident *incident)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  int killed = dossier_casualty_category_index ("killed"), injured = dossier_casualty_category_index ("injured");

  g_ptr_array_add (values, g_strdup (dossier_record_get_code (DOSSIER_RECORD (incident))));
  g_ptr_array_add (values, g_strdup (dossier_incident_get_date_edtf (incident)));
  g_ptr_array_add (values, g_strdup (dossier_incident_get_place (incident)));
  g_ptr_array_add (values, g_strdup (dossier_incident_get_admin1 (incident) ? dossier_incident_get_admin1 (incident) : ""));
  g_ptr_array_add (values, g_strdup (dossier_incident_get_admin2 (incident) ? dossier_incident_get_admin2 (incident) : ""));
  /* A point, whatever the locale's decimal separator. */
  for (int k = 0; k < 2; k++)
    {
      double value = k == 0 ? dossier_incident_get_latitude (incident) : dossier_incident_get_longitude (incident);
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      g_ptr_array_add (values, isnan (value) ? g_strdup ("") : g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.6f", value)));
    }
  g_ptr_array_add (values, g_strdup (dossier_incident_get_location_precision (incident)));
  g_ptr_array_add (values, g_strjoinv (";", (char **) dossier_incident_get_violation_types (incident)));
  g_ptr_array_add (values, g_strdup_printf ("%" G_GINT64_FORMAT, killed >= 0 ? dossier_incident_total_casualties (incident, killed) : 0));
  g_ptr_array_add (values, g_strdup_printf ("%" G_GINT64_FORMAT, injured >= 0 ? dossier_incident_total_casualties (incident, injured) : 0));
  {
    gint64 total = 0;

    for (int c = 0; c < DOSSIER_N_CASUALTY_CATEGORIES; c++)
      total += dossier_incident_total_casualties (incident, c);
    g_ptr_array_add (values, g_strdup_printf ("%" G_GINT64_FORMAT, total));
  }
  g_ptr_array_add (values, g_strdup (dossier_incident_get_verification (incident)));
  g_ptr_array_add (values, g_strdup (dossier_incident_get_standard_of_proof (incident)));
  g_ptr_array_add (values, g_strdup (dossier_incident_get_confidentiality (incident)));
  g_ptr_array_add (values, g_strdup (dossier_incident_get_title_en (incident)));
  g_ptr_array_add (values, g_strdup (dossier_incident_get_title_fr (incident)));
  g_ptr_array_add (values, g_strdup (dossier_incident_get_summary_en (incident)));
  g_ptr_array_add (values, g_strdup (dossier_incident_get_summary_fr (incident)));
  g_ptr_array_add (values, g_strdup (dossier_incident_get_sources (incident)));
  g_assert (values->len == G_N_ELEMENTS (columns));
  return values;
}

static gboolean
write_text (Export      *export,
            const char  *text,
            GError     **error)
{
  return g_output_stream_write_all (export->out, text, strlen (text), NULL, NULL, error);
}

static gboolean
write_incident (DossierRecord  *record,
                gpointer        data,
                GError        **error)
{
  Export *export = data;
  DossierIncident *incident = DOSSIER_INCIDENT (record);
  g_autoptr(GPtrArray) values = NULL;

  if (!dossier_redaction_apply (export->redaction, record))
    return TRUE;
  values = values_of (incident);
  if (export->format == DOSSIER_EXPORT_CSV)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint i = 0; i < values->len; i++)
        {
          /* The first field may be empty: a separator is written before every other one. */
          if (i > 0)
            g_string_append_c (line, ',');
          dossier_csv_append_field (line, values->pdata[i]);
        }
      g_string_append (line, "\r\n");
      export->n++;
      return write_text (export, line->str, error);
    }
  /* GeoJSON and KML: only what has a place on the map. */
  if (isnan (dossier_incident_get_latitude (incident)) || isnan (dossier_incident_get_longitude (incident)))
    return TRUE;
  if (export->format == DOSSIER_EXPORT_KML)
    {
      g_autoptr(GString) mark = g_string_new ("<Placemark>");
      g_autofree char *name = dossier_xml_escape_text (values->pdata[0]);
      char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (mark, "<name>%s</name>", name);
      if (*(const char *) values->pdata[15] != '\0')
        {
          g_autofree char *description = dossier_xml_escape_text (values->pdata[15]);

          g_string_append_printf (mark, "<description>%s</description>", description);
        }
      g_string_append (mark, "<ExtendedData>");
      for (guint i = 1; i < values->len; i++)
        {
          g_autofree char *value = dossier_xml_escape_text (values->pdata[i]);

          g_string_append_printf (mark, "<Data name=\"%s\"><value>%s</value></Data>", columns[i], value);
        }
      g_string_append_printf (mark, "</ExtendedData><Point><coordinates>%s,%s</coordinates></Point></Placemark>\n",
                              g_ascii_formatd (lon, sizeof lon, "%.6f", dossier_incident_get_longitude (incident)),
                              g_ascii_formatd (lat, sizeof lat, "%.6f", dossier_incident_get_latitude (incident)));
      export->n++;
      return write_text (export, mark->str, error);
    }
  {
    g_autoptr(JsonBuilder) builder = json_builder_new ();
    g_autoptr(JsonGenerator) generator = json_generator_new ();
    g_autoptr(JsonNode) root = NULL;
    g_autofree char *text = NULL;

    json_builder_begin_object (builder);
    json_builder_set_member_name (builder, "type");
    json_builder_add_string_value (builder, "Feature");
    json_builder_set_member_name (builder, "geometry");
    json_builder_begin_object (builder);
    json_builder_set_member_name (builder, "type");
    json_builder_add_string_value (builder, "Point");
    json_builder_set_member_name (builder, "coordinates");
    json_builder_begin_array (builder);
    json_builder_add_double_value (builder, dossier_incident_get_longitude (incident));
    json_builder_add_double_value (builder, dossier_incident_get_latitude (incident));
    json_builder_end_array (builder);
    json_builder_end_object (builder);
    json_builder_set_member_name (builder, "properties");
    json_builder_begin_object (builder);
    for (guint i = 0; i < values->len; i++)
      if (!g_str_equal (columns[i], "latitude") && !g_str_equal (columns[i], "longitude"))
        {
          json_builder_set_member_name (builder, columns[i]);
          json_builder_add_string_value (builder, values->pdata[i]);
        }
    json_builder_end_object (builder);
    json_builder_end_object (builder);
    root = json_builder_get_root (builder);
    json_generator_set_root (generator, root);
    text = json_generator_to_data (generator, NULL);
    if (!write_text (export, export->n++ > 0 ? ",\n" : "\n", error))
      return FALSE;
    return write_text (export, text, error);
  }
}

/**
 * dossier_export_incidents:
 * @store: the dossier
 * @format: CSV or GeoJSON
 * @profile: what may leave the dossier
 * @path: the file to write
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the whole file was written
 */
gboolean
dossier_export_incidents (DossierStore         *store,
                          DossierExportFormat   format,
                          DossierProfile        profile,
                          const char           *path,
                          GError              **error)
{
  g_autoptr(DossierAtomicFile) file = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(DossierRedaction) redaction = dossier_redaction_new (profile);
  Export export = { format, redaction, NULL, 0 };
  gboolean ok;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Owner-only whatever the umask: the file may hold what the profile lets out of the
   * dossier, not what anyone on the computer may read. */
  file = dossier_atomic_file_open (path, 0600, error);
  if (file == NULL)
    return FALSE;
  export.out = dossier_atomic_file_get_stream (file);
  if (format == DOSSIER_EXPORT_CSV)
    {
      g_autoptr(GString) header = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        {
          if (i > 0)
            g_string_append_c (header, ',');
          dossier_csv_append_field (header, columns[i]);
        }
      g_string_append (header, "\r\n");
      ok = write_text (&export, header->str, error);
    }
  else if (format == DOSSIER_EXPORT_KML)
    {
      g_autofree char *title = dossier_store_get_title (store);
      g_autofree char *escaped = dossier_xml_escape_text (title);
      g_autofree char *head = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                               "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><name>%s</name>\n",
                                               escaped);

      ok = write_text (&export, head, error);
    }
  else
    ok = write_text (&export, "{\"type\": \"FeatureCollection\", \"features\": [", error);
  ok = ok && dossier_store_foreach (store, DOSSIER_TYPE_INCIDENT, write_incident, &export, error);
  if (ok && format == DOSSIER_EXPORT_GEOJSON)
    ok = write_text (&export, "\n]}\n", error);
  if (ok && format == DOSSIER_EXPORT_KML)
    ok = write_text (&export, "</Document></kml>\n", error);
  ok = ok && g_output_stream_close (export.out, NULL, error);
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
