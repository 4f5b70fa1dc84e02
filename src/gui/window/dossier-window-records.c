/* dossier-window-records.c: the lists and editors of the window, and what is done to records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each section shows its list beside the editor of the one record selected. Selecting
 * opens it; several selected can be deleted together, with an Undo in a toast that puts
 * back the records and everything linked to them (see DossierDeletion).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-accessible.h"
#include "dossier-actor.h"
#include "dossier-deletion.h"
#include "dossier-evidence.h"
#include "dossier-incident.h"
#include "dossier-link.h"
#include "dossier-incident-editor.h"
#include "dossier-map-pane.h"
#include "dossier-testimony.h"
#include "dossier-testimony-coder.h"
#include "dossier-timeline-pane.h"
#include "dossier-window-private.h"

static guint
section_of_type (GType type)
{
  for (guint i = 1; i < N_SECTIONS; i++)
    if (dossier_window_sections[i].get_type () == type)
      return i;
  g_return_val_if_reached (0);
}

static guint
current_section (DossierWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  for (guint i = 1; i < N_SECTIONS; i++)
    if (g_strcmp0 (name, dossier_window_sections[i].name) == 0)
      return i;
  return 0;
}

static GtkSelectionModel *
selection_of (DossierWindow *self,
              guint          index)
{
  return gtk_column_view_get_model (dossier_record_list_get_view (DOSSIER_RECORD_LIST (self->pages[index].list)));
}

/* The section whose list's selection, or rows' model, is @object; N_SECTIONS for those of
 * a dossier shown before, let go as another opens. */
static guint
section_of (DossierWindow *self,
            gpointer       object)
{
  for (guint i = 1; i < N_SECTIONS; i++)
    if (self->pages[i].list != NULL &&
        (object == (gpointer) selection_of (self, i) ||
         object == (gpointer) dossier_record_list_get_model (DOSSIER_RECORD_LIST (self->pages[i].list))))
      return i;
  return N_SECTIONS;
}

