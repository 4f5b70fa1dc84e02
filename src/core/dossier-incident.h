/* dossier-incident.h: an incident under inquiry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-record.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_INCIDENT (dossier_incident_get_type ())
G_DECLARE_FINAL_TYPE (DossierIncident, dossier_incident, DOSSIER, INCIDENT, DossierRecord)

/* Casualties are counted by category × group; the codes are those of the vocabularies
 * “casualty-category” and “casualty-group”, in this order. */
#define DOSSIER_N_CASUALTY_CATEGORIES 5
#define DOSSIER_N_CASUALTY_GROUPS 5
extern const char * const dossier_casualty_categories[DOSSIER_N_CASUALTY_CATEGORIES];
extern const char * const dossier_casualty_groups[DOSSIER_N_CASUALTY_GROUPS];

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

DossierIncident *dossier_incident_new              (void);
const char      *dossier_incident_get_title        (DossierIncident *self,
                                                    const char      *lang,
                                                    gboolean        *fell_back);
const char      *dossier_incident_get_summary      (DossierIncident *self,
                                                    const char      *lang,
                                                    gboolean        *fell_back);
void             dossier_incident_set_violation_types (DossierIncident    *self,
                                                       const char * const *types);
gint64           dossier_incident_total_casualties (DossierIncident *self,
                                                    int              category);
int              dossier_casualty_category_index   (const char      *code);
int              dossier_casualty_group_index      (const char      *code);

G_END_DECLS
