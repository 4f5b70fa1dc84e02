/* test-export.c: what leaves the dossier, by profile: canaries in CSV and GeoJSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

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
  g_assert_false (g_file_test ("/nonexistent/dir/x.csv.partial", G_FILE_TEST_EXISTS));
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export/canaries", test_canaries);
  g_test_add_func ("/export/tables", test_tables);
  g_test_add_func ("/export/json", test_json);
  return g_test_run ();
}
