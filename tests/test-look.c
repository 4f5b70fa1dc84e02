/* test-look.c: how the map, the timeline and the charts look: terms' colours, clusters'
 * mixes, the dark style (display test)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Colours are checked on the pixels drawn (GSK_RENDERER=cairo draws them exactly), and
 * told apart as a reader would: by CIEDE2000, for normal vision and under a simulation of
 * deuteranopia and protanopia (Machado, Oliveira and Fernandes 2009, full severity).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>

#include "dossier-bar-chart.h"
#include "dossier-demo.h"
#include "dossier-look.h"
#include "dossier-map-figure.h"
#include "dossier-map-pane.h"
#include "dossier-palette.h"
#include "dossier-synth.h"
#include "dossier-test-display.h"
#include "dossier-test-util.h"
#include "dossier-timeline-pane.h"
#include "dossier-vocab.h"
#include "dossier-window.h"
#include "dossier-vocab-term-private.h" /* white-box */

/* Two marks of one legend differ at least by this much (CIEDE2000), or by their shape. */
#define MIN_DIFFERENCE 11.0

/* Colour science --------------------------------------------------------------------- */

typedef enum { VISION_NORMAL, VISION_DEUTERANOPIA, VISION_PROTANOPIA, N_VISIONS } Vision;

static const char * const vision_names[] = { "normal vision", "deuteranopia", "protanopia" };

static double
linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
gamma_encode (double c)
{
  c = CLAMP (c, 0, 1);
  return c <= 0.0031308 ? 12.92 * c : 1.055 * pow (c, 1 / 2.4) - 0.055;
}

/* What a person with @vision sees of sRGB @rgb, as sRGB. */
static void
simulate (const double rgb[3],
          Vision       vision,
          double       out[3])
{
  static const double machado[][3][3] = {
    [VISION_DEUTERANOPIA] = { { 0.367322, 0.860646, -0.227968 }, { 0.280085, 0.672501, 0.047413 },
                              { -0.011820, 0.042940, 0.968881 } },
    [VISION_PROTANOPIA] = { { 0.152286, 1.052583, -0.204868 }, { 0.114503, 0.786281, 0.099216 },
                            { -0.003882, -0.048116, 1.051998 } },
  };
  double l[3] = { linear (rgb[0]), linear (rgb[1]), linear (rgb[2]) };

  if (vision == VISION_NORMAL)
    {
      memcpy (out, rgb, 3 * sizeof (double));
      return;
    }
  for (int i = 0; i < 3; i++)
    out[i] = gamma_encode (machado[vision][i][0] * l[0] + machado[vision][i][1] * l[1] + machado[vision][i][2] * l[2]);
}

static double
lab_f (double t)
{
  return t > pow (6 / 29.0, 3) ? cbrt (t) : t / (3 * pow (6 / 29.0, 2)) + 4 / 29.0;
}

static void
to_lab (const double rgb[3],
        double       lab[3])
{
  double r = linear (rgb[0]), g = linear (rgb[1]), b = linear (rgb[2]);
  double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
  double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;

  lab[0] = 116 * lab_f (y) - 16;
  lab[1] = 500 * (lab_f (x) - lab_f (y));
  lab[2] = 200 * (lab_f (y) - lab_f (z));
}

#define RAD(d) ((d) * G_PI / 180)
#define DEG(r) ((r) * 180 / G_PI)

