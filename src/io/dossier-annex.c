/* dossier-annex.c: the PDF annex of a report, by profile and in a chosen language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A4 pages drawn with cairo and pango: a cover page (title, mandate, period, date, profile),
 * a table of contents with links and PDF bookmarks, then the sections the author chose, each
 * on a new page. Tables break across pages and repeat their header; a row taller than
 * what is left of a page goes on on the next one, line by line, so that a cell is shown
 * whole (up to a page of text, as any text); paragraphs flow on across pages line by line.
 * A section with nothing to show in this annex is left out, and the contents say so.
 *
 * The document is laid out twice by the same code: a first pass that only measures (no
 * cairo context) finds each section's first page and the number of pages, which the
 * contents and the footers ("page 3 of 41") print in the second pass. Both passes ask the
 * same questions of one PangoContext whose metrics are not hinted, so they agree exactly.
 *
 * What may appear is decided by dossier-redaction, for every kind of record; no identity
 * of a person appears in any profile. The words of the document come from a DossierCatalog in the chosen language,
 * whatever the language of the interface. The file is written under a temporary name and
 * renamed when complete.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "dossier-actor.h"
#include "dossier-annex.h"
#include "dossier-catalog.h"
#include "dossier-edtf.h"
#include "dossier-evidence.h"
#include "dossier-incident.h"
#include "dossier-link.h"
#include "dossier-person.h"
#include "dossier-record.h"
#include "dossier-testimony.h"
#include "dossier-vocab.h"
#include "dossier-store-private.h" /* FIXME(issue 14): internal use to remove */
#include "dossier-info.h"

/* A4 in points, and the frame of the text on the current page, upright or, for the wide
 * incidents table, on its side. */
#define A4_SHORT 595.276
#define A4_LONG 841.890
#define LEFT 48.0
#define RIGHT (a->page_w - 48.0)
#define TOP 64.0
#define BOTTOM (a->page_h - 54.0)
#define WIDTH (RIGHT - LEFT)
#define PAD 2.5
#define MAX_COLUMNS 9
/* The most characters given to pango at once. It lays a text out whole, and its memory
 * grows with the text (a 200 MB mandate made the annex grow to 15.8 GB): a text longer than
 * a page shows (about 4,000 characters of a sheet's body text) is cut and marked, the rest
 * staying in the dossier. Table cells too: a source is written out whole, not cut at a few
 * lines. */
#define MAX_TEXT_CHARS 4000
/* Cells whose height is remembered while measuring: the short texts that tables repeat
 * (places, labels, actors); longer ones are rarely the same twice. */
#define MAX_CACHED_CELL 160

static const struct {
  DossierAnnexSections section;
  const char *name;
  const char *title;
} sections[DOSSIER_ANNEX_N_SECTIONS] = {
  { DOSSIER_ANNEX_INCIDENTS, "incidents", N_("Incidents") },
  { DOSSIER_ANNEX_SHEETS, "sheets", N_("Incident sheets") },
  { DOSSIER_ANNEX_TESTIMONIES, "testimonies", N_("Index of testimonies") },
  { DOSSIER_ANNEX_PEOPLE, "people", N_("Index of persons by code") },
  { DOSSIER_ANNEX_ACTORS, "actors", N_("Actors") },
  { DOSSIER_ANNEX_EVIDENCE, "evidence", N_("Register of evidence") },
  { DOSSIER_ANNEX_MAP, "map", N_("Map") },
  { DOSSIER_ANNEX_TIMELINE, "timeline", N_("Timeline") },
};

/**
 * dossier_annex_sections_from_string:
 * @list: section names separated by commas (incidents, sheets, testimonies, people,
 *   actors, evidence, map, timeline), or "all"
 * @sections: (out): the sections
 *
 * Returns: %FALSE if a name is unknown
 */
gboolean
dossier_annex_sections_from_string (const char           *list,
                                    DossierAnnexSections *out)
{
  g_auto(GStrv) names = g_strsplit (list, ",", -1);
  DossierAnnexSections result = 0;

  if (g_strcmp0 (list, "all") == 0)
    {
      *out = DOSSIER_ANNEX_TABLES | DOSSIER_ANNEX_MAP | DOSSIER_ANNEX_TIMELINE;
      return TRUE;
    }
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);
      gboolean known = FALSE;

      for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
        if (g_str_equal (name, sections[s].name))
          {
            result |= sections[s].section;
            known = TRUE;
          }
      if (!known)
        return FALSE;
    }
  if (result == 0)
    return FALSE;
  *out = result;
  return TRUE;
}

const char *
dossier_annex_section_name (DossierAnnexSections section)
{
  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    if (sections[s].section == section)
      return sections[s].name;
  return NULL;
}

/* In the interface's language, for the Export dialog. */
const char *
dossier_annex_section_title (DossierAnnexSections section)
{
  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    if (sections[s].section == section)
      return _(sections[s].title);
  return NULL;
}

typedef struct {
  DossierStore              *store;
  const DossierAnnexOptions *options;
  DossierCatalog            *catalog;
  const char                *lang;
  PangoContext              *pango;
  PangoLayout               *layout;
  PangoLayout               *cells[MAX_COLUMNS];   /* a table row's, measured then drawn */
  PangoFontDescription      *body;
  PangoFontDescription      *bold;
  PangoFontDescription      *label;       /* a field's name: bold, as high as the body */
  PangoFontDescription      *small;
  PangoFontDescription      *small_bold;
  PangoFontDescription      *mono;
  PangoFontDescription      *heading;
  cairo_surface_t           *surface;
  cairo_t                   *cr;          /* NULL while measuring */
  double                     page_w;
  double                     page_h;
  int                        page;        /* the current page, from 1 */
  int                        total;       /* pages in all, known after measuring */
  double                     y;
  const char                *running;     /* the section named in the page header */
  gboolean                   in_section;  /* a section has begun: the next may follow on its page */
  int                        first_page[DOSSIER_ANNEX_N_SECTIONS];
  DossierAnnexSections       left_out;    /* chosen, but with nothing to show in this annex */
  char                      *title;
  char                      *mandate;
  char                      *period;
  char                      *today;
  GHashTable                *labels;      /* "scheme\037code" → label in the annex's language */
  GHashTable                *heights;     /* see cell_height() */
  gboolean                   stripe;
  guint64                    done;
  guint64                    work;
  GError                    *error;
} Annex;

static const char *tr (Annex      *a,
                       const char *msgid) G_GNUC_FORMAT (2);

static const char *
tr (Annex      *a,
    const char *msgid)
{
  return dossier_catalog_get (a->catalog, msgid);
}

static const char *
label (Annex      *a,
       const char *scheme,
       const char *code)
{
  g_autofree char *key = NULL;
  char *found;

  if (code == NULL || *code == '\0')
    return "";
  key = g_strconcat (scheme, "\037", code, NULL);
  found = g_hash_table_lookup (a->labels, key);
  if (found == NULL)
    {
      found = dossier_store_vocab_label (a->store, scheme, code, a->lang);
      g_hash_table_insert (a->labels, g_steal_pointer (&key), found);
    }
  return found;
}

/* Labels of a list of codes, joined. */
static char *
labels (Annex       *a,
        const char  *scheme,
        GStrv        codes)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, label (a, scheme, codes[i]));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A text in the annex's language, else in the other one, marked with that language. */
static char *
in_language (Annex      *a,
             const char *fr,
             const char *en)
{
  gboolean french = g_str_equal (a->lang, "fr");
  const char *want = french ? fr : en, *other = french ? en : fr;

  if (want != NULL && *want != '\0')
    return g_strdup (want);
  if (other != NULL && *other != '\0')
    return g_strdup_printf ("%s [%s]", other, french ? "en" : "fr");
  return g_strdup ("");
}

