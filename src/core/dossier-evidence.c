/* dossier-evidence.c: the description of an evidence item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "dossier-evidence.h"
#include "dossier-store-private.h"
#include "dossier-record-private.h"

G_DEFINE_FINAL_TYPE (DossierEvidence, dossier_evidence, DOSSIER_TYPE_RECORD)

#define F(name, type, vocab, ref) { #name, DOSSIER_FIELD_##type, G_STRUCT_OFFSET (DossierEvidence, name), vocab, ref }

static const DossierField fields[] = {
  F (title, TEXT, NULL, NULL),
  F (description, TEXT, NULL, NULL),
  F (original_name, TEXT, NULL, NULL),
  F (media_type, TEXT, NULL, NULL),
  F (size, INT, NULL, NULL),
  F (sha256, TEXT, NULL, NULL),
  F (acquired_on, TEXT, NULL, NULL),
  F (acquired_by, TEXT, NULL, NULL),
  F (source, TEXT, NULL, NULL),
  F (collection_method, NTEXT, "collection-method", NULL),
  F (captured_at, TEXT, NULL, NULL),
  F (latitude, REAL, NULL, NULL),
  F (longitude, REAL, NULL, NULL),
  F (confidentiality, TEXT, "confidentiality", NULL),
  F (custody_head, TEXT, NULL, NULL),
  F (pages, INT, NULL, NULL),
  F (width, INT, NULL, NULL),
  F (height, INT, NULL, NULL),
  /* Added after the interchange's first documents: optional there. */
  { "duration", DOSSIER_FIELD_REAL, G_STRUCT_OFFSET (DossierEvidence, duration), NULL, NULL, TRUE },
};

static const DossierRecordInfo info = {
  .table = "evidence",
  .code_prefix = "EVD",
  .code_digits = 4,
  .not_audited = FALSE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
dossier_evidence_class_init (DossierEvidenceClass *klass)
{
  _dossier_record_class_install_fields (DOSSIER_RECORD_CLASS (klass), &info, 1);
}

static void
dossier_evidence_init (DossierEvidence *self)
{
  _dossier_record_set_info (DOSSIER_RECORD (self), &info);
  g_free (self->media_type);
  self->media_type = g_strdup ("application/octet-stream");
  g_free (self->confidentiality);
  self->confidentiality = g_strdup ("restricted");
  self->pages = -1;
  self->width = -1;
  self->height = -1;
  self->duration = NAN;
}

/**
 * dossier_evidence_new:
 *
 * Returns: (transfer full): a new, unsaved record with default values
 */
DossierEvidence *
dossier_evidence_new (void)
{
  return g_object_new (DOSSIER_TYPE_EVIDENCE, NULL);
}