/* CIEDE2000 (Sharma, Wu and Dalal's formulation). */
static double
ciede2000 (const double lab1[3],
           const double lab2[3])
{
  double c1 = hypot (lab1[1], lab1[2]), c2 = hypot (lab2[1], lab2[2]), cb = (c1 + c2) / 2;
  double g = 0.5 * (1 - sqrt (pow (cb, 7) / (pow (cb, 7) + pow (25, 7))));
  double a1 = (1 + g) * lab1[1], a2 = (1 + g) * lab2[1];
  double c1p = hypot (a1, lab1[2]), c2p = hypot (a2, lab2[2]);
  double h1 = fmod (DEG (atan2 (lab1[2], a1)) + 360, 360), h2 = fmod (DEG (atan2 (lab2[2], a2)) + 360, 360);
  double dl = lab2[0] - lab1[0], dc = c2p - c1p, dh = 0, hb, lb, cbp, t, dtheta, rc, sl, sc, sh, rt;

  if (c1p * c2p != 0)
    {
      dh = h2 - h1;
      if (dh > 180)
        dh -= 360;
      else if (dh < -180)
        dh += 360;
    }
  dh = 2 * sqrt (c1p * c2p) * sin (RAD (dh) / 2);
  lb = (lab1[0] + lab2[0]) / 2;
  cbp = (c1p + c2p) / 2;
  if (c1p * c2p == 0)
    hb = h1 + h2;
  else if (fabs (h1 - h2) <= 180)
    hb = (h1 + h2) / 2;
  else
    hb = h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
  t = 1 - 0.17 * cos (RAD (hb - 30)) + 0.24 * cos (RAD (2 * hb)) + 0.32 * cos (RAD (3 * hb + 6)) - 0.20 * cos (RAD (4 * hb - 63));
  dtheta = 30 * exp (-pow ((hb - 275) / 25, 2));
  rc = 2 * sqrt (pow (cbp, 7) / (pow (cbp, 7) + pow (25, 7)));
  sl = 1 + 0.015 * pow (lb - 50, 2) / sqrt (20 + pow (lb - 50, 2));
  sc = 1 + 0.045 * cbp;
  sh = 1 + 0.015 * cbp * t;
  rt = -sin (RAD (2 * dtheta)) * rc;
  return sqrt (pow (dl / sl, 2) + pow (dc / sc, 2) + pow (dh / sh, 2) + rt * (dc / sc) * (dh / sh));
}

static double
difference (const DossierTermStyle *a,
            const DossierTermStyle *b,
            Vision                  vision)
{
  double x[3] = { a->red, a->green, a->blue }, y[3] = { b->red, b->green, b->blue };
  double sx[3], sy[3], lx[3], ly[3];

  simulate (x, vision, sx);
  simulate (y, vision, sy);
  to_lab (sx, lx);
  to_lab (sy, ly);
  return ciede2000 (lx, ly);
}

/* Pixels ------------------------------------------------------------------------------ */

/* What @widget drew last, as an image of its size. */
static cairo_surface_t *
render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  int w, h;

  dossier_test_wait_for_draw (widget);
  w = gtk_widget_get_width (widget);
  h = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (w, 1), MAX (h, 1));
  cr = cairo_create (surface);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static cairo_surface_t *
render_node (GskRenderNode *node,
             int            width,
             int            height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The pixel at @x, @y, unpremultiplied, from 0 to 1. */
static GdkRGBA
pixel (cairo_surface_t *surface,
       double           x,
       double           y)
{
  int ix = (int) floor (x), iy = (int) floor (y);
  guint32 p;
  double a;

  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (surface));
  p = *(guint32 *) (cairo_image_surface_get_data (surface) + iy * cairo_image_surface_get_stride (surface) + ix * 4);
  a = (p >> 24) / 255.0;
  if (a == 0)
    return (GdkRGBA) { 0, 0, 0, 0 };
  return (GdkRGBA) { ((p >> 16) & 0xff) / 255.0 / a, ((p >> 8) & 0xff) / 255.0 / a, (p & 0xff) / 255.0 / a, a };
}

static gboolean
same_colour (const GdkRGBA          *drawn,
             const DossierTermStyle *style)
{
  return drawn->alpha > 0.99 && fabs (drawn->red - style->red) < 2.5 / 255 && fabs (drawn->green - style->green) < 2.5 / 255 &&
         fabs (drawn->blue - style->blue) < 2.5 / 255;
}

static double
luminance (const GdkRGBA *c)
{
  return 0.2126 * linear (c->red) + 0.7152 * linear (c->green) + 0.0722 * linear (c->blue);
}

