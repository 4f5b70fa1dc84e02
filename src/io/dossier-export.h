/* dossier-export.h: exporting a dossier, one use case for the Export dialog and the CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dossier-annex.h"
#include "dossier-export-incidents.h"
#include "dossier-export-tables.h"
#include "dossier-progress-relay.h"
#include "dossier-redaction.h"

G_BEGIN_DECLS

typedef enum {
  DOSSIER_EXPORT_ANNEX,        /* the PDF annex */
  DOSSIER_EXPORT_TABLE,        /* one table as CSV */
  DOSSIER_EXPORT_TABLES,       /* every table as CSV, in a new folder */
  DOSSIER_EXPORT_INCIDENTS,    /* the incidents as CSV, GeoJSON or KML */
  DOSSIER_EXPORT_INTERCHANGE,  /* the JSON interchange */
  DOSSIER_EXPORT_BAG,          /* a BagIt bag of the whole dossier: the internal profile only */
} DossierExportKind;

/* What to export, and the policy: for whom (the profile decides what may leave), and how
 * the dossier is opened. */
typedef struct {
  DossierExportKind           kind;
  DossierProfile              profile;
  DossierTable                table;          /* DOSSIER_EXPORT_TABLE */
  DossierExportFormat         format;         /* DOSSIER_EXPORT_INCIDENTS */
  /* DOSSIER_EXPORT_ANNEX: its profile, progress and cancellable are the export's. Its
   * figures' data must live until the export has finished. */
  const DossierAnnexOptions  *annex;
  const char                 *user;           /* as custody logs a bag's copies */
  /* The dossier is open in this process already (and was checked when it was opened):
   * the export's own connection skips the full check. Otherwise a bag, which writes into
   * the dossier, checks it first. */
  gboolean                    open_elsewhere;
} DossierExportOptions;

void     dossier_export_async  (const char                 *dossier_path,
                                const DossierExportOptions *options,
                                const char                 *out,
                                DossierTaskProgressFunc     progress,
                                gpointer                    progress_data,
                                GDestroyNotify              progress_notify,
                                GCancellable               *cancellable,
                                GAsyncReadyCallback         callback,
                                gpointer                    user_data);
gboolean dossier_export_finish (GAsyncResult               *result,
                                GError                    **error);

G_END_DECLS
