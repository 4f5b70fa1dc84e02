/* dossier-json-io-scan.c: the outline of an interchange document, read by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import's first reader (see dossier-json-io.c): it finds the top-level members and the
 * elements of their lists without building a tree, refuses what nests too deep or does not
 * end, and gives json-glib one value at a time.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "dossier-json-io-private.h"

gboolean
_dossier_json_io_invalid (GError     **error,
                          const char  *where,
                          const char  *what)
{
  /* A member's name may hold an escape json-glib decodes to bytes that are not UTF-8
   * ("\udcgi"), and a GError's message must be UTF-8. */
  g_autofree char *place = g_utf8_make_valid (where, -1);

  /* Translators: the first %s is where in the document (e.g. incidents[3].latitude), the second what is wrong */
  g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID, _("%s: %s"), place, what);
  return FALSE;
}

/* The document's outline.
 *
 * json-glib builds a tree of the whole document: for 100,000 incidents, several times the
 * size of the file. So only the outline (the top-level object and its lists) is read here, by
 * hand, and each record is given to json-glib on its own, its tree freed before the next one.
 * Reading the outline also catches what json-glib 1.6 would let through (and leak on): data
 * after the end of the document. */

void
_dossier_json_io_skip_space (Text *t)
{
  while (t->pos < t->len && strchr (" \t\n\r", t->data[t->pos]) != NULL)
    t->pos++;
}

/* How deep values may nest, the document itself being the first level. The format nests
 * five deep at most (the document, a list, a record, its casualties, one count); 32 leaves
 * room for what later versions may add. json-glib parses recursively, and 100,000 nested
 * lists overflowed its stack: every value goes through skip_value() before json-glib sees
 * it, and one nested deeper than this is refused there. */
#define MAX_DEPTH 32

static gboolean nesting_error (const Text  *t,
                               gsize        start,
                               int          depth,
                               const char  *where,
                               GError     **error);
static gboolean syntax_error  (const Text  *t,
                               GError     **error);

/* Moves past one value without checking what is inside: json-glib checks it when the value
 * is parsed. The value is inside @depth levels (1: a member of the document); @where names
 * it in errors. FALSE when the value does not end, or nests too deep. */
gboolean
_dossier_json_io_skip_value (Text        *t,
                             int          depth,
                             const char  *where,
                             GError     **error)
{
  gsize start = t->pos;
  char c;

  if (t->pos >= t->len)
    return syntax_error (t, error);
  c = t->data[t->pos];
  if (c == '{' || c == '[')
    {
      int level = 0;
      gboolean in_string = FALSE;

      for (; t->pos < t->len; t->pos++)
        {
          c = t->data[t->pos];
          if (in_string)
            {
              if (c == '\\')
                t->pos++;
              else if (c == '"')
                in_string = FALSE;
            }
          else if (c == '"')
            in_string = TRUE;
          else if (c == '{' || c == '[')
            {
              if (depth + ++level > MAX_DEPTH)
                return nesting_error (t, start, depth, where, error);
            }
          else if ((c == '}' || c == ']') && --level == 0)
            {
              t->pos++;
              return TRUE;
            }
        }
      return syntax_error (t, error);
    }
  if (c == '"')
    {
      for (t->pos++; t->pos < t->len; t->pos++)
        {
          c = t->data[t->pos];
          if (c == '\\')
            t->pos++;
          else if (c == '"')
            {
              t->pos++;
              return TRUE;
            }
        }
      return syntax_error (t, error);
    }
  /* A number, true, false or null. */
  while (t->pos < t->len && strchr (" \t\n\r,:[]{}\"", t->data[t->pos]) == NULL)
    t->pos++;
  if (t->pos > start)
    return TRUE;
  return syntax_error (t, error);
}

static guint
line_at (const Text *t,
         gsize       pos)
{
  guint line = 1;

  for (gsize i = 0; i < pos && i < t->len; i++)
    if (t->data[i] == '\n')
      line++;
  return line;
}

static gboolean
syntax_error (const Text  *t,
              GError     **error)
{
  if (t->pos >= t->len)
    g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                 _("The document is not valid JSON: it ends too early"));
  else
    /* Translators: %u is a line number */
    g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                 _("The document is not valid JSON: unexpected character on line %u"), line_at (t, t->pos));
  return FALSE;
}

/* Finds, in the value at @start, the first list or object nested deeper than MAX_DEPTH, and
 * says where it is: its path from @where (incidents[3].violation_types[0]…) and its line.
 * Only called once skip_value() has met it, so the scan stops there. */