static void
toast (DossierWindow *self,
       const char    *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* What a section says when there is nothing to edit, and the button to do next. */
static const struct {
  const char *empty_title;
  const char *empty_description;
  const char *button;
  const char *action;
  const char *filtered_description;
  const char *select_title;
  const char *icon;
} empty_states[N_SECTIONS] = {
  { NULL },
  { N_("No Incidents Yet"), N_("Record what happened, when and where. Each incident gets a code, such as INC-0001."),
    N_("_New Incident"), "win.add-record",
    N_("No incident matches the period, places and types the filter keeps."),
    N_("Select an Incident"), "find-location-symbolic" },
  { N_("No People Yet"), N_("Victims, witnesses and alleged perpetrators are known by a code; an identity, if recorded, is kept apart."),
    N_("_New Person"), "win.add-record",
    N_("No person is linked to the incidents the filter keeps."),
    N_("Select a Person"), "system-users-symbolic" },
  { N_("No Testimonies Yet"), N_("Record who gave a statement, when and where, with its transcript, then index it."),
    N_("_New Testimony"), "win.add-record",
    N_("No testimony is linked to the incidents the filter keeps."),
    N_("Select a Testimony"), "user-available-symbolic" },
  { N_("No Evidence Yet"), N_("Add photographs, documents and recordings: each is kept unchanged, with its SHA-256 and a custody log."),
    N_("_Add Evidence…"), "win.add-evidence",
    N_("No evidence is linked to the incidents the filter keeps."),
    N_("Select an Item"), "folder-documents-symbolic" },
  { N_("No Actors Yet"), N_("Forces, armed groups and institutions named in incidents, with their role in each."),
    N_("_New Actor"), "win.add-record",
    N_("No actor is linked to the incidents the filter keeps."),
    N_("Select an Actor"), "security-high-symbolic" },
};

/* With nothing selected, the editor's place says what to do: make the first record, clear
 * a filter that hides them all, or pick a row. */
static void
show_status (DossierWindow *self,
             guint          index,
             guint          n_rows)
{
  DossierSectionPage *page = &self->pages[index];
  GtkWidget *button = page->status_button;

  adw_status_page_set_icon_name (page->status, empty_states[index].icon);
  if (n_rows > 0)
    {
      adw_status_page_set_title (page->status, _(empty_states[index].select_title));
      adw_status_page_set_description (page->status, _("Its record opens here, to read and edit."));
      gtk_widget_set_visible (button, FALSE);
    }
  else if (!dossier_filter_is_empty (self->filter))
    {
      adw_status_page_set_title (page->status, _("Nothing Matches the Filter"));
      adw_status_page_set_description (page->status, _(empty_states[index].filtered_description));
      gtk_button_set_label (GTK_BUTTON (button), _("_Clear the Filter"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.clear-filter");
      gtk_widget_set_visible (button, TRUE);
    }
  else
    {
      adw_status_page_set_title (page->status, _(empty_states[index].empty_title));
      adw_status_page_set_description (page->status, _(empty_states[index].empty_description));
      gtk_button_set_label (GTK_BUTTON (button), _(empty_states[index].button));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), empty_states[index].action);
      gtk_widget_set_visible (button, TRUE);
    }
}

static void
update_selection (DossierWindow *self,
                  guint          index)
{
  DossierSectionPage *page = &self->pages[index];
  GtkSelectionModel *selection = selection_of (self, index);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);
  guint64 n = gtk_bitset_get_size (selected);

  if (page->refreshing)
    return;
  if (n == 1)
    {
      g_autoptr(DossierRecord) record = dossier_record_list_get_record (DOSSIER_RECORD_LIST (page->list),
                                                                        gtk_bitset_get_nth (selected, 0));
      if (record != NULL)
        {
          DossierRecord *shown = dossier_editor_get_record (DOSSIER_EDITOR (page->editor));

          if (shown == NULL || dossier_record_get_id (shown) != dossier_record_get_id (record))
            dossier_editor_set_record (DOSSIER_EDITOR (page->editor), dossier_record_get_id (record));
          if (DOSSIER_IS_INCIDENT (record) && self->map_pane != NULL)
            dossier_map_pane_set_selected (DOSSIER_MAP_PANE (self->map_pane), dossier_record_get_id (record));
          if (DOSSIER_IS_INCIDENT (record) && self->timeline_pane != NULL)
            dossier_timeline_view_set_selected (dossier_timeline_pane_get_view (DOSSIER_TIMELINE_PANE (self->timeline_pane)),
                                                dossier_record_get_id (record));
          gtk_stack_set_visible_child_name (page->editor_stack, "editor");
          g_settings_set_string (self->settings, "selected-uuid", dossier_record_get_uuid (record));
          return;
        }
    }
  dossier_editor_set_record (DOSSIER_EDITOR (page->editor), 0);
  gtk_stack_set_visible_child_name (page->editor_stack, "status");
  if (n == 0)
    show_status (self, index, g_list_model_get_n_items (G_LIST_MODEL (selection)));
  else
    {
      /* Translators: %u is a number of rows selected in a list */
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u selected", "%u selected", n), (guint) n);

      adw_status_page_set_title (page->status, title);
      adw_status_page_set_description (page->status, _("Press Delete to delete them; Undo will be offered."));
      adw_status_page_set_icon_name (page->status, "edit-select-all-symbolic");
      gtk_widget_set_visible (page->status_button, FALSE);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-selected", n > 0);
}

static void
on_selection_changed (GtkSelectionModel *selection,
                      guint              position,
                      guint              n_items,
                      DossierWindow     *self)
{
  guint index = section_of (self, selection);

  if (index < N_SECTIONS)
    update_selection (self, index);
}

static void
on_items_changed (GListModel    *model,
                  guint          position,
                  guint          removed,
                  guint          added,
                  DossierWindow *self)
{
  guint index = section_of (self, model);

  if (index < N_SECTIONS)
    update_selection (self, index);
}

/* A new order or filter: the editor keeps the record it shows, the rows lose their
 * selection (see the model's "reloading"), and the map keeps its mark. */
static void
on_reloading (DossierRecordListModel *model,
              DossierWindow          *self)
{
  guint index = section_of (self, model);
  GtkSelectionModel *selection;
  g_autoptr(GtkBitset) selected = NULL;

  if (index >= N_SECTIONS)
    return;
  selection = selection_of (self, index);
  selected = gtk_selection_model_get_selection (selection);
  self->pages[index].refreshing = TRUE;
  if (!gtk_bitset_is_empty (selected))
    gtk_selection_model_unselect_all (selection);
}

static void
on_reloaded (DossierRecordListModel *model,
             DossierWindow          *self)
{
  guint index = section_of (self, model);

  if (index >= N_SECTIONS)
    return;
  self->pages[index].refreshing = FALSE;
  if (index == current_section (self))
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-selected", FALSE);
  /* With no record open, what the editor's place says follows the rows: a filter may have
   * hidden them all, or brought some back. */
  if (self->pages[index].editor != NULL && dossier_editor_get_record (DOSSIER_EDITOR (self->pages[index].editor)) == NULL)
    update_selection (self, index);
}

/* An edit shows in the list at once: the row is read again, and stays selected. */
static void
on_editor_saved (DossierEditor *editor,
                 DossierRecord *record,
                 DossierWindow *self)
{
  guint index = section_of_type (G_OBJECT_TYPE (record));
  DossierSectionPage *page = &self->pages[index];
  DossierRecordListModel *model = dossier_record_list_get_model (DOSSIER_RECORD_LIST (page->list));
  gint64 position;

  /* An actor's name shows in the incidents' perpetrators column. */
  if (DOSSIER_IS_ACTOR (record))
    dossier_record_list_model_invalidate (dossier_record_list_get_model (
      DOSSIER_RECORD_LIST (self->pages[section_of_type (DOSSIER_TYPE_INCIDENT)].list)));
  page->refreshing = TRUE;
  position = dossier_record_list_model_refresh (model, record);
  if (position >= 0)
    gtk_selection_model_select_item (selection_of (self, index), position, TRUE);
  page->refreshing = FALSE;
}

/**
 * dossier_window_open_record:
 * @self: a #DossierWindow
 * @type: a record type
 * @id: a record of that type
 *
 * Shows the record in its section's list, selected, and in its editor.
 */
void
dossier_window_open_record (DossierWindow *self,
                            GType          type,
                            gint64         id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierRecord) record = NULL;
  guint index;

  g_return_if_fail (DOSSIER_IS_WINDOW (self));

  record = dossier_store_load (self->store, type, id, &error);
  if (record == NULL)
    {
      toast (self, error->message);
      return;
    }
  index = section_of_type (type);
  /* The filter might hide it. */
  if (type == DOSSIER_TYPE_INCIDENT)
    dossier_filter_clear (self->filter);
  dossier_window_show_section (self, dossier_window_sections[index].name);
  dossier_record_list_show_code (DOSSIER_RECORD_LIST (self->pages[index].list), dossier_record_get_code (record));
}

