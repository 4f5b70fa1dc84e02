/* dossier-demo.h: the demo dossier, built from the sources shipped in data/demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-store.h"

G_BEGIN_DECLS

DossierStore *dossier_demo_create (const char  *path,
                                   GError     **error);

G_END_DECLS
