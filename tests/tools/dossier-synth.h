/* dossier-synth.h: deterministic synthetic dossiers of any size, for tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-locker.h"
#include "dossier-store.h"

G_BEGIN_DECLS

typedef struct {
  guint    incidents;
  guint    people;
  guint    testimonies;
  guint    words;        /* per transcript */
  guint32  seed;
} DossierSynthOptions;

gboolean dossier_synth_fill (DossierStore              *store,
                             const DossierSynthOptions *options,
                             DossierProgressFunc        progress,
                             gpointer                   progress_data,
                             GError                   **error);

/* Words whose share of documents the generator controls, so that benchmarks can search for
 * a rare term, a term of middling frequency and a prefix, whatever the seed. */
#define DOSSIER_SYNTH_RARE_TERM    "motopompe"
#define DOSSIER_SYNTH_COMMON_TERM  "milice"
#define DOSSIER_SYNTH_PREFIX_TERM  "otag*"

G_END_DECLS
