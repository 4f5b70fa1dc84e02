/* dossier-timeline-view-draw.c: drawing the timeline: lanes, marks, axis, histogram, figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "dossier-timeline-view-private.h"
#include "dossier-vocab.h"

static const char *
lane_scheme (DossierLanes lanes)
{
  switch (lanes)
    {
    case DOSSIER_LANES_REGION:
      return "admin1";
    case DOSSIER_LANES_ACTOR_KIND:
      return "actor-kind";
    case DOSSIER_LANES_VIOLATION_TYPE:
      return "violation-type";
    case DOSSIER_LANES_NONE:
    default:
      return NULL;
    }
}

gboolean
_dossier_timeline_view_in_view (DossierTimelineView       *self,
         const DossierTimelineItem *item,
         double                     last_day)
{
  return item->start <= last_day && item->end + 1 >= self->first_day;
}

/* Rows as high as a line of labels (in the style's font), so that the labels of two rows
 * never meet. */
void
_dossier_timeline_view_ensure_row_height (DossierTimelineView *self)
{
  if (self->row_height == 0)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "INC-0000 Égypte");
      int h;

      pango_layout_get_pixel_size (layout, NULL, &h);
      self->row_height = MAX (MIN_ROW, h);
    }
}

GArray *
_dossier_timeline_view_lane_bands (DossierTimelineView *self,
            gboolean            *histogram)
{
  int height;
  double last_day = dossier_timeline_view_day_at (self, _dossier_timeline_view_view_width (self));
  guint n_lanes = self->lane_codes ? self->lane_codes->len : 0;
  GArray *bands = g_array_sized_new (FALSE, TRUE, sizeof (Band), n_lanes);
  guint lane = 0, shown = 0, total_rows = 0;
  const char *code = NULL;

  _dossier_timeline_view_ensure_row_height (self);
  g_array_set_size (bands, n_lanes);
  for (guint i = 0; self->items && i < self->items->len; i++)
    {
      DossierTimelineItem *item = &g_array_index (self->items, DossierTimelineItem, i);

      if (i > 0 && item->lane != code)
        lane++;
      code = item->lane;
      if (lane < n_lanes && _dossier_timeline_view_in_view (self, item, last_day))
        {
          Band *band = &g_array_index (bands, Band, lane);

          band->rows = MAX (band->rows, item->row + 1);
          shown++;
        }
    }
  for (guint l = 0; l < n_lanes; l++)
    total_rows += MAX (1, g_array_index (bands, Band, l).rows);
  /* Too many to draw one by one: a histogram. More rows than room: each lane gets its share
   * of whole rows, and the marks on the rows below are left out (and counted). */
  *histogram = shown > MAX_MARKS;
  _dossier_timeline_view_update_legend_height (self, *histogram);
  height = _dossier_timeline_view_view_height (self) - AXIS_HEIGHT - LEGEND_HEIGHT;
  {
    double top = AXIS_HEIGHT;
    gboolean crowded = total_rows * ROW_HEIGHT > (guint) MAX (height, 0);

    for (guint l = 0; l < n_lanes; l++)
      {
        Band *band = &g_array_index (bands, Band, l);
        guint rows = MAX (1, band->rows);

        band->top = top;
        if (*histogram)
          band->height = (double) height / n_lanes;
        else if (crowded)
          band->height = MAX (1, floor ((double) height * rows / total_rows / ROW_HEIGHT)) * ROW_HEIGHT;
        else
          band->height = rows * ROW_HEIGHT;
        top += band->height;
      }
  }
  return bands;
}

guint
_dossier_timeline_view_lane_of (DossierTimelineView *self,
         guint                index)
{
  /* Items are by lane: the lane of item @index is the number of lane changes before it. */
  const char *lane = g_array_index (self->items, DossierTimelineItem, index).lane;

  for (guint l = 0; self->lane_codes && l < self->lane_codes->len; l++)
    if (g_strcmp0 (lane ? lane : "", self->lane_codes->pdata[l]) == 0)
      return l;
  return 0;
}

