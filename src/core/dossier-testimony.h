/* dossier-testimony.h: a testimony, with its transcript
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-record.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_TESTIMONY (dossier_testimony_get_type ())
G_DECLARE_FINAL_TYPE (DossierTestimony, dossier_testimony, DOSSIER, TESTIMONY, DossierRecord)

DossierTestimony *dossier_testimony_new (void);
void              dossier_testimony_set_tags (DossierTestimony   *self,
                                              const char * const *tags);
/* The testimonies a person gave (naming them as their witness), as DossierTestimony. */
GPtrArray        *dossier_store_list_testimonies_of (DossierStore  *store,
                                                     gint64         person_id,
                                                     GError       **error);

/* Typed getters, plain and fast: each returns its field as stored in memory. Writes go
 * through dossier_record_set_field () (dossier_record_set_text () …, or g_object_set ()). */
gint64              dossier_testimony_get_person_id   (DossierTestimony *self);
const char         *dossier_testimony_get_taken_on    (DossierTestimony *self);
const char         *dossier_testimony_get_place       (DossierTestimony *self);
const char         *dossier_testimony_get_office      (DossierTestimony *self);
const char         *dossier_testimony_get_interviewer (DossierTestimony *self);
const char         *dossier_testimony_get_language    (DossierTestimony *self);
const char         *dossier_testimony_get_interpreter (DossierTestimony *self);
const char         *dossier_testimony_get_summary     (DossierTestimony *self);
const char         *dossier_testimony_get_transcript  (DossierTestimony *self);
const char         *dossier_testimony_get_consent     (DossierTestimony *self);
const char         *dossier_testimony_get_status      (DossierTestimony *self);
const char * const *dossier_testimony_get_tags        (DossierTestimony *self);
void                dossier_testimony_set_person_id   (DossierTestimony *self,
                                                       gint64            person_id);
void                dossier_testimony_set_interviewer (DossierTestimony *self,
                                                       const char       *interviewer);
void                dossier_testimony_set_status      (DossierTestimony *self,
                                                       const char       *status);

G_END_DECLS
