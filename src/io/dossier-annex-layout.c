/* dossier-annex-layout.c: the PDF annex's text, pages and tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Texts laid out with pango (cut at a page of text, made smaller where a word is wider
 * than its column), pages with their header and footer, paragraphs that flow across
 * pages, and tables whose rows break across pages line by line. While measuring (no cairo
 * context) the same code only counts.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "dossier-annex-private.h"
#include "dossier-record.h"

/* Whether the annex stops (cancelled, or an error met); in a record callback, @error is
 * set too, so that the loop over the records ends. */
gboolean
_dossier_annex_stopped (Annex   *a,
                        GError **error)
{
  if (a->error == NULL && a->options->cancellable != NULL)
    g_cancellable_set_error_if_cancelled (a->options->cancellable, &a->error);
  if (a->error != NULL && error != NULL && *error == NULL)
    *error = g_error_copy (a->error);
  return a->error != NULL;
}

/* Calls @func for every record of @type; the first error is kept in the annex. */
void
_dossier_annex_each_record (Annex             *a,
                            GType              type,
                            DossierRecordFunc  func)
{
  g_autoptr(GError) local = NULL;

  if (!dossier_store_foreach (a->store, type, func, a, &local) && a->error == NULL)
    a->error = g_steal_pointer (&local);
}

void
_dossier_annex_tick (Annex *a)
{
  a->done++;
  if (a->options->progress != NULL && (a->done % 256 == 0 || a->done == a->work))
    a->options->progress (a->done, a->work, a->options->progress_data);
}

/* ---- Text ---- */

/* The bytes of @text's first @max characters, or -1 if it has no more than @max. Counted
 * without reading past its end, even in a text that is not valid UTF-8. */
static gssize
cut_at (const char *text,
        gsize       max)
{
  gsize chars = 0;
  const char *p;

  for (p = text; *p; p++)
    if (((guchar) *p & 0xC0) != 0x80 && chars++ == max)
      return p - text;
  return -1;
}

/* French punctuation kept with its word: a text typed with ordinary spaces inside « » or
 * before : ; ? ! would otherwise break a line between them ("section «" / "Civilian…"). */