/* Whether an item's row is within its lane's band (the rows below are left out). */
gboolean
_dossier_timeline_view_row_shown (DossierTimelineView       *self,
           const DossierTimelineItem *item,
           const Band                *band)
{
  return (item->row + 1) * ROW_HEIGHT <= band->height + 0.5;
}

void
_dossier_timeline_view_item_rect (DossierTimelineView       *self,
           const DossierTimelineItem *item,
           const Band                *band,
           graphene_rect_t           *rect)
{
  double x0 = _dossier_timeline_view_x_of_day (self, item->start), x1 = _dossier_timeline_view_x_of_day (self, item->end + 1.0);
  double y = band->top + item->row * ROW_HEIGHT + (ROW_HEIGHT - MARK_HEIGHT) / 2.0;

  if (x1 - x0 < MIN_MARK)
    {
      double middle = (x0 + x1) / 2;

      x0 = middle - MIN_MARK / 2.0;
      x1 = middle + MIN_MARK / 2.0;
    }
  graphene_rect_init (rect, x0, y, x1 - x0, MARK_HEIGHT);
}

/* An item's end: faded when approximate, dotted when uncertain, an arrow when open. A day
 * is its term's shape, as on the map. */
void
_dossier_timeline_view_draw_mark (DossierTimelineView       *self,
           cairo_t                   *cr,
           const DossierTimelineItem *item,
           const graphene_rect_t     *r,
           const DossierTermStyle    *style,
           const DossierLook         *look,
           gboolean                   dimmed,
           gboolean                   selected)
{
  double x = r->origin.x, y = r->origin.y, w = r->size.width, h = r->size.height;
  double alpha = dimmed ? 0.25 : 1.0;
  const GdkRGBA colour = { style->red, style->green, style->blue, 1 };
  const GdkRGBA *c = &colour;
  gboolean point = !(item->flags & (DOSSIER_TIMELINE_INTERVAL | DOSSIER_TIMELINE_IMPRECISE)) &&
                   (item->end + 1.0 - item->start) * self->per_day < 3 * MIN_MARK;

  cairo_save (cr);
  if (point)
    {
      dossier_mark_path (cr, style->shape, x + w / 2, y + h / 2, h / 2);
      cairo_set_source_rgba (cr, c->red, c->green, c->blue, alpha);
      if (item->flags & (DOSSIER_TIMELINE_APPROXIMATE_START | DOSSIER_TIMELINE_UNCERTAIN_START))
        {
          /* An approximate or uncertain day: an outline rather than a filled mark. */
          cairo_set_line_width (cr, 1.6);
          cairo_stroke (cr);
        }
      else
        cairo_fill (cr);
    }
  else
    {
      cairo_pattern_t *fill = cairo_pattern_create_linear (x, 0, x + w, 0);
      double fade = MIN (0.3, 12 / MAX (w, 1));
      double body = item->flags & DOSSIER_TIMELINE_IMPRECISE ? 0.35 : 1.0;

      cairo_pattern_add_color_stop_rgba (fill, 0, c->red, c->green, c->blue,
                                         alpha * body * (item->flags & (DOSSIER_TIMELINE_APPROXIMATE_START | DOSSIER_TIMELINE_OPEN_START) ? 0.15 : 1));
      cairo_pattern_add_color_stop_rgba (fill, fade, c->red, c->green, c->blue, alpha * body);
      cairo_pattern_add_color_stop_rgba (fill, 1 - fade, c->red, c->green, c->blue, alpha * body);
      cairo_pattern_add_color_stop_rgba (fill, 1, c->red, c->green, c->blue,
                                         alpha * body * (item->flags & (DOSSIER_TIMELINE_APPROXIMATE_END | DOSSIER_TIMELINE_OPEN_END) ? 0.15 : 1));
      cairo_rectangle (cr, x, y, w, h);
      cairo_set_source (cr, fill);
      cairo_fill (cr);
      cairo_pattern_destroy (fill);
      /* A span of imprecision is outlined: it says "somewhere in here". */
      cairo_set_source_rgba (cr, c->red, c->green, c->blue, alpha);
      cairo_set_line_width (cr, 1);
      if (item->flags & DOSSIER_TIMELINE_IMPRECISE)
        {
          cairo_rectangle (cr, x + 0.5, y + 0.5, w - 1, h - 1);
          cairo_stroke (cr);
        }
      if (item->flags & DOSSIER_TIMELINE_UNCERTAIN_START)
        {
          cairo_set_dash (cr, (double[]) { 1.5, 1.5 }, 2, 0);
          cairo_move_to (cr, x + 0.5, y - 2);
          cairo_line_to (cr, x + 0.5, y + h + 2);
          cairo_stroke (cr);
        }
      if (item->flags & DOSSIER_TIMELINE_UNCERTAIN_END)
        {
          cairo_set_dash (cr, (double[]) { 1.5, 1.5 }, 2, 0);
          cairo_move_to (cr, x + w - 0.5, y - 2);
          cairo_line_to (cr, x + w - 0.5, y + h + 2);
          cairo_stroke (cr);
        }
      cairo_set_dash (cr, NULL, 0, 0);
      if (item->flags & DOSSIER_TIMELINE_OPEN_END)
        {
          cairo_move_to (cr, x + w, y - 1);
          cairo_line_to (cr, x + w + 5, y + h / 2);
          cairo_line_to (cr, x + w, y + h + 1);
          cairo_fill (cr);
        }
      if (item->flags & DOSSIER_TIMELINE_OPEN_START)
        {
          cairo_move_to (cr, x, y - 1);
          cairo_line_to (cr, x - 5, y + h / 2);
          cairo_line_to (cr, x, y + h + 1);
          cairo_fill (cr);
        }
    }
  if (selected)
    {
      gdk_cairo_set_source_rgba (cr, &look->foreground);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, x - 2, y - 2, w + 4, h + 4);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

void
_dossier_timeline_view_draw_text (cairo_t       *cr,
           PangoLayout   *layout,
           const char    *text,
           double         x,
           double         y,
           const GdkRGBA *colour)
{
  if (text != NULL)
    pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  gdk_cairo_set_source_rgba (cr, colour);
  pango_cairo_show_layout (cr, layout);
}

/* The ticks along the top, and their labels where they do not run into the one before. */
static void
draw_axis (DossierTimelineView *self,
           cairo_t             *cr,
           PangoLayout         *layout,
           int                  width,
           int                  height,
           const DossierLook   *look)
{
  double last_day = dossier_timeline_view_day_at (self, width);
  g_autoptr(GPtrArray) ticks = dossier_timeline_ticks (self->first_day, last_day, _dossier_timeline_view_marks_width (self), self->lang);
  double written = -G_MAXDOUBLE;

  gdk_cairo_set_source_rgba (cr, &look->band);
  cairo_rectangle (cr, 0, 0, width, AXIS_HEIGHT);
  cairo_fill (cr);
  for (guint i = 0; i < ticks->len; i++)
    {
      DossierTimelineTick *tick = ticks->pdata[i];
      double x = round (_dossier_timeline_view_x_of_day (self, tick->day)) + 0.5;
      GdkRGBA rule = look->grid;
      int w;

      if (x < _dossier_timeline_view_marks_left (self))
        continue;
      if (!tick->major)
        rule.alpha /= 2.5;
      gdk_cairo_set_source_rgba (cr, &rule);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, x, tick->major ? 0 : AXIS_HEIGHT - 8);
      cairo_line_to (cr, x, height - LEGEND_HEIGHT);
      cairo_stroke (cr);
      pango_layout_set_attributes (layout, NULL);
      if (tick->major)
        {
          PangoAttrList *bold = pango_attr_list_new ();

          pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
          pango_layout_set_attributes (layout, bold);
          pango_attr_list_unref (bold);
        }
      pango_layout_set_text (layout, tick->label, -1);
      pango_layout_get_pixel_size (layout, &w, NULL);
      /* The first tick says the year, and may be long: the next label then waits. A label
       * that the right edge would cut is left out. */
      if (x + 3 >= written + 6 && x + 3 + w <= width - 2)
        {
          _dossier_timeline_view_draw_text (cr, layout, NULL, x + 3, 5, &look->foreground);
          written = x + 3 + w;
        }
      pango_layout_set_attributes (layout, NULL);
    }
}

