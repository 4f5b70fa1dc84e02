/* dossier-testimony.c: a testimony, with its transcript
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-testimony.h"
#include "dossier-testimony-private.h"
#include "dossier-store-private.h"
#include "dossier-record-private.h"

G_DEFINE_FINAL_TYPE (DossierTestimony, dossier_testimony, DOSSIER_TYPE_RECORD)

#define F(name, type, vocab, ref) { #name, DOSSIER_FIELD_##type, G_STRUCT_OFFSET (DossierTestimony, name), vocab, ref }

static const DossierField fields[] = {
  F (person_id, REF, NULL, "person"),
  F (taken_on, EDTF, NULL, NULL),
  F (place, TEXT, NULL, NULL),
  F (office, NTEXT, "office", NULL),
  F (interviewer, TEXT, NULL, NULL),
  F (language, NTEXT, "language", NULL),
  F (interpreter, TEXT, NULL, NULL),
  F (summary, TEXT, NULL, NULL),
  F (transcript, TEXT, NULL, NULL),
  F (consent, TEXT, "consent", NULL),
  F (status, TEXT, "testimony-status", NULL),
};

static gboolean
load_extra (DossierStore   *store,
            DossierRecord  *record,
            GError        **error)
{
  return _dossier_store_load_set (store, "testimony_tag", "testimony_id", "tag", dossier_record_get_id (record),
                                  &DOSSIER_TESTIMONY (record)->tags, error);
}

static gboolean
save_extra (DossierStore   *store,
            DossierRecord  *record,
            gboolean        is_new,
            GError        **error)
{
  return _dossier_store_save_set (store, record, "testimony_tag", "testimony_id", "tag",
                                  "violation-type",
                                  (const char * const *) DOSSIER_TESTIMONY (record)->tags,
                                  is_new, error);
}

static const DossierRecordInfo info = {
  .table = "testimony",
  .code_prefix = "TES",
  /* Four digits, as every other kind; those made before were five, and keep them. */
  .code_digits = 4,
  .old_code_digits = 5,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .load_extra = load_extra,
  .save_extra = save_extra,
};

static void
dossier_testimony_finalize (GObject *object)
{
  g_clear_pointer (&DOSSIER_TESTIMONY (object)->tags, g_strfreev);

  G_OBJECT_CLASS (dossier_testimony_parent_class)->finalize (object);
}

static void
dossier_testimony_class_init (DossierTestimonyClass *klass)
{
  _dossier_record_class_install_fields (DOSSIER_RECORD_CLASS (klass), &info, 1);

  G_OBJECT_CLASS (klass)->finalize = dossier_testimony_finalize;
}

static void
dossier_testimony_init (DossierTestimony *self)
{
  _dossier_record_set_info (DOSSIER_RECORD (self), &info);
  g_free (self->consent);
  self->consent = g_strdup ("internal-only");
  g_free (self->status);
  self->status = g_strdup ("recorded");
  self->tags = g_new0 (char *, 1);
}

/**
 * dossier_testimony_new:
 *
 * Returns: (transfer full): a new, unsaved testimony
 */
DossierTestimony *
dossier_testimony_new (void)
{
  return g_object_new (DOSSIER_TYPE_TESTIMONY, NULL);
}

/**
 * dossier_store_list_testimonies_of:
 * @store: a #DossierStore
 * @person_id: a person's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type DossierTestimony): the testimonies the person
 *   gave, in the order they were recorded, or %NULL on error
 */
GPtrArray *
dossier_store_list_testimonies_of (DossierStore  *store,
                                   gint64         person_id,
                                   GError       **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *where = g_strdup_printf ("person_id = %" G_GINT64_FORMAT, person_id);

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);

  if (!_dossier_store_foreach_where (store, DOSSIER_TYPE_TESTIMONY, where, dossier_record_collect, found, error))
    return NULL;
  return g_steal_pointer (&found);
}

/**
 * dossier_testimony_set_tags:
 * @self: a #DossierTestimony
 * @tags: (array zero-terminated=1) (nullable): codes of the vocabulary “violation-type”
 *
 * Sets the tags in memory; dossier_store_update() writes them with the testimony.
 */
void
dossier_testimony_set_tags (DossierTestimony   *self,
                            const char * const *tags)
{
  g_return_if_fail (DOSSIER_IS_TESTIMONY (self));

  g_strfreev (self->tags);
  self->tags = tags ? g_strdupv ((char **) tags) : g_new0 (char *, 1);
}

/**
 * dossier_testimony_get_person_id:
 * @self: a #DossierTestimony
 *
 * Returns: its person_id, the person who gave it, 0 when none
 */
gint64
dossier_testimony_get_person_id (DossierTestimony *self)
{
  g_return_val_if_fail (DOSSIER_IS_TESTIMONY (self), 0);
  return self->person_id;
}

/**
 * dossier_testimony_get_taken_on:
 * @self: a #DossierTestimony
 *
 * Returns: (transfer none): its taken_on, EDTF date
 */
const char *
dossier_testimony_get_taken_on (DossierTestimony *self)
{
  g_return_val_if_fail (DOSSIER_IS_TESTIMONY (self), NULL);
  return self->taken_on;
}

