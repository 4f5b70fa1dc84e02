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

/* Typed getters, plain and fast: each returns its field as stored in memory. Writes go
 * through dossier_record_set_field () (dossier_record_set_text () …, or g_object_set ()). */
const char         *dossier_incident_get_title_fr           (DossierIncident *self);
const char         *dossier_incident_get_title_en           (DossierIncident *self);
const char         *dossier_incident_get_summary_fr         (DossierIncident *self);
const char         *dossier_incident_get_summary_en         (DossierIncident *self);
const char         *dossier_incident_get_date_edtf          (DossierIncident *self);
const char         *dossier_incident_get_place              (DossierIncident *self);
const char         *dossier_incident_get_admin1             (DossierIncident *self);
const char         *dossier_incident_get_admin2             (DossierIncident *self);
const char         *dossier_incident_get_admin3             (DossierIncident *self);
double              dossier_incident_get_latitude           (DossierIncident *self);
double              dossier_incident_get_longitude          (DossierIncident *self);
const char         *dossier_incident_get_location_precision (DossierIncident *self);
const char         *dossier_incident_get_verification       (DossierIncident *self);
const char         *dossier_incident_get_standard_of_proof  (DossierIncident *self);
const char         *dossier_incident_get_confidentiality    (DossierIncident *self);
const char         *dossier_incident_get_sources            (DossierIncident *self);
const char * const *dossier_incident_get_violation_types    (DossierIncident *self);
gint64              dossier_incident_get_casualties         (DossierIncident *self,
                                                             int              category,
                                                             int              group);
void                dossier_incident_set_casualties         (DossierIncident *self,
                                                             int              category,
                                                             int              group,
                                                             gint64           count);

G_END_DECLS
