/* dossier-map-figure.c: the map as a figure for a document, drawn from chosen incidents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A figure for an annex says what the annex's profile lets out, not what the screen
 * happens to show: it is drawn afresh, offscreen, from the incidents it is given (the
 * profile's, within the export's scope), over the offline basemap, and under it the whole
 * legend, a scale and the credits, in the annex's language. Nothing of the screen goes in:
 * no evidence (where a photograph was taken could lead to a witness), no selection, no
 * hint or button, no tiles fetched from the network.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "dossier-basemap-layer.h"
#include "dossier-incident.h"
#include "dossier-label-layer.h"
#include "dossier-look.h"
#include "dossier-map-figure.h"
#include "dossier-vocab.h"

#define MARGIN      6
#define MAX_KEYS    12      /* as the screen's legend */
#define SWATCH      16      /* a mark, with its rings */
#define FIT_WIDTH   600     /* a figure for no view: the annex's box, 5:4 */
#define FIT_HEIGHT  480


/* A message in the document's language, or the interface's when there is no catalogue. */
static const char *tr (DossierCatalog *catalog,
                       const char     *msgid) G_GNUC_FORMAT (2);

static const char *
tr (DossierCatalog *catalog,
    const char     *msgid)
{
  return catalog != NULL ? dossier_catalog_get (catalog, msgid) : gettext (msgid);
}

static PangoLayout *
new_layout (GtkWidget  *widget,
            const char *text,
            double      scale,
            gboolean    bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static void
append_text (GtkSnapshot *snapshot,
             PangoLayout *layout,
             double       x,
             double       y)
{
  const GdkRGBA ink = dossier_basemap_ink (DOSSIER_MAP_INK_TEXT);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, &ink);
  gtk_snapshot_restore (snapshot);
}

/* A scale bar with its top left corner at @x, @y, drawn as rectangles: cairo's SVG output
 * would misplace a cairo drawing, and libshumate's own scale makes cairo turn a page into
 * a picture. Returns its width; @height is set to its height. */
static double
append_scale_bar (GtkSnapshot          *snapshot,
                  GtkWidget            *widget,
                  const DossierMapView *view,
                  DossierCatalog       *catalog,
                  double                x,
                  double                y,
                  double               *height)
{
  double metres_per_pixel = 156543.034 * cos (view->latitude * G_PI / 180) / pow (2, view->zoom);
  double longest = metres_per_pixel * 120, step = pow (10, floor (log10 (longest))), metres, length, bottom;
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  const GdkRGBA ink = dossier_basemap_ink (DOSSIER_MAP_INK_TEXT);
  int text_width, text_height;

  *height = 0;
  if (!(metres_per_pixel > 0))
    return 0;
  metres = longest >= 5 * step ? 5 * step : longest >= 2 * step ? 2 * step : step;
  length = metres / metres_per_pixel;
  if (metres >= 1000)
    /* Translators: a distance on a map's scale bar, e.g. “40 km” */
    text = g_strdup_printf (tr (catalog, N_("%g km")), metres / 1000);
  else
    /* Translators: a distance on a map's scale bar, e.g. “500 m” */
    text = g_strdup_printf (tr (catalog, N_("%g m")), metres);
  layout = new_layout (widget, text, 0.8, FALSE);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  *height = text_height + 10;
  bottom = y + *height;
  gtk_snapshot_append_color (snapshot, &ink, &GRAPHENE_RECT_INIT (x, bottom - 4, length, 2));
  gtk_snapshot_append_color (snapshot, &ink, &GRAPHENE_RECT_INIT (x, bottom - 10, 2, 8));
  gtk_snapshot_append_color (snapshot, &ink, &GRAPHENE_RECT_INIT (x + length - 2, bottom - 10, 2, 8));
  append_text (snapshot, layout, x, y);
  return MAX (length, text_width);
}

