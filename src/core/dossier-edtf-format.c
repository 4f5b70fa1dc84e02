/* dossier-edtf-format.c: an EDTF date in words, in English or French
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a reader of the annex or of the lists sees of a date: "27 March 2022", "vers
 * mars 2022", "27–31 mars 2022", a range's shared month and year written once.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-edtf.h"
#include "dossier-edtf-private.h"

/* Month names are language data, chosen by the language asked for (an annex in French from an
 * English interface), so they are not gettext messages; nor is the wording around them, which
 * follows each language's grammar rather than a template a translator could fill. */
static const char * const month_names[2][12] = {
  { "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December" },
  { "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre" },
};

static const char * const month_abbreviations[2][12] = {
  { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" },
  { "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc." },
};

/**
 * dossier_edtf_month_name:
 * @month: 1 to 12
 * @lang: "fr" or "en"
 * @abbreviated: whether the short form ("Mar", "janv.")
 *
 * Returns: (transfer none): the month's name in @lang, in lower case in French
 */
const char *
dossier_edtf_month_name (int         month,
                         const char *lang,
                         gboolean    abbreviated)
{
  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return (abbreviated ? month_abbreviations : month_names)[g_strcmp0 (lang, "fr") == 0][month - 1];
}

static const char *
month_name (int      month,
            gboolean fr)
{
  g_assert (month >= 1 && month <= 12);
  return month_names[fr ? 1 : 0][month - 1];
}

/* No-break spaces keep "27 March 2022" on one line, and keep a dash from starting one. */
#define NBSP "\u00a0"
#define DASH NBSP "– "

/* "27 March 2022", "1er mars 2022", "March 2022", "2022"; a range leaves out the parts both
 * its ends share with @with_month and @with_year. */
static void
append_date (GString                *s,
             const DossierEdtfPoint *p,
             gboolean                fr,
             gboolean                with_month,
             gboolean                with_year)
{
  const char *sep = "";

  if (p->precision == DOSSIER_EDTF_PRECISION_DAY)
    {
      g_string_append_printf (s, fr && p->day == 1 ? "%der" : "%d", p->day);
      sep = NBSP;
    }
  if (p->precision >= DOSSIER_EDTF_PRECISION_MONTH && with_month)
    {
      g_string_append_printf (s, "%s%s", sep, month_name (p->month, fr));
      sep = NBSP;
    }
  if (with_year)
    g_string_append_printf (s, "%s%d", sep, p->year);
}

static void
append_en (GString                *s,
           const DossierEdtfPoint *p)
{
  if (p->approximate)
    g_string_append (s, "circa ");
  append_date (s, p, FALSE, TRUE, TRUE);
  if (p->uncertain)
    g_string_append (s, " (uncertain)");
}

/* French says "vers mars 2022" for a date on its own, but "depuis mars 2022 environ" after a
 * preposition, where "depuis vers" would be wrong. */
static void
append_fr (GString                *s,
           const DossierEdtfPoint *p,
           gboolean                alone)
{
  if (p->approximate && alone)
    g_string_append (s, p->precision == DOSSIER_EDTF_PRECISION_DAY ? "vers le " : "vers ");
  append_date (s, p, TRUE, TRUE, TRUE);
  if (p->approximate && !alone)
    g_string_append (s, " environ");
  if (p->uncertain)
    g_string_append (s, " (incertain)");
}

static gboolean
qualified (const DossierEdtfPoint *p)
{
  return p->approximate || p->uncertain;
}

/* Whether a range can share its year (and month) between its ends: "27–31 March 2022". */
static gboolean
plain_pair (const DossierEdtfPoint *a,
            const DossierEdtfPoint *b)
{
  return !qualified (a) && !qualified (b) && a->precision == b->precision && a->year == b->year;
}

static gboolean
points_equal (const DossierEdtfPoint *a,
              const DossierEdtfPoint *b)
{
  return a->kind == b->kind && a->year == b->year && a->month == b->month && a->day == b->day &&
         a->precision == b->precision && a->approximate == b->approximate && a->uncertain == b->uncertain;
}

static void
format_range_en (GString                *s,
                 const DossierEdtfPoint *a,
                 const DossierEdtfPoint *b)
{
  if (a->kind != DOSSIER_EDTF_ENDPOINT_DATE)
    g_string_append (s, a->kind == DOSSIER_EDTF_ENDPOINT_OPEN ? "until " : "unknown start" DASH);
  else if (b->kind != DOSSIER_EDTF_ENDPOINT_DATE)
    {
      if (b->kind == DOSSIER_EDTF_ENDPOINT_OPEN)
        g_string_append (s, "from ");
      append_en (s, a);
      if (b->kind == DOSSIER_EDTF_ENDPOINT_UNKNOWN)
        g_string_append (s, DASH "unknown end");
      return;
    }
  else if (plain_pair (a, b) && a->precision == DOSSIER_EDTF_PRECISION_DAY && a->month == b->month)
    g_string_append_printf (s, "%d–", a->day);
  else if (plain_pair (a, b))
    {
      /* "27 March – 2 April 2022", "March – May 2022" */
      append_date (s, a, FALSE, TRUE, FALSE);
      g_string_append (s, DASH);
    }
  else if (!qualified (a) && !qualified (b) && a->precision == DOSSIER_EDTF_PRECISION_YEAR &&
           b->precision == DOSSIER_EDTF_PRECISION_YEAR)
    g_string_append_printf (s, "%d–", a->year);
  else
    {
      append_en (s, a);
      g_string_append (s, DASH);
    }
  append_en (s, b);
}

static void
format_range_fr (GString                *s,
                 const DossierEdtfPoint *a,
                 const DossierEdtfPoint *b)
{
  gboolean day = a->precision == DOSSIER_EDTF_PRECISION_DAY;

  if (a->kind == DOSSIER_EDTF_ENDPOINT_OPEN)
    {
      g_string_append (s, b->precision == DOSSIER_EDTF_PRECISION_DAY ? "jusqu’au " : "jusqu’en ");
      append_fr (s, b, FALSE);
    }
  else if (a->kind == DOSSIER_EDTF_ENDPOINT_UNKNOWN)
    {
      g_string_append (s, "début inconnu" DASH);
      append_fr (s, b, TRUE);
    }
  else if (b->kind == DOSSIER_EDTF_ENDPOINT_OPEN)
    {
      g_string_append (s, day ? "depuis le " : "depuis ");
      append_fr (s, a, FALSE);
    }
  else if (b->kind == DOSSIER_EDTF_ENDPOINT_UNKNOWN)
    {
      append_fr (s, a, TRUE);
      g_string_append (s, DASH "fin inconnue");
    }
  else
    {
      /* "du 27 au 31 mars 2022", "du 27 mars au 2 avril 2022", "d’avril à juin 2022" */
      if (day)
        g_string_append (s, "du ");
      else if (a->precision == DOSSIER_EDTF_PRECISION_MONTH && strchr ("ao", *month_name (a->month, TRUE)))
        g_string_append (s, "d’");
      else
        g_string_append (s, "de ");
      if (plain_pair (a, b))
        append_date (s, a, TRUE, !day || a->month != b->month, FALSE);
      else
        append_fr (s, a, FALSE);
      g_string_append (s, b->precision == DOSSIER_EDTF_PRECISION_DAY ? " au " : " à ");
      append_fr (s, b, FALSE);
    }
}

/**
 * dossier_edtf_format:
 * @edtf: a parsed date
 * @lang: (nullable): `fr` (or `fr_FR`, `fr-CA`…) for French, anything else for English
 *
 * Writes the date out for people, in @lang whatever the interface language, since an annex
 * is written in the language of its readers: "27 March 2022", "circa 2021",
 * "du 27 au 31 mars 2022", "depuis le 1er mars 2022". The text holds no-break spaces.
 *
 * Returns: (transfer full): the date in words
 */
char *
dossier_edtf_format (const DossierEdtf *edtf,
                     const char        *lang)
{
  gboolean fr;
  GString *s;

  g_return_val_if_fail (edtf != NULL, NULL);
  g_return_val_if_fail (_dossier_edtf_is_sane (edtf), NULL);

  fr = lang != NULL && g_ascii_strncasecmp (lang, "fr", 2) == 0 &&
       (lang[2] == '\0' || lang[2] == '_' || lang[2] == '-');
  s = g_string_new (NULL);

  /* "2022-03-27/2022-03-27" is one day, not a range from a day to itself. */
  if (!edtf->is_interval || points_equal (&edtf->start, &edtf->end))
    {
      if (fr)
        append_fr (s, &edtf->start, TRUE);
      else
        append_en (s, &edtf->start);
    }
  else if (fr)
    format_range_fr (s, &edtf->start, &edtf->end);
  else
    format_range_en (s, &edtf->start, &edtf->end);

  return g_string_free (s, FALSE);
}

/**
 * dossier_edtf_format_string:
 * @text: (nullable): EDTF text
 * @lang: (nullable): `fr` or `en`, as for dossier_edtf_format()
 *
 * Writes out a stored date; a text that is not valid EDTF is shown as it is rather than
 * hidden, so that nothing an investigator typed disappears.
 *
 * Returns: (transfer full): the date in words, a copy of @text if it is not valid, or an
 *   empty string if @text is %NULL
 */
char *
dossier_edtf_format_string (const char *text,
                            const char *lang)
{
  DossierEdtf edtf;

  if (text == NULL || !dossier_edtf_parse (text, &edtf, NULL))
    return g_strdup (text != NULL ? text : "");
  return dossier_edtf_format (&edtf, lang);
}
