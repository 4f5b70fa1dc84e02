/* dossier-record.c: the base of every record: its properties, made from the field table,
 * and the one path by which a field changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each kind of record describes its columns once (a DossierRecordInfo). Its properties are
 * made from that description here; insert, update with per-field audit and delete are
 * written once for all kinds in dossier-record-write.c, load and iteration in
 * dossier-record-read.c, and the checks of what may be stored in dossier-record-checks.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "dossier-edtf.h"
#include "dossier-store-private.h"
#include "dossier-record-private.h"

G_DEFINE_TYPE_WITH_PRIVATE (DossierRecord, dossier_record, G_TYPE_OBJECT)

#define P(record) ((DossierRecordPrivate *) dossier_record_get_instance_private (record))

#define FIELD_STR(rec, f) DOSSIER_FIELD_STR (rec, f)
#define FIELD_INT(rec, f) DOSSIER_FIELD_INT (rec, f)
#define FIELD_REAL(rec, f) DOSSIER_FIELD_REAL (rec, f)
#define field_is_text dossier_field_is_text

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_CODE,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_record_finalize (GObject *object)
{
  DossierRecord *self = DOSSIER_RECORD (object);

  if (P (self)->info != NULL)
    for (guint i = 0; i < P (self)->info->n_fields; i++)
      if (field_is_text (&P (self)->info->fields[i]))
        g_clear_pointer (&FIELD_STR (self, &P (self)->info->fields[i]), g_free);

  g_clear_pointer (&P (self)->uuid, g_free);
  g_clear_pointer (&P (self)->code, g_free);
  g_clear_pointer (&P (self)->created_at, g_free);
  g_clear_pointer (&P (self)->updated_at, g_free);

  G_OBJECT_CLASS (dossier_record_parent_class)->finalize (object);
}

static void
dossier_record_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DossierRecord *self = DOSSIER_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, P (self)->id);
      break;
    case PROP_UUID:
      g_value_set_string (value, P (self)->uuid);
      break;
    case PROP_CODE:
      g_value_set_string (value, P (self)->code);
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, P (self)->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_string (value, P (self)->updated_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_record_class_init (DossierRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_record_finalize;
  object_class->get_property = dossier_record_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_record_init (DossierRecord *self)
{
}

/* The field of @self's own table that @pspec was made from: a DossierLink's "incident_id"
 * is its left field for one kind, its right one for another. */
static const DossierField *
field_of_pspec (DossierRecord *self,
                GParamSpec    *pspec)
{
  GHashTable *pspecs = DOSSIER_RECORD_GET_CLASS (self)->field_pspecs;
  const DossierRecordInfo *info = P (self)->info;

  for (guint i = 0; info != NULL && i < info->n_fields; i++)
    if (g_hash_table_lookup (pspecs, &info->fields[i]) == pspec)
      return &info->fields[i];
  return NULL;
}

