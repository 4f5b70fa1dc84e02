/* dossier-passage.c: a coded passage of a testimony's transcript
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-passage.h"
#include "dossier-passage-private.h"
#include "dossier-store-private.h"
#include "dossier-record-private.h"

G_DEFINE_FINAL_TYPE (DossierPassage, dossier_passage, DOSSIER_TYPE_RECORD)

#define F(name, type, vocab, ref) { #name, DOSSIER_FIELD_##type, G_STRUCT_OFFSET (DossierPassage, name), vocab, ref }

static const DossierField fields[] = {
  F (testimony_id, REF, NULL, "testimony"),
  F (start_offset, INT, NULL, NULL),
  F (end_offset, INT, NULL, NULL),
  F (kind, TEXT, NULL, NULL),
  F (incident_id, REF, NULL, "incident"),
  F (person_id, REF, NULL, "person"),
  F (violation_type, NTEXT, "violation-type", NULL),
  F (coded_by, TEXT, NULL, NULL),
};

static const DossierRecordInfo info = {
  .table = "testimony_passage",
  .code_prefix = NULL,
  .code_digits = 0,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
dossier_passage_class_init (DossierPassageClass *klass)
{
  _dossier_record_class_install_fields (DOSSIER_RECORD_CLASS (klass), &info, 1);
}

static void
dossier_passage_init (DossierPassage *self)
{
  _dossier_record_set_info (DOSSIER_RECORD (self), &info);
  g_free (self->kind);
  self->kind = g_strdup ("incident");
}

/**
 * dossier_passage_new:
 *
 * Returns: (transfer full): a new, unsaved passage
 */
DossierPassage *
dossier_passage_new (void)
{
  return g_object_new (DOSSIER_TYPE_PASSAGE, NULL);
}

/**
 * dossier_passage_get_testimony_id:
 * @self: a #DossierPassage
 *
 * Returns: its testimony_id
 */
gint64
dossier_passage_get_testimony_id (DossierPassage *self)
{
  g_return_val_if_fail (DOSSIER_IS_PASSAGE (self), 0);
  return self->testimony_id;
}

/**
 * dossier_passage_get_start_offset:
 * @self: a #DossierPassage
 *
 * Returns: its start_offset
 */
gint64
dossier_passage_get_start_offset (DossierPassage *self)
{
  g_return_val_if_fail (DOSSIER_IS_PASSAGE (self), 0);
  return self->start_offset;
}

/**
 * dossier_passage_get_end_offset:
 * @self: a #DossierPassage
 *
 * Returns: its end_offset
 */
gint64
dossier_passage_get_end_offset (DossierPassage *self)
{
  g_return_val_if_fail (DOSSIER_IS_PASSAGE (self), 0);
  return self->end_offset;
}

/**
 * dossier_passage_get_kind:
 * @self: a #DossierPassage
 *
 * Returns: (transfer none): its kind, "incident", "violation" or "person"
 */
const char *
dossier_passage_get_kind (DossierPassage *self)
{
  g_return_val_if_fail (DOSSIER_IS_PASSAGE (self), NULL);
  return self->kind;
}

/**
 * dossier_passage_get_incident_id:
 * @self: a #DossierPassage
 *
 * Returns: its incident_id, 0 unless kind is "incident"
 */
gint64
dossier_passage_get_incident_id (DossierPassage *self)
{
  g_return_val_if_fail (DOSSIER_IS_PASSAGE (self), 0);
  return self->incident_id;
}

/**
 * dossier_passage_get_person_id:
 * @self: a #DossierPassage
 *
 * Returns: its person_id, 0 unless kind is "person"
 */
gint64
dossier_passage_get_person_id (DossierPassage *self)
{
  g_return_val_if_fail (DOSSIER_IS_PASSAGE (self), 0);
  return self->person_id;
}

/**
 * dossier_passage_get_violation_type:
 * @self: a #DossierPassage
 *
 * Returns: (transfer none) (nullable): its violation_type, vocabulary “violation-type”, NULL unless kind is "violation"
 */
const char *
dossier_passage_get_violation_type (DossierPassage *self)
{
  g_return_val_if_fail (DOSSIER_IS_PASSAGE (self), NULL);
  return self->violation_type;
}

/**
 * dossier_passage_get_coded_by:
 * @self: a #DossierPassage
 *
 * Returns: (transfer none): its coded_by
 */
const char *
dossier_passage_get_coded_by (DossierPassage *self)
{
  g_return_val_if_fail (DOSSIER_IS_PASSAGE (self), NULL);
  return self->coded_by;
}
