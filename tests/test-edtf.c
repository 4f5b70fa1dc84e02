/* test-edtf.c: parsing, validating, bounding and writing out EDTF dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every row of the tables below is a test of its own, named after the date it checks, so that
 * a failure names the date and `-p /edtf/invalid` runs a family.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier-edtf.h"

#define NB "\u00a0"

typedef struct {
  const char *text;
  const char *canonical;
  const char *earliest;   /* YYYY-MM-DD, or NULL when that side is open or unknown */
  const char *latest;
} Valid;

static const Valid valid[] = {
  { "2022", "2022", "2022-01-01", "2022-12-31" },
  { "2022-03", "2022-03", "2022-03-01", "2022-03-31" },
  { "2022-04", "2022-04", "2022-04-01", "2022-04-30" },
  { "2022-03-27", "2022-03-27", "2022-03-27", "2022-03-27" },
  /* Leap years: every fourth, not every hundredth, but every four-hundredth. */
  { "2020-02", "2020-02", "2020-02-01", "2020-02-29" },
  { "2021-02", "2021-02", "2021-02-01", "2021-02-28" },
  { "2000-02", "2000-02", "2000-02-01", "2000-02-29" },
  { "1900-02", "1900-02", "1900-02-01", "1900-02-28" },
  { "2020-02-29", "2020-02-29", "2020-02-29", "2020-02-29" },
  { "2000-02-29", "2000-02-29", "2000-02-29", "2000-02-29" },
  { "0001", "0001", "0001-01-01", "0001-12-31" },
  { "0987-06-15", "0987-06-15", "0987-06-15", "0987-06-15" },
  { "9999-12-31", "9999-12-31", "9999-12-31", "9999-12-31" },
  /* Qualifiers are flags: the bounds stay at the stated precision. */
  { "2021?", "2021?", "2021-01-01", "2021-12-31" },
  { "2021-10~", "2021-10~", "2021-10-01", "2021-10-31" },
  { "2021-10-05%", "2021-10-05%", "2021-10-05", "2021-10-05" },
  { "2022-03-27/2022-03-31", "2022-03-27/2022-03-31", "2022-03-27", "2022-03-31" },
  { "2022-03-27/2022-04-02", "2022-03-27/2022-04-02", "2022-03-27", "2022-04-02" },
  { "2021-12-30/2022-01-02", "2021-12-30/2022-01-02", "2021-12-30", "2022-01-02" },
  { "2012/2023", "2012/2023", "2012-01-01", "2023-12-31" },
  { "2022-03/2022-05", "2022-03/2022-05", "2022-03-01", "2022-05-31" },
  { "2022-03-27/2022-03-27", "2022-03-27/2022-03-27", "2022-03-27", "2022-03-27" },
  /* Ends are compared by their earliest days: "some time in 2022" may start before June. */
  { "2022/2022-06-15", "2022/2022-06-15", "2022-01-01", "2022-06-15" },
  { "2022-06-01/2022-06", "2022-06-01/2022-06", "2022-06-01", "2022-06-30" },
  { "2021~/2022?", "2021~/2022?", "2021-01-01", "2022-12-31" },
  { "2021%/..", "2021%/..", "2021-01-01", NULL },
  { "2022-03-27/..", "2022-03-27/..", "2022-03-27", NULL },
  { "../2022-03-31", "../2022-03-31", NULL, "2022-03-31" },
  { "../2020", "../2020", NULL, "2020-12-31" },
  { "2019/", "2019/", "2019-01-01", NULL },
  { "/2019-05", "/2019-05", NULL, "2019-05-31" },
  { "/2021-10-05?", "/2021-10-05?", NULL, "2021-10-05" },
};

typedef struct {
  const char *text;
  const char *reason;     /* a part of the message that says why, in the untranslated English */
} Invalid;