static void
field_get_property (GObject    *object,
                    guint       prop_id,
                    GValue     *value,
                    GParamSpec *pspec)
{
  DossierRecord *self = DOSSIER_RECORD (object);
  const DossierField *field = field_of_pspec (self, pspec);

  /* A link kind without this column: the property keeps its default. */
  if (field == NULL)
    {
      g_param_value_set_default (pspec, value);
      return;
    }
  switch (field->type)
    {
    case DOSSIER_FIELD_TEXT:
    case DOSSIER_FIELD_NTEXT:
    case DOSSIER_FIELD_EDTF:
      g_value_set_string (value, FIELD_STR (self, field));
      break;
    case DOSSIER_FIELD_INT:
    case DOSSIER_FIELD_REF:
      g_value_set_int64 (value, FIELD_INT (self, field));
      break;
    case DOSSIER_FIELD_REAL:
      g_value_set_double (value, FIELD_REAL (self, field));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
field_set_property (GObject      *object,
                    guint         prop_id,
                    const GValue *value,
                    GParamSpec   *pspec)
{
  DossierRecord *self = DOSSIER_RECORD (object);
  const DossierField *field = field_of_pspec (self, pspec);

  if (field == NULL)
    {
      g_warning ("%s has no field “%s” in its table %s", G_OBJECT_TYPE_NAME (object),
                 pspec->name, P (self)->info ? P (self)->info->table : "(none)");
      return;
    }
  dossier_record_set_field (self, field, value);
}

/* Not G_PARAM_STATIC_NAME: GLib writes "title_fr" as "title-fr", a copy of its own. */
#define FIELD_PARAM_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_NICK | G_PARAM_STATIC_BLURB)

static GParamSpec *
pspec_for_field (const DossierField *f)
{
  /* Numbers and reals take any value: what is stored is checked when it is written. */
  switch (f->type)
    {
    case DOSSIER_FIELD_TEXT:
    case DOSSIER_FIELD_EDTF:
      return g_param_spec_string (f->name, NULL, NULL, "",
                                  FIELD_PARAM_FLAGS);
    case DOSSIER_FIELD_NTEXT:
      return g_param_spec_string (f->name, NULL, NULL, NULL,
                                  FIELD_PARAM_FLAGS);
    case DOSSIER_FIELD_INT:
      return g_param_spec_int64 (f->name, NULL, NULL, G_MININT64, G_MAXINT64, -1,
                                 FIELD_PARAM_FLAGS);
    case DOSSIER_FIELD_REF:
      return g_param_spec_int64 (f->name, NULL, NULL, G_MININT64, G_MAXINT64, 0,
                                 FIELD_PARAM_FLAGS);
    case DOSSIER_FIELD_REAL:
      /* NAN (unknown) cannot be a GParamSpecDouble's default. */
      return g_param_spec_double (f->name, NULL, NULL, -INFINITY, INFINITY, 0,
                                  FIELD_PARAM_FLAGS);
    default:
      g_assert_not_reached ();
    }
}

/**
 * _dossier_record_class_install_fields:
 * @klass: a record type's class, in its class_init
 * @infos: (array length=n_infos): the tables its instances describe themselves with
 * @n_infos: how many
 *
 * Makes one property of every field, the only place where properties of records are made:
 * a column added to a table is a property without any other code.
 */
void
_dossier_record_class_install_fields (DossierRecordClass      *klass,
                                      const DossierRecordInfo *infos,
                                      guint                    n_infos)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  guint prop_id = 1;

  g_assert (klass->field_pspecs == NULL);

  object_class->get_property = field_get_property;
  object_class->set_property = field_set_property;
  klass->field_pspecs = g_hash_table_new (NULL, NULL);

  for (guint k = 0; k < n_infos; k++)
    for (guint i = 0; i < infos[k].n_fields; i++)
      {
        const DossierField *f = &infos[k].fields[i];
        GParamSpec *pspec = g_object_class_find_property (object_class, f->name);

        /* A vocabulary term's own "code" shadows the record's, which terms do not have. */
        if (pspec == NULL || pspec->owner_type != G_TYPE_FROM_CLASS (klass))
          {
            pspec = pspec_for_field (f);
            g_object_class_install_property (object_class, prop_id++, pspec);
          }
        g_hash_table_insert (klass->field_pspecs, (gpointer) f, pspec);
      }
}

/* Called by each subclass's init: sets the description and the empty defaults, which the
 * subclass may then override. */
void
_dossier_record_set_info (DossierRecord           *self,
                          const DossierRecordInfo *info)
{
  P (self)->info = info;
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
 * Sets a field in memory from its text form, through dossier_record_set_field(); nothing
 * is written until dossier_store_update(). Numbers that do not parse become unset.
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
    case DOSSIER_FIELD_NTEXT:
    case DOSSIER_FIELD_EDTF:
      dossier_record_set_text (self, field, value);
      break;
    case DOSSIER_FIELD_INT:
    case DOSSIER_FIELD_REF:
      {
        gint64 v;
        if (value && g_ascii_string_to_signed (value, 10, 0, G_MAXINT64, &v, NULL))
          dossier_record_set_int (self, field, v);
        else
          dossier_record_set_int (self, field, field->type == DOSSIER_FIELD_INT ? -1 : 0);
      }
      break;
    case DOSSIER_FIELD_REAL:
      {
        char *end = NULL;
        double v = value ? g_ascii_strtod (value, &end) : NAN;
        dossier_record_set_real (self, field,
                                 (value && end && *end == '\0' && end != value && isfinite (v)) ? v : NAN);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

/**
 * dossier_record_field:
 * @self: a #DossierRecord
 * @name: a column of its table
 *
 * Returns: (nullable): the field called @name in @self's table, to look up once and use
 *   with the typed getters
 */
const DossierField *
dossier_record_field (DossierRecord *self,
                      const char    *name)
{
  g_return_val_if_fail (DOSSIER_IS_RECORD (self), NULL);
  return dossier_record_find_field (P (self)->info, name);
}

/**
 * dossier_record_field_pspec:
 * @self: a #DossierRecord
 * @field: one of its fields
 *
 * Returns: (transfer none): the property made from @field
 */
GParamSpec *
dossier_record_field_pspec (DossierRecord      *self,
                            const DossierField *field)
{
  GHashTable *pspecs;

  g_return_val_if_fail (DOSSIER_IS_RECORD (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  pspecs = DOSSIER_RECORD_GET_CLASS (self)->field_pspecs;
  return pspecs != NULL ? g_hash_table_lookup (pspecs, field) : NULL;
}

/**
 * dossier_record_set_field:
 * @self: a #DossierRecord
 * @field: one of its fields
 * @value: a string, gint64 or double #GValue, as the field's property holds
 *
 * The one path by which a field changes in memory (see dossier-record.h): keeps the value
 * in the form of its kind ("" for an empty text, %NULL for no vocabulary code, -1 for an
 * unknown number, 0 for no reference) and notifies the field's property once, when the
 * value changed. Nothing is written until dossier_store_update().
 */
void
dossier_record_set_field (DossierRecord      *self,
                          const DossierField *field,
                          const GValue       *value)
{
  gboolean changed = FALSE;
  GParamSpec *pspec;

  g_return_if_fail (DOSSIER_IS_RECORD (self));
  g_return_if_fail (field != NULL);
  g_return_if_fail (G_IS_VALUE (value));

  switch (field->type)
    {
    case DOSSIER_FIELD_TEXT:
    case DOSSIER_FIELD_EDTF:
    case DOSSIER_FIELD_NTEXT:
      {
        const char *text = g_value_get_string (value);

        if (field->type != DOSSIER_FIELD_NTEXT)
          text = text ? text : "";
        /* An empty vocabulary code means none; other optional texts keep "" apart from NULL. */
        else if (text != NULL && *text == '\0' && field->vocab != NULL)
          text = NULL;
        if (g_strcmp0 (FIELD_STR (self, field), text) != 0)
          {
            g_free (FIELD_STR (self, field));
            FIELD_STR (self, field) = g_strdup (text);
            changed = TRUE;
          }
      }
      break;
    case DOSSIER_FIELD_INT:
    case DOSSIER_FIELD_REF:
      {
        gint64 none = field->type == DOSSIER_FIELD_INT ? -1 : 0;
        gint64 v = MAX (g_value_get_int64 (value), none);

        changed = FIELD_INT (self, field) != v;
        FIELD_INT (self, field) = v;
      }
      break;
    case DOSSIER_FIELD_REAL:
      {
        double v = g_value_get_double (value);
        double old = FIELD_REAL (self, field);

        changed = !((isnan (old) && isnan (v)) || old == v);
        FIELD_REAL (self, field) = v;
      }
      break;
    default:
      g_assert_not_reached ();
    }

  if (changed && (pspec = dossier_record_field_pspec (self, field)) != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

/**
 * dossier_record_get_text:
 * @self: a #DossierRecord
 * @field: one of its text or date fields
 *
 * Returns: (transfer none) (nullable): the value; %NULL only for an unset optional code
 */
const char *
dossier_record_get_text (DossierRecord      *self,
                         const DossierField *field)
{
  g_return_val_if_fail (DOSSIER_IS_RECORD (self), NULL);
  g_return_val_if_fail (field != NULL && field_is_text (field), NULL);
  return FIELD_STR (self, field);
}

/**
 * dossier_record_get_int:
 * @self: a #DossierRecord
 * @field: one of its number or reference fields
 *
 * Returns: the number (-1 when unknown), or the id of the record referred to (0 for none)
 */
gint64
dossier_record_get_int (DossierRecord      *self,
                        const DossierField *field)
{
  g_return_val_if_fail (DOSSIER_IS_RECORD (self), -1);
  g_return_val_if_fail (field != NULL && (field->type == DOSSIER_FIELD_INT || field->type == DOSSIER_FIELD_REF), -1);
  return FIELD_INT (self, field);
}

/**
 * dossier_record_get_real:
 * @self: a #DossierRecord
 * @field: one of its real fields
 *
 * Returns: the value, NAN when unknown
 */
double
dossier_record_get_real (DossierRecord      *self,
                         const DossierField *field)
{
  g_return_val_if_fail (DOSSIER_IS_RECORD (self), NAN);
  g_return_val_if_fail (field != NULL && field->type == DOSSIER_FIELD_REAL, NAN);
  return FIELD_REAL (self, field);
}

void
dossier_record_set_text (DossierRecord      *self,
                         const DossierField *field,
                         const char         *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (field != NULL && field_is_text (field));

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_static_string (&v, value);
  dossier_record_set_field (self, field, &v);
}

void
dossier_record_set_int (DossierRecord      *self,
                        const DossierField *field,
                        gint64              value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (field != NULL && (field->type == DOSSIER_FIELD_INT || field->type == DOSSIER_FIELD_REF));

  g_value_init (&v, G_TYPE_INT64);
  g_value_set_int64 (&v, value);
  dossier_record_set_field (self, field, &v);
}

void
dossier_record_set_real (DossierRecord      *self,
                         const DossierField *field,
                         double              value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (field != NULL && field->type == DOSSIER_FIELD_REAL);

  g_value_init (&v, G_TYPE_DOUBLE);
  g_value_set_double (&v, value);
  dossier_record_set_field (self, field, &v);
}

const DossierRecordInfo *
dossier_record_get_info (DossierRecord *self)
{
  g_return_val_if_fail (DOSSIER_IS_RECORD (self), NULL);
  return P (self)->info;
}

/**
 * dossier_record_get_id:
 * @self: a #DossierRecord
 *
 * Returns: its id in the dossier, 0 until it is inserted
 */
gint64
dossier_record_get_id (DossierRecord *self)
{
  g_return_val_if_fail (DOSSIER_IS_RECORD (self), 0);
  return P (self)->id;
}

const char *
dossier_record_get_uuid (DossierRecord *self)
{
  g_return_val_if_fail (DOSSIER_IS_RECORD (self), NULL);
  return P (self)->uuid;
}

/**
 * dossier_record_get_code:
 * @self: a #DossierRecord
 *
 * Returns: (nullable): its code such as INC-0001; %NULL for a kind without codes or a
 *   record not yet inserted
 */
const char *
dossier_record_get_code (DossierRecord *self)
{
  g_return_val_if_fail (DOSSIER_IS_RECORD (self), NULL);
  return P (self)->code;
}

const char *
dossier_record_get_created_at (DossierRecord *self)
{
  g_return_val_if_fail (DOSSIER_IS_RECORD (self), NULL);
  return P (self)->created_at;
}

const char *
dossier_record_get_updated_at (DossierRecord *self)
{
  g_return_val_if_fail (DOSSIER_IS_RECORD (self), NULL);
  return P (self)->updated_at;
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

/* Tells the bindings that the store gave @self an id, uuid, code or timestamps (insert),
 * a new modification time (update) or took its id back (delete). */
void
_dossier_record_notify_stored (DossierRecord *self,
                               gboolean       id,
                               gboolean       uuid,
                               gboolean       code,
                               gboolean       created_at,
                               gboolean       updated_at)
{
  GObject *object = G_OBJECT (self);

  g_object_freeze_notify (object);
  if (id)
    g_object_notify_by_pspec (object, properties[PROP_ID]);
  if (uuid)
    g_object_notify_by_pspec (object, properties[PROP_UUID]);
  if (code)
    g_object_notify_by_pspec (object, properties[PROP_CODE]);
  if (created_at)
    g_object_notify_by_pspec (object, properties[PROP_CREATED_AT]);
  if (updated_at)
    g_object_notify_by_pspec (object, properties[PROP_UPDATED_AT]);
  g_object_thaw_notify (object);
}

DossierRecordPrivate *
_dossier_record_get_private (DossierRecord *self)
{
  return dossier_record_get_instance_private (self);
}

void
_dossier_record_set_id (DossierRecord *self,
                        gint64         id)
{
  if (P (self)->id == id)
    return;
  P (self)->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

static void
set_column (DossierRecord *self,
            char         **slot,
            const char    *value,
            guint          prop)
{
  g_return_if_fail (DOSSIER_IS_RECORD (self));
  g_return_if_fail (P (self)->id == 0);

  if (g_strcmp0 (*slot, value) == 0)
    return;
  g_free (*slot);
  *slot = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/**
 * dossier_record_set_uuid:
 * @self: a #DossierRecord not yet inserted
 * @uuid: (nullable): the uuid it has elsewhere (in the file it is imported from), or %NULL
 *   for the store to make one
 */
void
dossier_record_set_uuid (DossierRecord *self,
                         const char    *uuid)
{
  set_column (self, &P (self)->uuid, uuid, PROP_UUID);
}

/**
 * dossier_record_set_code:
 * @self: a #DossierRecord not yet inserted
 * @code: (nullable): its code as read from a file, checked by the store on insert, or %NULL
 *   for the store to give the next one
 */
void
dossier_record_set_code (DossierRecord *self,
                         const char    *code)
{
  set_column (self, &P (self)->code, code, PROP_CODE);
}

void
dossier_record_set_created_at (DossierRecord *self,
                               const char    *created_at)
{
  set_column (self, &P (self)->created_at, created_at, PROP_CREATED_AT);
}

void
dossier_record_set_updated_at (DossierRecord *self,
                               const char    *updated_at)
{
  set_column (self, &P (self)->updated_at, updated_at, PROP_UPDATED_AT);
}
