/* dossier-evidence.c: the description of an evidence item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "dossier-evidence.h"
#include "dossier-evidence-private.h"
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

/**
 * dossier_evidence_get_title:
 * @self: a #DossierEvidence
 *
 * Returns: (transfer none): its title
 */
const char *
dossier_evidence_get_title (DossierEvidence *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVIDENCE (self), NULL);
  return self->title;
}

/**
 * dossier_evidence_get_description:
 * @self: a #DossierEvidence
 *
 * Returns: (transfer none): its description
 */
const char *
dossier_evidence_get_description (DossierEvidence *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVIDENCE (self), NULL);
  return self->description;
}

/**
 * dossier_evidence_get_original_name:
 * @self: a #DossierEvidence
 *
 * Returns: (transfer none): its original_name
 */
const char *
dossier_evidence_get_original_name (DossierEvidence *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVIDENCE (self), NULL);
  return self->original_name;
}

/**
 * dossier_evidence_get_media_type:
 * @self: a #DossierEvidence
 *
 * Returns: (transfer none): its media_type
 */
const char *
dossier_evidence_get_media_type (DossierEvidence *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVIDENCE (self), NULL);
  return self->media_type;
}

/**
 * dossier_evidence_get_size:
 * @self: a #DossierEvidence
 *
 * Returns: its size, -1 when unknown
 */
gint64
dossier_evidence_get_size (DossierEvidence *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVIDENCE (self), 0);
  return self->size;
}

/**
 * dossier_evidence_get_sha256:
 * @self: a #DossierEvidence
 *
 * Returns: (transfer none): its sha256
 */
const char *
dossier_evidence_get_sha256 (DossierEvidence *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVIDENCE (self), NULL);
  return self->sha256;
}

/**
 * dossier_evidence_get_acquired_on:
 * @self: a #DossierEvidence
 *
 * Returns: (transfer none): its acquired_on
 */
const char *
dossier_evidence_get_acquired_on (DossierEvidence *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVIDENCE (self), NULL);
  return self->acquired_on;
}

/**
 * dossier_evidence_get_acquired_by:
 * @self: a #DossierEvidence
 *
 * Returns: (transfer none): its acquired_by
 */
const char *
dossier_evidence_get_acquired_by (DossierEvidence *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVIDENCE (self), NULL);
  return self->acquired_by;
}

/**
 * dossier_evidence_get_source:
 * @self: a #DossierEvidence
 *
 * Returns: (transfer none): its source
 */
const char *
dossier_evidence_get_source (DossierEvidence *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVIDENCE (self), NULL);
  return self->source;
}

/**
 * dossier_evidence_get_collection_method:
 * @self: a #DossierEvidence
 *
 * Returns: (transfer none) (nullable): its collection_method, vocabulary “collection-method”, %NULL when unset
 */
const char *
dossier_evidence_get_collection_method (DossierEvidence *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVIDENCE (self), NULL);
  return self->collection_method;
}

/**
 * dossier_evidence_get_captured_at:
 * @self: a #DossierEvidence
 *
 * Returns: (transfer none): its captured_at
 */
const char *
dossier_evidence_get_captured_at (DossierEvidence *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVIDENCE (self), NULL);
  return self->captured_at;
}

/**
 * dossier_evidence_get_latitude:
 * @self: a #DossierEvidence
 *
 * Returns: its latitude, NAN when unknown
 */
double
dossier_evidence_get_latitude (DossierEvidence *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVIDENCE (self), NAN);
  return self->latitude;
}

/**
 * dossier_evidence_get_longitude:
 * @self: a #DossierEvidence
 *
 * Returns: its longitude, NAN when unknown
 */
double
dossier_evidence_get_longitude (DossierEvidence *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVIDENCE (self), NAN);
  return self->longitude;
}

/**
 * dossier_evidence_get_confidentiality:
 * @self: a #DossierEvidence
 *
 * Returns: (transfer none): its confidentiality, vocabulary “confidentiality”
 */
const char *
dossier_evidence_get_confidentiality (DossierEvidence *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVIDENCE (self), NULL);
  return self->confidentiality;
}

/**
 * dossier_evidence_get_custody_head:
 * @self: a #DossierEvidence
 *
 * Returns: (transfer none): its custody_head
 */
const char *
dossier_evidence_get_custody_head (DossierEvidence *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVIDENCE (self), NULL);
  return self->custody_head;
}

/**
 * dossier_evidence_get_pages:
 * @self: a #DossierEvidence
 *
 * Returns: its pages, of a PDF; -1 when unknown
 */
gint64
dossier_evidence_get_pages (DossierEvidence *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVIDENCE (self), 0);
  return self->pages;
}

/**
 * dossier_evidence_get_width:
 * @self: a #DossierEvidence
 *
 * Returns: its width, of an image, in pixels; -1 when unknown
 */
gint64
dossier_evidence_get_width (DossierEvidence *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVIDENCE (self), 0);
  return self->width;
}

