/* dossier-passage.h: a coded passage of a testimony's transcript
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-record.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_PASSAGE (dossier_passage_get_type ())
G_DECLARE_FINAL_TYPE (DossierPassage, dossier_passage, DOSSIER, PASSAGE, DossierRecord)

/* A stretch of a transcript, in characters from its start, and what it was coded as. */
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

DossierPassage *dossier_passage_new (void);

G_END_DECLS
