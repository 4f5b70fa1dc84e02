/* dossier-edtf.c: dates in the Extended Date/Time Format (ISO 8601-2), levels 0 and 1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Inquiries know dates only as well as witnesses remember them: a day, a month, a year,
 * "around", "perhaps", a span with an unknown end. EDTF says all of that in a sortable text;
 * the store keeps the text and derives the earliest and latest possible days from it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-edtf.h"

G_DEFINE_QUARK (dossier-edtf-error-quark, dossier_edtf_error)

static gboolean
fail (GError     **error,
      const char  *format,
      const char  *part)
{
  g_set_error (error, DOSSIER_EDTF_ERROR, DOSSIER_EDTF_ERROR_INVALID, format, part);
  return FALSE;
}

static gboolean
all_digits (const char *s,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

/* Parses one side: a date with an optional qualifier, "..", or "" (only inside an interval). */
static gboolean
parse_point (const char        *text,
             gboolean           in_interval,
             DossierEdtfPoint  *p,
             GError           **error)
{
  g_autofree char *s = g_strdup (text);
  gsize len = strlen (s);
  char q;

  memset (p, 0, sizeof *p);

  if (in_interval && len == 0)
    {
      p->kind = DOSSIER_EDTF_ENDPOINT_UNKNOWN;
      return TRUE;
    }
  if (in_interval && g_str_equal (s, ".."))
    {
      p->kind = DOSSIER_EDTF_ENDPOINT_OPEN;
      return TRUE;
    }
  if (len == 0)
    return fail (error, _("The date is empty"), NULL);

  q = s[len - 1];
  if (q == '?' || q == '~' || q == '%')
    {
      p->uncertain = q == '?' || q == '%';
      p->approximate = q == '~' || q == '%';
      s[--len] = '\0';
      if (len > 0 && strchr ("?~%", s[len - 1]))
        /* Translators: %s is the date as typed */
        return fail (error, _("“%s” has more than one qualifier: use ? (uncertain), ~ (approximate) or %% (both)"), text);
    }

  if (len > 0 && (s[0] == '-' || s[0] == 'Y'))
    return fail (error, _("“%s”: years before year 1 or beyond 9999 are not supported"), text);
  if (strpbrk (s, "Xx"))
    return fail (error, _("“%s”: unspecified digits (X) are not supported; give the year or the month only"), text);
  if (strpbrk (s, "T:"))
    return fail (error, _("“%s”: times of day are not supported; give the date only"), text);

  if (len < 4 || !all_digits (s, 4) || (len > 4 && s[4] != '-'))
    return fail (error, _("“%s” does not start with a four-digit year"), text);
  p->year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  if (p->year == 0)
    return fail (error, _("“%s”: there is no year 0000"), text);
  p->precision = DOSSIER_EDTF_PRECISION_YEAR;

  if (len > 4)
    {
      if (len < 7 || !all_digits (s + 5, 2) || (len > 7 && s[7] != '-'))
        return fail (error, _("“%s”: the month must have two digits, as in 2022-03"), text);
      p->month = (s[5] - '0') * 10 + (s[6] - '0');
      if (p->month < 1 || p->month > 12)
        return fail (error, _("“%s”: months run from 01 to 12"), text);
      p->precision = DOSSIER_EDTF_PRECISION_MONTH;
    }
  if (len > 7)
    {
      if (len != 10 || !all_digits (s + 8, 2))
        return fail (error, _("“%s”: the day must have two digits, as in 2022-03-07"), text);
      p->day = (s[8] - '0') * 10 + (s[9] - '0');
      if (p->day < 1 || p->day > g_date_get_days_in_month (p->month, p->year))
        return fail (error, _("“%s”: that month has no such day"), text);
      p->precision = DOSSIER_EDTF_PRECISION_DAY;
    }
  p->kind = DOSSIER_EDTF_ENDPOINT_DATE;
  return TRUE;
}

static guint32
point_day (const DossierEdtfPoint *p,
           gboolean                latest)
{
  GDate d;
  int month = p->month ? p->month : (latest ? 12 : 1);
  int day = p->day ? p->day : (latest ? g_date_get_days_in_month (month, p->year) : 1);

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, day, month, p->year);
  return g_date_get_julian (&d);
}

/**
 * dossier_edtf_parse:
 * @text: an EDTF date such as `2022-03-27/2022-03-31`, `2022-03`, `2021-10~`, `../2020`
 * @out: (out caller-allocates): the parsed date
 * @error: return location for a #DOSSIER_EDTF_ERROR saying why @text is not valid
 *
 * Returns: %TRUE if @text is a supported EDTF date
 */