static void
on_open_record (DossierEditor *editor,
                GType          type,
                gint64         id,
                DossierWindow *self)
{
  dossier_window_open_record (self, type, id);
}

/* Links change what other editors show, and the incidents' perpetrators column. */
static void
on_links_changed (DossierEditor *editor,
                  DossierWindow *self)
{
  guint incidents = section_of_type (DOSSIER_TYPE_INCIDENT);
  DossierRecordListModel *model = dossier_record_list_get_model (DOSSIER_RECORD_LIST (self->pages[incidents].list));

  if (editor != NULL && GTK_WIDGET (editor) == self->pages[incidents].editor &&
      dossier_editor_get_record (editor) != NULL)
    on_editor_saved (editor, dossier_editor_get_record (editor), self);
  else
    dossier_record_list_model_invalidate (model);

  /* A person or actor may have been made from a picker: counted, and listed when shown. */
  for (guint i = 1; i < N_SECTIONS; i++)
    if (i != incidents && i != current_section (self) && self->pages[i].list != NULL)
      dossier_record_list_model_invalidate (dossier_record_list_get_model (DOSSIER_RECORD_LIST (self->pages[i].list)));
  _dossier_window_update_counts (self);

  for (guint i = 1; i < N_SECTIONS; i++)
    if (self->pages[i].editor != NULL && self->pages[i].editor != GTK_WIDGET (editor))
      {
        DossierRecord *shown = dossier_editor_get_record (DOSSIER_EDITOR (self->pages[i].editor));

        if (shown != NULL)
          dossier_editor_set_record (DOSSIER_EDITOR (self->pages[i].editor), dossier_record_get_id (shown));
      }
}