/* ---- Values written out, in the annex's language ---- */

static gboolean
french (Annex *a)
{
  return g_str_equal (a->lang, "fr");
}

/* @text with its spaces made no-break: a number is never parted from its unit at the end
 * of a line, however the translation spaced them. Frees @text. */
static char *
keep_together (char *text)
{
  g_autoptr(GString) out = g_string_new (text);

  g_free (text);
  g_string_replace (out, " ", "\u00a0", 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A decimal number as its readers write it: "14.12" or "14,12". */
static char *
decimal (Annex  *a,
         double  value,
         int     digits)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];

  g_snprintf (format, sizeof format, "%%.%df", digits);
  g_ascii_formatd (number, sizeof number, format, value);
  if (french (a))
    for (char *p = number; *p; p++)
      if (*p == '.')
        *p = ',';
  return g_strdup (number);
}

/* A whole number in groups of three: "68,744", "68 744" (with a no-break space). */
static char *
grouped (Annex  *a,
         gint64  value)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, value < 0 ? -value : value);
  GString *out = g_string_new (value < 0 ? "-" : "");
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (out, french (a) ? "\u00a0" : ",");
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

/* A latitude or longitude in degrees with its hemisphere: "14.12° N", "4.35° W"; four
 * decimals (about ten metres) at most, and no trailing zeros past the second. */
static char *
degrees (Annex    *a,
         double    value,
         gboolean  latitude)
{
  g_autofree char *number = decimal (a, fabs (value), 4);
  gsize len = strlen (number);

  while (len > 0 && number[len - 1] == '0' && strchr (number, french (a) ? ',' : '.') < number + len - 3)
    number[--len] = '\0';
  if (latitude)
    /* Translators: a latitude in an annex, north or south of the equator */
    return keep_together (g_strdup_printf (value >= 0 ? tr (a, N_("%s° N")) : tr (a, N_("%s° S")), number));
  /* Translators: a longitude in an annex, east or west of Greenwich (French: O for ouest) */
  return keep_together (g_strdup_printf (value >= 0 ? tr (a, N_("%s° E")) : tr (a, N_("%s° W")), number));
}

/* A file's size: "68.7 kB (68,744 bytes)", in decimal units as GLib gives them. */
static char *
file_size (Annex  *a,
           gint64  bytes)
{
  g_autofree char *all = grouped (a, bytes);
  /* Translators: a file's exact size in an annex; %s is the number, in groups of three */
  g_autofree char *exact = keep_together (g_strdup_printf (dossier_catalog_nget (a->catalog, "%s byte", "%s bytes",
                                                                                 (gulong) MIN (bytes, G_MAXLONG)), all));
  g_autofree char *rounded = NULL;
  double value = bytes;
  guint unit = 0;

  if (bytes < 1000)
    return g_steal_pointer (&exact);
  value /= 1000;
  while (value >= 1000 && unit < 3)
    {
      value /= 1000;
      unit++;
    }
  rounded = decimal (a, value, 1);
  {
    /* Translators: sizes of files in an annex, in decimal units; French: ko, Mo, Go, To */
    g_autofree char *size = keep_together (g_strdup_printf (unit == 0 ? tr (a, N_("%s kB")) : unit == 1 ? tr (a, N_("%s MB"))
                                                            : unit == 2 ? tr (a, N_("%s GB")) : tr (a, N_("%s TB")), rounded));

    return g_strdup_printf ("%s (%s)", size, exact);
  }
}

/* What kind of file a media type names, for readers who do not know "application/pdf". */
static const char *
media_kind (Annex      *a,
            const char *type)
{
  static const struct { const char *type, *kind; } kinds[] = {
    { "application/pdf", N_("PDF document") },
    { "text/plain", N_("Text") },
    { "text/html", N_("Web page") },
    { "text/csv", N_("Table (CSV)") },
    { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", N_("Spreadsheet") },
    { "application/vnd.oasis.opendocument.spreadsheet", N_("Spreadsheet") },
    { "application/vnd.openxmlformats-officedocument.wordprocessingml.document", N_("Text document") },
    { "application/vnd.oasis.opendocument.text", N_("Text document") },
    { "application/msword", N_("Text document") },
    { "application/zip", N_("ZIP archive") },
    { "image/jpeg", N_("JPEG photograph") },
    { "image/png", N_("PNG image") },
    { "image/", N_("Image") },
    { "audio/", N_("Audio recording") },
    { "video/", N_("Video") },
  };

  if (type == NULL || *type == '\0')
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_has_suffix (kinds[i].type, "/") ? g_str_has_prefix (type, kinds[i].type) : g_ascii_strcasecmp (type, kinds[i].type) == 0)
      return tr (a, kinds[i].kind);
  return type;
}

/* A time the program recorded, in UTC ("2022-03-28T10:15:00Z"), to the minute: "28 March
 * 2022, 10:15 UTC", "28 mars 2022 à 10 h 15 UTC". */
static char *
utc_time (Annex      *a,
          const char *at)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) read = at ? g_date_time_new_from_iso8601 (at, utc) : NULL;
  g_autoptr(GDateTime) time = read ? g_date_time_to_timezone (read, utc) : NULL;
  g_autofree char *day = NULL;
  g_autofree char *date = NULL;
  g_autofree char *clock = NULL;

  if (time == NULL)
    return g_strdup (at ? at : "");
  day = g_date_time_format (time, "%Y-%m-%d");
  date = dossier_edtf_format_string (day, a->lang);
  /* Translators: hours and minutes in an annex; French writes “10 h 15” */
  clock = g_strdup_printf (tr (a, N_("%02d:%02d")), g_date_time_get_hour (time), g_date_time_get_minute (time));
  /* Translators: a date and a time of day in UTC, e.g. “28 March 2022, 10:15 UTC” */
  return g_strdup_printf (tr (a, N_("%s, %s UTC")), date, clock);
}

/* Whether the annex stops (cancelled, or an error met); in a record callback, @error is
 * set too, so that the loop over the records ends. */
/* A date written out keeps its parts together with no-break spaces; in a narrow column it
 * may break between them. */
static char *
breakable (char *text)
{
  g_auto(GStrv) parts = NULL;

  if (text == NULL || strstr (text, "\u00a0") == NULL)
    return text;
  parts = g_strsplit (text, "\u00a0", -1);
  g_free (text);
  return g_strjoinv (" ", parts);
}

static gboolean
stopped (Annex   *a,
         GError **error)
{
  if (a->error == NULL && a->options->cancellable != NULL)
    g_cancellable_set_error_if_cancelled (a->options->cancellable, &a->error);
  if (a->error != NULL && error != NULL && *error == NULL)
    *error = g_error_copy (a->error);
  return a->error != NULL;
}

/* Calls @func for every record of @type; the first error is kept in the annex. */
static void
each_record (Annex             *a,
             GType              type,
             DossierRecordFunc  func)
{
  g_autoptr(GError) local = NULL;

  if (!dossier_store_foreach (a->store, type, NULL, func, a, &local) && a->error == NULL)
    a->error = g_steal_pointer (&local);
}

static void
tick (Annex *a)
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
  return tr (a, N_("[…] (the text continues in the dossier)"));
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
static double
set_text (Annex                *a,
          const char           *text,
          PangoFontDescription *font,
          double                width,
          int                   max_lines)
{
  return set_layout_bounded (a->layout, text, MAX_TEXT_CHARS, continued (a), font, width, max_lines);
}