gboolean
dossier_edtf_parse (const char   *text,
                    DossierEdtf  *out,
                    GError      **error)
{
  DossierEdtf edtf = { 0 };
  const char *slash;

  g_return_val_if_fail (text != NULL, FALSE);

  if (*text == '\0')
    return fail (error, _("The date is empty"), NULL);
  for (const char *c = text; *c; c++)
    if (g_ascii_isspace (*c))
      return fail (error, _("“%s” contains spaces"), text);

  slash = strchr (text, '/');
  if (slash == NULL)
    {
      if (!parse_point (text, FALSE, &edtf.start, error))
        return FALSE;
    }
  else
    {
      g_autofree char *left = g_strndup (text, slash - text);

      if (strchr (slash + 1, '/'))
        return fail (error, _("“%s” has more than one “/”"), text);
      edtf.is_interval = TRUE;
      if (!parse_point (left, TRUE, &edtf.start, error) ||
          !parse_point (slash + 1, TRUE, &edtf.end, error))
        return FALSE;
      if (edtf.start.kind != DOSSIER_EDTF_ENDPOINT_DATE && edtf.end.kind != DOSSIER_EDTF_ENDPOINT_DATE)
        return fail (error, _("“%s”: at least one end of a period must be a date"), text);
      if (edtf.start.kind == DOSSIER_EDTF_ENDPOINT_DATE && edtf.end.kind == DOSSIER_EDTF_ENDPOINT_DATE &&
          point_day (&edtf.start, FALSE) > point_day (&edtf.end, FALSE))
        return fail (error, _("“%s”: the period ends before it starts"), text);
    }

  if (out)
    *out = edtf;
  return TRUE;
}

gboolean
dossier_edtf_validate (const char  *text,
                       GError     **error)
{
  return dossier_edtf_parse (text, NULL, error);
}

static void
append_point (GString                *s,
              const DossierEdtfPoint *p)
{
  switch (p->kind)
    {
    case DOSSIER_EDTF_ENDPOINT_OPEN:
      g_string_append (s, "..");
      return;
    case DOSSIER_EDTF_ENDPOINT_UNKNOWN:
      return;
    case DOSSIER_EDTF_ENDPOINT_DATE:
    default:
      break;
    }
  g_string_append_printf (s, "%04d", p->year);
  if (p->precision >= DOSSIER_EDTF_PRECISION_MONTH)
    g_string_append_printf (s, "-%02d", p->month);
  if (p->precision >= DOSSIER_EDTF_PRECISION_DAY)
    g_string_append_printf (s, "-%02d", p->day);
  if (p->approximate && p->uncertain)
    g_string_append_c (s, '%');
  else if (p->approximate)
    g_string_append_c (s, '~');
  else if (p->uncertain)
    g_string_append_c (s, '?');
}

/**
 * dossier_edtf_to_string:
 * @edtf: a parsed date
 *
 * Returns: (transfer full): its canonical EDTF text
 */
char *
dossier_edtf_to_string (const DossierEdtf *edtf)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (edtf != NULL, NULL);

  append_point (s, &edtf->start);
  if (edtf->is_interval)
    {
      g_string_append_c (s, '/');
      append_point (s, &edtf->end);
    }
  return g_string_free (s, FALSE);
}

/* Month names are language data, chosen by the language asked for (an annex in French from
 * an English interface), so they are not gettext messages. */
static const char * const months_en[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
};
static const char * const months_fr[] = {
  "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
  "octobre", "novembre", "décembre",
};

#define NBSP "\u00a0"

/* The date itself, without qualifiers; @with_year FALSE drops "YYYY" (ranges in one year). */
static void
append_plain (GString                *s,
              const DossierEdtfPoint *p,
              gboolean                fr,
              gboolean                with_month,
              gboolean                with_year)
{
  if (p->precision == DOSSIER_EDTF_PRECISION_DAY)
    {
      if (fr)
        g_string_append_printf (s, p->day == 1 ? "1er" : "%d", p->day);
      else
        g_string_append_printf (s, "%d", p->day);
      if (with_month)
        g_string_append_printf (s, NBSP "%s", (fr ? months_fr : months_en)[p->month - 1]);
    }
  else if (p->precision == DOSSIER_EDTF_PRECISION_MONTH && with_month)
    g_string_append (s, (fr ? months_fr : months_en)[p->month - 1]);
  if (with_year)
    g_string_append_printf (s, "%s%d", s->len && s->str[s->len - 1] != ' ' ? NBSP : "", p->year);
}

static void
append_qualified (GString                *s,
                  const DossierEdtfPoint *p,
                  gboolean                fr)
{
  if (p->approximate)
    g_string_append (s, fr ? "vers " : "circa ");
  append_plain (s, p, fr, TRUE, TRUE);
  if (p->uncertain)
    g_string_append (s, fr ? " (incertain)" : " (uncertain)");
}

static gboolean
qualified (const DossierEdtfPoint *p)
{
  return p->approximate || p->uncertain;
}

/**
 * dossier_edtf_format:
 * @edtf: a parsed date
 * @lang: "fr" for French, anything else for English
 *
 * Writes the date out for people: "27 March 2022", "du 27 au 31 mars 2022", "circa 2021".
 *
 * Returns: (transfer full): the date in words
 */
