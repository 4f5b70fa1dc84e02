/* dossier-record-checks.c: what a record must be before the store writes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Vocabulary codes, EDTF dates, finite numbers, text lengths and the form of codes: the
 * checks SQLite's constraints cannot make, the same for every kind of record and for
 * every importer.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "dossier-edtf.h"
#include "dossier-vocab.h"
#include "dossier-record-private.h"
#include "dossier-store-private.h"

#define FIELD_STR(rec, f) DOSSIER_FIELD_STR (rec, f)
#define FIELD_INT(rec, f) DOSSIER_FIELD_INT (rec, f)
#define FIELD_REAL(rec, f) DOSSIER_FIELD_REAL (rec, f)
#define field_is_text dossier_field_is_text
#define P(record) _dossier_record_get_private (record)

/* ---- Text limits ----
 *
 * The longest text each field may hold, in characters (Unicode code points). Without a
 * limit a 200 MB mandate imported from a file made the PDF annex grow to 15.8 GB of memory,
 * and every list, editor and export after it pays for such a value. The limits are far
 * above what a commission writes (the demo's longest transcript is 1,600 characters):
 *
 *   - 1,000 for every text not named below: codes, titles, names, places, labels;
 *   - 50,000 (some 20 pages) for summaries, descriptions, sources, notes, link details and
 *     custody details;
 *   - 1,000,000 (some 400 pages) for a transcript, the dossier's mandate, and the audit
 *     log's old and new values, which copy any field.
 *
 * They hold on every write of the store (insert, update, the dossier's own record), and so
 * for the editors and every importer. README.md lists them too. */
typedef struct {
  const char *table;   /* NULL: any table */
  const char *field;
  guint       limit;
} TextLimit;

static const TextLimit text_limits[] = {
  { "incident", "summary_fr", DOSSIER_TEXT_LONG },
  { "incident", "summary_en", DOSSIER_TEXT_LONG },
  { "incident", "sources", DOSSIER_TEXT_LONG },
  { "actor", "description", DOSSIER_TEXT_LONG },
  { "evidence", "description", DOSSIER_TEXT_LONG },
  { "evidence", "source", DOSSIER_TEXT_LONG },
  { "person", "notes", DOSSIER_TEXT_LONG },
  { "testimony", "summary", DOSSIER_TEXT_LONG },
  { "custody_event", "details", DOSSIER_TEXT_LONG },
  { NULL, "detail", DOSSIER_TEXT_LONG },
  { "testimony", "transcript", DOSSIER_TEXT_DOCUMENT },
  { "dossier", "mandate", DOSSIER_TEXT_DOCUMENT },
  { "audit", "old_value", DOSSIER_TEXT_DOCUMENT },
  { "audit", "new_value", DOSSIER_TEXT_DOCUMENT },
};

/**
 * dossier_record_text_limit:
 * @table: a table, "dossier" for the dossier's own record
 * @field: one of its text columns
 *
 * Returns: the most characters @field may hold
 */
guint
dossier_record_text_limit (const char *table,
                           const char *field)
{
  g_return_val_if_fail (table != NULL && field != NULL, DOSSIER_TEXT_SHORT);

  for (guint i = 0; i < G_N_ELEMENTS (text_limits); i++)
    if ((text_limits[i].table == NULL || g_str_equal (text_limits[i].table, table)) &&
        g_str_equal (text_limits[i].field, field))
      return text_limits[i].limit;
  return DOSSIER_TEXT_SHORT;
}

/* Whether @text has more than @limit characters, counted without reading past its end
 * even if it is not valid UTF-8. */
static gboolean
longer_than (const char *text,
             guint       limit)
{
  gsize bytes = strlen (text);
  gsize chars = 0;

  if (bytes <= limit)
    return FALSE;
  for (const guchar *p = (const guchar *) text; *p; p++)
    if ((*p & 0xC0) != 0x80 && ++chars > limit)
      return TRUE;
  return FALSE;
}

/**
 * dossier_record_check_text:
 * @table: a table, "dossier" for the dossier's own record
 * @field: one of its text columns
 * @text: (nullable): a value for it
 * @error: return location for a #GError
 *
 * Returns: %FALSE, with an error naming @field and its limit, if @text is longer than
 *   dossier_record_text_limit() allows
 */
gboolean
dossier_record_check_text (const char  *table,
                           const char  *field,
                           const char  *text,
                           GError     **error)
{
  guint limit;

  g_return_val_if_fail (table != NULL && field != NULL, FALSE);

  limit = dossier_record_text_limit (table, field);
  if (text == NULL || !longer_than (text, limit))
    return TRUE;
  /* Translators: the first %s is a field name such as “summary_fr”, %u a number of characters */
  g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE, "The field “%s” is too long: it holds at most %u character",
                            "The field “%s” is too long: it holds at most %u characters", limit),
               field, limit);
  return FALSE;
}

gboolean
_dossier_record_check_texts (DossierRecord  *self,
             DossierRecord  *old,
             GError        **error)
{
  const DossierRecordInfo *info = P (self)->info;

  for (guint i = 0; i < info->n_fields; i++)
    {
      const DossierField *f = &info->fields[i];

      if (field_is_text (f) && (old == NULL || !dossier_record_field_equal (self, old, f)) &&
          !dossier_record_check_text (info->table, f->name, FIELD_STR (self, f), error))
        return FALSE;
    }
  return TRUE;
}

