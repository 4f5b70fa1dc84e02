/* dossier-basemap-layer.c: the offline basemap: countries, Mali's regions, rivers, places
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawn from GeoJSON shipped in the program (data/geo, see its README for sources and
 * licences), so that the map works with no network at all. The shapes are projected once,
 * when loaded; a frame only scales and shifts them, skipping what is outside the view.
 * Place names appear by rank as the map zooms in (regional capitals first), and a name is
 * left out rather than drawn over another.
 */
#include "config.h"

#include <math.h>

#include <json-glib/json-glib.h>

#include "dossier-basemap-layer.h"
#include "dossier-geo.h"

#define GEO_PREFIX "/org/dossier/Dossier/geo/"

typedef enum {
  SHAPE_COUNTRY,
  SHAPE_MALI,       /* Mali itself, drawn lighter */
  SHAPE_REGION,     /* Mali's regions: their borders */
  SHAPE_RIVER,
  SHAPE_LAKE,
} ShapeKind;

typedef struct {
  ShapeKind  kind;
  GArray    *rings;    /* of GArray of double x, y pairs (projected, 0..1) */
  double     bbox[4];  /* min x, min y, max x, max y */
  char      *label;    /* countries: their name */
  double     label_x;
  double     label_y;
} Shape;

typedef struct {
  char   *name;
  double  x;
  double  y;
  int     rank;        /* 1: capitals, 2: towns, 3: the rest */
  gint64  population;
} Place;

struct _DossierBasemapLayer
{
  ShumateLayer  parent_instance;

  char         *lang;
  GPtrArray    *shapes;   /* Shape */
  GArray       *places;   /* Place, by rank then population */
  guint         n_labels; /* drawn in the last frame */
  GHashTable   *layouts;  /* name → PangoLayout */
};

G_DEFINE_FINAL_TYPE (DossierBasemapLayer, dossier_basemap_layer, SHUMATE_TYPE_LAYER)

static void
ring_free (gpointer data)
{
  g_array_unref (*(GArray **) data);
}

static void
shape_free (Shape *shape)
{
  g_array_unref (shape->rings);
  g_free (shape->label);
  g_free (shape);
}

static void
place_clear (gpointer data)
{
  g_free (((Place *) data)->name);
}

static void
add_ring (Shape     *shape,
          JsonArray *coordinates)
{
  GArray *ring = g_array_sized_new (FALSE, FALSE, sizeof (double), 2 * json_array_get_length (coordinates));

  for (guint i = 0; i < json_array_get_length (coordinates); i++)
    {
      JsonArray *point = json_array_get_array_element (coordinates, i);
      double x, y;

      if (point == NULL || json_array_get_length (point) < 2)
        continue;
      dossier_geo_project (json_array_get_double_element (point, 1), json_array_get_double_element (point, 0), &x, &y);
      g_array_append_val (ring, x);
      g_array_append_val (ring, y);
      shape->bbox[0] = MIN (shape->bbox[0], x);
      shape->bbox[1] = MIN (shape->bbox[1], y);
      shape->bbox[2] = MAX (shape->bbox[2], x);
      shape->bbox[3] = MAX (shape->bbox[3], y);
    }
  g_array_append_val (shape->rings, ring);
}

/* Polygons and lines, single or multiple, become rings; holes are drawn even-odd. */
static void
add_geometry (Shape      *shape,
              JsonObject *geometry)
{
  const char *type = json_object_get_string_member_with_default (geometry, "type", "");
  JsonArray *coordinates = json_object_get_array_member (geometry, "coordinates");

  if (coordinates == NULL)
    return;
  if (g_str_equal (type, "LineString"))
    add_ring (shape, coordinates);
  else if (g_str_equal (type, "Polygon") || g_str_equal (type, "MultiLineString"))
    for (guint i = 0; i < json_array_get_length (coordinates); i++)
      add_ring (shape, json_array_get_array_element (coordinates, i));
  else if (g_str_equal (type, "MultiPolygon"))
    for (guint i = 0; i < json_array_get_length (coordinates); i++)
      {
        JsonArray *polygon = json_array_get_array_element (coordinates, i);

        for (guint j = 0; polygon && j < json_array_get_length (polygon); j++)
          add_ring (shape, json_array_get_array_element (polygon, j));
      }
}

/**
 * dossier_basemap_load_features:
 * @name: a file of data/geo, such as "places.geojson"
 *
 * Returns: (transfer full) (nullable): the features of that GeoJSON file built into the
 *   program, or %NULL if it is not there
 */
