/* dossier-export-query.h: what an export lists of a record's links, by its redaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-redaction.h"
#include "dossier-store.h"

G_BEGIN_DECLS

/* The records linked to one record, as exporters list them. */
typedef enum {
  DOSSIER_EXPORT_INCIDENT_ACTORS,      /* "acronym CODE" (or name), and the actor's role, in link order */
  DOSSIER_EXPORT_INCIDENT_PEOPLE,      /* codes, and roles where the person's roles may be said */
  DOSSIER_EXPORT_INCIDENT_TESTIMONIES,
  DOSSIER_EXPORT_INCIDENT_EVIDENCE,    /* the items the profile keeps */
  DOSSIER_EXPORT_TESTIMONY_INCIDENTS,  /* the incidents the profile keeps */
  DOSSIER_EXPORT_TESTIMONY_WITNESS,    /* the one who gave it: withheld unless their testimonies may be said */
  DOSSIER_EXPORT_PERSON_INCIDENTS,     /* codes and roles; the incidents the profile keeps */
  DOSSIER_EXPORT_PERSON_TESTIMONIES,
  DOSSIER_EXPORT_EVIDENCE_INCIDENTS,   /* the incidents the profile keeps */
  DOSSIER_EXPORT_ACTOR_PARENT,
} DossierExportRelation;

typedef struct {
  char     *code;
  char     *role;      /* a vocabulary code, "" or NULL */
  gboolean  withheld;  /* the record is linked, but who it is may not be said */
} DossierExportLinked;

void       dossier_export_linked_free     (DossierExportLinked    *linked);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierExportLinked, dossier_export_linked_free)

GPtrArray *dossier_export_query_linked    (DossierStore           *store,
                                           DossierRedaction       *redaction,
                                           DossierExportRelation   relation,
                                           gint64                  id,
                                           GError                **error);
gint64     dossier_export_query_alleged   (DossierStore           *store,
                                           DossierRedaction       *redaction,
                                           gint64                  actor_id,
                                           GError                **error);
gboolean   dossier_export_query_custody   (DossierStore           *store,
                                           gint64                  evidence_id,
                                           gint64                 *events,
                                           char                  **last_action,
                                           char                  **last_at,
                                           GError                **error);

G_END_DECLS
