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

DossierActor *dossier_actor_new (void);

/* Typed getters, plain and fast: each returns its field as stored in memory. Writes go
 * through dossier_record_set_field () (dossier_record_set_text () …, or g_object_set ()). */
const char *dossier_actor_get_name        (DossierActor *self);
const char *dossier_actor_get_acronym     (DossierActor *self);
const char *dossier_actor_get_kind        (DossierActor *self);
gint64      dossier_actor_get_parent_id   (DossierActor *self);
const char *dossier_actor_get_description (DossierActor *self);
void        dossier_actor_set_parent_id   (DossierActor *self,
                                           gint64        parent_id);

G_END_DECLS