JsonArray *
dossier_basemap_load_features (const char *name)
{
  g_autofree char *path = g_strconcat (GEO_PREFIX, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  if (bytes == NULL)
    return NULL;
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    {
      g_warning ("The basemap file %s is damaged: %s", name, error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root) || json_object_get_array_member (json_node_get_object (root), "features") == NULL)
    return NULL;
  return json_array_ref (json_object_get_array_member (json_node_get_object (root), "features"));
}

/* A point feature's properties and coordinates, or FALSE if it is not one. */
gboolean
dossier_basemap_point_feature (JsonArray   *features,
                               guint        index,
                               JsonObject **properties,
                               double      *latitude,
                               double      *longitude)
{
  JsonObject *feature = json_array_get_object_element (features, index);
  JsonObject *geometry = feature ? json_object_get_object_member (feature, "geometry") : NULL;
  JsonArray *point = geometry ? json_object_get_array_member (geometry, "coordinates") : NULL;

  *properties = feature ? json_object_get_object_member (feature, "properties") : NULL;
  if (point == NULL || *properties == NULL || json_array_get_length (point) < 2)
    return FALSE;
  *longitude = json_array_get_double_element (point, 0);
  *latitude = json_array_get_double_element (point, 1);
  return TRUE;
}

static void
load_shapes (DossierBasemapLayer *self,
             const char          *file,
             ShapeKind            kind)
{
  g_autoptr(JsonArray) features = dossier_basemap_load_features (file);

  for (guint i = 0; features && i < json_array_get_length (features); i++)
    {
      JsonObject *feature = json_array_get_object_element (features, i);
      JsonObject *geometry = feature ? json_object_get_object_member (feature, "geometry") : NULL;
      JsonObject *properties = feature ? json_object_get_object_member (feature, "properties") : NULL;
      Shape *shape;

      if (geometry == NULL)
        continue;
      shape = g_new0 (Shape, 1);
      shape->kind = kind;
      shape->rings = g_array_new (FALSE, FALSE, sizeof (GArray *));
      g_array_set_clear_func (shape->rings, ring_free);
      shape->bbox[0] = shape->bbox[1] = G_MAXDOUBLE;
      shape->bbox[2] = shape->bbox[3] = -G_MAXDOUBLE;
      add_geometry (shape, geometry);
      if (properties != NULL)
        {
          const char *lake = json_object_get_string_member_with_default (properties, "kind", "");

          if (kind == SHAPE_RIVER && g_str_equal (lake, "lake"))
            shape->kind = SHAPE_LAKE;
          if (kind == SHAPE_COUNTRY)
            {
              const char *iso = json_object_get_string_member_with_default (properties, "iso_a3", "");
              const char *name = json_object_get_string_member_with_default (properties,
                                                                             g_str_equal (self->lang, "fr") ? "name_fr" : "name_en", "");

              if (g_str_equal (iso, "MLI"))
                shape->kind = SHAPE_MALI;
              shape->label = g_strdup (name);
            }
        }
      shape->label_x = (shape->bbox[0] + shape->bbox[2]) / 2;
      shape->label_y = (shape->bbox[1] + shape->bbox[3]) / 2;
      if (shape->rings->len == 0)
        shape_free (shape);
      else
        g_ptr_array_add (self->shapes, shape);
    }
}

static int
compare_places (gconstpointer a,
                gconstpointer b)
{
  const Place *p = a, *q = b;

  if (p->rank != q->rank)
    return p->rank - q->rank;
  return (q->population > p->population) - (q->population < p->population);
}

static void
load_places (DossierBasemapLayer *self)
{
  g_autoptr(JsonArray) features = dossier_basemap_load_features ("places.geojson");

  for (guint i = 0; features && i < json_array_get_length (features); i++)
    {
      JsonObject *properties;
      double latitude, longitude;
      Place place = { 0 };

      if (!dossier_basemap_point_feature (features, i, &properties, &latitude, &longitude))
        continue;
      place.name = g_strdup (json_object_get_string_member_with_default (properties, "name", ""));
      place.rank = json_object_get_int_member_with_default (properties, "rank", 3);
      place.population = json_object_get_int_member_with_default (properties, "population", 0);
      dossier_geo_project (latitude, longitude, &place.x, &place.y);
      g_array_append_val (self->places, place);
    }
  g_array_sort (self->places, compare_places);
}

static void
trace (cairo_t *cr,
       Shape   *shape,
       double   scale,
       double   dx,
       double   dy,
       gboolean close)
{
  for (guint r = 0; r < shape->rings->len; r++)
    {
      GArray *ring = g_array_index (shape->rings, GArray *, r);
      const double *p = (const double *) ring->data;

      double last_x = 0, last_y = 0;

      for (guint i = 0; i + 1 < ring->len; i += 2)
        {
          double x = p[i] * scale + dx, y = p[i + 1] * scale + dy;

          if (i == 0)
            cairo_move_to (cr, x, y);
          /* Points closer than a pixel to the last one drawn add nothing but time: a
           * country's outline at zoom 5 keeps a tenth of its points. */
          else if (fabs (x - last_x) + fabs (y - last_y) >= 1.0 || i + 3 >= ring->len)
            cairo_line_to (cr, x, y);
          else
            continue;
          last_x = x;
          last_y = y;
        }
      if (close)
        cairo_close_path (cr);
    }
}

static PangoLayout *
layout_for (DossierBasemapLayer *self,
            const char          *text,
            gboolean             country)
{
  g_autofree char *key = g_strconcat (country ? "C" : "P", text, NULL);
  PangoLayout *layout = g_hash_table_lookup (self->layouts, key);

  if (layout == NULL)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
      pango_attr_list_insert (attrs, pango_attr_scale_new (country ? 0.95 : 0.8));
      if (country)
        {
          pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
          pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (2 * PANGO_SCALE));
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

static void
dossier_basemap_layer_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  DossierBasemapLayer *self = DOSSIER_BASEMAP_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  double zoom, scale, cx, cy, dx, dy;
  double view[4];
  cairo_t *cr;
  GdkRGBA ink = { 0.25, 0.25, 0.25, 1 }, country_ink = { 0.45, 0.42, 0.38, 1 };

  if (viewport == NULL || width <= 0 || height <= 0)
    return;
  zoom = shumate_viewport_get_zoom_level (viewport);
  scale = 256 * pow (2, zoom);
  dossier_geo_project (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                       shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), &cx, &cy);
  dx = width / 2.0 - cx * scale;
  dy = height / 2.0 - cy * scale;
  view[0] = -dx / scale;
  view[1] = -dy / scale;
  view[2] = (width - dx) / scale;
  view[3] = (height - dy) / scale;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* The sea and the world beyond the data: a neutral ground. */
  cairo_set_source_rgb (cr, 0.87, 0.90, 0.92);
  cairo_paint (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (int pass = 0; pass < 4; pass++)
    for (guint i = 0; i < self->shapes->len; i++)
      {
        Shape *shape = self->shapes->pdata[i];

        if (shape->bbox[2] < view[0] || shape->bbox[0] > view[2] || shape->bbox[3] < view[1] || shape->bbox[1] > view[3])
          continue;
        if (pass == 0 && (shape->kind == SHAPE_COUNTRY || shape->kind == SHAPE_MALI))
          {
            /* Land, Mali lighter than its neighbours, borders grey. */
            trace (cr, shape, scale, dx, dy, TRUE);
            if (shape->kind == SHAPE_MALI)
              cairo_set_source_rgb (cr, 0.98, 0.97, 0.94);
            else
              cairo_set_source_rgb (cr, 0.93, 0.91, 0.87);
            cairo_fill_preserve (cr);
            cairo_set_source_rgb (cr, 0.55, 0.53, 0.50);
            cairo_set_line_width (cr, shape->kind == SHAPE_MALI ? 1.6 : 1.0);
            cairo_stroke (cr);
          }
        else if (pass == 1 && shape->kind == SHAPE_REGION)
          {
            trace (cr, shape, scale, dx, dy, TRUE);
            cairo_set_source_rgba (cr, 0.55, 0.45, 0.55, 0.7);
            cairo_set_line_width (cr, 0.8);
            cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
            cairo_stroke (cr);
            cairo_set_dash (cr, NULL, 0, 0);
          }
        else if (pass == 2 && shape->kind == SHAPE_LAKE)
          {
            trace (cr, shape, scale, dx, dy, TRUE);
            cairo_set_source_rgb (cr, 0.65, 0.80, 0.92);
            cairo_fill (cr);
          }
        else if (pass == 3 && shape->kind == SHAPE_RIVER)
          {
            trace (cr, shape, scale, dx, dy, FALSE);
            cairo_set_source_rgb (cr, 0.45, 0.66, 0.85);
            cairo_set_line_width (cr, CLAMP (zoom - 3, 1, 3));
            cairo_stroke (cr);
          }
      }

  /* Places: a dot each, by rank as the map zooms in. */
  self->n_labels = 0;
  for (guint i = 0; i < self->places->len; i++)
    {
      Place *place = &g_array_index (self->places, Place, i);
      double x = place->x * scale + dx, y = place->y * scale + dy;
      int min_zoom = place->rank == 1 ? 4 : place->rank == 2 ? 6 : 8;

      if (zoom < min_zoom || x < -50 || y < -20 || x > width + 50 || y > height + 20)
        continue;
      cairo_arc (cr, x, y, place->rank == 1 ? 3 : 2, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      cairo_fill (cr);
    }
  cairo_destroy (cr);

  /* Their names, most important first, never over one another. */
  for (guint i = 0; i < self->places->len; i++)
    {
      Place *place = &g_array_index (self->places, Place, i);
      double x = place->x * scale + dx, y = place->y * scale + dy;
      int min_zoom = place->rank == 1 ? 4 : place->rank == 2 ? 6 : 8;
      PangoLayout *layout;
      graphene_rect_t rect;
      int w, h;

      if (zoom < min_zoom || x < -50 || y < -20 || x > width + 50 || y > height + 20 || *place->name == '\0')
        continue;
      layout = layout_for (self, place->name, FALSE);
      pango_layout_get_pixel_size (layout, &w, &h);
      graphene_rect_init (&rect, x + 4, y - h / 2.0, w, h);
      if (overlaps (taken, &rect))
        continue;
      g_array_append_val (taken, rect);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &rect.origin);
      gtk_snapshot_append_layout (snapshot, layout, &ink);
      gtk_snapshot_restore (snapshot);
      self->n_labels++;
    }
  /* Countries' names when they fit, under the places. */
  if (zoom <= 7)
    for (guint i = 0; i < self->shapes->len; i++)
      {
        Shape *shape = self->shapes->pdata[i];
        double x, y;
        PangoLayout *layout;
        graphene_rect_t rect;
        int w, h;

        if ((shape->kind != SHAPE_COUNTRY && shape->kind != SHAPE_MALI) || shape->label == NULL || *shape->label == '\0')
          continue;
        x = shape->label_x * scale + dx;
        y = shape->label_y * scale + dy;
        layout = layout_for (self, shape->label, TRUE);
        pango_layout_get_pixel_size (layout, &w, &h);
        graphene_rect_init (&rect, x - w / 2.0, y - h / 2.0, w, h);
        if (rect.origin.x < 0 || rect.origin.y < 0 || x + w / 2.0 > width || y + h / 2.0 > height ||
            (shape->bbox[2] - shape->bbox[0]) * scale < w || overlaps (taken, &rect))
          continue;
        g_array_append_val (taken, rect);
        gtk_snapshot_save (snapshot);
        gtk_snapshot_translate (snapshot, &rect.origin);
        gtk_snapshot_append_layout (snapshot, layout, &country_ink);
        gtk_snapshot_restore (snapshot);
        self->n_labels++;
      }
}

static void
dossier_basemap_layer_finalize (GObject *object)
{
  DossierBasemapLayer *self = DOSSIER_BASEMAP_LAYER (object);

  g_clear_pointer (&self->shapes, g_ptr_array_unref);
  g_clear_pointer (&self->places, g_array_unref);
  g_clear_pointer (&self->layouts, g_hash_table_unref);
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
  self->shapes = g_ptr_array_new_with_free_func ((GDestroyNotify) shape_free);
  self->places = g_array_new (FALSE, TRUE, sizeof (Place));
  g_array_set_clear_func (self->places, place_clear);
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
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
  load_shapes (self, "countries.geojson", SHAPE_COUNTRY);
  load_shapes (self, "mali-regions.geojson", SHAPE_REGION);
  load_shapes (self, "hydro.geojson", SHAPE_RIVER);
  load_places (self);
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

/* The names drawn in the last frame, after leaving out those that would overlap. */
guint
dossier_basemap_layer_get_n_labels (DossierBasemapLayer *self)
{
  g_return_val_if_fail (DOSSIER_IS_BASEMAP_LAYER (self), 0);
  return self->n_labels;
}
