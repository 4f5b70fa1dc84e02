/* test-export.c: what leaves the dossier, by profile: canaries in CSV and GeoJSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "dossier-actor.h"
#include "dossier-annex.h"
#include "dossier-demo.h"
#include "dossier-evidence.h"
#include "dossier-export-incidents.h"
#include "dossier-export-tables.h"
#include "dossier-json-io.h"
#include "dossier-person.h"
#include "dossier-testimony.h"
#include "dossier-identity.h"
#include "dossier-incident.h"
#include "dossier-test-canaries.h"
#include "dossier-test-util.h"
#include "dossier-info.h"
#include "dossier-incident-private.h" /* white-box */
#include "dossier-person-private.h" /* white-box */
#include "dossier-testimony-private.h" /* white-box */
#include "dossier-actor-private.h" /* white-box */
#include "dossier-evidence-private.h" /* white-box */

static void
count_placemarks (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              data,
                  GError              **error)
{
  if (g_str_equal (element, "Placemark"))
    (*(guint *) data)++;
}

static void
test_canaries (void)
{
  g_autoptr(DossierStore) store = dossier_test_canary_dossier ("export.dossier");
  g_autoptr(GError) error = NULL;

  for (int f = 0; f < 3; f++)
    for (int p = DOSSIER_PROFILE_PUBLIC; p <= DOSSIER_PROFILE_INTERNAL; p++)
      {
        static const char * const extensions[] = { "csv", "geojson", "kml" };
        g_autofree char *name = g_strdup_printf ("incidents-%s.%s", dossier_profile_to_string (p), extensions[f]);
        g_autofree char *out = dossier_test_tmp_path (name);
        g_autofree char *contents = NULL;
        gsize length;

        g_test_message ("%s", name);
        g_assert_true (dossier_export_incidents (store, f == 0 ? DOSSIER_EXPORT_CSV : f == 1 ? DOSSIER_EXPORT_GEOJSON
                                                                                     : DOSSIER_EXPORT_KML, p, out, &error));
        g_assert_no_error (error);
        g_assert_true (g_file_get_contents (out, &contents, &length, NULL));
        g_assert_true (g_utf8_validate (contents, length, NULL));
        /* Identities never leave in these formats, whatever the profile. */
        g_assert_null (strstr (contents, CANARY_IDENTITY));
        g_assert_null (strstr (contents, CANARY_CONTACT));
        /* A confidential incident's texts only inside the organisation; itself not in public. */
        if (p == DOSSIER_PROFILE_INTERNAL)
          g_assert_nonnull (strstr (contents, CANARY_CONFIDENTIAL));
        else
          g_assert_null (strstr (contents, CANARY_CONFIDENTIAL));
        if (p == DOSSIER_PROFILE_PUBLIC)
          g_assert_null (strstr (contents, "INC-0001"));
        else
          g_assert_nonnull (strstr (contents, "INC-0001"));
        /* A restricted incident's texts not in public. */
        if (p == DOSSIER_PROFILE_PUBLIC)
          g_assert_null (strstr (contents, CANARY_RESTRICTED));
        else
          g_assert_nonnull (strstr (contents, CANARY_RESTRICTED));
        g_assert_nonnull (strstr (contents, "INC-0002"));
        g_assert_nonnull (strstr (contents, CANARY_PUBLIC));
        if (f == 2)
          {
            /* KML that parses as XML, one Placemark per located incident kept. */
            GMarkupParser counter = { count_placemarks, NULL, NULL, NULL, NULL };
            guint placemarks = 0;
            GMarkupParseContext *context = g_markup_parse_context_new (&counter, 0, &placemarks, NULL);
            gint64 located = dossier_test_query_int (store, p == DOSSIER_PROFILE_PUBLIC
                                                            ? "SELECT count(*) FROM incident WHERE latitude IS NOT NULL AND confidentiality != 'confidential'"
                                                            : "SELECT count(*) FROM incident WHERE latitude IS NOT NULL", NULL);

            g_assert_true (g_markup_parse_context_parse (context, contents, length, &error));
            g_assert_true (g_markup_parse_context_end_parse (context, &error));
            g_assert_no_error (error);
            g_markup_parse_context_free (context);
            g_assert_cmpint (placemarks, ==, located);
          }
        else if (f == 1)
          {
            /* GeoJSON that parses, one feature per located incident kept. */
            g_autoptr(JsonParser) parser = json_parser_new ();
            JsonArray *features;
            gint64 located;

            g_assert_true (json_parser_load_from_data (parser, contents, length, &error));
            g_assert_no_error (error);
            features = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "features");
            located = dossier_test_query_int (store, p == DOSSIER_PROFILE_PUBLIC
                                                     ? "SELECT count(*) FROM incident WHERE latitude IS NOT NULL AND confidentiality != 'confidential'"
                                                     : "SELECT count(*) FROM incident WHERE latitude IS NOT NULL", NULL);
            g_assert_cmpint (json_array_get_length (features), ==, located);
          }
        else
          {
            /* CSV: a header and one row per incident kept; the quoted summary comes back. */
            gint64 kept = dossier_test_query_int (store, p == DOSSIER_PROFILE_PUBLIC
                                                         ? "SELECT count(*) FROM incident WHERE confidentiality != 'confidential'"
                                                         : "SELECT count(*) FROM incident", NULL);
            guint rows = 0;

            for (const char *c = contents; (c = strstr (c, "\r\nINC-")) != NULL; c++)
              rows++;
            g_assert_cmpint (rows, ==, kept);
            if (p != DOSSIER_PROFILE_PUBLIC)
              g_assert_nonnull (strstr (contents, "\"Witness account, \"\"quoted\"\", with " CANARY_RESTRICTED " in it\""));
          }
      }

  /* An unwritable destination: an error, and nothing left behind. */
  g_assert_false (dossier_export_incidents (store, DOSSIER_EXPORT_CSV, DOSSIER_PROFILE_PUBLIC, "/nonexistent/dir/x.csv", &error));
  g_assert_nonnull (error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* The other tables: canaries in a protected person's notes, a testimony's summary and
 * interviewer, a confidential evidence item's title; each profile keeps what it may. */
static void
test_tables (void)
{
  g_autoptr(DossierStore) store = dossier_test_canary_dossier ("tables.dossier");
  g_autoptr(GError) error = NULL;

  for (int p = DOSSIER_PROFILE_PUBLIC; p <= DOSSIER_PROFILE_INTERNAL; p++)
    {
      g_autofree char *name = g_strdup_printf ("tables-%s", dossier_profile_to_string (p));
      g_autofree char *dir = dossier_test_tmp_path (name);
      g_autofree char *all = g_strdup ("");
      gboolean internal = p == DOSSIER_PROFILE_INTERNAL;

      g_assert_true (dossier_export_tables_csv (store, p, dir, &error));
      g_assert_no_error (error);
      for (int t = 0; t < DOSSIER_N_TABLES; t++)
        {
          g_autofree char *file = g_strdup_printf ("%s/%s.csv", dir, dossier_table_to_string (t));
          g_autofree char *contents = NULL;
          char *joined;

          g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
          g_assert_true (g_str_has_prefix (contents, "code,"));
          joined = g_strconcat (all, contents, NULL);
          g_free (all);
          all = joined;
        }
      g_test_message ("profile %s", dossier_profile_to_string (p));
      g_assert_null (strstr (all, CANARY_IDENTITY));
      g_assert_true ((strstr (all, CANARY_NOTES) != NULL) == internal);
      g_assert_true ((strstr (all, CANARY_SUMMARY) != NULL) == internal);
      g_assert_true ((strstr (all, CANARY_INTERVIEWER) != NULL) == internal);
      g_assert_true ((strstr (all, CANARY_EVIDENCE) != NULL) == internal);
      g_assert_true ((strstr (all, CANARY_CONFIDENTIAL) != NULL) == internal);
      /* In public, the confidential incident appears nowhere, not even in the links; the
       * protected person is a code and a protection level. */
      g_assert_true ((strstr (all, "INC-0001") != NULL) == (p != DOSSIER_PROFILE_PUBLIC));
      g_assert_true ((strstr (all, "TEM-0001,protected,female") != NULL) == (p != DOSSIER_PROFILE_PUBLIC));
      g_assert_nonnull (strstr (all, "TEM-0001,protected,"));
      g_assert_true ((strstr (all, "EVD-0002") != NULL) == (p != DOSSIER_PROFILE_PUBLIC));
      /* Into an existing folder: refused. */
      g_assert_false (dossier_export_tables_csv (store, p, dir, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
      g_clear_error (&error);
    }
  {
    DossierTable table;

    g_assert_true (dossier_table_from_string ("testimonies", &table));
    g_assert_cmpint (table, ==, DOSSIER_TABLE_TESTIMONIES);
    g_assert_false (dossier_table_from_string ("identities", &table));
  }
}

/* The interchange by profile: the same canaries; what leaves still imports. */
static void
test_json (void)
{
  g_autoptr(DossierStore) store = dossier_test_canary_dossier ("json.dossier");
  g_autoptr(GError) error = NULL;

  for (int p = DOSSIER_PROFILE_PUBLIC; p <= DOSSIER_PROFILE_INTERNAL; p++)
    {
      g_autofree char *name = g_strdup_printf ("interchange-%s.json", dossier_profile_to_string (p));
      g_autofree char *copy_name = g_strdup_printf ("from-%s.dossier", dossier_profile_to_string (p));
      g_autofree char *json = dossier_test_tmp_path (name);
      g_autoptr(DossierStore) copy = dossier_test_new_store (copy_name);
      g_autofree char *contents = NULL;
      gboolean internal = p == DOSSIER_PROFILE_INTERNAL;

      g_assert_true (dossier_json_export_file_profile (store, p, json, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (json, &contents, NULL, NULL));
      g_test_message ("profile %s", dossier_profile_to_string (p));
      g_assert_true ((strstr (contents, CANARY_IDENTITY) != NULL) == internal);
      g_assert_true ((strstr (contents, CANARY_NOTES) != NULL) == internal);
      g_assert_true ((strstr (contents, CANARY_SUMMARY) != NULL) == internal);
      g_assert_true ((strstr (contents, CANARY_INTERVIEWER) != NULL) == internal);
      g_assert_true ((strstr (contents, CANARY_EVIDENCE) != NULL) == internal);
      g_assert_true ((strstr (contents, CANARY_CONFIDENTIAL) != NULL) == internal);
      g_assert_true ((strstr (contents, "\"INC-0001\"") != NULL) == (p != DOSSIER_PROFILE_PUBLIC));
      g_assert_true ((strstr (contents, "\"EVD-0002\"") != NULL) == (p != DOSSIER_PROFILE_PUBLIC));
      /* Still the interchange: it imports, with what it holds. */
      g_assert_true (dossier_json_import_file (copy, json, &error));
      g_assert_no_error (error);
      g_assert_cmpint (dossier_test_query_int (copy, "SELECT count(*) FROM incident", NULL), ==,
                       dossier_test_query_int (store, p == DOSSIER_PROFILE_PUBLIC ? "SELECT count(*) FROM incident WHERE confidentiality != 'confidential'"
                                                                                  : "SELECT count(*) FROM incident", NULL));
      g_assert_cmpint (dossier_test_query_int (copy, "SELECT count(*) FROM identity", NULL), ==,
                       internal ? dossier_test_query_int (store, "SELECT count(*) FROM identity", NULL) : 0);
    }
}

/* Point 2: every export is owner-only whatever the umask, a folder of tables too. An
 * earlier export at 0644 passes on nothing: the file is its temporary, renamed, so the
 * temporary's mode is what is checked; and no temporary is left beside it. */
static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
test_file_modes (void)
{
  g_autoptr(DossierStore) store = dossier_test_canary_dossier ("modes.dossier");
  g_autoptr(GError) error = NULL;
  mode_t saved = umask (022);
  const DossierProfile p = DOSSIER_PROFILE_INTERNAL;

  for (int f = 0; f < 3; f++)
    {
      static const char * const extensions[] = { "csv", "geojson", "kml" };
      g_autofree char *name = g_strdup_printf ("modes-incidents.%s", extensions[f]);
      g_autofree char *out = dossier_test_tmp_path (name);

      dossier_test_write_file (out, "an earlier export", -1);
      g_assert_cmpint (g_chmod (out, 0644), ==, 0);
      g_assert_true (dossier_export_incidents (store, f == 0 ? DOSSIER_EXPORT_CSV : f == 1 ? DOSSIER_EXPORT_GEOJSON
                                                                                   : DOSSIER_EXPORT_KML, p, out, &error));
      g_assert_no_error (error);
      g_test_message ("%s (incidents): %04o", extensions[f], mode_of (out));
      g_assert_cmpuint (mode_of (out), ==, 0600);
      g_assert_false (dossier_test_temporary_left (out));
    }
  for (int t = 0; t < DOSSIER_N_TABLES; t++)
    {
      g_autofree char *name = g_strdup_printf ("modes-%s.csv", dossier_table_to_string (t));
      g_autofree char *out = dossier_test_tmp_path (name);

      g_assert_true (dossier_export_table_csv (store, t, p, out, &error));
      g_assert_no_error (error);
      g_test_message ("csv --table %s: %04o", dossier_table_to_string (t), mode_of (out));
      g_assert_cmpuint (mode_of (out), ==, 0600);
    }
  {
    g_autofree char *dir = dossier_test_tmp_path ("modes-tables");

    g_assert_true (dossier_export_tables_csv (store, p, dir, &error));
    g_assert_no_error (error);
    g_test_message ("csv --table all, the folder: %04o", mode_of (dir));
    g_assert_cmpuint (mode_of (dir), ==, 0700);
    for (int t = 0; t < DOSSIER_N_TABLES; t++)
      {
        g_autofree char *file = g_strdup_printf ("%s/%s.csv", dir, dossier_table_to_string (t));

        g_test_message ("csv --table all, %s.csv: %04o", dossier_table_to_string (t), mode_of (file));
        g_assert_cmpuint (mode_of (file), ==, 0600);
      }
  }
  {
    g_autofree char *out = dossier_test_tmp_path ("modes.json");

    dossier_test_write_file (out, "an earlier export", -1);
    g_assert_cmpint (g_chmod (out, 0644), ==, 0);
    g_assert_true (dossier_json_export_file_profile (store, p, out, &error));
    g_assert_no_error (error);
    g_test_message ("json: %04o", mode_of (out));
    g_assert_cmpuint (mode_of (out), ==, 0600);
  }
  {
    g_autofree char *out = dossier_test_tmp_path ("modes.pdf");
    DossierAnnexOptions options = { .profile = p, .lang = "en", .sections = DOSSIER_ANNEX_INCIDENTS };

    dossier_test_write_file (out, "an earlier export", -1);
    g_assert_cmpint (g_chmod (out, 0644), ==, 0);
    g_assert_true (dossier_annex_write_pdf (store, &options, out, &error));
    g_assert_no_error (error);
    g_test_message ("pdf: %04o", mode_of (out));
    g_assert_cmpuint (mode_of (out), ==, 0600);
  }
  umask (saved);
}

/* Point 3: texts a spreadsheet would run, planted where every profile shows them and where
 * only the internal one does. */
static const char * const formulas[] = {
  "=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1",
};

static void
plant_formulas (DossierStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierIncident) incident = dossier_store_load_by_code (store, DOSSIER_TYPE_INCIDENT, "INC-0003", &error);
  g_autoptr(DossierActor) actor = dossier_store_load_by_code (store, DOSSIER_TYPE_ACTOR, "ACT-0002", &error);
  g_autoptr(DossierEvidence) item = dossier_store_load_by_code (store, DOSSIER_TYPE_EVIDENCE, "EVD-0001", &error);
  g_autoptr(DossierPerson) person = dossier_store_load_by_code (store, DOSSIER_TYPE_PERSON, "TEM-0002", &error);
  g_autoptr(DossierTestimony) testimony = dossier_store_load_by_code (store, DOSSIER_TYPE_TESTIMONY, "TES-00002", &error);

  g_assert_no_error (error);
#define SET(field, value) G_STMT_START { g_free (field); field = g_strdup (value); } G_STMT_END
  SET (incident->title_en, formulas[0]);
  SET (incident->title_fr, formulas[1]);
  SET (incident->summary_en, formulas[2]);
  SET (incident->summary_fr, formulas[3]);
  SET (incident->place, formulas[4]);
  /* What a spreadsheet splitting at semicolons would make a cell of its own. */
  SET (incident->sources, "Radio;=1+1");
  SET (actor->name, formulas[3]);
  SET (actor->acronym, formulas[1]);
  SET (actor->description, formulas[5]);
  SET (item->title, formulas[1]);
  SET (item->acquired_by, formulas[0]);
  SET (person->notes, formulas[0]);
  SET (testimony->summary, formulas[3]);
  SET (testimony->interviewer, formulas[2]);
#undef SET
  /* A position west of Greenwich, where most of Mali is: a negative number that must stay one. */
  item->latitude = 14.49;
  item->longitude = -4.19;
  g_assert_true (dossier_store_update (store, DOSSIER_RECORD (incident), &error));
  g_assert_true (dossier_store_update (store, DOSSIER_RECORD (actor), &error));
  g_assert_true (dossier_store_update (store, DOSSIER_RECORD (item), &error));
  g_assert_true (dossier_store_update (store, DOSSIER_RECORD (person), &error));
  g_assert_true (dossier_store_update (store, DOSSIER_RECORD (testimony), &error));
  g_assert_no_error (error);
}

/* RFC 4180, read back: each row a NULL-terminated array of cells. */
static GPtrArray *
read_csv (const char *path)
{
  g_autofree char *text = dossier_test_read_file (path, NULL);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) row = g_ptr_array_new ();
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      if (*p == '"')
        {
          for (p++; *p && !(p[0] == '"' && p[1] != '"'); p++)
            {
              if (*p == '"')
                p++;
              g_string_append_c (cell, *p);
            }
          g_assert_cmpint (*p, ==, '"');
          p++;
        }
      else
        for (; *p && *p != ',' && *p != '\r'; p++)
          {
            g_assert_cmpint (*p, !=, '\n');
            g_assert_cmpint (*p, !=, '"');
            g_string_append_c (cell, *p);
          }
      g_ptr_array_add (row, g_strdup (cell->str));
      g_string_truncate (cell, 0);
      if (*p == ',')
        p++;
      else
        {
          g_assert_true (g_str_has_prefix (p, "\r\n"));
          p += 2;
          g_ptr_array_add (row, NULL);
          g_ptr_array_add (rows, g_ptr_array_steal (row, NULL));
        }
    }
  return rows;
}

static gboolean
is_number (const char *cell)
{
  return g_regex_match_simple ("^-?[0-9]+(\\.[0-9]+)?$", cell, 0, 0);
}

/* Checks every cell of @path; each one neutralised goes into @seen. Returns how many
 * negative numbers a coordinate column held. */
static guint
check_csv (const char *path,
           GHashTable *seen)
{
  g_autoptr(GPtrArray) rows = read_csv (path);
  char **header;
  guint negative = 0;

  g_assert_cmpuint (rows->len, >, 0);
  header = rows->pdata[0];
  for (guint r = 1; r < rows->len; r++)
    {
      char **cells = rows->pdata[r];

      g_assert_cmpuint (g_strv_length (cells), ==, g_strv_length (header));
      for (guint c = 0; cells[c]; c++)
        {
          const char *cell = cells[c];

          /* OWASP's characters, at the start of a cell that is not a plain number: never. */
          if (*cell != '\0' && strchr ("=+-@\t\r", *cell) != NULL && !is_number (cell))
            g_error ("%s: the cell “%s” of column %s would run as a formula", path, cell, header[c]);
          if (*cell == '\'')
            g_hash_table_add (seen, g_strdup (cell + 1));
          if (g_str_equal (header[c], "latitude") || g_str_equal (header[c], "longitude"))
            {
              if (*cell == '\0')
                continue;
              g_assert_true (is_number (cell));
              if (*cell == '-')
                negative++;
            }
        }
    }
  return negative;
}

static void
test_csv_formulas (void)
{
  g_autoptr(DossierStore) store = dossier_test_canary_dossier ("formulas.dossier");
  g_autoptr(GError) error = NULL;

  plant_formulas (store);
  for (int p = DOSSIER_PROFILE_PUBLIC; p <= DOSSIER_PROFILE_INTERNAL; p++)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autofree char *dir_name = g_strdup_printf ("formulas-%s", dossier_profile_to_string (p));
      g_autofree char *dir = dossier_test_tmp_path (dir_name);
      g_autofree char *incidents_name = g_strdup_printf ("formulas-%s.csv", dossier_profile_to_string (p));
      g_autofree char *incidents = dossier_test_tmp_path (incidents_name);
      g_autofree char *text = NULL;
      guint negative;

      g_test_message ("profile %s", dossier_profile_to_string (p));
      g_assert_true (dossier_export_incidents (store, DOSSIER_EXPORT_CSV, p, incidents, &error));
      g_assert_no_error (error);
      /* Incidents at Ségou, Mopti, Bamako: west of Greenwich, negative longitudes. */
      negative = check_csv (incidents, seen);
      g_assert_cmpuint (negative, >, 0);
      text = dossier_test_read_file (incidents, NULL);
      /* Quoted, the quote before it, its own quotes doubled, as OWASP says. */
      g_assert_nonnull (strstr (text, ",\"'=HYPERLINK(\"\"http://x\"\")\","));
      g_assert_nonnull (strstr (text, ",\"Radio;=1+1\""));
      for (int t = 0; t < DOSSIER_N_TABLES; t++)
        {
          g_autofree char *name = g_strdup_printf ("formulas-%s-%s.csv", dossier_profile_to_string (p), dossier_table_to_string (t));
          g_autofree char *out = dossier_test_tmp_path (name);

          g_assert_true (dossier_export_table_csv (store, t, p, out, &error));
          g_assert_no_error (error);
          negative = check_csv (out, seen);
          if (t == DOSSIER_TABLE_EVIDENCE)
            g_assert_cmpuint (negative, ==, p == DOSSIER_PROFILE_INTERNAL ? 1 : 0);
        }
      g_assert_true (dossier_export_tables_csv (store, p, dir, &error));
      g_assert_no_error (error);
      for (int t = 0; t < DOSSIER_N_TABLES; t++)
        {
          g_autofree char *file = g_strdup_printf ("%s/%s.csv", dir, dossier_table_to_string (t));

          check_csv (file, seen);
        }
      /* Every planted formula came out, neutralised: those every profile shows, and the
       * staff's texts inside the organisation. */
      for (guint f = 0; f < G_N_ELEMENTS (formulas); f++)
        {
          g_test_message ("'%s", formulas[f]);
          g_assert_true (g_hash_table_contains (seen, formulas[f]));
        }
      g_assert_cmpuint (g_hash_table_size (seen), ==, G_N_ELEMENTS (formulas));
    }
}

