/* dossier-redaction.h: what leaves the dossier, by profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-record.h"
#include "dossier-store.h"

G_BEGIN_DECLS

typedef enum {
  DOSSIER_PROFILE_PUBLIC,    /* nothing confidential, no identity, nothing restricted but codes */
  DOSSIER_PROFILE_ANNEX,     /* codes only for people; confidential incidents without their texts */
  DOSSIER_PROFILE_INTERNAL,  /* everything, marked internal */
} DossierProfile;

gboolean    dossier_profile_from_string (const char      *name,
                                         DossierProfile  *profile);
const char *dossier_profile_to_string   (DossierProfile   profile);

/* A part of a record that is not one of its fields: the links a person's record lists
 * (the incidents they had a role in, the testimonies they gave). */
#define DOSSIER_REDACTION_PERSON_INCIDENTS   "incidents"
#define DOSSIER_REDACTION_PERSON_TESTIMONIES "testimonies"

#define DOSSIER_TYPE_REDACTION (dossier_redaction_get_type ())
G_DECLARE_FINAL_TYPE (DossierRedaction, dossier_redaction, DOSSIER, REDACTION, GObject)

DossierRedaction *dossier_redaction_new          (DossierProfile     profile);
DossierProfile    dossier_redaction_get_profile  (DossierRedaction  *self);

/* The check, on a record in memory. */
gboolean          dossier_redaction_keeps        (DossierRedaction  *self,
                                                  DossierRecord     *record);
gboolean          dossier_redaction_withholds    (DossierRedaction  *self,
                                                  DossierRecord     *record,
                                                  const char        *part);
gboolean          dossier_redaction_keeps_table  (DossierRedaction  *self,
                                                  const char        *table);

/* The transform: a record into what may leave. */
gboolean          dossier_redaction_apply        (DossierRedaction  *self,
                                                  DossierRecord     *record);
gboolean          dossier_redaction_left_out     (DossierRedaction  *self,
                                                  const char        *table,
                                                  gint64             id);

/* The condition, for core's own queries (SQL never leaves core). */
char             *dossier_redaction_condition    (DossierRedaction  *self,
                                                  const char        *table,
                                                  const char        *part,
                                                  const char        *alias);

GArray           *dossier_redaction_incident_ids (DossierRedaction  *self,
                                                  DossierStore      *store,
                                                  GArray            *scope,
                                                  GError           **error);

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

gboolean          dossier_redaction_summarise    (DossierRedaction      *self,
                                                  DossierStore          *store,
                                                  GArray                *incident_ids,
                                                  DossierExportSummary  *summary,
                                                  GError               **error);

G_END_DECLS
