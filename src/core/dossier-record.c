/* dossier-record.c: the base of every record, and the store's generic record operations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each kind of record describes its columns once (a DossierRecordInfo); insert, update with
 * per-field audit, delete, load and iteration are written here once for all of them, and so
 * are the interchange exporters that walk the same descriptions.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "dossier-edtf.h"
#include "dossier-record.h"
#include "dossier-store-private.h"
#include "dossier-record-private.h"

G_DEFINE_TYPE (DossierRecord, dossier_record, G_TYPE_OBJECT)

#define FIELD_PTR(rec, f) (G_STRUCT_MEMBER_P ((rec), (f)->offset))
#define FIELD_STR(rec, f) (G_STRUCT_MEMBER (char *, (rec), (f)->offset))
#define FIELD_INT(rec, f) (G_STRUCT_MEMBER (gint64, (rec), (f)->offset))
#define FIELD_REAL(rec, f) (G_STRUCT_MEMBER (double, (rec), (f)->offset))

static gboolean
field_is_text (const DossierField *f)
{
  return f->type == DOSSIER_FIELD_TEXT || f->type == DOSSIER_FIELD_NTEXT || f->type == DOSSIER_FIELD_EDTF;
}

static void
dossier_record_finalize (GObject *object)
{
  DossierRecord *self = DOSSIER_RECORD (object);

  if (self->info != NULL)
    for (guint i = 0; i < self->info->n_fields; i++)
      if (field_is_text (&self->info->fields[i]))
        g_clear_pointer (&FIELD_STR (self, &self->info->fields[i]), g_free);

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);

  G_OBJECT_CLASS (dossier_record_parent_class)->finalize (object);
}

static void
dossier_record_class_init (DossierRecordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_record_finalize;
}

static void
dossier_record_init (DossierRecord *self)
{
}

/* Called by each subclass's init: sets the description and the empty defaults, which the
 * subclass may then override. */
