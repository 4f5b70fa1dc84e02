/* test-edtf.c: parsing, validating, bounding and writing out EDTF dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier-edtf.h"

typedef struct {
  const char *text;
  const char *canonical;
  const char *earliest;   /* YYYY-MM-DD or NULL for open */
  const char *latest;
  const char *en;
  const char *fr;
} Valid;

#define NB "\u00a0"

static const Valid valid[] = {
  { "2022", "2022", "2022-01-01", "2022-12-31", "2022", "2022" },
  { "2022-03", "2022-03", "2022-03-01", "2022-03-31", "March" NB "2022", "mars" NB "2022" },
  { "2022-03-27", "2022-03-27", "2022-03-27", "2022-03-27", "27" NB "March" NB "2022", "27" NB "mars" NB "2022" },
  { "2022-03-01", "2022-03-01", "2022-03-01", "2022-03-01", "1" NB "March" NB "2022", "1er" NB "mars" NB "2022" },
  { "2020-02", "2020-02", "2020-02-01", "2020-02-29", "February" NB "2020", "février" NB "2020" },
  { "2021-02", "2021-02", "2021-02-01", "2021-02-28", NULL, NULL },
  { "2020-02-29", "2020-02-29", "2020-02-29", "2020-02-29", NULL, NULL },
  { "2000-02-29", "2000-02-29", "2000-02-29", "2000-02-29", NULL, NULL },
  { "2021-10~", "2021-10~", "2021-10-01", "2021-10-31", "circa October" NB "2021", "vers octobre" NB "2021" },
  { "2021?", "2021?", "2021-01-01", "2021-12-31", "2021 (uncertain)", "2021 (incertain)" },
  { "2021-10-05%", "2021-10-05%", "2021-10-05", "2021-10-05", "circa 5" NB "October" NB "2021 (uncertain)", "vers 5" NB "octobre" NB "2021 (incertain)" },
  { "2022-03-27/2022-03-31", "2022-03-27/2022-03-31", "2022-03-27", "2022-03-31", "27–31" NB "March" NB "2022", "du 27 au 31" NB "mars" NB "2022" },
  { "2022-03-27/2022-04-02", "2022-03-27/2022-04-02", "2022-03-27", "2022-04-02", "27" NB "March – 2" NB "April" NB "2022", "du 27" NB "mars au 2" NB "avril" NB "2022" },
  { "2021-12-30/2022-01-02", "2021-12-30/2022-01-02", "2021-12-30", "2022-01-02", "30" NB "December" NB "2021 – 2" NB "January" NB "2022", "du 30" NB "décembre" NB "2021 au 2" NB "janvier" NB "2022" },
  { "2012/2023", "2012/2023", "2012-01-01", "2023-12-31", "2012 – 2023", "de 2012 à 2023" },
  { "2022-03/2022-05", "2022-03/2022-05", "2022-03-01", "2022-05-31", "March – May" NB "2022", "de mars à mai" NB "2022" },
  { "2022-03-27/..", "2022-03-27/..", "2022-03-27", NULL, "from 27" NB "March" NB "2022", "depuis le 27" NB "mars" NB "2022" },
  { "../2022-03-31", "../2022-03-31", NULL, "2022-03-31", "until 31" NB "March" NB "2022", "jusqu’au 31" NB "mars" NB "2022" },
  { "../2020", "../2020", NULL, "2020-12-31", "until 2020", "jusqu’en 2020" },
  { "2019/", "2019/", "2019-01-01", NULL, "2019 – unknown end", "2019 – date de fin inconnue" },
  { "/2019-05", "/2019-05", NULL, "2019-05-31", NULL, NULL },
  { "2021~/2022?", "2021~/2022?", "2021-01-01", "2022-12-31", "circa 2021 – 2022 (uncertain)", "de vers 2021 à 2022 (incertain)" },
  { "2022-03-27/2022-03-27", "2022-03-27/2022-03-27", "2022-03-27", "2022-03-27", NULL, NULL },
  { "2022/2022-06-15", "2022/2022-06-15", "2022-01-01", "2022-06-15", NULL, NULL },
  { "0001", "0001", "0001-01-01", "0001-12-31", NULL, NULL },
  { "9999-12-31", "9999-12-31", "9999-12-31", "9999-12-31", NULL, NULL },
};

static const char * const invalid[] = {
  "", " ", "2022 ", " 2022", "22", "20222", "2022-3", "2022-3-01", "2022-13", "2022-00",
  "2022-02-30", "2021-02-29", "1900-02-29", "2022-04-31", "2022-03-32", "2022-03-00",
  "2022/13", "2022-03-31/2022-03-27", "2023/2022", "../..", "/", "..", "../", "2022//2023",
  "2022/2023/2024", "2022~~", "2022?~", "-0100", "Y12345", "20XX", "2022-03-27T10:00",
  "0000", "abcd", "2022-", "2022-03-", "2022-03-2", "2022-03-277", "2022--03", "~2022",
  "2022/..~",
};

