/* dossier-testimony-private.h: the instance struct of DossierTestimony
 *
 * Only src/core's .c files include this header (as dossier-store-private.h); tests may,
 * to look inside a record (white-box). Everything else reads the record through the
 * typed getters of dossier-testimony.h and writes it through dossier_record_set_field()'s
 * setters, so that every change is notified once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-testimony.h"

G_BEGIN_DECLS

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

G_END_DECLS