void
_dossier_record_set_info (DossierRecord           *self,
                          const DossierRecordInfo *info)
{
  self->info = info;
  for (guint i = 0; i < info->n_fields; i++)
    {
      const DossierField *f = &info->fields[i];

      switch (f->type)
        {
        case DOSSIER_FIELD_TEXT:
        case DOSSIER_FIELD_EDTF:
          FIELD_STR (self, f) = g_strdup ("");
          break;
        case DOSSIER_FIELD_NTEXT:
          FIELD_STR (self, f) = NULL;
          break;
        case DOSSIER_FIELD_INT:
          FIELD_INT (self, f) = -1;
          break;
        case DOSSIER_FIELD_REF:
          FIELD_INT (self, f) = 0;
          break;
        case DOSSIER_FIELD_REAL:
          FIELD_REAL (self, f) = NAN;
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

const DossierField *
dossier_record_find_field (const DossierRecordInfo *info,
                           const char              *name)
{
  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < info->n_fields; i++)
    if (g_str_equal (info->fields[i].name, name))
      return &info->fields[i];
  return NULL;
}

/**
 * dossier_record_get_string:
 * @self: a #DossierRecord
 * @field: one of its fields
 *
 * Returns: (transfer full) (nullable): the field's value as text, %NULL when unset
 */
char *
dossier_record_get_string (DossierRecord      *self,
                           const DossierField *field)
{
  g_return_val_if_fail (DOSSIER_IS_RECORD (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  switch (field->type)
    {
    case DOSSIER_FIELD_TEXT:
    case DOSSIER_FIELD_NTEXT:
    case DOSSIER_FIELD_EDTF:
      return g_strdup (FIELD_STR (self, field));
    case DOSSIER_FIELD_INT:
      return FIELD_INT (self, field) < 0 ? NULL
             : g_strdup_printf ("%" G_GINT64_FORMAT, FIELD_INT (self, field));
    case DOSSIER_FIELD_REF:
      return FIELD_INT (self, field) <= 0 ? NULL
             : g_strdup_printf ("%" G_GINT64_FORMAT, FIELD_INT (self, field));
    case DOSSIER_FIELD_REAL:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        if (isnan (FIELD_REAL (self, field)))
          return NULL;
        return g_strdup (g_ascii_dtostr (buf, sizeof buf, FIELD_REAL (self, field)));
      }
    default:
      g_assert_not_reached ();
    }
}

/**
 * dossier_record_set_string:
 * @self: a #DossierRecord
 * @field: one of its fields
 * @value: (nullable): the value as text; %NULL unsets it
 *
 * Sets a field in memory from its text form; nothing is written until
 * dossier_store_update(). Numbers that do not parse become unset.
 */
void
dossier_record_set_string (DossierRecord      *self,
                           const DossierField *field,
                           const char         *value)
{
  g_return_if_fail (DOSSIER_IS_RECORD (self));
  g_return_if_fail (field != NULL);

  switch (field->type)
    {
    case DOSSIER_FIELD_TEXT:
    case DOSSIER_FIELD_EDTF:
      g_free (FIELD_STR (self, field));
      FIELD_STR (self, field) = g_strdup (value ? value : "");
      break;
    case DOSSIER_FIELD_NTEXT:
      /* An empty vocabulary code means none; other optional texts keep "" apart from NULL. */
      g_free (FIELD_STR (self, field));
      FIELD_STR (self, field) = (value && (*value || field->vocab == NULL)) ? g_strdup (value) : NULL;
      break;
    case DOSSIER_FIELD_INT:
    case DOSSIER_FIELD_REF:
      {
        gint64 v;
        if (value && g_ascii_string_to_signed (value, 10, 0, G_MAXINT64, &v, NULL))
          FIELD_INT (self, field) = v;
        else
          FIELD_INT (self, field) = field->type == DOSSIER_FIELD_INT ? -1 : 0;
      }
      break;
    case DOSSIER_FIELD_REAL:
      {
        char *end = NULL;
        double v = value ? g_ascii_strtod (value, &end) : NAN;
        FIELD_REAL (self, field) = (value && end && *end == '\0' && end != value && isfinite (v)) ? v : NAN;
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

gboolean
dossier_record_field_equal (DossierRecord      *a,
                            DossierRecord      *b,
                            const DossierField *field)
{
  switch (field->type)
    {
    case DOSSIER_FIELD_TEXT:
    case DOSSIER_FIELD_NTEXT:
    case DOSSIER_FIELD_EDTF:
      return g_strcmp0 (FIELD_STR (a, field), FIELD_STR (b, field)) == 0;
    case DOSSIER_FIELD_INT:
      return MAX (FIELD_INT (a, field), -1) == MAX (FIELD_INT (b, field), -1);
    case DOSSIER_FIELD_REF:
      return MAX (FIELD_INT (a, field), 0) == MAX (FIELD_INT (b, field), 0);
    case DOSSIER_FIELD_REAL:
      {
        double x = FIELD_REAL (a, field), y = FIELD_REAL (b, field);
        return (isnan (x) && isnan (y)) || x == y;
      }
    default:
      g_assert_not_reached ();
    }
}

char *
_dossier_record_select_sql (const DossierRecordInfo *info)
{
  GString *sql = g_string_new ("SELECT id, uuid, ");

  g_string_append (sql, info->code_prefix ? "code" : "NULL");
  g_string_append (sql, ", created_at, updated_at");
  for (guint i = 0; i < info->n_fields; i++)
    g_string_append_printf (sql, ", %s", info->fields[i].name);
  g_string_append_printf (sql, " FROM %s", info->table);
  return g_string_free (sql, FALSE);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

void
_dossier_record_read_row (DossierRecord *self,
                          sqlite3_stmt  *stmt)
{
  const DossierRecordInfo *info = self->info;

  self->id = sqlite3_column_int64 (stmt, 0);
  g_free (self->uuid);
  self->uuid = column_dup (stmt, 1);
  g_free (self->code);
  self->code = column_dup (stmt, 2);
  g_free (self->created_at);
  self->created_at = column_dup (stmt, 3);
  g_free (self->updated_at);
  self->updated_at = column_dup (stmt, 4);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const DossierField *f = &info->fields[i];
      int col = 5 + i;
      gboolean null = sqlite3_column_type (stmt, col) == SQLITE_NULL;

      switch (f->type)
        {
        case DOSSIER_FIELD_TEXT:
        case DOSSIER_FIELD_EDTF:
          g_free (FIELD_STR (self, f));
          FIELD_STR (self, f) = g_strdup (null ? "" : (const char *) sqlite3_column_text (stmt, col));
          break;
        case DOSSIER_FIELD_NTEXT:
          g_free (FIELD_STR (self, f));
          FIELD_STR (self, f) = null ? NULL : column_dup (stmt, col);
          break;
        case DOSSIER_FIELD_INT:
          FIELD_INT (self, f) = null ? -1 : sqlite3_column_int64 (stmt, col);
          break;
        case DOSSIER_FIELD_REF:
          FIELD_INT (self, f) = null ? 0 : sqlite3_column_int64 (stmt, col);
          break;
        case DOSSIER_FIELD_REAL:
          FIELD_REAL (self, f) = null ? NAN : sqlite3_column_double (stmt, col);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static void
bind_field (sqlite3_stmt       *stmt,
            int                 param,
            DossierRecord      *self,
            const DossierField *f)
{
  switch (f->type)
    {
    case DOSSIER_FIELD_TEXT:
    case DOSSIER_FIELD_EDTF:
      sqlite3_bind_text (stmt, param, FIELD_STR (self, f) ? FIELD_STR (self, f) : "", -1, SQLITE_STATIC);
      break;
    case DOSSIER_FIELD_NTEXT:
      if (FIELD_STR (self, f) && (*FIELD_STR (self, f) || f->vocab == NULL))
        sqlite3_bind_text (stmt, param, FIELD_STR (self, f), -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, param);
      break;
    case DOSSIER_FIELD_INT:
      if (FIELD_INT (self, f) >= 0)
        sqlite3_bind_int64 (stmt, param, FIELD_INT (self, f));
      else
        sqlite3_bind_null (stmt, param);
      break;
    case DOSSIER_FIELD_REF:
      if (FIELD_INT (self, f) > 0)
        sqlite3_bind_int64 (stmt, param, FIELD_INT (self, f));
      else
        sqlite3_bind_null (stmt, param);
      break;
    case DOSSIER_FIELD_REAL:
      if (!isnan (FIELD_REAL (self, f)))
        sqlite3_bind_double (stmt, param, FIELD_REAL (self, f));
      else
        sqlite3_bind_null (stmt, param);
      break;
    default:
      g_assert_not_reached ();
    }
}

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

static gboolean
check_texts (DossierRecord  *self,
             DossierRecord  *old,
             GError        **error)
{
  const DossierRecordInfo *info = self->info;

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
static gboolean
validate (DossierStore   *store,
          DossierRecord  *self,
          guint32        *date_start,
          guint32        *date_end,
          GError        **error)
{
  const DossierRecordInfo *info = self->info;

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
          if (v != NULL && *v != '\0' && !_dossier_store_check_vocab (store, f->vocab, v, error))
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

static void
bind_dates (sqlite3_stmt *stmt,
            int           param,
            guint32       start,
            guint32       end)
{
  if (start > 0)
    sqlite3_bind_int64 (stmt, param, start);
  else
    sqlite3_bind_null (stmt, param);
  if (end > 0)
    sqlite3_bind_int64 (stmt, param + 1, end);
  else
    sqlite3_bind_null (stmt, param + 1);
}

/**
 * dossier_store_insert:
 * @store: a #DossierStore
 * @record: a new record (id 0)
 * @error: return location for a #GError
 *
 * Inserts @record in one transaction with its extra parts and an audit entry. A record
 * without uuid, code or timestamps gets new ones; given ones (from an import) are kept.
 *
 * Returns: %TRUE on success; @record's id is then set
 */
gboolean
dossier_store_insert (DossierStore   *store,
                      DossierRecord  *record,
                      GError        **error)
{
  const DossierRecordInfo *info;
  g_autoptr(GString) sql = NULL;
  g_autofree char *now = dossier_now_iso8601 ();
  gboolean had_uuid, had_code, had_created, had_updated;
  guint32 date_start, date_end;
  sqlite3_stmt *stmt;
  int param;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (DOSSIER_IS_RECORD (record), FALSE);
  g_return_val_if_fail (record->id == 0, FALSE);

  info = record->info;
  had_uuid = record->uuid != NULL;
  had_code = record->code != NULL;
  had_created = record->created_at != NULL;
  had_updated = record->updated_at != NULL;

  if (!validate (store, record, &date_start, &date_end, error) || !check_texts (record, NULL, error))
    return FALSE;
  if (had_code && info->code_prefix != NULL && !dossier_record_check_code (info, record->code, error))
    return FALSE;
  if (!dossier_store_begin (store, error))
    return FALSE;

  if (!had_uuid)
    record->uuid = dossier_new_uuid ();
  if (!had_created)
    record->created_at = g_strdup (now);
  if (!had_updated)
    record->updated_at = g_strdup (record->created_at);
  if (!had_code && info->code_prefix != NULL)
    {
      record->code = _dossier_store_next_code (store, info->code_prefix, info->code_digits, error);
      if (record->code == NULL)
        goto fail;
    }

  sql = g_string_new (NULL);
  g_string_append_printf (sql, "INSERT INTO %s (uuid, created_at, updated_at", info->table);
  if (info->code_prefix)
    g_string_append (sql, ", code");
  if (info->derives_dates)
    g_string_append (sql, ", date_start, date_end");
  for (guint i = 0; i < info->n_fields; i++)
    g_string_append_printf (sql, ", %s", info->fields[i].name);
  g_string_append (sql, ") VALUES (?, ?, ?");
  if (info->code_prefix)
    g_string_append (sql, ", ?");
  if (info->derives_dates)
    g_string_append (sql, ", ?, ?");
  for (guint i = 0; i < info->n_fields; i++)
    g_string_append (sql, ", ?");
  g_string_append (sql, ")");

  stmt = _dossier_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, record->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, record->created_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, record->updated_at, -1, SQLITE_STATIC);
  param = 4;
  if (info->code_prefix)
    sqlite3_bind_text (stmt, param++, record->code, -1, SQLITE_STATIC);
  if (info->derives_dates)
    {
      bind_dates (stmt, param, date_start, date_end);
      param += 2;
    }
  for (guint i = 0; i < info->n_fields; i++)
    bind_field (stmt, param++, record, &info->fields[i]);

  if (!_dossier_store_step_done (store, stmt, error))
    goto fail;
  record->id = sqlite3_last_insert_rowid (dossier_store_get_db (store));

  if (info->save_extra && !info->save_extra (store, record, TRUE, error))
    goto fail;
  if (!info->not_audited &&
      !_dossier_store_audit (store, "create", info->table, record->uuid, NULL, NULL,
                             record->code, error))
    goto fail;
  if (!dossier_store_commit (store, error))
    goto undo;
  return TRUE;

fail:
  dossier_store_rollback (store);
undo:
  record->id = 0;
  if (!had_uuid)
    g_clear_pointer (&record->uuid, g_free);
  if (!had_code)
    g_clear_pointer (&record->code, g_free);
  if (!had_created)
    g_clear_pointer (&record->created_at, g_free);
  if (!had_updated)
    g_clear_pointer (&record->updated_at, g_free);
  return FALSE;
}

static DossierRecord *
new_like (DossierRecord *record)
{
  DossierRecord *copy = g_object_new (G_OBJECT_TYPE (record), NULL);

  /* Links share one type for several tables: the description tells which. */
  copy->info = record->info;
  return copy;
}

/**
 * dossier_store_reload:
 * @store: a #DossierStore
 * @record: a record with its id set
 * @error: return location for a #GError
 *
 * Reads @record's fields again from the dossier.
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_store_reload (DossierStore   *store,
                      DossierRecord  *record,
                      GError        **error)
{
  g_autofree char *select = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (DOSSIER_IS_RECORD (record), FALSE);

  select = _dossier_record_select_sql (record->info);
  sql = g_strconcat (select, " WHERE id = ?1", NULL);
  stmt = _dossier_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    _dossier_record_read_row (record, stmt);
  else if (rc != SQLITE_DONE)
    _dossier_store_set_error (store, error);
  else
    g_set_error_literal (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                         _("The record is not in this dossier: it may have been deleted"));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return FALSE;

  if (record->info->load_extra)
    return record->info->load_extra (store, record, error);
  return TRUE;
}

/**
 * dossier_store_update:
 * @store: a #DossierStore
 * @record: a record, changed in memory
 * @error: return location for a #GError
 *
 * Writes the fields of @record that differ from the dossier, with one audit entry per
 * changed field, and its extra parts, in one transaction. Nothing changed: nothing written.
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_store_update (DossierStore   *store,
                      DossierRecord  *record,
                      GError        **error)
{
  const DossierRecordInfo *info;
  g_autoptr(DossierRecord) old = NULL;
  g_autoptr(GString) sql = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  g_autofree char *now = NULL;
  guint32 date_start, date_end;
  gboolean dates_changed = FALSE;
  sqlite3_stmt *stmt;
  int param = 1;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (DOSSIER_IS_RECORD (record), FALSE);
  g_return_val_if_fail (record->id > 0, FALSE);

  info = record->info;
  if (!validate (store, record, &date_start, &date_end, error))
    return FALSE;
  if (!dossier_store_begin (store, error))
    return FALSE;

  old = new_like (record);
  old->id = record->id;
  if (!dossier_store_reload (store, old, error))
    goto fail;

  changed = g_ptr_array_new ();
  for (guint i = 0; i < info->n_fields; i++)
    if (!dossier_record_field_equal (record, old, &info->fields[i]))
      {
        g_ptr_array_add (changed, (gpointer) &info->fields[i]);
        dates_changed |= info->fields[i].type == DOSSIER_FIELD_EDTF;
      }

  /* Only what changes: a value written before the limits stays editable around. */
  if (!check_texts (record, old, error))
    goto fail;

  now = dossier_now_iso8601 ();
  if (changed->len > 0)
    {
      sql = g_string_new (NULL);
      g_string_append_printf (sql, "UPDATE %s SET updated_at = ?", info->table);
      for (guint i = 0; i < changed->len; i++)
        g_string_append_printf (sql, ", %s = ?", ((DossierField *) changed->pdata[i])->name);
      if (info->derives_dates && dates_changed)
        g_string_append (sql, ", date_start = ?, date_end = ?");
      g_string_append (sql, " WHERE id = ?");

      stmt = _dossier_store_prepare (store, sql->str, error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, param++, now, -1, SQLITE_STATIC);
      for (guint i = 0; i < changed->len; i++)
        bind_field (stmt, param++, record, changed->pdata[i]);
      if (info->derives_dates && dates_changed)
        {
          bind_dates (stmt, param, date_start, date_end);
          param += 2;
        }
      sqlite3_bind_int64 (stmt, param, record->id);
      if (!_dossier_store_step_done (store, stmt, error))
        goto fail;

      for (guint i = 0; i < changed->len; i++)
        {
          const DossierField *f = changed->pdata[i];
          g_autofree char *before = dossier_record_get_string (old, f);
          g_autofree char *after = dossier_record_get_string (record, f);

          if (!info->not_audited &&
              !_dossier_store_audit (store, "update", info->table, record->uuid, f->name,
                                     before, after, error))
            goto fail;
        }
    }

  if (info->save_extra && !info->save_extra (store, record, FALSE, error))
    goto fail;
  if (!dossier_store_commit (store, error))
    return FALSE;

  if (changed->len > 0)
    {
      g_free (record->updated_at);
      record->updated_at = g_steal_pointer (&now);
    }
  return TRUE;

fail:
  dossier_store_rollback (store);
  return FALSE;
}

/**
 * dossier_store_delete:
 * @store: a #DossierStore
 * @record: a stored record
 * @error: return location for a #GError
 *
 * Deletes @record; its links and extra parts go with it (foreign keys cascade).
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_store_delete (DossierStore   *store,
                      DossierRecord  *record,
                      GError        **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (DOSSIER_IS_RECORD (record), FALSE);
  g_return_val_if_fail (record->id > 0, FALSE);

  if (!dossier_store_begin (store, error))
    return FALSE;
  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", record->info->table);
  stmt = _dossier_store_prepare (store, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, record->id);
  if (!_dossier_store_step_done (store, stmt, error))
    goto fail;
  if (sqlite3_changes (dossier_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                           _("The record is not in this dossier: it may have been deleted"));
      goto fail;
    }
  if (!record->info->not_audited &&
      !_dossier_store_audit (store, "delete", record->info->table, record->uuid, NULL,
                             record->code, NULL, error))
    goto fail;
  if (!dossier_store_commit (store, error))
    return FALSE;
  record->id = 0;
  return TRUE;

fail:
  dossier_store_rollback (store);
  return FALSE;
}

static gpointer
load_where (DossierStore  *store,
            GType          type,
            const char    *column,
            sqlite3_stmt *(*bind) (sqlite3_stmt *, gconstpointer),
            gconstpointer  key,
            const char    *shown_key,
            GError       **error)
{
  g_autoptr(DossierRecord) record = NULL;
  g_autofree char *select = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (type, DOSSIER_TYPE_RECORD), NULL);

  record = g_object_new (type, NULL);
  g_assert (record->info != NULL);
  select = _dossier_record_select_sql (record->info);
  sql = g_strdup_printf ("%s WHERE %s = ?1", select, column);
  stmt = _dossier_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  bind (stmt, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    _dossier_record_read_row (record, stmt);
  else if (rc != SQLITE_DONE)
    _dossier_store_set_error (store, error);
  else
    /* Translators: %s is a code such as INC-0001, or a number */
    g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                 _("“%s” is not in this dossier"), shown_key);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return NULL;
  if (record->info->load_extra && !record->info->load_extra (store, record, error))
    return NULL;
  return g_steal_pointer (&record);
}

static sqlite3_stmt *
bind_id (sqlite3_stmt  *stmt,
         gconstpointer  key)
{
  sqlite3_bind_int64 (stmt, 1, *(const gint64 *) key);
  return stmt;
}

static sqlite3_stmt *
bind_text (sqlite3_stmt  *stmt,
           gconstpointer  key)
{
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  return stmt;
}

/**
 * dossier_store_load:
 * @store: a #DossierStore
 * @type: a #DossierRecord subtype
 * @id: its id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (type DossierRecord): the record, or %NULL
 */
gpointer
dossier_store_load (DossierStore  *store,
                    GType          type,
                    gint64         id,
                    GError       **error)
{
  g_autofree char *shown = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  return load_where (store, type, "id", bind_id, &id, shown, error);
}

gpointer
dossier_store_load_by_code (DossierStore  *store,
                            GType          type,
                            const char    *code,
                            GError       **error)
{
  g_return_val_if_fail (code != NULL, NULL);
  return load_where (store, type, "code", bind_text, code, code, error);
}

gpointer
dossier_store_load_by_uuid (DossierStore  *store,
                            GType          type,
                            const char    *uuid,
                            GError       **error)
{
  g_return_val_if_fail (uuid != NULL, NULL);
  return load_where (store, type, "uuid", bind_text, uuid, uuid, error);
}

static DossierRecord *
new_of_type (gpointer data)
{
  return g_object_new ((GType) GPOINTER_TO_SIZE (data), NULL);
}

/**
 * dossier_store_foreach:
 * @store: a #DossierStore
 * @type: a #DossierRecord subtype
 * @where: (nullable): an SQL condition on the table's columns, written by core code only
 * @func: called with each record, in id order
 * @user_data: for @func
 * @error: return location for a #GError
 *
 * Returns: %TRUE if every record was visited
 */
gboolean
dossier_store_foreach (DossierStore       *store,
                       GType               type,
                       const char         *where,
                       DossierRecordFunc   func,
                       gpointer            user_data,
                       GError            **error)
{
  return dossier_store_foreach_with (store, new_of_type, GSIZE_TO_POINTER (type), where,
                                     func, user_data, error);
}

gboolean
dossier_store_foreach_with (DossierStore       *store,
                            DossierRecord    *(*new_func) (gpointer new_data),
                            gpointer            new_data,
                            const char         *where,
                            DossierRecordFunc   func,
                            gpointer            user_data,
                            GError            **error)
{
  g_autoptr(DossierRecord) probe = new_func (new_data);
  g_autofree char *select = _dossier_record_select_sql (probe->info);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);

  sql = g_strdup_printf ("%s%s%s ORDER BY id", select, where ? " WHERE " : "", where ? where : "");
  /* Not the cached statement: @func may well use the store, even this same query. */
  if (sqlite3_prepare_v2 (dossier_store_get_db (store), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _dossier_store_set_error (store, error);
      return FALSE;
    }
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(DossierRecord) record = new_func (new_data);

      _dossier_record_read_row (record, stmt);
      if (record->info->load_extra && !record->info->load_extra (store, record, error))
        ok = FALSE;
      else
        ok = func (record, user_data, error);
    }
  if (ok && rc != SQLITE_DONE)
    {
      _dossier_store_set_error (store, error);
      ok = FALSE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

static gint64
id_for (DossierStore *store,
        const char   *table,
        const char   *column,
        const char   *value)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), 0);
  if (value == NULL)
    return 0;

  sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?1", table, column);
  stmt = _dossier_store_prepare (store, sql, NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

gint64
dossier_store_id_for_uuid (DossierStore *store,
                           const char   *table,
                           const char   *uuid)
{
  return id_for (store, table, "uuid", uuid);
}

gint64
dossier_store_id_for_code (DossierStore *store,
                           const char   *table,
                           const char   *code)
{
  return id_for (store, table, "code", code);
}

char *
dossier_store_uuid_for_id (DossierStore *store,
                           const char   *table,
                           gint64        id)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  char *uuid = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);
  if (id <= 0)
    return NULL;

  sql = g_strdup_printf ("SELECT uuid FROM %s WHERE id = ?1", table);
  stmt = _dossier_store_prepare (store, sql, NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return uuid;
}

/* Sets of vocabulary codes held in a side table (an incident's violation types, a
 * testimony's tags): loaded sorted, and rewritten only when they changed, audited as one
 * field. @table has the columns @owner_column and @value_column. */
gboolean
_dossier_store_load_set (DossierStore  *store,
                         const char    *table,
                         const char    *owner_column,
                         const char    *value_column,
                         gint64         owner_id,
                         GStrv         *out,
                         GError       **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s = ?1 ORDER BY 1",
                                          value_column, table, owner_column);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _dossier_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, owner_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _dossier_store_set_error (store, error);
      return FALSE;
    }
  g_strfreev (*out);
  *out = g_strv_builder_end (builder);
  return TRUE;
}

static char *
joined_sorted (const char * const *values)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  for (guint i = 0; values && values[i]; i++)
    g_ptr_array_add (sorted, (gpointer) values[i]);
  g_ptr_array_sort (sorted, dossier_compare_strings);
  g_ptr_array_add (sorted, NULL);
  return g_strjoinv (",", (char **) sorted->pdata);
}

gboolean
_dossier_store_save_set (DossierStore        *store,
                         DossierRecord       *owner,
                         const char          *table,
                         const char          *owner_column,
                         const char          *value_column,
                         const char          *vocab,
                         const char * const  *values,
                         gboolean             is_new,
                         GError             **error)
{
  g_auto(GStrv) old = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  g_autofree char *delete_sql = NULL;
  g_autofree char *insert_sql = NULL;
  sqlite3_stmt *stmt;

  for (guint i = 0; values && values[i]; i++)
    if (!_dossier_store_check_vocab (store, vocab, values[i], error))
      return FALSE;

  if (!is_new && !_dossier_store_load_set (store, table, owner_column, value_column,
                                           owner->id, &old, error))
    return FALSE;
  old_text = joined_sorted ((const char * const *) old);
  new_text = joined_sorted (values);
  if (g_str_equal (old_text, new_text))
    return TRUE;

  delete_sql = g_strdup_printf ("DELETE FROM %s WHERE %s = ?1", table, owner_column);
  stmt = _dossier_store_prepare (store, delete_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, owner->id);
  if (!_dossier_store_step_done (store, stmt, error))
    return FALSE;

  insert_sql = g_strdup_printf ("INSERT OR IGNORE INTO %s (%s, %s) VALUES (?1, ?2)",
                                table, owner_column, value_column);
  stmt = _dossier_store_prepare (store, insert_sql, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; values && values[i]; i++)
    {
      sqlite3_bind_int64 (stmt, 1, owner->id);
      sqlite3_bind_text (stmt, 2, values[i], -1, SQLITE_STATIC);
      if (!_dossier_store_step_done (store, stmt, error))
        return FALSE;
    }

  if (is_new)
    return TRUE;
  return _dossier_store_audit (store, "update", owner->info->table, owner->uuid, table,
                               old_text, new_text, error);
}

/**
 * dossier_store_count_records:
 * @store: a #DossierStore
 * @type: a #DossierRecord subtype
 * @error: return location for a #GError
 *
 * Returns: the number of records of @type, or -1 on error
 */
gint64
dossier_store_count_records (DossierStore  *store,
                             GType          type,
                             GError       **error)
{
  g_autoptr(DossierRecord) probe = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 n = -1;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), -1);
  g_return_val_if_fail (g_type_is_a (type, DOSSIER_TYPE_RECORD), -1);

  probe = g_object_new (type, NULL);
  sql = g_strdup_printf ("SELECT count(*) FROM %s", probe->info->table);
  stmt = _dossier_store_prepare (store, sql, error);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    _dossier_store_set_error (store, error);
  sqlite3_reset (stmt);
  return n;
}

/**
 * dossier_store_load_page:
 * @store: a #DossierStore
 * @type: a #DossierRecord subtype
 * @order_by: (nullable): a field of @type, or "code" (by the code's number), "created_at";
 *   %NULL for id order
 * @descending: sort order
 * @offset: rows to skip
 * @limit: at most this many rows
 * @error: return location for a #GError
 *
 * One page of records in a stable order (ties broken by id), for lists that never hold a
 * whole table.
 *
 * Returns: (transfer full) (element-type DossierRecord): the records, or %NULL
 */
GPtrArray *
dossier_store_load_page (DossierStore  *store,
                         GType          type,
                         const char    *order_by,
                         gboolean       descending,
                         guint          offset,
                         guint          limit,
                         GError       **error)
{
  g_autoptr(DossierRecord) probe = NULL;
  g_autofree char *select = NULL;
  g_autofree char *sql = NULL;
  const char *dir = descending ? "DESC" : "ASC";
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (type, DOSSIER_TYPE_RECORD), NULL);

  probe = g_object_new (type, NULL);
  if (order_by != NULL && !g_str_equal (order_by, "code") && !g_str_equal (order_by, "created_at") &&
      dossier_record_find_field (probe->info, order_by) == NULL)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                   "no column %s in %s", order_by, probe->info->table);
      return NULL;
    }
  /* Incidents sort by their derived day, not by the EDTF text; codes by their number. */
  if (g_strcmp0 (order_by, "date_edtf") == 0)
    order_by = "date_start";
  else if (g_strcmp0 (order_by, "code") == 0)
    order_by = DOSSIER_CODE_NUMBER_SQL ("code");

  select = _dossier_record_select_sql (probe->info);
  if (order_by != NULL)
    sql = g_strdup_printf ("%s ORDER BY %s %s, id %s LIMIT ?1 OFFSET ?2", select, order_by, dir, dir);
  else
    sql = g_strdup_printf ("%s ORDER BY id %s LIMIT ?1 OFFSET ?2", select, dir);

  stmt = _dossier_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit);
  sqlite3_bind_int64 (stmt, 2, offset);
  return _dossier_record_read_page (store, stmt, type, error);
}

