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
 * What may appear is decided by the profile's DossierRedaction, for every kind of record,
 * and the links beside a record are listed by core's export queries as it allows; no
 * identity of a person appears in any profile. The words of the document come from a
 * DossierCatalog in the chosen language, whatever the language of the interface. The file
 * is written under a temporary name and renamed when complete.
 *
 * This file holds the document (cover, contents, sections, the two passes); the words
 * written out are in dossier-annex-words.c, text, pages and tables in
 * dossier-annex-layout.c, the sections' rows and sheets in dossier-annex-sections.c.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "dossier-annex-private.h"
#include "dossier-atomic-file.h"
#include "dossier-edtf.h"
#include "dossier-info.h"

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

  a->running = _dossier_annex_tr (a, sections[index].title);
  if (a->in_section && a->page_w == page_w && a->y + 24 + room + 40 <= BOTTOM)
    a->y += 24;
  else
    {
      _dossier_annex_end_page (a);
      a->page_w = page_w;
      a->page_h = wide ? A4_SHORT : A4_LONG;
      _dossier_annex_begin_page (a);
    }
  a->in_section = TRUE;
  a->first_page[index] = a->page;
  _dossier_annex_set_text (a, a->running, a->heading, WIDTH, 0);
  if (a->cr != NULL)
    {
      g_autofree char *link = g_strdup_printf ("dest='section-%u'", index);

      cairo_tag_begin (a->cr, CAIRO_TAG_DEST, dest);
      _dossier_annex_show (a, LEFT, a->y);
      cairo_tag_end (a->cr, CAIRO_TAG_DEST);
      cairo_pdf_surface_add_outline (a->surface, CAIRO_PDF_OUTLINE_ROOT, a->running, link, 0);
    }
  a->y += _dossier_annex_set_text (a, a->running, a->heading, WIDTH, 0) + 10;
}

/* ---- The document ---- */

static void
cover (Annex *a)
{
  g_autoptr(GString) counts = g_string_new (NULL);
  DossierExportSummary n = { 0 };
  const char *profile = a->options->profile == DOSSIER_PROFILE_PUBLIC
                        ? _dossier_annex_tr (a, N_("Public: no identities, nothing about protected persons beyond their code, no confidential items or texts."))
                        : a->options->profile == DOSSIER_PROFILE_ANNEX
                        ? _dossier_annex_tr (a, N_("Annex: persons by code only, no identities; confidential texts withheld."))
                        : _dossier_annex_tr (a, N_("Internal: everything but identities. Not for distribution."));

  a->page = 1;
  a->page_w = A4_SHORT;
  a->page_h = A4_LONG;
  if (a->cr != NULL)
    cairo_pdf_surface_set_size (a->surface, a->page_w, a->page_h);
  a->y = 200;
  if (a->options->profile == DOSSIER_PROFILE_INTERNAL && a->cr != NULL)
    {
      _dossier_annex_set_text (a, _dossier_annex_tr (a, N_("INTERNAL — NOT FOR DISTRIBUTION")), a->bold, WIDTH, 1);
      pango_layout_set_alignment (a->layout, PANGO_ALIGN_CENTER);
      cairo_set_source_rgb (a->cr, 0.75, 0.1, 0.1);
      _dossier_annex_show (a, LEFT, 120);
      cairo_set_source_rgb (a->cr, 0, 0, 0);
    }
  _dossier_annex_set_text (a, _dossier_annex_tr (a, N_("Annex")), a->bold, WIDTH, 0);
  _dossier_annex_show (a, LEFT, a->y);
  a->y += 24;
  {
    double height = _dossier_annex_set_text (a, a->title, a->heading, WIDTH, 0);

    _dossier_annex_show (a, LEFT, a->y);
    a->y += height;
  }
  a->y += 20;
  _dossier_annex_field (a, N_("Mandate"), a->mandate);
  _dossier_annex_field (a, N_("Period"), a->period);
  _dossier_annex_field (a, N_("Date"), a->today);
  _dossier_annex_field (a, N_("Profile"), profile);
  _dossier_annex_field (a, N_("Language"), g_str_equal (a->lang, "fr") ? "Français" : "English");
  /* What this annex lets out, not what the dossier holds: counting the incidents a public
   * annex leaves out would tell that confidential ones exist. */
  if (dossier_redaction_summarise (a->redaction, a->store, a->options->incident_ids, &n, NULL))
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
      _dossier_annex_field (a, N_("This annex covers"), counts->str);
    }
  a->y += 30;
  _dossier_annex_paragraph (a, g_str_equal (a->lang, "fr") ? _dossier_annex_tr (a, N_("[en] marks a text given in English because it has no version in this language."))
                                                           : _dossier_annex_tr (a, N_("[fr] marks a text given in French because it has no version in this language.")),
                            a->small, 0);
  _dossier_annex_paragraph (a, _dossier_annex_tr (a, N_("Persons appear only by their code. Made with Dossier.")), a->small, 0);
}

