/* dossier-figure.c: a view written as a figure for a report (PNG, SVG, PDF)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dossier-atomic-file.h"
#include "dossier-figure.h"
#include "dossier-look.h"

/* Cairo writes a figure through this, into the file opened owner-only for it. */
static cairo_status_t
write_out (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  int fd = GPOINTER_TO_INT (closure);

  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return CAIRO_STATUS_WRITE_ERROR;
      data += n;
      length -= n;
    }
  return CAIRO_STATUS_SUCCESS;
}

/**
 * dossier_figure_write:
 * @node: (nullable): what the view draws, in its own pixels
 * @view_width: the view's size
 * @view_height:
 * @path: the file to write: .png, .svg or .pdf
 * @width: its width in pixels (PNG) or points (SVG, PDF); the height follows the view's
 * @error: return location for a #GError
 *
 * Draws @node scaled to @width on white, in the format the file name asks for. Lines and
 * text stay lines and text in SVG and PDF. The file is written under a temporary name and
 * renamed when complete, so that nothing half-written is ever left; it is readable by its
 * owner only, whatever the umask, as every file the program makes.
 *
 * Returns: %TRUE if written
 */
gboolean
dossier_figure_write (GskRenderNode  *node,
                      int             view_width,
                      int             view_height,
                      const char     *path,
                      int             width,
                      GError        **error)
{
  g_autofree char *lower = NULL;
  g_autoptr(DossierAtomicFile) file = NULL;
  g_autoptr(GError) local = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double scale;
  int height, fd;
  enum { PNG, SVG, PDF } format;

  g_return_val_if_fail (path != NULL, FALSE);

  if (view_width <= 0 || view_height <= 0 || width <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The view is not shown: there is nothing to export"));
      return FALSE;
    }
  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".svg"))
    format = SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    format = PDF;
  else if (g_str_has_suffix (lower, ".png"))
    format = PNG;
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A figure is exported as PNG, SVG or PDF: end the file name with .png, .svg or .pdf"));
      return FALSE;
    }
  scale = (double) width / view_width;
  height = (int) ceil (view_height * scale);

  /* Opened here, new and owner-only, and written through that descriptor: cairo would
   * create the file with the umask's mode. */
  file = dossier_atomic_file_open (path, 0600, &local);
  if (file == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, local->code,
                   /* Translators: %s is a file name */
                   _("The figure could not be written to “%s”"), display);
      return FALSE;
    }
  fd = dossier_atomic_file_get_fd (file);
  if (format == SVG)
    surface = cairo_svg_surface_create_for_stream (write_out, GINT_TO_POINTER (fd), width, height);
  else if (format == PDF)
    surface = cairo_pdf_surface_create_for_stream (write_out, GINT_TO_POINTER (fd), width, height);
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  /* Figures go on paper: the print look's background, whatever the screen's style. */
  {
    DossierLook paper;

    dossier_look_for_print (&paper);
    gdk_cairo_set_source_rgba (cr, &paper.background);
  }
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  if (format == PNG)
    status = cairo_surface_write_to_png_stream (surface, write_out, GINT_TO_POINTER (fd));
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS || !dossier_atomic_file_commit (g_steal_pointer (&file), NULL))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is a file name */
                   _("The figure could not be written to “%s”"), display);
      return FALSE;
    }
  return TRUE;
}

/* A view kept for a document drawn later, perhaps in a worker thread: it is recorded at
 * once, in the thread that owns the widgets, as cairo drawing operations; replaying them
 * into a PDF keeps them vector. */
struct _DossierFigure
{
  cairo_surface_t *recording;
  int              view_width;
  int              view_height;
};

DossierFigure *
dossier_figure_new (GskRenderNode *node,
                    int            view_width,
                    int            view_height)
{
  DossierFigure *figure = g_new0 (DossierFigure, 1);
  cairo_rectangle_t extents = { 0, 0, view_width, view_height };
  cairo_t *cr;

  figure->view_width = view_width;
  figure->view_height = view_height;
  if (node == NULL || view_width <= 0 || view_height <= 0)
    return figure;
  figure->recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cr = cairo_create (figure->recording);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  return figure;
}

void
dossier_figure_free (DossierFigure *figure)
{
  if (figure == NULL)
    return;
  g_clear_pointer (&figure->recording, cairo_surface_destroy);
  g_free (figure);
}

/* The size of the view recorded, in its own pixels. */
void
dossier_figure_get_size (DossierFigure *figure,
                         int           *view_width,
                         int           *view_height)
{
  g_return_if_fail (figure != NULL);
  *view_width = figure->view_width;
  *view_height = figure->view_height;
}

/**
 * dossier_figure_draw:
 * @cr: where to draw
 * @width: the box's width
 * @height: the box's height
 * @figure: a #DossierFigure
 *
 * Draws the figure scaled to fit the box at the origin of @cr, keeping its proportions,
 * centred across and at the top: a DossierAnnexFigureFunc.
 */
void
dossier_figure_draw (cairo_t  *cr,
                     double    width,
                     double    height,
                     gpointer  data)
{
  DossierFigure *figure = data;
  double scale;

  if (figure == NULL || figure->recording == NULL)
    return;
  scale = MIN (width / figure->view_width, height / figure->view_height);
  cairo_save (cr);
  cairo_translate (cr, (width - figure->view_width * scale) / 2, 0);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, figure->view_width, figure->view_height);
  cairo_clip (cr);
  cairo_set_source_surface (cr, figure->recording, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}
