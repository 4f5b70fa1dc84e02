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

DossierVocabTerm *dossier_vocab_term_new (void);

/* Typed getters, plain and fast: each returns its field as stored in memory. Writes go
 * through dossier_record_set_field () (dossier_record_set_text () …, or g_object_set ()). */
const char *dossier_vocab_term_get_scheme    (DossierVocabTerm *self);
const char *dossier_vocab_term_get_code      (DossierVocabTerm *self);
const char *dossier_vocab_term_get_parent    (DossierVocabTerm *self);
const char *dossier_vocab_term_get_label_fr  (DossierVocabTerm *self);
const char *dossier_vocab_term_get_label_en  (DossierVocabTerm *self);
gint64      dossier_vocab_term_get_position  (DossierVocabTerm *self);
double      dossier_vocab_term_get_latitude  (DossierVocabTerm *self);
double      dossier_vocab_term_get_longitude (DossierVocabTerm *self);

G_END_DECLS