/* Where the selected incident is drawn over a histogram: at the top of its lane's band, so
 * that the investigator never loses it when zooming out. */
gboolean
_dossier_timeline_view_selected_over_histogram (DossierTimelineView *self,
                         GArray              *bands,
                         graphene_rect_t     *rect,
                         guint               *lane)
{
  DossierTimelineItem *item;
  Band band;
  guint index;

  item = self->selected > 0 ? _dossier_timeline_view_find_item (self, self->selected, &index) : NULL;
  if (item == NULL || !_dossier_timeline_view_in_view (self, item, dossier_timeline_view_day_at (self, _dossier_timeline_view_view_width (self))))
    return FALSE;
  *lane = bands->len > 0 ? _dossier_timeline_view_lane_of (self, index) : 0;
  band = bands->len > 0 ? g_array_index (bands, Band, *lane) : (Band) { AXIS_HEIGHT, ROW_HEIGHT, 1 };
  band.height = ROW_HEIGHT;
  band.top += 3;
  {
    DossierTimelineItem top = *item;

    top.row = 0;
    _dossier_timeline_view_item_rect (self, &top, &band, rect);
  }
  return TRUE;
}

/* Draws the view; @screen adds what only the screen shows: the selection and the period
 * being brushed. */
static void
draw (DossierTimelineView *self,
      cairo_t             *cr,
      int                  width,
      int                  height,
      gboolean             screen,
      const DossierLook   *look)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  const DossierIncidentQuery *query = self->filter ? dossier_filter_get_query (self->filter) : NULL;
  double last_day = dossier_timeline_view_day_at (self, width);
  g_autoptr(GArray) bands = NULL;
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  guint hidden = 0;

  if (screen)
    g_array_set_size (self->label_areas, 0);
  if (look->print)
    _dossier_timeline_view_set_figure_keys (self, last_day, width, height);
  gdk_cairo_set_source_rgba (cr, &look->background);
  cairo_paint (cr);

  _dossier_timeline_view_ensure_layout (self);
  bands = _dossier_timeline_view_lane_bands (self, &self->histogram);
  draw_axis (self, cr, layout, width, height, look);

  /* The filter's period, shaded; the brush being dragged, outlined. */
  if (query != NULL && (query->date_from != 0 || query->date_to != 0))
    {
      double x0 = query->date_from ? _dossier_timeline_view_x_of_day (self, query->date_from) : _dossier_timeline_view_marks_left (self);
      double x1 = query->date_to ? _dossier_timeline_view_x_of_day (self, query->date_to + 1.0) : width;
      GdkRGBA shade = look->accent;

      shade.alpha *= 0.12;
      gdk_cairo_set_source_rgba (cr, &shade);
      cairo_rectangle (cr, x0, 0, x1 - x0, height - LEGEND_HEIGHT);
      cairo_fill (cr);
      shade.alpha = look->accent.alpha * 0.8;
      gdk_cairo_set_source_rgba (cr, &shade);
      cairo_rectangle (cr, x0, 0, x1 - x0, AXIS_HEIGHT);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }

  cairo_save (cr);
  cairo_rectangle (cr, _dossier_timeline_view_marks_left (self), AXIS_HEIGHT, width - _dossier_timeline_view_marks_left (self), height - AXIS_HEIGHT - LEGEND_HEIGHT);
  cairo_clip (cr);
  if (self->items != NULL && self->histogram)
    {
      /* Incidents per period, each spread over its span, per lane. */
      guint n_bins = (guint) ceil ((width - _dossier_timeline_view_marks_left (self)) / BIN_WIDTH) + 1;
      guint n_lanes = bands->len;
      g_autofree double *bins = g_new0 (double, (gsize) n_bins * MAX (n_lanes, 1));
      double days_per_bin = BIN_WIDTH / self->per_day;
      graphene_rect_t chosen;
      guint chosen_lane;

      guint lane = 0;
      const char *code = NULL;

      for (guint i = 0; i < self->items->len; i++)
        {
          DossierTimelineItem *item = &g_array_index (self->items, DossierTimelineItem, i);
          double a, b;
          guint first, last;

          if (i > 0 && item->lane != code)
            lane++;
          code = item->lane;
          if (!_dossier_timeline_view_in_view (self, item, last_day) || (n_lanes > 0 && lane >= n_lanes))
            continue;
          a = (item->start - self->first_day) / days_per_bin;
          b = (item->end + 1.0 - self->first_day) / days_per_bin;
          first = (guint) CLAMP (floor (a), 0, n_bins - 1);
          last = (guint) CLAMP (floor (b), 0, n_bins - 1);
          for (guint k = first; k <= last; k++)
            bins[lane * n_bins + k] += 1.0 / (last - first + 1);
        }
      for (guint l = 0; l < MAX (n_lanes, 1); l++)
        {
          Band *band = n_lanes ? &g_array_index (bands, Band, l) : NULL;
          double top = band ? band->top : AXIS_HEIGHT, h = band ? band->height : height - AXIS_HEIGHT - LEGEND_HEIGHT;
          double max = 0;

          for (guint k = 0; k < n_bins; k++)
            max = MAX (max, bins[l * n_bins + k]);
          if (max <= 0)
            continue;
          gdk_cairo_set_source_rgba (cr, &look->histogram);
          for (guint k = 0; k < n_bins; k++)
            if (bins[l * n_bins + k] > 0)
              {
                double bar = MAX (1, (h - 4) * bins[l * n_bins + k] / max);

                cairo_rectangle (cr, _dossier_timeline_view_marks_left (self) + k * BIN_WIDTH, top + h - bar, BIN_WIDTH - 0.5, bar);
              }
          cairo_fill (cr);
        }
      /* The selected incident stays in view over the counts: its date as a rule down its
       * lane, its mark at the top, and its code. */
      if (screen && _dossier_timeline_view_selected_over_histogram (self, bands, &chosen, &chosen_lane))
        {
          DossierTimelineItem *item = _dossier_timeline_view_find_item (self, self->selected, NULL);
          Band *band = bands->len ? &g_array_index (bands, Band, chosen_lane) : NULL;
          double x = chosen.origin.x + chosen.size.width / 2;
          Placed p = { 0, chosen_lane, chosen, FALSE, 0, 0 };
          g_autoptr(GArray) one = g_array_new (FALSE, FALSE, sizeof (Placed));
          guint index = 0;

          gdk_cairo_set_source_rgba (cr, &look->foreground);
          cairo_set_line_width (cr, 1);
          cairo_move_to (cr, round (x) + 0.5, chosen.origin.y);
          cairo_line_to (cr, round (x) + 0.5, band ? band->top + band->height : height - LEGEND_HEIGHT);
          cairo_stroke (cr);
          gdk_cairo_set_source_rgba (cr, &look->background);
          cairo_rectangle (cr, chosen.origin.x - 4, chosen.origin.y - 4, chosen.size.width + 8, chosen.size.height + 8);
          cairo_fill (cr);
          _dossier_timeline_view_draw_mark (self, cr, item, &chosen, _dossier_timeline_view_key_style (self, item->key), look, FALSE, TRUE);
          _dossier_timeline_view_find_item (self, self->selected, &index);
          p.index = index;
          g_array_append_val (one, p);
          _dossier_timeline_view_draw_labels (self, cr, one, width, FALSE, TRUE, look, self->label_areas);
        }
    }
  else if (self->items != NULL)
    {
      guint lane = 0;
      const char *code = NULL;

      for (guint i = 0; i < self->items->len; i++)
        {
          DossierTimelineItem *item = &g_array_index (self->items, DossierTimelineItem, i);
          Placed p;

          if (i > 0 && item->lane != code)
            lane++;
          code = item->lane;
          if (!_dossier_timeline_view_in_view (self, item, last_day) || lane >= bands->len)
            continue;
          if (!_dossier_timeline_view_row_shown (self, item, &g_array_index (bands, Band, lane)))
            {
              hidden++;
              continue;
            }
          p.index = i;
          p.lane = lane;
          p.dimmed = query != NULL && ((query->date_from != 0 && item->end < query->date_from) ||
                                       (query->date_to != 0 && item->start > query->date_to));
          _dossier_timeline_view_item_rect (self, item, &g_array_index (bands, Band, lane), &p.rect);
          _dossier_timeline_view_draw_mark (self, cr, item, &p.rect, _dossier_timeline_view_key_style (self, item->key), look, p.dimmed,
                     screen && item->id == self->selected);
          g_array_append_val (placed, p);
        }
      _dossier_timeline_view_draw_labels (self, cr, placed, width, !look->print, FALSE, look, screen ? self->label_areas : NULL);
    }
  cairo_restore (cr);

  /* Lanes: their names and borders. */
  if (self->lanes != DOSSIER_LANES_NONE && self->lane_codes != NULL)
    for (guint l = 0; l < bands->len; l++)
      {
        Band *band = &g_array_index (bands, Band, l);
        const char *lane = self->lane_codes->pdata[l];
        g_autofree char *label = *lane ? dossier_store_vocab_label (self->store, lane_scheme (self->lanes), lane, self->lang)
                                       : g_strdup (_dossier_timeline_view_tr (self, "timeline lane", NC_("timeline lane", "Unknown")));

        gdk_cairo_set_source_rgba (cr, &look->grid);
        cairo_rectangle (cr, 0, round (band->top) + 0.5, width, 0);
        cairo_set_line_width (cr, 1);
        cairo_stroke (cr);
        if (band->height >= 10)
          {
            pango_layout_set_width (layout, (LANE_LABELS - 8) * PANGO_SCALE);
            pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
            _dossier_timeline_view_draw_text (cr, layout, label, 4, band->top + MAX (0, band->height / 2 - 7), &look->foreground);
            pango_layout_set_width (layout, -1);
            pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
          }
      }

  if (screen && self->brushing)
    {
      GdkRGBA brush = look->accent;

      brush.alpha *= 0.25;
      gdk_cairo_set_source_rgba (cr, &brush);
      cairo_rectangle (cr, MIN (self->brush_x1, self->brush_x2), 0, fabs (self->brush_x2 - self->brush_x1),
                       height - LEGEND_HEIGHT);
      cairo_fill (cr);
    }
  if (hidden > 0)
    {
      g_autofree char *more = NULL;
      int w, h;

      if (self->catalog != NULL)
        more = g_strdup_printf (dossier_catalog_nget (self->catalog, "%u more incident in view, on rows below: zoom in or filter",
                                                      "%u more incidents in view, on rows below: zoom in or filter", hidden), hidden);
      else
        more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more incident in view, on rows below: zoom in or filter",
                                             "%u more incidents in view, on rows below: zoom in or filter", hidden), hidden);

      /* At the bottom right, wrapped in a narrow view rather than cut at the left. */
      pango_layout_set_text (layout, more, -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      if (w > width - 24)
        {
          pango_layout_set_width (layout, MAX (width - 24, 40) * PANGO_SCALE);
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_get_pixel_size (layout, &w, &h);
        }
      gdk_cairo_set_source_rgba (cr, &look->background);
      cairo_rectangle (cr, width - w - 12, height - LEGEND_HEIGHT - h - 4, w + 12, h + 4);
      cairo_fill (cr);
      _dossier_timeline_view_draw_text (cr, layout, NULL, width - w - 6, height - LEGEND_HEIGHT - h - 2, &look->warning);
      pango_layout_set_width (layout, -1);
    }
  if (self->items != NULL && self->items->len == 0)
    {
      const char *empty;

      /* Without a filter, nothing has a date yet: say how to give one. */
      if (self->catalog != NULL)
        empty = _dossier_timeline_view_tr (self, NULL, N_("None of these incidents has a date"));
      else if (self->filter == NULL || dossier_filter_is_empty (self->filter))
        empty = _("No incident has a date yet. Type one in an incident’s Date, such as 2022-03-27, to see it here.");
      else
        empty = _("No dated incident matches the filter");
      pango_layout_set_width (layout, MAX (width - _dossier_timeline_view_marks_left (self) - 24, 40) * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      _dossier_timeline_view_draw_text (cr, layout, empty, _dossier_timeline_view_marks_left (self) + 12, AXIS_HEIGHT + 12, &look->dim);
      pango_layout_set_width (layout, -1);
    }
  _dossier_timeline_view_draw_legend (self, cr, layout, width, height, look);
  /* The screen's legend has no keys: its colours are the map's, whose legend is beside it. */
  g_array_set_size (self->figure_keys, 0);
}

