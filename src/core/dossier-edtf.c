/* dossier-edtf.c: dates in the Extended Date/Time Format (ISO 8601-2), levels 0 and 1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Inquiries know dates only as well as witnesses remember them: a day, a month, a year,
 * "around", "perhaps", a span with an unknown end. EDTF says all of that in a sortable text;
 * the store keeps the text and derives the earliest and latest possible days from it.
 *
 * Only the canonical spelling is accepted (four-digit years, two-digit months and days), so
 * that the text stored is the text the next investigator reads, and every refusal says which
 * part is wrong and why.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-edtf.h"

G_DEFINE_QUARK (dossier-edtf-error-quark, dossier_edtf_error)

#define QUALIFIERS "?~%"
#define IS_QUALIFIER(c) ((c) != '\0' && strchr (QUALIFIERS, (c)) != NULL)

static gboolean fail (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* Always returns FALSE, so that a parser can "return fail (…)". */
static gboolean
fail (GError     **error,
      const char  *format,
      ...)
{
  va_list args;

  /* Validating thousands of rows passes no GError: build no message that nobody reads. */
  if (error == NULL)
    return FALSE;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (DOSSIER_EDTF_ERROR, DOSSIER_EDTF_ERROR_INVALID,
                                                format, args));
  va_end (args);
  return FALSE;
}

/* Counts the ASCII digits at *c and moves past them; *value holds their number when there
 * are at most four of them. */
static int
read_digits (const char **c,
             int         *value)
{
  int n = 0;

  for (*value = 0; g_ascii_isdigit (**c); (*c)++, n++)
    if (n < 4)
      *value = *value * 10 + (**c - '0');
  return n;
}

/* The component at @c (after a leading "-" if @signed_) up to the next "-", qualifier or end,
 * to name it in errors. */
static char *
component (const char *c,
           gboolean    signed_)
{
  return g_strndup (c, signed_ + strcspn (c + signed_, "-" QUALIFIERS));
}

/* "20XX", "2022-XX": EDTF's unspecified digits, in a component of @width characters. */
static gboolean
fail_if_unspecified (const char  *part,
                     gsize        width,
                     const char  *side,
                     GError     **error)
{
  if (strlen (part) != width || strpbrk (part, "Xx") == NULL || strspn (part, "0123456789Xx") != width)
    return TRUE;
  /* Translators: %s is a date as typed, such as 20XX */
  return fail (error, _("“%s”: unspecified digits (X) are not supported; give a period instead, as in 2020/2029"),
               side);
}

