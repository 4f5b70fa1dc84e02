/* fuzz-edtf.c: the EDTF parser, and what is made from what it accepts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any text either parses or is refused with a message. What parses writes itself back as
 * canonical text that parses to the same date, reads in French and English, and has bounds
 * in order; dossier_edtf_validate() and dossier_edtf_bounds() agree with the parser. Read as a
 * person's writing, any text gives valid EDTF or a message.
 */
#include "config.h"

#include <string.h>

#include "dossier-edtf.h"
#include "fuzz-util.h"

static gboolean
points_equal (const DossierEdtfPoint *a,
              const DossierEdtfPoint *b)
{
  if (a->kind != b->kind)
    return FALSE;
  if (a->kind != DOSSIER_EDTF_ENDPOINT_DATE)
    return TRUE;
  return a->year == b->year && a->month == b->month && a->day == b->day &&
         a->precision == b->precision && !a->approximate == !b->approximate &&
         !a->uncertain == !b->uncertain;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) validate_error = NULL;
  DossierEdtf edtf;
  guint32 earliest, latest, from, to;
  gboolean has_earliest, has_latest;

  fuzz_init ();
  text = fuzz_text (data, size);

  /* Dates as people write them: EDTF that parses, or a message. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) human_error = NULL;
      g_autofree char *human = dossier_edtf_from_human (text, i, &human_error);

      fuzz_check ((human == NULL) != (human_error == NULL));
      if (human != NULL)
        fuzz_check (dossier_edtf_validate (human, NULL));
      else
        fuzz_check (human_error->domain == DOSSIER_EDTF_ERROR &&
                    g_utf8_validate (human_error->message, -1, NULL) && *human_error->message != '\0');
    }

  if (!dossier_edtf_parse (text, &edtf, &error))
    {
      g_autofree char *shown = NULL;

      fuzz_check (error != NULL && error->domain == DOSSIER_EDTF_ERROR);
      fuzz_check (g_utf8_validate (error->message, -1, NULL) && *error->message != '\0');
      fuzz_check (!dossier_edtf_validate (text, &validate_error));
      fuzz_check (!dossier_edtf_bounds (text, &from, &to, NULL) && from == 0 && to == 0);
      /* A stored text that is not a date is shown as it is. */
      shown = dossier_edtf_format_string (text, "fr");
      fuzz_check (g_str_equal (shown, text));
      return 0;
    }

  fuzz_check (error == NULL);
  fuzz_check (dossier_edtf_validate (text, &validate_error));
  fuzz_check (edtf.start.kind == DOSSIER_EDTF_ENDPOINT_DATE ||
              (edtf.is_interval && edtf.end.kind == DOSSIER_EDTF_ENDPOINT_DATE));

  /* The canonical text reads back to the same date, and is its own canonical text. */
  {
    g_autofree char *canonical = dossier_edtf_to_string (&edtf);
    g_autofree char *again = NULL;
    DossierEdtf reread;

    fuzz_check (canonical != NULL);
    if (!dossier_edtf_parse (canonical, &reread, &error))
      g_error ("“%s” is written “%s”, which does not parse: %s", text, canonical, error->message);
    fuzz_check (!reread.is_interval == !edtf.is_interval);
    fuzz_check (points_equal (&reread.start, &edtf.start));
    if (edtf.is_interval)
      fuzz_check (points_equal (&reread.end, &edtf.end));
    again = dossier_edtf_to_string (&reread);
    fuzz_check (g_str_equal (again, canonical));
  }

  /* Words in both languages, never empty, always UTF-8. */
  for (guint i = 0; i < 2; i++)
    {
      const char *lang = i == 0 ? "en" : "fr";
      g_autofree char *words = dossier_edtf_format (&edtf, lang);
      g_autofree char *from_text = dossier_edtf_format_string (text, lang);

      fuzz_check (words != NULL && *words != '\0' && g_utf8_validate (words, -1, NULL));
      fuzz_check (g_str_equal (words, from_text));
    }

  /* The bounds the store keeps: in order, and the same from the text. */
  has_earliest = dossier_edtf_earliest_day (&edtf, &earliest);
  has_latest = dossier_edtf_latest_day (&edtf, &latest);
  fuzz_check (has_earliest == (earliest != 0));
  fuzz_check (has_latest == (latest != 0));
  fuzz_check (has_earliest || has_latest);
  if (has_earliest && has_latest)
    fuzz_check (earliest <= latest);
  fuzz_check (dossier_edtf_bounds (text, &from, &to, NULL));
  fuzz_check (from == earliest && to == latest);
  if (has_earliest)
    fuzz_check (g_date_valid_julian (earliest));
  if (has_latest)
    fuzz_check (g_date_valid_julian (latest));
  return 0;
}
