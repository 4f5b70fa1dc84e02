/* dossier-new-dossier-dialog.c: what a new dossier is about, asked before where it goes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * File → New used to open a file chooser at once, on "Nouveau dossier.dossier" ("dossier"
 * is also French for a folder). An investigator first says what the dossier is: its title,
 * the period it covers (EDTF, read back in words as it is typed), the language of its
 * annexes and the inquiry's mandate, all printed on the cover of its annexes; then where
 * to keep it, under a name made from the title.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dossier-date-row.h"
#include "dossier-file-chooser.h"
#include "dossier-new-dossier-dialog.h"
#include "dossier-store.h"
#include "dossier-info.h"

struct _DossierNewDossierDialog
{
  AdwWindow       parent_instance;

  AdwEntryRow    *title_row;
  DossierDateRow *period_row;
  AdwComboRow    *language_row;
  GtkTextView    *mandate_view;
  GtkWidget      *create_button;

  /* Set in edit mode: the dossier whose details are changed, saved with no file chooser. */
  DossierStore   *store;
};

enum {
  CREATED,
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Positions of the language row. */
static const char * const languages[] = { "fr", "en" };

G_DEFINE_FINAL_TYPE (DossierNewDossierDialog, dossier_new_dossier_dialog, ADW_TYPE_WINDOW)

char *
dossier_new_dossier_dialog_get_title (DossierNewDossierDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_NEW_DOSSIER_DIALOG (self), NULL);
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
}

char *
dossier_new_dossier_dialog_get_mandate (DossierNewDossierDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (DOSSIER_IS_NEW_DOSSIER_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->mandate_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

const char *
dossier_new_dossier_dialog_get_period (DossierNewDossierDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_NEW_DOSSIER_DIALOG (self), NULL);
  return dossier_date_row_get_text (self->period_row);
}

const char *
dossier_new_dossier_dialog_get_language (DossierNewDossierDialog *self)
{
  guint selected;

  g_return_val_if_fail (DOSSIER_IS_NEW_DOSSIER_DIALOG (self), NULL);

  selected = adw_combo_row_get_selected (self->language_row);
  return languages[selected < G_N_ELEMENTS (languages) ? selected : 0];
}

/**
 * dossier_new_dossier_dialog_is_complete:
 * @self: a #DossierNewDossierDialog
 *
 * Returns: whether the dossier can be made: it has a title, and its period (if given)
 *   reads as a date or a period
 */
gboolean
dossier_new_dossier_dialog_is_complete (DossierNewDossierDialog *self)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (DOSSIER_IS_NEW_DOSSIER_DIALOG (self), FALSE);

  title = dossier_new_dossier_dialog_get_title (self);
  return *title != '\0' && dossier_date_row_is_valid (self->period_row);
}

/**
 * dossier_new_dossier_dialog_suggest_name:
 * @self: a #DossierNewDossierDialog
 *
 * Returns: (transfer full): a file name made from the title ("Moura, mars 2022.dossier"),
 *   without the characters file systems refuse, at most 64 characters before the suffix
 */
