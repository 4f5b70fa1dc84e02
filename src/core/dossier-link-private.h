/* dossier-link-private.h: the instance struct of DossierLink
 *
 * Only src/core's .c files include this header (as dossier-store-private.h); tests may,
 * to look inside a record (white-box). Everything else reads the record through the
 * typed getters of dossier-link.h and writes it through dossier_record_set_field()'s
 * setters, so that every change is notified once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-link.h"

G_BEGIN_DECLS

struct _DossierLink
{
  DossierRecord    parent_instance;

  DossierLinkKind  kind;
  gint64           left_id;      /* e.g. the incident of an incident ↔ actor link */
  gint64           right_id;     /* e.g. the actor */
  char            *role;
  char            *involvement;  /* incident ↔ actor only */
  char            *detail;       /* notes, or a testimony's excerpt */
};

G_END_DECLS