void
_dossier_timeline_view_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  DossierTimelineView *self = DOSSIER_TIMELINE_VIEW (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  DossierLook look;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  if (!self->fitted && self->items != NULL)
    self->fitted = dossier_timeline_view_fit_all (self);
  dossier_look_from_widget (widget, &look);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw (self, cr, width, height, TRUE, &look);
  cairo_destroy (cr);
  if (gtk_widget_has_focus (widget))
    {
      GdkRGBA focus = look.accent;

      focus.alpha *= 0.8;
      gtk_snapshot_append_border (snapshot, &GSK_ROUNDED_RECT_INIT (1, 1, width - 2, height - 2),
                                  (float[]) { 2, 2, 2, 2 }, (GdkRGBA[]) { focus, focus, focus, focus });
    }
}

/**
 * dossier_timeline_view_render:
 * @self: a #DossierTimelineView
 *
 * Returns: (transfer full): the view drawn afresh, for the investigator's own figure:
 *   without the selection, which only the screen needs, and dark on white for print
 *   whatever the screen's style
 */
GskRenderNode *
dossier_timeline_view_render (DossierTimelineView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self)), height = gtk_widget_get_height (GTK_WIDGET (self));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  DossierLook look;
  cairo_t *cr;

  dossier_look_for_print (&look);
  if (width > 0 && height > 0)
    {
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      draw (self, cr, width, height, FALSE, &look);
      cairo_destroy (cr);
    }
  return gtk_snapshot_free_to_node (snapshot);
}

