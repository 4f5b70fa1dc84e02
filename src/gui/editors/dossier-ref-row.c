/* dossier-ref-row.c: a row naming another record (a testimony's witness, an actor's parent)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-accessible.h"
#include "dossier-editor.h"

#include "dossier-ref-row.h"

struct _DossierRefRow
{
  AdwActionRow         parent_instance;

  GtkMenuButton       *button;
  GtkWidget           *open_button;
  GtkWidget           *clear_button;
  DossierRecordPicker *picker;
  DossierStore        *store;
  GType                type;
  char                *lang;
  gint64               id;
};

enum {
  CHANGED,
  OPEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DossierRefRow, dossier_ref_row, ADW_TYPE_ACTION_ROW)

static void
update (DossierRefRow *self)
{
  g_autoptr(DossierRecord) record = NULL;

  if (self->store != NULL && self->id > 0)
    record = dossier_store_load (self->store, self->type, self->id, NULL);
  if (record != NULL)
    {
      g_autofree char *description = dossier_record_describe (self->store, record, self->lang);
      g_autofree char *subtitle = g_markup_escape_text (description, -1);

      gtk_menu_button_set_label (self->button, dossier_record_get_code (record));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
    }
  else
    {
      gtk_menu_button_set_label (self->button, _("Choose…"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), "");
    }
  dossier_accessible_name_menu_button (self->button);
  gtk_widget_set_visible (self->open_button, record != NULL);
  gtk_widget_set_visible (self->clear_button, record != NULL);
}

static void
on_picked (DossierRefRow *self,
           gint64         id)
{
  if (id == self->id)
    return;
  self->id = id;
  update (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_clear (DossierRefRow *self)
{
  on_picked (self, 0);
}

static void
on_open (DossierRefRow *self)
{
  if (self->id > 0)
    g_signal_emit (self, signals[OPEN], 0, self->type, self->id);
}

static void
dossier_ref_row_dispose (GObject *object)
{
  DossierRefRow *self = DOSSIER_REF_ROW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->lang, g_free);
  G_OBJECT_CLASS (dossier_ref_row_parent_class)->dispose (object);
}

static void
dossier_ref_row_class_init (DossierRefRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dossier_ref_row_dispose;

  /* Another record was chosen, or none. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The user asked to open the record named: its type and id. */
  signals[OPEN] = g_signal_new ("open-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_GTYPE, G_TYPE_INT64);
}

static void
dossier_ref_row_init (DossierRefRow *self)
{
  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  self->open_button = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_tooltip_text (self->open_button, _("Open"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->open_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open"), -1);
  gtk_widget_set_valign (self->open_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->open_button, "flat");
  g_signal_connect_swapped (self->open_button, "clicked", G_CALLBACK (on_open), self);
  self->clear_button = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  gtk_widget_set_tooltip_text (self->clear_button, _("Clear"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->clear_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Clear"), -1);
  gtk_widget_set_valign (self->clear_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->clear_button, "flat");
  g_signal_connect_swapped (self->clear_button, "clicked", G_CALLBACK (on_clear), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->button));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->clear_button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->open_button);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 2);
  dossier_editor_keep_title_words (GTK_WIDGET (self));
  update (self);
}

void
dossier_ref_row_set_store (DossierRefRow *self,
                           DossierStore  *store,
                           GType          type,
                           const char    *lang)
{
  g_return_if_fail (DOSSIER_IS_REF_ROW (self));

  g_set_object (&self->store, store);
  self->type = type;
  g_free (self->lang);
  self->lang = g_strdup (lang);
  self->picker = DOSSIER_RECORD_PICKER (dossier_record_picker_new (store, type, NULL, lang));
  g_signal_connect_object (self->picker, "picked", G_CALLBACK (on_picked), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_popover (self->button, GTK_WIDGET (self->picker));
  self->id = 0;
  update (self);
}

gint64
dossier_ref_row_get_id (DossierRefRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_REF_ROW (self), 0);
  return self->id;
}

/* Shows a record without emitting ::changed. */
void
dossier_ref_row_set_id (DossierRefRow *self,
                        gint64         id)
{
  g_return_if_fail (DOSSIER_IS_REF_ROW (self));
  self->id = id;
  update (self);
}

DossierRecordPicker *
dossier_ref_row_get_picker (DossierRefRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_REF_ROW (self), NULL);
  return self->picker;
}
