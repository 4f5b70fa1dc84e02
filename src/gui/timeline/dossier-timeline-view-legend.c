/* dossier-timeline-view-legend.c: the band under the timeline: what marks mean, and a figure's colours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-timeline-view-private.h"
#include "dossier-vocab.h"

/* The marks' legend: a sample of each kind of mark, and what it means. */
static const char * const legend_words[] = {
  NC_("timeline legend", "day"), NC_("timeline legend", "period"),
  NC_("timeline legend", "month or year only"), NC_("timeline legend", "approximate (~)"),
  NC_("timeline legend", "uncertain (?)"), NC_("timeline legend", "open"),
};

static double
sample_width (guint i)
{
  return i == 0 ? MARK_HEIGHT : 22;
}

#define KEY_MARK 14   /* pixels before a key's label: its mark */
#define MAX_KEYS 12   /* as the map's legend */

void
_dossier_timeline_view_figure_key_clear (gpointer data)
{
  g_free (((FigureKey *) data)->label);
}

static double
entry_width (DossierTimelineView *self,
             guint                k)
{
  if (k < G_N_ELEMENTS (legend_words))
    return sample_width (k) + 9 + self->legend_words[k];
  return KEY_MARK + g_array_index (self->figure_keys, FigureKey, k - G_N_ELEMENTS (legend_words)).width;
}

/* Where the legend puts each entry (the samples of marks, then a figure's keys) on a view
 * @width wide: on as many lines as it needs. Returns the number of lines; @x and @line
 * (optional) get entry @i's place. */
guint
_dossier_timeline_view_legend_lines (DossierTimelineView *self,
              int                  width,
              guint                i,
              double              *x,
              guint               *line)
{
  double at = 6;
  guint lines = 1;
  guint n = G_N_ELEMENTS (legend_words) + self->figure_keys->len;

  if (self->legend_width <= 0)
    {
      self->legend_width = 6;
      for (guint k = 0; k < G_N_ELEMENTS (legend_words); k++)
        {
          g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                                                         _dossier_timeline_view_tr (self, "timeline legend", legend_words[k]));

          pango_layout_get_pixel_size (layout, &self->legend_words[k], NULL);
          self->legend_width += sample_width (k) + 9 + self->legend_words[k] + 12;
        }
    }
  for (guint k = 0; k < n; k++)
    {
      if (at > 6 && at + entry_width (self, k) > width)
        {
          at = 6;
          lines++;
        }
      if (k == i && x != NULL)
        *x = at;
      if (k == i && line != NULL)
        *line = lines - 1;
      at += entry_width (self, k) + 12;
    }
  return lines;
}

/* The keys of the items in view, the most frequent first, for a figure's legend: as many
 * as leave two thirds of its @height to the marks. */
void
_dossier_timeline_view_set_figure_keys (DossierTimelineView *self,
                 double               last_day,
                 int                  width,
                 int                  height)
{
  const char *scheme = self->colour_by == DOSSIER_COLOUR_BY_VERIFICATION ? "verification-status" : "violation-type";
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) keys = NULL;

  g_array_set_size (self->figure_keys, 0);
  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    {
      DossierTimelineItem *item = &g_array_index (self->items, DossierTimelineItem, i);

      if (item->key != NULL && _dossier_timeline_view_in_view (self, item, last_day))
        g_hash_table_insert (counts, (gpointer) item->key,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, item->key)) + 1));
    }
  keys = dossier_palette_most_frequent (scheme, counts);
  for (guint i = 0; i < keys->len && i < MAX_KEYS; i++)
    {
      FigureKey k = { g_ptr_array_index (keys, i) };
      g_autoptr(PangoLayout) layout = NULL;

      k.label = dossier_store_vocab_label (self->store, scheme, k.key, self->lang);
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), k.label);
      pango_layout_get_pixel_size (layout, &k.width, NULL);
      k.style = *_dossier_timeline_view_key_style (self, k.key);
      g_array_append_val (self->figure_keys, k);
      if ((int) _dossier_timeline_view_legend_lines (self, width, 0, NULL, NULL) * LEGEND_LINE + 4 > height / 3)
        {
          g_array_set_size (self->figure_keys, self->figure_keys->len - 1);
          break;
        }
    }
}

const char *
_dossier_timeline_view_histogram_message (DossierTimelineView *self)
{
  return _dossier_timeline_view_tr (self, NULL, N_("Too many incidents to draw one by one: incidents per period (zoom in to see them)"));
}

