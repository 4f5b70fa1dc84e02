/* dossier-look.c: the colours drawing code takes from the style, and the marks of terms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map, the timeline and the charts draw themselves, so the theme does not colour them:
 * they ask the style for named colours (style.css defines them from libadwaita's, so that
 * they follow the dark and high-contrast styles) and redraw when the style changes. A
 * figure for print is drawn with the print look instead: dark on white, whatever the
 * screen shows. A term's mark (its colour from the core palette, its shape) is drawn here
 * for every view, figure and legend alike.
 */
#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "dossier-look.h"

#define NOT_IN_LOOK G_MAXSIZE

/* Each colour the drawings use, by its name in style.css, with what stands for it when the
 * application's style is not loaded (a widget shown by a test, or by another program):
 * one of libadwaita's named colours, at some opacity. */
static const struct {
  const char *name;
  const char *fallback;
  double      alpha;
  gsize       offset;
} named[] = {
  { "dossier_plot_bg_color", "view_bg_color", 1, G_STRUCT_OFFSET (DossierLook, background) },
  { "dossier_plot_band_color", "view_bg_color", 1, G_STRUCT_OFFSET (DossierLook, band) },
  { "dossier_plot_fg_color", "view_fg_color", 1, G_STRUCT_OFFSET (DossierLook, foreground) },
  { "dossier_plot_dim_color", "view_fg_color", 0.7, G_STRUCT_OFFSET (DossierLook, dim) },
  { "dossier_plot_grid_color", "view_fg_color", 0.18, G_STRUCT_OFFSET (DossierLook, grid) },
  { "dossier_plot_accent_color", "accent_color", 1, G_STRUCT_OFFSET (DossierLook, accent) },
  { "dossier_plot_histogram_color", "accent_color", 0.85, G_STRUCT_OFFSET (DossierLook, histogram) },
  { "dossier_plot_warning_color", "warning_color", 1, G_STRUCT_OFFSET (DossierLook, warning) },
  { "dossier_mark_edge_color", "view_bg_color", 1, G_STRUCT_OFFSET (DossierLook, mark_edge) },
  { "dossier_mark_outline_color", "view_fg_color", 0.45, G_STRUCT_OFFSET (DossierLook, mark_outline) },
  /* Asked for by name */
  { "dossier_chart_bar_color", "accent_bg_color", 1, NOT_IN_LOOK },
  { "dossier_passage_incident_color", "yellow_3", 0.4, NOT_IN_LOOK },
  { "dossier_passage_violation_color", "red_1", 0.4, NOT_IN_LOOK },
  { "dossier_passage_person_color", "blue_1", 0.35, NOT_IN_LOOK },
  { "dossier_passage_match_color", "orange_3", 0.6, NOT_IN_LOOK },
};

/* Print: figures go into documents read on white paper, in any light. */
static const DossierLook print_look = {
  .background = { 1, 1, 1, 1 },
  .band = { 0.96, 0.96, 0.95, 1 },
  .foreground = { 0.12, 0.12, 0.12, 1 },
  .dim = { 0.32, 0.32, 0.32, 1 },
  .grid = { 0, 0, 0, 0.18 },
  .accent = { 0.21, 0.52, 0.89, 1 },
  .histogram = { 0.21, 0.40, 0.60, 0.85 },
  .warning = { 0.6, 0.2, 0.1, 1 },
  .mark_edge = { 1, 1, 1, 1 },
  .mark_outline = { 0, 0, 0, 0.45 },
  .print = TRUE,
};

/**
 * dossier_look_colour:
 * @widget: a widget, for its style
 * @name: a colour named in style.css (or one of libadwaita's)
 * @colour: (out): the colour; the widget's text colour when the style has no such name
 */
void
dossier_look_colour (GtkWidget  *widget,
                     const char *name,
                     GdkRGBA    *colour)
{
  GtkStyleContext *context;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  context = gtk_widget_get_style_context (widget);
  if (gtk_style_context_lookup_color (context, name, colour))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    if (g_str_equal (name, named[i].name) && gtk_style_context_lookup_color (context, named[i].fallback, colour))
      {
        colour->alpha *= named[i].alpha;
        return;
      }
  gtk_style_context_get_color (context, colour);
}