/**
 * dossier_testimony_get_place:
 * @self: a #DossierTestimony
 *
 * Returns: (transfer none): its place
 */
const char *
dossier_testimony_get_place (DossierTestimony *self)
{
  g_return_val_if_fail (DOSSIER_IS_TESTIMONY (self), NULL);
  return self->place;
}

/**
 * dossier_testimony_get_office:
 * @self: a #DossierTestimony
 *
 * Returns: (transfer none) (nullable): its office, vocabulary “office”, %NULL when unset
 */
const char *
dossier_testimony_get_office (DossierTestimony *self)
{
  g_return_val_if_fail (DOSSIER_IS_TESTIMONY (self), NULL);
  return self->office;
}

/**
 * dossier_testimony_get_interviewer:
 * @self: a #DossierTestimony
 *
 * Returns: (transfer none): its interviewer
 */
const char *
dossier_testimony_get_interviewer (DossierTestimony *self)
{
  g_return_val_if_fail (DOSSIER_IS_TESTIMONY (self), NULL);
  return self->interviewer;
}

/**
 * dossier_testimony_get_language:
 * @self: a #DossierTestimony
 *
 * Returns: (transfer none) (nullable): its language, vocabulary “language”, %NULL when unset
 */
const char *
dossier_testimony_get_language (DossierTestimony *self)
{
  g_return_val_if_fail (DOSSIER_IS_TESTIMONY (self), NULL);
  return self->language;
}

/**
 * dossier_testimony_get_interpreter:
 * @self: a #DossierTestimony
 *
 * Returns: (transfer none): its interpreter
 */
const char *
dossier_testimony_get_interpreter (DossierTestimony *self)
{
  g_return_val_if_fail (DOSSIER_IS_TESTIMONY (self), NULL);
  return self->interpreter;
}

/**
 * dossier_testimony_get_summary:
 * @self: a #DossierTestimony
 *
 * Returns: (transfer none): its summary
 */
const char *
dossier_testimony_get_summary (DossierTestimony *self)
{
  g_return_val_if_fail (DOSSIER_IS_TESTIMONY (self), NULL);
  return self->summary;
}

/**
 * dossier_testimony_get_transcript:
 * @self: a #DossierTestimony
 *
 * Returns: (transfer none): its transcript
 */
const char *
dossier_testimony_get_transcript (DossierTestimony *self)
{
  g_return_val_if_fail (DOSSIER_IS_TESTIMONY (self), NULL);
  return self->transcript;
}

/**
 * dossier_testimony_get_consent:
 * @self: a #DossierTestimony
 *
 * Returns: (transfer none): its consent, vocabulary “consent”
 */
const char *
dossier_testimony_get_consent (DossierTestimony *self)
{
  g_return_val_if_fail (DOSSIER_IS_TESTIMONY (self), NULL);
  return self->consent;
}

/**
 * dossier_testimony_get_status:
 * @self: a #DossierTestimony
 *
 * Returns: (transfer none): its status, vocabulary “testimony-status”
 */
const char *
dossier_testimony_get_status (DossierTestimony *self)
{
  g_return_val_if_fail (DOSSIER_IS_TESTIMONY (self), NULL);
  return self->status;
}

/**
 * dossier_testimony_get_tags:
 * @self: a #DossierTestimony
 *
 * Returns: (transfer none) (array zero-terminated=1): its tags, vocabulary “violation-type”; never NULL
 */
const char * const *
dossier_testimony_get_tags (DossierTestimony *self)
{
  g_return_val_if_fail (DOSSIER_IS_TESTIMONY (self), NULL);
  return (const char * const *) self->tags;
}

/**
 * dossier_testimony_set_person_id:
 * @self: a #DossierTestimony
 * @person_id: its new value
 *
 * Sets person_id through dossier_record_set_field(), which notifies the change once.
 */
void
dossier_testimony_set_person_id (DossierTestimony *self,
                                 gint64            person_id)
{
  g_return_if_fail (DOSSIER_IS_TESTIMONY (self));
  dossier_record_set_int (DOSSIER_RECORD (self), dossier_record_find_field (&info, "person_id"), person_id);
}

/**
 * dossier_testimony_set_interviewer:
 * @self: a #DossierTestimony
 * @interviewer: its new value
 *
 * Sets interviewer through dossier_record_set_field(), which notifies the change once.
 */
void
dossier_testimony_set_interviewer (DossierTestimony *self,
                                   const char       *interviewer)
{
  g_return_if_fail (DOSSIER_IS_TESTIMONY (self));
  dossier_record_set_text (DOSSIER_RECORD (self), dossier_record_find_field (&info, "interviewer"), interviewer);
}

/**
 * dossier_testimony_set_status:
 * @self: a #DossierTestimony
 * @status: its new value
 *
 * Sets status through dossier_record_set_field(), which notifies the change once.
 */
void
dossier_testimony_set_status (DossierTestimony *self,
                              const char       *status)
{
  g_return_if_fail (DOSSIER_IS_TESTIMONY (self));
  dossier_record_set_text (DOSSIER_RECORD (self), dossier_record_find_field (&info, "status"), status);
}
