/* dossier-gazetteer.h: places found by name, offline, for setting where an incident was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-store.h"

G_BEGIN_DECLS

typedef struct {
  char   *name;
  char   *detail;     /* what it is: "Cercle of Mali", "Region of Mali", or where it is */
  double  latitude;
  double  longitude;
  char   *scheme;     /* "admin1" for a region, "admin2" for a cercle, NULL for a town */
} DossierGazetteerEntry;

void       dossier_gazetteer_entry_free (DossierGazetteerEntry *entry);
GPtrArray *dossier_gazetteer_search     (DossierStore          *store,
                                         const char            *text,
                                         const char            *lang,
                                         guint                  limit);
char      *dossier_gazetteer_no_match   (const char            *text);
void       dossier_gazetteer_locate     (DossierStore          *store,
                                         double                 latitude,
                                         double                 longitude,
                                         char                 **admin1,
                                         char                 **admin2);

G_END_DECLS
