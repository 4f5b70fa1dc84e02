/* dossier-test-frames.h: timing frames in the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

double dossier_bench_now_ms       (void);
void   dossier_bench_watch_frames (GtkWidget  *window);
double dossier_bench_next_frame   (GtkWidget  *widget);
double dossier_bench_wait_painted (void);
double dossier_bench_render_offscreen (GtkWidget           *widget,
                                       const GtkAllocation *allocation,
                                       cairo_surface_t     *target);
void   dossier_bench_report       (const char *what,
                                   GArray     *times);
long   dossier_bench_peak_rss_kb  (void);

G_END_DECLS
