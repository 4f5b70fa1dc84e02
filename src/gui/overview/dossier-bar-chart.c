/* dossier-bar-chart.c: a horizontal bar chart, drawn with GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per value: its label, a bar in the accent colour scaled to the largest value,
 * and the number. Values that are terms of a coloured vocabulary (violation types) have
 * their term's mark before the label and a bar in its colour, as on the map. A time series (incidents by month) is drawn the other way, as columns
 * in time order, labelled sparsely underneath, since a hundred months do not fit as rows. Drawn in snapshot() with Pango layouts, so it follows the theme and the
 * text scale, and exports to PNG, SVG or PDF through the same path later.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-bar-chart.h"
#include "dossier-test-hooks.h"
#include "dossier-look.h"

#define ROW_HEIGHT 24
#define LABEL_WIDTH 210
#define NUMBER_WIDTH 64
#define COLUMNS_HEIGHT 160

struct _DossierBarChart
{
  GtkWidget  parent_instance;

  char      *title;
  GPtrArray *labels;
  GArray    *values;
  gboolean   columns;
  char      *scheme;  /* the vocabulary of the keys, or NULL */
  GPtrArray *keys;    /* each value's term, when the chart has a scheme */
};

#define MARK_ROOM 18  /* before a label: a term's mark */

G_DEFINE_FINAL_TYPE (DossierBarChart, dossier_bar_chart, GTK_TYPE_WIDGET)

static void
dossier_bar_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  DossierBarChart *self = DOSSIER_BAR_CHART (widget);

  if (self->columns)
    {
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          *minimum = 200;
          *natural = MAX (400, (int) self->values->len * 8);
        }
      else
        *minimum = *natural = ROW_HEIGHT * 3 + COLUMNS_HEIGHT;
    }
  else if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = LABEL_WIDTH + NUMBER_WIDTH + 80;
      *natural = LABEL_WIDTH + NUMBER_WIDTH + 400;
    }
  else
    *minimum = *natural = ROW_HEIGHT * (1 + MAX (self->values->len, 1)) + 8;
}

static void
draw_text (GtkSnapshot *snapshot,
           GtkWidget   *widget,
           const char  *text,
           int          x,
           int          y,
           int          width,
           gboolean     bold,
           gboolean     right)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  GdkRGBA color;
  int w, h;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, &w, &h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (right ? x + width - w : x, y + (ROW_HEIGHT - h) / 2));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

/* Columns in order; a label under the first column and then whenever there is room. The
 * largest value is written at the top left, as the scale. */
static void
snapshot_columns (DossierBarChart *self,
                  GtkSnapshot     *snapshot,
                  GdkRGBA         *accent,
                  gint64           max)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget);
  guint n = self->values->len;
  float step = n ? (float) width / n : 0;
  int top = ROW_HEIGHT * 2;
  float last_label = -1000;
  g_autofree char *scale = g_strdup_printf ("%'" G_GINT64_FORMAT, max);

  draw_text (snapshot, widget, scale, 0, ROW_HEIGHT, width, FALSE, FALSE);
  for (guint i = 0; i < n; i++)
    {
      gint64 v = g_array_index (self->values, gint64, i);
      float h = MAX ((float) COLUMNS_HEIGHT * v / max, v > 0 ? 2.0f : 0.0f);
      float x = step * i;

      gtk_snapshot_append_color (snapshot, accent,
                                 &GRAPHENE_RECT_INIT (x + (step > 3 ? 1 : 0), top + COLUMNS_HEIGHT - h,
                                                      MAX (step - (step > 3 ? 2 : 0), 1), h));
      if (*(char *) self->labels->pdata[i] != '\0' && x - last_label >= 44 && x + 40 <= width)
        {
          draw_text (snapshot, widget, self->labels->pdata[i], (int) x, top + COLUMNS_HEIGHT + 2,
                     MIN (88, width - (int) x), FALSE, FALSE);
          last_label = x;
        }
    }
}

