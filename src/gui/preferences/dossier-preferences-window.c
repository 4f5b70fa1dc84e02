/* dossier-preferences-window.c: the investigator's preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every preference is a GSettings key, written as it changes. The interface language is
 * applied by main() at the next start: gettext cannot switch a running program cleanly.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-accessible.h"
#include "dossier-preferences-window.h"

struct _DossierPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwEntryRow          *name_row;
  AdwComboRow          *language_row;
  GtkSwitch            *tiles_switch;

  GSettings            *settings;
  gboolean              loading;
};

G_DEFINE_FINAL_TYPE (DossierPreferencesWindow, dossier_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Positions of the language row, and the settings' values for them. */
static const char * const language_codes[] = { "", "fr", "en" };

static void
on_name_changed (DossierPreferencesWindow *self)
{
  g_autofree char *name = NULL;

  if (self->loading)
    return;
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_settings_set_string (self->settings, "investigator-name", name);
}

static void
on_language_selected (DossierPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);
  g_autofree char *before = NULL;

  if (self->loading || selected >= G_N_ELEMENTS (language_codes))
    return;
  before = g_settings_get_string (self->settings, "interface-language");
  if (g_str_equal (before, language_codes[selected]))
    return;
  g_settings_set_string (self->settings, "interface-language", language_codes[selected]);
  {
    AdwToast *toast = adw_toast_new (_("The new language will be used when Dossier starts again"));

    adw_toast_set_button_label (toast, _("_Restart"));
    adw_toast_set_action_name (toast, "app.restart");
    adw_toast_set_timeout (toast, 0);
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
  }
}

static void
dossier_preferences_window_dispose (GObject *object)
{
  g_clear_object (&DOSSIER_PREFERENCES_WINDOW (object)->settings);

  G_OBJECT_CLASS (dossier_preferences_window_parent_class)->dispose (object);
}

static void
dossier_preferences_window_class_init (DossierPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = dossier_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/dossier/Dossier/preferences/dossier-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, DossierPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, DossierPreferencesWindow, tiles_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_language_selected);
}

static void
dossier_preferences_window_init (DossierPreferencesWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *language = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  /* The pages' tabs are made when the window is shown. */
  g_signal_connect (self, "map", G_CALLBACK (dossier_accessible_name_parts_of_gtk), NULL);

  self->loading = TRUE;
  name = g_settings_get_string (self->settings, "investigator-name");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  language = g_settings_get_string (self->settings, "interface-language");
  for (guint i = 0; i < G_N_ELEMENTS (language_codes); i++)
    if (g_str_equal (language, language_codes[i]))
      adw_combo_row_set_selected (self->language_row, i);
  g_settings_bind (self->settings, "online-tiles", self->tiles_switch, "active", G_SETTINGS_BIND_DEFAULT);
  self->loading = FALSE;
}

GtkWidget *
dossier_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (DOSSIER_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}
