/* dossier-vocab.h: controlled vocabularies with French and English labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-store.h"
#include "dossier-vocab-term.h"

G_BEGIN_DECLS

GPtrArray *dossier_vocab_parse          (GBytes        *json,
                                         const char    *name,
                                         GError       **error);
GStrv      dossier_vocab_bundled_schemes (void);
gboolean   dossier_vocab_load_bundled   (DossierStore  *store,
                                         GError       **error);
GPtrArray *dossier_store_list_vocab     (DossierStore  *store,
                                         const char    *scheme,
                                         GError       **error);
gboolean   dossier_store_check_term     (DossierStore  *store,
                                         const char    *scheme,
                                         const char    *code,
                                         GError       **error);
char      *dossier_store_vocab_label    (DossierStore  *store,
                                         const char    *scheme,
                                         const char    *code,
                                         const char    *lang);
const char *dossier_vocab_term_get_label (DossierVocabTerm *term,
                                          const char       *lang);

G_END_DECLS
