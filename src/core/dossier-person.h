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
struct _DossierPerson
{
  DossierRecord parent_instance;

  char     *protection;                   /* vocabulary “protection-level” */
  char     *sex;                          /* vocabulary “sex” */
  gint64    age;                          /* -1 when unknown */
  char     *age_group;                    /* vocabulary “age-group” */
  char     *community;
  char     *residence_admin1;             /* vocabulary “admin1” */
  char     *residence_admin2;             /* vocabulary “admin2” */
  char     *languages;
  char     *consent;                      /* vocabulary “consent” */
  char     *notes;
};

DossierPerson *dossier_person_new (void);
const char    *dossier_person_age_group_for_age (gint64 age);

G_END_DECLS
