/* dossier-online-source.h: map tiles from the network, politely, when allowed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_ONLINE_SOURCE (dossier_online_source_get_type ())
G_DECLARE_FINAL_TYPE (DossierOnlineSource, dossier_online_source, DOSSIER, ONLINE_SOURCE, ShumateDataSource)

DossierOnlineSource *dossier_online_source_new (const char *url_template,
                                                const char *cache_dir);

G_END_DECLS
