/* dossier-testimony.h: a testimony, with its transcript
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-record.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_TESTIMONY (dossier_testimony_get_type ())
G_DECLARE_FINAL_TYPE (DossierTestimony, dossier_testimony, DOSSIER, TESTIMONY, DossierRecord)

struct _DossierTestimony
{
  DossierRecord parent_instance;

  gint64   person_id;     /* the person who gave it, 0 when none */
  char    *taken_on;      /* EDTF date */
  char    *place;
  char    *office;        /* vocabulary “office” */
  char    *interviewer;
  char    *language;      /* vocabulary “language” */
  char    *interpreter;
  char    *summary;
  char    *transcript;
  char    *consent;       /* vocabulary “consent” */
  char    *status;        /* vocabulary “testimony-status” */

  GStrv    tags;          /* vocabulary “violation-type”; never NULL */
};

DossierTestimony *dossier_testimony_new (void);
void              dossier_testimony_set_tags (DossierTestimony   *self,
                                              const char * const *tags);
/* The testimonies a person gave (naming them as their witness), as DossierTestimony. */
GPtrArray        *dossier_store_list_testimonies_of (DossierStore  *store,
                                                     gint64         person_id,
                                                     GError       **error);

G_END_DECLS
