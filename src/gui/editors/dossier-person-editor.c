/* dossier-person-editor.c: the editor of a coded person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A person is known by a code. Who they really are (DossierIdentity, a record apart) is
 * shown only after an explicit "Show identity", hidden again whenever another person is
 * opened, and never read at all until then: a screen glanced at over a shoulder shows
 * codes only.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-identity.h"
#include "dossier-person.h"
#include "dossier-person-editor.h"
#include "dossier-record-picker.h"
#include "dossier-testimony.h"
#include "dossier-vocab-row.h"

#define SAVE_DELAY_MS 600

struct _DossierPersonEditor
{
  DossierEditor        parent_instance;

  GtkToggleButton     *show_identity;
  AdwPreferencesGroup *identity_group;
  AdwPreferencesGroup *testimonies_group;
  DossierVocabRow     *residence_admin1;
  DossierVocabRow     *residence_admin2;
  DossierVocabRow     *age_group;
  GtkWidget           *identity_rows[4];
  GPtrArray           *testimony_rows;
  GArray              *testimony_ids;   /* gint64: the testimonies of @testimony_rows */
  DossierIdentity     *identity;      /* loaded only when shown */
  guint                identity_save;
  guint                scroll_tick;   /* bringing the identity into view */
  guint                scroll_frames;
  gboolean             filling;
};

G_DEFINE_FINAL_TYPE (DossierPersonEditor, dossier_person_editor, DOSSIER_TYPE_EDITOR)

static const DossierEditorField fields[] = {
  { "protection", "protection", DOSSIER_EDITOR_VOCAB },
  { "sex", "sex", DOSSIER_EDITOR_VOCAB },
  { "age", "age", DOSSIER_EDITOR_NUMBER },
  { "age_group", "age_group", DOSSIER_EDITOR_VOCAB },
  { "community", "community", DOSSIER_EDITOR_TEXT },
  { "residence_admin1", "residence_admin1", DOSSIER_EDITOR_VOCAB },
  { "residence_admin2", "residence_admin2", DOSSIER_EDITOR_VOCAB },
  { "languages", "languages", DOSSIER_EDITOR_VOCAB_LIST },
  { "consent", "consent", DOSSIER_EDITOR_VOCAB },
  { "notes", "notes", DOSSIER_EDITOR_TEXT },
};

static const char * const link_groups[] = { "incident_links", "evidence_links", NULL };

/* The identity's fields, in the order of identity_rows. */
static const char * const identity_fields[] = { "full_name", "other_names", "contact", "address" };

static void
save_identity (DossierPersonEditor *self)
{
  DossierStore *store = dossier_editor_get_store (DOSSIER_EDITOR (self));
  DossierRecord *person = dossier_editor_get_record (DOSSIER_EDITOR (self));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_clear_handle_id (&self->identity_save, g_source_remove);
  if (self->identity == NULL || person == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (identity_fields); i++)
    dossier_record_set_string (DOSSIER_RECORD (self->identity),
                               dossier_record_find_field (dossier_record_get_info (DOSSIER_RECORD (self->identity)), identity_fields[i]),
                               gtk_editable_get_text (GTK_EDITABLE (self->identity_rows[i])));
  if (dossier_record_get_id (DOSSIER_RECORD (self->identity)) > 0)
    ok = dossier_store_update (store, DOSSIER_RECORD (self->identity), &error);
  else
    ok = dossier_store_insert (store, DOSSIER_RECORD (self->identity), &error);
  if (!ok)
    dossier_editor_show_error (DOSSIER_EDITOR (self), error->message);
}

static gboolean
save_identity_after_pause (gpointer data)
{
  DossierPersonEditor *self = data;

  self->identity_save = 0;
  save_identity (self);
  return G_SOURCE_REMOVE;
}

static void
on_identity_changed (DossierPersonEditor *self)
{
  if (self->filling || self->identity == NULL)
    return;
  g_clear_handle_id (&self->identity_save, g_source_remove);
  self->identity_save = g_timeout_add (SAVE_DELAY_MS, save_identity_after_pause, self);
}

static void
hide_identity (DossierPersonEditor *self)
{
  save_identity (self);
  g_clear_object (&self->identity);
  self->filling = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (self->identity_rows); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->identity_rows[i]), "");
      gtk_widget_set_visible (self->identity_rows[i], FALSE);
    }
  self->filling = FALSE;
  adw_preferences_group_set_description (self->identity_group,
                                         _("Hidden. Use “Show Identity” to see or record who this person is."));
  if (gtk_toggle_button_get_active (self->show_identity))
    gtk_toggle_button_set_active (self->show_identity, FALSE);
  gtk_button_set_label (GTK_BUTTON (self->show_identity), _("Show _Identity"));
}

/* Once the identity's rows have their place, the page scrolls to put them in view (they
 * are below the fold of a window 700 pixels high) and the name takes the keyboard. */
