/* dossier-basemap-layer.c: the offline basemap: countries, Mali's regions, rivers, places
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawn from GeoJSON shipped in the program (data/geo, see its README for sources and
 * licences), so that the map works with no network at all. The shapes are projected once,
 * when loaded. On screen they are drawn into square tiles kept as textures, so that a
 * frame mostly places images; a figure for export draws them as lines.
 * Names are not drawn with the land: DossierLabelLayer asks for them over the incidents, so
 * that a cluster never hides a town's name. They appear by rank as the map zooms in (Bamako
 * and the regions' chefs-lieux first, then the regions' names, the cercles' towns, the other
 * places and the countries); each tries a few spots around its dot, and a name that finds
 * no free spot is left out rather than drawn over another name or the dot of a place as
 * important.
 */
#include "config.h"

#include <math.h>

#include "dossier-basemap-layer-private.h"
#include "dossier-test-hooks.h"

G_DEFINE_FINAL_TYPE (DossierBasemapLayer, dossier_basemap_layer, SHUMATE_TYPE_LAYER)

/* Where a point lies around @box (left, top, right, bottom): one bit per side it is beyond. */
static inline guint
outcode (double        x,
         double        y,
         const double *box)
{
  return (x < box[0]) | (y < box[1]) << 1 | (x > box[2]) << 2 | (y > box[3]) << 3;
}

/* Adds @shape's rings to the path. With a @box, points that cannot change what is drawn
 * inside it are left out: a point is skipped while it, the next one and the last one kept
 * all lie beyond the same side of the box, so the path left out and its shortcut stay
 * beyond that side and fill the same pixels inside. A tile at zoom 10 thus traces a few
 * dozen points of Mali's outline rather than all of them. */
static void
trace (cairo_t      *cr,
       Shape        *shape,
       double        scale,
       double        dx,
       double        dy,
       gboolean      close,
       const double *box)
{
  for (guint r = 0; r < shape->rings->len; r++)
    {
      GArray *ring = g_array_index (shape->rings, GArray *, r);
      const double *p = (const double *) ring->data;
      double last_x = 0, last_y = 0;
      guint last_code = 0;

      for (guint i = 0; i + 1 < ring->len; i += 2)
        {
          double x = p[i] * scale + dx, y = p[i + 1] * scale + dy;
          gboolean end = i + 3 >= ring->len;

          if (i > 0 && !end && box != NULL)
            {
              guint code = outcode (x, y, box);
              guint next = outcode (p[i + 2] * scale + dx, p[i + 3] * scale + dy, box);

              if ((last_code & code & next) != 0)
                continue;
            }
          if (i == 0)
            cairo_move_to (cr, x, y);
          /* Points closer than a pixel to the last one drawn add nothing but time: a
           * country's outline at zoom 5 keeps a tenth of its points. */
          else if (fabs (x - last_x) + fabs (y - last_y) >= 1.0 || end)
            cairo_line_to (cr, x, y);
          else
            continue;
          last_x = x;
          last_y = y;
          last_code = box != NULL ? outcode (x, y, box) : 0;
        }
      if (close)
        cairo_close_path (cr);
    }
}

/* The land, borders, water and place dots of the area @view (projected), drawn at @scale
 * pixels per projected unit with the origin shifted by @dx, @dy. */
