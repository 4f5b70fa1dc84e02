/* dossier-redaction.h: what leaves the dossier, by profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-evidence.h"
#include "dossier-incident.h"
#include "dossier-person.h"

G_BEGIN_DECLS

typedef enum {
  DOSSIER_PROFILE_PUBLIC,    /* nothing confidential, no identity, nothing restricted but codes */
  DOSSIER_PROFILE_ANNEX,     /* codes only for people; confidential incidents without their texts */
  DOSSIER_PROFILE_INTERNAL,  /* everything, marked internal */
} DossierProfile;

gboolean    dossier_profile_from_string (const char      *name,
                                         DossierProfile  *profile);
const char *dossier_profile_to_string   (DossierProfile   profile);
gboolean    dossier_redaction_keeps     (DossierProfile   profile,
                                         DossierIncident *incident);
gboolean    dossier_redaction_keeps_texts (DossierProfile   profile,
                                           DossierIncident *incident);
gboolean    dossier_redaction_keeps_person_details (DossierProfile  profile,
                                                    DossierPerson  *person);
gboolean    dossier_redaction_keeps_evidence       (DossierProfile   profile,
                                                    DossierEvidence *evidence);
gboolean    dossier_redaction_keeps_evidence_title (DossierProfile   profile,
                                                    DossierEvidence *evidence);
gboolean    dossier_redaction_keeps_collector      (DossierProfile   profile);
gboolean    dossier_redaction_keeps_staff_texts    (DossierProfile   profile);
gboolean    dossier_redaction_keeps_identities     (DossierProfile   profile);
const char *dossier_redaction_incident_condition   (DossierProfile   profile);
const char *dossier_redaction_evidence_condition   (DossierProfile   profile);
const char *dossier_redaction_person_condition     (DossierProfile   profile);
GArray     *dossier_redaction_incident_ids         (DossierStore    *store,
                                                    DossierProfile   profile,
                                                    GArray          *scope,
                                                    GError         **error);

/* What an export by a profile will hold, for the Export dialog's preview. */
typedef struct {
  gint64 incidents;                /* in scope */
  gint64 incidents_left_out;       /* confidential, in public */
  gint64 incidents_texts_withheld; /* kept, but without titles, summaries and sources */
  gint64 people;
  gint64 people_code_only;         /* protected or confidential, in public */
  gint64 testimonies;
  gint64 evidence;
  gint64 evidence_left_out;        /* confidential, in public */
  gint64 evidence_titles_withheld; /* confidential, in annex */
} DossierExportSummary;

gboolean    dossier_export_summarise  (DossierStore          *store,
                                       DossierProfile         profile,
                                       GArray                *incident_ids,
                                       DossierExportSummary  *summary,
                                       GError               **error);

G_END_DECLS
