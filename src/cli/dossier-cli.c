/* dossier-cli.c: the headless companion of Dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every command prints its result on standard output and exits 0, or prints one line
 * “dossier-cli: <reason>” on standard error and exits 1 (2 for a wrong command line).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "dossier-demo.h"
#include "dossier-incident.h"
#include "dossier-io-resources.h"
#include "dossier-annex.h"
#include "dossier-bagit.h"
#include "dossier-core-resources.h"
#include "dossier-export.h"
#include "dossier-export-incidents.h"
#include "dossier-export-tables.h"
#include "dossier-import.h"
#include "dossier-ingest.h"
#include "dossier-json-io.h"
#include "dossier-locker.h"
#include "dossier-search.h"
#include "dossier-search-task.h"
#include "dossier-store.h"
#include "dossier-verify.h"
#include "dossier-info.h"

#define EXIT_USAGE 2

static int
fail (int         status,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static int
fail (int         status,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* One line, whatever the message holds. */
  g_strdelimit (message, "\n\r", ' ');
  g_printerr ("dossier-cli: %s\n", message);
  return status;
}

static int
fail_error (GError *error)
{
  return fail (1, "%s", error->message);
}

static const char *
usage_text (void)
{
  return _("Usage:\n"
           "  dossier-cli new FILE [--title T]\n"
           "  dossier-cli demo FILE\n"
           "  dossier-cli stats FILE [--json]\n"
           "  dossier-cli export FILE --format json [--profile public|annex|internal] -o OUT\n"
           "  dossier-cli export FILE --format csv|geojson|kml [--profile public|annex|internal] -o OUT\n"
           "  dossier-cli export FILE --format csv --table incidents|people|testimonies|actors|evidence [--profile P] -o OUT\n"
           "  dossier-cli export FILE --format csv --table all [--profile P] -o NEW-FOLDER\n"
           "  dossier-cli export FILE --format pdf [--profile P] [--lang fr|en] [--sections S,…] -o OUT.pdf\n"
           "  dossier-cli export FILE --format bagit [--profile internal] -o NEW-FOLDER\n"
           "  dossier-cli import FILE --format json IN\n"
           "  dossier-cli import NEW-FILE --format bagit BAG-FOLDER\n"
           "  dossier-cli search FILE QUERY [--limit N] [--json]\n"
           "  dossier-cli ingest FILE PATH… [--incident CODE]\n"
           "  dossier-cli verify FILE|BAG-FOLDER\n");
}

/* Parses the options of one command with GOptionContext; what is left are its
 * positional arguments, of which exactly @min to @max are allowed. */
static gboolean
parse (int           *argc,
       char        ***argv,
       GOptionEntry  *entries,
       int            min,
       int            max,
       int           *status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;

  g_option_context_set_help_enabled (context, FALSE);
  if (entries)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = fail (EXIT_USAGE, "%s", error->message);
      return FALSE;
    }
  /* GOptionContext stops at “--” but leaves it in place: what follows is positional,
   * even when it starts with a dash (a file named “-x”). */
  for (int i = 1; i < *argc; i++)
    {
      if (g_str_equal ((*argv)[i], "--"))
        {
          memmove (*argv + i, *argv + i + 1, (*argc - i - 1) * sizeof (char *));
          (*argc)--;
          (*argv)[*argc] = NULL;
          break;
        }
      if ((*argv)[i][0] == '-' && (*argv)[i][1] != '\0')
        {
          /* Translators: %s is an option such as --foo */
          *status = fail (EXIT_USAGE, _("unknown option “%s”"), (*argv)[i]);
          return FALSE;
        }
    }
  /* argv[0] is the command. */
  if (*argc - 1 < min || (max >= 0 && *argc - 1 > max))
    {
      /* Translators: %s is a command name such as “stats” */
      *status = fail (EXIT_USAGE, _("wrong number of arguments for “%s”; see dossier-cli --help"), (*argv)[0]);
      return FALSE;
    }
  return TRUE;
}