/**
 * dossier_record_code_number:
 * @info: a kind of record with codes
 * @code: a code
 *
 * Reads a code as the store makes them (see _dossier_store_next_code()): the prefix, a
 * hyphen and a number of at least @info's digits, with no other leading zero; or, for a
 * kind whose codes were once wider (testimonies had five digits), as they were made then,
 * since existing codes never change. A code read from a file must be one: the BagIt package
 * names a folder after it, and a code beside the pattern could collide with one made later.
 *
 * Returns: the code's number, or 0 if @code is not such a code
 */
gint64
dossier_record_code_number (const DossierRecordInfo *info,
                            const char              *code)
{
  g_autofree char *made = NULL;
  gsize n;
  guint64 number;

  g_return_val_if_fail (info != NULL && info->code_prefix != NULL, 0);

  if (code == NULL)
    return 0;
  n = strlen (info->code_prefix);
  if (strncmp (code, info->code_prefix, n) != 0 || code[n] != '-')
    return 0;
  for (const char *p = code + n + 1; *p; p++)
    if (!g_ascii_isdigit (*p))
      return 0;
  /* A billion records of a kind is beyond any dossier; the counter stays far from overflow. */
  if (!g_ascii_string_to_unsigned (code + n + 1, 10, 1, 999999999, &number, NULL))
    return 0;
  made = g_strdup_printf ("%s-%0*" G_GUINT64_FORMAT, info->code_prefix, info->code_digits, number);
  if (g_str_equal (made, code))
    return (gint64) number;
  if (info->old_code_digits > 0)
    {
      g_free (made);
      made = g_strdup_printf ("%s-%0*" G_GUINT64_FORMAT, info->code_prefix, info->old_code_digits, number);
      if (g_str_equal (made, code))
        return (gint64) number;
    }
  return 0;
}

/**
 * dossier_record_check_code:
 * @info: a kind of record with codes
 * @code: a code given to a record, read from a file for instance
 * @error: return location for a #GError
 *
 * Returns: %FALSE, with an error showing @code, unless dossier_record_code_number() reads it
 */
gboolean
dossier_record_check_code (const DossierRecordInfo  *info,
                           const char               *code,
                           GError                  **error)
{
  g_autofree char *example = NULL;
  g_autoptr(GString) shown = NULL;
  const char *p = code ? code : "";

  g_return_val_if_fail (info != NULL && info->code_prefix != NULL, FALSE);

  if (dossier_record_code_number (info, code) > 0)
    return TRUE;
  /* The value as it can be read in one line: at most 40 characters, no control character. */
  shown = g_string_new (NULL);
  for (guint chars = 0; *p && chars < 40; chars++)
    {
      gsize len = 1;

      if ((guchar) *p >= 0x80)
        while ((p[len] & 0xC0) == 0x80)
          len++;
      if ((guchar) *p < 0x20 || *p == 0x7f)
        g_string_append_c (shown, '?');
      else
        g_string_append_len (shown, p, len);
      p += len;
    }
  if (*p)
    g_string_append (shown, "…");
  example = g_strdup_printf ("%s-%0*d", info->code_prefix, info->code_digits, 1);
  /* Translators: the first %s is what was given as a record's code (such as “../x”), the
   * second a code as Dossier makes them, such as EVD-0001 */
  g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
               _("“%s” is not a code such as %s"), shown->str, example);
  return FALSE;
}

/* Checks what SQLite's constraints cannot: vocabulary codes, EDTF dates, coordinates. */
gboolean
_dossier_record_validate (DossierStore   *store,
          DossierRecord  *self,
          guint32        *date_start,
          guint32        *date_end,
          GError        **error)
{
  const DossierRecordInfo *info = P (self)->info;

  *date_start = *date_end = 0;
  for (guint i = 0; i < info->n_fields; i++)
    {
      const DossierField *f = &info->fields[i];

      if (f->vocab != NULL && field_is_text (f))
        {
          const char *v = FIELD_STR (self, f);

          if (f->type == DOSSIER_FIELD_TEXT && (v == NULL || *v == '\0'))
            {
              /* Translators: %s is a field name such as “verification” */
              g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                           _("The field “%s” must be set"), f->name);
              return FALSE;
            }
          if (v != NULL && *v != '\0' && !dossier_store_check_term (store, f->vocab, v, error))
            return FALSE;
        }
      if (f->type == DOSSIER_FIELD_EDTF && FIELD_STR (self, f) && *FIELD_STR (self, f))
        {
          g_autoptr(GError) local = NULL;

          if (!dossier_edtf_bounds (FIELD_STR (self, f), date_start, date_end, &local))
            {
              /* Translators: the first %s is a field name, the second why its date is not valid */
              g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                           _("Date in “%s”: %s"), f->name, local->message);
              return FALSE;
            }
        }
      if (f->type == DOSSIER_FIELD_REAL && isinf (FIELD_REAL (self, f)))
        {
          g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                       _("The number in “%s” is not finite"), f->name);
          return FALSE;
        }
    }
  return TRUE;
}