static char *
typeset (const char *text)
{
  static const struct { const char *from, *to; } pairs[] = {
    { "« ", "«\u00a0" }, { " »", "\u00a0»" }, { " :", "\u00a0:" }, { " ;", "\u00a0;" }, { " ?", "\u00a0?" }, { " !", "\u00a0!" },
  };
  g_autoptr(GString) out = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    if (strstr (text, pairs[i].from) != NULL)
      {
        if (out == NULL)
          out = g_string_new (text);
        g_string_replace (out, pairs[i].from, pairs[i].to, 0);
      }
  return out ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/* Sets @layout to at most @max characters of @text (the first ones, up to a space when
 * there is one near, then @note), in @font, wrapped to @width; at most @max_lines lines (0:
 * no limit), the last cut with an ellipsis. Returns its height in points. */
static double
set_layout_bounded (PangoLayout          *layout,
                    const char           *text,
                    gsize                 max,
                    const char           *note,
                    PangoFontDescription *font,
                    double                width,
                    int                   max_lines)
{
  gssize end = text ? cut_at (text, max) : -1;
  int w, h;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  /* Between words only: "communiqu-é" split over two lines reads as a mistake. A word too
   * wide for its column makes its cell's text smaller instead (see fit_words()). */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  pango_layout_set_height (layout, max_lines > 0 ? -max_lines : -1);
  pango_layout_set_ellipsize (layout, max_lines > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  if (end < 0)
    {
      g_autofree char *typeset_text = text ? typeset (text) : NULL;

      pango_layout_set_text (layout, typeset_text ? typeset_text : text ? text : "", -1);
    }
  else
    {
      g_autoptr(GString) cut = NULL;
      gssize space = end;

      while (space > end - 200 && space > 0 && text[space] != ' ' && text[space] != '\n')
        space--;
      cut = g_string_new_len (text, text[space] == ' ' || text[space] == '\n' ? space : end);
      if (note != NULL)
        g_string_append_printf (cut, " %s", note);
      {
        g_autofree char *typeset_text = typeset (cut->str);

        pango_layout_set_text (layout, typeset_text ? typeset_text : cut->str, -1);
      }
    }
  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

/* What ends a text cut at MAX_TEXT_CHARS. */
static const char *
continued (Annex *a)
{
  return _dossier_annex_tr (a, N_("[…] (the text continues in the dossier)"));
}

/* Whether pango had to break a line inside a word: a letter or digit on both sides of a
 * line's end. */
static gboolean
breaks_a_word (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  GSList *lines = pango_layout_get_lines_readonly (layout);

  for (GSList *l = lines; l != NULL && l->next != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      const char *end = text + line->start_index + line->length;
      gunichar before, after;

      if (line->length <= 0 || *end == '\0')
        continue;
      before = g_utf8_get_char (g_utf8_prev_char (end));
      after = g_utf8_get_char (end);
      if (g_unichar_isalnum (before) && g_unichar_isalnum (after))
        return TRUE;
    }
  return FALSE;
}

/* A text laid out in @font, or smaller (down to 60 %) when a word of it is wider than
 * @width: a word is never cut. Returns its height in points. */
static double
fit_words (Annex                *a,
           PangoLayout          *layout,
           const char           *text,
           PangoFontDescription *font,
           double                width,
           int                   max_lines)
{
  double height = set_layout_bounded (layout, text, MAX_TEXT_CHARS, continued (a), font, width, max_lines);
  g_autoptr(PangoFontDescription) smaller = NULL;
  int size = pango_font_description_get_size (font);

  if (!pango_layout_is_wrapped (layout) || !breaks_a_word (layout))
    return height;
  smaller = pango_font_description_copy (font);
  for (int step = 1; step <= 4; step++)
    {
      pango_font_description_set_size (smaller, size * (10 - step) / 10);
      height = set_layout_bounded (layout, text, MAX_TEXT_CHARS, continued (a), smaller, width, max_lines);
      if (!breaks_a_word (layout))
        break;
    }
  return height;
}

/* A table cell's text, whole up to a page of text, as any text. */
static double
set_cell (Annex                *a,
          PangoLayout          *layout,
          const char           *text,
          PangoFontDescription *font,
          double                width)
{
  return fit_words (a, layout, text, font, width, 0);
}

/* Everything but table cells, in the shared layout: a text longer than a page is cut, and
 * says that it goes on in the dossier. */
double
_dossier_annex_set_text (Annex                *a,
                         const char           *text,
                         PangoFontDescription *font,
                         double                width,
                         int                   max_lines)
{
  return set_layout_bounded (a->layout, text, MAX_TEXT_CHARS, continued (a), font, width, max_lines);
}

void
_dossier_annex_show (Annex  *a,
                     double  x,
                     double  y)
{
  if (a->cr == NULL)
    return;
  cairo_move_to (a->cr, x, y);
  pango_cairo_show_layout (a->cr, a->layout);
}

/* ---- Pages ---- */

static void
page_furniture (Annex *a)
{
  char number[64];

  if (a->cr == NULL)
    return;
  cairo_set_source_rgb (a->cr, 0.35, 0.35, 0.35);
  cairo_set_line_width (a->cr, 0.5);
  /* Header: the dossier, and the section. */
  _dossier_annex_set_text (a, a->title, a->small, WIDTH * 0.6, 1);
  _dossier_annex_show (a, LEFT, TOP - 30);
  if (a->running != NULL)
    {
      _dossier_annex_set_text (a, a->running, a->small, WIDTH * 0.38, 1);
      pango_layout_set_alignment (a->layout, PANGO_ALIGN_RIGHT);
      _dossier_annex_show (a, LEFT + WIDTH * 0.62, TOP - 30);
    }
  cairo_move_to (a->cr, LEFT, TOP - 16);
  cairo_line_to (a->cr, RIGHT, TOP - 16);
  cairo_stroke (a->cr);
  /* Footer: the profile, the page, the date. */
  cairo_move_to (a->cr, LEFT, BOTTOM + 14);
  cairo_line_to (a->cr, RIGHT, BOTTOM + 14);
  cairo_stroke (a->cr);
  _dossier_annex_set_text (a, a->options->profile == DOSSIER_PROFILE_PUBLIC ? _dossier_annex_tr (a, N_("Public annex"))
                              : a->options->profile == DOSSIER_PROFILE_ANNEX ? _dossier_annex_tr (a, N_("Annex: persons by code only"))
                              : _dossier_annex_tr (a, N_("Internal document")), a->small, WIDTH / 3, 1);
  _dossier_annex_show (a, LEFT, BOTTOM + 20);
  g_snprintf (number, sizeof number, _dossier_annex_tr (a, N_("Page %d of %d")), a->page, a->total);
  _dossier_annex_set_text (a, number, a->small, WIDTH / 3, 1);
  pango_layout_set_alignment (a->layout, PANGO_ALIGN_CENTER);
  _dossier_annex_show (a, LEFT + WIDTH / 3, BOTTOM + 20);
  _dossier_annex_set_text (a, a->today, a->small, WIDTH / 3, 1);
  pango_layout_set_alignment (a->layout, PANGO_ALIGN_RIGHT);
  _dossier_annex_show (a, LEFT + 2 * WIDTH / 3, BOTTOM + 20);
  /* Internal: said on every page, where it cannot be missed. */
  if (a->options->profile == DOSSIER_PROFILE_INTERNAL)
    {
      _dossier_annex_set_text (a, _dossier_annex_tr (a, N_("INTERNAL — NOT FOR DISTRIBUTION")), a->small_bold, WIDTH, 1);
      pango_layout_set_alignment (a->layout, PANGO_ALIGN_CENTER);
      cairo_set_source_rgb (a->cr, 0.75, 0.1, 0.1);
      _dossier_annex_show (a, LEFT, 14);
    }
  cairo_set_source_rgb (a->cr, 0, 0, 0);
}

void
_dossier_annex_begin_page (Annex *a)
{
  if (a->cr != NULL)
    cairo_pdf_surface_set_size (a->surface, a->page_w, a->page_h);
  a->page++;
  a->y = TOP;
  a->stripe = FALSE;
  page_furniture (a);
}

void
_dossier_annex_end_page (Annex *a)
{
  if (a->cr != NULL)
    cairo_show_page (a->cr);
}

/* Starts a new page unless @height more points fit on this one. */
gboolean
_dossier_annex_need (Annex  *a,
                     double  height)
{
  if (a->y + height <= BOTTOM)
    return FALSE;
  _dossier_annex_end_page (a);
  _dossier_annex_begin_page (a);
  return TRUE;
}

/* A paragraph that flows across pages, line by line. It is laid out apart from the shared
 * layout, which each new page's header and footer take over: the lines still to show would
 * be lost (pango: "PangoLayout changed since PangoLayoutIter was created"). No table row is
 * being made meanwhile, so the first cell's layout is free. */
void
_dossier_annex_paragraph (Annex                *a,
                          const char           *text,
                          PangoFontDescription *font,
                          double                indent)
{
  PangoLayout *flow = a->cells[0];
  PangoLayoutIter *iter;

  if (text == NULL || *text == '\0')
    return;
  set_layout_bounded (flow, text, MAX_TEXT_CHARS, continued (a), font, WIDTH - indent, 0);
  iter = pango_layout_get_iter (flow);
  do
    {
      PangoRectangle logical;
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      int baseline = pango_layout_iter_get_baseline (iter);
      double height, ascent;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      height = (double) logical.height / PANGO_SCALE;
      ascent = (double) (baseline - logical.y) / PANGO_SCALE;
      _dossier_annex_need (a, height);
      if (a->cr != NULL)
        {
          cairo_move_to (a->cr, LEFT + indent + (double) logical.x / PANGO_SCALE, a->y + ascent);
          pango_cairo_show_layout_line (a->cr, line);
        }
      a->y += height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  a->y += 4;
}

/* ---- Tables ---- */


void
_dossier_annex_table_header (Annex        *a,
                             const Column *columns,
                             guint         n)
{
  double height = 0, x = LEFT;

  for (guint i = 0; i < n; i++)
    height = MAX (height, fit_words (a, a->layout, _dossier_annex_tr (a, columns[i].title), a->small_bold, columns[i].width - 2 * PAD, 3));
  height += 2 * PAD;
  _dossier_annex_need (a, height + 14);
  if (a->cr != NULL)
    {
      cairo_set_source_rgb (a->cr, 0.86, 0.88, 0.91);
      cairo_rectangle (a->cr, LEFT, a->y, WIDTH, height);
      cairo_fill (a->cr);
      cairo_set_source_rgb (a->cr, 0, 0, 0);
    }
  for (guint i = 0; i < n; i++)
    {
      fit_words (a, a->layout, _dossier_annex_tr (a, columns[i].title), a->small_bold, columns[i].width - 2 * PAD, 3);
      _dossier_annex_show (a, x + PAD, a->y + PAD);
      x += columns[i].width;
    }
  a->y += height;
  a->stripe = FALSE;
}

/* While measuring: the height of a short cell, remembered by column and text. Tables
 * repeat their words (places, labels, actors), and shaping text is most of an annex's time. */
static double
cell_height (Annex        *a,
             const Column *column,
             const char   *text)
{
  g_autofree char *key = NULL;
  gpointer found;
  double *height;

  if (text != NULL && strlen (text) > MAX_CACHED_CELL)
    return set_cell (a, a->cells[0], text, column->mono ? a->mono : a->small, column->width - 2 * PAD);
  key = g_strdup_printf ("%p\037%s", (gconstpointer) column, text ? text : "");
  if (g_hash_table_lookup_extended (a->heights, key, NULL, &found))
    return *(double *) found;
  if (g_hash_table_size (a->heights) > 200000)
    g_hash_table_remove_all (a->heights);
  height = g_new (double, 1);
  *height = set_cell (a, a->cells[0], text, column->mono ? a->mono : a->small, column->width - 2 * PAD);
  g_hash_table_insert (a->heights, g_steal_pointer (&key), height);
  return *height;
}

/* A line of a cell: where it is in its layout, in points. */
typedef struct {
  double top;
  double bottom;
  double baseline;
  double x;
} Line;

static GArray *
lines_of (PangoLayout *layout)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      Line line;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line.top = (double) logical.y / PANGO_SCALE;
      line.bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
      line.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      line.x = (double) logical.x / PANGO_SCALE;
      g_array_append_val (lines, line);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return lines;
}

/* A row taller than what is left of the page: as many lines of each cell as fit, then the
 * rest on the next pages under the header again. Both passes go through here, and break
 * the row at the same lines. */
static void
split_row (Annex        *a,
           const Column *columns,
           guint         n)
{
  GArray *lines[MAX_COLUMNS];
  guint next[MAX_COLUMNS] = { 0 };
  gboolean stripe = a->stripe;

  for (guint i = 0; i < n; i++)
    lines[i] = lines_of (a->cells[i]);
  for (;;)
    {
      guint last[MAX_COLUMNS];
      double room = BOTTOM - a->y - 2 * PAD, height = 0, x = LEFT;
      gboolean more = FALSE;

      for (guint i = 0; i < n; i++)
        {
          double offset = next[i] < lines[i]->len ? g_array_index (lines[i], Line, next[i]).top : 0;

          last[i] = next[i];
          while (last[i] < lines[i]->len && g_array_index (lines[i], Line, last[i]).bottom - offset <= room)
            {
              height = MAX (height, g_array_index (lines[i], Line, last[i]).bottom - offset);
              last[i]++;
            }
          more |= last[i] < lines[i]->len;
        }
      if (height > 0 && a->cr != NULL)
        {
          if (stripe)
            {
              cairo_set_source_rgb (a->cr, 0.96, 0.965, 0.975);
              cairo_rectangle (a->cr, LEFT, a->y, WIDTH, height + 2 * PAD);
              cairo_fill (a->cr);
              cairo_set_source_rgb (a->cr, 0, 0, 0);
            }
          for (guint i = 0; i < n; i++)
            {
              double offset = next[i] < lines[i]->len ? g_array_index (lines[i], Line, next[i]).top : 0;

              for (guint l = next[i]; l < last[i]; l++)
                {
                  Line *line = &g_array_index (lines[i], Line, l);

                  cairo_move_to (a->cr, x + PAD + line->x, a->y + PAD + line->baseline - offset);
                  pango_cairo_show_layout_line (a->cr, pango_layout_get_line_readonly (a->cells[i], l));
                }
              x += columns[i].width;
            }
        }
      for (guint i = 0; i < n; i++)
        next[i] = last[i];
      if (height > 0)
        a->y += height + 2 * PAD;
      if (!more)
        break;
      _dossier_annex_end_page (a);
      _dossier_annex_begin_page (a);
      _dossier_annex_table_header (a, columns, n);
    }
  for (guint i = 0; i < n; i++)
    g_array_unref (lines[i]);
  a->stripe = !stripe;
}

/* One row; on a new page the header comes again first. Each cell is laid out once, in
 * its own layout, to be measured and then drawn. A row that would not fit on a page of
 * its own starts where it is and goes on over the next pages. */
void
_dossier_annex_table_row (Annex        *a,
                          const Column *columns,
                          guint         n,
                          const char  **cells)
{
  double height = 0, x = LEFT, page;

  g_assert (n <= MAX_COLUMNS);
  for (guint i = 0; i < n; i++)
    height = MAX (height, a->cr == NULL ? cell_height (a, &columns[i], cells[i])
                                        : set_cell (a, a->cells[i], cells[i], columns[i].mono ? a->mono : a->small,
                                                    columns[i].width - 2 * PAD));
  height += 2 * PAD;
  /* A page under its header; a row that leaves less than a few lines here starts on the
   * next one. */
  page = BOTTOM - TOP - 40;
  if (height > page && BOTTOM - a->y > 60)
    {
      if (a->cr == NULL)
        for (guint i = 0; i < n; i++)
          set_cell (a, a->cells[i], cells[i], columns[i].mono ? a->mono : a->small, columns[i].width - 2 * PAD);
      split_row (a, columns, n);
      return;
    }
  if (_dossier_annex_need (a, height))
    {
      _dossier_annex_table_header (a, columns, n);
      if (a->y + height > BOTTOM)
        {
          if (a->cr == NULL)
            for (guint i = 0; i < n; i++)
              set_cell (a, a->cells[i], cells[i], columns[i].mono ? a->mono : a->small, columns[i].width - 2 * PAD);
          split_row (a, columns, n);
          return;
        }
    }
  if (a->cr != NULL)
    {
      if (a->stripe)
        {
          cairo_set_source_rgb (a->cr, 0.96, 0.965, 0.975);
          cairo_rectangle (a->cr, LEFT, a->y, WIDTH, height);
          cairo_fill (a->cr);
          cairo_set_source_rgb (a->cr, 0, 0, 0);
        }
      for (guint i = 0; i < n; i++)
        {
          cairo_move_to (a->cr, x + PAD, a->y + PAD);
          pango_cairo_show_layout (a->cr, a->cells[i]);
          x += columns[i].width;
        }
    }
  a->stripe = !a->stripe;
  a->y += height;
}

/* Two columns, label and value, for a record's sheet. */
void
_dossier_annex_field (Annex      *a,
                      const char *name,
                      const char *value)
{
  double height;

  if (value == NULL || *value == '\0')
    return;
  height = MAX (_dossier_annex_set_text (a, _dossier_annex_tr (a, name), a->label, 120, 0), _dossier_annex_set_text (a, value, a->body, WIDTH - 128, 0));
  if (height > BOTTOM - TOP - 40)
    {
      /* Longer than a page: the label, then the text flowing on. */
      _dossier_annex_need (a, 40);
      _dossier_annex_set_text (a, _dossier_annex_tr (a, name), a->label, WIDTH, 0);
      _dossier_annex_show (a, LEFT, a->y);
      a->y += _dossier_annex_set_text (a, _dossier_annex_tr (a, name), a->label, WIDTH, 0) + 2;
      _dossier_annex_paragraph (a, value, a->body, 128);
      return;
    }
  _dossier_annex_need (a, height);
  _dossier_annex_set_text (a, _dossier_annex_tr (a, name), a->label, 120, 0);
  _dossier_annex_show (a, LEFT, a->y);
  _dossier_annex_set_text (a, value, a->body, WIDTH - 128, 0);
  _dossier_annex_show (a, LEFT + 128, a->y);
  a->y += height + 3;
}