static void
test_valid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      const Valid *v = &valid[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *canonical = NULL;
      DossierEdtf edtf;
      guint32 earliest, latest;

      g_test_message ("%s", v->text);
      g_assert_true (dossier_edtf_parse (v->text, &edtf, &error));
      g_assert_no_error (error);
      g_assert_true (dossier_edtf_validate (v->text, NULL));
      canonical = dossier_edtf_to_string (&edtf);
      g_assert_cmpstr (canonical, ==, v->canonical);

      g_assert_true (dossier_edtf_bounds (v->text, &earliest, &latest, &error));
      if (v->earliest)
        {
          GDate d;
          g_date_clear (&d, 1);
          g_date_set_dmy (&d, atoi (v->earliest + 8), atoi (v->earliest + 5), atoi (v->earliest));
          g_assert_cmpuint (earliest, ==, g_date_get_julian (&d));
        }
      else
        g_assert_cmpuint (earliest, ==, 0);
      if (v->latest)
        {
          GDate d;
          g_date_clear (&d, 1);
          g_date_set_dmy (&d, atoi (v->latest + 8), atoi (v->latest + 5), atoi (v->latest));
          g_assert_cmpuint (latest, ==, g_date_get_julian (&d));
        }
      else
        g_assert_cmpuint (latest, ==, 0);

      if (v->en)
        {
          g_autofree char *en = dossier_edtf_format (&edtf, "en");
          g_autofree char *fr = dossier_edtf_format (&edtf, "fr");
          g_assert_cmpstr (en, ==, v->en);
          g_assert_cmpstr (fr, ==, v->fr);
        }
    }
}

static void
test_flags (void)
{
  DossierEdtf edtf;

  g_assert_true (dossier_edtf_parse ("2021-10~", &edtf, NULL));
  g_assert_false (edtf.is_interval);
  g_assert_true (edtf.start.approximate);
  g_assert_false (edtf.start.uncertain);
  g_assert_cmpint (edtf.start.precision, ==, DOSSIER_EDTF_PRECISION_MONTH);
  g_assert_cmpint (edtf.start.month, ==, 10);
  g_assert_cmpint (edtf.start.day, ==, 0);

  g_assert_true (dossier_edtf_parse ("2021%/..", &edtf, NULL));
  g_assert_true (edtf.is_interval);
  g_assert_true (edtf.start.approximate && edtf.start.uncertain);
  g_assert_cmpint (edtf.end.kind, ==, DOSSIER_EDTF_ENDPOINT_OPEN);

  g_assert_true (dossier_edtf_parse ("/2021-10-05?", &edtf, NULL));
  g_assert_cmpint (edtf.start.kind, ==, DOSSIER_EDTF_ENDPOINT_UNKNOWN);
  g_assert_true (edtf.end.uncertain);
  g_assert_cmpint (edtf.end.precision, ==, DOSSIER_EDTF_PRECISION_DAY);
}

static void
test_invalid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      guint32 a = 1, b = 1;

      g_assert_false (dossier_edtf_parse (invalid[i], NULL, &error));
      g_assert_error (error, DOSSIER_EDTF_ERROR, DOSSIER_EDTF_ERROR_INVALID);
      g_test_message ("“%s”: %s", invalid[i], error->message);
      g_assert_cmpuint (strlen (error->message), >, 8);
      g_clear_error (&error);
      g_assert_false (dossier_edtf_bounds (invalid[i], &a, &b, &error));
      g_assert_cmpuint (a, ==, 0);
      g_assert_cmpuint (b, ==, 0);
    }
}

static void
test_reasons (void)
{
  g_autoptr(GError) error = NULL;

  /* The reason names what is wrong. */
  dossier_edtf_validate ("2022-13", &error);
  g_assert_nonnull (strstr (error->message, "01 to 12"));
  g_clear_error (&error);
  dossier_edtf_validate ("2022-03-31/2022-03-27", &error);
  g_assert_nonnull (strstr (error->message, "ends before it starts"));
  g_clear_error (&error);
  dossier_edtf_validate ("2021-02-29", &error);
  g_assert_nonnull (strstr (error->message, "no such day"));
}

static void
test_format_invalid_passthrough (void)
{
  g_autofree char *a = dossier_edtf_format_string ("not a date", "fr");
  g_autofree char *b = dossier_edtf_format_string ("2022-03-27", "en");

  g_assert_cmpstr (a, ==, "not a date");
  g_assert_cmpstr (b, ==, "27" NB "March" NB "2022");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/edtf/valid", test_valid);
  g_test_add_func ("/edtf/flags", test_flags);
  g_test_add_func ("/edtf/invalid", test_invalid);
  g_test_add_func ("/edtf/reasons", test_reasons);
  g_test_add_func ("/edtf/format-invalid", test_format_invalid_passthrough);

  return g_test_run ();
}