static void
contents (Annex *a)
{
  _dossier_annex_end_page (a);
  a->page_w = A4_SHORT;
  a->page_h = A4_LONG;
  a->running = _dossier_annex_tr (a, N_("Contents"));
  _dossier_annex_begin_page (a);
  a->y += _dossier_annex_set_text (a, a->running, a->heading, WIDTH, 0) + 14;
  _dossier_annex_show (a, LEFT, TOP);
  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      char number[16];
      double height;

      if (!(a->options->sections & sections[s].section))
        continue;
      if (a->left_out & sections[s].section)
        continue;
      g_snprintf (number, sizeof number, "%d", a->first_page[s]);
      height = _dossier_annex_set_text (a, _dossier_annex_tr (a, sections[s].title), a->body, WIDTH - 40, 1);
      if (a->cr != NULL)
        {
          g_autofree char *link = g_strdup_printf ("dest='section-%u'", s);
          int title_width;

          pango_layout_get_size (a->layout, &title_width, NULL);
          cairo_tag_begin (a->cr, CAIRO_TAG_LINK, link);
          _dossier_annex_show (a, LEFT, a->y);
          _dossier_annex_set_text (a, number, a->body, 40, 1);
          pango_layout_set_alignment (a->layout, PANGO_ALIGN_RIGHT);
          _dossier_annex_show (a, RIGHT - 40, a->y);
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
          g_string_append_printf (names, "%s%s", names->len ? ", " : "", _dossier_annex_tr (a, sections[s].title));
      a->y += 10;
      {
        /* Translators: after the contents of an annex, the sections asked for that are not in it */
        g_autofree char *note = g_strdup_printf (_dossier_annex_tr (a, N_("Not in this annex, because it has nothing to show in them: %s.")),
                                                 names->str);

        _dossier_annex_paragraph (a, note, a->body, 0);
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

  if (!dossier_redaction_summarise (a->redaction, a->store, a->options->incident_ids, &n, error) ||
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
  for (guint s = 0; s < G_N_ELEMENTS (sections) && !_dossier_annex_stopped (a, NULL); s++)
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
      _dossier_annex_write_section (a, sections[s].section);
    }
  _dossier_annex_end_page (a);
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
  g_clear_object (&a->redaction);
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
  g_autoptr(DossierAtomicFile) file = NULL;
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
  a.redaction = dossier_redaction_new (options->profile);
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
      a.title = g_strdup (_dossier_annex_tr (&a, N_("Untitled dossier")));
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
  file = dossier_atomic_file_open (path, 0600, error);
  if (file == NULL)
    {
      annex_clear (&a);
      return FALSE;
    }
  fd = dossier_atomic_file_get_fd (file);
  sink.fd = fd;
  a.surface = cairo_pdf_surface_create_for_stream (sink_write, &sink, A4_SHORT, A4_LONG);
  if (cairo_surface_status (a.surface) != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *display = g_filename_display_name (path);

      /* Translators: %s is a file name */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("“%s” cannot be written"), display);
      cairo_surface_destroy (a.surface);
      a.surface = NULL;
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
  /* Every write error seen before it takes the annex's name (on disk first: the commit). */
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
  else if (ok && !dossier_atomic_file_commit (g_steal_pointer (&file), error))
    ok = FALSE;

out:
  if (!ok && a.error != NULL && error != NULL && *error == NULL)
    g_propagate_error (error, g_steal_pointer (&a.error));
  annex_clear (&a);
  return ok;
}