/**
 * dossier_timeline_view_get_frame:
 * @self: a #DossierTimelineView
 * @frame: (out caller-allocates): the period shown, the view's size, colours and lanes
 *
 * Returns: %TRUE if the timeline is shown; if not, @frame has no size
 */
gboolean
dossier_timeline_view_get_frame (DossierTimelineView  *self,
                                 DossierTimelineFrame *frame)
{
  gboolean shown;

  g_return_val_if_fail (DOSSIER_IS_TIMELINE_VIEW (self), FALSE);

  shown = gtk_widget_get_mapped (GTK_WIDGET (self)) && gtk_widget_get_width (GTK_WIDGET (self)) > 0 &&
          gtk_widget_get_height (GTK_WIDGET (self)) > 0;
  frame->first_day = self->first_day;
  frame->last_day = dossier_timeline_view_day_at (self, gtk_widget_get_width (GTK_WIDGET (self)));
  frame->width = shown ? gtk_widget_get_width (GTK_WIDGET (self)) : 0;
  frame->height = shown ? gtk_widget_get_height (GTK_WIDGET (self)) : 0;
  frame->colour_by = self->colour_by;
  frame->lanes = self->lanes;
  return shown;
}

/**
 * dossier_timeline_view_render_figure:
 * @store: the dossier
 * @incident_ids: (nullable) (element-type gint64): the incidents to show, in order of
 *   their ids (those the export's profile lets out), or %NULL for all
 * @frame: the period and size to draw; one of no size is fitted to the incidents
 * @lang: the figure's language, "fr" or "en"
 * @drawn: (out caller-allocates) (optional): the frame drawn
 * @error: return location for a #GError
 *
 * Draws the timeline of @incident_ids for a document, and nothing else of the dossier:
 * a timeline of its own, never shown, so that the figure says what the document's profile
 * lets out rather than what the screen shows (no selection, no filter's shading).
 *
 * Returns: (transfer full): the drawing, of @drawn's size, or %NULL
 */