static void
show (Annex  *a,
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
  set_text (a, a->title, a->small, WIDTH * 0.6, 1);
  show (a, LEFT, TOP - 30);
  if (a->running != NULL)
    {
      set_text (a, a->running, a->small, WIDTH * 0.38, 1);
      pango_layout_set_alignment (a->layout, PANGO_ALIGN_RIGHT);
      show (a, LEFT + WIDTH * 0.62, TOP - 30);
    }
  cairo_move_to (a->cr, LEFT, TOP - 16);
  cairo_line_to (a->cr, RIGHT, TOP - 16);
  cairo_stroke (a->cr);
  /* Footer: the profile, the page, the date. */
  cairo_move_to (a->cr, LEFT, BOTTOM + 14);
  cairo_line_to (a->cr, RIGHT, BOTTOM + 14);
  cairo_stroke (a->cr);
  set_text (a, a->options->profile == DOSSIER_PROFILE_PUBLIC ? tr (a, N_("Public annex"))
               : a->options->profile == DOSSIER_PROFILE_ANNEX ? tr (a, N_("Annex: persons by code only"))
               : tr (a, N_("Internal document")), a->small, WIDTH / 3, 1);
  show (a, LEFT, BOTTOM + 20);
  g_snprintf (number, sizeof number, tr (a, N_("Page %d of %d")), a->page, a->total);
  set_text (a, number, a->small, WIDTH / 3, 1);
  pango_layout_set_alignment (a->layout, PANGO_ALIGN_CENTER);
  show (a, LEFT + WIDTH / 3, BOTTOM + 20);
  set_text (a, a->today, a->small, WIDTH / 3, 1);
  pango_layout_set_alignment (a->layout, PANGO_ALIGN_RIGHT);
  show (a, LEFT + 2 * WIDTH / 3, BOTTOM + 20);
  /* Internal: said on every page, where it cannot be missed. */
  if (a->options->profile == DOSSIER_PROFILE_INTERNAL)
    {
      set_text (a, tr (a, N_("INTERNAL — NOT FOR DISTRIBUTION")), a->small_bold, WIDTH, 1);
      pango_layout_set_alignment (a->layout, PANGO_ALIGN_CENTER);
      cairo_set_source_rgb (a->cr, 0.75, 0.1, 0.1);
      show (a, LEFT, 14);
    }
  cairo_set_source_rgb (a->cr, 0, 0, 0);
}

static void
begin_page (Annex *a)
{
  if (a->cr != NULL)
    cairo_pdf_surface_set_size (a->surface, a->page_w, a->page_h);
  a->page++;
  a->y = TOP;
  a->stripe = FALSE;
  page_furniture (a);
}

static void
end_page (Annex *a)
{
  if (a->cr != NULL)
    cairo_show_page (a->cr);
}

/* Starts a new page unless @height more points fit on this one. */
static gboolean
need (Annex  *a,
      double  height)
{
  if (a->y + height <= BOTTOM)
    return FALSE;
  end_page (a);
  begin_page (a);
  return TRUE;
}

/* A paragraph that flows across pages, line by line. It is laid out apart from the shared
 * layout, which each new page's header and footer take over: the lines still to show would
 * be lost (pango: "PangoLayout changed since PangoLayoutIter was created"). No table row is
 * being made meanwhile, so the first cell's layout is free. */