/* Reads "YYYY", "YYYY-MM" or "YYYY-MM-DD" from the start of @side; *c is left after it. */
static gboolean
parse_ymd (const char        *side,
           const char       **c,
           DossierEdtfPoint  *p,
           GError           **error)
{
  gboolean sign = **c == '-' || **c == 'Y' || **c == 'y';
  g_autofree char *part = component (*c, sign);
  int n, days;

  n = sign ? 0 : read_digits (c, &p->year);
  if (!fail_if_unspecified (part, 4, side, error))
    return FALSE;
  if (sign || n > 4 || (n == 4 && p->year == 0))
    /* Translators: %s is a year as typed, such as -0100, Y12345 or 20222 */
    return fail (error, _("“%s”: only years from 0001 to 9999 are supported"), part);
  if (n == 0)
    /* Translators: %s is the text typed as a date */
    return fail (error, _("“%s” is not a date: a date starts with a four-digit year, as in 2022"), side);
  if (n < 4)
    /* Translators: %s is a year as typed, such as 22 */
    return fail (error, _("“%s” is not a valid year: years have four digits, as in 0987 or 2022"), part);
  p->precision = DOSSIER_EDTF_PRECISION_YEAR;

  if (**c != '-')
    return TRUE;
  g_free (part);
  part = component (++(*c), FALSE);
  n = read_digits (c, &p->month);
  if (*part == '\0')
    /* Translators: %s is the text typed as a date, such as 2022- */
    return fail (error, _("“%s”: the month is missing after “-”"), side);
  if (!fail_if_unspecified (part, 2, side, error))
    return FALSE;
  if (n == 4)
    /* People write "2021-2022" for a period. */
    /* Translators: %s is a month as typed, such as 2022 in 2021-2022 */
    return fail (error, _("“%s” is not a valid month: for a period, put “/” between its start and its end, as in 2021/2022"),
                 part);
  if (n != 2)
    /* Translators: %s is a month as typed, such as 3 */
    return fail (error, _("“%s” is not a valid month: months have two digits, as in 2022-03"), part);
  if (p->month >= 21 && p->month <= 24)
    /* Translators: %s is a month as typed, such as 21 */
    return fail (error, _("“%s”: seasons (21 to 24) are not supported; give months instead, as in 2022-03/2022-05"),
                 part);
  if (p->month < 1 || p->month > 12)
    /* Translators: %s is a month as typed, such as 13 */
    return fail (error, _("“%s” is not a valid month: months run from 01 to 12"), part);
  p->precision = DOSSIER_EDTF_PRECISION_MONTH;

  if (**c != '-')
    return TRUE;
  g_free (part);
  part = component (++(*c), FALSE);
  n = read_digits (c, &p->day);
  if (*part == '\0')
    /* Translators: %s is the text typed as a date, such as 2022-03- */
    return fail (error, _("“%s”: the day is missing after the last “-”"), side);
  if (!fail_if_unspecified (part, 2, side, error))
    return FALSE;
  if (n != 2)
    /* Translators: %s is a day as typed, such as 7 */
    return fail (error, _("“%s” is not a valid day: days have two digits, as in 2022-03-07"), part);
  if (p->day == 0)
    /* Translators: %s is a day as typed: 00 */
    return fail (error, _("“%s” is not a valid day: days start at 01"), part);
  days = g_date_get_days_in_month (p->month, p->year);
  if (p->day > days)
    {
      g_autofree char *date = g_strndup (side, *c - side);

      if (p->month == 2 && p->day == 29)
        /* Translators: %s is a date such as 2021-02-29, %d its year */
        return fail (error, _("“%s” is not a valid date: %d is not a leap year"), date, p->year);
      /* Translators: %s is a date such as 2022-04-31, %d the number of days in its month */
      return fail (error, g_dngettext (GETTEXT_PACKAGE, "“%s” is not a valid date: that month has only %d day",
                                       "“%s” is not a valid date: that month has only %d days", days),
                   date, days);
    }
  p->precision = DOSSIER_EDTF_PRECISION_DAY;
  return TRUE;
}

/* Parses one side: a date with an optional qualifier, "..", or "" (only inside an interval). */
static gboolean
parse_point (const char        *side,
             gboolean           in_interval,
             DossierEdtfPoint  *p,
             GError           **error)
{
  const char *c = side;

  memset (p, 0, sizeof *p);

  if (in_interval && *side == '\0')
    {
      p->kind = DOSSIER_EDTF_ENDPOINT_UNKNOWN;
      return TRUE;
    }
  if (g_str_has_prefix (side, ".."))
    {
      if (side[2] != '\0')
        /* Translators: %s is one end of a period as typed, such as ..~ */
        return fail (error, _("“%s”: an open end is written “..” alone, without date or qualifier"), side);
      if (!in_interval)
        return fail (error, "%s", _("“..” (open) can only stand for one end of a period, as in 2022/.."));
      p->kind = DOSSIER_EDTF_ENDPOINT_OPEN;
      return TRUE;
    }
  if (IS_QUALIFIER (*c))
    /* Translators: %s is a date as typed, such as ~2022 */
    return fail (error, _("“%s”: the qualifier goes after the date, as in 2022~"), side);

  if (!parse_ymd (side, &c, p, error))
    return FALSE;

  if (IS_QUALIFIER (*c))
    {
      p->uncertain = *c == '?' || *c == '%';
      p->approximate = *c == '~' || *c == '%';
      c++;
      if (IS_QUALIFIER (*c))
        /* Translators: %s is a date as typed, such as 2022?~ */
        return fail (error, _("“%s” has more than one qualifier: use ? (uncertain), ~ (approximate) or %% (both)"),
                     side);
      if (*c == '-')
        /* Translators: %s is a date as typed, such as 2022?-03 */
        return fail (error, _("“%s”: the qualifier goes at the end of the date, as in 2022-03~"), side);
    }
  if (*c == 'T' || *c == ':')
    /* Translators: %s is a date as typed, such as 2022-03-27T10:00 */
    return fail (error, _("“%s”: times of day are not supported; give the date only"), side);
  if (*c != '\0')
    {
      g_autofree char *date = g_strndup (side, c - side);

      /* Translators: the first %s is unexpected text, the second the date it follows */
      return fail (error, _("“%s” cannot follow “%s”"), c, date);
    }
  p->kind = DOSSIER_EDTF_ENDPOINT_DATE;
  return TRUE;
}