static gboolean
scroll_to_identity (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       data)
{
  DossierPersonEditor *self = data;
  GtkWidget *group = GTK_WIDGET (self->identity_group);
  GtkWidget *scrolled = gtk_widget_get_ancestor (group, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  GtkAdjustment *adjustment;
  graphene_point_t top;

  if (scrolled == NULL || self->identity == NULL)
    {
      self->scroll_tick = 0;
      return G_SOURCE_REMOVE;
    }
  /* Not laid out yet: the rows were hidden until now. */
  if (gtk_widget_get_height (self->identity_rows[G_N_ELEMENTS (self->identity_rows) - 1]) <= 0)
    return G_SOURCE_CONTINUE;
  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (GTK_IS_VIEWPORT (content) && gtk_viewport_get_child (GTK_VIEWPORT (content)) != NULL)
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  /* The focus first: the viewport scrolls to a focused row by itself, only as far as it
   * must; then the group's top is put at the top, and kept there for a few frames while
   * the rows settle (their description grows). */
  if (!gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (widget)), self->identity_rows[0]))
    {
      gtk_widget_grab_focus (self->identity_rows[0]);
      /* The caret at the end, nothing selected: a key must not replace a name. */
      gtk_editable_set_position (GTK_EDITABLE (self->identity_rows[0]), -1);
    }
  if (gtk_widget_compute_point (group, content, &GRAPHENE_POINT_INIT (0, 0), &top))
    gtk_adjustment_set_value (adjustment, MIN (top.y - 12, gtk_adjustment_get_upper (adjustment) -
                                                             gtk_adjustment_get_page_size (adjustment)));
  if (++self->scroll_frames < 4)
    return G_SOURCE_CONTINUE;
  self->scroll_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
show_identity (DossierPersonEditor *self)
{
  DossierStore *store = dossier_editor_get_store (DOSSIER_EDITOR (self));
  DossierRecord *person = dossier_editor_get_record (DOSSIER_EDITOR (self));
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  if (person == NULL)
    return;
  if ((found = dossier_store_list_identities (store, dossier_record_get_id (person), &error)) == NULL)
    {
      dossier_editor_show_error (DOSSIER_EDITOR (self), error->message);
      gtk_toggle_button_set_active (self->show_identity, FALSE);
      return;
    }
  if (found->len > 0)
    self->identity = g_object_ref (found->pdata[0]);
  else
    {
      /* Made when something is typed. */
      self->identity = dossier_identity_new ();
      g_object_set (self->identity, "person-id", dossier_record_get_id (person), NULL);
    }
  self->filling = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (self->identity_rows); i++)
    {
      const DossierField *field = dossier_record_find_field (dossier_record_get_info (DOSSIER_RECORD (self->identity)), identity_fields[i]);
      g_autofree char *value = dossier_record_get_string (DOSSIER_RECORD (self->identity), field);

      gtk_editable_set_text (GTK_EDITABLE (self->identity_rows[i]), value ? value : "");
      gtk_widget_set_visible (self->identity_rows[i], TRUE);
    }
  self->filling = FALSE;
  adw_preferences_group_set_description (self->identity_group,
                                         _("Confidential: never shown in lists, never exported except in internal exports."));
  gtk_button_set_label (GTK_BUTTON (self->show_identity), _("Hide _Identity"));
  self->scroll_frames = 0;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_identity, self, NULL);
}

static void
on_show_identity_toggled (DossierPersonEditor *self)
{
  if (gtk_toggle_button_get_active (self->show_identity))
    {
      if (self->identity == NULL)
        show_identity (self);
    }
  else
    hide_identity (self);
}

static void
on_testimony_activated (GtkWidget           *row,
                        DossierPersonEditor *self)
{
  guint index;

  if (g_ptr_array_find (self->testimony_rows, row, &index))
    dossier_editor_open_record (DOSSIER_EDITOR (self), DOSSIER_TYPE_TESTIMONY,
                                g_array_index (self->testimony_ids, gint64, index));
}

/* The testimonies this person gave name them as their witness. */
static void
load_testimonies (DossierPersonEditor *self,
                  DossierRecord       *person)
{
  DossierStore *store = dossier_editor_get_store (DOSSIER_EDITOR (self));
  const char *lang = dossier_editor_get_lang (DOSSIER_EDITOR (self));
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->testimony_rows->len; i++)
    adw_preferences_group_remove (self->testimonies_group, self->testimony_rows->pdata[i]);
  g_ptr_array_set_size (self->testimony_rows, 0);
  g_array_set_size (self->testimony_ids, 0);
  if ((found = dossier_store_list_testimonies_of (store, dossier_record_get_id (person), &error)) == NULL)
    {
      dossier_editor_show_error (DOSSIER_EDITOR (self), error->message);
      return;
    }
  for (guint i = 0; i < found->len; i++)
    {
      DossierRecord *testimony = found->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_markup_escape_text (dossier_record_get_code (testimony), -1);
      g_autofree char *description = dossier_record_describe (store, testimony, lang);
      g_autofree char *subtitle = g_markup_escape_text (description, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect (row, "activated", G_CALLBACK (on_testimony_activated), self);
      adw_preferences_group_add (self->testimonies_group, row);
      g_ptr_array_add (self->testimony_rows, row);
      {
        gint64 id = dossier_record_get_id (testimony);

        g_array_append_val (self->testimony_ids, id);
      }
    }
  adw_preferences_group_set_description (self->testimonies_group,
                                         found->len == 0 ? _("None yet") : NULL);
}

