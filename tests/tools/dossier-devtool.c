/* dossier-devtool.c: synthetic dossiers and the command line's benchmarks, for developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `synth` makes a deterministic synthetic dossier of any size; `bench` measures, on any
 * dossier, what DESIGN.md promises at scale (open, a filtered page of the list, full-text
 * search, an edit, memory) and prints each figure beside its target. It never fails on a
 * slow machine: speed is reported, not asserted.
 *
 * Built for the tests and the benchmarks (build-aux/bench.sh, bench-display.sh), never
 * installed: an investigator has the demo dossier, not a generator of fake ones. Its
 * messages are for developers and stay in English, untranslated.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "dossier-annex.h"
#include "dossier-core-resources.h"
#include "dossier-io-resources.h"
#include "dossier-export-incidents.h"
#include "dossier-incident.h"
#include "dossier-locker.h"
#include "dossier-query.h"
#include "dossier-record.h"
#include "dossier-search.h"
#include "dossier-synth.h"
#include "dossier-vocab.h"
#include "dossier-info.h"
#include "dossier-vocab-term-private.h" /* white-box */

#define EXIT_USAGE 2

/* What the edits of the benchmark add to a title, or take away. */
#define REVISED " (révisé)"

/* Runs of each measurement, after a few unmeasured ones that fill SQLite's page cache. */
#define PAGE_RUNS 50
#define SEARCH_RUNS 30
#define EDIT_RUNS 50
#define WARM_UP_RUNS 5

/* Targets, from the foundation issue. */
#define TARGET_OPEN_MS 100.0
#define TARGET_PAGE_MS 10.0
#define TARGET_SEARCH_MS 50.0
#define TARGET_EDIT_MS 5.0
#define TARGET_RSS_MB 200.0
/* The search target holds for terms found in fewer than this share of the records. */
#define SEARCH_TARGET_SHARE 0.10

static int
fail (int         status,
      const char *message)
{
  g_autofree char *line = g_strdup (message);

  g_strdelimit (line, "\n\r", ' ');
  g_printerr ("dossier-devtool: %s\n", line);
  return status;
}

static double
elapsed_ms (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1000.0;
}

typedef struct {
  gint64 start;
  guint  last;
} Progress;

static void
show_progress (guint64  done,
               guint64  total,
               gpointer data)
{
  Progress *progress = data;
  guint pct = total ? (guint) (done * 100 / total) : 100;

  if (pct / 10 != progress->last / 10 || done == total)
    {
      g_printerr ("synth: %u %% (%.1f s)\n", pct, elapsed_ms (progress->start) / 1000.0);
      progress->last = pct;
    }
}

/*
 * cmd_synth:
 * @argc: number of arguments, the command included
 * @argv: `synth FILE --incidents N --people N --testimonies N --words N [--seed S]`
 *
 * Creates FILE, which must not exist, and fills it with a synthetic dossier. On any error
 * nothing is left at FILE.
 *
 * Returns: the exit status
 */
