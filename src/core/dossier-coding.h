/* dossier-coding.h: indexing testimonies: coded passages, the workflow, the queue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-audit-entry.h"
#include "dossier-passage.h"
#include "dossier-store.h"

G_BEGIN_DECLS

typedef enum {
  DOSSIER_PASSAGE_INCIDENT,
  DOSSIER_PASSAGE_VIOLATION,
  DOSSIER_PASSAGE_PERSON,
} DossierPassageKind;

DossierPassage *dossier_store_code_passage       (DossierStore        *store,
                                                  gint64               testimony_id,
                                                  gint64               start,
                                                  gint64               end,
                                                  DossierPassageKind   kind,
                                                  gint64               ref_id,
                                                  const char          *violation_type,
                                                  GError             **error);
GPtrArray      *dossier_store_list_passages      (DossierStore        *store,
                                                  gint64               testimony_id,
                                                  GError             **error);
GArray         *dossier_store_testimony_queue    (DossierStore        *store,
                                                  const char          *status,
                                                  const char          *office,
                                                  const char          *language,
                                                  GError             **error);
GPtrArray      *dossier_store_status_history     (DossierStore        *store,
                                                  gint64               testimony_id,
                                                  GError             **error);

G_END_DECLS
