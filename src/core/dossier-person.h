/* dossier-person.h: a coded person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-record.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_PERSON (dossier_person_get_type ())
G_DECLARE_FINAL_TYPE (DossierPerson, dossier_person, DOSSIER, PERSON, DossierRecord)

/* A coded person: witness, victim, survivor, alleged perpetrator …; their identity is a separate #DossierIdentity. */

DossierPerson *dossier_person_new (void);
const char    *dossier_person_age_group_for_age (gint64 age);

/* Typed getters, plain and fast: each returns its field as stored in memory. Writes go
 * through dossier_record_set_field () (dossier_record_set_text () …, or g_object_set ()). */
const char *dossier_person_get_protection       (DossierPerson *self);
const char *dossier_person_get_sex              (DossierPerson *self);
gint64      dossier_person_get_age              (DossierPerson *self);
const char *dossier_person_get_age_group        (DossierPerson *self);
const char *dossier_person_get_community        (DossierPerson *self);
const char *dossier_person_get_residence_admin1 (DossierPerson *self);
const char *dossier_person_get_residence_admin2 (DossierPerson *self);
const char *dossier_person_get_languages        (DossierPerson *self);
const char *dossier_person_get_consent          (DossierPerson *self);
const char *dossier_person_get_notes            (DossierPerson *self);

G_END_DECLS