static int
cmd_synth (int    argc,
                   char **argv)
{
  gint64 incidents = -1, people = -1, testimonies = -1, words = -1, seed = 1;
  GOptionEntry entries[] = {
    { "incidents", 0, 0, G_OPTION_ARG_INT64, &incidents, NULL, NULL },
    { "people", 0, 0, G_OPTION_ARG_INT64, &people, NULL, NULL },
    { "testimonies", 0, 0, G_OPTION_ARG_INT64, &testimonies, NULL, NULL },
    { "words", 0, 0, G_OPTION_ARG_INT64, &words, NULL, NULL },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  DossierSynthOptions options;
  Progress progress = { g_get_monotonic_time (), 0 };
  GStatBuf st;

  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (EXIT_USAGE, error->message);
  if (argc != 2 || argv[1][0] == '-')
    return fail (EXIT_USAGE, "wrong number of arguments for “synth”; see dossier-devtool --help");
  if (incidents < 0 || people < 0 || testimonies < 0 || words < 0 ||
      incidents > 10000000 || people > 10000000 || testimonies > 10000000 || words > 1000000)
    return fail (EXIT_USAGE, "synth needs --incidents, --people, --testimonies and --words, each a number from 0 to 10,000,000 (1,000,000 for --words)");
  if (seed < 0 || seed > G_MAXUINT32)
    return fail (EXIT_USAGE, "--seed must be a number from 0 to 4294967295");

  options = (DossierSynthOptions) { incidents, people, testimonies, words, (guint32) seed };
  store = dossier_create (argv[1], "Dossier synthétique", &error);
  if (store == NULL)
    return fail (1, error->message);
  if (!dossier_synth_fill (store, &options, show_progress, &progress, &error))
    {
      dossier_store_close (store);
      dossier_store_remove_files (argv[1]);
      return fail (1, error->message);
    }
  dossier_store_close (store);

  if (g_stat (argv[1], &st) == 0)
    g_printerr ("synth: done in %.1f s, %.1f MB\n", elapsed_ms (progress.start) / 1000.0,
                st.st_size / 1e6);
  return 0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The nearest-rank percentile. */
static double
percentile (GArray *ms,
            double  p)
{
  guint rank;

  g_assert (ms->len > 0);
  g_array_sort (ms, compare_double);
  rank = (guint) (p * ms->len + 0.999999);
  return g_array_index (ms, double, CLAMP (rank, 1, ms->len) - 1);
}

typedef struct {
  guint met;
  guint missed;
} Score;

/* One line per figure: what, the value, and the target when there is one. */
static void
print_line (Score      *score,
            const char *what,
            const char *value,
            double      measured,
            double      target,
            const char *target_text)
{
  if (target_text == NULL)
    {
      g_print ("%-58s %s\n", what, value);
      return;
    }
  if (measured < target)
    score->met++;
  else
    score->missed++;
  g_print ("%-58s %-30s %s %s\n", what, value, target_text,
           measured < target ? "met" : "NOT MET");
}

static void
print_timings (Score      *score,
               const char *what,
               GArray     *ms,
               double      target,
               const char *target_text)
{
  double p50 = percentile (ms, 0.50);
  double p95 = percentile (ms, 0.95);
  g_autofree char *value = g_strdup_printf ("p50 %.2f ms, p95 %.2f ms", p50, p95);

  print_line (score, what, value, p95, target, target_text);
}

static void
add_timing (GArray *ms,
            gint64  since)
{
  double t = elapsed_ms (since);

  g_array_append_val (ms, t);
}

/* Julian days of the first day of @year and @month (1–12) and of the last day @months later. */
static void
period (int      year,
        int      month,
        int      months,
        guint32 *from,
        guint32 *to)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 1, month, year);
  *from = g_date_get_julian (&d);
  g_date_add_months (&d, months);
  *to = g_date_get_julian (&d) - 1;
}

/* Regions that hold incidents: a page of an empty region measures nothing. */
static GPtrArray *
busy_regions (DossierStore  *store,
              GError       **error)
{
  g_autoptr(GPtrArray) terms = dossier_store_list_vocab (store, "admin1", error);
  g_autoptr(GPtrArray) busy = g_ptr_array_new_with_free_func (g_free);

  if (terms == NULL)
    return NULL;
  for (guint i = 0; i < terms->len; i++)
    {
      DossierIncidentQuery query = { .admin1 = ((DossierVocabTerm *) terms->pdata[i])->code };
      gint64 n = dossier_store_count_incidents (store, &query, error);

      if (n < 0)
        return NULL;
      if (n >= 100)
        g_ptr_array_add (busy, g_strdup (query.admin1));
    }
  return g_steal_pointer (&busy);
}

typedef enum {
  PAGE_REGION_PERIOD,
  PAGE_REGION_PERIOD_DESCENDING,
  PAGE_REGION_PERIOD_COUNT,
  PAGE_PERIOD_TYPE,
} PageKind;