char *
dossier_new_dossier_dialog_suggest_name (DossierNewDossierDialog *self)
{
  g_autofree char *title = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  gboolean space = FALSE;
  guint n = 0;

  g_return_val_if_fail (DOSSIER_IS_NEW_DOSSIER_DIALOG (self), NULL);

  title = dossier_new_dossier_dialog_get_title (self);
  for (const char *p = title; *p != '\0' && n < 64; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Separators of paths on any system, and what Windows forbids, become spaces. */
      if (g_unichar_iscntrl (c) || g_unichar_isspace (c) || strchr ("/\\:*?\"<>|", (int) c) != NULL)
        {
          space = name->len > 0;
          continue;
        }
      /* A leading dot would hide the file. */
      if (name->len == 0 && c == '.')
        continue;
      if (space)
        {
          g_string_append_c (name, ' ');
          n++;
        }
      space = FALSE;
      g_string_append_unichar (name, c);
      n++;
    }
  if (name->len == 0)
    /* Translators: the file name of a new dossier whose title gives none; “.dossier” is added */
    g_string_append (name, _("New inquiry"));
  g_string_append (name, ".dossier");
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static void
on_changed (DossierNewDossierDialog *self)
{
  gtk_widget_set_sensitive (self->create_button, dossier_new_dossier_dialog_is_complete (self));
}

/**
 * dossier_new_dossier_dialog_create:
 * @self: a #DossierNewDossierDialog
 * @path: where to make the dossier; ".dossier" is added if missing
 * @error: return location for a #GError
 *
 * Makes the dossier described, emits ::created with its path and closes, as choosing a
 * file after Create does.
 *
 * Returns: %TRUE if it was made
 */
gboolean
dossier_new_dossier_dialog_create (DossierNewDossierDialog  *self,
                                   const char               *path,
                                   GError                  **error)
{
  g_autofree char *full = NULL;
  g_autofree char *title = NULL;
  g_autofree char *mandate = NULL;
  g_autoptr(DossierStore) store = NULL;

  g_return_val_if_fail (DOSSIER_IS_NEW_DOSSIER_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  full = g_str_has_suffix (path, ".dossier") ? g_strdup (path) : g_strconcat (path, ".dossier", NULL);
  title = dossier_new_dossier_dialog_get_title (self);
  mandate = dossier_new_dossier_dialog_get_mandate (self);
  store = dossier_create_described (full, title, mandate, dossier_new_dossier_dialog_get_period (self),
                                          dossier_new_dossier_dialog_get_language (self), error);
  if (store == NULL)
    return FALSE;
  dossier_store_close (store);
  g_object_ref (self);
  g_signal_emit (self, signals[CREATED], 0, full);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
  return TRUE;
}

static void
on_file_chosen (GtkFileChooser *chooser,
                GFile          *file,
                gpointer        user_data)
{
  DossierNewDossierDialog *self = user_data;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  if (path != NULL && !dossier_new_dossier_dialog_create (self, path, &error))
    {
      AdwMessageDialog *message = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                              _("The dossier could not be made"),
                                                                              error->message));

      adw_message_dialog_add_response (message, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
    }
}

/**
 * dossier_new_dossier_dialog_save:
 * @self: a #DossierNewDossierDialog made by dossier_new_dossier_dialog_new_for_store()
 * @error: return location for a #GError
 *
 * Writes the details changed into the dossier, in one transaction, each change audited;
 * emits ::saved and closes.
 *
 * Returns: %TRUE if they were saved
 */
gboolean
dossier_new_dossier_dialog_save (DossierNewDossierDialog  *self,
                                 GError                  **error)
{
  g_autofree char *uuid = NULL;
  g_autofree char *title = NULL;
  g_autofree char *mandate = NULL;
  char *old[4] = { NULL };
  const char *fields[] = { "title", "mandate", "period", "default_lang" };
  const char *values[4];
  gboolean ok = FALSE;

  g_return_val_if_fail (DOSSIER_IS_NEW_DOSSIER_DIALOG (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  title = dossier_new_dossier_dialog_get_title (self);
  mandate = dossier_new_dossier_dialog_get_mandate (self);
  values[0] = title;
  values[1] = mandate;
  values[2] = dossier_new_dossier_dialog_get_period (self);
  values[3] = dossier_new_dossier_dialog_get_language (self);
  if (!dossier_store_get_info (self->store, &uuid, &old[0], &old[1], &old[2], &old[3], error) ||
      !dossier_store_begin (self->store, error))
    goto out;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      /* Only what changed is written, so that the audit log says what was done. */
      if (g_strcmp0 (old[i] ? old[i] : "", values[i]) != 0 &&
          !dossier_store_set_info (self->store, fields[i], values[i], error))
        {
          dossier_store_rollback (self->store);
          goto out;
        }
    }
  if (!dossier_store_commit (self->store, error))
    {
      dossier_store_rollback (self->store);
      goto out;
    }
  ok = TRUE;

out:
  for (guint i = 0; i < G_N_ELEMENTS (old); i++)
    g_free (old[i]);
  if (!ok)
    return FALSE;
  g_object_ref (self);
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
  return TRUE;
}

/* Then where to keep it: a file chooser, the name made from the title. */
static void
on_create_clicked (DossierNewDossierDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (!dossier_new_dossier_dialog_is_complete (self))
    return;
  if (self->store != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!dossier_new_dossier_dialog_save (self, &error))
        {
          AdwMessageDialog *message = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                                  _("The details could not be saved"),
                                                                                  error->message));

          adw_message_dialog_add_response (message, "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (message));
        }
      return;
    }
  chooser = dossier_file_chooser_new (GTK_WIDGET (self), _("Save the New Dossier"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                      _("_Create"));
  dossier_file_chooser_add_dossier_filter (chooser);
  /* The documents, or home where no folder is set for them; not wherever Dossier started. */
  dossier_file_chooser_set_folder (chooser, documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR)
                                            ? documents : g_get_home_dir ());
  name = dossier_new_dossier_dialog_suggest_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  dossier_file_chooser_show (chooser, on_file_chosen, g_object_ref (self), g_object_unref);
}