static void
reload_section (DossierWindow *self,
                guint          index)
{
  dossier_record_list_model_reload (dossier_record_list_get_model (DOSSIER_RECORD_LIST (self->pages[index].list)));
  _dossier_window_update_counts (self);
}

/**
 * dossier_window_undo_delete:
 * @self: a #DossierWindow
 *
 * Puts back what was deleted last, with its links.
 *
 * Returns: %TRUE if something was put back
 */
gboolean
dossier_window_undo_delete (DossierWindow *self)
{
  g_autoptr(DossierDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  guint index;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);

  if (self->last_deletion == NULL || self->store == NULL)
    return FALSE;
  deletion = g_steal_pointer (&self->last_deletion);
  index = section_of_type (dossier_deletion_get_record_type (deletion));
  if (!dossier_deletion_undo (deletion, self->store, &error))
    {
      toast (self, error->message);
      return FALSE;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-delete", FALSE);
  reload_section (self, index);
  on_links_changed (DOSSIER_EDITOR (self->pages[index].editor), self);
  return TRUE;
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action,
                    GVariant   *parameter)
{
  dossier_window_undo_delete (DOSSIER_WINDOW (widget));
}

/**
 * dossier_window_delete_selected:
 * @self: a #DossierWindow
 *
 * Deletes the records selected in the section shown, offering to undo it.
 *
 * Returns: the number deleted
 */
guint
dossier_window_delete_selected (DossierWindow *self)
{
  guint index;
  GtkSelectionModel *selection;
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDeletion) deletion = NULL;
  GtkBitsetIter iter;
  guint position;
  g_autofree char *message = NULL;
  AdwToast *undo;
  guint n;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), 0);

  if (self->store == NULL || (index = current_section (self)) == 0)
    return 0;
  selection = selection_of (self, index);
  selected = gtk_selection_model_get_selection (selection);
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      DossierRecord *record = dossier_record_list_get_record (DOSSIER_RECORD_LIST (self->pages[index].list), position);

      if (record != NULL)
        g_ptr_array_add (records, record);
    }
  if (records->len == 0)
    return 0;

  /* What was typed in the editor is saved first, so that Undo brings it back too. */
  dossier_editor_set_record (DOSSIER_EDITOR (self->pages[index].editor), 0);
  deletion = dossier_store_delete_records (self->store, records, &error);
  if (deletion == NULL)
    {
      toast (self, error->message);
      return 0;
    }
  n = records->len;
  if (n == 1)
    /* Translators: %s is a record's code, such as INC-0042 */
    message = g_strdup_printf (_("%s deleted"), dossier_record_get_code (DOSSIER_RECORD (records->pdata[0])));
  else
    /* Translators: %u is a number of records */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record deleted", "%u records deleted", n), n);
  /* One deletion can be undone: the last. */
  g_clear_pointer (&self->last_deletion, dossier_deletion_free);
  self->last_deletion = g_steal_pointer (&deletion);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-delete", TRUE);
  undo = adw_toast_new (message);
  adw_toast_set_button_label (undo, _("_Undo"));
  adw_toast_set_action_name (undo, "win.undo-delete");
  adw_toast_set_timeout (undo, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, undo);
  reload_section (self, index);
  on_links_changed (DOSSIER_EDITOR (self->pages[index].editor), self);
  return n;
}

static void
delete_selected_action (GtkWidget  *widget,
                        const char *action,
                        GVariant   *parameter)
{
  dossier_window_delete_selected (DOSSIER_WINDOW (widget));
}

static gboolean
on_delete_key (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  return dossier_window_delete_selected (DOSSIER_WINDOW (user_data)) > 0;
}

/**
 * dossier_window_add_record:
 * @self: a #DossierWindow
 *
 * Makes a new record in the section shown (an incident from the overview), selects it
 * and puts the focus in its editor.
 *
 * Returns: (transfer none) (nullable): the new record, as the editor holds it
 */