/* Pages of 100 incidents, each run with another region and period (a month, a year or two
 * years between 2012 and 2024). */
static gboolean
bench_pages (DossierStore  *store,
             GPtrArray     *regions,
             PageKind       kind,
             GArray        *ms,
             GError       **error)
{
  static const char * const types[] = {
    "killing", "abduction", "arbitrary-detention", "rape", "looting-destruction-property",
    "forced-displacement", "recruitment-children", "explosive-devices",
  };
  static const int months[] = { 1, 12, 24 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (2012);

  g_array_set_size (ms, 0);
  for (int i = 0; i < WARM_UP_RUNS + PAGE_RUNS; i++)
    {
      DossierIncidentQuery query = { 0 };
      g_autoptr(GPtrArray) page = NULL;
      int year = g_rand_int_range (rand, 2012, 2024);
      int month = g_rand_int_range (rand, 1, 13);
      gint64 t0;

      period (year, month, months[g_rand_int_range (rand, 0, G_N_ELEMENTS (months))],
              &query.date_from, &query.date_to);
      if (kind == PAGE_PERIOD_TYPE)
        query.violation_type = (char *) types[g_rand_int_range (rand, 0, G_N_ELEMENTS (types))];
      else if (regions->len > 0)
        query.admin1 = regions->pdata[g_rand_int_range (rand, 0, regions->len)];

      t0 = g_get_monotonic_time ();
      if (kind == PAGE_REGION_PERIOD_COUNT)
        {
          if (dossier_store_count_incidents (store, &query, error) < 0)
            return FALSE;
        }
      else
        {
          page = dossier_store_query_incidents (store, &query, "date", kind == PAGE_REGION_PERIOD_DESCENDING,
                                                0, 100, error);
          if (page == NULL)
            return FALSE;
        }
      if (i >= WARM_UP_RUNS)
        add_timing (ms, t0);
    }
  return TRUE;
}

static gboolean
bench_edits (DossierStore  *store,
             gint64         n_incidents,
             GArray        *ms,
             GError       **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1146049363);

  g_array_set_size (ms, 0);
  for (int i = 0; i < EDIT_RUNS * 2 && ms->len < EDIT_RUNS && n_incidents > 0; i++)
    {
      g_autoptr(DossierIncident) incident = NULL;
      g_autoptr(GError) local = NULL;
      g_autofree char *revised = NULL;
      const char *title;
      gint64 t0;

      incident = dossier_store_load (store, DOSSIER_TYPE_INCIDENT, g_rand_int_range (rand, 1, n_incidents + 1), &local);
      if (incident == NULL)
        continue;  /* a deleted incident's id */
      /* A real change every time, even when the benchmark runs again on the same file. */
      title = dossier_incident_get_title_fr (incident);
      if (g_str_has_suffix (title, REVISED))
        revised = g_strndup (title, strlen (title) - strlen (REVISED));
      else
        revised = g_strconcat (title, REVISED, NULL);
      dossier_record_set_text (DOSSIER_RECORD (incident), dossier_record_field (DOSSIER_RECORD (incident), "title_fr"),
                               revised);
      t0 = g_get_monotonic_time ();
      if (!dossier_store_update (store, DOSSIER_RECORD (incident), error))
        return FALSE;
      add_timing (ms, t0);
    }
  return TRUE;
}

/*
 * cmd_bench:
 * @argc: number of arguments, the command included
 * @argv: `bench FILE`
 *
 * Prints the benchmark figures of a dossier. It changes the dossier: the edits it measures
 * are committed.
 *
 * Returns: the exit status
 */