/**
 * dossier_look_from_widget:
 * @widget: the widget that draws
 * @look: (out caller-allocates): the colours it draws with, from the current style
 */
void
dossier_look_from_widget (GtkWidget   *widget,
                          DossierLook *look)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    if (named[i].offset != NOT_IN_LOOK)
      dossier_look_colour (widget, named[i].name, G_STRUCT_MEMBER_P (look, named[i].offset));
  look->print = FALSE;
}

/**
 * dossier_look_for_print:
 * @look: (out caller-allocates): the colours of a figure for a document
 */
void
dossier_look_for_print (DossierLook *look)
{
  *look = print_look;
}

/**
 * dossier_term_colour:
 * @scheme: a vocabulary
 * @code: (nullable): one of its terms, or %NULL for none
 * @colour: (out): the term's colour, as everywhere
 * @style: (out caller-allocates) (optional): its colour and shape
 */
void
dossier_term_colour (const char       *scheme,
                     const char       *code,
                     GdkRGBA          *colour,
                     DossierTermStyle *style)
{
  DossierTermStyle s;

  dossier_palette_term_style (scheme, code, &s);
  *colour = (GdkRGBA) { s.red, s.green, s.blue, 1 };
  if (style != NULL)
    *style = s;
}

/* How far a shape reaches from its centre to be as heavy as a circle of @radius, grown by
 * @grow pixels all round (for the rings around it). */
static double
shape_reach (DossierMarkShape shape,
             double           radius,
             double           grow)
{
  switch (shape)
    {
    case DOSSIER_MARK_SQUARE:
      return 0.88 * radius + grow;             /* half its side */
    case DOSSIER_MARK_DIAMOND:
      return 1.2 * radius + grow * G_SQRT2;    /* half its diagonal */
    case DOSSIER_MARK_TRIANGLE:
      return 1.3 * radius + 2 * grow;          /* centre to corner: twice the inner radius */
    case DOSSIER_MARK_CIRCLE:
    default:
      return radius + grow;
    }
}

static void
shape_path (cairo_t          *cr,
            DossierMarkShape  shape,
            double            x,
            double            y,
            double            reach)
{
  switch (shape)
    {
    case DOSSIER_MARK_SQUARE:
      cairo_rectangle (cr, x - reach, y - reach, 2 * reach, 2 * reach);
      break;
    case DOSSIER_MARK_DIAMOND:
      cairo_move_to (cr, x, y - reach);
      cairo_line_to (cr, x + reach, y);
      cairo_line_to (cr, x, y + reach);
      cairo_line_to (cr, x - reach, y);
      cairo_close_path (cr);
      break;
    case DOSSIER_MARK_TRIANGLE:
      /* Centred on its height rather than its centre of gravity, as it is seen. */
      cairo_move_to (cr, x, y - reach * 0.75);
      cairo_line_to (cr, x + reach * 0.866, y + reach * 0.75);
      cairo_line_to (cr, x - reach * 0.866, y + reach * 0.75);
      cairo_close_path (cr);
      break;
    case DOSSIER_MARK_CIRCLE:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, reach, 0, 2 * G_PI);
      break;
    }
}

/**
 * dossier_mark_path:
 * @cr: where to draw
 * @shape: a mark's shape
 * @x: its centre
 * @y:
 * @radius: the radius of a circle as heavy as the mark
 *
 * Adds the mark's outline to @cr's path, for a drawing that fills or strokes it itself.
 */
void
dossier_mark_path (cairo_t          *cr,
                   DossierMarkShape  shape,
                   double            x,
                   double            y,
                   double            radius)
{
  shape_path (cr, shape, x, y, shape_reach (shape, radius, 0));
}

/* The layers of a mark, from the bottom: a hairline, a ring of the ground's colour, the
 * term's colour, and for a term the vocabulary does not know, a hole. */
typedef struct {
  double  grow;
  GdkRGBA colour;
} Layer;

