/* dossier-identity-private.h: the instance struct of DossierIdentity
 *
 * Only src/core's .c files include this header (as dossier-store-private.h); tests may,
 * to look inside a record (white-box). Everything else reads the record through the
 * typed getters of dossier-identity.h and writes it through dossier_record_set_field()'s
 * setters, so that every change is notified once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-identity.h"

G_BEGIN_DECLS

struct _DossierIdentity
{
  DossierRecord parent_instance;

  gint64    person_id;                    /* id of the person, 0 when none */
  char     *full_name;
  char     *other_names;
  char     *contact;
  char     *address;
};

G_END_DECLS
