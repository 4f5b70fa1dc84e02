/* dossier-annex-words.c: the PDF annex's values written out in its language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Labels of the vocabularies, numbers, positions, sizes and times as the annex's readers
 * write them, in the annex's language whatever the interface's.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "dossier-annex-private.h"
#include "dossier-edtf.h"
#include "dossier-vocab.h"

const char *
_dossier_annex_tr (Annex      *a,
                   const char *msgid)
{
  return dossier_catalog_get (a->catalog, msgid);
}

const char *
_dossier_annex_label (Annex      *a,
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
char *
_dossier_annex_labels (Annex              *a,
                       const char         *scheme,
                       const char * const *codes)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, _dossier_annex_label (a, scheme, codes[i]));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A text in the annex's language, else in the other one, marked with that language. */
char *
_dossier_annex_in_language (Annex      *a,
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
char *
_dossier_annex_degrees (Annex    *a,
                        double    value,
                        gboolean  latitude)
{
  g_autofree char *number = decimal (a, fabs (value), 4);
  gsize len = strlen (number);

  while (len > 0 && number[len - 1] == '0' && strchr (number, french (a) ? ',' : '.') < number + len - 3)
    number[--len] = '\0';
  if (latitude)
    /* Translators: a latitude in an annex, north or south of the equator */
    return keep_together (g_strdup_printf (value >= 0 ? _dossier_annex_tr (a, N_("%s° N")) : _dossier_annex_tr (a, N_("%s° S")), number));
  /* Translators: a longitude in an annex, east or west of Greenwich (French: O for ouest) */
  return keep_together (g_strdup_printf (value >= 0 ? _dossier_annex_tr (a, N_("%s° E")) : _dossier_annex_tr (a, N_("%s° W")), number));
}

/* A file's size: "68.7 kB (68,744 bytes)", in decimal units as GLib gives them. */
char *
_dossier_annex_file_size (Annex  *a,
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
    g_autofree char *size = keep_together (g_strdup_printf (unit == 0 ? _dossier_annex_tr (a, N_("%s kB")) : unit == 1 ? _dossier_annex_tr (a, N_("%s MB"))
                                                            : unit == 2 ? _dossier_annex_tr (a, N_("%s GB")) : _dossier_annex_tr (a, N_("%s TB")), rounded));

    return g_strdup_printf ("%s (%s)", size, exact);
  }
}

/* What kind of file a media type names, for readers who do not know "application/pdf". */
const char *
_dossier_annex_media_kind (Annex      *a,
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
      return _dossier_annex_tr (a, kinds[i].kind);
  return type;
}

/* A time the program recorded, in UTC ("2022-03-28T10:15:00Z"), to the minute: "28 March
 * 2022, 10:15 UTC", "28 mars 2022 à 10 h 15 UTC". */
char *
_dossier_annex_utc_time (Annex      *a,
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
  clock = g_strdup_printf (_dossier_annex_tr (a, N_("%02d:%02d")), g_date_time_get_hour (time), g_date_time_get_minute (time));
  /* Translators: a date and a time of day in UTC, e.g. “28 March 2022, 10:15 UTC” */
  return g_strdup_printf (_dossier_annex_tr (a, N_("%s, %s UTC")), date, clock);
}

/* A date written out keeps its parts together with no-break spaces; in a narrow column it
 * may break between them. */
char *
_dossier_annex_breakable (char *text)
{
  g_auto(GStrv) parts = NULL;

  if (text == NULL || strstr (text, "\u00a0") == NULL)
    return text;
  parts = g_strsplit (text, "\u00a0", -1);
  g_free (text);
  return g_strjoinv (" ", parts);
}