static guint
mark_layers (const DossierTermStyle *style,
             double                  radius,
             const DossierLook      *look,
             Layer                   layers[4])
{
  guint n = 0;

  layers[n++] = (Layer) { 2.25, look->mark_outline };
  layers[n++] = (Layer) { 1.5, look->mark_edge };
  layers[n++] = (Layer) { 0, { style->red, style->green, style->blue, 1 } };
  if (style->hollow)
    layers[n++] = (Layer) { -MAX (2, radius / 2.5), look->mark_edge };
  return n;
}

/**
 * dossier_mark_draw:
 * @cr: where to draw
 * @style: the term's colour and shape
 * @x: the mark's centre
 * @y:
 * @radius: the radius of a circle as heavy as the mark
 * @look: the colours of the ground it is drawn on
 */
void
dossier_mark_draw (cairo_t                *cr,
                   const DossierTermStyle *style,
                   double                  x,
                   double                  y,
                   double                  radius,
                   const DossierLook      *look)
{
  Layer layers[4];
  guint n = mark_layers (style, radius, look, layers);

  cairo_save (cr);
  cairo_new_path (cr);
  for (guint i = 0; i < n; i++)
    {
      shape_path (cr, style->shape, x, y, shape_reach (style->shape, radius, layers[i].grow));
      gdk_cairo_set_source_rgba (cr, &layers[i].colour);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

/**
 * dossier_mark_append:
 * @snapshot: where to draw
 * @style: the term's colour and shape
 * @x: the mark's centre
 * @y:
 * @radius: the radius of a circle as heavy as the mark
 * @look: the colours of the ground it is drawn on
 *
 * Draws as dossier_mark_draw() does, with render nodes where GTK has them (circles,
 * squares, diamonds), which a frame of the map draws by the hundred.
 */
void
dossier_mark_append (GtkSnapshot            *snapshot,
                     const DossierTermStyle *style,
                     double                  x,
                     double                  y,
                     double                  radius,
                     const DossierLook      *look)
{
  Layer layers[4];
  guint n;

  if (style->shape == DOSSIER_MARK_TRIANGLE)
    {
      /* GTK 4.8 has no paths: cairo, in a box that holds the triangle and its rings. */
      double reach = shape_reach (style->shape, radius, 2.25) + 1;
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x - reach, y - reach, 2 * reach, 2 * reach));

      dossier_mark_draw (cr, style, x, y, radius, look);
      cairo_destroy (cr);
      return;
    }
  n = mark_layers (style, radius, look, layers);
  for (guint i = 0; i < n; i++)
    {
      double reach = shape_reach (style->shape, radius, layers[i].grow);

      switch (style->shape)
        {
        case DOSSIER_MARK_SQUARE:
          gtk_snapshot_append_color (snapshot, &layers[i].colour,
                                     &GRAPHENE_RECT_INIT (x - reach, y - reach, 2 * reach, 2 * reach));
          break;
        case DOSSIER_MARK_DIAMOND:
          {
            double half = reach / G_SQRT2;

            gtk_snapshot_save (snapshot);
            gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
            gtk_snapshot_rotate (snapshot, 45);
            gtk_snapshot_append_color (snapshot, &layers[i].colour, &GRAPHENE_RECT_INIT (-half, -half, 2 * half, 2 * half));
            gtk_snapshot_restore (snapshot);
          }
          break;
        case DOSSIER_MARK_TRIANGLE:
        case DOSSIER_MARK_CIRCLE:
        default:
          {
            GskRoundedRect rect;

            gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x - reach, y - reach, 2 * reach, 2 * reach), reach);
            gtk_snapshot_push_rounded_clip (snapshot, &rect);
            gtk_snapshot_append_color (snapshot, &layers[i].colour, &rect.bounds);
            gtk_snapshot_pop (snapshot);
          }
          break;
        }
    }
}

static void
on_style_changed (GtkWidget *widget)
{
  gtk_widget_queue_draw (widget);
}

/**
 * dossier_look_watch:
 * @widget: a widget that draws with a #DossierLook
 *
 * Redraws @widget when the style turns dark or light, or high contrast on or off.
 */
void
dossier_look_watch (GtkWidget *widget)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (on_style_changed), widget, G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (on_style_changed), widget, G_CONNECT_SWAPPED);
}
