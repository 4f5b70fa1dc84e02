/* dossier-incident-private.h: the instance struct of DossierIncident
 *
 * Only src/core's .c files include this header (as dossier-store-private.h); tests may,
 * to look inside a record (white-box). Everything else reads the record through the
 * typed getters of dossier-incident.h and writes it through dossier_record_set_field()'s
 * setters, so that every change is notified once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-incident.h"

G_BEGIN_DECLS

struct _DossierIncident
{
  DossierRecord parent_instance;

  char    *title_fr;
  char    *title_en;
  char    *summary_fr;
  char    *summary_en;
  char    *date_edtf;            /* e.g. 2022-03-27/2022-03-31, 2022-03, 2021-10~ */
  char    *place;
  char    *admin1;               /* vocabulary “admin1”, NULL when unknown */
  char    *admin2;               /* vocabulary “admin2”, NULL when unknown */
  char    *admin3;               /* commune, free text */
  double   latitude;             /* NAN when unknown */
  double   longitude;
  char    *location_precision;   /* vocabulary “location-precision” */
  char    *verification;         /* vocabulary “verification-status” */
  char    *standard_of_proof;    /* vocabulary “standard-of-proof” */
  char    *confidentiality;      /* vocabulary “confidentiality” */
  char    *sources;

  /* Held outside the incident's row, saved with it. */
  GStrv    violation_types;      /* vocabulary “violation-type”; never NULL */
  gint64   casualties[DOSSIER_N_CASUALTY_CATEGORIES][DOSSIER_N_CASUALTY_GROUPS];
};

G_END_DECLS
