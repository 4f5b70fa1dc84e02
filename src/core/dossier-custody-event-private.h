/* dossier-custody-event-private.h: the instance struct of DossierCustodyEvent
 *
 * Only src/core's .c files include this header (as dossier-store-private.h); tests may,
 * to look inside a record (white-box). Everything else reads the record through the
 * typed getters of dossier-custody-event.h and writes it through dossier_record_set_field()'s
 * setters, so that every change is notified once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-custody-event.h"

G_BEGIN_DECLS

struct _DossierCustodyEvent
{
  DossierRecord parent_instance;

  gint64    evidence_id;                  /* id of the evidence, 0 when none */
  char     *at;
  char     *user;
  char     *action;
  char     *details;
  char     *prev_hash;
  char     *hash;
};

G_END_DECLS
