/* dossier-passage.c: a coded passage of a testimony's transcript
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-passage.h"
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
