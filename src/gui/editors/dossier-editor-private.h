/* dossier-editor-private.h: what the parts of the editors' base class share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-editor.h"

G_BEGIN_DECLS

char     *_dossier_editor_widget_text     (GtkWidget                 *widget);
void      _dossier_editor_set_widget_text (GtkWidget                 *widget,
                                           const char                *text);
gboolean  _dossier_editor_check_number    (const DossierEditorField  *spec,
                                           const char                *text,
                                           char                     **value,
                                           char                     **message);

G_END_DECLS