/**
 * dossier_map_figure_append_key:
 * @snapshot: where to draw
 * @layer: the incident layer whose colours the map's marks have
 * @store: the dossier, for the names of the keys
 * @keys: (nullable): the keys the marks are coloured by
 * @view: the view of the map drawn above
 * @lang: the language of the names, "fr" or "en"
 * @catalog: (nullable): the messages in that language, or %NULL for the interface's
 * @credits: who made what the map shows
 *
 * Draws, under the map of @view and as wide, what its colours mean, its scale and its
 * credits: a figure's legend is whole, and hides no part of the map.
 *
 * Returns: the height drawn
 */
double
dossier_map_figure_append_key (GtkSnapshot          *snapshot,
                               DossierIncidentLayer *layer,
                               DossierStore         *store,
                               GStrv                 keys,
                               const DossierMapView *view,
                               const char           *lang,
                               DossierCatalog       *catalog,
                               const char           *credits)
{
  const char *scheme = view->colour_by == DOSSIER_COLOUR_BY_VERIFICATION ? "verification-status" : "violation-type";
  g_autoptr(PangoLayout) notes = NULL;
  double x = MARGIN, y = view->height + MARGIN, line = 0, scale_width, scale_height;
  const GdkRGBA paper = dossier_basemap_ink (DOSSIER_MAP_INK_PAPER);
  const GdkRGBA rule = dossier_basemap_ink (DOSSIER_MAP_INK_RULE);
  DossierLook look;
  int w, h;

  g_return_val_if_fail (DOSSIER_IS_INCIDENT_LAYER (layer), 0);

  dossier_look_for_print (&look);

  gtk_snapshot_append_color (snapshot, &paper, &GRAPHENE_RECT_INIT (0, view->height, view->width, 1000));
  gtk_snapshot_append_color (snapshot, &rule, &GRAPHENE_RECT_INIT (0, view->height, view->width, 1));
  /* What the colours mean, one after the other, on as many lines as they need. */
  for (guint i = 0; keys != NULL && keys[i] != NULL && i < MAX_KEYS; i++)
    {
      g_autofree char *label = dossier_store_vocab_label (store, scheme, keys[i], lang);
      g_autoptr(PangoLayout) layout = new_layout (GTK_WIDGET (layer), label, 0.85, FALSE);
      DossierTermStyle style;

      if (i == 0)
        {
          g_autoptr(PangoLayout) title = new_layout (GTK_WIDGET (layer), tr (catalog, N_("Legend")), 0.85, TRUE);

          pango_layout_get_pixel_size (title, &w, &h);
          append_text (snapshot, title, x, y);
          x += w + 12;
          line = h;
        }
      pango_layout_get_pixel_size (layout, &w, &h);
      if (x > MARGIN && x + SWATCH + 4 + w > view->width - MARGIN)
        {
          x = MARGIN;
          y += line + 2;
        }
      line = MAX (line, h);
      /* The mark as on the map: its colour and its shape. */
      dossier_incident_layer_get_key_style (layer, keys[i], NULL, &style);
      dossier_mark_append (snapshot, &style, x + SWATCH / 2.0, y + h / 2.0, 4, &look);
      append_text (snapshot, layout, x + SWATCH + 4, y);
      x += SWATCH + 4 + w + 14;
    }
  if (line > 0)
    y += line + MARGIN;

  /* The scale at the left, the credits at the right. */
  scale_width = append_scale_bar (snapshot, GTK_WIDGET (layer), view, catalog, MARGIN, y, &scale_height);
  notes = new_layout (GTK_WIDGET (layer), credits, 0.7, FALSE);
  pango_layout_set_width (notes, (int) MAX (view->width - scale_width - 4 * MARGIN, view->width / 3.0) * PANGO_SCALE);
  pango_layout_set_wrap (notes, PANGO_WRAP_WORD);
  pango_layout_set_alignment (notes, PANGO_ALIGN_RIGHT);
  pango_layout_get_pixel_size (notes, &w, &h);
  append_text (snapshot, notes, view->width - MARGIN - pango_layout_get_width (notes) / PANGO_SCALE, y);
  return y + MAX (scale_height, h) + MARGIN - view->height;
}

