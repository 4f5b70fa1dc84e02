/* dossier-bar-chart.h: a horizontal bar chart, drawn with GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_BAR_CHART (dossier_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (DossierBarChart, dossier_bar_chart, DOSSIER, BAR_CHART, GtkWidget)

GtkWidget *dossier_bar_chart_new      (const char       *title);
/* @labels and @values have @n entries; both are copied. */
void       dossier_bar_chart_set_data (DossierBarChart  *self,
                                       const char      **labels,
                                       const gint64     *values,
                                       guint             n);

void       dossier_bar_chart_set_columns (DossierBarChart *self,
                                          gboolean         columns);
void       dossier_bar_chart_set_title   (DossierBarChart *self,
                                          const char      *title);
void       dossier_bar_chart_set_keys    (DossierBarChart *self,
                                          const char      *scheme,
                                          const char     **keys,
                                          guint            n);

G_END_DECLS