DossierRecord *
dossier_window_add_record (DossierWindow *self)
{
  g_autoptr(DossierRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  guint index;
  GType type;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  if (self->store == NULL)
    return NULL;
  index = current_section (self);
  if (index == 0)
    index = section_of_type (DOSSIER_TYPE_INCIDENT);
  type = dossier_window_sections[index].get_type ();
  /* Evidence comes in with its bytes, through the locker. */
  g_return_val_if_fail (type != DOSSIER_TYPE_EVIDENCE, NULL);

  record = g_object_new (type, NULL);
  /* A testimony is most often taken by the one recording it: their name is offered. */
  if (DOSSIER_IS_TESTIMONY (record) &&
      g_strcmp0 (dossier_store_get_user (self->store), g_get_user_name ()) != 0)
    dossier_testimony_set_interviewer (DOSSIER_TESTIMONY (record), dossier_store_get_user (self->store));
  if (!dossier_store_insert (self->store, record, &error))
    {
      toast (self, error->message);
      return NULL;
    }
  /* A new incident has no date or place yet: no filter would show it. */
  if (type == DOSSIER_TYPE_INCIDENT)
    dossier_filter_clear (self->filter);
  reload_section (self, index);
  dossier_window_show_section (self, dossier_window_sections[index].name);
  dossier_record_list_show_code (DOSSIER_RECORD_LIST (self->pages[index].list), dossier_record_get_code (record));
  gtk_widget_child_focus (self->pages[index].editor, GTK_DIR_TAB_FORWARD);
  return dossier_editor_get_record (DOSSIER_EDITOR (self->pages[index].editor));
}

static void
add_record_action (GtkWidget  *widget,
                   const char *action,
                   GVariant   *parameter)
{
  dossier_window_add_record (DOSSIER_WINDOW (widget));
}

/**
 * dossier_window_link_dropped:
 * @self: a #DossierWindow
 * @incident: the incident a row was dropped on
 * @value: what the row carried (see dossier_record_list_drag_value())
 *
 * Links the evidence dropped to the incident.
 *
 * Returns: %TRUE if it was evidence, and linked
 */
gboolean
dossier_window_link_dropped (DossierWindow *self,
                             DossierRecord *incident,
                             const char    *value)
{
  gint64 evidence_id = dossier_record_list_parse_drag_value (value, "evidence");
  g_autoptr(DossierLink) link = NULL;
  g_autoptr(DossierRecord) evidence = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);

  if (evidence_id == 0 || !DOSSIER_IS_INCIDENT (incident))
    return FALSE;
  link = dossier_store_link (self->store, DOSSIER_LINK_EVIDENCE_INCIDENT, evidence_id, dossier_record_get_id (incident), NULL, NULL, &error);
  if (link == NULL)
    {
      toast (self, error->message);
      return FALSE;
    }
  evidence = dossier_store_load (self->store, DOSSIER_TYPE_EVIDENCE, evidence_id, NULL);
  /* Translators: an evidence item's code, then an incident's: "EVD-0003 linked to INC-0012" */
  message = g_strdup_printf (_("%s linked to %s"), evidence ? dossier_record_get_code (evidence) : "", dossier_record_get_code (incident));
  toast (self, message);
  on_links_changed (NULL, self);
  return TRUE;
}

static gboolean
on_record_dropped (DossierRecordList *list,
                   DossierRecord     *record,
                   const char        *value,
                   DossierWindow     *self)
{
  return dossier_window_link_dropped (self, record, value);
}

/* Files dropped on an incident: added as evidence, and linked to it. */
static gboolean
on_files_dropped (DossierRecordList *list,
                  DossierRecord     *record,
                  GSList            *files,
                  DossierWindow     *self)
{
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

  for (GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (array, g_object_ref (l->data));
  return dossier_window_ingest_into (self, array, dossier_record_get_id (record));
}

/* While a row is dragged over the sidebar, the section under it opens after a moment, so
 * that evidence can be carried to the incidents. */
static gboolean
open_hovered_section (gpointer data)
{
  DossierWindow *self = data;

  self->spring_source = 0;
  if (self->spring_row != NULL)
    gtk_list_box_select_row (self->sidebar, self->spring_row);
  return G_SOURCE_REMOVE;
}

static void
on_sidebar_drag_motion (GtkDropControllerMotion *motion,
                        double                   x,
                        double                   y,
                        DossierWindow           *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->sidebar, (int) y);

  if (row == self->spring_row)
    return;
  self->spring_row = row;
  g_clear_handle_id (&self->spring_source, g_source_remove);
  if (row != NULL && row != gtk_list_box_get_selected_row (self->sidebar))
    self->spring_source = g_timeout_add (600, open_hovered_section, self);
}