/* Waiting ----------------------------------------------------------------------------- */

static void
wait_for_layer (DossierIncidentLayer *layer)
{
  gboolean timed_out = FALSE;
  guint timeout;

  dossier_test_wait_for_draw (GTK_WIDGET (layer));
  timeout = g_timeout_add_seconds (20, dossier_test_set_flag, &timed_out);
  while ((dossier_incident_layer_is_busy (layer) || dossier_incident_layer_get_clusters (layer) == NULL) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("The map did not read its incidents within 20 s");
  g_source_remove (timeout);
  dossier_test_wait_for_draw (GTK_WIDGET (layer));
}

static void
wait_for_timeline (DossierTimelineView *view)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (20, dossier_test_set_flag, &timed_out);

  while (dossier_timeline_view_is_busy (view) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("The timeline did not read its incidents within 20 s");
  g_source_remove (timeout);
  dossier_test_wait_for_draw (GTK_WIDGET (view));
}

static const char *
test_lang (void)
{
  return g_getenv ("LANGUAGE") ? "fr" : "en";
}

/* /craft/03-term-colours --------------------------------------------------------------- */

static GPtrArray *
bundled_terms (const char *scheme)
{
  g_autofree char *path = g_strdup_printf ("/org/dossier/Dossier/core/vocab/%s.json", scheme);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);

  g_assert_nonnull (bytes);
  return dossier_vocab_parse (bytes, path, NULL);
}

/* Any two marks of a legend are told apart: by their shape, or by a colour difference of
 * MIN_DIFFERENCE at least, for normal vision and the two commonest colour blindnesses. The
 * largest legend is the whole vocabulary, with "no type" among it. */
static void
assert_legend_distinct (const char *scheme,
                        GPtrArray  *terms)
{
  guint n = terms->len + 1;
  g_autofree DossierTermStyle *styles = g_new0 (DossierTermStyle, n);
  double closest[N_VISIONS] = { G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE };

  for (guint i = 0; i < n; i++)
    dossier_palette_term_style (scheme, i < terms->len ? ((DossierVocabTerm *) terms->pdata[i])->code : NULL, &styles[i]);
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        const char *a = i < terms->len ? ((DossierVocabTerm *) terms->pdata[i])->code : "(none)";
        const char *b = j < terms->len ? ((DossierVocabTerm *) terms->pdata[j])->code : "(none)";

        g_assert_false (styles[i].hollow);
        if (styles[i].shape != styles[j].shape)
          continue;
        for (Vision v = 0; v < N_VISIONS; v++)
          {
            double d = difference (&styles[i], &styles[j], v);

            closest[v] = MIN (closest[v], d);
            if (d < MIN_DIFFERENCE)
              g_error ("%s: “%s” and “%s” have the same shape and differ by %.1f only for %s", scheme, a, b, d,
                       vision_names[v]);
          }
      }
  for (Vision v = 0; v < N_VISIONS; v++)
    g_test_message ("%s: closest marks of one shape differ by %.1f for %s", scheme, closest[v], vision_names[v]);
}