static void
dossier_new_dossier_dialog_dispose (GObject *object)
{
  DossierNewDossierDialog *self = DOSSIER_NEW_DOSSIER_DIALOG (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (dossier_new_dossier_dialog_parent_class)->dispose (object);
}

static void
dossier_new_dossier_dialog_class_init (DossierNewDossierDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_new_dossier_dialog_dispose;
  /* In edit mode, the details were saved. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* The dossier was made: its path. */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (DOSSIER_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/dossier/Dossier/editors/dossier-new-dossier-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierNewDossierDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, DossierNewDossierDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, DossierNewDossierDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, DossierNewDossierDialog, mandate_view);
  gtk_widget_class_bind_template_child (widget_class, DossierNewDossierDialog, create_button);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dossier_new_dossier_dialog_init (DossierNewDossierDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Translators: an example of a period in the Extended Date/Time Format; keep it as it is */
  gtk_entry_set_placeholder_text (GTK_ENTRY (dossier_date_row_get_entry (self->period_row)), _("2012/2023"));
  /* Room for a period of two days ("2022-03-27/2022-03-31"), beside how it reads. */
  gtk_editable_set_width_chars (dossier_date_row_get_entry (self->period_row), 21);
  gtk_editable_set_max_width_chars (dossier_date_row_get_entry (self->period_row), 21);
  /* The title is typed first, not Cancel pressed. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->title_row));
  on_changed (self);
}

/**
 * dossier_new_dossier_dialog_new:
 * @parent: (nullable): the window it is for
 * @lang: "fr" or "en": the interface's language, offered for the annexes
 *
 * Returns: (transfer floating): the dialog; ::created tells when the dossier is made
 */
GtkWidget *
dossier_new_dossier_dialog_new (GtkWindow  *parent,
                                const char *lang)
{
  DossierNewDossierDialog *self = g_object_new (DOSSIER_TYPE_NEW_DOSSIER_DIALOG, "transient-for", parent, NULL);

  adw_combo_row_set_selected (self->language_row, g_strcmp0 (lang, "en") == 0 ? 1 : 0);
  dossier_date_row_set_lang (self->period_row, lang);
  return GTK_WIDGET (self);
}

/**
 * dossier_new_dossier_dialog_new_for_store:
 * @parent: (nullable): the window it is for
 * @store: the open dossier whose details are changed
 * @lang: "fr" or "en": the interface's language, in which the period reads
 *
 * The same questions as File → New, filled with what the dossier says, saved into it
 * by Save with no file chooser.
 *
 * Returns: (transfer floating): the dialog; ::saved tells when the details are saved
 */
GtkWidget *
dossier_new_dossier_dialog_new_for_store (GtkWindow    *parent,
                                          DossierStore *store,
                                          const char   *lang)
{
  DossierNewDossierDialog *self;
  g_autofree char *uuid = NULL;
  g_autofree char *title = NULL;
  g_autofree char *mandate = NULL;
  g_autofree char *period = NULL;
  g_autofree char *default_lang = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);

  self = DOSSIER_NEW_DOSSIER_DIALOG (dossier_new_dossier_dialog_new (parent, lang));
  self->store = g_object_ref (store);
  gtk_window_set_title (GTK_WINDOW (self), _("Dossier Details"));
  gtk_button_set_label (GTK_BUTTON (self->create_button), _("_Save"));
  gtk_widget_set_tooltip_text (self->create_button, _("Save the dossier's details"));
  if (dossier_store_get_info (store, &uuid, &title, &mandate, &period, &default_lang, NULL))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), title ? title : "");
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->mandate_view), mandate ? mandate : "", -1);
      dossier_date_row_set_text (self->period_row, period ? period : "");
      adw_combo_row_set_selected (self->language_row, g_strcmp0 (default_lang, "en") == 0 ? 1 : 0);
    }
  on_changed (self);
  return GTK_WIDGET (self);
}