static void
on_sidebar_drag_leave (GtkDropControllerMotion *motion,
                       DossierWindow           *self)
{
  self->spring_row = NULL;
  g_clear_handle_id (&self->spring_source, g_source_remove);
}

/* Enter on a row goes to its editor. */
static void
on_row_activated (GtkColumnView *view,
                  guint          position,
                  DossierWindow *self)
{
  GtkWidget *list = gtk_widget_get_ancestor (GTK_WIDGET (view), DOSSIER_TYPE_RECORD_LIST);

  for (guint i = 1; i < N_SECTIONS; i++)
    if (self->pages[i].list == list)
      gtk_widget_child_focus (self->pages[i].editor, GTK_DIR_TAB_FORWARD);
}

void
_dossier_window_section_shown (DossierWindow *self,
                               guint          index)
{
  static const char * const tooltips[N_SECTIONS] = {
    N_("New incident"), N_("New incident"), N_("New person"), N_("New testimony"), NULL, N_("New actor"),
  };
  GType type = index > 0 ? dossier_window_sections[index].get_type () : G_TYPE_INVALID;

  /* The incident waiting to be placed is no longer shown. */
  if (self->map_pane != NULL && type != DOSSIER_TYPE_INCIDENT)
    dossier_map_pane_cancel_pick (DOSSIER_MAP_PANE (self->map_pane));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-record",
                                 self->store != NULL && !dossier_store_is_read_only (self->store) &&
                                 type != DOSSIER_TYPE_EVIDENCE);
  gtk_widget_set_tooltip_text (self->add_button, tooltips[index] ? _(tooltips[index]) : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltips[index] ? _(tooltips[index]) : _("New record"), -1);
  /* Only the list shown follows the filter at once; the others when they are shown. */
  for (guint i = 1; i < N_SECTIONS; i++)
    if (self->pages[i].list != NULL)
      dossier_record_list_model_set_dormant (dossier_record_list_get_model (DOSSIER_RECORD_LIST (self->pages[i].list)),
                                             i != index);
  if (index > 0)
    update_selection (self, index);
  else
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-selected", FALSE);
      if (self->charts_stale)
        _dossier_window_refresh_charts (self);
    }
}

/**
 * _dossier_window_make_section_page:
 * @self: the window, with its store set
 * @index: a section that has a list
 *
 * Returns: (transfer floating): the section's page, its list; its editor goes beside the lists
 */