/* Steps @stmt (bound, selecting _dossier_record_select_sql()'s columns) to the end, making
 * a record of @type per row, then loads their extra parts. */
GPtrArray *
_dossier_record_read_page (DossierStore  *store,
                           sqlite3_stmt  *stmt,
                           GType          type,
                           GError       **error)
{
  g_autoptr(GPtrArray) page = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierRecord *record = g_object_new (type, NULL);

      _dossier_record_read_row (record, stmt);
      g_ptr_array_add (page, record);
    }
  /* Before the extras are loaded: they use statements of their own, and a finished
   * statement should not keep its read transaction open meanwhile. */
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _dossier_store_set_error (store, error);
      return NULL;
    }
  for (guint i = 0; i < page->len; i++)
    {
      DossierRecord *record = page->pdata[i];
      if (record->info->load_extra && !record->info->load_extra (store, record, error))
        return NULL;
    }
  return g_steal_pointer (&page);
}

/**
 * dossier_store_position_by_code:
 * @store: a #DossierStore
 * @type: a #DossierRecord subtype with codes
 * @code: a code of that kind
 * @error: return location for a #GError
 *
 * Returns: the position of the record in the list of @type sorted by code, or -1 (with
 *   @error set) when there is no such record
 */
gint64
dossier_store_position_by_code (DossierStore  *store,
                                GType          type,
                                const char    *code,
                                GError       **error)
{
  g_autoptr(DossierRecord) probe = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 position = -1;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), -1);
  g_return_val_if_fail (code != NULL, -1);

  probe = g_object_new (type, NULL);
  g_return_val_if_fail (probe->info->code_prefix != NULL, -1);
  if (dossier_store_id_for_code (store, probe->info->table, code) == 0)
    {
      /* Translators: %s is a code such as INC-0001, or a number */
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                   _("“%s” is not in this dossier"), code);
      return -1;
    }
  /* In the lists' order: by the code's number, then by id (see DOSSIER_CODE_NUMBER_SQL);
   * the index on the number answers both counts without reading the rows. */
  sql = g_strdup_printf ("SELECT (SELECT count(*) FROM %1$s WHERE " DOSSIER_CODE_NUMBER_SQL ("code") " < n.number) "
                         "+ (SELECT count(*) FROM %1$s WHERE " DOSSIER_CODE_NUMBER_SQL ("code") " = n.number AND id < n.id) "
                         "FROM (SELECT id, " DOSSIER_CODE_NUMBER_SQL ("code") " AS number FROM %1$s WHERE code = ?1) n",
                         probe->info->table);
  stmt = _dossier_store_prepare (store, sql, error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    position = sqlite3_column_int64 (stmt, 0);
  else
    _dossier_store_set_error (store, error);
  sqlite3_reset (stmt);
  return position;
}

/**
 * dossier_record_collect:
 * @record: a record, as dossier_store_foreach() gives it
 * @array: (element-type DossierRecord): where to keep it
 * @error: unused
 *
 * Returns: %TRUE, to go on
 */
gboolean
dossier_record_collect (DossierRecord  *record,
                        gpointer        array,
                        GError        **error)
{
  g_ptr_array_add (array, g_object_ref (record));
  return TRUE;
}
