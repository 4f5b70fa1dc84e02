/* bench-timeline.c: how fast the timeline draws a large dossier (prints figures; not a test)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-timeline DOSSIER: shows the timeline pane on DOSSIER in a 1280×400 window, then
 * - first frame: from making the pane to the first frame with the incidents drawn;
 * - frames: 240 views zooming from the whole period (a histogram) to a few days (marks)
 *   and panning, drawn offscreen, then on the virtual screen;
 * - re-layout: from a filter change (a region, then none) to the frame that shows it,
 *   reading the items again in the worker thread included;
 * - peak memory.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "dossier-filter.h"
#include "dossier-test-display.h"
#include "dossier-test-frames.h"
#include "dossier-timeline-pane.h"

static void
wait_idle (DossierTimelineView *view)
{
  while (dossier_timeline_view_is_busy (view))
    g_main_context_iteration (NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(DossierFilter) filter = NULL;
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  static const char *regions[] = { "mopti", NULL, "gao", NULL, "segou", NULL, "kidal", NULL, "tombouctou", NULL };
  DossierTimelineView *view;
  GtkWidget *window, *pane;
  double start, first_day, last_day;
  int histogram_frames = 0;

  dossier_test_display_init (&argc, &argv);
  setvbuf (stdout, NULL, _IOLBF, 0);
  if (argc < 2)
    {
      fprintf (stderr, "Usage: bench-timeline DOSSIER\n");
      return 2;
    }
  store = dossier_store_open (argv[1], DOSSIER_STORE_OPEN_READ_ONLY | DOSSIER_STORE_OPEN_NO_CHECK, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  filter = dossier_filter_new ();

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 400);
  gtk_window_present (GTK_WINDOW (window));
  dossier_test_wait_for_draw (window);
  dossier_bench_watch_frames (window);
  start = dossier_bench_now_ms ();
  pane = dossier_timeline_pane_new (store, filter, "en");
  view = dossier_timeline_pane_get_view (DOSSIER_TIMELINE_PANE (pane));
  gtk_window_set_child (GTK_WINDOW (window), pane);
  wait_idle (view);
  dossier_bench_next_frame (window);
  printf ("%-44s %6.1f ms   (target < 300 ms; %u incidents)\n", "first frame with the incidents",
          dossier_bench_now_ms () - start, dossier_timeline_view_get_items (view)->len);
  dossier_timeline_view_get_period (view, &first_day, &last_day);

  for (int pass = 0; pass < 2; pass++)
    {
      cairo_surface_t *target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, gtk_widget_get_width (GTK_WIDGET (view)),
                                                            gtk_widget_get_height (GTK_WIDGET (view)));
      GtkAllocation allocation;

      gtk_widget_get_allocation (GTK_WIDGET (view), &allocation);
      g_array_set_size (frames, 0);
      histogram_frames = 0;
      for (int i = 0; i < 240; i++)
        {
          /* From the whole period down to about ten days and back, three times, moving. */
          double t = i / 240.0;
          double span = (last_day - first_day) * pow (0.002, 0.5 - 0.5 * cos (6 * G_PI * t));
          double middle = first_day + (last_day - first_day) * (0.5 + 0.4 * sin (2 * G_PI * t));
          double frame;

          dossier_timeline_view_set_period (view, middle - span / 2, middle + span / 2);
          frame = pass == 0 ? dossier_bench_render_offscreen (GTK_WIDGET (view), &allocation, target)
                            : dossier_bench_next_frame (window);
          histogram_frames += dossier_timeline_view_shows_histogram (view);
          g_array_append_val (frames, frame);
        }
      cairo_surface_destroy (target);
      dossier_bench_report (pass == 0 ? "frames drawn offscreen (targets 8 / 33 ms)" : "frames on the virtual screen", frames);
    }
  printf ("%-44s %d of 240\n", "  of which histograms", histogram_frames);

  g_array_set_size (frames, 0);
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      double t0 = dossier_bench_now_ms (), took;

      if (regions[i] != NULL)
        dossier_filter_set_text (filter, "admin1", regions[i]);
      else
        dossier_filter_clear (filter);
      wait_idle (view);
      dossier_bench_next_frame (window);
      took = dossier_bench_now_ms () - t0;
      g_array_append_val (frames, took);
    }
  dossier_bench_report ("re-layout after a filter change (< 100 ms)", frames);

  /* One region and a month in view: incidents drawn one by one, panned across a year. */
  dossier_filter_set_text (filter, "admin1", "kidal");
  wait_idle (view);
  g_array_set_size (frames, 0);
  histogram_frames = 0;
  for (int i = 0; i < 120; i++)
    {
      double middle = first_day + (last_day - first_day) * 0.6 + i * 3;
      double frame;

      dossier_timeline_view_set_period (view, middle - 15, middle + 15);
      frame = dossier_bench_next_frame (window);
      histogram_frames += dossier_timeline_view_shows_histogram (view);
      g_array_append_val (frames, frame);
    }
  dossier_bench_report ("frames with marks, one region, a month", frames);
  /* The same drawn offscreen, at the quickest of three: the view's own cost (its marks and
   * their labels), whatever else the machine is doing. */
  {
    cairo_surface_t *target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, gtk_widget_get_width (GTK_WIDGET (view)),
                                                          gtk_widget_get_height (GTK_WIDGET (view)));
    GtkAllocation allocation;

    gtk_widget_get_allocation (GTK_WIDGET (view), &allocation);
    g_array_set_size (frames, 0);
    for (int i = 0; i < 120; i++)
      {
        double middle = first_day + (last_day - first_day) * 0.6 + i * 3;
        double frame = G_MAXDOUBLE;

        dossier_timeline_view_set_period (view, middle - 15, middle + 15);
        for (int again = 0; again < 3; again++)
          frame = MIN (frame, dossier_bench_render_offscreen (GTK_WIDGET (view), &allocation, target));
        g_array_append_val (frames, frame);
      }
    cairo_surface_destroy (target);
    dossier_bench_report ("  the same offscreen (best of 3)", frames);
  }
  dossier_test_screenshot (window, "timeline-100k-month.png");
  printf ("%-44s %d of 120\n", "  of which histograms", histogram_frames);
  printf ("%-44s %6ld MB\n", "peak memory (RSS)", dossier_bench_peak_rss_kb () / 1024);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
