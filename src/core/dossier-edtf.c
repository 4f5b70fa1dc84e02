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
#include "dossier-edtf-private.h"

G_DEFINE_QUARK (dossier-edtf-error-quark, dossier_edtf_error)

#define QUALIFIERS "?~%"
#define IS_QUALIFIER(c) ((c) != '\0' && strchr (QUALIFIERS, (c)) != NULL)

/* Always returns FALSE, so that a parser can "return _dossier_edtf_fail (…)". */
gboolean
_dossier_edtf_fail (GError     **error,
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
int
_dossier_edtf_read_digits (const char **c,
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
  return _dossier_edtf_fail (error, _("“%s”: unspecified digits (X) are not supported; give a period instead, as in 2020/2029"),
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

  n = sign ? 0 : _dossier_edtf_read_digits (c, &p->year);
  if (!fail_if_unspecified (part, 4, side, error))
    return FALSE;
  if (sign || n > 4 || (n == 4 && p->year == 0))
    /* Translators: %s is a year as typed, such as -0100, Y12345 or 20222 */
    return _dossier_edtf_fail (error, _("“%s”: only years from 0001 to 9999 are supported"), part);
  if (n == 0)
    /* Translators: %s is the text typed as a date */
    return _dossier_edtf_fail (error, _("“%s” is not a date: a date starts with a four-digit year, as in 2022"), side);
  if (n < 4)
    /* Translators: %s is a year as typed, such as 22 */
    return _dossier_edtf_fail (error, _("“%s” is not a valid year: years have four digits, as in 0987 or 2022"), part);
  p->precision = DOSSIER_EDTF_PRECISION_YEAR;

  if (**c != '-')
    return TRUE;
  g_free (part);
  part = component (++(*c), FALSE);
  n = _dossier_edtf_read_digits (c, &p->month);
  if (*part == '\0')
    /* Translators: %s is the text typed as a date, such as 2022- */
    return _dossier_edtf_fail (error, _("“%s”: the month is missing after “-”"), side);
  if (!fail_if_unspecified (part, 2, side, error))
    return FALSE;
  if (n == 4)
    /* People write "2021-2022" for a period. */
    /* Translators: %s is a month as typed, such as 2022 in 2021-2022 */
    return _dossier_edtf_fail (error, _("“%s” is not a valid month: for a period, put “/” between its start and its end, as in 2021/2022"),
                               part);
  if (n != 2)
    /* Translators: %s is a month as typed, such as 3 */
    return _dossier_edtf_fail (error, _("“%s” is not a valid month: months have two digits, as in 2022-03"), part);
  if (p->month >= 21 && p->month <= 24)
    /* Translators: %s is a month as typed, such as 21 */
    return _dossier_edtf_fail (error, _("“%s”: seasons (21 to 24) are not supported; give months instead, as in 2022-03/2022-05"),
                               part);
  if (p->month < 1 || p->month > 12)
    /* Translators: %s is a month as typed, such as 13 */
    return _dossier_edtf_fail (error, _("“%s” is not a valid month: months run from 01 to 12"), part);
  p->precision = DOSSIER_EDTF_PRECISION_MONTH;

  if (**c != '-')
    return TRUE;
  g_free (part);
  part = component (++(*c), FALSE);
  n = _dossier_edtf_read_digits (c, &p->day);
  if (*part == '\0')
    /* Translators: %s is the text typed as a date, such as 2022-03- */
    return _dossier_edtf_fail (error, _("“%s”: the day is missing after the last “-”"), side);
  if (!fail_if_unspecified (part, 2, side, error))
    return FALSE;
  if (n != 2)
    /* Translators: %s is a day as typed, such as 7 */
    return _dossier_edtf_fail (error, _("“%s” is not a valid day: days have two digits, as in 2022-03-07"), part);
  if (p->day == 0)
    /* Translators: %s is a day as typed: 00 */
    return _dossier_edtf_fail (error, _("“%s” is not a valid day: days start at 01"), part);
  days = g_date_get_days_in_month (p->month, p->year);
  if (p->day > days)
    {
      g_autofree char *date = g_strndup (side, *c - side);

      if (p->month == 2 && p->day == 29)
        /* Translators: %s is a date such as 2021-02-29, %d its year */
        return _dossier_edtf_fail (error, _("“%s” is not a valid date: %d is not a leap year"), date, p->year);
      /* Translators: %s is a date such as 2022-04-31, %d the number of days in its month */
      return _dossier_edtf_fail (error, g_dngettext (GETTEXT_PACKAGE, "“%s” is not a valid date: that month has only %d day",
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
        return _dossier_edtf_fail (error, _("“%s”: an open end is written “..” alone, without date or qualifier"), side);
      if (!in_interval)
        return _dossier_edtf_fail (error, "%s", _("“..” (open) can only stand for one end of a period, as in 2022/.."));
      p->kind = DOSSIER_EDTF_ENDPOINT_OPEN;
      return TRUE;
    }
  if (IS_QUALIFIER (*c))
    /* Translators: %s is a date as typed, such as ~2022 */
    return _dossier_edtf_fail (error, _("“%s”: the qualifier goes after the date, as in 2022~"), side);

  if (!parse_ymd (side, &c, p, error))
    return FALSE;

  if (IS_QUALIFIER (*c))
    {
      p->uncertain = *c == '?' || *c == '%';
      p->approximate = *c == '~' || *c == '%';
      c++;
      if (IS_QUALIFIER (*c))
        /* Translators: %s is a date as typed, such as 2022?~ */
        return _dossier_edtf_fail (error, _("“%s” has more than one qualifier: use ? (uncertain), ~ (approximate) or %% (both)"),
                                   side);
      if (*c == '-')
        /* Translators: %s is a date as typed, such as 2022?-03 */
        return _dossier_edtf_fail (error, _("“%s”: the qualifier goes at the end of the date, as in 2022-03~"), side);
    }
  if (*c == 'T' || *c == ':')
    /* Translators: %s is a date as typed, such as 2022-03-27T10:00 */
    return _dossier_edtf_fail (error, _("“%s”: times of day are not supported; give the date only"), side);
  if (*c != '\0')
    {
      g_autofree char *date = g_strndup (side, c - side);

      /* Translators: the first %s is unexpected text, the second the date it follows */
      return _dossier_edtf_fail (error, _("“%s” cannot follow “%s”"), c, date);
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
gboolean
_dossier_edtf_is_sane (const DossierEdtf *edtf)
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
    return _dossier_edtf_fail (error, _("“%s” has more than one “/”: a period has only a start and an end"), text);
  edtf->is_interval = TRUE;
  if (!parse_point (left, TRUE, &edtf->start, error) || !parse_point (right, TRUE, &edtf->end, error))
    return FALSE;
  if (edtf->start.kind != DOSSIER_EDTF_ENDPOINT_DATE && edtf->end.kind != DOSSIER_EDTF_ENDPOINT_DATE)
    /* Translators: %s is the text typed as a date, such as ../.. */
    return _dossier_edtf_fail (error, _("“%s”: at least one end of a period must be a date"), text);
  /* Earliest days, so that "2022/2022-06" (from some time in 2022 to June) stays valid. */
  if (edtf->start.kind == DOSSIER_EDTF_ENDPOINT_DATE && edtf->end.kind == DOSSIER_EDTF_ENDPOINT_DATE &&
      point_day (&edtf->start, FALSE) > point_day (&edtf->end, FALSE))
    /* Translators: the first %s is the start of a period as typed, the second its end */
    return _dossier_edtf_fail (error, _("The period cannot start (%s) after it ends (%s)"), left, right);
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
    return _dossier_edtf_fail (error, "%s", _("The date is empty"));
  /* The messages quote @text, and a GError message must be UTF-8. */
  if (!g_utf8_validate (text, -1, NULL))
    return _dossier_edtf_fail (error, "%s", _("The date contains characters that are not text"));
  if (strpbrk (text, " \t\n\r\v\f") != NULL || strstr (text, "\u00a0") != NULL)
    /* Translators: %s is the text typed as a date */
    return _dossier_edtf_fail (error, _("“%s” contains a space: write dates without spaces, as in 2022-03-27/2022-03-31"), text);
  if (strstr (text, "–") != NULL || strstr (text, "—") != NULL)
    /* Translators: %s is the text typed as a date, such as 2022–2023 */
    return _dossier_edtf_fail (error, _("“%s”: put “/” between the start and the end of a period, not a dash"), text);

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
  g_return_val_if_fail (_dossier_edtf_is_sane (edtf), NULL);

  s = g_string_new (NULL);
  append_point (s, &edtf->start);
  if (edtf->is_interval)
    {
      g_string_append_c (s, '/');
      append_point (s, &edtf->end);
    }
  return g_string_free (s, FALSE);
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
  g_return_val_if_fail (_dossier_edtf_is_sane (edtf), FALSE);

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
  g_return_val_if_fail (_dossier_edtf_is_sane (edtf), FALSE);

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