static void
test_term_colours (void)
{
  const char *lang = test_lang ();
  g_autoptr(GPtrArray) types = bundled_terms ("violation-type");
  g_autoptr(GPtrArray) statuses = bundled_terms ("verification-status");
  DossierWindow *window;
  DossierStore *store;
  DossierMapPane *pane;
  DossierIncidentLayer *layer;
  DossierTimelineView *timeline;
  ShumateViewport *viewport;
  DossierGeoCluster single = { 0 };
  const DossierTimelineItem *item = NULL;
  DossierTermStyle expected;
  GArray *items;

  /* Every legend can be read, also by a colour-blind reader. */
  assert_legend_distinct ("violation-type", types);
  assert_legend_distinct ("verification-status", statuses);
  /* A term keeps its mark whatever the dossier holds: it is the term's, not the view's. */
  {
    DossierTermStyle a, b;

    dossier_palette_term_style ("violation-type", "arbitrary-detention", &a);
    dossier_palette_term_style ("violation-type", "killing-maiming-children", &b);
    g_assert_true (a.shape != b.shape || difference (&a, &b, VISION_NORMAL) >= MIN_DIFFERENCE);
    dossier_palette_term_style ("violation-type", "a-term-of-our-own", &a);
    dossier_palette_term_style ("violation-type", "a-term-of-our-own", &b);
    g_assert_true (a.hollow);
    g_assert_true (a.red == b.red && a.green == b.green && a.blue == b.blue && a.shape == b.shape);
  }

  window = dossier_test_open_demo ("look-colours.dossier", "incidents");
  store = dossier_window_get_store (window);
  pane = DOSSIER_MAP_PANE (dossier_window_get_map (window));
  layer = dossier_map_pane_get_incident_layer (pane);
  viewport = shumate_map_get_viewport (dossier_map_pane_get_map (pane));
  timeline = dossier_timeline_pane_get_view (DOSSIER_TIMELINE_PANE (dossier_window_get_timeline (window)));
  g_assert_true (dossier_map_pane_zoom_to_all (pane));
  wait_for_layer (layer);
  wait_for_timeline (timeline);

  /* An incident whose timeline mark is solid (a day or a period known to the day, not
   * approximate), alone on the map close up, to read its colour in both. */
  items = dossier_timeline_view_get_items (timeline);
  for (guint k = 0; k < items->len && item == NULL; k++)
    {
      const DossierTimelineItem *t = &g_array_index (items, DossierTimelineItem, k);
      g_autofree char *sql = g_strdup_printf ("SELECT latitude * 1000000 FROM incident WHERE id = %" G_GINT64_FORMAT, t->id);
      g_autofree char *sql2 = g_strdup_printf ("SELECT longitude * 1000000 FROM incident WHERE id = %" G_GINT64_FORMAT, t->id);
      GArray *clusters;

      if ((t->flags & ~DOSSIER_TIMELINE_INTERVAL) != 0 || t->key == NULL)
        continue;
      shumate_location_set_location (SHUMATE_LOCATION (viewport), dossier_test_query_int (store, sql, NULL) / 1e6,
                                     dossier_test_query_int (store, sql2, NULL) / 1e6);
      shumate_viewport_set_zoom_level (viewport, 11);
      wait_for_layer (layer);
      clusters = dossier_incident_layer_get_clusters (layer);
      for (guint i = 0; i < clusters->len; i++)
        {
          const DossierGeoCluster *c = &g_array_index (clusters, DossierGeoCluster, i);

          if (c->count == 1 && c->id == t->id)
            {
              single = *c;
              single.shares = NULL;
              item = t;
            }
        }
    }
  g_assert_nonnull (item);
  g_assert_cmpstr (item->key, ==, single.key);
  dossier_palette_term_style ("violation-type", single.key, &expected);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT code FROM incident WHERE id = %" G_GINT64_FORMAT, single.id);
    g_autofree char *code = dossier_test_query_text (store, sql);

    g_test_message ("%s: %s, drawn %.3f %.3f %.3f", code, single.key, expected.red, expected.green, expected.blue);
  }

  /* On the map, in two views holding different incidents: close up, then its region. */
  for (guint v = 0; v < 2; v++)
    {
      cairo_surface_t *drawn;
      double x, y;

      if (v == 1)
        {
          shumate_location_set_location (SHUMATE_LOCATION (viewport), single.latitude + 0.4, single.longitude - 0.6);
          shumate_viewport_set_zoom_level (viewport, 8.5);
          wait_for_layer (layer);
        }
      drawn = render (GTK_WIDGET (layer));
      shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (layer), single.latitude, single.longitude, &x, &y);
      {
        GdkRGBA p = pixel (drawn, x, y);

        g_assert_true (same_colour (&p, &expected));
      }
      {
        g_autofree char *name = g_strdup_printf ("look-term-map-%u-%s.png", v, lang);
        g_autofree char *dir = g_strdup (g_getenv ("DOSSIER_SCREENSHOT_DIR"));

        if (dir != NULL)
          {
            g_autofree char *path = g_build_filename (dir, name, NULL);

            cairo_surface_write_to_png (drawn, path);
          }
      }
      cairo_surface_destroy (drawn);
    }

  /* On the timeline, and in its figure (drawn on white for print: the marks keep their
   * colours). */
  {
    graphene_rect_t area;
    cairo_surface_t *drawn;
    g_autoptr(GskRenderNode) figure = NULL;
    GdkRGBA p;

    g_assert_true (dossier_timeline_view_item_area (timeline, item->id, &area));
    drawn = render (GTK_WIDGET (timeline));
    p = pixel (drawn, area.origin.x + area.size.width / 2, area.origin.y + area.size.height / 2);
    g_assert_true (same_colour (&p, &expected));
    cairo_surface_destroy (drawn);
    figure = dossier_timeline_view_render (timeline);
    drawn = render_node (figure, gtk_widget_get_width (GTK_WIDGET (timeline)), gtk_widget_get_height (GTK_WIDGET (timeline)));
    p = pixel (drawn, area.origin.x + area.size.width / 2, area.origin.y + area.size.height / 2);
    g_assert_true (same_colour (&p, &expected));
    cairo_surface_destroy (drawn);
  }

  /* In the map figure of an annex, drawn afresh for its own view, and in its legend. */
  {
    DossierMapView view = { 0 }, drawn_view;
    g_autoptr(GError) error = NULL;
    g_autoptr(GskRenderNode) figure = NULL;
    cairo_surface_t *drawn;
    int height;
    double x, y;

    view.colour_by = DOSSIER_COLOUR_BY_VIOLATION_TYPE;
    figure = dossier_map_figure_render (store, NULL, &view, lang, &drawn_view, &height, &error);
    g_assert_no_error (error);
    drawn = render_node (figure, drawn_view.width, height);
    dossier_map_view_location_to_point (&drawn_view, single.latitude, single.longitude, &x, &y);
    /* Alone in the view, or in a cluster of the figure's own zoom: look for its colour
     * around its place, on the map or in the ring of its cluster. */
    {
      gboolean found = FALSE;

      for (int dy = -30; dy <= 30 && !found; dy++)
        for (int dx = -30; dx <= 30 && !found; dx++)
          if (x + dx >= 0 && y + dy >= 0 && x + dx < drawn_view.width && y + dy < drawn_view.height)
            {
              GdkRGBA p = pixel (drawn, x + dx, y + dy);

              found = same_colour (&p, &expected);
            }
      g_assert_true (found);
    }
    cairo_surface_destroy (drawn);
  }

  /* The overview's chart of violation types: its bars in the same colours. */
  {
    GtkWidget *chart_window = gtk_window_new ();
    GtkWidget *chart = dossier_bar_chart_new ("Incidents by violation type");
    const char *labels[] = { "one", "two" };
    const char *keys[] = { single.key, "torture" };
    gint64 values[] = { 4, 2 };
    cairo_surface_t *drawn;
    GdkRGBA p;

    dossier_bar_chart_set_data (DOSSIER_BAR_CHART (chart), labels, values, 2);
    dossier_bar_chart_set_keys (DOSSIER_BAR_CHART (chart), "violation-type", keys, 2);
    gtk_window_set_child (GTK_WINDOW (chart_window), chart);
    gtk_window_set_default_size (GTK_WINDOW (chart_window), 700, 200);
    gtk_window_present (GTK_WINDOW (chart_window));
    drawn = render (chart);
    /* The first bar: a row down, from 210 pixels on (after the labels). */
    p = pixel (drawn, 230, 24 + 12);
    g_assert_true (same_colour (&p, &expected));
    cairo_surface_destroy (drawn);
    gtk_window_destroy (GTK_WINDOW (chart_window));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* /craft/03-cluster-mix ------------------------------------------------------------------ */

/* The colours around a cluster's ring, sampled at @n angles clockwise from the top. */
static void
ring_colours (cairo_surface_t         *drawn,
              double                   x,
              double                   y,
              const DossierGeoCluster *cluster,
              GdkRGBA                 *samples,
              guint                    n)
{
  double r = MIN (9 + 3 * log2 (cluster->count), 30);
  double middle = r - MAX (3.5, 0.32 * r) / 2;

  for (guint i = 0; i < n; i++)
    {
      double angle = (i + 0.5) / n * 2 * G_PI;

      samples[i] = pixel (drawn, x + middle * sin (angle), y - middle * cos (angle));
    }
}

/* Each of a cluster's colours takes its share of the ring, largest first: so many samples
 * (out of 72) show it, give or take the edges. */
static void
assert_ring (cairo_surface_t         *drawn,
             ShumateViewport         *viewport,
             GtkWidget               *layer,
             const DossierGeoCluster *cluster)
{
  GdkRGBA samples[72];
  guint counted = 0;
  double x, y;

  shumate_viewport_location_to_widget_coords (viewport, layer, cluster->latitude, cluster->longitude, &x, &y);
  ring_colours (drawn, x, y, cluster, samples, G_N_ELEMENTS (samples));
  for (guint s = 0; s <= cluster->n_shares; s++)
    {
      DossierTermStyle style;
      guint count = 0, expected = 0, seen = 0;

      /* Terms of one colour (they differ by shape) share one arc. */
      dossier_palette_term_style ("violation-type", s < cluster->n_shares ? cluster->shares[s].key : NULL, &style);
      for (guint t = 0; t < cluster->n_shares; t++)
        {
          DossierTermStyle other;

          dossier_palette_term_style ("violation-type", cluster->shares[t].key, &other);
          if (other.red == style.red && other.green == style.green && other.blue == style.blue)
            {
              if (t < s)
                break;
              count += cluster->shares[t].count;
            }
        }
      if (s == cluster->n_shares)
        {
          for (guint t = 0; t < cluster->n_shares; t++)
            counted += cluster->shares[t].count;
          count = cluster->count - counted;
        }
      if (count == 0)
        continue;
      expected = (guint) round ((double) count / cluster->count * G_N_ELEMENTS (samples));
      for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
        seen += same_colour (&samples[i], &style);
      g_test_message ("cluster of %u: %s, %u of %u, %u samples of 72 (%u expected)", cluster->count,
                      s < cluster->n_shares ? cluster->shares[s].key : "(none)", count, cluster->count, seen, expected);
      g_assert_cmpint (abs ((int) seen - (int) expected), <=, 2);
    }
}

static void
test_cluster_mix (void)
{
  g_autoptr(DossierStore) store = dossier_test_new_store ("look-mix.dossier");
  DossierSynthOptions synth = { 3000, 20, 10, 20, 11 };
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  DossierMapPane *pane;
  DossierIncidentLayer *layer;
  ShumateViewport *viewport;
  GArray *clusters;
  cairo_surface_t *drawn;
  guint big = 0, checked = 0;

  /* Many incidents of many types, as at 100,000: no cluster may look like any other. */
  g_assert_true (dossier_synth_fill (store, &synth, NULL, NULL, &error));
  g_assert_no_error (error);
  pane = DOSSIER_MAP_PANE (dossier_map_pane_new (store, NULL, test_lang ()));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (pane));
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  gtk_window_present (GTK_WINDOW (window));
  layer = dossier_map_pane_get_incident_layer (pane);
  viewport = shumate_map_get_viewport (dossier_map_pane_get_map (pane));
  g_assert_true (dossier_map_pane_zoom_to_all (pane));
  wait_for_layer (layer);
  dossier_test_screenshot (window, g_getenv ("LANGUAGE") ? "look-mix-fr.png" : "look-mix-en.png");

  drawn = render (GTK_WIDGET (layer));
  clusters = dossier_incident_layer_get_clusters (layer);
  for (guint i = 0; i < clusters->len; i++)
    {
      const DossierGeoCluster *c = &g_array_index (clusters, DossierGeoCluster, i);
      double x, y, r = MIN (9 + 3 * log2 (c->count), 30);
      gboolean overlapped = FALSE;

      shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (layer), c->latitude, c->longitude, &x, &y);
      if (c->count < 50 || x < r + 3 || y < r + 3 || x > gtk_widget_get_width (GTK_WIDGET (layer)) - r - 3 ||
          y > gtk_widget_get_height (GTK_WIDGET (layer)) - r - 3)
        continue;
      big++;
      /* A cluster drawn over by a later one is not read. */
      for (guint k = i + 1; k < clusters->len; k++)
        {
          const DossierGeoCluster *o = &g_array_index (clusters, DossierGeoCluster, k);
          double ox, oy;

          shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (layer), o->latitude, o->longitude, &ox, &oy);
          overlapped |= hypot (ox - x, oy - y) < r + MIN (9 + 3 * log2 (MAX (o->count, 1)), 30) + 4;
        }
      if (overlapped)
        continue;
      /* Several types, shown in their shares. */
      g_assert_cmpuint (c->n_shares, >=, 3);
      assert_ring (drawn, viewport, GTK_WIDGET (layer), c);
      checked++;
    }
  g_assert_cmpuint (big, >=, 3);
  g_assert_cmpuint (checked, >=, 1);
  cairo_surface_destroy (drawn);

  /* The legend names what the rings show, the most frequent first. */
  {
    g_auto(GStrv) keys = dossier_incident_layer_get_keys (layer);

    g_assert_cmpuint (g_strv_length (keys), >=, 10);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* /craft/19-dark-style ------------------------------------------------------------------- */

/* The share of a band of pixels that is dark (luminance under 0.2), and the lightest pixel
 * of it. */
static void
band_stats (cairo_surface_t *drawn,
            int              x0,
            int              y0,
            int              x1,
            int              y1,
            double          *dark_share,
            double          *lightest,
            double          *darkest)
{
  guint dark = 0, n = 0;

  *lightest = 0;
  *darkest = 1;
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        GdkRGBA p = pixel (drawn, x, y);
        double l = luminance (&p);

        if (p.alpha < 0.5)
          continue;
        n++;
        dark += l < 0.2;
        *lightest = MAX (*lightest, l);
        *darkest = MIN (*darkest, l);
      }
  *dark_share = n ? (double) dark / n : 0;
}