static gboolean
nesting_error (const Text  *t,
               gsize        start,
               int          depth,
               const char  *where,
               GError     **error)
{
  struct {
    gboolean array;
    guint    index;      /* of the element being read, in a list */
    gsize    key;        /* of the member being read, in an object: where its name starts */
    gsize    key_len;
  } levels[MAX_DEPTH + 1];
  g_autoptr(GString) path = g_string_new (where);
  gboolean in_string = FALSE, key_next = FALSE;
  gsize string_start = 0, pos;
  int n = 0;

  for (pos = start; pos < t->len; pos++)
    {
      char c = t->data[pos];

      if (in_string)
        {
          if (c == '\\')
            pos++;
          else if (c == '"')
            {
              in_string = FALSE;
              if (key_next && n > 0 && !levels[n - 1].array)
                {
                  levels[n - 1].key = string_start + 1;
                  levels[n - 1].key_len = pos - string_start - 1;
                  key_next = FALSE;
                }
            }
          continue;
        }
      if (c == '"')
        {
          in_string = TRUE;
          string_start = pos;
        }
      else if (c == '{' || c == '[')
        {
          if (depth + n + 1 > MAX_DEPTH)
            break;
          levels[n].array = c == '[';
          levels[n].index = 0;
          levels[n].key_len = 0;
          key_next = c == '{';
          n++;
        }
      else if ((c == '}' || c == ']') && n > 0)
        n--;
      else if (c == ',' && n > 0)
        {
          levels[n - 1].index++;
          key_next = !levels[n - 1].array;
        }
    }

  /* The first levels name the place; beyond, a run of [0][0][0] would only be noise. */
  for (int i = 0; i < n && i < 8; i++)
    {
      if (levels[i].array)
        g_string_append_printf (path, "[%u]", levels[i].index);
      else if (levels[i].key_len > 0)
        g_string_append_printf (path, ".%.*s", (int) MIN (levels[i].key_len, 40), t->data + levels[i].key);
    }
  if (n > 8)
    g_string_append (path, "…");
  /* Translators: %s is where in the document (e.g. incidents[3].violation_types), %u a line
   * number, %d the most levels a dossier document may have */
  g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
               _("%s: nested too deep on line %u (a dossier document has at most %d levels)"),
               path->str, line_at (t, pos), MAX_DEPTH);
  return FALSE;
}

gboolean
_dossier_json_io_expect (Text        *t,
                         char         c,
                         GError     **error)
{
  _dossier_json_io_skip_space (t);
  if (t->pos >= t->len || t->data[t->pos] != c)
    return syntax_error (t, error);
  t->pos++;
  return TRUE;
}

/* Parses the value in @span with @parser, whose previous tree it replaces. */
JsonNode *
_dossier_json_io_parse_value (const Text  *t,
                              JsonParser  *parser,
                              Span         span,
                              const char  *where,
                              GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *valid = NULL;
  const char *message;
  guint line, l;
  int n = 0;

  if (json_parser_load_from_data (parser, t->data + span.start, span.end - span.start, &local))
    return json_parser_get_root (parser);

  /* json-glib counts lines from the value's start: count them from the document's. */
  message = local->message;
  line = line_at (t, span.start);
  if (sscanf (message, "<data>:%u:%*u: %n", &l, &n) == 1 && n > 0)
    {
      line += l - 1;
      message += n;
    }
  /* json-glib quotes the bad token cut at a byte count, maybe inside a character: a
   * GError's message must be UTF-8. */
  valid = g_utf8_make_valid (message, -1);
  /* Translators: the first %s is where in the document (e.g. incidents[3]), %u a line
   * number, the last %s the JSON parser's own message */
  g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
               _("%s: not valid JSON on line %u: %s"), where, line, valid);
  return NULL;
}

/* Reads the top-level object: where each member's value is, by name. */
GHashTable *
_dossier_json_io_read_outline (Text        *t,
                               JsonParser  *parser,
                               GError     **error)
{
  g_autoptr(GHashTable) members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  _dossier_json_io_skip_space (t);
  if (t->pos >= t->len)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID, _("The document is empty"));
      return NULL;
    }
  if (t->data[t->pos] != '{')
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                   _("The document is not a JSON object"));
      return NULL;
    }
  t->pos++;
  _dossier_json_io_skip_space (t);
  if (t->pos < t->len && t->data[t->pos] == '}')
    t->pos++;
  else
    for (;;)
      {
        g_autofree char *key = NULL;
        Span span;
        JsonNode *node;

        _dossier_json_io_skip_space (t);
        span.start = t->pos;
        if (t->pos >= t->len || t->data[t->pos] != '"')
          {
            syntax_error (t, error);
            return NULL;
          }
        if (!_dossier_json_io_skip_value (t, 1, _("document"), error))
          return NULL;
        span.end = t->pos;
        node = _dossier_json_io_parse_value (t, parser, span, _("document"), error);
        if (node == NULL)
          return NULL;
        /* Made valid: the name is quoted in messages, and "\udcgi" decodes to bytes that
         * are not UTF-8 (a name that had them is then refused as unknown). */
        key = g_utf8_make_valid (json_node_get_string (node), -1);

        if (!_dossier_json_io_expect (t, ':', error))
          return NULL;
        _dossier_json_io_skip_space (t);
        span.start = t->pos;
        if (!_dossier_json_io_skip_value (t, 1, key, error))
          return NULL;
        span.end = t->pos;
        /* json-glib would keep the last one silently. */
        if (g_hash_table_contains (members, key))
          {
            _dossier_json_io_invalid (error, key, _("given twice"));
            return NULL;
          }
        g_hash_table_insert (members, g_steal_pointer (&key), g_memdup2 (&span, sizeof span));

        _dossier_json_io_skip_space (t);
        if (t->pos < t->len && t->data[t->pos] == ',')
          {
            t->pos++;
            continue;
          }
        if (!_dossier_json_io_expect (t, '}', error))
          return NULL;
        break;
      }

  _dossier_json_io_skip_space (t);
  if (t->pos < t->len)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                   _("The document has unexpected data after its end"));
      return NULL;
    }
  return g_steal_pointer (&members);
}
