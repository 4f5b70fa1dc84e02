/* dossier-export-tables.h: the dossier's tables as CSV, by profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-redaction.h"
#include "dossier-store.h"

G_BEGIN_DECLS

typedef enum {
  DOSSIER_TABLE_INCIDENTS,
  DOSSIER_TABLE_PEOPLE,
  DOSSIER_TABLE_TESTIMONIES,
  DOSSIER_TABLE_ACTORS,
  DOSSIER_TABLE_EVIDENCE,
  DOSSIER_N_TABLES
} DossierTable;

gboolean    dossier_table_from_string (const char      *name,
                                       DossierTable    *table);
const char *dossier_table_to_string   (DossierTable     table);
gboolean    dossier_export_table_csv  (DossierStore    *store,
                                       DossierTable     table,
                                       DossierProfile   profile,
                                       const char      *path,
                                       GError         **error);
gboolean    dossier_export_tables_csv (DossierStore    *store,
                                       DossierProfile   profile,
                                       const char      *dir,
                                       GError         **error);

G_END_DECLS
