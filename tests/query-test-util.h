/* query-test-util.h: what the query tests share (test-query*.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-store.h"

G_BEGIN_DECLS

DossierStore *synth (const char *name,
                     guint       incidents,
                     guint       people,
                     guint       testimonies,
                     guint       words,
                     guint32     seed);

G_END_DECLS
