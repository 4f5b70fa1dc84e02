/* dossier-edtf-human.c: dates as people write them, read into EDTF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-edtf.h"
#include "dossier-edtf-private.h"

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
          t->digits = _dossier_edtf_read_digits (&c, &t->value);
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
    return _dossier_edtf_fail (error, "%s", _("The date contains characters that are not text")), NULL;
  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    return _dossier_edtf_fail (error, "%s", _("The date is empty")), NULL;
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
    return _dossier_edtf_fail (error, _("“%s”: %s. Write a date like 27/03/2022, 27 March 2022, March 2022 "
                                        "or a period like 27/03/2022 – 31/03/2022"), stripped, why), NULL;
  /* Translators: %s is the text typed as a date; keep the examples as dates written in your language */
  return _dossier_edtf_fail (error, _("“%s” is not a date. Write a date like 27/03/2022, 27 March 2022, March 2022 "
                                      "or a period like 27/03/2022 – 31/03/2022"), stripped), NULL;
}