static void
paragraph (Annex                *a,
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
      need (a, height);
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

/* A section: its title, a destination for the contents and a bookmark. It follows the one
 * before on its page when the page is the same way up and @room points are left for its
 * start (a small dossier's annex was nine pages of a line or two each); otherwise a new
 * page, on its side for the wide incidents table only. */
static void
begin_section (Annex  *a,
               guint   index,
               double  room)
{
  g_autofree char *dest = g_strdup_printf ("name='section-%u'", index);
  gboolean wide = sections[index].section == DOSSIER_ANNEX_INCIDENTS;
  double page_w = wide ? A4_LONG : A4_SHORT;

  a->running = tr (a, sections[index].title);
  if (a->in_section && a->page_w == page_w && a->y + 24 + room + 40 <= BOTTOM)
    a->y += 24;
  else
    {
      end_page (a);
      a->page_w = page_w;
      a->page_h = wide ? A4_SHORT : A4_LONG;
      begin_page (a);
    }
  a->in_section = TRUE;
  a->first_page[index] = a->page;
  set_text (a, a->running, a->heading, WIDTH, 0);
  if (a->cr != NULL)
    {
      g_autofree char *link = g_strdup_printf ("dest='section-%u'", index);

      cairo_tag_begin (a->cr, CAIRO_TAG_DEST, dest);
      show (a, LEFT, a->y);
      cairo_tag_end (a->cr, CAIRO_TAG_DEST);
      cairo_pdf_surface_add_outline (a->surface, CAIRO_PDF_OUTLINE_ROOT, a->running, link, 0);
    }
  a->y += set_text (a, a->running, a->heading, WIDTH, 0) + 10;
}

/* ---- Tables ---- */

typedef struct {
  const char *title;
  double      width;
  gboolean    mono;   /* a hash: fixed width, smaller */
} Column;

static void
table_header (Annex        *a,
              const Column *columns,
              guint         n)
{
  double height = 0, x = LEFT;

  for (guint i = 0; i < n; i++)
    height = MAX (height, fit_words (a, a->layout, tr (a, columns[i].title), a->small_bold, columns[i].width - 2 * PAD, 3));
  height += 2 * PAD;
  need (a, height + 14);
  if (a->cr != NULL)
    {
      cairo_set_source_rgb (a->cr, 0.86, 0.88, 0.91);
      cairo_rectangle (a->cr, LEFT, a->y, WIDTH, height);
      cairo_fill (a->cr);
      cairo_set_source_rgb (a->cr, 0, 0, 0);
    }
  for (guint i = 0; i < n; i++)
    {
      fit_words (a, a->layout, tr (a, columns[i].title), a->small_bold, columns[i].width - 2 * PAD, 3);
      show (a, x + PAD, a->y + PAD);
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
      end_page (a);
      begin_page (a);
      table_header (a, columns, n);
    }
  for (guint i = 0; i < n; i++)
    g_array_unref (lines[i]);
  a->stripe = !stripe;
}

/* One row; on a new page the header comes again first. Each cell is laid out once, in
 * its own layout, to be measured and then drawn. A row that would not fit on a page of
 * its own starts where it is and goes on over the next pages. */
static void
table_row (Annex        *a,
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
  if (need (a, height))
    {
      table_header (a, columns, n);
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
static void
field (Annex      *a,
       const char *name,
       const char *value)
{
  double height;

  if (value == NULL || *value == '\0')
    return;
  height = MAX (set_text (a, tr (a, name), a->label, 120, 0), set_text (a, value, a->body, WIDTH - 128, 0));
  if (height > BOTTOM - TOP - 40)
    {
      /* Longer than a page: the label, then the text flowing on. */
      need (a, 40);
      set_text (a, tr (a, name), a->label, WIDTH, 0);
      show (a, LEFT, a->y);
      a->y += set_text (a, tr (a, name), a->label, WIDTH, 0) + 2;
      paragraph (a, value, a->body, 128);
      return;
    }
  need (a, height);
  set_text (a, tr (a, name), a->label, 120, 0);
  show (a, LEFT, a->y);
  set_text (a, value, a->body, WIDTH - 128, 0);
  show (a, LEFT + 128, a->y);
  a->y += height + 3;
}

/* ---- Queries ---- */

/* The codes of rows @sql gives for @id (one column, or code and role), joined. */
static char *
codes (Annex      *a,
       const char *sql,
       gint64      id,
       const char *role_scheme)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = _dossier_store_prepare (a->store, sql, NULL);

  if (stmt == NULL)
    return g_strdup ("");
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *role = role_scheme ? (const char *) sqlite3_column_text (stmt, 1) : NULL;

      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, (const char *) sqlite3_column_text (stmt, 0));
      if (role != NULL && *role != '\0')
        g_string_append_printf (out, " (%s)", label (a, role_scheme, role));
    }
  sqlite3_reset (stmt);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The victims of an incident by category, each with its disaggregation. */
static char *
victims (Annex           *a,
         DossierIncident *incident)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (int c = 0; c < DOSSIER_N_CASUALTY_CATEGORIES; c++)
    {
      gint64 total = dossier_incident_total_casualties (incident, c);
      gboolean first = TRUE;

      if (total <= 0)
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      /* Translators: a number of victims in an annex, e.g. “Killed: 35”; in French with a
       * no-break space before the colon */
      g_string_append_printf (out, tr (a, N_("%s: %lld")), label (a, "casualty-category", dossier_casualty_categories[c]),
                              (long long) total);
      /* “(men 300, women 2)”: a number never parted from its group at the end of a line. */
      for (int g = 0; g < DOSSIER_N_CASUALTY_GROUPS; g++)
        {
          g_autofree char *group = NULL;

          if (incident->casualties[c][g] <= 0 || (g == DOSSIER_N_CASUALTY_GROUPS - 1 && first))
            continue;
          group = g_utf8_strdown (label (a, "casualty-group", dossier_casualty_groups[g]), -1);
          g_string_append_printf (out, "%s%s\u00a0%" G_GINT64_FORMAT, first ? " (" : ", ", group, incident->casualties[c][g]);
          first = FALSE;
        }
      if (!first)
        g_string_append_c (out, ')');
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
place_of (Annex           *a,
          DossierIncident *incident,
          gboolean         texts)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (texts && incident->place != NULL && *incident->place != '\0')
    g_string_append (out, incident->place);
  if (incident->admin2 != NULL && *incident->admin2 != '\0')
    g_string_append_printf (out, "%s%s", out->len ? ", " : "", label (a, "admin2", incident->admin2));
  if (incident->admin1 != NULL && *incident->admin1 != '\0')
    g_string_append_printf (out, "%s%s", out->len ? ", " : "", label (a, "admin1", incident->admin1));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef gboolean (*IncidentFunc) (Annex *a, DossierIncident *incident);

typedef struct {
  Annex        *annex;
  IncidentFunc  func;
} EachIncident;

static gboolean
each_incident_cb (DossierRecord  *record,
                  gpointer        data,
                  GError        **error)
{
  EachIncident *each = data;
  DossierIncident *incident = DOSSIER_INCIDENT (record);

  if (stopped (each->annex, error))
    return FALSE;
  tick (each->annex);
  if (!dossier_redaction_keeps (each->annex->options->profile, incident))
    return TRUE;
  return each->func (each->annex, incident);
}

/* Calls @func for each incident the annex covers and its profile keeps. */
static gboolean
each_incident (Annex        *a,
               IncidentFunc  func)
{
  EachIncident each = { a, func };
  GArray *ids = a->options->incident_ids;

  if (ids == NULL)
    {
      g_autoptr(GError) local = NULL;

      if (!dossier_store_foreach (a->store, DOSSIER_TYPE_INCIDENT, NULL, each_incident_cb, &each, &local) && a->error == NULL)
        a->error = g_steal_pointer (&local);
      return a->error == NULL;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(DossierIncident) incident = dossier_store_load (a->store, DOSSIER_TYPE_INCIDENT,
                                                                g_array_index (ids, gint64, i), NULL);

      if (incident != NULL && !each_incident_cb (DOSSIER_RECORD (incident), &each, NULL))
        return FALSE;
    }
  return a->error == NULL;
}

/* ---- Sections ---- */

/* On a page on its side: 745.89 points; the sources, the longest texts, get the most, then
 * the title. */
static const Column incident_columns[] = {
  { N_("Code"), 50, FALSE },
  { N_("Title"), 112, FALSE },
  { N_("Date"), 62, FALSE },
  { N_("Place"), 76, FALSE },
  { N_("Violations"), 90, FALSE },
  { N_("Victims"), 80, FALSE },
  { N_("Alleged perpetrators"), 72, FALSE },
  { N_("Verification"), 64, FALSE },
  { N_("Sources"), 139.89, FALSE },
};

static gboolean
incident_row (Annex           *a,
              DossierIncident *incident)
{
  gboolean texts = dossier_redaction_keeps_texts (a->options->profile, incident);
  g_autofree char *date = breakable (dossier_edtf_format_string (incident->date_edtf, a->lang));
  g_autofree char *place = place_of (a, incident, texts);
  g_autofree char *types = labels (a, "violation-type", incident->violation_types);
  g_autofree char *counts = victims (a, incident);
  g_auto(GStrv) perpetrators = dossier_store_alleged_perpetrators (a->store, DOSSIER_RECORD (incident)->id, NULL);
  g_autofree char *actors = perpetrators ? g_strjoinv (", ", perpetrators) : g_strdup ("");
  g_autofree char *title = in_language (a, incident->title_fr, incident->title_en);
  /* What is withheld is said; what is not there is not called withheld. */
  const char *cells[G_N_ELEMENTS (incident_columns)] = {
    DOSSIER_RECORD (incident)->code,
    texts || title == NULL || *title == '\0' ? title : tr (a, N_("withheld")),
    date ? date : incident->date_edtf, place, types, counts, actors,
    label (a, "verification-status", incident->verification),
    texts || incident->sources == NULL || *incident->sources == '\0' ? incident->sources : tr (a, N_("withheld")),
  };

  table_row (a, incident_columns, G_N_ELEMENTS (incident_columns), cells);
  return TRUE;
}

static gboolean
incident_sheet (Annex           *a,
                DossierIncident *incident)
{
  gboolean texts = dossier_redaction_keeps_texts (a->options->profile, incident);
  gint64 id = DOSSIER_RECORD (incident)->id;
  g_autofree char *title = texts ? in_language (a, incident->title_fr, incident->title_en) : NULL;
  g_autofree char *heading = title && *title ? g_strdup_printf ("%s — %s", DOSSIER_RECORD (incident)->code, title)
                                             : g_strdup (DOSSIER_RECORD (incident)->code);
  g_autofree char *date = dossier_edtf_format_string (incident->date_edtf, a->lang);
  g_autofree char *place = place_of (a, incident, texts);
  g_autofree char *types = labels (a, "violation-type", incident->violation_types);
  g_autofree char *counts = victims (a, incident);
  g_autofree char *coordinates = NULL;
  g_autofree char *actors = codes (a, "SELECT coalesce (nullif (a.acronym, ''), a.name, a.code) || ' ' || a.code, ia.role "
                                      "FROM incident_actor ia JOIN actor a ON a.id = ia.actor_id WHERE ia.incident_id = ?1 ORDER BY ia.id",
                                   id, "actor-role");
  /* A person of whom nothing but the code may be said appears without a role. */
  g_autofree char *people_sql = g_strdup_printf ("SELECT p.code, CASE WHEN %s THEN ip.role ELSE '' END "
                                                 "FROM incident_person ip JOIN person p ON p.id = ip.person_id "
                                                 "WHERE ip.incident_id = ?1 ORDER BY p.code",
                                                 dossier_redaction_person_condition (a->options->profile));
  g_autofree char *people = codes (a, people_sql, id, "person-role");
  g_autofree char *testimonies = codes (a, "SELECT t.code FROM testimony_incident ti JOIN testimony t ON t.id = ti.testimony_id "
                                           "WHERE ti.incident_id = ?1 ORDER BY t.code", id, NULL);
  g_autofree char *evidence_sql = g_strdup_printf ("SELECT e.code FROM evidence_incident ei JOIN evidence e ON e.id = ei.evidence_id "
                                                  "WHERE ei.incident_id = ?1 AND %s ORDER BY e.code",
                                                  dossier_redaction_evidence_condition (a->options->profile));
  g_autofree char *evidence = codes (a, evidence_sql, id, NULL);
  g_autofree char *summary = texts ? in_language (a, incident->summary_fr, incident->summary_en) : NULL;

  if (!isnan (incident->latitude) && !isnan (incident->longitude))
    {
      g_autofree char *latitude = degrees (a, incident->latitude, TRUE);
      g_autofree char *longitude = degrees (a, incident->longitude, FALSE);
      g_autofree char *precision = g_utf8_strdown (label (a, "location-precision", incident->location_precision), -1);

      coordinates = *precision ? g_strdup_printf ("%s, %s (%s)", latitude, longitude, precision)
                               : g_strdup_printf ("%s, %s", latitude, longitude);
    }
  need (a, 80);
  a->y += 6;
  {
    double height = set_text (a, heading, a->bold, WIDTH, 0);

    show (a, LEFT, a->y);
    a->y += height;
  }
  if (a->cr != NULL)
    {
      cairo_set_line_width (a->cr, 0.6);
      cairo_move_to (a->cr, LEFT, a->y + 2);
      cairo_line_to (a->cr, RIGHT, a->y + 2);
      cairo_stroke (a->cr);
    }
  a->y += 6;
  field (a, N_("Date"), date ? date : incident->date_edtf);
  field (a, N_("Place"), place);
  field (a, N_("Coordinates"), coordinates);
  field (a, N_("Violations"), types);
  field (a, N_("Victims"), counts);
  field (a, N_("Actors"), actors);
  field (a, N_("Persons"), people);
  field (a, N_("Testimonies"), testimonies);
  field (a, N_("Evidence"), evidence);
  field (a, N_("Verification"), label (a, "verification-status", incident->verification));
  field (a, N_("Standard of proof"), label (a, "standard-of-proof", incident->standard_of_proof));
  if (texts)
    {
      field (a, N_("Summary"), summary);
      field (a, N_("Sources"), incident->sources);
    }
  else
    {
      g_autofree char *any_summary = in_language (a, incident->summary_fr, incident->summary_en);

      /* Withheld is said only of what there is. */
      if (any_summary != NULL && *any_summary != '\0')
        field (a, N_("Summary"), tr (a, N_("withheld")));
      if (incident->sources != NULL && *incident->sources != '\0')
        field (a, N_("Sources"), tr (a, N_("withheld")));
    }
  a->y += 8;
  return TRUE;
}

static const Column testimony_columns[] = {
  { N_("Code"), 56, FALSE },
  { N_("Taken on"), 74, FALSE },
  { N_("Office"), 58, FALSE },
  { N_("Language"), 50, FALSE },
  { N_("Witness"), 54, FALSE },
  { N_("Status"), 56, FALSE },
  { N_("Incidents"), 68, FALSE },
  { N_("Violations"), 83.276, FALSE },
};

static gboolean
testimony_row (DossierRecord  *record,
               gpointer        data,
               GError        **error)
{
  Annex *a = data;
  DossierTestimony *testimony = DOSSIER_TESTIMONY (record);
  g_autofree char *date = breakable (dossier_edtf_format_string (testimony->taken_on, a->lang));
  /* Who gave a testimony is more than a code: said only of those the profile allows. */
  g_autofree char *witness_sql = g_strdup_printf ("SELECT CASE WHEN %s THEN p.code ELSE '-' END FROM person p WHERE p.id = ?1",
                                                  dossier_redaction_person_condition (a->options->profile));
  g_autofree char *witness = codes (a, witness_sql, testimony->person_id, NULL);
  /* Only the incidents this profile shows. */
  g_autofree char *incidents_sql = g_strdup_printf ("SELECT i.code FROM testimony_incident ti JOIN incident i ON i.id = ti.incident_id "
                                                   "WHERE ti.testimony_id = ?1 AND %s ORDER BY i.code",
                                                   dossier_redaction_incident_condition (a->options->profile));
  g_autofree char *incidents = codes (a, incidents_sql, record->id, NULL);
  g_autofree char *tags = labels (a, "violation-type", testimony->tags);
  const char *cells[G_N_ELEMENTS (testimony_columns)] = {
    record->code, date ? date : testimony->taken_on, label (a, "office", testimony->office),
    label (a, "language", testimony->language), g_strcmp0 (witness, "-") == 0 ? tr (a, N_("withheld")) : witness,
    label (a, "testimony-status", testimony->status),
    incidents, tags,
  };

  if (stopped (a, error))
    return FALSE;
  table_row (a, testimony_columns, G_N_ELEMENTS (testimony_columns), cells);
  return TRUE;
}

static const Column person_columns[] = {
  { N_("Code"), 58, FALSE },
  { N_("Sex"), 52, FALSE },
  { N_("Age group"), 62, FALSE },
  { N_("Protection"), 62, FALSE },
  { N_("Roles in incidents"), 190, FALSE },
  { N_("Testimonies"), 75.276, FALSE },
};

static gboolean
person_row (DossierRecord  *record,
            gpointer        data,
            GError        **error)
{
  Annex *a = data;
  DossierPerson *person = DOSSIER_PERSON (record);
  /* Public: nothing of a protected or confidential person but the code. No profile ever
   * shows an identity. */
  gboolean hidden = !dossier_redaction_keeps_person_details (a->options->profile, person);
  g_autofree char *roles_sql = g_strdup_printf ("SELECT i.code, ip.role FROM incident_person ip JOIN incident i ON i.id = ip.incident_id "
                                               "WHERE ip.person_id = ?1 AND %s ORDER BY i.code",
                                               dossier_redaction_incident_condition (a->options->profile));
  g_autofree char *roles = hidden ? NULL : codes (a, roles_sql, record->id, "person-role");
  g_autofree char *given = hidden ? NULL : codes (a, "SELECT code FROM testimony WHERE person_id = ?1 ORDER BY code", record->id, NULL);
  const char *withheld = tr (a, N_("withheld"));
  const char *cells[G_N_ELEMENTS (person_columns)] = {
    record->code,
    hidden ? withheld : label (a, "sex", person->sex),
    hidden ? withheld : label (a, "age-group", person->age_group),
    label (a, "protection-level", person->protection),
    hidden ? withheld : roles,
    hidden ? withheld : given,
  };

  if (stopped (a, error))
    return FALSE;
  table_row (a, person_columns, G_N_ELEMENTS (person_columns), cells);
  return TRUE;
}

static const Column actor_columns[] = {
  { N_("Code"), 58, FALSE },
  { N_("Name"), 180, FALSE },
  { N_("Acronym"), 70, FALSE },
  { N_("Kind"), 110, FALSE },
  { N_("Incidents alleged"), 81.276, FALSE },
};

static gboolean
actor_row (DossierRecord  *record,
           gpointer        data,
           GError        **error)
{
  Annex *a = data;
  DossierActor *actor = DOSSIER_ACTOR (record);
  g_autofree char *count_sql = g_strdup_printf ("SELECT count (DISTINCT ia.incident_id) FROM incident_actor ia JOIN incident i ON i.id = ia.incident_id "
                                                "WHERE ia.actor_id = ?1 AND ia.role = 'alleged-perpetrator' AND %s",
                                                dossier_redaction_incident_condition (a->options->profile));
  g_autofree char *count = codes (a, count_sql, record->id, NULL);
  const char *cells[G_N_ELEMENTS (actor_columns)] = {
    record->code, actor->name, actor->acronym, label (a, "actor-kind", actor->kind), count,
  };

  if (stopped (a, error))
    return FALSE;
  table_row (a, actor_columns, G_N_ELEMENTS (actor_columns), cells);
  return TRUE;
}

/* "(68,744 bytes)" on a line of its own; two groups of 16 digits of a hash to a line. */
static const Column evidence_columns[] = {
  { N_("Code"), 48, FALSE },
  { N_("Title"), 86, FALSE },
  { N_("Type and size"), 76, FALSE },
  { N_("SHA-256"), 124, TRUE },
  { N_("Acquisition"), 72, FALSE },
  { N_("Custody"), 93.276, FALSE },
};

/* The custody log's actions, in the annex's language. */
static const char *
action_label (Annex      *a,
              const char *action)
{
  static const struct { const char *code, *label; } actions[] = {
    { "ingested", N_("Ingested") }, { "viewed", N_("Viewed") }, { "exported", N_("Exported") },
    { "verified", N_("Verified") }, { "linked", N_("Linked") }, { "unlinked", N_("Unlinked") },
    { "restored", N_("Bytes restored") }, { "working-copy", N_("Working copy made") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_strcmp0 (action, actions[i].code) == 0)
      return tr (a, actions[i].label);
  return action;
}

static gboolean
evidence_row (DossierRecord  *record,
              gpointer        data,
              GError        **error)
{
  Annex *a = data;
  DossierEvidence *evidence = DOSSIER_EVIDENCE (record);
  g_autofree char *size = evidence->size >= 0 ? file_size (a, evidence->size) : g_strdup ("");
  g_autofree char *type = g_strdup_printf ("%s\n%s", media_kind (a, evidence->media_type), size);
  /* In groups of 16 digits, two to a line: a group is never broken. */
  g_autofree char *sha = evidence->sha256 && strlen (evidence->sha256) == 64
                         ? g_strdup_printf ("%.16s %.16s\n%.16s %s", evidence->sha256, evidence->sha256 + 16,
                                            evidence->sha256 + 32, evidence->sha256 + 48)
                         : g_strdup (evidence->sha256);
  g_autofree char *acquired_on = breakable (dossier_edtf_format_string (evidence->acquired_on, a->lang));
  g_autoptr(GString) acquisition = g_string_new (acquired_on);
  g_autofree char *custody = NULL;
  sqlite3_stmt *stmt;

  if (stopped (a, error))
    return FALSE;
  if (!dossier_redaction_keeps_evidence (a->options->profile, evidence))
    return TRUE;
  if (dossier_redaction_keeps_collector (a->options->profile) && evidence->acquired_by && *evidence->acquired_by)
    g_string_append_printf (acquisition, "\n%s", evidence->acquired_by);
  if (evidence->collection_method && *evidence->collection_method)
    g_string_append_printf (acquisition, "\n%s", label (a, "collection-method", evidence->collection_method));
  /* How many events, and the last one: what, and when to the minute, in UTC. */
  stmt = _dossier_store_prepare (a->store, "SELECT (SELECT count (*) FROM custody_event WHERE evidence_id = ?1), action, at "
                                           "FROM custody_event WHERE evidence_id = ?1 ORDER BY id DESC LIMIT 1", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, record->id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          int n = sqlite3_column_int (stmt, 0);
          g_autofree char *when = utc_time (a, (const char *) sqlite3_column_text (stmt, 2));
          /* Translators: the last event of an evidence item's custody, and when, e.g.
           * “Linked, 3 December 2026, 15:02 UTC” */
          /* Mid-sentence, after "last:": in lower case ("dernier : liée le …"). */
          g_autofree char *action = g_utf8_strdown (action_label (a, (const char *) sqlite3_column_text (stmt, 1)), -1);
          g_autofree char *last = g_strdup_printf (tr (a, N_("%s on %s")), action, when);

          custody = g_strdup_printf (dossier_catalog_nget (a->catalog, "%d event; last: %s", "%d events; last: %s", n),
                                     n, last);
        }
      sqlite3_reset (stmt);
    }
  {
    const char *cells[G_N_ELEMENTS (evidence_columns)] = {
      record->code,
      dossier_redaction_keeps_evidence_title (a->options->profile, evidence) ? evidence->title : tr (a, N_("withheld")),
      type, sha ? sha : "", acquisition->str, custody ? custody : "",
    };

    table_row (a, evidence_columns, G_N_ELEMENTS (evidence_columns), cells);
  }
  return TRUE;
}

/* A figure as wide as the text, as high as its proportions ask (@height, for that width),
 * and its caption under it; on a page too short for it, made smaller to fit. */
static void
figure (Annex                  *a,
        DossierAnnexFigureFunc  func,
        gpointer                data,
        double                  height,
        const char             *caption)
{
  double width = WIDTH, room, caption_height;

  if (func == NULL)
    {
      paragraph (a, tr (a, N_("This figure is drawn by the application; it was not available here.")), a->body, 0);
      return;
    }
  if (height <= 0)
    height = WIDTH * 0.8;
  caption_height = set_text (a, caption, a->small, WIDTH, 0);
  room = BOTTOM - a->y - 6 - caption_height - 4;
  if (height > room)
    {
      width *= room / height;
      height = room;
    }
  if (a->cr != NULL)
    {
      cairo_save (a->cr);
      cairo_translate (a->cr, LEFT + (WIDTH - width) / 2, a->y);
      cairo_rectangle (a->cr, 0, 0, width, height);
      cairo_clip (a->cr);
      func (a->cr, width, height, data);
      cairo_restore (a->cr);
      cairo_set_source_rgb (a->cr, 0, 0, 0);
    }
  a->y += height + 6;
  paragraph (a, caption, a->small, 0);
}

/* ---- The document ---- */

static void
cover (Annex *a)
{
  g_autoptr(GString) counts = g_string_new (NULL);
  DossierExportSummary n = { 0 };
  const char *profile = a->options->profile == DOSSIER_PROFILE_PUBLIC
                        ? tr (a, N_("Public: no identities, nothing about protected persons beyond their code, no confidential items or texts."))
                        : a->options->profile == DOSSIER_PROFILE_ANNEX
                        ? tr (a, N_("Annex: persons by code only, no identities; confidential texts withheld."))
                        : tr (a, N_("Internal: everything but identities. Not for distribution."));

  a->page = 1;
  a->page_w = A4_SHORT;
  a->page_h = A4_LONG;
  if (a->cr != NULL)
    cairo_pdf_surface_set_size (a->surface, a->page_w, a->page_h);
  a->y = 200;
  if (a->options->profile == DOSSIER_PROFILE_INTERNAL && a->cr != NULL)
    {
      set_text (a, tr (a, N_("INTERNAL — NOT FOR DISTRIBUTION")), a->bold, WIDTH, 1);
      pango_layout_set_alignment (a->layout, PANGO_ALIGN_CENTER);
      cairo_set_source_rgb (a->cr, 0.75, 0.1, 0.1);
      show (a, LEFT, 120);
      cairo_set_source_rgb (a->cr, 0, 0, 0);
    }
  set_text (a, tr (a, N_("Annex")), a->bold, WIDTH, 0);
  show (a, LEFT, a->y);
  a->y += 24;
  {
    double height = set_text (a, a->title, a->heading, WIDTH, 0);

    show (a, LEFT, a->y);
    a->y += height;
  }
  a->y += 20;
  field (a, N_("Mandate"), a->mandate);
  field (a, N_("Period"), a->period);
  field (a, N_("Date"), a->today);
  field (a, N_("Profile"), profile);
  field (a, N_("Language"), g_str_equal (a->lang, "fr") ? "Français" : "English");
  /* What this annex lets out, not what the dossier holds: counting the incidents a public
   * annex leaves out would tell that confidential ones exist. */
  if (dossier_export_summarise (a->store, a->options->profile, a->options->incident_ids, &n, NULL))
    {
      gint64 incidents = n.incidents - n.incidents_left_out;
      gint64 evidence = n.evidence - n.evidence_left_out;

      g_string_append_printf (counts, dossier_catalog_nget (a->catalog, "%lld incident", "%lld incidents", incidents),
                              (long long) incidents);
      g_string_append (counts, ", ");
      g_string_append_printf (counts, dossier_catalog_nget (a->catalog, "%lld testimony", "%lld testimonies", n.testimonies),
                              (long long) n.testimonies);
      g_string_append (counts, ", ");
      g_string_append_printf (counts, dossier_catalog_nget (a->catalog, "%lld evidence item", "%lld evidence items", evidence),
                              (long long) evidence);
      field (a, N_("This annex covers"), counts->str);
    }
  a->y += 30;
  paragraph (a, g_str_equal (a->lang, "fr") ? tr (a, N_("[en] marks a text given in English because it has no version in this language."))
                                            : tr (a, N_("[fr] marks a text given in French because it has no version in this language.")),
             a->small, 0);
  paragraph (a, tr (a, N_("Persons appear only by their code. Made with Dossier.")), a->small, 0);
}

static void
contents (Annex *a)
{
  end_page (a);
  a->page_w = A4_SHORT;
  a->page_h = A4_LONG;
  a->running = tr (a, N_("Contents"));
  begin_page (a);
  a->y += set_text (a, a->running, a->heading, WIDTH, 0) + 14;
  show (a, LEFT, TOP);
  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      char number[16];
      double height;

      if (!(a->options->sections & sections[s].section))
        continue;
      if (a->left_out & sections[s].section)
        continue;
      g_snprintf (number, sizeof number, "%d", a->first_page[s]);
      height = set_text (a, tr (a, sections[s].title), a->body, WIDTH - 40, 1);
      if (a->cr != NULL)
        {
          g_autofree char *link = g_strdup_printf ("dest='section-%u'", s);
          int title_width;

          pango_layout_get_size (a->layout, &title_width, NULL);
          cairo_tag_begin (a->cr, CAIRO_TAG_LINK, link);
          show (a, LEFT, a->y);
          set_text (a, number, a->body, 40, 1);
          pango_layout_set_alignment (a->layout, PANGO_ALIGN_RIGHT);
          show (a, RIGHT - 40, a->y);
          cairo_tag_end (a->cr, CAIRO_TAG_LINK);
          /* Dotted leaders. */
          cairo_set_source_rgb (a->cr, 0.6, 0.6, 0.6);
          cairo_set_line_width (a->cr, 0.6);
          cairo_set_dash (a->cr, (double[]) { 0.6, 2.4 }, 2, 0);
          cairo_move_to (a->cr, LEFT + (double) title_width / PANGO_SCALE + 6, a->y + height - 3);
          cairo_line_to (a->cr, RIGHT - 44, a->y + height - 3);
          cairo_stroke (a->cr);
          cairo_set_dash (a->cr, NULL, 0, 0);
          cairo_set_source_rgb (a->cr, 0, 0, 0);
        }
      a->y += height + 6;
    }
  if (a->left_out != 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
        if (a->left_out & sections[s].section)
          g_string_append_printf (names, "%s%s", names->len ? ", " : "", tr (a, sections[s].title));
      a->y += 10;
      {
        /* Translators: after the contents of an annex, the sections asked for that are not in it */
        g_autofree char *note = g_strdup_printf (tr (a, N_("Not in this annex, because it has nothing to show in them: %s.")),
                                                 names->str);

        paragraph (a, note, a->body, 0);
      }
    }
}

/* The sections chosen that would be empty in this annex, by what its profile and scope let
 * out: left out, and named as such in the contents, rather than a page that says nothing. */
static gboolean
find_left_out (Annex   *a,
               GError **error)
{
  DossierExportSummary n = { 0 };
  DossierStoreCounts counts = { 0 };
  DossierAnnexSections empty = 0;

  if (!dossier_export_summarise (a->store, a->options->profile, a->options->incident_ids, &n, error) ||
      !dossier_store_count (a->store, &counts, error))
    return FALSE;
  if (n.incidents - n.incidents_left_out <= 0)
    empty |= DOSSIER_ANNEX_INCIDENTS | DOSSIER_ANNEX_SHEETS | DOSSIER_ANNEX_MAP | DOSSIER_ANNEX_TIMELINE;
  if (n.testimonies <= 0)
    empty |= DOSSIER_ANNEX_TESTIMONIES;
  if (n.people <= 0)
    empty |= DOSSIER_ANNEX_PEOPLE;
  if (counts.actors <= 0)
    empty |= DOSSIER_ANNEX_ACTORS;
  if (n.evidence - n.evidence_left_out <= 0)
    empty |= DOSSIER_ANNEX_EVIDENCE;
  a->left_out = empty & a->options->sections;
  return TRUE;
}

static gboolean
write_sections (Annex *a)
{
  DossierAnnexSections chosen = a->options->sections & ~a->left_out;

  cover (a);
  contents (a);
  for (guint s = 0; s < G_N_ELEMENTS (sections) && !stopped (a, NULL); s++)
    {
      double room = 160;

      if (!(chosen & sections[s].section))
        continue;
      /* A figure starts on a page where it is shown whole, at the text's width. */
      if (sections[s].section == DOSSIER_ANNEX_MAP)
        room = (a->options->map_height > 0 ? a->options->map_height : (A4_SHORT - 96) * 0.8) + 30;
      else if (sections[s].section == DOSSIER_ANNEX_TIMELINE)
        room = (a->options->timeline_height > 0 ? a->options->timeline_height : (A4_SHORT - 96) * 0.8) + 30;
      begin_section (a, s, room);
      switch (sections[s].section)
        {
        case DOSSIER_ANNEX_INCIDENTS:
          table_header (a, incident_columns, G_N_ELEMENTS (incident_columns));
          each_incident (a, incident_row);
          break;
        case DOSSIER_ANNEX_SHEETS:
          each_incident (a, incident_sheet);
          break;
        case DOSSIER_ANNEX_TESTIMONIES:
          table_header (a, testimony_columns, G_N_ELEMENTS (testimony_columns));
          each_record (a, DOSSIER_TYPE_TESTIMONY, testimony_row);
          break;
        case DOSSIER_ANNEX_PEOPLE:
          table_header (a, person_columns, G_N_ELEMENTS (person_columns));
          each_record (a, DOSSIER_TYPE_PERSON, person_row);
          break;
        case DOSSIER_ANNEX_ACTORS:
          table_header (a, actor_columns, G_N_ELEMENTS (actor_columns));
          each_record (a, DOSSIER_TYPE_ACTOR, actor_row);
          break;
        case DOSSIER_ANNEX_EVIDENCE:
          table_header (a, evidence_columns, G_N_ELEMENTS (evidence_columns));
          each_record (a, DOSSIER_TYPE_EVIDENCE, evidence_row);
          break;
        case DOSSIER_ANNEX_MAP:
          figure (a, a->options->map_figure, a->options->map_data, a->options->map_height,
                  /* The figure credits its basemap itself, in its corner. */
                  tr (a, N_("The incidents of this annex on the map.")));
          break;
        case DOSSIER_ANNEX_TIMELINE:
          figure (a, a->options->timeline_figure, a->options->timeline_data, a->options->timeline_height,
                  tr (a, N_("The incidents of this annex in time, each at its date as known: a point for a day, a span for a period or a date known only to its month or year.")));
          break;
        default:
          break;
        }
    }
  end_page (a);
  return a->error == NULL;
}

static void
annex_clear (Annex *a)
{
  g_clear_object (&a->layout);
  for (guint i = 0; i < MAX_COLUMNS; i++)
    g_clear_object (&a->cells[i]);
  g_clear_object (&a->pango);
  g_clear_pointer (&a->body, pango_font_description_free);
  g_clear_pointer (&a->bold, pango_font_description_free);
  g_clear_pointer (&a->label, pango_font_description_free);
  g_clear_pointer (&a->small, pango_font_description_free);
  g_clear_pointer (&a->small_bold, pango_font_description_free);
  g_clear_pointer (&a->mono, pango_font_description_free);
  g_clear_pointer (&a->heading, pango_font_description_free);
  g_clear_pointer (&a->labels, g_hash_table_unref);
  g_clear_pointer (&a->heights, g_hash_table_unref);
  g_clear_pointer (&a->catalog, dossier_catalog_free);
  g_free (a->title);
  g_free (a->mandate);
  g_free (a->period);
  g_free (a->today);
  g_clear_error (&a->error);
}

static gint64
rows_per_pass (Annex *a)
{
  DossierStoreCounts n = { 0 };
  DossierAnnexSections s = a->options->sections;
  gint64 incidents;

  if (!dossier_store_count (a->store, &n, NULL))
    return 1;
  incidents = a->options->incident_ids ? (gint64) a->options->incident_ids->len : n.incidents;
  return ((s & DOSSIER_ANNEX_INCIDENTS) ? incidents : 0) + ((s & DOSSIER_ANNEX_SHEETS) ? incidents : 0);
}

/* cairo's PDF surface, writing to a file of ours. A write error is remembered and the rest
 * swallowed: cairo 1.16 stops on an assertion when its own file output fails (seen on a full
 * disk), and the annex is refused afterwards all the same. */
typedef struct {
  int fd;
  int error;
} Sink;

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  Sink *sink = closure;

  while (sink->error == 0 && length > 0)
    {
      ssize_t n = write (sink->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          sink->error = n < 0 ? errno : ENOSPC;
          break;
        }
      data += n;
      length -= (unsigned int) n;
    }
  return CAIRO_STATUS_SUCCESS;
}

