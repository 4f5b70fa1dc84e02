/* dossier-basemap-labels.c: where the basemap's names go, by rank as the map zooms in,
 * each at the first of a few spots around its dot that covers no other name, no dot of a
 * place as important and nothing the caller asks to keep clear of
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "dossier-basemap-layer-private.h"

static PangoLayout *
layout_for (DossierBasemapLayer *self,
            const char          *text,
            DossierMapLabelKind  kind,
            int                  rank)
{
  g_autofree char *key = g_strdup_printf ("%d%d%s", kind, rank, text);
  PangoLayout *layout = g_hash_table_lookup (self->layouts, key);

  if (layout == NULL)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
      switch (kind)
        {
        case DOSSIER_MAP_LABEL_COUNTRY:
          pango_attr_list_insert (attrs, pango_attr_scale_new (0.95));
          pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
          pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (2 * PANGO_SCALE));
          break;
        case DOSSIER_MAP_LABEL_REGION:
          pango_attr_list_insert (attrs, pango_attr_scale_new (0.72));
          pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (PANGO_SCALE));
          break;
        case DOSSIER_MAP_LABEL_PLACE:
        default:
          /* The chefs-lieux a little larger and bolder than the other towns. */
          pango_attr_list_insert (attrs, pango_attr_scale_new (rank == 1 ? 0.85 : 0.8));
          if (rank == 1)
            pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_SEMIBOLD));
          break;
        }
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      g_hash_table_insert (self->layouts, g_steal_pointer (&key), layout);
    }
  return layout;
}

static gboolean
overlaps (GArray              *taken,
          const graphene_rect_t *rect)
{
  for (guint i = 0; i < taken->len; i++)
    if (graphene_rect_intersection (&g_array_index (taken, graphene_rect_t, i), rect, NULL))
      return TRUE;
  return FALSE;
}

/* Pixels kept free around a name, beyond its halo. */
#define NAME_ROOM_X 3
#define NAME_ROOM_Y 1

/* A name's box, with the room its halo takes. */
static void
label_box (graphene_rect_t *box,
           double           x,
           double           y,
           int              w,
           int              h)
{
  graphene_rect_init (box, x - 1, y, w + 2, h);
}

/* Whether a name may go in @box: within the view, over no other name, and over no dot of
 * a place as important as @rank (with @only_before, only over no dot of a place that
 * comes before @own_dot's), nor a dot whose place lost its name. */
static gboolean
box_free (const graphene_rect_t *box,
          GArray                *taken,
          GArray                *dots,
          const Dot             *own_dot,
          int                    rank,
          gboolean               only_before,
          int                    width,
          int                    height)
{
  /* Some room between names as well: two names whose halos meet read as one ("Bankass
   * Koro"), and print measures a name a little wider than the screen does. */
  graphene_rect_t room = *box;

  graphene_rect_inset (&room, -NAME_ROOM_X, -NAME_ROOM_Y);
  if (box->origin.x < 0 || box->origin.y < 0 || box->origin.x + box->size.width > width ||
      box->origin.y + box->size.height > height || overlaps (taken, &room))
    return FALSE;
  for (guint i = 0; dots && i < dots->len; i++)
    {
      const Dot *dot = &g_array_index (dots, Dot, i);
      gboolean matters = only_before ? dot < own_dot : dot->rank <= rank;

      if (dot != own_dot && (matters || dot->unnamed) && graphene_rect_intersection (&dot->box, box, NULL))
        return FALSE;
    }
  return TRUE;
}

/* The first of @n boxes that covers no name, no dot of a place as important, and nothing
 * to @avoid; failing that, for a place, one that covers only dots of places that come
 * after it, which then lose their names (*@hides set): at a small scale, Bamako's name
 * matters more than Koulikoro's dot beside it, and an incident's count more than either.
 * Failing both, the same over something to @avoid (drawn over an incident, with its
 * halo). */
static const graphene_rect_t *
choose_box (const graphene_rect_t *boxes,
            guint                  n,
            GArray                *taken,
            GArray                *dots,
            const Dot             *own_dot,
            int                    rank,
            GArray                *avoid,
            int                    width,
            int                    height,
            gboolean              *hides)
{
  /* Passes: keeping clear of @avoid or not (pass / 2), of all dots or only earlier ones
   * (pass % 2, for places only). */
  *hides = FALSE;
  for (int pass = 0; pass < 4; pass++)
    {
      gboolean only_before = pass % 2 == 1, over_avoid = pass >= 2;

      if (only_before && own_dot == NULL)
        continue;
      for (guint i = 0; i < n; i++)
        if (box_free (&boxes[i], taken, dots, own_dot, rank, only_before, width, height) &&
            (over_avoid || avoid == NULL || !overlaps (avoid, &boxes[i])))
          {
            *hides = only_before;
            return &boxes[i];
          }
    }
  return NULL;
}