/**
 * dossier_evidence_get_height:
 * @self: a #DossierEvidence
 *
 * Returns: its height
 */
gint64
dossier_evidence_get_height (DossierEvidence *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVIDENCE (self), 0);
  return self->height;
}

/**
 * dossier_evidence_get_duration:
 * @self: a #DossierEvidence
 *
 * Returns: its duration, of a recording, in seconds; NAN when unknown
 */
double
dossier_evidence_get_duration (DossierEvidence *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVIDENCE (self), NAN);
  return self->duration;
}

/**
 * dossier_evidence_set_title:
 * @self: a #DossierEvidence
 * @title: its new value
 *
 * Sets title through dossier_record_set_field(), which notifies the change once.
 */
void
dossier_evidence_set_title (DossierEvidence *self,
                            const char      *title)
{
  g_return_if_fail (DOSSIER_IS_EVIDENCE (self));
  dossier_record_set_text (DOSSIER_RECORD (self), dossier_record_find_field (&info, "title"), title);
}

/**
 * dossier_evidence_set_captured_at:
 * @self: a #DossierEvidence
 * @captured_at: its new value
 *
 * Sets captured_at through dossier_record_set_field(), which notifies the change once.
 */
void
dossier_evidence_set_captured_at (DossierEvidence *self,
                                  const char      *captured_at)
{
  g_return_if_fail (DOSSIER_IS_EVIDENCE (self));
  dossier_record_set_text (DOSSIER_RECORD (self), dossier_record_find_field (&info, "captured_at"), captured_at);
}

/**
 * dossier_evidence_set_latitude:
 * @self: a #DossierEvidence
 * @latitude: its new value
 *
 * Sets latitude through dossier_record_set_field(), which notifies the change once.
 */
void
dossier_evidence_set_latitude (DossierEvidence *self,
                               double           latitude)
{
  g_return_if_fail (DOSSIER_IS_EVIDENCE (self));
  dossier_record_set_real (DOSSIER_RECORD (self), dossier_record_find_field (&info, "latitude"), latitude);
}

/**
 * dossier_evidence_set_longitude:
 * @self: a #DossierEvidence
 * @longitude: its new value
 *
 * Sets longitude through dossier_record_set_field(), which notifies the change once.
 */
void
dossier_evidence_set_longitude (DossierEvidence *self,
                                double           longitude)
{
  g_return_if_fail (DOSSIER_IS_EVIDENCE (self));
  dossier_record_set_real (DOSSIER_RECORD (self), dossier_record_find_field (&info, "longitude"), longitude);
}

/**
 * dossier_evidence_set_pages:
 * @self: a #DossierEvidence
 * @pages: its new value
 *
 * Sets pages through dossier_record_set_field(), which notifies the change once.
 */
void
dossier_evidence_set_pages (DossierEvidence *self,
                            gint64           pages)
{
  g_return_if_fail (DOSSIER_IS_EVIDENCE (self));
  dossier_record_set_int (DOSSIER_RECORD (self), dossier_record_find_field (&info, "pages"), pages);
}

/**
 * dossier_evidence_set_width:
 * @self: a #DossierEvidence
 * @width: its new value
 *
 * Sets width through dossier_record_set_field(), which notifies the change once.
 */
void
dossier_evidence_set_width (DossierEvidence *self,
                            gint64           width)
{
  g_return_if_fail (DOSSIER_IS_EVIDENCE (self));
  dossier_record_set_int (DOSSIER_RECORD (self), dossier_record_find_field (&info, "width"), width);
}

/**
 * dossier_evidence_set_height:
 * @self: a #DossierEvidence
 * @height: its new value
 *
 * Sets height through dossier_record_set_field(), which notifies the change once.
 */
void
dossier_evidence_set_height (DossierEvidence *self,
                             gint64           height)
{
  g_return_if_fail (DOSSIER_IS_EVIDENCE (self));
  dossier_record_set_int (DOSSIER_RECORD (self), dossier_record_find_field (&info, "height"), height);
}

/**
 * dossier_evidence_set_duration:
 * @self: a #DossierEvidence
 * @duration: its new value
 *
 * Sets duration through dossier_record_set_field(), which notifies the change once.
 */
void
dossier_evidence_set_duration (DossierEvidence *self,
                               double           duration)
{
  g_return_if_fail (DOSSIER_IS_EVIDENCE (self));
  dossier_record_set_real (DOSSIER_RECORD (self), dossier_record_find_field (&info, "duration"), duration);
}

/**
 * dossier_evidence_set_custody_head:
 * @self: a #DossierEvidence
 * @custody_head: its new value
 *
 * Sets custody_head through dossier_record_set_field(), which notifies the change once.
 */
void
dossier_evidence_set_custody_head (DossierEvidence *self,
                                   const char      *custody_head)
{
  g_return_if_fail (DOSSIER_IS_EVIDENCE (self));
  dossier_record_set_text (DOSSIER_RECORD (self), dossier_record_find_field (&info, "custody_head"), custody_head);
}