/* The legend's height: the marks' legend on as many lines as the view's width needs; over
 * a histogram, the message saying why, on as many lines as it needs too. */
void
_dossier_timeline_view_update_legend_height (DossierTimelineView *self,
                      gboolean             histogram)
{
  int width = _dossier_timeline_view_view_width (self);

  if (!histogram)
    {
      self->legend_height = _dossier_timeline_view_legend_lines (self, width, 0, NULL, NULL) * LEGEND_LINE + 4;
      return;
    }
  if (self->message_for != width)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), _dossier_timeline_view_histogram_message (self));

      pango_layout_set_width (layout, MAX (width - 12, 40) * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_get_pixel_size (layout, NULL, &self->message_height);
      self->message_for = width;
    }
  self->legend_height = MAX (LEGEND_LINE + 4, self->message_height + 8);
}

/* What the marks mean, along the bottom: part of every figure. */
void
_dossier_timeline_view_draw_legend (DossierTimelineView *self,
             cairo_t             *cr,
             PangoLayout         *layout,
             int                  width,
             int                  height,
             const DossierLook   *look)
{
  static const DossierTimelineItem samples[] = {
    { 0, 0, 0, 0, NULL, NULL, 0 },
    { 0, 0, 9, DOSSIER_TIMELINE_INTERVAL, NULL, NULL, 0 },
    { 0, 0, 9, DOSSIER_TIMELINE_IMPRECISE, NULL, NULL, 0 },
    { 0, 0, 9, DOSSIER_TIMELINE_INTERVAL | DOSSIER_TIMELINE_APPROXIMATE_END, NULL, NULL, 0 },
    { 0, 0, 9, DOSSIER_TIMELINE_INTERVAL | DOSSIER_TIMELINE_UNCERTAIN_END, NULL, NULL, 0 },
    { 0, 0, 9, DOSSIER_TIMELINE_INTERVAL | DOSSIER_TIMELINE_OPEN_END, NULL, NULL, 0 },
  };
  /* The samples in the foreground's colour, as a circle: what they show is not a term. */
  DossierTermStyle ink = { look->dim.red, look->dim.green, look->dim.blue, DOSSIER_MARK_CIRCLE, FALSE };
  double per_day = self->per_day, x = 6, y = height - LEGEND_HEIGHT;

  gdk_cairo_set_source_rgba (cr, &look->band);
  cairo_rectangle (cr, 0, y, width, LEGEND_HEIGHT);
  cairo_fill (cr);
  if (self->histogram)
    {
      /* Wrapped, in both languages, however narrow the view. */
      pango_layout_set_width (layout, MAX (width - 12, 40) * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      _dossier_timeline_view_draw_text (cr, layout, _dossier_timeline_view_histogram_message (self), x, y + 4, &look->dim);
      pango_layout_set_width (layout, -1);
      return;
    }
  /* Samples are drawn at a scale of their own: 3 pixels a day. */
  self->per_day = 3;
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      graphene_rect_t r;
      guint line;

      _dossier_timeline_view_legend_lines (self, width, i, &x, &line);
      graphene_rect_init (&r, x, y + line * LEGEND_LINE + (LEGEND_LINE + 4 - MARK_HEIGHT) / 2.0, sample_width (i), MARK_HEIGHT);
      _dossier_timeline_view_draw_mark (self, cr, &samples[i], &r, &ink, look, FALSE, FALSE);
      _dossier_timeline_view_draw_text (cr, layout, _dossier_timeline_view_tr (self, "timeline legend", legend_words[i]), x + r.size.width + 9, y + line * LEGEND_LINE + 4, &look->dim);
    }
  self->per_day = per_day;
  for (guint k = 0; k < self->figure_keys->len; k++)
    {
      FigureKey *key = &g_array_index (self->figure_keys, FigureKey, k);
      guint line;

      _dossier_timeline_view_legend_lines (self, width, G_N_ELEMENTS (samples) + k, &x, &line);
      dossier_mark_draw (cr, &key->style, x + KEY_MARK / 2.0 - 1, y + line * LEGEND_LINE + (LEGEND_LINE + 4) / 2.0, 4, look);
      _dossier_timeline_view_draw_text (cr, layout, key->label, x + KEY_MARK, y + line * LEGEND_LINE + 4, &look->foreground);
    }
}