static void
dossier_bar_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  DossierBarChart *self = DOSSIER_BAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int bar_space = MAX (width - LABEL_WIDTH - NUMBER_WIDTH - 16, 10);
  GdkRGBA accent;
  gint64 max = 1;
  gboolean marks = self->scheme != NULL && self->keys->len == self->values->len;
  DossierLook look;

  dossier_look_from_widget (widget, &look);
  dossier_look_colour (widget, "dossier_chart_bar_color", &accent);
  draw_text (snapshot, widget, self->title, 0, 0, width, TRUE, FALSE);
  for (guint i = 0; i < self->values->len; i++)
    max = MAX (max, g_array_index (self->values, gint64, i));
  if (self->values->len == 0)
    draw_text (snapshot, widget, _("No data"), 0, ROW_HEIGHT, width, FALSE, FALSE);
  if (self->columns)
    {
      if (self->values->len > 0)
        snapshot_columns (self, snapshot, &accent, max);
      return;
    }

  for (guint i = 0; i < self->values->len; i++)
    {
      gint64 v = g_array_index (self->values, gint64, i);
      int y = ROW_HEIGHT * (i + 1);
      float w = MAX ((float) bar_space * v / max, v > 0 ? 2.0f : 0.0f);
      g_autofree char *number = g_strdup_printf ("%'" G_GINT64_FORMAT, v);

      GdkRGBA colour = accent;

      if (marks)
        {
          DossierTermStyle style;

          dossier_term_colour (self->scheme, self->keys->pdata[i], &colour, &style);
          dossier_mark_append (snapshot, &style, MARK_ROOM / 2.0, y + ROW_HEIGHT / 2.0, 4.5, &look);
        }
      draw_text (snapshot, widget, self->labels->pdata[i], marks ? MARK_ROOM : 0, y,
                 LABEL_WIDTH - 8 - (marks ? MARK_ROOM : 0), FALSE, FALSE);
      gtk_snapshot_append_color (snapshot, &colour,
                                 &GRAPHENE_RECT_INIT (LABEL_WIDTH, y + 5, w, ROW_HEIGHT - 10));
      draw_text (snapshot, widget, number, LABEL_WIDTH + bar_space + 8, y, NUMBER_WIDTH, FALSE, TRUE);
    }
}

static void
dossier_bar_chart_finalize (GObject *object)
{
  DossierBarChart *self = DOSSIER_BAR_CHART (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_array_unref);
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  g_clear_pointer (&self->scheme, g_free);

  G_OBJECT_CLASS (dossier_bar_chart_parent_class)->finalize (object);
}

static void
dossier_bar_chart_class_init (DossierBarChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = dossier_bar_chart_finalize;
  widget_class->measure = dossier_bar_chart_measure;
  widget_class->snapshot = dossier_bar_chart_snapshot;
  gtk_widget_class_set_css_name (widget_class, "dossier-bar-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
dossier_bar_chart_init (DossierBarChart *self)
{
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->values = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->keys = g_ptr_array_new_with_free_func (g_free);
  dossier_look_watch (GTK_WIDGET (self));
}

GtkWidget *
dossier_bar_chart_new (const char *title)
{
  DossierBarChart *self = g_object_new (DOSSIER_TYPE_BAR_CHART, NULL);

  self->title = g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return GTK_WIDGET (self);
}

void
dossier_bar_chart_set_data (DossierBarChart  *self,
                            const char      **labels,
                            const gint64     *values,
                            guint             n)
{
  g_autoptr(GString) description = g_string_new (NULL);

  g_return_if_fail (DOSSIER_IS_BAR_CHART (self));

  g_ptr_array_set_size (self->labels, 0);
  g_array_set_size (self->values, 0);
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (self->labels, g_strdup (labels[i]));
      g_array_append_val (self->values, values[i]);
      /* Screen readers read the figures, not the bars. */
      g_string_append_printf (description, "%s%s: %" G_GINT64_FORMAT, i ? "; " : "", labels[i], values[i]);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description->str, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * dossier_bar_chart_set_columns:
 * @self: a #DossierBarChart
 * @columns: %TRUE for a time series drawn as columns
 */
void
dossier_bar_chart_set_columns (DossierBarChart *self,
                               gboolean         columns)
{
  g_return_if_fail (DOSSIER_IS_BAR_CHART (self));

  self->columns = columns;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * dossier_bar_chart_set_title:
 * @self: a #DossierBarChart
 * @title: its new title
 */
void
dossier_bar_chart_set_title (DossierBarChart *self,
                             const char      *title)
{
  g_return_if_fail (DOSSIER_IS_BAR_CHART (self));

  g_free (self->title);
  self->title = g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
dossier_bar_chart_get_n (DossierBarChart *self)
{
  g_return_val_if_fail (DOSSIER_IS_BAR_CHART (self), 0);
  return self->values->len;
}

/**
 * dossier_bar_chart_set_keys:
 * @self: a #DossierBarChart
 * @scheme: (nullable): the vocabulary of @keys, or %NULL for bars in the accent colour
 * @keys: (array length=n) (nullable): the term of each value given to
 *   dossier_bar_chart_set_data(), in the same order
 * @n: their number
 *
 * Draws each value's bar in its term's colour, with the term's mark before its label: the
 * colours and marks of the map and the timeline.
 */
void
dossier_bar_chart_set_keys (DossierBarChart  *self,
                            const char       *scheme,
                            const char      **keys,
                            guint             n)
{
  g_return_if_fail (DOSSIER_IS_BAR_CHART (self));

  g_free (self->scheme);
  self->scheme = g_strdup (scheme);
  g_ptr_array_set_size (self->keys, 0);
  for (guint i = 0; keys != NULL && i < n; i++)
    g_ptr_array_add (self->keys, g_strdup (keys[i]));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
