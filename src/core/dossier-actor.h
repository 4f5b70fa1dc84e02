/* dossier-actor.h: an armed actor or institution
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-record.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ACTOR (dossier_actor_get_type ())
G_DECLARE_FINAL_TYPE (DossierActor, dossier_actor, DOSSIER, ACTOR, DossierRecord)

/* An armed actor or institution. */
struct _DossierActor
{
  DossierRecord parent_instance;

  char     *name;
  char     *acronym;
  char     *kind;                         /* vocabulary “actor-kind” */
  gint64    parent_id;                    /* id of the actor, 0 when none */
  char     *description;
};

DossierActor *dossier_actor_new (void);

G_END_DECLS