char *
dossier_edtf_format (const DossierEdtf *edtf,
                     const char        *lang)
{
  gboolean fr = g_strcmp0 (lang, "fr") == 0;
  const DossierEdtfPoint *a = &edtf->start, *b = &edtf->end;
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (edtf != NULL, NULL);

  if (!edtf->is_interval)
    {
      append_qualified (s, a, fr);
      return g_string_free (s, FALSE);
    }

  if (a->kind != DOSSIER_EDTF_ENDPOINT_DATE)
    {
      if (b->kind == DOSSIER_EDTF_ENDPOINT_DATE && a->kind == DOSSIER_EDTF_ENDPOINT_OPEN)
        g_string_append (s, fr ? (b->precision == DOSSIER_EDTF_PRECISION_DAY ? "jusqu’au " : "jusqu’en ") : "until ");
      else
        g_string_append (s, fr ? "date de début inconnue – " : "unknown start – ");
      append_qualified (s, b, fr);
      return g_string_free (s, FALSE);
    }
  if (b->kind != DOSSIER_EDTF_ENDPOINT_DATE)
    {
      if (b->kind == DOSSIER_EDTF_ENDPOINT_OPEN)
        {
          g_string_append (s, fr ? (a->precision == DOSSIER_EDTF_PRECISION_DAY ? "depuis le " : "depuis ") : "from ");
          append_qualified (s, a, fr);
        }
      else
        {
          append_qualified (s, a, fr);
          g_string_append (s, fr ? " – date de fin inconnue" : " – unknown end");
        }
      return g_string_free (s, FALSE);
    }

  /* Two days of the same month and year, plainly: "27–31 March 2022", "du 27 au 31 mars 2022". */
  if (!qualified (a) && !qualified (b) && a->precision == b->precision && a->year == b->year)
    {
      gboolean same_month = a->month == b->month;

      if (fr)
        g_string_append (s, a->precision == DOSSIER_EDTF_PRECISION_DAY ? "du " : "de ");
      append_plain (s, a, fr, !same_month || a->precision != DOSSIER_EDTF_PRECISION_DAY,
                    a->precision == DOSSIER_EDTF_PRECISION_YEAR);
      g_string_append (s, fr ? (a->precision == DOSSIER_EDTF_PRECISION_DAY ? " au " : " à ") : "–");
      if (!fr && !(same_month && a->precision == DOSSIER_EDTF_PRECISION_DAY))
        g_string_overwrite (s, s->len - strlen ("–"), " – ");
      append_plain (s, b, fr, TRUE, TRUE);
      return g_string_free (s, FALSE);
    }

  if (fr)
    g_string_append (s, a->precision == DOSSIER_EDTF_PRECISION_DAY ? "du " : "de ");
  append_qualified (s, a, fr);
  g_string_append (s, fr ? (b->precision == DOSSIER_EDTF_PRECISION_DAY ? " au " : " à ") : " – ");
  append_qualified (s, b, fr);
  return g_string_free (s, FALSE);
}

/**
 * dossier_edtf_format_string:
 * @text: EDTF text
 * @lang: "fr" or "en"
 *
 * Returns: (transfer full): the date in words, or @text itself if it is not valid
 */
char *
dossier_edtf_format_string (const char *text,
                            const char *lang)
{
  DossierEdtf edtf;

  if (text == NULL || !dossier_edtf_parse (text, &edtf, NULL))
    return g_strdup (text ? text : "");
  return dossier_edtf_format (&edtf, lang);
}

gboolean
dossier_edtf_earliest_day (const DossierEdtf *edtf,
                           guint32           *out)
{
  g_return_val_if_fail (edtf != NULL && out != NULL, FALSE);

  *out = 0;
  if (edtf->start.kind != DOSSIER_EDTF_ENDPOINT_DATE)
    return FALSE;
  *out = point_day (&edtf->start, FALSE);
  return TRUE;
}

gboolean
dossier_edtf_latest_day (const DossierEdtf *edtf,
                         guint32           *out)
{
  const DossierEdtfPoint *p;

  g_return_val_if_fail (edtf != NULL && out != NULL, FALSE);

  *out = 0;
  p = edtf->is_interval ? &edtf->end : &edtf->start;
  if (p->kind != DOSSIER_EDTF_ENDPOINT_DATE)
    return FALSE;
  *out = point_day (p, TRUE);
  return TRUE;
}

/**
 * dossier_edtf_bounds:
 * @text: EDTF text
 * @earliest: (out): the first possible day (GDate julian), 0 when open
 * @latest: (out): the last possible day, 0 when open
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @text is valid
 */
gboolean
dossier_edtf_bounds (const char  *text,
                     guint32     *earliest,
                     guint32     *latest,
                     GError     **error)
{
  DossierEdtf edtf;

  g_return_val_if_fail (earliest != NULL && latest != NULL, FALSE);

  *earliest = *latest = 0;
  if (!dossier_edtf_parse (text, &edtf, error))
    return FALSE;
  dossier_edtf_earliest_day (&edtf, earliest);
  dossier_edtf_latest_day (&edtf, latest);
  return TRUE;
}