static void
place_label (DossierBasemapLayer   *self,
             GArray                *placed,
             GArray                *taken,
             PangoLayout           *layout,
             const GdkRGBA         *ink,
             const graphene_rect_t *box,
             DossierMapLabelKind    kind)
{
  Placed p = { layout, *ink, *box };
  DossierMapLabel label = { pango_layout_get_text (layout), kind, *box };

  g_array_append_val (placed, p);
  g_array_append_val (taken, *box);
  g_array_append_val (self->labels, label);
}

/* Names of places, from the most important down, each at the first free spot around its
 * dot: right, then above or below on the right, then left, then above or below. */
static void
place_town_names (DossierBasemapLayer *self,
                  GArray              *placed,
                  GArray              *taken,
                  GArray              *dots,
                  GArray              *avoid,
                  int                  rank,
                  double               level,
                  double               scale,
                  double               dx,
                  double               dy,
                  int                  width,
                  int                  height)
{
  const GdkRGBA ink = dossier_basemap_ink (DOSSIER_MAP_INK_TEXT);
  guint d = 0;

  for (guint i = 0; i < self->places->len; i++)
    {
      Place *place = &g_array_index (self->places, Place, i);
      double x = place->x * scale + dx, y = place->y * scale + dy, gap;
      const graphene_rect_t *chosen;
      gboolean hides;
      Dot *own_dot;
      graphene_rect_t boxes[8];
      PangoLayout *layout;
      int w, h;

      if (level < place_min_zoom (place) || x < -8 || y < -8 || x > width + 8 || y > height + 8)
        continue;
      /* dots[] holds the dots in the order of places[]. */
      own_dot = &g_array_index (dots, Dot, d++);
      if (place->rank != rank || *place->name == '\0' || own_dot->unnamed)
        continue;
      layout = layout_for (self, place->name, DOSSIER_MAP_LABEL_PLACE, place->rank);
      pango_layout_get_pixel_size (layout, &w, &h);
      gap = place_radius (place) + 2;
      label_box (&boxes[0], x + gap, y - h / 2.0, w, h);
      label_box (&boxes[1], x + gap - 2, y - h + 2, w, h);
      label_box (&boxes[2], x + gap - 2, y - 2, w, h);
      label_box (&boxes[3], x - gap - w, y - h / 2.0, w, h);
      label_box (&boxes[4], x - gap - w + 2, y - h + 2, w, h);
      label_box (&boxes[5], x - gap - w + 2, y - 2, w, h);
      label_box (&boxes[6], x - w / 2.0, y - gap - h + 2, w, h);
      label_box (&boxes[7], x - w / 2.0, y + gap - 2, w, h);
      chosen = choose_box (boxes, G_N_ELEMENTS (boxes), taken, dots, own_dot, place->rank, avoid, width, height, &hides);
      if (chosen == NULL)
        continue;
      place_label (self, placed, taken, layout, &ink, chosen, DOSSIER_MAP_LABEL_PLACE);
      for (guint k = 0; hides && k < dots->len; k++)
        {
          Dot *dot = &g_array_index (dots, Dot, k);

          if (dot > own_dot && graphene_rect_intersection (&dot->box, chosen, NULL))
            dot->unnamed = TRUE;
        }
    }
}

/* Names of areas (regions, countries), at the point with the most room, or a little above
 * or below it; only where the name fits the area. */
static void
place_area_names (DossierBasemapLayer *self,
                  GArray              *placed,
                  GArray              *taken,
                  GArray              *dots,
                  GArray              *avoid,
                  DossierMapLabelKind  kind,
                  double               scale,
                  double               dx,
                  double               dy,
                  int                  width,
                  int                  height)
{
  const GdkRGBA region_ink = dossier_basemap_ink (DOSSIER_MAP_INK_REGION_NAME);
  const GdkRGBA country_ink = dossier_basemap_ink (DOSSIER_MAP_INK_COUNTRY_NAME);

  for (guint i = 0; i < self->shapes->len; i++)
    {
      Shape *shape = self->shapes->pdata[i];
      double x = shape->label_x * scale + dx, y = shape->label_y * scale + dy;
      const graphene_rect_t *chosen;
      graphene_rect_t boxes[3];
      gboolean hides;
      PangoLayout *layout;
      int w, h;

      if (shape->label == NULL || *shape->label == '\0' ||
          (kind == DOSSIER_MAP_LABEL_REGION) != (shape->kind == SHAPE_REGION) ||
          (kind == DOSSIER_MAP_LABEL_COUNTRY && shape->kind != SHAPE_COUNTRY && shape->kind != SHAPE_MALI) ||
          x < 0 || y < 0 || x > width || y > height)
        continue;
      layout = layout_for (self, shape->label, kind, 0);
      pango_layout_get_pixel_size (layout, &w, &h);
      /* A region's name stays within it, or nearly: its middle's room across, with a
       * little more since a name is flat. */
      if (shape->label_width * scale < w ||
          (kind == DOSSIER_MAP_LABEL_REGION && w > 3.2 * shape->label_room * scale))
        continue;
      label_box (&boxes[0], x - w / 2.0, y - h / 2.0, w, h);
      label_box (&boxes[1], x - w / 2.0, y - h * 1.5, w, h);
      label_box (&boxes[2], x - w / 2.0, y + h * 0.5, w, h);
      /* A region's name keeps clear of the chefs-lieux; a country's, of every dot. */
      chosen = choose_box (boxes, G_N_ELEMENTS (boxes), taken, dots, NULL, kind == DOSSIER_MAP_LABEL_REGION ? 1 : 3,
                           avoid, width, height, &hides);
      if (chosen != NULL)
        place_label (self, placed, taken, layout, kind == DOSSIER_MAP_LABEL_REGION ? &region_ink : &country_ink,
                     chosen, kind);
    }
}