static gboolean
point_is_sane (const DossierEdtfPoint *p)
{
  if (p->kind != DOSSIER_EDTF_ENDPOINT_DATE)
    return p->kind == DOSSIER_EDTF_ENDPOINT_OPEN || p->kind == DOSSIER_EDTF_ENDPOINT_UNKNOWN;
  if (p->year < 1 || p->year > 9999 || p->precision > DOSSIER_EDTF_PRECISION_DAY)
    return FALSE;
  if (p->precision >= DOSSIER_EDTF_PRECISION_MONTH && (p->month < 1 || p->month > 12))
    return FALSE;
  return p->precision < DOSSIER_EDTF_PRECISION_DAY ||
         (p->day >= 1 && p->day <= g_date_get_days_in_month (p->month, p->year));
}

/* Guards the public functions against hand-built structures that would index past the month
 * tables or make GDate complain. */
static gboolean
edtf_is_sane (const DossierEdtf *edtf)
{
  if (!edtf->is_interval)
    return edtf->start.kind == DOSSIER_EDTF_ENDPOINT_DATE && point_is_sane (&edtf->start);
  return point_is_sane (&edtf->start) && point_is_sane (&edtf->end) &&
         (edtf->start.kind == DOSSIER_EDTF_ENDPOINT_DATE || edtf->end.kind == DOSSIER_EDTF_ENDPOINT_DATE);
}

/* The first (or last, if @latest) day that a date of its precision covers. */
static guint32
point_day (const DossierEdtfPoint *p,
           gboolean                latest)
{
  GDate d;
  int month = p->precision >= DOSSIER_EDTF_PRECISION_MONTH ? p->month : (latest ? 12 : 1);
  int day = p->precision >= DOSSIER_EDTF_PRECISION_DAY ? p->day
            : (latest ? g_date_get_days_in_month (month, p->year) : 1);

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, day, month, p->year);
  return g_date_get_julian (&d);
}

static gboolean
parse_interval (const char   *text,
                const char   *slash,
                DossierEdtf  *edtf,
                GError      **error)
{
  g_autofree char *left = g_strndup (text, slash - text);
  const char *right = slash + 1;

  if (strchr (right, '/') != NULL)
    /* Translators: %s is the text typed as a date, such as 2022/2023/2024 */
    return fail (error, _("“%s” has more than one “/”: a period has only a start and an end"), text);
  edtf->is_interval = TRUE;
  if (!parse_point (left, TRUE, &edtf->start, error) || !parse_point (right, TRUE, &edtf->end, error))
    return FALSE;
  if (edtf->start.kind != DOSSIER_EDTF_ENDPOINT_DATE && edtf->end.kind != DOSSIER_EDTF_ENDPOINT_DATE)
    /* Translators: %s is the text typed as a date, such as ../.. */
    return fail (error, _("“%s”: at least one end of a period must be a date"), text);
  /* Earliest days, so that "2022/2022-06" (from some time in 2022 to June) stays valid. */
  if (edtf->start.kind == DOSSIER_EDTF_ENDPOINT_DATE && edtf->end.kind == DOSSIER_EDTF_ENDPOINT_DATE &&
      point_day (&edtf->start, FALSE) > point_day (&edtf->end, FALSE))
    /* Translators: the first %s is the start of a period as typed, the second its end */
    return fail (error, _("The period cannot start (%s) after it ends (%s)"), left, right);
  return TRUE;
}

