/* dossier-format.c: values written as a person writes them, in French or English
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A double prints 14.12 as 14.120000000000001 and a stored time reads
 * 2026-12-03T12:25:40.883729Z: right for the file, wrong for a reader. These write them
 * out for the language asked for, not the process's locale, since the interface and an
 * annex can be in different languages (as dossier_edtf_format() does for dates).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "dossier-edtf.h"
#include "dossier-format.h"

/**
 * dossier_format_iso8601:
 * @time: a time
 *
 * The form every stored time has, in UTC to the microsecond: "2026-12-03T12:25:40.883729Z".
 * Texts of this form sort as the times they name.
 *
 * Returns: (transfer full): @time as ISO 8601
 */
char *
dossier_format_iso8601 (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  utc = g_date_time_to_utc (time);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.%fZ");
}

/**
 * dossier_format_day:
 * @time: a time
 *
 * Returns: (transfer full): @time's day in its own time zone as ISO 8601 ("2026-12-03"),
 *   which is also its EDTF
 */
char *
dossier_format_day (GDateTime *time)
{
  g_return_val_if_fail (time != NULL, NULL);

  return g_date_time_format (time, "%Y-%m-%d");
}

static gboolean
is_french (const char *lang)
{
  return lang != NULL && g_ascii_strncasecmp (lang, "fr", 2) == 0 &&
         (lang[2] == '\0' || lang[2] == '_' || lang[2] == '-');
}

/**
 * dossier_format_decimal:
 * @value: a number
 * @max_decimals: at most this many digits after the separator (0 to 12)
 * @lang: `fr` for a decimal comma, anything else for a point
 *
 * Writes @value rounded to @max_decimals, without the zeros a person would not write
 * (14.12, not 14.120000000000001 nor 14.120000). The minus sign stays ASCII, so that
 * the text reads back as typed.
 *
 * Returns: (transfer full): the number, or an empty string if it is not finite
 */
char *
dossier_format_decimal (double      value,
                        int         max_decimals,
                        const char *lang)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE + 16];
  char format[8];
  char *end;

  if (!isfinite (value))
    return g_strdup ("");
  max_decimals = CLAMP (max_decimals, 0, 12);
  g_snprintf (format, sizeof format, "%%.%df", max_decimals);
  g_ascii_formatd (buffer, sizeof buffer, format, value);
  if (strchr (buffer, '.') != NULL)
    {
      end = buffer + strlen (buffer) - 1;
      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  /* Rounding can leave "-0". */
  if (g_str_equal (buffer, "-0"))
    return g_strdup ("0");
  if (is_french (lang))
    g_strdelimit (buffer, ".", ',');
  return g_strdup (buffer);
}

/**
 * dossier_format_timestamp:
 * @iso8601: (nullable): a stored time: `2026-12-03T12:25:40.883729Z` (a custody event, in
 *   UTC) or `2022-03-28T10:15:00` (a camera's clock, in no stated zone)
 * @lang: `fr` or `en`
 * @seconds: whether to write the seconds
 *
 * Writes "3 December 2026, 12:25:40 UTC" or "3 décembre 2026 à 12:25:40 UTC"; a time
 * without a zone is written without one, as the camera gave it. A text that is not such a
 * time is returned as it is, so that nothing stored is hidden.
 *
 * Returns: (transfer full): the time in words, or an empty string for %NULL
 */
char *
dossier_format_timestamp (const char *iso8601,
                          const char *lang,
                          gboolean    seconds)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *day = NULL;
  g_autofree char *date = NULL;
  g_autofree char *clock = NULL;
  gboolean zoned;
  gsize len;

  if (iso8601 == NULL)
    return g_strdup ("");
  len = strlen (iso8601);
  /* A zone is a final Z or an offset after the time ("+01:00", "-0500"). */
  zoned = len > 0 && (iso8601[len - 1] == 'Z' || iso8601[len - 1] == 'z' ||
                      (len > 19 && (strchr (iso8601 + 19, '+') != NULL || strchr (iso8601 + 19, '-') != NULL)));
  time = g_date_time_new_from_iso8601 (iso8601, utc);
  if (time == NULL)
    return g_strdup (iso8601);
  if (zoned)
    {
      GDateTime *in_utc = g_date_time_to_utc (time);

      g_date_time_unref (time);
      time = in_utc;
    }
  day = dossier_format_day (time);
  date = dossier_edtf_format_string (day, lang);
  clock = g_date_time_format (time, seconds ? "%H:%M:%S" : "%H:%M");
  /* No break between the time and its zone, as between the day and its month. */
  if (is_french (lang))
    return g_strdup_printf ("%s à %s%s", date, clock, zoned ? "\u00a0UTC" : "");
  return g_strdup_printf ("%s, %s%s", date, clock, zoned ? "\u00a0UTC" : "");
}

/**
 * dossier_format_duration:
 * @seconds: a length of time
 *
 * Returns: (transfer full): "0:42", "3:07" or "1:02:05", as players show a recording's
 *   length; an empty string if @seconds is not a length
 */
char *
dossier_format_duration (double seconds)
{
  gint64 total;

  if (!isfinite (seconds) || seconds < 0)
    return g_strdup ("");
  total = (gint64) llround (seconds);
  if (total >= 3600)
    return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d:%02d", total / 3600, (int) (total / 60 % 60), (int) (total % 60));
  return g_strdup_printf ("%d:%02d", (int) (total / 60), (int) (total % 60));
}

/**
 * dossier_format_size:
 * @bytes: a file's size
 * @exact: whether the exact number of bytes follows in brackets
 *
 * Returns: the size as g_format_size() writes it, with French's SI "ko" for kilobytes
 *   (GLib's French writes "Ko"; the annex writes "ko", and a reader compares them)
 */
char *
dossier_format_size (guint64  bytes,
                     gboolean exact)
{
  g_autofree char *glib = g_format_size_full (bytes, exact ? G_FORMAT_SIZE_LONG_FORMAT : G_FORMAT_SIZE_DEFAULT);
  g_autoptr(GString) size = g_string_new (glib);

  g_string_replace (size, "Ko", "ko", 0);
  return g_string_free (g_steal_pointer (&size), FALSE);
}
