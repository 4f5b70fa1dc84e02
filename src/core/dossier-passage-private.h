/* dossier-passage-private.h: the instance struct of DossierPassage
 *
 * Only src/core's .c files include this header (as dossier-store-private.h); tests may,
 * to look inside a record (white-box). Everything else reads the record through the
 * typed getters of dossier-passage.h and writes it through dossier_record_set_field()'s
 * setters, so that every change is notified once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-passage.h"

G_BEGIN_DECLS

struct _DossierPassage
{
  DossierRecord parent_instance;

  gint64    testimony_id;
  gint64    start_offset;
  gint64    end_offset;
  char     *kind;             /* "incident", "violation" or "person" */
  gint64    incident_id;      /* 0 unless kind is "incident" */
  gint64    person_id;        /* 0 unless kind is "person" */
  char     *violation_type;   /* vocabulary “violation-type”, NULL unless kind is "violation" */
  char     *coded_by;
};

G_END_DECLS
