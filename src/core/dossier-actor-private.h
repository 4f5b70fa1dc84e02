/* dossier-actor-private.h: the instance struct of DossierActor
 *
 * Only src/core's .c files include this header (as dossier-store-private.h); tests may,
 * to look inside a record (white-box). Everything else reads the record through the
 * typed getters of dossier-actor.h and writes it through dossier_record_set_field()'s
 * setters, so that every change is notified once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-actor.h"

G_BEGIN_DECLS

struct _DossierActor
{
  DossierRecord parent_instance;

  char     *name;
  char     *acronym;
  char     *kind;                         /* vocabulary “actor-kind” */
  gint64    parent_id;                    /* id of the actor, 0 when none */
  char     *description;
};

G_END_DECLS