/**
 * dossier_edtf_parse:
 * @text: an EDTF date such as `2022-03-27/2022-03-31`, `2022-03`, `2021-10~`, `../2020`
 * @out: (out caller-allocates) (optional): the parsed date, left untouched on failure
 * @error: return location for a %DOSSIER_EDTF_ERROR saying which part of @text is wrong and why
 *
 * Parses a date of the EDTF subset Dossier supports: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`
 * (years 0001 to 9999, real calendar days), each optionally followed by `?` (uncertain),
 * `~` (approximate) or `%` (both); and periods `A/B` whose ends are such dates, `..` (open)
 * or nothing (unknown), at least one of them a date, the start not after the end.
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
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (*text == '\0')
    return fail (error, "%s", _("The date is empty"));
  /* The messages quote @text, and a GError message must be UTF-8. */
  if (!g_utf8_validate (text, -1, NULL))
    return fail (error, "%s", _("The date contains characters that are not text"));
  if (strpbrk (text, " \t\n\r\v\f") != NULL || strstr (text, "\u00a0") != NULL)
    /* Translators: %s is the text typed as a date */
    return fail (error, _("“%s” contains a space: write dates without spaces, as in 2022-03-27/2022-03-31"), text);
  if (strstr (text, "–") != NULL || strstr (text, "—") != NULL)
    /* Translators: %s is the text typed as a date, such as 2022–2023 */
    return fail (error, _("“%s”: put “/” between the start and the end of a period, not a dash"), text);

  slash = strchr (text, '/');
  if (slash == NULL ? !parse_point (text, FALSE, &edtf.start, error)
                    : !parse_interval (text, slash, &edtf, error))
    return FALSE;
  if (out != NULL)
    *out = edtf;
  return TRUE;
}

/**
 * dossier_edtf_validate:
 * @text: EDTF text
 * @error: return location for a %DOSSIER_EDTF_ERROR saying why @text is not valid
 *
 * Checks @text as dossier_edtf_parse() does, without keeping the result.
 *
 * Returns: %TRUE if @text is a supported EDTF date
 */
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
  if (p->kind == DOSSIER_EDTF_ENDPOINT_OPEN)
    g_string_append (s, "..");
  if (p->kind != DOSSIER_EDTF_ENDPOINT_DATE)
    return;
  g_string_append_printf (s, "%04d", p->year);
  if (p->precision >= DOSSIER_EDTF_PRECISION_MONTH)
    g_string_append_printf (s, "-%02d", p->month);
  if (p->precision >= DOSSIER_EDTF_PRECISION_DAY)
    g_string_append_printf (s, "-%02d", p->day);
  if (p->approximate || p->uncertain)
    g_string_append_c (s, !p->uncertain ? '~' : !p->approximate ? '?' : '%');
}

/**
 * dossier_edtf_to_string:
 * @edtf: a parsed date
 *
 * Returns: (transfer full): its canonical EDTF text, which dossier_edtf_parse() reads back
 *   to the same date
 */
char *
dossier_edtf_to_string (const DossierEdtf *edtf)
{
  GString *s;

  g_return_val_if_fail (edtf != NULL, NULL);
  g_return_val_if_fail (edtf_is_sane (edtf), NULL);

  s = g_string_new (NULL);
  append_point (s, &edtf->start);
  if (edtf->is_interval)
    {
      g_string_append_c (s, '/');
      append_point (s, &edtf->end);
    }
  return g_string_free (s, FALSE);
}

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
  g_return_val_if_fail (edtf_is_sane (edtf), NULL);

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

/**
 * dossier_edtf_earliest_day:
 * @edtf: a parsed date
 * @out: (out): the earliest day @edtf can mean, as a #GDate julian day number, or 0
 *
 * Gives the first day of the start's year, month or day: qualifiers do not widen it.
 *
 * Returns: %TRUE if the start is a date, %FALSE if it is open or unknown
 */
