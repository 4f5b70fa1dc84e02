/* query-test-util.c: synthetic dossiers for the query tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-synth.h"
#include "dossier-test-util.h"
#include "query-test-util.h"

DossierStore *
synth (const char *name,
       guint       incidents,
       guint       people,
       guint       testimonies,
       guint       words,
       guint32     seed)
{
  DossierStore *store = dossier_test_new_store (name);
  DossierSynthOptions options = { incidents, people, testimonies, words, seed };
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_synth_fill (store, &options, NULL, NULL, &error));
  g_assert_no_error (error);
  return store;
}