static int
cmd_bench (int    argc,
                   char **argv)
{
  static const struct {
    const char *term;
    const char *kind;
  } searches[] = {
    { DOSSIER_SYNTH_RARE_TERM, "rare" },
    { DOSSIER_SYNTH_COMMON_TERM, "common" },
    { DOSSIER_SYNTH_PREFIX_TERM, "prefix" },
    { "mopti", "very common" },
    { "temoin*", "very common prefix" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *value = NULL;
  DossierStoreCounts counts;
  Score score = { 0 };
  struct rusage usage;
  GStatBuf st;
  double t, rss;
  gint64 t0, records;

  if (argc != 2 || argv[1][0] == '-')
    return fail (EXIT_USAGE, "wrong number of arguments for “bench”; see dossier-devtool --help");
  if (g_stat (argv[1], &st) == 0)
    g_print ("%s: %.1f MB\n", argv[1], st.st_size / 1e6);

  /* The first thing this process does, so that it measures a cold start of SQLite. */
  t0 = g_get_monotonic_time ();
  store = dossier_store_open (argv[1], DOSSIER_STORE_OPEN_DEFAULT, &error);
  t = elapsed_ms (t0);
  if (store == NULL)
    return fail (1, error->message);
  value = g_strdup_printf ("%.1f ms", t);
  print_line (&score, dossier_store_is_checked (store) ? "open, with quick_check" : "open, header and schema checked",
              value, t, TARGET_OPEN_MS, "(target < 100 ms)");
  if (!dossier_store_is_checked (store))
    {
      t0 = g_get_monotonic_time ();
      if (!dossier_store_check_integrity (store, NULL, &error))
        return fail (1, error->message);
      g_clear_pointer (&value, g_free);
      value = g_strdup_printf ("%.1f ms", elapsed_ms (t0));
      print_line (&score, "full quick_check, in the background after opening", value, 0, 0, NULL);
    }

  t0 = g_get_monotonic_time ();
  if (!dossier_store_count (store, &counts, &error))
    return fail (1, error->message);
  t = elapsed_ms (t0);
  g_clear_pointer (&value, g_free);
  value = g_strdup_printf ("%lld incidents, %lld people, %lld testimonies, %lld evidence items, %lld actors (%.1f ms)",
                           (long long) counts.incidents, (long long) counts.people, (long long) counts.testimonies,
                           (long long) counts.evidence, (long long) counts.actors, t);
  print_line (&score, "counts", value, 0, 0, NULL);
  records = counts.incidents + counts.testimonies + counts.evidence + counts.actors;

  regions = busy_regions (store, &error);
  if (regions == NULL)
    return fail (1, error->message);
  if (!bench_pages (store, regions, PAGE_REGION_PERIOD, ms, &error))
    return fail (1, error->message);
  print_timings (&score, "page of 100 incidents by region and period, by date", ms,
                 TARGET_PAGE_MS, "(target p95 < 10 ms)");
  if (!bench_pages (store, regions, PAGE_REGION_PERIOD_DESCENDING, ms, &error))
    return fail (1, error->message);
  print_timings (&score, "  the same, newest first", ms, TARGET_PAGE_MS, "(target p95 < 10 ms)");
  if (!bench_pages (store, regions, PAGE_REGION_PERIOD_COUNT, ms, &error))
    return fail (1, error->message);
  print_timings (&score, "  the number of incidents of the same filter", ms, 0, NULL);
  if (!bench_pages (store, regions, PAGE_PERIOD_TYPE, ms, &error))
    return fail (1, error->message);
  print_timings (&score, "page of 100 incidents by violation type and period", ms, 0, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      gint64 matches = dossier_store_search_count (store, searches[i].term, &error);
      g_autofree char *what = NULL;
      double share;

      if (matches < 0)
        return fail (1, error->message);
      share = records > 0 ? (double) matches / records : 0;
      g_array_set_size (ms, 0);
      for (int run = 0; run < WARM_UP_RUNS + SEARCH_RUNS; run++)
        {
          g_autoptr(GPtrArray) hits = NULL;

          t0 = g_get_monotonic_time ();
          hits = dossier_store_search (store, searches[i].term, "fr", 20, &error);
          if (hits == NULL)
            return fail (1, error->message);
          if (run >= WARM_UP_RUNS)
            add_timing (ms, t0);
        }
      what = g_strdup_printf ("search, top 20 with snippets: “%s” (%s; %lld records, %.2f %%)",
                              searches[i].term, searches[i].kind, (long long) matches, 100.0 * share);
      /* The target holds for terms in fewer than 10 % of the records. */
      if (share < SEARCH_TARGET_SHARE)
        print_timings (&score, what, ms, TARGET_SEARCH_MS, "(target p95 < 50 ms)");
      else
        print_timings (&score, what, ms, 0, NULL);
    }

  if (!bench_edits (store, counts.incidents, ms, &error))
    return fail (1, error->message);
  if (ms->len > 0)
    print_timings (&score, "one edit committed (an incident’s title)", ms, TARGET_EDIT_MS, "(target p95 < 5 ms)");

  getrusage (RUSAGE_SELF, &usage);
  rss = usage.ru_maxrss / 1024.0;
  g_clear_pointer (&value, g_free);
  value = g_strdup_printf ("%.1f MB", rss);
  print_line (&score, "peak memory (RSS)", value, rss, TARGET_RSS_MB, "(target < 200 MB)");

  g_print ("targets met: %u of %u\n", score.met, score.met + score.missed);
  return 0;
}

/* Seconds taken by @argv (a hashing tool on @path), or a negative number when it is not
 * installed or fails. */
static double
time_tool (const char * const *argv)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  gint64 t0;
  int status;

  if (program == NULL)
    return -1;
  t0 = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL) || !g_spawn_check_wait_status (status, NULL))
    return -1;
  return (g_get_monotonic_time () - t0) / 1e6;
}

