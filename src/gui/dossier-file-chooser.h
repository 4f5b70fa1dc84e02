/* dossier-file-chooser.h: the one way Dossier asks for a file or a folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called when a file was accepted: @file is the (first) one chosen; @chooser gives the rest
 * (several files, choices) until the function returns. Not called when the person cancels. */
typedef void (*DossierFileChosenFunc) (GtkFileChooser *chooser,
                                       GFile          *file,
                                       gpointer        user_data);

GtkFileChooserNative *dossier_file_chooser_new                (GtkWidget             *parent,
                                                               const char            *title,
                                                               GtkFileChooserAction   action,
                                                               const char            *accept);
void                  dossier_file_chooser_add_filter         (GtkFileChooserNative  *chooser,
                                                               const char            *name,
                                                               const char            *pattern,
                                                               const char            *mime_type);
void                  dossier_file_chooser_add_dossier_filter (GtkFileChooserNative  *chooser);
void                  dossier_file_chooser_add_figure_filters (GtkFileChooserNative  *chooser);
void                  dossier_file_chooser_set_folder         (GtkFileChooserNative  *chooser,
                                                               const char            *path);
void                  dossier_file_chooser_show               (GtkFileChooserNative  *chooser,
                                                               DossierFileChosenFunc  func,
                                                               gpointer               user_data,
                                                               GDestroyNotify         destroy);

G_END_DECLS
