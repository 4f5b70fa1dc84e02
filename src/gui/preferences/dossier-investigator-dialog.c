/* dossier-investigator-dialog.c: who is recording, asked once before anything is recorded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Custody logs and the audit log name who did each thing. Without this, they named the
 * login account ("root" on a shared laptop), which tells a court nothing. The name is the
 * GSettings key "investigator-name", changed later in Preferences; the application asks for
 * it before it opens a dossier for the first time (see dossier-application.c).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-investigator-dialog.h"

struct _DossierInvestigatorDialog
{
  AdwWindow    parent_instance;

  AdwEntryRow *name_row;
  GtkWidget   *continue_button;
};

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DossierInvestigatorDialog, dossier_investigator_dialog, ADW_TYPE_WINDOW)

static char *
typed_name (DossierInvestigatorDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
}

static void
on_name_changed (DossierInvestigatorDialog *self)
{
  g_autofree char *name = typed_name (self);

  gtk_widget_set_sensitive (self->continue_button, *name != '\0');
}

/**
 * dossier_investigator_dialog_confirm:
 * @self: a #DossierInvestigatorDialog
 *
 * Keeps the name typed, as Continue or Enter does: writes it to the settings, emits
 * ::chosen and closes. Nothing happens while no name is typed.
 *
 * Returns: %TRUE if a name was kept
 */
gboolean
dossier_investigator_dialog_confirm (DossierInvestigatorDialog *self)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (DOSSIER_IS_INVESTIGATOR_DIALOG (self), FALSE);

  name = typed_name (self);
  if (*name == '\0')
    return FALSE;
  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "investigator-name", name);
  g_object_ref (self);
  g_signal_emit (self, signals[CHOSEN], 0, name);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
  return TRUE;
}

static void
dossier_investigator_dialog_class_init (DossierInvestigatorDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* The name was typed and kept: the name. */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/dossier/Dossier/preferences/dossier-investigator-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierInvestigatorDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, DossierInvestigatorDialog, continue_button);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, dossier_investigator_dialog_confirm);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dossier_investigator_dialog_init (DossierInvestigatorDialog *self)
{
  const char *real = g_get_real_name ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The account's full name, when it has one, is offered to confirm; a login name
   * ("root", "user") is not a name. */
  if (real != NULL && !g_str_equal (real, "Unknown") && !g_str_equal (real, g_get_user_name ()))
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), real);
  on_name_changed (self);
}

/**
 * dossier_investigator_dialog_new:
 *
 * Returns: (transfer floating): the dialog, to be presented; closed without a name, it
 *   leaves the setting as it was
 */
GtkWidget *
dossier_investigator_dialog_new (void)
{
  return g_object_new (DOSSIER_TYPE_INVESTIGATOR_DIALOG, NULL);
}
