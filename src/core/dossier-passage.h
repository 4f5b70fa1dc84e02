/* dossier-passage.h: a coded passage of a testimony's transcript
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-record.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_PASSAGE (dossier_passage_get_type ())
G_DECLARE_FINAL_TYPE (DossierPassage, dossier_passage, DOSSIER, PASSAGE, DossierRecord)

/* A stretch of a transcript, in characters from its start, and what it was coded as. */

DossierPassage *dossier_passage_new (void);

/* Typed getters, plain and fast: each returns its field as stored in memory. Writes go
 * through dossier_record_set_field () (dossier_record_set_text () …, or g_object_set ()). */
gint64      dossier_passage_get_testimony_id   (DossierPassage *self);
gint64      dossier_passage_get_start_offset   (DossierPassage *self);
gint64      dossier_passage_get_end_offset     (DossierPassage *self);
const char *dossier_passage_get_kind           (DossierPassage *self);
gint64      dossier_passage_get_incident_id    (DossierPassage *self);
gint64      dossier_passage_get_person_id      (DossierPassage *self);
const char *dossier_passage_get_violation_type (DossierPassage *self);
const char *dossier_passage_get_coded_by       (DossierPassage *self);

G_END_DECLS