GskRenderNode *
dossier_timeline_view_render_figure (DossierStore               *store,
                                     GArray                     *incident_ids,
                                     const DossierTimelineFrame *frame,
                                     const char                 *lang,
                                     DossierTimelineFrame       *drawn,
                                     GError                    **error)
{
  g_autoptr(DossierCatalog) catalog = NULL;
  g_autoptr(DossierTimelineView) self = NULL;
  g_autoptr(GArray) all = NULL;
  GtkSnapshot *snapshot;
  DossierLook look;
  cairo_t *cr;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);
  g_return_val_if_fail (frame != NULL, NULL);

  catalog = dossier_catalog_new (lang, error);
  if (catalog == NULL)
    return NULL;
  all = dossier_store_timeline_items (store, NULL, frame->colour_by, frame->lanes, error);
  if (all == NULL)
    return NULL;

  self = g_object_ref_sink (g_object_new (DOSSIER_TYPE_TIMELINE_VIEW, NULL));
  self->store = g_object_ref (store);
  self->lang = g_strdup (lang);
  self->catalog = g_steal_pointer (&catalog);
  self->colour_by = frame->colour_by;
  self->lanes = frame->lanes;
  self->figure_width = frame->width > 0 && frame->height > 0 ? frame->width : FIGURE_WIDTH;
  self->figure_height = frame->width > 0 && frame->height > 0 ? frame->height : FIGURE_HEIGHT;
  self->items = g_array_sized_new (FALSE, FALSE, sizeof (DossierTimelineItem), all->len);
  for (guint i = 0; i < all->len; i++)
    {
      DossierTimelineItem *item = &g_array_index (all, DossierTimelineItem, i);

      if (incident_ids == NULL ||
          bsearch (&item->id, incident_ids->data, incident_ids->len, sizeof (gint64), dossier_compare_ids) != NULL)
        g_array_append_val (self->items, *item);
    }
  if (frame->width > 0 && frame->height > 0)
    dossier_timeline_view_set_period (self, frame->first_day, frame->last_day);
  else
    dossier_timeline_view_fit_all (self);

  snapshot = gtk_snapshot_new ();
  dossier_look_for_print (&look);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, self->figure_width, self->figure_height));
  draw (self, cr, self->figure_width, self->figure_height, FALSE, &look);
  cairo_destroy (cr);
  if (drawn != NULL)
    {
      *drawn = *frame;
      drawn->first_day = self->first_day;
      drawn->last_day = dossier_timeline_view_day_at (self, self->figure_width);
      drawn->width = self->figure_width;
      drawn->height = self->figure_height;
    }
  return gtk_snapshot_free_to_node (snapshot);
}
