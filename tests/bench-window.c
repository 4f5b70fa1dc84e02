/* bench-window.c: how fast the workspace answers on a large dossier (prints figures; not a test)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-window DOSSIER: opens DOSSIER in the main window, 1280×800, with the map hidden, and
 * times, each up to the end of the frame that shows the result:
 * - opening: from loading the dossier to the first frame with incident rows drawn;
 * - sorting: clicking the date column's header, both ways, and back to codes;
 * - filtering: choosing a region in the filter, and clearing it;
 * - searching: each prefix of a word as it is typed, then whole words, from the search
 *   starting (GtkSearchEntry first waits for a 150 ms pause in typing) to the results drawn;
 * - scrolling: jumps to random places of the 100,000 rows, each frame timed;
 * - a transcript of 20,000 words in the indexing window: opened, scrolled to its end,
 *   searched (a testimony is added to the dossier for it).
 */
#include "config.h"

#include <stdio.h>

#include "dossier-filter.h"
#include "dossier-record-list.h"
#include "dossier-test-display.h"
#include "dossier-test-frames.h"
#include "dossier-testimony.h"
#include "dossier-testimony-coder.h"
#include "dossier-window.h"
#include "dossier-testimony-private.h" /* white-box */

/* Runs @action, then waits for the frame that shows its effect; returns the time to it. */
static double
time_to_frame (DossierWindow *window,
               void         (*action) (DossierWindow *, gpointer),
               gpointer       data)
{
  double start = dossier_bench_now_ms ();

  action (window, data);
  dossier_bench_next_frame (GTK_WIDGET (window));
  return dossier_bench_now_ms () - start;
}

static void
sort_by (DossierWindow *window,
         gpointer       data)
{
  int how = GPOINTER_TO_INT (data);
  DossierRecordList *list = DOSSIER_RECORD_LIST (dossier_window_get_list (window, "incidents"));

  /* 0: by code; 1: by date, oldest first; 2: by date, newest first */
  dossier_record_list_sort_by (list, how == 0 ? 0 : dossier_record_list_find_column (list, "date_edtf"), how == 2);
}

static void
filter_region (DossierWindow *window,
               gpointer       data)
{
  if (data == NULL)
    dossier_filter_clear (dossier_window_get_filter (window));
  else
    dossier_filter_set_text (dossier_window_get_filter (window), "admin1", data);
}

