/* dossier-vocab-term.h: a term of a controlled vocabulary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-record.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_VOCAB_TERM (dossier_vocab_term_get_type ())
G_DECLARE_FINAL_TYPE (DossierVocabTerm, dossier_vocab_term, DOSSIER, VOCAB_TERM, DossierRecord)

/* A term of a controlled vocabulary, with its French and English labels. */
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

DossierVocabTerm *dossier_vocab_term_new (void);

G_END_DECLS
