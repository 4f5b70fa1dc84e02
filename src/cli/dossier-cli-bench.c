/* dossier-cli-bench.c: dossier-cli synth and bench
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `bench` prints figures and the targets they are held against; it never fails on a slow
 * machine: speed is reported, not asserted.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/resource.h>

#include "dossier-cli-bench.h"
#include "dossier-incident.h"
#include "dossier-query.h"
#include "dossier-search.h"
#include "dossier-synth.h"
#include "dossier-vocab.h"

static int
fail (int         status,
      const char *message)
{
  g_autofree char *line = g_strdup (message);

  g_strdelimit (line, "\n\r", ' ');
  g_printerr ("dossier-cli: %s\n", line);
  return status;
}

static void
show_progress (guint64  done,
               guint64  total,
               gpointer data)
{
  guint *last = data;
  guint pct = total ? (guint) (done * 100 / total) : 100;

  if (pct / 10 != *last / 10 || done == total)
    {
      /* Translators: progress of the synthetic dossier, in percent */
      g_printerr (_("synth: %u %%\n"), pct);
      *last = pct;
    }
}

int
dossier_cli_synth (int    argc,
                   char **argv)
{
  int incidents = -1, people = -1, testimonies = -1, words = -1, seed = 1;
  GOptionEntry entries[] = {
    { "incidents", 0, 0, G_OPTION_ARG_INT, &incidents, NULL, NULL },
    { "people", 0, 0, G_OPTION_ARG_INT, &people, NULL, NULL },
    { "testimonies", 0, 0, G_OPTION_ARG_INT, &testimonies, NULL, NULL },
    { "words", 0, 0, G_OPTION_ARG_INT, &words, NULL, NULL },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  DossierSynthOptions options;
  guint last = 0;
  gint64 t0;

  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (2, error->message);
  if (argc != 2)
    return fail (2, _("wrong number of arguments for “synth”; see dossier-cli --help"));
  if (incidents < 0 || people < 0 || testimonies < 0 || words < 0 ||
      incidents > 10000000 || people > 10000000 || testimonies > 10000000 || words > 1000000)
    return fail (2, _("synth needs --incidents, --people, --testimonies and --words, each a number from 0 to 10,000,000 (1,000,000 for --words)"));

  options = (DossierSynthOptions) { incidents, people, testimonies, words, (guint32) seed };
  t0 = g_get_monotonic_time ();
  store = dossier_store_create (argv[1], "Dossier synthétique", &error);
  if (store == NULL)
    return fail (1, error->message);
  if (!dossier_synth_fill (store, &options, show_progress, &last, &error))
    {
      g_autofree char *wal = g_strconcat (argv[1], "-wal", NULL);
      g_autofree char *shm = g_strconcat (argv[1], "-shm", NULL);

      dossier_store_close (store);
      g_remove (argv[1]);
      g_remove (wal);
      g_remove (shm);
      return fail (1, error->message);
    }
  /* Translators: %.1f is a number of seconds */
  g_printerr (_("synth: done in %.1f s\n"), (g_get_monotonic_time () - t0) / 1e6);
  return 0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
percentile (GArray *ms,
            double  p)
{
  g_array_sort (ms, compare_double);
  return g_array_index (ms, double, MIN (ms->len - 1, (guint) (p * ms->len)));
}

static void
report (const char *what,
        GArray     *ms,
        double      target)
{
  double p50 = percentile (ms, 0.50), p95 = percentile (ms, 0.95);

  g_print ("%-44s p50 %8.2f ms   p95 %8.2f ms   (target p95 < %g ms: %s)\n", what, p50, p95, target,
           p95 < target ? "met" : "NOT met");
}

static double
elapsed_ms (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1000.0;
}

int
dossier_cli_bench (int    argc,
                   char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  DossierStoreCounts counts;
  struct rusage usage;
  double open_ms;
  gint64 t0, docs;
  static const char * const terms[][2] = {
    { "hélicoptère", "rare" },
    { "gourma", "common" },
    { "mopti", "common" },
    { "bao*", "prefix" },
    { "temoi*", "prefix, very common" },
  };

  if (argc != 2 || argv[1][0] == '-')
    return fail (2, _("wrong number of arguments for “bench”; see dossier-cli --help"));

  t0 = g_get_monotonic_time ();
  store = dossier_store_open (argv[1], DOSSIER_STORE_OPEN_DEFAULT, &error);
  open_ms = elapsed_ms (t0);
  if (store == NULL)
    return fail (1, error->message);
  g_print ("%-44s %8.1f ms   (target < 100 ms: %s)\n",
           dossier_store_is_checked (store) ? "open (with quick_check)" : "open (header and schema checked)",
           open_ms, open_ms < 100 ? "met" : "NOT met");
  if (!dossier_store_is_checked (store))
    {
      t0 = g_get_monotonic_time ();
      if (!dossier_store_check_integrity (store, NULL, &error))
        return fail (1, error->message);
      g_print ("%-44s %8.1f ms   (in the background after opening)\n", "full quick_check", elapsed_ms (t0));
    }

  if (!dossier_store_count (store, &counts, &error))
    return fail (1, error->message);
  g_print ("counts: %" G_GINT64_FORMAT " incidents, %" G_GINT64_FORMAT " people, %" G_GINT64_FORMAT
           " testimonies, %" G_GINT64_FORMAT " evidence, %" G_GINT64_FORMAT " actors\n",
           counts.incidents, counts.people, counts.testimonies, counts.evidence, counts.actors);
  docs = counts.incidents + counts.testimonies + counts.evidence + counts.actors;

  /* A page of 100 incidents of one region and period, by date. */
  regions = dossier_store_list_vocab (store, "admin1", &error);
  if (regions == NULL)
    return fail (1, error->message);
  for (int i = 0; i < 60; i++)
    {
      DossierIncidentQuery q = { 0 };
      g_autoptr(GPtrArray) page = NULL;
      GDate from, to;
      int year = g_rand_int_range (rand, 2012, 2024);

      q.admin1 = ((DossierVocabTerm *) regions->pdata[g_rand_int_range (rand, 0, 11)])->code;
      g_date_clear (&from, 1);
      g_date_clear (&to, 1);
      g_date_set_dmy (&from, 1, G_DATE_JANUARY, year);
      g_date_set_dmy (&to, 31, G_DATE_DECEMBER, year + g_rand_int_range (rand, 0, 2));
      q.date_from = g_date_get_julian (&from);
      q.date_to = g_date_get_julian (&to);
      t0 = g_get_monotonic_time ();
      page = dossier_store_query_incidents (store, &q, "date_edtf", FALSE, 0, 100, &error);
      if (page == NULL)
        return fail (1, error->message);
      if (i >= 10)  /* the first runs warm the cache */
        {
          double t = elapsed_ms (t0);
          g_array_append_val (ms, t);
        }
    }
  report ("page of 100 incidents (region, period, by date)", ms, 10);

  for (guint k = 0; k < G_N_ELEMENTS (terms); k++)
    {
      gint64 matches = dossier_store_search_count (store, terms[k][0], &error);
      g_autofree char *what = NULL;

      if (matches < 0)
        return fail (1, error->message);
      g_array_set_size (ms, 0);
      for (int i = 0; i < 35; i++)
        {
          g_autoptr(GPtrArray) hits = NULL;

          t0 = g_get_monotonic_time ();
          hits = dossier_store_search (store, terms[k][0], "fr", 20, &error);
          if (hits == NULL)
            return fail (1, error->message);
          if (i >= 5)
            {
              double t = elapsed_ms (t0);
              g_array_append_val (ms, t);
            }
        }
      what = g_strdup_printf ("search top-20 “%s” (%s, %.2f %% of records)", terms[k][0], terms[k][1],
                              docs ? 100.0 * matches / docs : 0.0);
      report (what, ms, 50);
    }

  /* One edit, committed (synchronous = FULL: it is on disk when this returns). */
  g_array_set_size (ms, 0);
  for (int i = 0; i < 50 && counts.incidents > 0; i++)
    {
      g_autofree char *code = g_strdup_printf ("INC-%04d", g_rand_int_range (rand, 1, MIN (counts.incidents, 9999) + 1));
      g_autoptr(DossierIncident) incident = dossier_store_load_by_code (store, DOSSIER_TYPE_INCIDENT, code, NULL);

      if (incident == NULL)
        continue;
      g_free (incident->title_fr);
      incident->title_fr = g_strdup_printf ("Titre modifié %d", i);
      t0 = g_get_monotonic_time ();
      if (!dossier_store_update (store, DOSSIER_RECORD (incident), &error))
        return fail (1, error->message);
      {
        double t = elapsed_ms (t0);
        g_array_append_val (ms, t);
      }
    }
  if (ms->len > 0)
    report ("one edit committed (incident title)", ms, 5);

  getrusage (RUSAGE_SELF, &usage);
  g_print ("%-44s %8.1f MB   (target < 200 MB: %s)\n", "peak RSS", usage.ru_maxrss / 1024.0,
           usage.ru_maxrss / 1024.0 < 200 ? "met" : "NOT met");
  return 0;
}
