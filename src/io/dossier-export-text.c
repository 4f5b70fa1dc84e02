/* dossier-export-text.c: a text as an export writes it: a CSV field that a spreadsheet will
 * not run, XML character data that XML 1.0 allows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every CSV and every hand-written XML file the project makes goes through these two, so that
 * a title typed or imported with a formula or a control character in it cannot turn an annex
 * table into a program, or a KML file into one that Google Earth and QGIS refuse.
 */
#include "config.h"

#include <string.h>

#include "dossier-export-text.h"

/* A number as the exporters write one (g_ascii_formatd, a count): "-3.990000", "12". A
 * spreadsheet reads it as a number, minus sign and all, and runs nothing. */
static gboolean
is_plain_number (const char *value)
{
  const char *p = value;

  if (*p == '-')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return *p == '\0';
}

/* What Excel and LibreOffice take for the start of a formula (OWASP's list: = + - @, tab and
 * carriage return). Leading spaces and line feeds are looked through, as LibreOffice's "Trim
 * spaces" import option would remove them. A plain number stays a number: a latitude of
 * -3.99 must remain usable, and "-3.99" computes nothing. */
static gboolean
is_formula (const char *value)
{
  if (*value == '\t' || *value == '\r')
    return TRUE;
  value += strspn (value, " \n");
  return *value != '\0' && strchr ("=+-@\t\r", *value) != NULL && !is_plain_number (value);
}

/**
 * dossier_csv_append_field:
 * @line: a CSV line being written
 * @value: (nullable): a field's value
 *
 * RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. A
 * field a spreadsheet would run as a formula is neutralised as OWASP recommends: quoted, with
 * a single quote before it (`=HYPERLINK(…)` is written `"'=HYPERLINK(…)"`, and the reader sees
 * the apostrophe). A field with a semicolon or a tab is quoted too: a French spreadsheet
 * splits at semicolons, and what follows one must not become a cell of its own.
 */
void
dossier_csv_append_field (GString    *line,
                          const char *value)
{
  gboolean formula;

  g_return_if_fail (line != NULL);

  if (value == NULL)
    return;
  formula = is_formula (value);
  if (!formula && strpbrk (value, ",;\"\t\r\n") == NULL)
    {
      g_string_append (line, value);
      return;
    }
  g_string_append_c (line, '"');
  if (formula)
    g_string_append_c (line, '\'');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

/* XML 1.0's Char production. */
static gboolean
xml_allows (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/**
 * dossier_xml_escape_text:
 * @text: (nullable): a text from the dossier
 *
 * As g_markup_escape_text(), for element content and attribute values alike, but the result
 * is always well-formed XML 1.0: a character XML 1.0 does not allow, even written as a
 * character reference (U+0001, a vertical tab from a word processor's line break, U+FFFE),
 * and any byte that is not UTF-8, become U+FFFD, the replacement character, so that the
 * reader sees that something was there. Tabs and line breaks are written as references, which
 * an attribute value keeps and a parser does not fold.
 *
 * Returns: (transfer full): the escaped text
 */
char *
dossier_xml_escape_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid) + 16);

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&apos;"); break;
        case '\t': case '\n': case '\r': g_string_append_printf (out, "&#x%X;", c); break;
        default:
          if (xml_allows (c))
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
          else
            g_string_append_unichar (out, 0xFFFD);
        }
    }
  return g_string_free (out, FALSE);
}
