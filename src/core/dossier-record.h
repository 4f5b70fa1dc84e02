/* dossier-record.h: the base of every record kept in a dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dossier-store.h"

G_BEGIN_DECLS

/* How a column is held in the record's instance struct. */
typedef enum {
  DOSSIER_FIELD_TEXT,   /* char *, never NULL in the database ("" when empty) */
  DOSSIER_FIELD_NTEXT,  /* char *, NULL when unset (optional vocabulary codes) */
  DOSSIER_FIELD_INT,    /* gint64; a negative value is NULL */
  DOSSIER_FIELD_REAL,   /* double; NAN is NULL */
  DOSSIER_FIELD_REF,    /* gint64 id of another record, 0 is NULL; its uuid in interchange */
  DOSSIER_FIELD_EDTF,   /* char *, an EDTF date, validated ("" allowed) */
} DossierFieldType;

typedef struct {
  const char       *name;       /* column name, and key in the JSON interchange */
  DossierFieldType  type;
  goffset           offset;     /* in the instance struct */
  const char       *vocab;      /* scheme the value must belong to, or NULL */
  const char       *ref_table;  /* for DOSSIER_FIELD_REF */
  gboolean          optional;   /* may be missing from interchange documents written before it */
} DossierField;

/* Every record is a DossierRecord: its id, uuid, code and timestamps are read through
 * getters and properties, its fields through the field table (see below). */
#define DOSSIER_TYPE_RECORD (dossier_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (DossierRecord, dossier_record, DOSSIER, RECORD, GObject)

typedef struct {
  const char          *table;
  const char          *code_prefix;   /* NULL when the record has no human code */
  int                  code_digits;
  int                  old_code_digits; /* codes made before schema 8 had this many, or 0 */
  gboolean             derives_dates; /* its EDTF field also sets date_start/date_end */
  gboolean             not_audited;   /* logs themselves (audit, custody) are not audited */
  const DossierField  *fields;
  guint                n_fields;
  /* Parts held outside the record's own row (violation types, tags …): loaded after the
   * row, saved after it inside the same transaction. */
  gboolean (*load_extra) (DossierStore *store, DossierRecord *record, GError **error);
  gboolean (*save_extra) (DossierStore *store, DossierRecord *record, gboolean is_new, GError **error);
} DossierRecordInfo;

struct _DossierRecordClass
{
  GObjectClass parent_class;

  /*< private >*/
  /* The properties made from the field table (see _dossier_record_class_install_fields()):
   * const DossierField * → GParamSpec *, filled once in class_init, read-only after. */
  GHashTable  *field_pspecs;
};

/* Generic access by field name, used by importers, exporters and editors. The string form
 * of a NULL value is NULL; of a number, its decimal text; of a reference, the record id. */
const DossierField      *dossier_record_find_field (const DossierRecordInfo *info,
                                                    const char              *name);
char                    *dossier_record_get_string (DossierRecord      *self,
                                                    const DossierField *field);
void                     dossier_record_set_string (DossierRecord      *self,
                                                    const DossierField *field,
                                                    const char         *value);
gboolean                 dossier_record_field_equal (DossierRecord      *a,
                                                     DossierRecord      *b,
                                                     const DossierField *field);

/* Properties and the one setter path.
 *
 * Every field of the field table is a GObject property of its record type, made in one
 * place from the table (its name with “-” for “_”, so “title_fr” is “title-fr”): a string
 * for texts and dates ("" when empty; %NULL when unset for optional codes), a gint64 for
 * numbers (-1 when unset) and references (the record id, 0 when none), a double for reals
 * (NAN when unknown). The id, uuid, code and timestamps are read-only properties, notified
 * when the store gives or changes them.
 *
 * Every change of a field in memory goes through dossier_record_set_field(): the typed
 * setters, dossier_record_set_string() and g_object_set() all end there. It keeps the value
 * in the table's form and emits ::notify for that property once, only when the value really
 * changed. It is the one place where audit, encryption and change capture for sync plug in.
 * Reading a row from the dossier is not a change and does not pass through it.
 *
 * Hot paths (list cells sorting or drawing 100,000 rows) use the typed getters with a
 * #DossierField found once, not g_object_get() with a name. */
const DossierField      *dossier_record_field      (DossierRecord      *self,
                                                    const char         *name);
GParamSpec              *dossier_record_field_pspec (DossierRecord     *self,
                                                     const DossierField *field);
void                     dossier_record_set_field  (DossierRecord      *self,
                                                    const DossierField *field,
                                                    const GValue       *value);
const char              *dossier_record_get_text   (DossierRecord      *self,
                                                    const DossierField *field);
gint64                   dossier_record_get_int    (DossierRecord      *self,
                                                    const DossierField *field);
