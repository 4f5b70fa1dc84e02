/* dossier-vocab-term-private.h: the instance struct of DossierVocabTerm
 *
 * Only src/core's .c files include this header (as dossier-store-private.h); tests may,
 * to look inside a record (white-box). Everything else reads the record through the
 * typed getters of dossier-vocab-term.h and writes it through dossier_record_set_field()'s
 * setters, so that every change is notified once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-vocab-term.h"

G_BEGIN_DECLS

struct _DossierVocabTerm
{
  DossierRecord parent_instance;

  char     *scheme;
  char     *code;
  char     *parent;
  char     *label_fr;
  char     *label_en;
  gint64    position;                     /* -1 when unknown */
  double    latitude;                     /* NAN when unknown */
  double    longitude;                    /* NAN when unknown */
};

G_END_DECLS