static const Invalid invalid[] = {
  { "", "empty" },
  { " ", "space" },
  { "2022 ", "space" },
  { " 2022", "space" },
  { "2022-03-27 / 2022-03-31", "space" },
  { "2022-03\t", "space" },
  { "2022" NB, "space" },
  { "2022\xff", "not text" },
  { "2022–2023", "not a dash" },
  { "abcd", "four-digit year" },
  { "22", "“22” is not a valid year" },
  { "202", "four digits" },
  { "20222", "“20222”: only years from 0001 to 9999" },
  { "-0100", "“-0100”: only years from 0001 to 9999" },
  { "Y12345", "“Y12345”: only years from 0001 to 9999" },
  { "0000", "“0000”: only years from 0001 to 9999" },
  { "20XX", "unspecified digits (X) are not supported" },
  { "2022-XX", "unspecified digits (X) are not supported" },
  { "2022-03-1X", "unspecified digits (X) are not supported" },
  { "2022-", "month is missing" },
  { "2022--03", "month is missing" },
  { "2022-3", "“3” is not a valid month: months have two digits" },
  { "2022-3-01", "“3” is not a valid month" },
  { "2022-003", "“003” is not a valid month" },
  { "2021-2022", "put “/” between its start and its end" },
  { "2022-13", "“13” is not a valid month: months run from 01 to 12" },
  { "2022-00", "“00” is not a valid month" },
  { "2022-21", "seasons (21 to 24) are not supported" },
  { "2022-03-", "day is missing" },
  { "2022-03-2", "“2” is not a valid day: days have two digits" },
  { "2022-03-277", "“277” is not a valid day" },
  { "2022-03-00", "“00” is not a valid day: days start at 01" },
  { "2022-03-32", "that month has only 31 days" },
  { "2022-04-31", "“2022-04-31” is not a valid date: that month has only 30 days" },
  { "2022-02-30", "that month has only 28 days" },
  { "2020-02-30", "that month has only 29 days" },
  { "2021-02-29", "“2021-02-29” is not a valid date: 2021 is not a leap year" },
  { "1900-02-29", "1900 is not a leap year" },
  { "2022-03-27-01", "“-01” cannot follow “2022-03-27”" },
  { "2022x", "“x” cannot follow “2022”" },
  { "2022-03-27T10:00", "times of day are not supported" },
  { "~2022", "the qualifier goes after the date" },
  { "2022~~", "more than one qualifier" },
  { "2022?~", "more than one qualifier" },
  { "2022?-03", "the qualifier goes at the end" },
  { "..", "can only stand for one end of a period" },
  { "2022/..~", "“..~”: an open end is written “..” alone" },
  { "../..", "at least one end of a period must be a date" },
  { "/", "at least one end of a period must be a date" },
  { "../", "at least one end of a period must be a date" },
  { "/..", "at least one end of a period must be a date" },
  { "2022//2023", "more than one “/”" },
  { "2022/2023/2024", "more than one “/”" },
  { "2022/13", "“13” is not a valid year" },
  { "2022/2022-13", "“13” is not a valid month" },
  { "2021-02-29/2021-03", "2021 is not a leap year" },
  { "2022-03-31/2022-03-27", "The period cannot start (2022-03-31) after it ends (2022-03-27)" },
  { "2023/2022", "cannot start (2023) after it ends (2022)" },
  { "2022-06-15/2022-03", "cannot start" },
  { "2022-06/2022", "cannot start (2022-06) after it ends (2022)" },
  { "2022-06-02/2022-06", "cannot start" },
  { "2022-03~/2022-02?", "cannot start (2022-03~) after it ends (2022-02?)" },
};

typedef struct {
  const char *text;
  const char *en;
  const char *fr;
} Format;

