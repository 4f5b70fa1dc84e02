/* export-window-test-util.h: what the export window's tests share (test-export-window*.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-export-window.h"

G_BEGIN_DECLS

DossierExportWindow *find_export_window (void);
void                 on_finished        (DossierExportWindow *dialog,
                                         const char          *path,
                                         gboolean            *done);
void                 run_export         (DossierExportWindow *dialog,
                                         const char          *path,
                                         gboolean             print);
void                 keep_copy          (const char          *path);
void                 collect_checks     (GtkWidget           *widget,
                                         GPtrArray           *checks);

G_END_DECLS
