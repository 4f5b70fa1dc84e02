/* dossier-file-chooser.c: the one way Dossier asks for a file or a folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 has no GtkFileDialog: GtkFileChooserNative (a portal's dialog where there is one)
 * is set up, made modal over the window asking, and freed once answered, the same way
 * wherever Dossier asks; the asker is given the file, and only when one was chosen.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-file-chooser.h"

/**
 * dossier_file_chooser_new:
 * @parent: (nullable): the widget asking: the chooser is modal over its window
 * @title: the dialog's title
 * @action: open, save or choose a folder
 * @accept: the label of the button that accepts, with its mnemonic
 *
 * Returns: (transfer full): a chooser to set up, then give to dossier_file_chooser_show()
 */
GtkFileChooserNative *
dossier_file_chooser_new (GtkWidget            *parent,
                          const char           *title,
                          GtkFileChooserAction  action,
                          const char           *accept)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  GtkFileChooserNative *chooser;

  g_return_val_if_fail (parent == NULL || GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  return chooser;
}

/**
 * dossier_file_chooser_add_filter:
 * @chooser: a chooser
 * @name: what the filter shows, as a person names it
 * @pattern: (nullable): a glob such as `*.pdf`
 * @mime_type: (nullable): a media type
 */
void
dossier_file_chooser_add_filter (GtkFileChooserNative *chooser,
                                 const char           *name,
                                 const char           *pattern,
                                 const char           *mime_type)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (GTK_IS_FILE_CHOOSER_NATIVE (chooser));

  gtk_file_filter_set_name (filter, name);
  if (pattern != NULL)
    gtk_file_filter_add_pattern (filter, pattern);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
}

/**
 * dossier_file_chooser_add_dossier_filter:
 * @chooser: a chooser
 *
 * Shows dossiers: `*.dossier` files, and the files of their media type.
 */
void
dossier_file_chooser_add_dossier_filter (GtkFileChooserNative *chooser)
{
  dossier_file_chooser_add_filter (chooser, _("Dossiers"), "*.dossier", "application/x-dossier");
}

/**
 * dossier_file_chooser_add_figure_filters:
 * @chooser: a chooser
 *
 * Shows the formats a map or a timeline is exported in: PNG, SVG and PDF.
 */
void
dossier_file_chooser_add_figure_filters (GtkFileChooserNative *chooser)
{
  static const char * const formats[][2] = {
    { N_("PNG image"), "*.png" }, { N_("SVG drawing"), "*.svg" }, { N_("PDF document"), "*.pdf" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    dossier_file_chooser_add_filter (chooser, _(formats[i][0]), formats[i][1], NULL);
}

/**
 * dossier_file_chooser_set_folder:
 * @chooser: a chooser
 * @path: the folder it opens in
 */
void
dossier_file_chooser_set_folder (GtkFileChooserNative *chooser,
                                 const char           *path)
{
  g_autoptr(GFile) folder = NULL;

  g_return_if_fail (GTK_IS_FILE_CHOOSER_NATIVE (chooser));
  g_return_if_fail (path != NULL);

  folder = g_file_new_for_path (path);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
}

typedef struct {
  DossierFileChosenFunc func;
  gpointer              user_data;
  GDestroyNotify        destroy;
} Asker;

static void
asker_free (gpointer data,
            GClosure *closure)
{
  Asker *asker = data;

  if (asker->destroy != NULL)
    asker->destroy (asker->user_data);
  g_free (asker);
}

static void
on_response (GtkNativeDialog *dialog,
             int              response,
             Asker           *asker)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        asker->func (GTK_FILE_CHOOSER (dialog), file, asker->user_data);
    }
  /* The reference dossier_file_chooser_new() gave; the asker goes with the handler. */
  g_object_unref (dialog);
}

/**
 * dossier_file_chooser_show:
 * @chooser: (transfer full): a chooser from dossier_file_chooser_new()
 * @func: called with the file chosen
 * @user_data: for @func
 * @destroy: (nullable): frees @user_data once the chooser is answered or gone
 *
 * Shows @chooser and frees it once answered.
 */
void
dossier_file_chooser_show (GtkFileChooserNative  *chooser,
                           DossierFileChosenFunc  func,
                           gpointer               user_data,
                           GDestroyNotify         destroy)
{
  Asker *asker;

  g_return_if_fail (GTK_IS_FILE_CHOOSER_NATIVE (chooser));
  g_return_if_fail (func != NULL);

  asker = g_new0 (Asker, 1);
  asker->func = func;
  asker->user_data = user_data;
  asker->destroy = destroy;
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_response), asker, asker_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