gboolean
dossier_edtf_earliest_day (const DossierEdtf *edtf,
                           guint32           *out)
{
  g_return_val_if_fail (edtf != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (edtf_is_sane (edtf), FALSE);

  *out = 0;
  if (edtf->start.kind != DOSSIER_EDTF_ENDPOINT_DATE)
    return FALSE;
  *out = point_day (&edtf->start, FALSE);
  return TRUE;
}

/**
 * dossier_edtf_latest_day:
 * @edtf: a parsed date
 * @out: (out): the latest day @edtf can mean, as a #GDate julian day number, or 0
 *
 * Gives the last day of the end's year, month or day (of the date itself when @edtf is not a
 * period): qualifiers do not widen it.
 *
 * Returns: %TRUE if the end is a date, %FALSE if it is open or unknown
 */
gboolean
dossier_edtf_latest_day (const DossierEdtf *edtf,
                         guint32           *out)
{
  const DossierEdtfPoint *p;

  g_return_val_if_fail (edtf != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (edtf_is_sane (edtf), FALSE);

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
 * @earliest: (out): the earliest possible day (#GDate julian), 0 when open or unknown
 * @latest: (out): the latest possible day, 0 when open or unknown
 * @error: return location for a %DOSSIER_EDTF_ERROR saying why @text is not valid
 *
 * Parses @text and gives the sortable bounds the store keeps beside it; both are 0 when
 * @text is not valid.
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

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (earliest != NULL, FALSE);
  g_return_val_if_fail (latest != NULL, FALSE);

  *earliest = *latest = 0;
  if (!dossier_edtf_parse (text, &edtf, error))
    return FALSE;
  dossier_edtf_earliest_day (&edtf, earliest);
  dossier_edtf_latest_day (&edtf, latest);
  return TRUE;
}

/* Dates as people write them ----------------------------------------------------------------
 *
 * Investigators write "27/03/2022", "27 mars 2022" or "du 27 au 31 mars 2022", not EDTF. The
 * text is lowered, stripped of accents and cut into numbers, words and marks; filler words are
 * dropped, "vers"/"avant"/"après" and their English kin become qualifiers, and a period is
 * split at "au", "to", "et" or a dash, each side lending the other the month or year it leaves
 * out ("27–31 mars 2022"). Only the numbers' order is not in the text, hence @order. */

#define HUMAN_MAX_TOKENS 48

typedef struct {
  char kind;        /* 'n' number, 'w' word, or the mark itself: / . - ? ~ % */
  int  value;       /* a number's value (its first four digits) */
  int  digits;      /* a number's digit count */
  char word[24];    /* a word, lowered, without accents (cut if longer) */
} HumanToken;

typedef struct {
  int year, month, day;   /* 0 when the text leaves it out */
} HumanDate;

static const char * const human_months[12][2] = {
  { "january", "janvier" }, { "february", "fevrier" }, { "march", "mars" }, { "april", "avril" },
  { "may", "mai" }, { "june", "juin" }, { "july", "juillet" }, { "august", "aout" },
  { "september", "septembre" }, { "october", "octobre" }, { "november", "novembre" },
  { "december", "decembre" },
};

/* Words that carry nothing a date needs: articles, "entre", ordinals ("1er", "31st"). */
static const char * const human_fillers[] = {
  "le", "la", "l", "les", "du", "de", "des", "d", "en", "entre", "the", "of", "on", "in",
  "between", "from", "er", "st", "nd", "rd", "th", "eme", "e", "jour", "day",
};
static const char * const human_approximate[] = {
  "vers", "circa", "ca", "c", "env", "environ", "around", "about", "approx", "approximately",
  "approximativement",
};
static const char * const human_before[] = { "avant", "before" };
static const char * const human_after[] = { "apres", "after", "depuis", "since" };
static const char * const human_range[] = {
  "au", "a", "aux", "jusqu", "to", "till", "until", "through", "et", "and",
};

static gboolean
word_in (const char         *word,
         const char * const *list,
         gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (g_str_equal (word, list[i]))
      return TRUE;
  return FALSE;
}
#define WORD_IN(word, list) word_in ((word), (list), G_N_ELEMENTS (list))

/* 1 to 12 for a month's name or an abbreviation of at least three letters ("sept", "janv",
 * "Jan") in either language; 0 for any other word, and for "ju", "jui" (June or July?). */
static int
human_month (const char *word)
{
  gsize len = strlen (word);
  int found = 0;

  if (len < 3)
    return 0;
  for (int m = 0; m < 12; m++)
    for (int l = 0; l < 2; l++)
      if (strncmp (human_months[m][l], word, len) == 0)
        {
          if (found != 0 && found != m + 1)
            return 0;
          found = m + 1;
        }
  return found;
}

/* Lowers @text, takes accents off its letters and cuts it into tokens; dashes of any length
 * are "-", apostrophes and spaces of any width separate words. */
static gboolean
human_tokenize (const char  *text,
                HumanToken  *tokens,
                int         *n_tokens)
{
  g_autofree char *nfd = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  g_autoptr(GString) ascii = g_string_new (NULL);
  int n = 0;

  /* First the text in ASCII, accents dropped and dashes and spaces made one of each. */
  for (const char *c = nfd; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);

      if (g_unichar_type (u) == G_UNICODE_NON_SPACING_MARK)
        continue;
      if (g_unichar_isspace (u) || u == 0x00a0 || u == 0x202f || u == '\'' || u == 0x2019 || u == ',')
        u = ' ';
      if ((u >= 0x2010 && u <= 0x2015) || u == 0x2212)
        u = '-';
      if (u >= 0x80 || !(u == ' ' || g_ascii_isalnum (u) || strchr ("/.-?~%", (int) u) != NULL))
        return FALSE;
      g_string_append_c (ascii, (char) u);
    }

  for (const char *c = ascii->str; *c != '\0'; c++)
    {
      char u = *c;
      HumanToken *t;

      if (u == ' ')
        continue;
      if (n == HUMAN_MAX_TOKENS)
        return FALSE;

      t = &tokens[n++];
      memset (t, 0, sizeof *t);
      if (g_ascii_isdigit (u))
        {
          t->kind = 'n';
          t->digits = read_digits (&c, &t->value);
          c--;   /* the loop moves past the last digit */
        }
      else if (g_ascii_isalpha (u))
        {
          gsize len = 0;

          t->kind = 'w';
          for (; g_ascii_isalpha (*c); c++)
            if (len < sizeof t->word - 1)
              t->word[len++] = g_ascii_tolower (*c);
          c--;
        }
      else
        t->kind = (char) u;
    }
  *n_tokens = n;
  return TRUE;
}

/* A side of a period, or the whole date: numbers with one kind of mark between them
 * ("27/03/2022", "27.03", "2022-03-27"), or words and numbers ("27 mars 2022", "March 27").
 * What it leaves out stays 0. */
static gboolean
human_side (const HumanToken *t,
            int               n,
            DossierDayOrder   order,
            HumanDate        *out,
            char            **why)
{
  gboolean numeric = n % 2 == 1 && n <= 5;

  memset (out, 0, sizeof *out);
  if (n == 0)
    return FALSE;
  for (int i = 0; i < n && numeric; i++)
    numeric = i % 2 == 0 ? t[i].kind == 'n'
                         : (strchr ("/.-", t[i].kind) != NULL && t[i].kind == t[1].kind);

  if (numeric && n > 1)
    {
      const HumanToken *a = &t[0], *b = &t[2], *y = n == 5 ? &t[4] : NULL;

      if (a->digits == 4 && b->digits <= 2)
        {
          /* 2022-03-27, 2022/03 */
          out->year = a->value;
          out->month = b->value;
          if (y != NULL && y->digits > 2)
            return FALSE;
          out->day = y != NULL ? y->value : 0;
          return out->month != 0 && (y == NULL || out->day != 0);
        }
      if (n == 3 && a->digits <= 2 && b->digits == 4)
        {
          /* 03/2022 */
          out->month = a->value;
          out->year = b->value;
          return out->month != 0;
        }
      if (a->digits > 2 || b->digits > 2 || (y != NULL && y->digits != 4))
        {
          if (y != NULL && y->digits == 2)
            *why = g_strdup (_("write the year with four digits, as in 27/03/2022"));
          return FALSE;
        }
      out->day = order == DOSSIER_DAY_ORDER_MONTH_FIRST ? b->value : a->value;
      out->month = order == DOSSIER_DAY_ORDER_MONTH_FIRST ? a->value : b->value;
      /* 31/12 and 12/31 can only be read one way, whatever the habit. */
      if (out->month > 12 && out->day <= 12)
        {
          int day = out->month;

          out->month = out->day;
          out->day = day;
        }
      out->year = y != NULL ? y->value : 0;
      /* "00/2022", "0/3/2022": a zero would read as a date left out. */
      return out->month != 0 && out->day != 0;
    }

  for (int i = 0; i < n; i++)
    {
      int month;

      if (t[i].kind == 'n' && t[i].digits == 4 && out->year == 0)
        out->year = t[i].value;
      else if (t[i].kind == 'n' && t[i].digits <= 2 && t[i].value != 0 && out->day == 0)
        out->day = t[i].value;
      else if (t[i].kind == 'w' && (month = human_month (t[i].word)) != 0 && out->month == 0)
        out->month = month;
      else if (t[i].kind == '.' && i > 0 && t[i - 1].kind != '.')
        continue;   /* "janv.", "27. März" */
      else
        {
          if (t[i].kind == 'w' && human_month (t[i].word) == 0)
            /* Translators: %s is a word typed in a date, without its accents */
            *why = g_strdup_printf (_("“%s” is not a month"), t[i].word);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
human_point (const HumanDate  *d,
             gboolean          approximate,
             gboolean          uncertain,
             DossierEdtfPoint *p,
             char            **why)
{
  memset (p, 0, sizeof *p);
  p->kind = DOSSIER_EDTF_ENDPOINT_DATE;
  if (d->year == 0 || (d->day != 0 && d->month == 0))
    {
      *why = g_strdup (d->year == 0 ? _("the year is missing") : _("the month is missing"));
      return FALSE;
    }
  if (d->year < 1 || d->year > 9999)
    return FALSE;
  if (d->month > 12)
    {
      /* Translators: %d is a month's number as typed, such as 13 */
      *why = g_strdup_printf (_("there is no month %d"), d->month);
      return FALSE;
    }
  if (d->day != 0 && !g_date_valid_dmy (d->day, d->month, d->year))
    {
      /* Translators: the first %d is a day, the second a month's number, the third a year */
      *why = g_strdup_printf (_("there is no day %d in month %d of %d"), d->day, d->month, d->year);
      return FALSE;
    }
  if (d->month == 0)
    return FALSE;   /* month 0 as typed: "00/2022" */
  p->year = d->year;
  p->month = d->month;
  p->day = d->day;
  p->precision = d->day ? DOSSIER_EDTF_PRECISION_DAY : DOSSIER_EDTF_PRECISION_MONTH;
  p->approximate = approximate;
  p->uncertain = uncertain;
  return TRUE;
}

/* A year alone is a valid HumanDate without month; human_point() wants a month, so years
 * are handled here. */
static gboolean
human_to_point (const HumanDate  *d,
                gboolean          approximate,
                gboolean          uncertain,
                DossierEdtfPoint *p,
                char            **why)
{
  if (d->year >= 1 && d->year <= 9999 && d->month == 0 && d->day == 0)
    {
      memset (p, 0, sizeof *p);
      p->kind = DOSSIER_EDTF_ENDPOINT_DATE;
      p->year = d->year;
      p->precision = DOSSIER_EDTF_PRECISION_YEAR;
      p->approximate = approximate;
      p->uncertain = uncertain;
      return TRUE;
    }
  return human_point (d, approximate, uncertain, p, why);
}

/* The two sides of a period, each lending the other what it leaves out: "27 – 31 mars 2022",
 * "March 27 – 31, 2022", "27/03 – 31/03/2022". */
static gboolean
human_period (const HumanToken *t,
              int               split,
              int               resume,
              int               n,
              DossierDayOrder   order,
              HumanDate        *left,
              HumanDate        *right,
              char            **why)
{
  if (!human_side (t, split, order, left, why) || !human_side (t + resume, n - resume, order, right, why))
    return FALSE;
  if (left->year == 0)
    left->year = right->year;
  if (right->year == 0)
    right->year = left->year;
  if (left->day != 0 && left->month == 0)
    left->month = right->month;
  if (right->day != 0 && right->month == 0)
    right->month = left->month;
  return left->year != 0;
}

/**
 * dossier_edtf_from_human:
 * @text: a date as a person writes it, in French or English: `27/03/2022`, `27 mars 2022`,
 *   `March 2022`, `du 27 au 31 mars 2022`, `vers 2012`, `before 2020`; or EDTF
 * @order: how to read a day and a month written as numbers ("03/04/2022")
 * @error: return location for a %DOSSIER_EDTF_ERROR saying why @text is not a date
 *
 * Text that is valid EDTF is EDTF, taken as it is. Otherwise days, months and years are read
 * from numbers and month names (French or English, with or without accents, abbreviated or
 * not); a period from two dates joined by a dash, "au", "to", "et" or "and"; "vers"/"circa"
 * make it approximate, "?" uncertain, "avant"/"before" a period open at its start and
 * "après"/"after" one open at its end.
 *
 * Returns: (transfer full) (nullable): the date in canonical EDTF, or %NULL with @error set
 */
char *
dossier_edtf_from_human (const char       *text,
                         DossierDayOrder   order,
                         GError          **error)
{
  g_autofree char *stripped = NULL;
  g_autoptr(GError) edtf_error = NULL;
  g_autofree char *why = NULL;
  HumanToken all[HUMAN_MAX_TOKENS], t[HUMAN_MAX_TOKENS];
  int n_all = 0, n = 0, split = -1, resume = -1;
  gboolean approximate = FALSE, uncertain = FALSE, before = FALSE, after = FALSE, ok = FALSE;
  gboolean edtf_like;
  DossierEdtf edtf = { 0 };
  HumanDate left, right;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    return fail (error, "%s", _("The date contains characters that are not text")), NULL;
  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    return fail (error, "%s", _("The date is empty")), NULL;
  if (dossier_edtf_parse (stripped, NULL, &edtf_error))
    return g_steal_pointer (&stripped);
  /* "2022-13-01" or "2022-03-27/2022-03-01" were meant as EDTF: its error says more. */
  edtf_like = strspn (stripped, "0123456789") == 4 && strspn (stripped, "0123456789-/.?~%") == strlen (stripped);

  if (human_tokenize (stripped, all, &n_all))
    {
      ok = TRUE;
      for (int i = 0; i < n_all; i++)
        {
          const HumanToken *a = &all[i];

          if (a->kind == 'w' && WORD_IN (a->word, human_fillers))
            continue;
          if (a->kind == '.' && i > 0 && all[i - 1].kind == 'w')
            continue;   /* "janv.", "env." */
          if ((a->kind == 'w' && WORD_IN (a->word, human_approximate)) || a->kind == '~' || a->kind == '%')
            approximate = TRUE;
          if (a->kind == '?' || a->kind == '%')
            uncertain = TRUE;
          if (a->kind == 'w' && WORD_IN (a->word, human_before))
            before = TRUE;
          else if (a->kind == 'w' && WORD_IN (a->word, human_after))
            after = TRUE;
          else if (a->kind == 'w' && WORD_IN (a->word, human_range))
            {
              /* "jusqu'au": one separator; a second one elsewhere is not a date. */
              if (split >= 0 && resume != n)
                ok = FALSE;
              if (split < 0)
                split = n;
              resume = n;
            }
          else if (!(a->kind == 'w' && WORD_IN (a->word, human_approximate)) && a->kind != '~' &&
                   a->kind != '%' && a->kind != '?')
            t[n++] = *a;
        }
      ok = ok && n > 0 && !(before && after) && !((before || after) && split >= 0);
    }

  if (ok && split >= 0)
    ok = human_period (t, split, resume, n, order, &left, &right, &why);
  else if (ok)
    {
      ok = human_side (t, n, order, &left, &why) && left.year != 0;
      if (why == NULL && !ok && left.year == 0 && (left.month != 0 || left.day != 0))
        why = g_strdup (_("the year is missing"));
      /* "27/03/2022-31/03/2022", "2021 - 2022": a dash that leaves a date on each side. */
      for (int i = 1; !ok && i < n - 1; i++)
        if (t[i].kind == '-' || t[i].kind == '/')
          {
            g_clear_pointer (&why, g_free);
            if (human_period (t, i, i + 1, n, order, &left, &right, &why))
              {
                split = i;
                ok = !(before || after);
              }
          }
      if (!ok)
        split = -1;
    }

  if (ok)
    {
      if (split >= 0)
        {
          edtf.is_interval = TRUE;
          ok = human_to_point (&left, approximate, uncertain, &edtf.start, &why) &&
               human_to_point (&right, approximate, uncertain, &edtf.end, &why);
        }
      else
        {
          ok = human_to_point (&left, approximate, uncertain, &edtf.start, &why);
          if (ok && (before || after))
            {
              edtf.is_interval = TRUE;
              edtf.end = edtf.start;
              (before ? &edtf.start : &edtf.end)->kind = DOSSIER_EDTF_ENDPOINT_OPEN;
              if (after)
                edtf.end = (DossierEdtfPoint) { .kind = DOSSIER_EDTF_ENDPOINT_OPEN };
            }
        }
    }

  if (ok)
    {
      g_autofree char *result = dossier_edtf_to_string (&edtf);

      /* The start after the end, in the words of the parser. */
      if (!dossier_edtf_parse (result, NULL, error))
        return NULL;
      return g_steal_pointer (&result);
    }

  if (edtf_like)
    {
      g_propagate_error (error, g_steal_pointer (&edtf_error));
      return NULL;
    }
  if (why != NULL)
    /* Translators: the first %s is the text typed as a date, the second why it is not one,
     * such as "there is no month 13" */
    return fail (error, _("“%s”: %s. Write a date like 27/03/2022, 27 March 2022, March 2022 "
                          "or a period like 27/03/2022 – 31/03/2022"), stripped, why), NULL;
  /* Translators: %s is the text typed as a date; keep the examples as dates written in your language */
  return fail (error, _("“%s” is not a date. Write a date like 27/03/2022, 27 March 2022, March 2022 "
                        "or a period like 27/03/2022 – 31/03/2022"), stripped), NULL;
}