/* Beside each mark of a single incident, its code, where there is room (right, left,
 * above, below), as a printed chronology names its marks: the reader of an annex finds
 * INC-0003 of the table on the map. Returns the codes' boxes, for the names to keep clear. */
static GArray *
append_codes (GtkSnapshot          *snapshot,
              DossierStore         *store,
              GtkWidget            *widget,
              GArray               *clusters,
              GArray               *marks,
              const DossierMapView *view)
{
  GArray *taken = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  const GdkRGBA ground = dossier_basemap_ink (DOSSIER_MAP_INK_LABEL_GROUND);

  for (guint i = 0; i < clusters->len; i++)
    {
      const DossierGeoCluster *cluster = &g_array_index (clusters, DossierGeoCluster, i);
      g_autoptr(DossierRecord) record = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      double x, y, r = dossier_incident_layer_cluster_radius (cluster) + 3;
      graphene_rect_t boxes[4];
      const graphene_rect_t *chosen = NULL;
      int w, h;

      if (cluster->count != 1)
        continue;
      dossier_map_view_location_to_point (view, cluster->latitude, cluster->longitude, &x, &y);
      if (x < 0 || y < 0 || x > view->width || y > view->height)
        continue;
      record = dossier_store_load (store, DOSSIER_TYPE_INCIDENT, cluster->id, NULL);
      if (record == NULL || dossier_record_get_code (record) == NULL || *dossier_record_get_code (record) == '\0')
        continue;
      layout = new_layout (widget, dossier_record_get_code (record), 0.75, FALSE);
      pango_layout_get_pixel_size (layout, &w, &h);
      graphene_rect_init (&boxes[0], x + r, y - h / 2.0, w, h);
      graphene_rect_init (&boxes[1], x - r - w, y - h / 2.0, w, h);
      graphene_rect_init (&boxes[2], x - w / 2.0, y - r - h + 2, w, h);
      graphene_rect_init (&boxes[3], x - w / 2.0, y + r - 2, w, h);
      for (guint b = 0; b < G_N_ELEMENTS (boxes) && chosen == NULL; b++)
        {
          graphene_rect_t room = boxes[b];
          gboolean free = boxes[b].origin.x >= 0 && boxes[b].origin.y >= 0 &&
                          boxes[b].origin.x + w <= view->width && boxes[b].origin.y + h <= view->height;

          graphene_rect_inset (&room, -2, -1);
          for (guint k = 0; free && k < marks->len; k++)
            free = !graphene_rect_intersection (&g_array_index (marks, graphene_rect_t, k), &room, NULL);
          for (guint k = 0; free && k < taken->len; k++)
            free = !graphene_rect_intersection (&g_array_index (taken, graphene_rect_t, k), &room, NULL);
          if (free)
            chosen = &boxes[b];
        }
      if (chosen == NULL)
        continue;
      g_array_append_val (taken, *chosen);
      /* A light ground, as the names' halos, to read over rivers and borders. */
      gtk_snapshot_append_color (snapshot, &ground, chosen);
      append_text (snapshot, layout, chosen->origin.x, chosen->origin.y);
    }
  return taken;
}

/* The view for a figure that no window frames: every incident given, at the annex's size;
 * Mali whole when none has a place. */
static gboolean
fit_view (DossierStore    *store,
          GArray          *incident_ids,
          DossierMapView  *view,
          GError         **error)
{
  g_autoptr(GArray) points = NULL;
  double south = 90, west = 180, north = -90, east = -180;

  view->width = FIT_WIDTH;
  view->height = FIT_HEIGHT;
  view->latitude = 17.5;
  view->longitude = -4.0;
  view->zoom = 5;
  points = dossier_store_map_points (store, NULL, -90, -180, 90, 180, view->colour_by, error);
  if (points == NULL)
    return FALSE;
  for (guint i = 0; i < points->len; i++)
    {
      DossierGeoPoint *p = &g_array_index (points, DossierGeoPoint, i);

      if (incident_ids != NULL &&
          bsearch (&p->id, incident_ids->data, incident_ids->len, sizeof (gint64), dossier_compare_ids) == NULL)
        continue;
      south = MIN (south, p->latitude);
      north = MAX (north, p->latitude);
      west = MIN (west, p->longitude);
      east = MAX (east, p->longitude);
    }
  if (south <= north)
    dossier_map_view_fit (view, south, west, north, east, 3, 14);
  return TRUE;
}

