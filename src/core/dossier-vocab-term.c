/* dossier-vocab-term.c: a term of a controlled vocabulary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "dossier-vocab-term.h"
#include "dossier-vocab-term-private.h"
#include "dossier-store-private.h"
#include "dossier-record-private.h"

G_DEFINE_FINAL_TYPE (DossierVocabTerm, dossier_vocab_term, DOSSIER_TYPE_RECORD)

#define F(name, type, vocab, ref) { #name, DOSSIER_FIELD_##type, G_STRUCT_OFFSET (DossierVocabTerm, name), vocab, ref }

static const DossierField fields[] = {
  F (scheme, TEXT, NULL, NULL),
  F (code, TEXT, NULL, NULL),
  F (parent, NTEXT, NULL, NULL),
  F (label_fr, TEXT, NULL, NULL),
  F (label_en, TEXT, NULL, NULL),
  F (position, INT, NULL, NULL),
  F (latitude, REAL, NULL, NULL),
  F (longitude, REAL, NULL, NULL),
};

static const DossierRecordInfo info = {
  .table = "vocabulary",
  .code_prefix = NULL,
  .code_digits = 0,
  .not_audited = TRUE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
dossier_vocab_term_class_init (DossierVocabTermClass *klass)
{
  _dossier_record_class_install_fields (DOSSIER_RECORD_CLASS (klass), &info, 1);
}

static void
dossier_vocab_term_init (DossierVocabTerm *self)
{
  _dossier_record_set_info (DOSSIER_RECORD (self), &info);
}

/**
 * dossier_vocab_term_new:
 *
 * Returns: (transfer full): a new, unsaved record with default values
 */
DossierVocabTerm *
dossier_vocab_term_new (void)
{
  return g_object_new (DOSSIER_TYPE_VOCAB_TERM, NULL);
}

/**
 * dossier_vocab_term_get_scheme:
 * @self: a #DossierVocabTerm
 *
 * Returns: (transfer none): its scheme
 */
const char *
dossier_vocab_term_get_scheme (DossierVocabTerm *self)
{
  g_return_val_if_fail (DOSSIER_IS_VOCAB_TERM (self), NULL);
  return self->scheme;
}

/**
 * dossier_vocab_term_get_code:
 * @self: a #DossierVocabTerm
 *
 * Returns: (transfer none): its code
 */
const char *
dossier_vocab_term_get_code (DossierVocabTerm *self)
{
  g_return_val_if_fail (DOSSIER_IS_VOCAB_TERM (self), NULL);
  return self->code;
}

/**
 * dossier_vocab_term_get_parent:
 * @self: a #DossierVocabTerm
 *
 * Returns: (transfer none) (nullable): its parent, %NULL when unset
 */
const char *
dossier_vocab_term_get_parent (DossierVocabTerm *self)
{
  g_return_val_if_fail (DOSSIER_IS_VOCAB_TERM (self), NULL);
  return self->parent;
}

/**
 * dossier_vocab_term_get_label_fr:
 * @self: a #DossierVocabTerm
 *
 * Returns: (transfer none): its label_fr
 */
const char *
dossier_vocab_term_get_label_fr (DossierVocabTerm *self)
{
  g_return_val_if_fail (DOSSIER_IS_VOCAB_TERM (self), NULL);
  return self->label_fr;
}

/**
 * dossier_vocab_term_get_label_en:
 * @self: a #DossierVocabTerm
 *
 * Returns: (transfer none): its label_en
 */
const char *
dossier_vocab_term_get_label_en (DossierVocabTerm *self)
{
  g_return_val_if_fail (DOSSIER_IS_VOCAB_TERM (self), NULL);
  return self->label_en;
}

/**
 * dossier_vocab_term_get_position:
 * @self: a #DossierVocabTerm
 *
 * Returns: its position, -1 when unknown
 */
gint64
dossier_vocab_term_get_position (DossierVocabTerm *self)
{
  g_return_val_if_fail (DOSSIER_IS_VOCAB_TERM (self), 0);
  return self->position;
}

/**
 * dossier_vocab_term_get_latitude:
 * @self: a #DossierVocabTerm
 *
 * Returns: its latitude, NAN when unknown
 */
double
dossier_vocab_term_get_latitude (DossierVocabTerm *self)
{
  g_return_val_if_fail (DOSSIER_IS_VOCAB_TERM (self), NAN);
  return self->latitude;
}

/**
 * dossier_vocab_term_get_longitude:
 * @self: a #DossierVocabTerm
 *
 * Returns: its longitude, NAN when unknown
 */
double
dossier_vocab_term_get_longitude (DossierVocabTerm *self)
{
  g_return_val_if_fail (DOSSIER_IS_VOCAB_TERM (self), NAN);
  return self->longitude;
}