double                   dossier_record_get_real   (DossierRecord      *self,
                                                    const DossierField *field);
void                     dossier_record_set_text   (DossierRecord      *self,
                                                    const DossierField *field,
                                                    const char         *value);
void                     dossier_record_set_int    (DossierRecord      *self,
                                                    const DossierField *field,
                                                    gint64              value);
void                     dossier_record_set_real   (DossierRecord      *self,
                                                    const DossierField *field,
                                                    double              value);

/* The columns every record has. The store gives them on insert; an importer gives a new
 * record those read from its file before inserting it, and the store keeps them. */
const DossierRecordInfo *dossier_record_get_info       (DossierRecord *self);
gint64                   dossier_record_get_id         (DossierRecord *self);
const char              *dossier_record_get_uuid       (DossierRecord *self);
const char              *dossier_record_get_code       (DossierRecord *self);
const char              *dossier_record_get_created_at (DossierRecord *self);
const char              *dossier_record_get_updated_at (DossierRecord *self);
void                     dossier_record_set_uuid       (DossierRecord *self,
                                                        const char    *uuid);
void                     dossier_record_set_code       (DossierRecord *self,
                                                        const char    *code);
void                     dossier_record_set_created_at (DossierRecord *self,
                                                        const char    *created_at);
void                     dossier_record_set_updated_at (DossierRecord *self,
                                                        const char    *updated_at);

/* The most characters a text field may hold: see text_limits in dossier-record.c. */
#define DOSSIER_TEXT_SHORT    1000
#define DOSSIER_TEXT_LONG     50000
#define DOSSIER_TEXT_DOCUMENT 1000000

guint                    dossier_record_text_limit  (const char         *table,
                                                     const char         *field);
gboolean                 dossier_record_check_text  (const char         *table,
                                                     const char         *field,
                                                     const char         *text,
                                                     GError            **error);
/* Codes as the store makes them, such as EVD-0042. */
gint64                   dossier_record_code_number (const DossierRecordInfo *info,
                                                     const char              *code);
gboolean                 dossier_record_check_code  (const DossierRecordInfo  *info,
                                                     const char               *code,
                                                     GError                  **error);

/* The store's operations on records. */
gboolean       dossier_store_insert        (DossierStore   *store,
                                            DossierRecord  *record,
                                            GError        **error);
gboolean       dossier_store_update        (DossierStore   *store,
                                            DossierRecord  *record,
                                            GError        **error);
gboolean       dossier_store_delete        (DossierStore   *store,
                                            DossierRecord  *record,
                                            GError        **error);
gpointer       dossier_store_load          (DossierStore   *store,
                                            GType           type,
                                            gint64          id,
                                            GError        **error);
gpointer       dossier_store_load_by_code  (DossierStore   *store,
                                            GType           type,
                                            const char     *code,
                                            GError        **error);
gpointer       dossier_store_load_by_uuid  (DossierStore   *store,
                                            GType           type,
                                            const char     *uuid,
                                            GError        **error);
gboolean       dossier_store_reload        (DossierStore   *store,
                                            DossierRecord  *record,
                                            GError        **error);

/* Calls @func for every record of @type in id order, without holding them all in memory.
 * @func returns FALSE (setting its error) to stop. */
typedef gboolean (*DossierRecordFunc) (DossierRecord *record, gpointer user_data, GError **error);
/* A DossierRecordFunc that adds a reference to each record to the GPtrArray it is given. */
gboolean       dossier_record_collect      (DossierRecord     *record,
                                            gpointer           array,
                                            GError           **error);
gboolean       dossier_store_foreach       (DossierStore      *store,
                                            GType              type,
                                            DossierRecordFunc  func,
                                            gpointer           user_data,
                                            GError           **error);

gint64         dossier_store_count_records (DossierStore  *store,
                                            GType          type,
                                            GError       **error);
GPtrArray     *dossier_store_load_page     (DossierStore  *store,
                                            GType          type,
                                            const char    *order_by,
                                            gboolean       descending,
                                            guint          offset,
                                            guint          limit,
                                            GError       **error);

gint64         dossier_store_position_by_code (DossierStore *store,
                                               GType         type,
                                               const char   *code,
                                               GError      **error);

/* The uuid of the record with @id in @table, or NULL. */
char          *dossier_store_uuid_for_id   (DossierStore  *store,
                                            const char    *table,
                                            gint64         id);
gint64         dossier_store_id_for_uuid   (DossierStore  *store,
                                            const char    *table,
                                            const char    *uuid);
gint64         dossier_store_id_for_code   (DossierStore  *store,
                                            const char    *table,
                                            const char    *code);

G_END_DECLS