static double
time_search (DossierWindow *window,
             const char    *text)
{
  DossierSearchPage *page;
  double start = dossier_bench_now_ms ();

  dossier_window_search (window, text);
  page = DOSSIER_SEARCH_PAGE (dossier_window_get_list (window, "search"));
  dossier_test_wait_for_search (page);
  dossier_bench_next_frame (GTK_WIDGET (window));
  return dossier_bench_now_ms () - start;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GSettings) settings = NULL;
  static const char *regions[] = { "mopti", "gao", "tombouctou", "segou", "kidal", "bamako" };
  static const char *words[] = { "attaque", "village", "bamako", "marché", "témoin", "enlèvement" };
  DossierWindow *window;
  DossierRecordList *list;
  GtkAdjustment *adjustment;
  GRand *rand;
  double start, opened;

  dossier_test_display_init (&argc, &argv);
  setvbuf (stdout, NULL, _IOLBF, 0);
  if (argc < 2)
    {
      fprintf (stderr, "Usage: bench-window DOSSIER\n");
      return 2;
    }

  /* The lists alone: the map has its own benchmark. */
  settings = g_settings_new (APP_ID);
  g_settings_set_boolean (settings, "map-visible", FALSE);

  window = dossier_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  dossier_bench_watch_frames (GTK_WIDGET (window));

  start = dossier_bench_now_ms ();
  if (!dossier_window_load (window, argv[1], &error))
    g_error ("%s", error->message);
  dossier_window_show_section (window, "incidents");
  list = DOSSIER_RECORD_LIST (dossier_window_get_list (window, "incidents"));
  do
    dossier_bench_wait_painted ();
  while (g_list_model_get_n_items (G_LIST_MODEL (dossier_record_list_get_model (list))) == 0);
  opened = dossier_bench_now_ms () - start;
  printf ("%-44s %6.1f ms   (target < 500 ms; %u incidents)\n", "opening to the incident list drawn", opened,
          g_list_model_get_n_items (G_LIST_MODEL (dossier_record_list_get_model (list))));

  for (int round = 0; round < 5; round++)
    for (int how = 1; how <= 3; how++)
      {
        double t = time_to_frame (window, sort_by, GINT_TO_POINTER (how % 3));
        g_array_append_val (times, t);
      }
  dossier_bench_report ("sorting (date up, date down, code)", times);
  g_array_set_size (times, 0);

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      double t = time_to_frame (window, filter_region, (gpointer) regions[i]);
      g_array_append_val (times, t);
      t = time_to_frame (window, filter_region, NULL);
      g_array_append_val (times, t);
    }
  dossier_bench_report ("filtering by region, and clearing", times);
  g_array_set_size (times, 0);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    for (glong n = 1; n <= g_utf8_strlen (words[i], -1); n++)
      {
        g_autofree char *typed = g_utf8_substring (words[i], 0, n);
        double t = time_search (window, typed);
        g_array_append_val (times, t);
      }
  dossier_bench_report ("search, at each letter typed", times);
  g_array_set_size (times, 0);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      double t = time_search (window, words[i]);
      g_array_append_val (times, t);
    }
  dossier_bench_report ("search, whole words", times);
  g_array_set_size (times, 0);
  dossier_window_search (window, "");
  dossier_window_show_section (window, "incidents");
  dossier_bench_next_frame (GTK_WIDGET (window));

  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (dossier_record_list_get_view (list)));
  rand = g_rand_new_with_seed (7);
  for (int i = 0; i < 200; i++)
    {
      double top = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
      double t;

      /* Every fourth a jump anywhere, the others a page or a few rows on, as a user reads. */
      if (i % 4 == 0)
        gtk_adjustment_set_value (adjustment, g_rand_double_range (rand, 0, top));
      else
        gtk_adjustment_set_value (adjustment, MIN (top, gtk_adjustment_get_value (adjustment) + g_rand_double_range (rand, 20, 600)));
      t = dossier_bench_next_frame (GTK_WIDGET (window));
      g_array_append_val (times, t);
    }
  g_rand_free (rand);
  dossier_bench_report ("scrolling frames (target median < 16 ms)", times);
  printf ("%-44s %6ld MB\n", "peak memory (RSS)", dossier_bench_peak_rss_kb () / 1024);

  /* A transcript of 20,000 words in the indexing window: opened, scrolled to its end,
   * searched. */
  {
    static const char *words[] = { "le", "village", "soldats", "nous", "avons", "entendu", "des", "tirs", "matin",
                                   "marché", "hommes", "emmenés", "témoin", "famille", "route", "Mopti", "camion" };
    DossierStore *store = dossier_window_get_store (window);
    g_autoptr(DossierTestimony) testimony = dossier_testimony_new ();
    g_autoptr(GString) text = g_string_new (NULL);
    DossierTestimonyCoder *coder;
    GtkTextView *view;
    GRand *words_rand = g_rand_new_with_seed (3);
    guint matches;

    for (int i = 0; i < 20000; i++)
      {
        g_string_append (text, words[g_rand_int_range (words_rand, 0, G_N_ELEMENTS (words))]);
        g_string_append (text, i % 15 == 14 ? ".\n" : " ");
      }
    g_rand_free (words_rand);
    g_free (testimony->transcript);
    testimony->transcript = g_string_free (g_steal_pointer (&text), FALSE);
    if (!dossier_store_insert (store, DOSSIER_RECORD (testimony), &error))
      g_error ("%s", error->message);
    start = dossier_bench_now_ms ();
    coder = dossier_testimony_coder_new (store, "en", dossier_record_get_id (DOSSIER_RECORD (testimony)));
    gtk_window_present (GTK_WINDOW (coder));
    dossier_bench_watch_frames (GTK_WIDGET (coder));
    dossier_bench_wait_painted ();
    printf ("%-44s %6.1f ms\n", "20,000-word transcript: opened and drawn", dossier_bench_now_ms () - start);
    view = GTK_TEXT_VIEW (dossier_test_find_descendant (GTK_WIDGET (coder), GTK_TYPE_TEXT_VIEW));
    start = dossier_bench_now_ms ();
    {
      GtkTextIter end;

      gtk_text_buffer_get_end_iter (gtk_text_view_get_buffer (view), &end);
      gtk_text_view_scroll_to_iter (view, &end, 0, FALSE, 0, 0);
    }
    dossier_bench_next_frame (GTK_WIDGET (coder));
    printf ("%-44s %6.1f ms\n", "  scrolled to its end and drawn", dossier_bench_now_ms () - start);
    start = dossier_bench_now_ms ();
    matches = dossier_testimony_coder_find (coder, "village");
    dossier_bench_next_frame (GTK_WIDGET (coder));
    printf ("%-44s %6.1f ms   (%u matches)\n", "  searched and highlighted", dossier_bench_now_ms () - start, matches);
    gtk_window_destroy (GTK_WINDOW (coder));
  }
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