/*
 * cmd_bench_ingest:
 *
 * `dossier-devtool bench-ingest DIR [--mib N]`: writes a file of N MiB (1024 by default) of
 * pseudo-random bytes in DIR, hashes it with sha256sum and openssl, ingests it into a new
 * dossier, verifies the dossier, and prints each throughput; removes what it wrote.
 *
 * Returns: the exit status
 */
static int
cmd_bench_ingest (int    argc,
                          char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(DossierIngestResult) result = NULL;
  g_autoptr(GPtrArray) report = NULL;
  g_autofree char *data_path = NULL;
  g_autofree char *dossier_path = NULL;
  g_autofree char *dossier_wal = NULL;
  g_autofree char *dossier_shm = NULL;
  g_autofree guint32 *block = NULL;
  guint64 mib = 1024, bytes;
  double ingest, verify, sha256sum, openssl;
  gboolean bulk = FALSE;
  gint64 t0;
  FILE *out;
  int status = 0;

  if (argc == 4 && g_str_equal (argv[2], "--mib"))
    {
      if (!g_ascii_string_to_unsigned (argv[3], 10, 1, 65536, &mib, NULL))
        return fail (EXIT_USAGE, "--mib must be a number from 1 to 65536");
    }
  else if (argc != 2 || argv[1][0] == '-')
    return fail (EXIT_USAGE, "wrong number of arguments for “bench-ingest”; see dossier-devtool --help");
  bytes = mib * 1024 * 1024;
  data_path = g_build_filename (argv[1], "bench-ingest.bin", NULL);
  dossier_path = g_build_filename (argv[1], "bench-ingest.dossier", NULL);
  dossier_wal = g_strconcat (dossier_path, "-wal", NULL);
  dossier_shm = g_strconcat (dossier_path, "-shm", NULL);

  /* Bytes that do not compress and share no chunk. */
  out = g_fopen (data_path, "wb");
  if (out == NULL)
    {
      g_autofree char *message = g_strdup_printf ("cannot write “%s”", data_path);

      return fail (1, message);
    }
  block = g_new (guint32, 1024 * 1024 / 4);
  {
    GRand *rand = g_rand_new_with_seed (42);

    for (guint64 m = 0; m < mib && status == 0; m++)
      {
        for (guint i = 0; i < 1024 * 1024 / 4; i++)
          block[i] = g_rand_int (rand);
        if (fwrite (block, 1, 1024 * 1024, out) != 1024 * 1024)
          status = 1;
      }
    g_rand_free (rand);
  }
  /* On the disk before anything is timed: the ingest's own durable write must not also
   * pay for flushing the benchmark's file. */
  if (status == 0 && (fflush (out) != 0 || fsync (fileno (out)) != 0))
    status = 1;
  if (fclose (out) != 0 || status != 0)
    {
      g_autofree char *message = g_strdup_printf ("cannot write “%s”", data_path);

      g_unlink (data_path);
      return fail (1, message);
    }
  g_print ("%s: %llu MiB of pseudo-random bytes\n", data_path, (unsigned long long) mib);

  /* The file is in the page cache for all three: each is timed on what it computes. */
  sha256sum = time_tool ((const char *[]) { "sha256sum", data_path, NULL });
  openssl = time_tool ((const char *[]) { "openssl", "dgst", "-sha256", data_path, NULL });

  g_unlink (dossier_path);
  store = dossier_create (dossier_path, "bench-ingest", &error);
  if (store == NULL)
    status = fail (1, error->message);
  if (status == 0)
    {
      file = g_file_new_for_path (data_path);
      /* As dossier-cli ingest does: alone on the file, it writes the bytes once. */
      t0 = g_get_monotonic_time ();
      bulk = dossier_store_set_bulk_writes (store, TRUE);
      result = dossier_locker_ingest (store, file, NULL, NULL, NULL, NULL, NULL, &error);
      dossier_store_set_bulk_writes (store, FALSE);
      ingest = (g_get_monotonic_time () - t0) / 1e6;
      if (result == NULL)
        status = fail (1, error->message);
    }
  if (status == 0)
    {
      t0 = g_get_monotonic_time ();
      report = dossier_locker_verify (store, FALSE, NULL, NULL, NULL, &error);
      verify = (g_get_monotonic_time () - t0) / 1e6;
      if (report == NULL)
        status = fail (1, error->message);
    }
  if (status == 0)
    {
      double mb = bytes / 1e6;

      g_print ("%-46s %7.0f MB/s  (%.2f s)  %s\n", "ingest into a dossier (hash and write)", mb / ingest, ingest,
               bulk ? "[rollback journal: bytes written once]" : "[WAL: bytes written twice]");
      if (sha256sum > 0)
        g_print ("%-46s %7.0f MB/s  (%.2f s)  %s\n", "sha256sum, the same file", mb / sha256sum, sha256sum,
                 ingest < sha256sum ? "[target met: faster than sha256sum]" : "[target missed: slower than sha256sum]");
      if (openssl > 0)
        g_print ("%-46s %7.0f MB/s  (%.2f s)  %s\n", "openssl dgst -sha256, the same file", mb / openssl, openssl,
                 ingest <= 2 * openssl ? "[target met: at least half its throughput]"
                                       : "[target missed: under half its throughput]");
      g_print ("%-46s %7.0f MB/s  (%.2f s)\n", "verify the dossier (re-hash and check the log)", mb / verify, verify);
    }
  g_clear_object (&store);
  g_unlink (data_path);
  g_unlink (dossier_path);
  g_unlink (dossier_wal);
  g_unlink (dossier_shm);
  return status;
}