static const Format formats[] = {
  { "2022", "2022", "2022" },
  { "0987", "987", "987" },
  { "2022-03", "March" NB "2022", "mars" NB "2022" },
  { "2022-03-27", "27" NB "March" NB "2022", "27" NB "mars" NB "2022" },
  { "2022-03-01", "1" NB "March" NB "2022", "1er" NB "mars" NB "2022" },
  { "2020-02", "February" NB "2020", "février" NB "2020" },
  { "2021-08-15", "15" NB "August" NB "2021", "15" NB "août" NB "2021" },
  { "2021-10~", "circa October" NB "2021", "vers octobre" NB "2021" },
  { "2021-10-05~", "circa 5" NB "October" NB "2021", "vers le 5" NB "octobre" NB "2021" },
  { "2022-03?", "March" NB "2022 (uncertain)", "mars" NB "2022 (incertain)" },
  { "2022-03%", "circa March" NB "2022 (uncertain)", "vers mars" NB "2022 (incertain)" },
  { "2022-03-27/2022-03-31", "27–31" NB "March" NB "2022", "du 27 au 31" NB "mars" NB "2022" },
  { "2022-03-01/2022-03-03", "1–3" NB "March" NB "2022", "du 1er au 3" NB "mars" NB "2022" },
  { "2022-03-27/2022-04-02", "27" NB "March" NB "– 2" NB "April" NB "2022",
    "du 27" NB "mars au 2" NB "avril" NB "2022" },
  { "2021-12-30/2022-01-02", "30" NB "December" NB "2021" NB "– 2" NB "January" NB "2022",
    "du 30" NB "décembre" NB "2021 au 2" NB "janvier" NB "2022" },
  { "2022-03/2022-05", "March" NB "– May" NB "2022", "de mars à mai" NB "2022" },
  { "2022-04/2022-06", "April" NB "– June" NB "2022", "d’avril à juin" NB "2022" },
  { "2021-10/2022-02", "October" NB "2021" NB "– February" NB "2022", "d’octobre" NB "2021 à février" NB "2022" },
  { "2012/2023", "2012–2023", "de 2012 à 2023" },
  { "2022/2022-06-15", "2022" NB "– 15" NB "June" NB "2022", "de 2022 au 15" NB "juin" NB "2022" },
  { "2021~/2022?", "circa 2021" NB "– 2022 (uncertain)", "de 2021 environ à 2022 (incertain)" },
  { "2022-03-27/2022-03-27", "27" NB "March" NB "2022", "27" NB "mars" NB "2022" },
  { "2022-03-27/..", "from 27" NB "March" NB "2022", "depuis le 27" NB "mars" NB "2022" },
  { "2022-03/..", "from March" NB "2022", "depuis mars" NB "2022" },
  { "2021~/..", "from circa 2021", "depuis 2021 environ" },
  { "../2022-03-31", "until 31" NB "March" NB "2022", "jusqu’au 31" NB "mars" NB "2022" },
  { "../2022-03-01", "until 1" NB "March" NB "2022", "jusqu’au 1er" NB "mars" NB "2022" },
  { "../2020", "until 2020", "jusqu’en 2020" },
  { "../2022-03?", "until March" NB "2022 (uncertain)", "jusqu’en mars" NB "2022 (incertain)" },
  { "2019/", "2019" NB "– unknown end", "2019" NB "– fin inconnue" },
  { "/2019-05", "unknown start" NB "– May" NB "2019", "début inconnu" NB "– mai" NB "2019" },
  { "/2019-05~", "unknown start" NB "– circa May" NB "2019", "début inconnu" NB "– vers mai" NB "2019" },
};

static guint32
julian (const char *ymd)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, atoi (ymd + 8), atoi (ymd + 5), atoi (ymd));
  g_assert_true (g_date_valid (&d));
  return g_date_get_julian (&d);
}

