/* dossier-person-private.h: the instance struct of DossierPerson
 *
 * Only src/core's .c files include this header (as dossier-store-private.h); tests may,
 * to look inside a record (white-box). Everything else reads the record through the
 * typed getters of dossier-person.h and writes it through dossier_record_set_field()'s
 * setters, so that every change is notified once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-person.h"

G_BEGIN_DECLS

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

G_END_DECLS