/*
 * cmd_bench_export:
 *
 * `dossier-devtool bench-export FILE DIR`: exports the dossier's incidents as CSV and GeoJSON
 * and as a PDF annex (the incidents table only) into DIR, printing the time of each beside
 * its target, and the process's peak memory after the PDF.
 */
static int
cmd_bench_export (int    argc,
                          char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *geojson = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *value = NULL;
  DossierAnnexOptions options = { .profile = DOSSIER_PROFILE_INTERNAL, .lang = "fr", .sections = DOSSIER_ANNEX_INCIDENTS };
  DossierStoreCounts counts;
  Score score = { 0 };
  struct rusage usage;
  GStatBuf st;
  gint64 t0;
  double t, rss;

  if (argc != 3 || argv[1][0] == '-')
    return fail (EXIT_USAGE, "wrong number of arguments for “bench-export”; see dossier-devtool --help");
  store = dossier_store_open (argv[1], DOSSIER_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL || !dossier_store_count (store, &counts, &error))
    return fail (1, error->message);
  csv = g_build_filename (argv[2], "bench-export.csv", NULL);
  geojson = g_build_filename (argv[2], "bench-export.geojson", NULL);
  pdf = g_build_filename (argv[2], "bench-export.pdf", NULL);
  g_print ("%lld incidents, profile internal\n", (long long) counts.incidents);

  t0 = g_get_monotonic_time ();
  if (!dossier_export_incidents (store, DOSSIER_EXPORT_CSV, DOSSIER_PROFILE_INTERNAL, csv, &error))
    return fail (1, error->message);
  t = elapsed_ms (t0) / 1000;
  value = g_strdup_printf ("%.2f s", t);
  print_line (&score, "incidents as CSV", value, t, 3, "(target < 3 s)");

  t0 = g_get_monotonic_time ();
  if (!dossier_export_incidents (store, DOSSIER_EXPORT_GEOJSON, DOSSIER_PROFILE_INTERNAL, geojson, &error))
    return fail (1, error->message);
  g_clear_pointer (&value, g_free);
  value = g_strdup_printf ("%.2f s", elapsed_ms (t0) / 1000);
  print_line (&score, "incidents as GeoJSON", value, 0, 0, NULL);

  t0 = g_get_monotonic_time ();
  if (!dossier_annex_write_pdf (store, &options, pdf, &error))
    return fail (1, error->message);
  t = elapsed_ms (t0) / 1000;
  g_clear_pointer (&value, g_free);
  if (g_stat (pdf, &st) == 0)
    value = g_strdup_printf ("%.1f s (%.0f MB)", t, st.st_size / 1e6);
  else
    value = g_strdup_printf ("%.1f s", t);
  print_line (&score, "PDF annex, incidents table, in French", value, t, 60, "(target < 60 s)");

  getrusage (RUSAGE_SELF, &usage);
  rss = usage.ru_maxrss / 1024.0;
  g_clear_pointer (&value, g_free);
  value = g_strdup_printf ("%.1f MB", rss);
  print_line (&score, "peak memory (RSS), all three", value, rss, 300, "(target < 300 MB)");
  g_print ("targets met: %u of %u\n", score.met, score.met + score.missed);
  return 0;
}

static const char usage[] =
  "Usage (developer tooling, not installed):\n"
  "  dossier-devtool synth FILE --incidents N --people N --testimonies N --words N [--seed S]\n"
  "  dossier-devtool bench FILE\n"
  "  dossier-devtool bench-ingest DIR [--mib N]\n"
  "  dossier-devtool bench-export FILE DIR\n";

int
main (int   argc,
      char *argv[])
{
  static const struct {
    const char *name;
    int (*run) (int argc, char **argv);
  } commands[] = {
    { "synth", cmd_synth },
    { "bench", cmd_bench },
    { "bench-ingest", cmd_bench_ingest },
    { "bench-export", cmd_bench_export },
  };

  /* The locale for UTF-8 output; the annex it exports reads DOSSIER_LOCALEDIR's French
   * catalogue itself. */
  setlocale (LC_ALL, "");
  dossier_core_register_resource ();
  dossier_io_register_resource ();

  if (argc < 2)
    {
      g_printerr ("%s", usage);
      return EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      g_print ("%s", usage);
      return 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  g_printerr ("dossier-devtool: unknown command “%s”\n%s", argv[1], usage);
  return EXIT_USAGE;
}