static void
draw_shapes (DossierBasemapLayer *self,
             cairo_t             *cr,
             double               zoom,
             double               scale,
             double               dx,
             double               dy,
             const double         view[4])
{
  /* The area in pixels, with room for the widest line. */
  const double box[4] = { view[0] * scale + dx - 4, view[1] * scale + dy - 4,
                          view[2] * scale + dx + 4, view[3] * scale + dy + 4 };

  _dossier_basemap_set_ink (cr, DOSSIER_MAP_INK_SEA);
  cairo_paint (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (int pass = 0; pass < 3; pass++)
    for (guint i = 0; i < self->shapes->len; i++)
      {
        Shape *shape = self->shapes->pdata[i];

        if (shape->bbox[2] < view[0] || shape->bbox[0] > view[2] || shape->bbox[3] < view[1] || shape->bbox[1] > view[3])
          continue;
        if (pass == 0 && (shape->kind == SHAPE_COUNTRY || shape->kind == SHAPE_MALI))
          {
            /* Land, Mali lighter than its neighbours, borders grey. */
            trace (cr, shape, scale, dx, dy, TRUE, box);
            if (shape->kind == SHAPE_MALI)
              _dossier_basemap_set_ink (cr, DOSSIER_MAP_INK_MALI);
            else
              _dossier_basemap_set_ink (cr, DOSSIER_MAP_INK_LAND);
            cairo_fill_preserve (cr);
            _dossier_basemap_set_ink (cr, DOSSIER_MAP_INK_BORDER);
            cairo_set_line_width (cr, shape->kind == SHAPE_MALI ? 1.6 : 1.0);
            cairo_stroke (cr);
          }
        else if (pass == 1 && shape->kind == SHAPE_REGION)
          {
            /* Whole, so that the dashes meet across tiles. */
            trace (cr, shape, scale, dx, dy, TRUE, NULL);
            _dossier_basemap_set_ink (cr, DOSSIER_MAP_INK_REGION_BORDER);
            cairo_set_line_width (cr, 0.8);
            cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
            cairo_stroke (cr);
            cairo_set_dash (cr, NULL, 0, 0);
          }
        else if (pass == 2 && (shape->kind == SHAPE_LAKE || shape->kind == SHAPE_RIVER))
          {
            /* Water areas: a river is mapped as its banks, narrower than a pixel at most
             * zooms, so it is outlined as well as filled to stay visible. */
            trace (cr, shape, scale, dx, dy, TRUE, box);
            _dossier_basemap_set_ink (cr, DOSSIER_MAP_INK_WATER);
            cairo_fill_preserve (cr);
            cairo_set_line_width (cr, shape->kind == SHAPE_RIVER ? CLAMP (zoom - 4, 1, 2.5) : 0.8);
            cairo_stroke (cr);
          }
      }

  /* Places: a dot each, by rank as the map zooms in, at whole levels as their names. */
  _dossier_basemap_set_ink (cr, DOSSIER_MAP_INK_PLACE);
  for (guint i = 0; i < self->places->len; i++)
    {
      Place *place = &g_array_index (self->places, Place, i);

      if (round (zoom) < place_min_zoom (place) || place->x < view[0] || place->x > view[2] || place->y < view[1] || place->y > view[3])
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, place->x * scale + dx, place->y * scale + dy, place_radius (place), 0, 2 * G_PI);
    }
  cairo_fill (cr);
}

static guint64
tile_key (int z,
          int x,
          int y)
{
  return ((guint64) z << 56) | ((guint64) x << 28) | (guint64) y;
}

static cairo_surface_t *
render_tile (DossierBasemapLayer *self,
             int                  z,
             int                  x,
             int                  y)
{
  double scale = 256 * pow (2, z), margin = 4 / scale;
  double view[4] = { x * TILE_SIZE / scale - margin, y * TILE_SIZE / scale - margin,
                     (x + 1) * TILE_SIZE / scale + margin, (y + 1) * TILE_SIZE / scale + margin };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, TILE_SIZE, TILE_SIZE);
  cairo_t *cr = cairo_create (surface);
  Tile *tile;

  draw_shapes (self, cr, z, scale, -x * TILE_SIZE, -y * TILE_SIZE, view);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  tile = g_new0 (Tile, 1);
  tile->surface = surface;
  tile->used = self->frame;
  g_hash_table_insert (self->tiles, g_memdup2 ((guint64[]) { tile_key (z, x, y) }, sizeof (guint64)), tile);
  return surface;
}

static cairo_surface_t *
cached_tile (DossierBasemapLayer *self,
             int                  z,
             int                  x,
             int                  y)
{
  guint64 key = tile_key (z, x, y);
  Tile *tile = g_hash_table_lookup (self->tiles, &key);

  if (tile == NULL)
    return NULL;
  tile->used = self->frame;
  return tile->surface;
}

/* Keeps the tiles used last, up to MAX_TILES. */
static void
trim_tiles (DossierBasemapLayer *self)
{
  while (g_hash_table_size (self->tiles) > MAX_TILES)
    {
      GHashTableIter iter;
      gpointer key, value, oldest = NULL;
      guint64 oldest_used = G_MAXUINT64;

      g_hash_table_iter_init (&iter, self->tiles);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (((Tile *) value)->used < oldest_used)
          {
            oldest_used = ((Tile *) value)->used;
            oldest = key;
          }
      g_hash_table_remove (self->tiles, oldest);
    }
}