/* The use cases are asynchronous: a command waits for its own on the main context. */
static void
on_finished (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static DossierStore *
open_store (const char   *path,
            gboolean      read_only,
            int          *status)
{
  g_autoptr(GError) error = NULL;
  DossierStore *store = dossier_store_open (path, read_only ? DOSSIER_STORE_OPEN_READ_ONLY : DOSSIER_STORE_OPEN_DEFAULT, &error);

  if (store == NULL)
    {
      *status = fail_error (error);
      return NULL;
    }
  /* Nothing is written into a large dossier before the whole file is known to be intact. */
  if (!read_only && !dossier_store_check_integrity (store, NULL, &error))
    {
      *status = fail_error (error);
      g_object_unref (store);
      return NULL;
    }
  dossier_store_set_user (store, g_getenv ("DOSSIER_USER"));
  return store;
}

static int
cmd_new (int argc, char **argv)
{
  g_autofree char *title = NULL;
  GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, NULL, NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  int status = 0;

  if (!parse (&argc, &argv, entries, 1, 1, &status))
    return status;
  store = dossier_create (argv[1], title, &error);
  if (store == NULL)
    return fail_error (error);
  return 0;
}

static int
cmd_demo (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  int status = 0;

  if (!parse (&argc, &argv, NULL, 1, 1, &status))
    return status;
  store = dossier_demo_create (argv[1], &error);
  if (store == NULL)
    return fail_error (error);
  return 0;
}

static int
cmd_stats (int argc, char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  DossierStoreCounts c;
  int status = 0;

  if (!parse (&argc, &argv, entries, 1, 1, &status))
    return status;
  if ((store = open_store (argv[1], TRUE, &status)) == NULL)
    return status;
  if (!dossier_store_count (store, &c, &error))
    return fail_error (error);

  if (json)
    g_print ("{\"incidents\": %" G_GINT64_FORMAT ", \"people\": %" G_GINT64_FORMAT
             ", \"testimonies\": %" G_GINT64_FORMAT ", \"evidence\": %" G_GINT64_FORMAT
             ", \"actors\": %" G_GINT64_FORMAT "}\n",
             c.incidents, c.people, c.testimonies, c.evidence, c.actors);
  else
    {
      g_autofree char *title = dossier_store_get_title (store);

      g_print ("%s\n", title);
      /* Translators: these are aligned labels followed by counts */
      g_print (_("Incidents:   %lld\n"), (long long) c.incidents);
      g_print (_("People:      %lld\n"), (long long) c.people);
      g_print (_("Testimonies: %lld\n"), (long long) c.testimonies);
      g_print (_("Evidence:    %lld\n"), (long long) c.evidence);
      g_print (_("Actors:      %lld\n"), (long long) c.actors);
    }
  return 0;
}

static gboolean
check_format (const char *format,
              int        *status)
{
  if (format == NULL)
    {
      *status = fail (EXIT_USAGE, _("--format is required; the only format is “json”"));
      return FALSE;
    }
  if (!g_str_equal (format, "json"))
    {
      /* Translators: %s is the format asked for */
      *status = fail (EXIT_USAGE, _("unknown format “%s”; the only format is “json”"), format);
      return FALSE;
    }
  return TRUE;
}

/* Progress on a terminal, on one line. */
static void
print_progress (const DossierTaskProgress *progress,
                gpointer                   user_data)
{
  g_printerr ("\r%3d %%", progress->total > 0 ? (int) (100 * progress->done / progress->total) : 100);
}

static int
cmd_export (int argc, char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *out = NULL;
  g_autofree char *profile_name = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *section_list = NULL;
  g_autofree char *table_name = NULL;
  GOptionEntry entries[] = {
    { "table", 0, 0, G_OPTION_ARG_STRING, &table_name, NULL, NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, NULL, NULL },
    { "profile", 0, 0, G_OPTION_ARG_STRING, &profile_name, NULL, NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, NULL, NULL },
    { "sections", 0, 0, G_OPTION_ARG_STRING, &section_list, NULL, NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out, NULL, NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  DossierProfile profile = DOSSIER_PROFILE_PUBLIC;
  DossierAnnexSections sections = DOSSIER_ANNEX_TABLES;
  DossierTable table_id = DOSSIER_TABLE_INCIDENTS;
  DossierExportOptions options = { 0 };
  DossierAnnexOptions annex = { 0 };
  gboolean table, bag, pdf, written;
  int status = 0;

  if (!parse (&argc, &argv, entries, 1, 1, &status))
    return status;
  table = g_strcmp0 (format, "csv") == 0 || g_strcmp0 (format, "geojson") == 0 || g_strcmp0 (format, "kml") == 0;
  bag = g_strcmp0 (format, "bagit") == 0;
  pdf = g_strcmp0 (format, "pdf") == 0;
  if (!table && !bag && !pdf && !check_format (format, &status))
    return status;
  if (table_name != NULL && g_strcmp0 (format, "csv") != 0)
    return fail (EXIT_USAGE, _("--table is for --format csv"));
  if (table_name != NULL && !g_str_equal (table_name, "all") && !dossier_table_from_string (table_name, &table_id))
    /* Translators: %s is the table asked for */
    return fail (EXIT_USAGE, _("unknown table “%s”; the tables are incidents, people, testimonies, actors, evidence, or all"), table_name);
  if ((lang != NULL || section_list != NULL) && !pdf)
    return fail (EXIT_USAGE, _("--lang and --sections are for --format pdf"));
  if (lang != NULL && !g_str_equal (lang, "fr") && !g_str_equal (lang, "en"))
    /* Translators: %s is the language asked for */
    return fail (EXIT_USAGE, _("unknown language “%s”; an annex is written in “fr” or “en”"), lang);
  if (section_list != NULL && !dossier_annex_sections_from_string (section_list, &sections))
    /* Translators: %s is what was given to --sections */
    return fail (EXIT_USAGE, _("unknown sections “%s”; choose among incidents, sheets, testimonies, people, actors, evidence"),
                 section_list);
  if (sections & (DOSSIER_ANNEX_MAP | DOSSIER_ANNEX_TIMELINE))
    return fail (EXIT_USAGE, _("the map and timeline figures are drawn by the application: add them from its Export dialog"));
  /* Nothing leaves but by a profile; what is not said is the most careful one. */
  if (profile_name != NULL && !dossier_profile_from_string (profile_name, &profile))
    /* Translators: %s is the profile asked for */
    return fail (EXIT_USAGE, _("unknown profile “%s”; the profiles are “public”, “annex” and “internal”"), profile_name);
  if (bag && profile_name != NULL && profile != DOSSIER_PROFILE_INTERNAL)
    return fail (EXIT_USAGE, _("a bag holds the whole dossier: it is written only with --profile internal"));
  /* The interchange without a profile is the whole dossier, as it always was: a transfer
   * between the commission's own computers. */
  if (!table && !bag && !pdf && profile_name == NULL)
    profile = DOSSIER_PROFILE_INTERNAL;
  if (out == NULL)
    return fail (EXIT_USAGE, _("-o OUT is required"));
  annex.lang = lang ? lang : "en";
  annex.sections = sections;
  if (pdf)
    {
      options.kind = DOSSIER_EXPORT_ANNEX;
      options.annex = &annex;
    }
  else if (bag)
    {
      /* A bag holds the whole dossier and its evidence: for the archive, not for outsiders. */
      options.kind = DOSSIER_EXPORT_BAG;
      profile = DOSSIER_PROFILE_INTERNAL;
    }
  else if (table_name != NULL)
    /* One chosen table, or every table as a file of a new folder. */
    options.kind = g_str_equal (table_name, "all") ? DOSSIER_EXPORT_TABLES : DOSSIER_EXPORT_TABLE;
  else if (table)
    {
      options.kind = DOSSIER_EXPORT_INCIDENTS;
      options.format = g_str_equal (format, "csv") ? DOSSIER_EXPORT_CSV
                       : g_str_equal (format, "kml") ? DOSSIER_EXPORT_KML : DOSSIER_EXPORT_GEOJSON;
    }
  else
    options.kind = DOSSIER_EXPORT_INTERCHANGE;
  options.profile = profile;
  options.table = table_id;
  options.user = g_getenv ("DOSSIER_USER");
  dossier_export_async (argv[1], &options, out, pdf && isatty (STDERR_FILENO) ? print_progress : NULL, NULL, NULL,
                        NULL, on_finished, &result);
  written = dossier_export_finish (wait_for (&result), &error);
  if (pdf && isatty (STDERR_FILENO))
    g_printerr ("\n");
  return written ? 0 : fail_error (error);
}

static int
cmd_import (int argc, char **argv)
{
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, NULL, NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  DossierImportReport report = { 0 };
  int status = 0;

  if (!parse (&argc, &argv, entries, 2, 2, &status))
    return status;
  if (g_strcmp0 (format, "bagit") == 0)
    {
      dossier_import_async (DOSSIER_IMPORT_BAGIT, argv[2], argv[1], g_getenv ("DOSSIER_USER"), NULL, on_finished, &result);
      if (!dossier_import_finish (wait_for (&result), &report, &error))
        return fail_error (error);
      /* Translators: %u is a number of evidence items */
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u evidence item brought in, its SHA-256 checked\n",
                            "%u evidence items brought in, each SHA-256 checked\n", report.restored), report.restored);
      if (report.without_bytes > 0)
        /* Translators: %u is a number of evidence items */
        g_print (g_dngettext (GETTEXT_PACKAGE, "%u item had no bytes in the bag, as in the dossier it came from\n",
                              "%u items had no bytes in the bag, as in the dossier they came from\n", report.without_bytes),
                 report.without_bytes);
      return 0;
    }
  if (!check_format (format, &status))
    return status;
  if (!g_file_test (argv[2], G_FILE_TEST_IS_REGULAR))
    /* Translators: %s is a file name */
    return fail (1, _("“%s” cannot be read"), argv[2]);

  /* A new dossier appears only once whole: killed half way, the import leaves nothing. An
   * existing one is checked before anything is written into it. */
  if (g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      if ((store = open_store (argv[1], FALSE, &status)) == NULL)
        return status;
      g_clear_object (&store);
    }
  dossier_import_async (DOSSIER_IMPORT_JSON, argv[2], argv[1], g_getenv ("DOSSIER_USER"), NULL, on_finished, &result);
  if (!dossier_import_finish (wait_for (&result), NULL, &error))
    return fail_error (error);
  return 0;
}

static char *
json_quote (const char *s)
{
  g_autoptr(GString) out = g_string_new ("\"");

  for (const char *p = s ? s : ""; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static int
cmd_search (int argc, char **argv)
{
  int limit = 20;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, NULL, NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  const char *lang;
  int status = 0;

  if (!parse (&argc, &argv, entries, 2, 2, &status))
    return status;
  if (limit < 1 || limit > 10000)
    return fail (EXIT_USAGE, _("--limit must be between 1 and 10000"));
  if ((store = open_store (argv[1], TRUE, &status)) == NULL)
    return status;

  /* Translators: the language code of this translation, "fr" for French */
  lang = g_str_equal (C_("language code", "en"), "fr") ? "fr" : "en";
  dossier_search_async (argv[1], g_steal_pointer (&store), argv[2], lang, limit, NULL, on_finished, &result);
  hits = dossier_search_finish (wait_for (&result), NULL, &error);
  if (hits == NULL)
    return fail_error (error);

  if (json)
    {
      g_print ("[");
      for (guint i = 0; i < hits->len; i++)
        {
          DossierSearchHit *hit = hits->pdata[i];
          g_autofree char *plain = dossier_search_snippet_to_plain (hit->snippet, "[", "]");
          g_autofree char *kind = json_quote (hit->kind);
          g_autofree char *code = json_quote (hit->code);
          g_autofree char *title = json_quote (hit->title);
          g_autofree char *snippet = json_quote (plain);
          char rank[G_ASCII_DTOSTR_BUF_SIZE];

          g_print ("%s\n  {\"kind\": %s, \"code\": %s, \"title\": %s, \"snippet\": %s, \"rank\": %s}",
                   i ? "," : "", kind, code, title, snippet,
                   g_ascii_dtostr (rank, sizeof rank, hit->rank));
        }
      g_print ("%s]\n", hits->len ? "\n" : "");
    }
  else
    for (guint i = 0; i < hits->len; i++)
      {
        DossierSearchHit *hit = hits->pdata[i];
        g_autofree char *plain = dossier_search_snippet_to_plain (hit->snippet, "[", "]");

        g_strdelimit (plain, "\n\r\t", ' ');
        g_print ("%s\t%s\t%s\n\t%s\n", hit->kind, hit->code, hit->title, plain);
      }
  return 0;
}

/* What the files given and found in the folders given were brought in as, named as they
 * were given: “notes.txt”, “photos/001.jpg”. */
static void
print_ingested (DossierIngestReport *report,
                GPtrArray           *given,
                char               **argv)
{
  for (guint i = 0; i < report->items->len; i++)
    {
      DossierIngestItem *item = report->items->pdata[i];
      GFile *origin = given->pdata[item->origin];
      g_autofree char *below = g_file_get_relative_path (origin, item->file);
      g_autofree char *name = below ? g_build_filename (argv[item->origin], below, NULL) : g_strdup (argv[item->origin]);

      if (item->outcome == DOSSIER_INGEST_DUPLICATE)
        /* Translators: %s are a file name, an evidence code and a SHA-256 */
        g_print (_("%s: already in the dossier as %s (SHA-256 %s)\n"), name, item->code, item->sha256);
      else
        g_print ("%s\t%s\t%s\n", item->code, item->sha256, name);
    }
}

static int
cmd_ingest (int argc, char **argv)
{
  g_autofree char *incident_code = NULL;
  GOptionEntry entries[] = {
    { "incident", 0, 0, G_OPTION_ARG_STRING, &incident_code, NULL, NULL },
    { NULL }
  };
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(DossierIngestReport) report = NULL;
  g_autoptr(GError) error = NULL;
  DossierIngestOptions options = {
    /* All files or none: a batch is done again whole, not picked through. */
    .policy = DOSSIER_INGEST_ALL_OR_NOTHING,
    .user = g_getenv ("DOSSIER_USER"),
    /* Alone on the file, the bytes are written once rather than twice (see the store). */
    .bulk_writes = TRUE,
  };
  int status = 0;

  if (!parse (&argc, &argv, entries, 2, -1, &status))
    return status;
  if ((store = open_store (argv[1], FALSE, &status)) == NULL)
    return status;
  if (incident_code != NULL && (options.incident_id = dossier_store_id_for_code (store, "incident", incident_code)) == 0)
    /* Translators: %s is an incident code such as INC-0001 */
    return fail (1, _("there is no incident “%s” in this dossier"), incident_code);
  /* Checked; the ingest has the file to itself. */
  g_clear_object (&store);

  for (int i = 2; i < argc; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (argv[i]));
  dossier_ingest_async (argv[1], files, &options, NULL, NULL, NULL, NULL, on_finished, &result);
  report = dossier_ingest_finish (wait_for (&result), &error);
  if (report == NULL)
    return fail_error (error);
  print_ingested (report, files, argv + 2);
  return 0;
}

/* A bag folder: complete and valid (RFC 8493), or each problem on a line. */
static int
verify_bag (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  if (dossier_bagit_validate (dir, &problems, &error))
    {
      g_print ("%s\n", _("The bag is complete and valid"));
      return 0;
    }
  if (problems == NULL)
    return fail_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_print ("%s\n", (const char *) problems->pdata[i]);
  /* Translators: %u is a number of problems found in a bag */
  return fail (1, g_dngettext (GETTEXT_PACKAGE, "The bag is not valid: %u problem", "The bag is not valid: %u problems",
                               problems->len), problems->len);
}

static int
cmd_verify (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  DossierVerifyOptions options = { .user = g_getenv ("DOSSIER_USER") };
  guint bad = 0;
  int status = 0;

  if (!parse (&argc, &argv, NULL, 1, 1, &status))
    return status;
  if (g_file_test (argv[1], G_FILE_TEST_IS_DIR))
    return verify_bag (argv[1]);
  /* Writable when possible, so that the verification itself enters the custody logs; a
   * write-protected dossier is still verified, read-only. SQLite would open such a file
   * “read-write” and fail only at the first write, hence the access check first. */
  if (g_access (argv[1], W_OK) == 0)
    store = dossier_store_open (argv[1], DOSSIER_STORE_OPEN_DEFAULT, &error);
  else
    store = dossier_store_open (argv[1], DOSSIER_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL && g_error_matches (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_IO))
    {
      g_clear_error (&error);
      store = dossier_store_open (argv[1], DOSSIER_STORE_OPEN_READ_ONLY, &error);
    }
  if (store == NULL || !dossier_store_check_integrity (store, NULL, &error))
    return fail_error (error);
  options.record = !dossier_store_is_read_only (store);
  g_clear_object (&store);

  dossier_verify_async (argv[1], &options, NULL, NULL, NULL, NULL, on_finished, &result);
  report = dossier_verify_finish (wait_for (&result), &error);
  if (report == NULL)
    return fail_error (error);
  for (guint i = 0; i < report->len; i++)
    {
      DossierVerifyItem *item = report->pdata[i];

      g_print ("%s\t%s\t%s\n", item->code, dossier_verify_status_to_string (item->status), item->detail);
      bad += item->status != DOSSIER_VERIFY_INTACT;
    }
  if (bad > 0)
    /* Translators: %u is a number of evidence items */
    return fail (1, g_dngettext (GETTEXT_PACKAGE, "%u item is not intact", "%u items are not intact", bad), bad);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  static const struct {
    const char *name;
    int (*run) (int argc, char **argv);
  } commands[] = {
    { "new", cmd_new },
    { "demo", cmd_demo },
    { "stats", cmd_stats },
    { "export", cmd_export },
    { "import", cmd_import },
    { "search", cmd_search },
    { "ingest", cmd_ingest },
    { "verify", cmd_verify },
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("DOSSIER_LOCALEDIR") ? g_getenv ("DOSSIER_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* The schema, the vocabularies and the demo dossier. */
  dossier_core_register_resource ();
  dossier_io_register_resource ();

  if (argc < 2)
    {
      g_printerr ("%s", usage_text ());
      return EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      g_print ("%s", usage_text ());
      return 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        /* “dossier-cli stats --help” asks for help, not for a file named --help. */
        for (int j = 2; j < argc && !g_str_equal (argv[j], "--"); j++)
          if (g_str_equal (argv[j], "--help") || g_str_equal (argv[j], "-h"))
            {
              g_print ("%s", usage_text ());
              return 0;
            }
        return commands[i].run (argc - 1, argv + 1);
      }

  /* Translators: %s is what was typed as a command */
  return fail (EXIT_USAGE, _("unknown command “%s”; see dossier-cli --help"), argv[1]);
}
