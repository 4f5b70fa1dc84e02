/* dossier-vocab-row.h: a row to choose one or several terms of a vocabulary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dossier-store.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_VOCAB_ROW (dossier_vocab_row_get_type ())
G_DECLARE_FINAL_TYPE (DossierVocabRow, dossier_vocab_row, DOSSIER, VOCAB_ROW, AdwActionRow)

void                dossier_vocab_row_set_vocabulary (DossierVocabRow    *self,
                                                      DossierStore       *store,
                                                      const char         *lang);
const char         *dossier_vocab_row_get_scheme     (DossierVocabRow    *self);
void                dossier_vocab_row_set_parent     (DossierVocabRow    *self,
                                                      const char         *parent);
gboolean            dossier_vocab_row_offers         (DossierVocabRow    *self,
                                                      const char         *code);
const char         *dossier_vocab_row_get_value      (DossierVocabRow    *self);
void                dossier_vocab_row_set_value      (DossierVocabRow    *self,
                                                      const char         *code);
const char * const *dossier_vocab_row_get_values     (DossierVocabRow    *self);
void                dossier_vocab_row_set_values     (DossierVocabRow    *self,
                                                      const char * const *codes);
void                dossier_vocab_row_choose         (DossierVocabRow    *self,
                                                      const char         *code);
const char         *dossier_vocab_row_get_text       (DossierVocabRow    *self);
GStrv               dossier_vocab_row_get_choices    (DossierVocabRow    *self);
void                dossier_vocab_row_set_note       (DossierVocabRow    *self,
                                                      const char         *code,
                                                      const char         *note);

G_END_DECLS