static gboolean
refill (gpointer data)
{
  DossierBasemapLayer *self = data;

  self->refill_id = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/* The screen is tiled at the nearest whole zoom level; tiles are drawn once and kept as
 * images, so that panning and zooming only copy pixels. (Cairo surfaces rather than
 * textures: GTK 4.8's cairo renderer converts a texture's every pixel on every frame.) A frame draws new tiles for TILE_BUDGET_US at most; beyond that, the tile of
 * the level above stands in, scaled, and the missing ones are drawn in the next frames. */
static void
append_tiles (DossierBasemapLayer *self,
              GtkSnapshot         *snapshot,
              double               zoom,
              double               scale,
              double               dx,
              double               dy,
              int                  width,
              int                  height)
{
  int z = CLAMP ((int) round (zoom), 0, 20);
  double tile_scale = 256 * pow (2, z), f = scale / tile_scale;
  int n = (int) (tile_scale / TILE_SIZE);
  int x0 = MAX (0, (int) floor (-dx / f / TILE_SIZE)), x1 = MIN (n - 1, (int) floor ((width - dx) / f / TILE_SIZE));
  int y0 = MAX (0, (int) floor (-dy / f / TILE_SIZE)), y1 = MIN (n - 1, (int) floor ((height - dy) / f / TILE_SIZE));
  gint64 deadline = g_get_monotonic_time () + TILE_BUDGET_US;
  gboolean first = g_hash_table_size (self->tiles) == 0;
  gboolean missing = FALSE;
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  self->frame++;
  _dossier_basemap_set_ink (cr, DOSSIER_MAP_INK_SEA);
  cairo_paint (cr);
  for (int y = y0; y <= y1; y++)
    for (int x = x0; x <= x1; x++)
      {
        /* Edges rounded to whole pixels, shared by neighbours: no seams. */
        double left = round (x * TILE_SIZE * f + dx), right = round ((x + 1) * TILE_SIZE * f + dx);
        double top = round (y * TILE_SIZE * f + dy), bottom = round ((y + 1) * TILE_SIZE * f + dy);
        cairo_surface_t *surface = cached_tile (self, z, x, y);
        int tx = x, ty = y, level = z;

        if (surface == NULL && (first || g_get_monotonic_time () < deadline))
          surface = render_tile (self, z, x, y);
        if (surface == NULL)
          {
            missing = TRUE;
            if (z == 0 || (surface = cached_tile (self, z - 1, x / 2, y / 2)) == NULL)
              continue;
            tx = x / 2, ty = y / 2, level = z - 1;
          }
        cairo_save (cr);
        cairo_rectangle (cr, left, top, right - left, bottom - top);
        cairo_clip (cr);
        if (level == z)
          {
            cairo_translate (cr, left, top);
            cairo_scale (cr, (right - left) / TILE_SIZE, (bottom - top) / TILE_SIZE);
          }
        else
          {
            cairo_translate (cr, tx * 2 * TILE_SIZE * f + dx, ty * 2 * TILE_SIZE * f + dy);
            cairo_scale (cr, 2 * f, 2 * f);
          }
        cairo_set_source_surface (cr, surface, 0, 0);
        /* Bilinear: the tiles are never more than √2 away from their own scale. */
        cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
        cairo_paint (cr);
        cairo_restore (cr);
      }
  cairo_destroy (cr);
  trim_tiles (self);
  if (missing && self->refill_id == 0)
    self->refill_id = g_idle_add (refill, self);
}

/**
 * dossier_basemap_layer_append_view:
 * @self: a #DossierBasemapLayer
 * @snapshot: where to draw
 * @view: what to draw, whatever the layer's viewport shows
 *
 * Draws the basemap of @view as lines, for a figure: at the view's own zoom, sharp at any
 * size, and kept as vectors in SVG and PDF. The names come over the incidents, from
 * dossier_basemap_layer_append_labels().
 */
void
dossier_basemap_layer_append_view (DossierBasemapLayer  *self,
                                   GtkSnapshot          *snapshot,
                                   const DossierMapView *view)
{
  double scale, dx, dy, area[4];
  cairo_t *cr;

  g_return_if_fail (DOSSIER_IS_BASEMAP_LAYER (self));

  if (view->width <= 0 || view->height <= 0)
    return;
  dossier_map_view_transform (view, &scale, &dx, &dy);
  area[0] = -dx / scale;
  area[1] = -dy / scale;
  area[2] = (view->width - dx) / scale;
  area[3] = (view->height - dy) / scale;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, view->width, view->height));
  draw_shapes (self, cr, view->zoom, scale, dx, dy, area);
  cairo_destroy (cr);
}