/**
 * dossier_annex_write_pdf:
 * @store: the dossier
 * @options: what the annex holds, for whom, in which language
 * @path: the PDF to write (replaced if it exists, only once the new one is complete)
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the annex was written
 */
gboolean
dossier_annex_write_pdf (DossierStore               *store,
                         const DossierAnnexOptions  *options,
                         const char                 *path,
                         GError                    **error)
{
  Sink sink = { -1, 0 };
  Annex a = { 0 };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp_name = g_strdup_printf (".%s.part-%08x", base, g_random_int ());
  g_autofree char *tmp = g_build_filename (dir, tmp_name, NULL);
  cairo_font_options_t *font_options;
  cairo_status_t status;
  const char *lang;
  gboolean ok = FALSE;
  int fd;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  lang = g_strcmp0 (options->lang, "fr") == 0 ? "fr" : "en";
  a.store = store;
  a.options = options;
  a.lang = lang;
  a.catalog = dossier_catalog_new (lang, error);
  if (a.catalog == NULL)
    return FALSE;
  a.labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  a.heights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!dossier_store_get_info (store, NULL, &a.title, &a.mandate, &a.period, NULL, error))
    {
      annex_clear (&a);
      return FALSE;
    }
  /* The period as people write it ("2012–2023", "de mars 2012 à 2023"), or as typed if it
   * is not a date. */
  {
    char *period = dossier_edtf_format_string (a.period, lang);

    g_free (a.period);
    a.period = period;
  }
  if (a.title == NULL || *a.title == '\0')
    {
      g_free (a.title);
      a.title = g_strdup (tr (&a, N_("Untitled dossier")));
    }
  {
    g_autofree char *day = g_strdup_printf ("%04d-%02d-%02d", g_date_time_get_year (now),
                                            g_date_time_get_month (now), g_date_time_get_day_of_month (now));

    a.today = dossier_edtf_format_string (day, lang);
  }

  /* Unhinted metrics: the measuring pass and the drawing pass lay out the same lines. */
  a.pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (a.pango, 72);
  font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (a.pango, font_options);
  cairo_font_options_destroy (font_options);
  pango_context_set_language (a.pango, pango_language_from_string (lang));
  a.layout = pango_layout_new (a.pango);
  for (guint i = 0; i < MAX_COLUMNS; i++)
    a.cells[i] = pango_layout_new (a.pango);
  a.body = pango_font_description_from_string ("Sans 9.5");
  a.bold = pango_font_description_from_string ("Sans Bold 10");
  a.label = pango_font_description_from_string ("Sans Bold 9.5");
  a.small = pango_font_description_from_string ("Sans 7.5");
  a.small_bold = pango_font_description_from_string ("Sans Bold 7.5");
  a.mono = pango_font_description_from_string ("Monospace 6");
  a.heading = pango_font_description_from_string ("Sans Bold 16");
  a.work = 2 * rows_per_pass (&a);

  /* The measuring pass. */
  if (!find_left_out (&a, error) || !write_sections (&a))
    goto out;
  a.total = a.page;

  /* The drawing pass, into a file made owner-only first: cairo would create it with the
   * umask's mode, and an annex is for its recipients, not for whoever shares the computer. */
  a.page = 0;
  fd = g_open (tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("“%s” could not be written: %s"), display,
                   g_strerror (saved));
      if (fd >= 0)
        g_unlink (tmp);
      annex_clear (&a);
      return FALSE;
    }
  sink.fd = fd;
  a.surface = cairo_pdf_surface_create_for_stream (sink_write, &sink, A4_SHORT, A4_LONG);
  if (cairo_surface_status (a.surface) != CAIRO_STATUS_SUCCESS)
    {
      close (fd);
      g_autofree char *display = g_filename_display_name (path);

      /* Translators: %s is a file name */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("“%s” cannot be written"), display);
      cairo_surface_destroy (a.surface);
      a.surface = NULL;
      g_unlink (tmp);
      annex_clear (&a);
      return FALSE;
    }
  cairo_pdf_surface_set_metadata (a.surface, CAIRO_PDF_METADATA_TITLE, a.title);
  cairo_pdf_surface_set_metadata (a.surface, CAIRO_PDF_METADATA_CREATOR, "Dossier " PACKAGE_VERSION);
  a.cr = cairo_create (a.surface);
  ok = write_sections (&a);
  cairo_destroy (a.cr);
  a.cr = NULL;
  cairo_surface_finish (a.surface);
  status = cairo_surface_status (a.surface);
  cairo_surface_destroy (a.surface);
  a.surface = NULL;
  /* On disk before it takes the annex's name, and every write error seen. */
  if (sink.error == 0 && fsync (fd) != 0)
    sink.error = errno;
  if (close (fd) != 0 && sink.error == 0)
    sink.error = errno;
  if (ok && sink.error != 0)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (sink.error), _("“%s” could not be written: %s"), display,
                   g_strerror (sink.error));
      ok = FALSE;
    }
  else if (ok && status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *display = g_filename_display_name (path);

      /* Translators: the first %s is a file name, the second the reason */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("“%s” could not be written: %s"), display,
                   cairo_status_to_string (status));
      ok = FALSE;
    }
  else if (ok && g_rename (tmp, path) != 0)
    {
      g_autofree char *display = g_filename_display_name (path);
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("“%s” could not be written: %s"), display,
                   g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp);

out:
  if (!ok && a.error != NULL && error != NULL && *error == NULL)
    g_propagate_error (error, g_steal_pointer (&a.error));
  annex_clear (&a);
  return ok;
}