static void
check_style (gboolean dark)
{
  const char *lang = test_lang ();
  g_autofree char *shot = g_strdup_printf ("look-%s-%s.png", dark ? "dark" : "light", lang);
  DossierWindow *window;
  DossierMapPane *pane;
  DossierIncidentLayer *layer;
  DossierTimelineView *timeline;
  ShumateViewport *viewport;
  cairo_surface_t *drawn;
  double share, lightest, darkest;
  int w;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = dossier_test_open_demo (dark ? "look-dark.dossier" : "look-light.dossier", "incidents");
  pane = DOSSIER_MAP_PANE (dossier_window_get_map (window));
  layer = dossier_map_pane_get_incident_layer (pane);
  viewport = shumate_map_get_viewport (dossier_map_pane_get_map (pane));
  timeline = dossier_timeline_pane_get_view (DOSSIER_TIMELINE_PANE (dossier_window_get_timeline (window)));
  g_assert_true (dossier_map_pane_zoom_to_all (pane));
  wait_for_layer (layer);
  wait_for_timeline (timeline);
  dossier_test_screenshot (GTK_WIDGET (window), shot);

  /* The timeline: its ground, and its axis's text against its band. */
  drawn = render (GTK_WIDGET (timeline));
  w = gtk_widget_get_width (GTK_WIDGET (timeline));
  band_stats (drawn, 0, 30, w, gtk_widget_get_height (GTK_WIDGET (timeline)) - 50, &share, &lightest, &darkest);
  g_test_message ("timeline: %.0f %% dark", 100 * share);
  g_assert_cmpfloat (dark ? share : 1 - share, >, 0.8);
  band_stats (drawn, 0, 0, w, 26, &share, &lightest, &darkest);
  g_assert_cmpfloat (dark ? share : 1 - share, >, 0.7);
  g_assert_cmpfloat (dark ? lightest : 1 - darkest, >, 0.7);   /* the years, light on dark */
  cairo_surface_destroy (drawn);

  /* A figure of it stays dark on white, for print. */
  {
    g_autoptr(GskRenderNode) figure = dossier_timeline_view_render (timeline);

    drawn = render_node (figure, w, gtk_widget_get_height (GTK_WIDGET (timeline)));
    band_stats (drawn, 0, 30, w, gtk_widget_get_height (GTK_WIDGET (timeline)) - 50, &share, &lightest, &darkest);
    g_assert_cmpfloat (share, <, 0.2);
    cairo_surface_destroy (drawn);
  }

  /* The map: a cluster's count, light on a dark disc in the dark style. */
  {
    GArray *clusters = dossier_incident_layer_get_clusters (layer);
    const DossierGeoCluster *biggest = NULL;
    double x, y, hole;

    for (guint i = 0; i < clusters->len; i++)
      if (biggest == NULL || g_array_index (clusters, DossierGeoCluster, i).count > biggest->count)
        biggest = &g_array_index (clusters, DossierGeoCluster, i);
    g_assert_cmpuint (biggest->count, >, 1);
    hole = MIN (9 + 3 * log2 (biggest->count), 30) - MAX (3.5, 0.32 * MIN (9 + 3 * log2 (biggest->count), 30));
    drawn = render (GTK_WIDGET (layer));
    shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (layer), biggest->latitude, biggest->longitude, &x, &y);
    band_stats (drawn, x - hole / 1.5, y - hole / 1.5, x + hole / 1.5, y + hole / 1.5, &share, &lightest, &darkest);
    g_test_message ("cluster of %u: %.0f %% dark, lightest %.2f, darkest %.2f", biggest->count, 100 * share, lightest, darkest);
    g_assert_cmpfloat (dark ? share : 1 - share, >, 0.5);
    g_assert_cmpfloat (dark ? lightest : 1 - darkest, >, 0.7);
    cairo_surface_destroy (drawn);
  }

  /* The overview's charts: their text in the style's colour. */
  {
    GtkWidget *chart;

    dossier_window_show_section (window, "overview");
    dossier_test_wait_for_draw (GTK_WIDGET (window));
    chart = dossier_test_find_descendant (GTK_WIDGET (window), DOSSIER_TYPE_BAR_CHART);
    g_assert_nonnull (chart);
    drawn = render (chart);
    band_stats (drawn, 0, 0, gtk_widget_get_width (chart), 24, &share, &lightest, &darkest);
    g_assert_cmpfloat (dark ? lightest : 1 - darkest, >, 0.7);
    g_assert_cmpfloat (dark ? darkest : 1 - lightest, >, 0.3);   /* no dark text on the dark page */
    cairo_surface_destroy (drawn);
    {
      g_autofree char *overview = g_strdup_printf ("look-overview-%s-%s.png", dark ? "dark" : "light", lang);

      dossier_test_screenshot (GTK_WIDGET (window), overview);
    }
  }

  gtk_window_destroy (GTK_WINDOW (window));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_dark_style (void)
{
  check_style (TRUE);
  /* And the same checks fail in the light style: they tell the two apart. */
  check_style (FALSE);
}

int
main (int   argc,
      char *argv[])
{
  dossier_test_display_init (&argc, &argv);
  g_test_add_func ("/craft/03-term-colours", test_term_colours);
  g_test_add_func ("/craft/03-cluster-mix", test_cluster_mix);
  g_test_add_func ("/craft/19-dark-style", test_dark_style);
  return g_test_run ();
}