GtkWidget *
_dossier_window_make_section_page (DossierWindow *self,
                                   guint          index)
{
  const DossierWindowSection *section = &dossier_window_sections[index];
  DossierSectionPage *page = &self->pages[index];
  GtkSelectionModel *selection;
  GtkEventController *shortcuts;
  GtkColumnView *view;

  g_return_val_if_fail (index > 0 && index < N_SECTIONS, NULL);

  page->list = dossier_record_list_new (self->store, section->get_type (), section->columns,
                                        section->n_columns, self->lang);
  gtk_widget_set_size_request (page->list, 300, -1);
  page->editor = section->new_editor ();
  gtk_widget_set_size_request (page->editor, 380, -1);
  dossier_editor_set_store (DOSSIER_EDITOR (page->editor), self->store, self->lang);
  g_signal_connect_object (page->editor, "saved", G_CALLBACK (on_editor_saved), self, 0);
  g_signal_connect_object (page->editor, "open-record", G_CALLBACK (on_open_record), self, 0);
  g_signal_connect_object (page->editor, "links-changed", G_CALLBACK (on_links_changed), self, 0);

  page->status = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (page->status, empty_states[index].icon);
  page->status_button = gtk_button_new_with_mnemonic ("");
  gtk_widget_set_halign (page->status_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (page->status_button, "pill");
  gtk_widget_add_css_class (page->status_button, "suggested-action");
  adw_status_page_set_child (page->status, page->status_button);
  page->editor_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (page->editor_stack, GTK_WIDGET (page->status), "status");
  gtk_stack_add_named (page->editor_stack, page->editor, "editor");

  /* The editor stands beside the lists, the whole height of the window, shown with its
   * section's list (see the window's on_page_shown()). */
  gtk_stack_add_named (self->editors, GTK_WIDGET (page->editor_stack), section->name);

  view = dossier_record_list_get_view (DOSSIER_RECORD_LIST (page->list));
  selection = gtk_column_view_get_model (view);
  dossier_accessible_name_column_view (view, _(section->title));
  g_signal_connect_object (selection, "selection-changed", G_CALLBACK (on_selection_changed), self, 0);
  g_signal_connect_object (selection, "items-changed", G_CALLBACK (on_items_changed), self, 0);
  {
    DossierRecordListModel *model = dossier_record_list_get_model (DOSSIER_RECORD_LIST (page->list));

    g_signal_connect_object (model, "reloading", G_CALLBACK (on_reloading), self, 0);
    g_signal_connect_object (model, "reloaded", G_CALLBACK (on_reloaded), self, 0);
  }
  g_signal_connect_object (view, "activate", G_CALLBACK (on_row_activated), self, 0);
  if (section->get_type () == DOSSIER_TYPE_INCIDENT)
    {
      g_signal_connect_object (page->list, "record-dropped", G_CALLBACK (on_record_dropped), self, 0);
      g_signal_connect_object (page->list, "files-dropped", G_CALLBACK (on_files_dropped), self, 0);
    }

  /* Delete deletes rows only where the focus is in the list, never a letter in an entry. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_callback_action_new (on_delete_key, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (view), shortcuts);

  update_selection (self, index);
  return page->list;
}

/* The record selected when the window was last closed is selected again. */
void
_dossier_window_restore_selection (DossierWindow *self)
{
  g_autofree char *uuid = g_settings_get_string (self->settings, "selected-uuid");
  guint index = current_section (self);
  g_autoptr(DossierRecord) record = NULL;

  if (index == 0 || *uuid == '\0')
    return;
  record = dossier_store_load_by_uuid (self->store, dossier_window_sections[index].get_type (), uuid, NULL);
  if (record != NULL && !dossier_record_list_show_code (DOSSIER_RECORD_LIST (self->pages[index].list), dossier_record_get_code (record)))
    {
      /* Hidden by nothing but the order: try without it. */
      dossier_filter_clear (self->filter);
      dossier_record_list_show_code (DOSSIER_RECORD_LIST (self->pages[index].list), dossier_record_get_code (record));
    }
}

void
_dossier_window_records_init (DossierWindow *self)
{
  GtkEventController *motion = gtk_drop_controller_motion_new ();

  g_signal_connect (motion, "motion", G_CALLBACK (on_sidebar_drag_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_sidebar_drag_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->sidebar), motion);
}

/* An incident clicked on the map is selected in the list and opened in its editor. */
/* An evidence item chosen on the map. */
static void
on_map_evidence (GtkWidget     *pane,
                 gint64         id,
                 DossierWindow *self)
{
  dossier_window_open_record (self, DOSSIER_TYPE_EVIDENCE, id);
}

/* An incident chosen on the map or the timeline. */
static void
on_map_incident (GtkWidget      *pane,
                 gint64          id,
                 DossierWindow  *self)
{
  dossier_window_open_record (self, DOSSIER_TYPE_INCIDENT, id);
}

/* An edit may move an incident: the map and the timeline read the incidents again. */
static void
on_incident_saved (DossierEditor *editor,
                   DossierRecord *record,
                   DossierWindow *self)
{
  if (self->timeline_pane != NULL)
    dossier_timeline_view_refresh (dossier_timeline_pane_get_view (DOSSIER_TIMELINE_PANE (self->timeline_pane)));
  if (self->map_pane != NULL)
    {
      dossier_incident_layer_refresh (dossier_map_pane_get_incident_layer (DOSSIER_MAP_PANE (self->map_pane)));
      dossier_map_pane_set_selected (DOSSIER_MAP_PANE (self->map_pane), dossier_record_get_id (record));
    }
}

/* "Click on the map" in the incident editor: the map is shown and waits for the click;
 * pressed again, it stops waiting. */
static void
on_pick_location (DossierIncidentEditor *editor,
                  DossierWindow         *self)
{
  DossierMapPane *pane = DOSSIER_MAP_PANE (self->map_pane);

  if (dossier_map_pane_is_picking (pane))
    {
      dossier_map_pane_cancel_pick (pane);
      return;
    }
  g_settings_set_boolean (self->settings, "map-visible", TRUE);
  dossier_map_pane_begin_pick (pane);
}

static void
on_location_picked (DossierMapPane *pane,
                    double          latitude,
                    double          longitude,
                    DossierWindow  *self)
{
  guint incidents = section_of_type (DOSSIER_TYPE_INCIDENT);

  dossier_incident_editor_set_location (DOSSIER_INCIDENT_EDITOR (self->pages[incidents].editor),
                                        latitude, longitude, NULL);
}

void
_dossier_window_map_init (DossierWindow *self)
{
  guint incidents = section_of_type (DOSSIER_TYPE_INCIDENT);

  g_signal_connect_object (self->pages[incidents].editor, "pick-location", G_CALLBACK (on_pick_location), self, 0);
  g_signal_connect_object (self->map_pane, "location-picked", G_CALLBACK (on_location_picked), self, 0);
  g_signal_connect_object (self->map_pane, "incident-activated", G_CALLBACK (on_map_incident), self, 0);
  g_signal_connect_object (self->map_pane, "evidence-activated", G_CALLBACK (on_map_evidence), self, 0);
  g_signal_connect_object (dossier_timeline_pane_get_view (DOSSIER_TIMELINE_PANE (self->timeline_pane)), "incident-activated",
                           G_CALLBACK (on_map_incident), self, 0);
  g_signal_connect_object (self->pages[incidents].editor, "saved", G_CALLBACK (on_incident_saved), self, 0);
}

/* The indexing window, on the testimony selected (or the first), its queue every
 * testimony. */
static void
index_testimonies_action (GtkWidget  *widget,
                          const char *action,
                          GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  DossierSectionPage *page;
  DossierRecord *shown;
  DossierTestimonyCoder *coder;
  gint64 id;

  if (self->store == NULL)
    return;
  page = &self->pages[section_of_type (DOSSIER_TYPE_TESTIMONY)];
  shown = page->editor ? dossier_editor_get_record (DOSSIER_EDITOR (page->editor)) : NULL;
  id = shown ? dossier_record_get_id (shown) : 0;
  if (id == 0)
    {
      g_autoptr(GArray) all = dossier_store_testimony_queue (self->store, NULL, NULL, NULL, NULL);

      if (all == NULL || all->len == 0)
        {
          toast (self, _("There is no testimony to index yet"));
          return;
        }
      id = g_array_index (all, gint64, 0);
    }
  coder = dossier_testimony_coder_new (self->store, self->lang, id);
  gtk_window_set_transient_for (GTK_WINDOW (coder), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (coder));
}

static void
clear_filter_action (GtkWidget  *widget,
                     const char *action,
                     GVariant   *parameter)
{
  dossier_filter_clear (DOSSIER_WINDOW (widget)->filter);
}

void
_dossier_window_records_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.clear-filter", NULL, clear_filter_action);
  gtk_widget_class_install_action (widget_class, "win.index-testimonies", NULL, index_testimonies_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.index-testimonies", NULL);
  gtk_widget_class_install_action (widget_class, "win.add-record", NULL, add_record_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.add-record", NULL);
  /* Ctrl+Shift+N is File → New: said here too, or Ctrl+N (matched with Shift ignored)
   * would make a new incident instead of a new dossier. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "app.new", NULL);
  gtk_widget_class_install_action (widget_class, "win.delete-selected", NULL, delete_selected_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo-delete", NULL);
}