/**
 * dossier_basemap_layer_append_labels:
 * @self: a #DossierBasemapLayer
 * @snapshot: where to draw, over everything else of the map
 * @view: what the map shows
 * @covered: (nullable) (element-type graphene_rect_t): what names must not go under, such
 *   as the buttons over the map
 * @avoid: (nullable) (element-type graphene_rect_t): what names should rather not cover,
 *   such as the incidents' marks; a name covers one only when it has no other free spot
 *
 * Draws the names of places, regions and countries, each with a light halo so that it
 * stays readable over whatever is under it, none over another or over another's dot.
 * dossier_basemap_layer_get_labels() then tells what was drawn where.
 */
void
dossier_basemap_layer_append_labels (DossierBasemapLayer  *self,
                                     GtkSnapshot          *snapshot,
                                     const DossierMapView *view,
                                     GArray               *covered,
                                     GArray               *avoid)
{
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  g_autoptr(GArray) dots = g_array_new (FALSE, FALSE, sizeof (Dot));
  /* Names and dots follow the tiles' whole levels: a place has its name when it has its dot. */
  double level = round (view->zoom), scale, dx, dy;
  int width = view->width, height = view->height;
  cairo_t *cr;

  g_return_if_fail (DOSSIER_IS_BASEMAP_LAYER (self));

  g_array_set_size (self->labels, 0);
  self->n_labels = 0;
  if (width <= 0 || height <= 0)
    return;
  if (covered != NULL)
    g_array_append_vals (taken, covered->data, covered->len);
  dossier_map_view_transform (view, &scale, &dx, &dy);

  /* The dots shown, in the order of places[]. */
  for (guint i = 0; i < self->places->len; i++)
    {
      Place *place = &g_array_index (self->places, Place, i);
      double x = place->x * scale + dx, y = place->y * scale + dy, r = place_radius (place) + 1;
      Dot dot = { .rank = place->rank };

      if (level < place_min_zoom (place) || x < -8 || y < -8 || x > width + 8 || y > height + 8)
        continue;
      graphene_rect_init (&dot.box, x - r, y - r, 2 * r, 2 * r);
      g_array_append_val (dots, dot);
    }

  place_town_names (self, placed, taken, dots, avoid, 1, level, scale, dx, dy, width, height);
  /* The regions' names between whole Mali and the cercles' towns. */
  if (level >= 4 && level <= 9)
    place_area_names (self, placed, taken, dots, avoid, DOSSIER_MAP_LABEL_REGION, scale, dx, dy, width, height);
  place_town_names (self, placed, taken, dots, avoid, 2, level, scale, dx, dy, width, height);
  place_town_names (self, placed, taken, dots, avoid, 3, level, scale, dx, dy, width, height);
  if (level <= 7)
    place_area_names (self, placed, taken, dots, avoid, DOSSIER_MAP_LABEL_COUNTRY, scale, dx, dy, width, height);
  self->n_labels = placed->len;
  if (placed->len == 0)
    return;

  /* The halos first, as lines (kept as lines in SVG and PDF, where the names stay text),
   * then the names. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, 3);
  _dossier_basemap_set_ink (cr, DOSSIER_MAP_INK_HALO);
  for (guint i = 0; i < placed->len; i++)
    {
      Placed *p = &g_array_index (placed, Placed, i);

      cairo_move_to (cr, p->box.origin.x + 1, p->box.origin.y);
      pango_cairo_layout_path (cr, p->layout);
    }
  cairo_stroke (cr);
  cairo_destroy (cr);
  for (guint i = 0; i < placed->len; i++)
    {
      Placed *p = &g_array_index (placed, Placed, i);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (p->box.origin.x + 1, p->box.origin.y));
      gtk_snapshot_append_layout (snapshot, p->layout, &p->ink);
      gtk_snapshot_restore (snapshot);
    }
}

/**
 * dossier_basemap_layer_get_labels:
 * @self: a #DossierBasemapLayer
 *
 * Returns: (transfer none) (element-type DossierMapLabel): the names drawn by the last
 *   dossier_basemap_layer_append_labels(), with their boxes in the view's pixels
 */
GArray *
dossier_basemap_layer_get_labels (DossierBasemapLayer *self)
{
  g_return_val_if_fail (DOSSIER_IS_BASEMAP_LAYER (self), NULL);
  return self->labels;
}