static void
load (DossierEditor *editor,
      DossierRecord *record)
{
  DossierPersonEditor *self = DOSSIER_PERSON_EDITOR (editor);

  /* Another person: their identity is hidden until asked for. */
  if (self->identity == NULL || dossier_identity_get_person_id (self->identity) != dossier_record_get_id (record))
    hide_identity (self);
  dossier_vocab_row_set_parent (self->residence_admin2, dossier_person_get_residence_admin1 (DOSSIER_PERSON (record)));
  load_testimonies (self, record);
}

/* An age says the age group: 34 is an adult, and the group follows each age saved. */
static void
on_saved (DossierPersonEditor *self,
          DossierRecord       *record)
{
  DossierPerson *person = DOSSIER_PERSON (record);
  const char *group = dossier_person_age_group_for_age (dossier_person_get_age (person));

  if (group != NULL && g_strcmp0 (group, dossier_person_get_age_group (person)) != 0 && dossier_vocab_row_offers (self->age_group, group))
    dossier_vocab_row_choose (self->age_group, group);
}

static void
on_residence_changed (DossierPersonEditor *self)
{
  const char *cercle = dossier_vocab_row_get_value (self->residence_admin2);

  dossier_vocab_row_set_parent (self->residence_admin2, dossier_vocab_row_get_value (self->residence_admin1));
  /* A cercle of another region goes with it. */
  if (cercle != NULL && dossier_vocab_row_get_value (self->residence_admin1) != NULL &&
      !dossier_vocab_row_offers (self->residence_admin2, cercle))
    dossier_vocab_row_choose (self->residence_admin2, NULL);
}

static void
dossier_person_editor_dispose (GObject *object)
{
  DossierPersonEditor *self = DOSSIER_PERSON_EDITOR (object);

  if (self->identity != NULL)
    save_identity (self);
  g_clear_handle_id (&self->identity_save, g_source_remove);
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
  g_clear_object (&self->identity);
  g_clear_pointer (&self->testimony_rows, g_ptr_array_unref);
  g_clear_pointer (&self->testimony_ids, g_array_unref);

  G_OBJECT_CLASS (dossier_person_editor_parent_class)->dispose (object);
}

static void
dossier_person_editor_class_init (DossierPersonEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DossierEditorClass *editor_class = DOSSIER_EDITOR_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = dossier_person_editor_dispose;
  editor_class->load = load;
  dossier_editor_class_setup (editor_class, "/org/dossier/Dossier/editors/dossier-person-editor.ui",
                              DOSSIER_TYPE_PERSON, fields, G_N_ELEMENTS (fields), link_groups);
  gtk_widget_class_bind_template_child (widget_class, DossierPersonEditor, show_identity);
  gtk_widget_class_bind_template_child (widget_class, DossierPersonEditor, identity_group);
  gtk_widget_class_bind_template_child (widget_class, DossierPersonEditor, testimonies_group);
  gtk_widget_class_bind_template_child_full (widget_class, "full_name", FALSE,
                                             G_STRUCT_OFFSET (DossierPersonEditor, identity_rows[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "other_names", FALSE,
                                             G_STRUCT_OFFSET (DossierPersonEditor, identity_rows[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "contact", FALSE,
                                             G_STRUCT_OFFSET (DossierPersonEditor, identity_rows[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "address", FALSE,
                                             G_STRUCT_OFFSET (DossierPersonEditor, identity_rows[3]));
}

static void
dossier_person_editor_init (DossierPersonEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->testimony_rows = g_ptr_array_new ();
  self->testimony_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* Bound by the base class, as fields. */
  self->residence_admin1 = DOSSIER_VOCAB_ROW (dossier_editor_get_field_widget (DOSSIER_EDITOR (self), "residence_admin1"));
  self->residence_admin2 = DOSSIER_VOCAB_ROW (dossier_editor_get_field_widget (DOSSIER_EDITOR (self), "residence_admin2"));
  self->age_group = DOSSIER_VOCAB_ROW (dossier_editor_get_field_widget (DOSSIER_EDITOR (self), "age_group"));
  g_signal_connect (self, "saved", G_CALLBACK (on_saved), NULL);
  g_signal_connect_swapped (self->show_identity, "toggled", G_CALLBACK (on_show_identity_toggled), self);
  g_signal_connect_swapped (self->residence_admin1, "changed", G_CALLBACK (on_residence_changed), self);
  for (guint i = 0; i < G_N_ELEMENTS (self->identity_rows); i++)
    g_signal_connect_swapped (self->identity_rows[i], "changed", G_CALLBACK (on_identity_changed), self);
}

GtkWidget *
dossier_person_editor_new (void)
{
  return g_object_new (DOSSIER_TYPE_PERSON_EDITOR, NULL);
}
