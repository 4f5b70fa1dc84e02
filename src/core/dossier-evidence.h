/* dossier-evidence.h: the description of an evidence item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-record.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_EVIDENCE (dossier_evidence_get_type ())
G_DECLARE_FINAL_TYPE (DossierEvidence, dossier_evidence, DOSSIER, EVIDENCE, DossierRecord)

/* The description of an evidence item; its bytes are fixed at ingestion. */

DossierEvidence *dossier_evidence_new (void);

/* Typed getters, plain and fast: each returns its field as stored in memory. Writes go
 * through dossier_record_set_field () (dossier_record_set_text () …, or g_object_set ()). */
const char *dossier_evidence_get_title             (DossierEvidence *self);
const char *dossier_evidence_get_description       (DossierEvidence *self);
const char *dossier_evidence_get_original_name     (DossierEvidence *self);
const char *dossier_evidence_get_media_type        (DossierEvidence *self);
gint64      dossier_evidence_get_size              (DossierEvidence *self);
const char *dossier_evidence_get_sha256            (DossierEvidence *self);
const char *dossier_evidence_get_acquired_on       (DossierEvidence *self);
const char *dossier_evidence_get_acquired_by       (DossierEvidence *self);
const char *dossier_evidence_get_source            (DossierEvidence *self);
const char *dossier_evidence_get_collection_method (DossierEvidence *self);
const char *dossier_evidence_get_captured_at       (DossierEvidence *self);
double      dossier_evidence_get_latitude          (DossierEvidence *self);
double      dossier_evidence_get_longitude         (DossierEvidence *self);
const char *dossier_evidence_get_confidentiality   (DossierEvidence *self);
const char *dossier_evidence_get_custody_head      (DossierEvidence *self);
gint64      dossier_evidence_get_pages             (DossierEvidence *self);
gint64      dossier_evidence_get_width             (DossierEvidence *self);
gint64      dossier_evidence_get_height            (DossierEvidence *self);
double      dossier_evidence_get_duration          (DossierEvidence *self);
void        dossier_evidence_set_title             (DossierEvidence *self,
                                                    const char      *title);
void        dossier_evidence_set_captured_at       (DossierEvidence *self,
                                                    const char      *captured_at);
void        dossier_evidence_set_latitude          (DossierEvidence *self,
                                                    double           latitude);
void        dossier_evidence_set_longitude         (DossierEvidence *self,
                                                    double           longitude);
void        dossier_evidence_set_pages             (DossierEvidence *self,
                                                    gint64           pages);
void        dossier_evidence_set_width             (DossierEvidence *self,
                                                    gint64           width);
void        dossier_evidence_set_height            (DossierEvidence *self,
                                                    gint64           height);
void        dossier_evidence_set_duration          (DossierEvidence *self,
                                                    double           duration);
void        dossier_evidence_set_custody_head      (DossierEvidence *self,
                                                    const char      *custody_head);

G_END_DECLS