/* Point 15: characters XML 1.0 forbids, even as references, in a title and the dossier's
 * name; the KML parses with a strict parser, and shows where they were. */
static void
test_xml_control_characters (void)
{
  g_autoptr(DossierStore) store = dossier_test_canary_dossier ("control.dossier");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierIncident) incident = dossier_store_load_by_code (store, DOSSIER_TYPE_INCIDENT, "INC-0003", &error);
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");

  g_assert_no_error (error);
  if (xmllint == NULL)
    g_error ("xmllint (libxml2-utils, installed by build-aux/setup.sh) is needed to check the KML");
  g_free (incident->title_en);
  incident->title_en = g_strdup ("Bad\x01ti\x0btle\x1f end & <more>");
  g_free (incident->summary_fr);
  incident->summary_fr = g_strdup ("Un saut\x0c" "de page\xef\xbf\xbe" "fin");
  g_assert_true (dossier_store_update (store, DOSSIER_RECORD (incident), &error));
  g_assert_true (dossier_store_set_info (store, "title", "Commission\x01 d'enquête", &error));
  g_assert_no_error (error);

  for (int p = DOSSIER_PROFILE_PUBLIC; p <= DOSSIER_PROFILE_INTERNAL; p++)
    {
      g_autofree char *name = g_strdup_printf ("control-%s.kml", dossier_profile_to_string (p));
      g_autofree char *out = dossier_test_tmp_path (name);
      g_autofree char *text = NULL;
      g_autofree char *lint_err = NULL;
      const char *argv[] = { xmllint, "--noout", out, NULL };
      int status;

      g_test_message ("profile %s", dossier_profile_to_string (p));
      g_assert_true (dossier_export_incidents (store, DOSSIER_EXPORT_KML, p, out, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &lint_err, &status, &error));
      g_assert_no_error (error);
      if (!g_spawn_check_wait_status (status, NULL))
        g_error ("xmllint refuses %s: %s", out, lint_err);
      text = dossier_test_read_file (out, NULL);
      g_assert_null (strstr (text, "&#x1;"));
      g_assert_null (strstr (text, "&#xb;"));
      /* Replaced by U+FFFD, the rest kept. */
      g_assert_nonnull (strstr (text, "<name>Commission\xef\xbf\xbd d&apos;enquête</name>"));
      g_assert_nonnull (strstr (text, "Bad\xef\xbf\xbdti\xef\xbf\xbdtle\xef\xbf\xbd end &amp; &lt;more&gt;"));
      g_assert_nonnull (strstr (text, "Un saut\xef\xbf\xbd" "de page\xef\xbf\xbd" "fin"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  dossier_test_register_resources ();
  g_test_add_func ("/export/canaries", test_canaries);
  g_test_add_func ("/export/tables", test_tables);
  g_test_add_func ("/export/json", test_json);
  g_test_add_func ("/trust/02-export-file-modes", test_file_modes);
  g_test_add_func ("/trust/03-csv-formula-injection", test_csv_formulas);
  g_test_add_func ("/trust/15-xml-control-characters", test_xml_control_characters);
  return g_test_run ();
}