/**
 * dossier_map_figure_render:
 * @store: the dossier
 * @incident_ids: (nullable) (element-type gint64): the incidents to show, in order of
 *   their ids (those the export's profile lets out), or %NULL for all
 * @view: the view to draw; one of no size is fitted to the incidents
 * @lang: the figure's language, "fr" or "en"
 * @drawn: (out caller-allocates) (optional): the view drawn
 * @height: (out) (optional): the figure's height: the view's, and its legend's under it
 * @error: return location for a #GError
 *
 * Draws the map of @incident_ids for a document, and nothing else of the dossier: the
 * offline basemap, the incidents gathered as on screen, and under it the legend, a scale
 * bar and the credits.
 *
 * Returns: (transfer full): the drawing, @drawn's width and @height high, or %NULL
 */
GskRenderNode *
dossier_map_figure_render (DossierStore          *store,
                           GArray                *incident_ids,
                           const DossierMapView  *view,
                           const char            *lang,
                           DossierMapView        *drawn,
                           int                   *height,
                           GError               **error)
{
  g_autoptr(DossierCatalog) catalog = NULL;
  g_autoptr(ShumateViewport) viewport = NULL;
  g_autoptr(DossierBasemapLayer) basemap = NULL;
  g_autoptr(DossierIncidentLayer) incidents = NULL;
  g_autoptr(GArray) clusters = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_auto(GStrv) keys = NULL;
  DossierMapView v;
  const char *credits;
  double key_height;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);
  g_return_val_if_fail (view != NULL, NULL);

  v = *view;
  catalog = dossier_catalog_new (lang, error);
  if (catalog == NULL)
    return NULL;
  if ((v.width <= 0 || v.height <= 0) && !fit_view (store, incident_ids, &v, error))
    return NULL;
  clusters = dossier_incident_layer_read_view (store, incident_ids, &v, error);
  if (clusters == NULL)
    return NULL;

  /* Layers of their own, never shown: what they draw is asked of them for @v. */
  viewport = shumate_viewport_new ();
  basemap = g_object_ref_sink (dossier_basemap_layer_new (viewport, lang));
  incidents = g_object_ref_sink (dossier_incident_layer_new (viewport, store, NULL));
  dossier_incident_layer_set_colour_by (incidents, v.colour_by);
  keys = dossier_incident_layer_keys_of (clusters, &v);

  snapshot = gtk_snapshot_new ();
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, v.width, v.height));
  dossier_basemap_layer_append_view (basemap, snapshot, &v);
  dossier_incident_layer_append_clusters (incidents, snapshot, clusters, &v);
  /* The names over the incidents, as on screen, clear of the incidents' codes. */
  {
    g_autoptr(GArray) avoid = dossier_label_layer_cluster_boxes (clusters, &v);
    g_autoptr(GArray) codes = append_codes (snapshot, store, GTK_WIDGET (incidents), clusters, avoid, &v);

    dossier_basemap_layer_append_labels (basemap, snapshot, &v, codes, avoid);
  }
  gtk_snapshot_pop (snapshot);
  /* Translators: the credits of the offline basemap, shown on the map */
  credits = tr (catalog, N_("Basemap: Natural Earth · geoBoundaries and GeoNames (CC BY 4.0) · © OpenStreetMap contributors"));
  key_height = dossier_map_figure_append_key (snapshot, incidents, store, keys, &v, lang, catalog, credits);
  if (drawn != NULL)
    *drawn = v;
  if (height != NULL)
    *height = v.height + (int) ceil (key_height);
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}
