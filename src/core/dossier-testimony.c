/* dossier-testimony.c: a testimony, with its transcript
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-testimony.h"
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
