/* dossier-test-frames.c: timing frames in the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A frame is timed as the screen draws it: from the start of the frame clock's frame
 * (before-paint), through the update and the layout, to the end of painting (after-paint).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier-test-frames.h"

static double frame_start;
static double frame_time;
static gboolean painted;

double
dossier_bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
on_before_paint (GdkFrameClock *clock)
{
  frame_start = dossier_bench_now_ms ();
}

static void
on_after_paint (GdkFrameClock *clock)
{
  if (frame_start > 0)
    {
      frame_time = dossier_bench_now_ms () - frame_start;
      frame_start = 0;
      painted = TRUE;
    }
}

/* Times the frames of @window from now on. */
void
dossier_bench_watch_frames (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
}

/* Waits for the end of the next frame painted, and returns how long it took. */
double
dossier_bench_wait_painted (void)
{
  painted = FALSE;
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  return frame_time;
}

/* Asks for a frame of @widget and returns how long it took to lay out and paint. */
double
dossier_bench_next_frame (GtkWidget *widget)
{
  painted = FALSE;
  gtk_widget_queue_draw (widget);
  return dossier_bench_wait_painted ();
}

/* Draws @widget as the renderer would, into @target: the snapshot of every layer, then its
 * render nodes painted with cairo. The window system's copy to the screen is left out. */
double
dossier_bench_render_offscreen (GtkWidget           *widget,
                                const GtkAllocation *allocation,
                                cairo_surface_t     *target)
{
  double start = dossier_bench_now_ms ();
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_t *cr;

  /* Layout first, as a frame would: moving the view places the layers' children anew. */
  gtk_widget_size_allocate (widget, allocation, -1);
  gtk_widget_snapshot_child (gtk_widget_get_parent (widget), widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  cr = cairo_create (target);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (target);
  return dossier_bench_now_ms () - start;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Prints the median, 95th percentile and worst of @times (sorted in place). */
void
dossier_bench_report (const char *what,
                      GArray     *times)
{
  if (times->len == 0)
    return;
  g_array_sort (times, compare_doubles);
  printf ("%-44s median %6.2f ms   p95 %6.2f ms   worst %6.2f ms   (%u)\n", what,
          g_array_index (times, double, times->len / 2), g_array_index (times, double, times->len * 95 / 100),
          g_array_index (times, double, times->len - 1), times->len);
}

long
dossier_bench_peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) || (line = strstr (status, "VmHWM:")) == NULL)
    return -1;
  return strtol (line + 6, NULL, 10);
}