static void
test_valid (gconstpointer data)
{
  const Valid *v = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *canonical = NULL;
  DossierEdtf edtf, again;
  guint32 earliest = 1, latest = 1, day = 1;

  g_assert_true (dossier_edtf_parse (v->text, &edtf, &error));
  g_assert_no_error (error);
  g_assert_true (dossier_edtf_validate (v->text, &error));
  g_assert_no_error (error);
  g_assert_cmpint (edtf.is_interval, ==, strchr (v->text, '/') != NULL);

  /* The canonical text reads back to the same date. */
  canonical = dossier_edtf_to_string (&edtf);
  g_assert_cmpstr (canonical, ==, v->canonical);
  g_assert_true (dossier_edtf_parse (canonical, &again, NULL));
  g_assert_cmpmem (&again, sizeof again, &edtf, sizeof edtf);

  g_assert_true (dossier_edtf_bounds (v->text, &earliest, &latest, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (earliest, ==, v->earliest ? julian (v->earliest) : 0);
  g_assert_cmpuint (latest, ==, v->latest ? julian (v->latest) : 0);

  g_assert_cmpint (dossier_edtf_earliest_day (&edtf, &day), ==, v->earliest != NULL);
  g_assert_cmpuint (day, ==, earliest);
  g_assert_cmpint (dossier_edtf_latest_day (&edtf, &day), ==, v->latest != NULL);
  g_assert_cmpuint (day, ==, latest);
  if (v->earliest && v->latest)
    g_assert_cmpuint (earliest, <=, latest);
}

static void
test_invalid (gconstpointer data)
{
  const Invalid *v = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  DossierEdtf edtf = { .is_interval = 42 };
  guint32 earliest = 1, latest = 1;

  g_assert_false (dossier_edtf_parse (v->text, &edtf, &error));
  g_assert_error (error, DOSSIER_EDTF_ERROR, DOSSIER_EDTF_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (strstr (error->message, v->reason) == NULL)
    g_error ("“%s” does not say “%s”", error->message, v->reason);
  g_assert_cmpint (edtf.is_interval, ==, 42);   /* untouched on failure */
  g_clear_error (&error);

  g_assert_false (dossier_edtf_validate (v->text, NULL));
  g_assert_false (dossier_edtf_bounds (v->text, &earliest, &latest, &error));
  g_assert_error (error, DOSSIER_EDTF_ERROR, DOSSIER_EDTF_ERROR_INVALID);
  g_assert_cmpuint (earliest, ==, 0);
  g_assert_cmpuint (latest, ==, 0);

  /* Shown as typed rather than hidden. */
  shown = dossier_edtf_format_string (v->text, "fr");
  g_assert_cmpstr (shown, ==, v->text);
}

static void
test_format (gconstpointer data)
{
  const Format *v = data;
  g_autofree char *en = dossier_edtf_format_string (v->text, "en");
  g_autofree char *fr = dossier_edtf_format_string (v->text, "fr");

  g_assert_true (dossier_edtf_validate (v->text, NULL));
  g_assert_cmpstr (en, ==, v->en);
  g_assert_cmpstr (fr, ==, v->fr);
}

static void
test_flags (void)
{
  DossierEdtf edtf;

  g_assert_true (dossier_edtf_parse ("2021-10~", &edtf, NULL));
  g_assert_false (edtf.is_interval);
  g_assert_cmpint (edtf.start.kind, ==, DOSSIER_EDTF_ENDPOINT_DATE);
  g_assert_cmpint (edtf.start.precision, ==, DOSSIER_EDTF_PRECISION_MONTH);
  g_assert_cmpint (edtf.start.year, ==, 2021);
  g_assert_cmpint (edtf.start.month, ==, 10);
  g_assert_cmpint (edtf.start.day, ==, 0);
  g_assert_true (edtf.start.approximate);
  g_assert_false (edtf.start.uncertain);

  g_assert_true (dossier_edtf_parse ("2021%/..", &edtf, NULL));
  g_assert_true (edtf.is_interval);
  g_assert_cmpint (edtf.start.precision, ==, DOSSIER_EDTF_PRECISION_YEAR);
  g_assert_cmpint (edtf.start.month, ==, 0);
  g_assert_true (edtf.start.approximate && edtf.start.uncertain);
  g_assert_cmpint (edtf.end.kind, ==, DOSSIER_EDTF_ENDPOINT_OPEN);

  g_assert_true (dossier_edtf_parse ("/2021-10-05?", &edtf, NULL));
  g_assert_cmpint (edtf.start.kind, ==, DOSSIER_EDTF_ENDPOINT_UNKNOWN);
  g_assert_cmpint (edtf.end.kind, ==, DOSSIER_EDTF_ENDPOINT_DATE);
  g_assert_cmpint (edtf.end.precision, ==, DOSSIER_EDTF_PRECISION_DAY);
  g_assert_cmpint (edtf.end.day, ==, 5);
  g_assert_true (edtf.end.uncertain);
  g_assert_false (edtf.end.approximate);
}

/* A structure built by hand, as the timeline may, is written out like a parsed one. */
static void
test_to_string (void)
{
  DossierEdtf edtf = {
    .is_interval = TRUE,
    .start = { DOSSIER_EDTF_ENDPOINT_DATE, 2022, 3, 0, DOSSIER_EDTF_PRECISION_MONTH, TRUE, TRUE },
    .end = { DOSSIER_EDTF_ENDPOINT_OPEN, 0, 0, 0, DOSSIER_EDTF_PRECISION_YEAR, FALSE, FALSE },
  };
  g_autofree char *a = dossier_edtf_to_string (&edtf);
  g_autofree char *b = NULL;

  g_assert_cmpstr (a, ==, "2022-03%/..");
  edtf.start.kind = DOSSIER_EDTF_ENDPOINT_UNKNOWN;
  edtf.end = (DossierEdtfPoint) { DOSSIER_EDTF_ENDPOINT_DATE, 7, 1, 2, DOSSIER_EDTF_PRECISION_DAY, FALSE, TRUE };
  b = dossier_edtf_to_string (&edtf);
  g_assert_cmpstr (b, ==, "/0007-01-02?");
}

/* Sorting by the derived days puts dates in the order an investigator expects. */
static void
test_order (void)
{
  static const char * const ordered[] = {
    "../2021", "2021-12-31", "2022", "2022-01", "2022-01-01", "2022-01-01/2022-01-03", "2022-01-02",
    "2022-03~", "2022-03-27/..", "2023?",
  };
  guint32 previous = 0;

  for (guint i = 0; i < G_N_ELEMENTS (ordered); i++)
    {
      guint32 earliest, latest;

      g_assert_true (dossier_edtf_bounds (ordered[i], &earliest, &latest, NULL));
      /* Open starts sort first, by their end. */
      if (earliest == 0)
        earliest = latest;
      g_assert_cmpuint (earliest, >=, previous);
      previous = earliest;
    }
}

static void
test_format_lang (void)
{
  g_autofree char *invalid = dossier_edtf_format_string ("not a date", "fr");
  g_autofree char *empty = dossier_edtf_format_string (NULL, "fr");
  g_autofree char *fallback = dossier_edtf_format_string ("2022-03", "de");
  g_autofree char *null_lang = dossier_edtf_format_string ("2022-03", NULL);
  g_autofree char *fr_fr = dossier_edtf_format_string ("2022-03", "fr_FR");
  g_autofree char *fro = dossier_edtf_format_string ("2022-03", "fro");

  g_assert_cmpstr (invalid, ==, "not a date");
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (fallback, ==, "March" NB "2022");
  g_assert_cmpstr (null_lang, ==, "March" NB "2022");
  g_assert_cmpstr (fr_fr, ==, "mars" NB "2022");
  g_assert_cmpstr (fro, ==, "March" NB "2022");
}

/* Test paths split at "/" and are hard to type with spaces: stand-ins keep the date legible. */
static char *
case_path (const char *family,
           const char *text)
{
  GString *path = g_string_new (NULL);

  g_string_printf (path, "/edtf/%s/", family);
  if (*text == '\0' || !g_utf8_validate (text, -1, NULL))
    g_string_append (path, *text ? "invalid-utf8" : "empty");
  else
    for (const char *c = text; *c; c++)
      if (*c == '/')
        g_string_append_c (path, '|');
      else if (g_ascii_isspace (*c))
        g_string_append (path, *c == ' ' ? "_" : "<tab>");
      else
        g_string_append_c (path, *c);
  return g_string_free (path, FALSE);
}

/* Dates as people write them, day first unless said otherwise. */
static const struct {
  const char     *text;
  DossierDayOrder order;
  const char     *edtf;
} human[] = {
  /* What EDTF reads stays EDTF. */
  { "2022-03-27/2022-03-31", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-03-27/2022-03-31" },
  { "2021-10~", DOSSIER_DAY_ORDER_DAY_FIRST, "2021-10~" },
  { "../2020", DOSSIER_DAY_ORDER_DAY_FIRST, "../2020" },
  { "  2022-03-27 ", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-03-27" },
  { "27/03/2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-03-27" },
  { "27.03.2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-03-27" },
  { "27-03-2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-03-27" },
  { "2022/03/27", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-03-27" },
  { "5/4/2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-04-05" },
  { "05/04/2022", DOSSIER_DAY_ORDER_MONTH_FIRST, "2022-05-04" },
  { "03/27/2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-03-27" },
  { "27/03/2022", DOSSIER_DAY_ORDER_MONTH_FIRST, "2022-03-27" },
  { "03/2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-03" },
  { "27 mars 2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-03-27" },
  { "1er février 2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-02-01" },
  { "1 fevrier 2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-02-01" },
  { "15 août 2021", DOSSIER_DAY_ORDER_DAY_FIRST, "2021-08-15" },
  { "le 3 déc. 2020", DOSSIER_DAY_ORDER_DAY_FIRST, "2020-12-03" },
  { "27 March 2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-03-27" },
  { "March 27, 2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-03-27" },
  { "27th March 2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-03-27" },
  { "mars 2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-03" },
  { "March 2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-03" },
  { "janv. 2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-01" },
  { "févr. 2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-02" },
  { "Jan 2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-01" },
  { "Sept 2021", DOSSIER_DAY_ORDER_DAY_FIRST, "2021-09" },
  { "JUILLET 2012", DOSSIER_DAY_ORDER_DAY_FIRST, "2012-07" },
  { "2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022" },
  /* Periods. */
  { "27/03/2022 - 31/03/2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-03-27/2022-03-31" },
  { "27/03/2022-31/03/2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-03-27/2022-03-31" },
  { "27/03/2022 – 31/03/2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-03-27/2022-03-31" },
  { "27/03/2022 au 31/03/2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-03-27/2022-03-31" },
  { "27/03/2022 to 31/03/2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-03-27/2022-03-31" },
  { "27/03 - 31/03/2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-03-27/2022-03-31" },
  { "27–31 mars 2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-03-27/2022-03-31" },
  { "du 27 au 31 mars 2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-03-27/2022-03-31" },
  { "entre le 27 et le 31 mars 2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-03-27/2022-03-31" },
  { "between 27 and 31 March 2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-03-27/2022-03-31" },
  { "March 27–31, 2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-03-27/2022-03-31" },
  { "27 mars – 2 avril 2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-03-27/2022-04-02" },
  { "mars à mai 2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-03/2022-05" },
  { "2021 - 2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2021/2022" },
  { "2021-2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2021/2022" },
  { "de 2012 à 2023", DOSSIER_DAY_ORDER_DAY_FIRST, "2012/2023" },
  { "30/12/2021 - 02/01/2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2021-12-30/2022-01-02" },
  /* Qualifiers and open ends. */
  { "vers 2012", DOSSIER_DAY_ORDER_DAY_FIRST, "2012~" },
  { "circa 2012", DOSSIER_DAY_ORDER_DAY_FIRST, "2012~" },
  { "environ mars 2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-03~" },
  { "27/03/2022 ?", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-03-27?" },
  { "avant 2020", DOSSIER_DAY_ORDER_DAY_FIRST, "../2020" },
  { "before 27 March 2022", DOSSIER_DAY_ORDER_DAY_FIRST, "../2022-03-27" },
  { "après le 27/03/2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-03-27/.." },
  { "after March 2022", DOSSIER_DAY_ORDER_DAY_FIRST, "2022-03/.." },
  { "depuis 2021", DOSSIER_DAY_ORDER_DAY_FIRST, "2021/.." },
};

/* Text that is no date: refused with a message that says what to write, never a crash. */
static const char * const not_human[] = {
  "", "   ", "hier", "27 mars", "27/03", "31/02/2022", "13/13/2022", "27/03/22", "32 mars 2022",
  "mars", "ju 2022", "2022-13-01", "31/03/2022 - 27/03/2022", "avant après 2020",
  "27 / / 2022", "-", "–", "au", "2022 au", "du au", "1/2/3/4/5/6/7", "\xff\xfe", "☃ 2022",
  "27 mars 2022 et 28 mars 2022 et 29 mars 2022", "99999", "0000", "00/2022", "2022 2023",
  "avant 2020 - 2021",
};

static void
test_human_dates (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (human); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *edtf = dossier_edtf_from_human (human[i].text, human[i].order, &error);

      if (edtf == NULL)
        g_error ("“%s”: %s", human[i].text, error->message);
      g_assert_no_error (error);
      if (!g_str_equal (edtf, human[i].edtf))
        g_error ("“%s” read as %s, not %s", human[i].text, edtf, human[i].edtf);
      g_assert_true (dossier_edtf_validate (edtf, NULL));
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_human); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *edtf = dossier_edtf_from_human (not_human[i], DOSSIER_DAY_ORDER_DAY_FIRST, &error);

      if (edtf != NULL)
        g_error ("“%s” should not be a date, read as %s", not_human[i], edtf);
      g_assert_error (error, DOSSIER_EDTF_ERROR, DOSSIER_EDTF_ERROR_INVALID);
      g_assert_true (g_utf8_validate (error->message, -1, NULL) && *error->message != '\0');
      g_test_message ("“%s”: %s", not_human[i], error->message);
    }
  /* A month that does not exist, a day it does not have: the message says which. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (dossier_edtf_from_human ("31/02/2022", DOSSIER_DAY_ORDER_DAY_FIRST, &error));
    g_assert_nonnull (strstr (error->message, "31"));
    g_assert_nonnull (strstr (error->message, "27/03/2022"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autofree char *path = case_path ("valid", valid[i].text);
      g_test_add_data_func (path, &valid[i], test_valid);
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autofree char *path = case_path ("invalid", invalid[i].text);
      g_test_add_data_func (path, &invalid[i], test_invalid);
    }
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *path = case_path ("format", formats[i].text);
      g_test_add_data_func (path, &formats[i], test_format);
    }
  g_test_add_func ("/edtf/flags", test_flags);
  g_test_add_func ("/edtf/to-string", test_to_string);
  g_test_add_func ("/edtf/order", test_order);
  g_test_add_func ("/edtf/format-lang", test_format_lang);
  g_test_add_func ("/craft/14-human-dates", test_human_dates);

  return g_test_run ();
}