static void
dossier_basemap_layer_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  DossierBasemapLayer *self = DOSSIER_BASEMAP_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  DossierMapView view = { 0 };
  double scale, dx, dy;

  if (viewport == NULL || gtk_widget_get_width (widget) <= 0 || gtk_widget_get_height (widget) <= 0)
    return;
  view.latitude = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  view.longitude = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  view.zoom = shumate_viewport_get_zoom_level (viewport);
  view.width = gtk_widget_get_width (widget);
  view.height = gtk_widget_get_height (widget);

  dossier_map_view_transform (&view, &scale, &dx, &dy);
  append_tiles (self, snapshot, view.zoom, scale, dx, dy, view.width, view.height);
}

static void
dossier_basemap_layer_finalize (GObject *object)
{
  DossierBasemapLayer *self = DOSSIER_BASEMAP_LAYER (object);

  g_clear_pointer (&self->shapes, g_ptr_array_unref);
  g_clear_pointer (&self->places, g_array_unref);
  g_clear_pointer (&self->layouts, g_hash_table_unref);
  g_clear_pointer (&self->labels, g_array_unref);
  g_clear_pointer (&self->tiles, g_hash_table_unref);
  g_clear_handle_id (&self->refill_id, g_source_remove);
  g_clear_pointer (&self->lang, g_free);

  G_OBJECT_CLASS (dossier_basemap_layer_parent_class)->finalize (object);
}

static void
dossier_basemap_layer_class_init (DossierBasemapLayerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_basemap_layer_finalize;
  GTK_WIDGET_CLASS (klass)->snapshot = dossier_basemap_layer_snapshot;
}

static void
dossier_basemap_layer_init (DossierBasemapLayer *self)
{
  self->shapes = g_ptr_array_new_with_free_func ((GDestroyNotify) _dossier_basemap_shape_free);
  self->places = g_array_new (FALSE, TRUE, sizeof (Place));
  g_array_set_clear_func (self->places, _dossier_basemap_place_clear);
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->labels = g_array_new (FALSE, FALSE, sizeof (DossierMapLabel));
  self->tiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) _dossier_basemap_tile_free);
}

static void
on_viewport_changed (DossierBasemapLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * dossier_basemap_layer_new:
 * @viewport: the map's viewport
 * @lang: "fr" or "en", for the countries' names
 *
 * Returns: (transfer full): the basemap, read from the program's resources
 */
DossierBasemapLayer *
dossier_basemap_layer_new (ShumateViewport *viewport,
                           const char      *lang)
{
  DossierBasemapLayer *self = g_object_new (DOSSIER_TYPE_BASEMAP_LAYER, "viewport", viewport, NULL);

  self->lang = g_strdup (lang);
  _dossier_basemap_load_shapes (self, "countries.geojson", SHAPE_COUNTRY);
  _dossier_basemap_load_shapes (self, "mali-regions.geojson", SHAPE_REGION);
  _dossier_basemap_load_shapes (self, "hydro.geojson", SHAPE_RIVER);
  _dossier_basemap_load_places (self);
  g_signal_connect_object (viewport, "notify::latitude", G_CALLBACK (on_viewport_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::longitude", G_CALLBACK (on_viewport_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::zoom-level", G_CALLBACK (on_viewport_changed), self, G_CONNECT_SWAPPED);
  return self;
}

guint
dossier_basemap_layer_get_n_shapes (DossierBasemapLayer *self)
{
  g_return_val_if_fail (DOSSIER_IS_BASEMAP_LAYER (self), 0);
  return self->shapes->len;
}

guint
dossier_basemap_layer_get_n_places (DossierBasemapLayer *self)
{
  g_return_val_if_fail (DOSSIER_IS_BASEMAP_LAYER (self), 0);
  return self->places->len;
}

/* The names drawn by the last dossier_basemap_layer_append_labels(), after leaving out
 * those that had no free spot. */
guint
dossier_basemap_layer_get_n_labels (DossierBasemapLayer *self)
{
  g_return_val_if_fail (DOSSIER_IS_BASEMAP_LAYER (self), 0);
  return self->n_labels;
}
