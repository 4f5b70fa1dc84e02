/* dossier-window.c: a window on one dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-actor.h"
#include "dossier-actor-editor.h"
#include "dossier-evidence-editor.h"
#include "dossier-incident-editor.h"
#include "dossier-person-editor.h"
#include "dossier-testimony-editor.h"
#include "dossier-accessible.h"
#include "dossier-application.h"
#include "dossier-filter-bar.h"
#include "dossier-filter-popover.h"
#include "dossier-query.h"
#include "dossier-vocab.h"
#include "dossier-evidence.h"
#include "dossier-incident.h"
#include "dossier-person.h"
#include "dossier-record-list.h"
#include "dossier-search-page.h"
#include "dossier-testimony.h"
#include "dossier-window.h"
#include "dossier-test-hooks.h"
#include "dossier-window-private.h"
#include "dossier-map-pane.h"
#include "dossier-timeline-pane.h"
#include "dossier-timeline.h"
#include "dossier-deletion.h"
#include "dossier-info.h"
#include "dossier-overview.h"
#include <string.h>

/* Columns in the order that matters to an investigator reading down a list: the code,
 * what it is about (which takes the width left), then when and where. Widths are in
 * characters; a cell cut short shows its whole text when hovered, and in the editor. */
static const DossierListColumn incident_columns[] = {
  { N_("Code"), "code", DOSSIER_COLUMN_TEXT, 10 },
  { N_("Title"), "title", DOSSIER_COLUMN_TITLE, 30, TRUE },
  { N_("Date"), "date_edtf", DOSSIER_COLUMN_DATE, 18 },
  { N_("Place"), "place", DOSSIER_COLUMN_TEXT, 14 },
  { N_("Region"), "admin1", DOSSIER_COLUMN_VOCAB, 14 },
  { N_("Violations"), "violation_types", DOSSIER_COLUMN_VIOLATIONS, 22 },
  { N_("Victims"), "casualties", DOSSIER_COLUMN_VICTIMS, 7 },
  { N_("Alleged perpetrators"), "alleged_perpetrators", DOSSIER_COLUMN_PERPETRATORS, 16 },
  { N_("Verification"), "verification", DOSSIER_COLUMN_VOCAB, 12 },
};
static const DossierListColumn person_columns[] = {
  { N_("Code"), "code", DOSSIER_COLUMN_TEXT, 10 },
  { N_("Protection"), "protection", DOSSIER_COLUMN_VOCAB, 12 },
  { N_("Sex"), "sex", DOSSIER_COLUMN_VOCAB, 10 },
  { N_("Age group"), "age_group", DOSSIER_COLUMN_VOCAB, 18 },
  { N_("Region of residence"), "residence_admin1", DOSSIER_COLUMN_VOCAB, 16 },
  { N_("Community"), "community", DOSSIER_COLUMN_TEXT, 16, TRUE },
};
static const DossierListColumn testimony_columns[] = {
  { N_("Code"), "code", DOSSIER_COLUMN_TEXT, 10 },
  { N_("Summary"), "summary", DOSSIER_COLUMN_TEXT, 30, TRUE },
  { N_("Taken on"), "taken_on", DOSSIER_COLUMN_DATE, 14 },
  { N_("Status"), "status", DOSSIER_COLUMN_VOCAB, 11 },
  { N_("Office"), "office", DOSSIER_COLUMN_VOCAB, 11 },
  { N_("Language"), "language", DOSSIER_COLUMN_VOCAB, 11 },
};
static const DossierListColumn evidence_columns[] = {
  { N_("Preview"), "thumbnail", DOSSIER_COLUMN_THUMBNAIL, 8 },
  { N_("Code"), "code", DOSSIER_COLUMN_TEXT, 10 },
  { N_("Title"), "title", DOSSIER_COLUMN_TEXT, 30, TRUE },
  { N_("Type"), "media_type", DOSSIER_COLUMN_TEXT, 14 },
  { N_("Size"), "size", DOSSIER_COLUMN_SIZE, 9 },
  { N_("SHA-256"), "sha256", DOSSIER_COLUMN_TEXT, 16 },
};
static const DossierListColumn actor_columns[] = {
  { N_("Code"), "code", DOSSIER_COLUMN_TEXT, 10 },
  { N_("Name"), "name", DOSSIER_COLUMN_TEXT, 30, TRUE },
  { N_("Acronym"), "acronym", DOSSIER_COLUMN_TEXT, 10 },
  { N_("Kind"), "kind", DOSSIER_COLUMN_VOCAB, 18 },
};

#define sections dossier_window_sections
#define Section DossierWindowSection

const DossierWindowSection dossier_window_sections[N_SECTIONS] = {
  { "overview", N_("Overview"), "view-grid-symbolic", NULL, NULL, 0, NULL },
  { "incidents", N_("Incidents"), "dialog-warning-symbolic", dossier_incident_get_type, incident_columns, G_N_ELEMENTS (incident_columns), dossier_incident_editor_new },
  { "people", N_("People"), "system-users-symbolic", dossier_person_get_type, person_columns, G_N_ELEMENTS (person_columns), dossier_person_editor_new },
  { "testimonies", N_("Testimonies"), "user-available-symbolic", dossier_testimony_get_type, testimony_columns, G_N_ELEMENTS (testimony_columns), dossier_testimony_editor_new },
  { "evidence", N_("Evidence"), "folder-documents-symbolic", dossier_evidence_get_type, evidence_columns, G_N_ELEMENTS (evidence_columns), dossier_evidence_editor_new },
  { "actors", N_("Actors"), "security-high-symbolic", dossier_actor_get_type, actor_columns, G_N_ELEMENTS (actor_columns), dossier_actor_editor_new },
};

G_DEFINE_FINAL_TYPE (DossierWindow, dossier_window, ADW_TYPE_APPLICATION_WINDOW)

static const Section *
find_section (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (sections[i].name, name) == 0)
      return &sections[i];
  return NULL;
}

/* The map and the timeline share the bottom of the window, side by side; with neither, the
 * lists have it all. */
static void
update_panes (DossierWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->panes_paned),
                          g_settings_get_boolean (self->settings, "map-visible") ||
                          g_settings_get_boolean (self->settings, "timeline-visible"));
}

static void
on_sidebar_row_selected (DossierWindow *self,
                         GtkListBoxRow *row)
{
  const Section *section;

  if (row == NULL || self->store == NULL)
    return;
  section = &sections[gtk_list_box_row_get_index (row)];
  gtk_stack_set_visible_child_name (self->stack, section->name);
  _dossier_window_section_shown (self, gtk_list_box_row_get_index (row));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  g_settings_set_string (self->settings, "sidebar-section", section->name);
}


/* A click on the map gives it the keyboard, as a click on the timeline does, so that its
 * keys ([ and ], Enter, Escape) reach it rather than the list focused before. A field of
 * the map (the place finder) takes the focus from it as it is clicked. */
static void
focus_map (DossierWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (self->map_pane != NULL && (focus == NULL || !gtk_widget_is_ancestor (focus, self->map_pane)))
    gtk_widget_grab_focus (self->map_pane);
}

/* Keys pressed on the timeline's own buttons (after "Show every incident", say) are the
 * timeline's: + still zooms it, [ and ] still step through its incidents. */
static gboolean
on_timeline_key (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 DossierWindow         *self)
{
  GtkWidget *view;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (self->timeline_pane == NULL || GTK_IS_EDITABLE (focus))
    return GDK_EVENT_PROPAGATE;
  view = GTK_WIDGET (dossier_timeline_pane_get_view (DOSSIER_TIMELINE_PANE (self->timeline_pane)));
  if (focus == view)
    return GDK_EVENT_PROPAGATE;
  return gtk_event_controller_key_forward (controller, view);
}

/* The editor of the section shown stands beside its list; the overview, the search results
 * and an error have the whole width. */
static void
on_page_shown (DossierWindow *self)
{
  const char *name;
  GtkWidget *editor;

  /* Also told while the template is built, before the editors are. */
  if (self->stack == NULL || self->editors == NULL)
    return;
  name = gtk_stack_get_visible_child_name (self->stack);
  editor = name != NULL ? gtk_stack_get_child_by_name (self->editors, name) : NULL;
  if (editor != NULL)
    gtk_stack_set_visible_child (self->editors, editor);
  gtk_widget_set_visible (GTK_WIDGET (self->editors), editor != NULL);
  _dossier_window_update_filter_summary (self);
}

/* Over a multi-line text that is not being typed in, the wheel scrolls the form around it,
 * as over any other field, rather than the text; clicked, the text scrolls. */
static gboolean
on_text_scroll (GtkEventControllerScroll *controller,
                double                    dx,
                double                    dy,
                gpointer                  user_data)
{
  GtkWidget *inner = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *text = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (inner));
  GtkWidget *outer = gtk_widget_get_ancestor (gtk_widget_get_parent (inner), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  double step = 1;

  if (outer == NULL || gtk_root_get_focus (gtk_widget_get_root (inner)) == text)
    return GDK_EVENT_PROPAGATE;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (outer));
  /* A notch moves as far as GtkScrolledWindow moves it; a touchpad gives pixels. */
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    step = pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + dy * step);
  return GDK_EVENT_STOP;
}

static void
wheel_scrolls_form (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SCROLLED_WINDOW (child) && GTK_IS_TEXT_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (child))))
        {
          GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

          gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
          g_signal_connect (scroll, "scroll", G_CALLBACK (on_text_scroll), NULL);
          gtk_widget_add_controller (child, scroll);
        }
      else
        wheel_scrolls_form (child);
    }
}

static void
on_back_clicked (DossierWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static GtkWidget *
make_sidebar_row (DossierWindow *self,
                  guint          index)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new (_(sections[index].title));
  GtkWidget *kept = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (sections[index].icon));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (names), label);
  /* While the filter keeps less: "12 of 100,000", under the name, where it has room. */
  gtk_label_set_xalign (GTK_LABEL (kept), 0);
  gtk_label_set_ellipsize (GTK_LABEL (kept), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (kept, "caption");
  gtk_widget_add_css_class (kept, "accent");
  gtk_widget_add_css_class (kept, "numeric");
  gtk_widget_set_visible (kept, FALSE);
  gtk_box_append (GTK_BOX (names), kept);
  gtk_widget_set_hexpand (names, TRUE);
  gtk_widget_set_valign (names, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), names);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), count);
  self->counts[index] = GTK_LABEL (count);
  self->kept[index] = GTK_LABEL (kept);
  return box;
}

/* The window's title is the dossier's, or its file's name when it has none. */
static void
update_title (DossierWindow *self)
{
  g_autofree char *title = dossier_store_get_title (self->store);
  g_autofree char *basename = g_filename_display_basename (dossier_store_get_path (self->store));

  adw_window_title_set_title (self->window_title, title && *title ? title : basename);
  gtk_window_set_title (GTK_WINDOW (self), title && *title ? title : basename);
}

static void
update_recent (DossierWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-dossiers");

  g_menu_remove_all (self->recent_section);
  for (guint i = 0; recent[i]; i++)
    {
      g_autofree char *label = g_filename_display_basename (recent[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "app.open-recent", "s", recent[i]);
      g_menu_append_item (self->recent_section, item);
    }
}

/* Dossiers dropped on the window open in windows of their own; other files and folders are
 * added to the open dossier as evidence. */
static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         DossierWindow *self)
{
  GSList *files = g_value_get_boxed (value);
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GPtrArray) evidence = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean any = FALSE;

  for (GSList *l = files; l; l = l->next)
    {
      g_autofree char *name = g_file_get_basename (l->data);

      if (name && g_str_has_suffix (name, ".dossier"))
        {
          GFile *file = l->data;

          if (app != NULL)
            g_application_open (app, &file, 1, "");
          any = app != NULL;
        }
      else
        g_ptr_array_add (evidence, g_object_ref (l->data));
    }
  if (evidence->len > 0)
    any = dossier_window_ingest (self, evidence) || any;
  return any;
}

/* The name recorded in the logs follows the preference, for the dossier already open too,
 * and the header says who is recording. */
static void
on_investigator_changed (DossierWindow *self)
{
  g_autofree char *user = g_settings_get_string (self->settings, "investigator-name");
  g_autofree char *tooltip = NULL;

  if (self->store != NULL)
    dossier_store_set_user (self->store, user);
  adw_window_title_set_subtitle (self->sidebar_title, user);
  gtk_label_set_text (self->investigator_label, user);
  /* The name whole when the header is short of room, up to 20 characters: the title
   * gives way first. */
  gtk_label_set_width_chars (self->investigator_label, MIN (g_utf8_strlen (user, -1), 20));
  /* Translators: the tooltip of the investigator's name, under “Dossier” in the sidebar's header */
  tooltip = g_strdup_printf (_("Recording as %s, in the custody and audit logs. Click to change it."), user);
  gtk_widget_set_tooltip_text (self->investigator_button, *user ? tooltip : _("Who is recording? Click to give your name."));
  {
    /* Translators: the accessible name of the button showing the investigator's name */
    g_autofree char *name = g_strdup_printf (_("Recording as %s"), user);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->investigator_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    *user ? name : _("Who is recording?"), -1);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->folded_investigator), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    *user ? name : _("Who is recording?"), -1);
    gtk_widget_set_tooltip_text (self->folded_investigator, gtk_widget_get_tooltip_text (self->investigator_button));
  }
}

static void
dossier_window_dispose (GObject *object)
{
  DossierWindow *self = DOSSIER_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->count_cancellable != NULL)
    g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);
  g_clear_handle_id (&self->count_source, g_source_remove);
  if (self->ingest_cancellable != NULL)
    g_cancellable_cancel (self->ingest_cancellable);
  g_clear_object (&self->cancellable);
  /* However the window goes (closed, or destroyed as the application quits), the dossier
   * file alone holds every change from here on, even if a list or a worker still holds
   * the store a little longer. */
  if (self->store != NULL)
    dossier_store_checkpoint (self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->section_before_search, g_free);
  g_clear_pointer (&self->lang, g_free);
  g_clear_pointer (&self->last_deletion, dossier_deletion_free);
  g_clear_handle_id (&self->spring_source, g_source_remove);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (dossier_window_parent_class)->dispose (object);
}

static gboolean
dossier_window_close_request (GtkWindow *window)
{
  DossierWindow *self = DOSSIER_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (dossier_window_parent_class)->close_request (window);
}

static void
dossier_window_class_init (DossierWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = dossier_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/dossier/Dossier/window/dossier-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, investigator_button);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, editors);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, work_paned);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, filter_revealer);
  gtk_widget_class_bind_template_callback (widget_class, on_page_shown);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, filter_button);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, clear_filter_button);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, map_button);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, map_box);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, timeline_button);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, timeline_box);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, panes_paned);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, content_paned);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, search_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  _dossier_window_counts_class_init (widget_class);
  _dossier_window_search_class_init (widget_class);
  _dossier_window_export_class_init (widget_class);
  _dossier_window_records_class_init (widget_class);
  _dossier_window_evidence_class_init (widget_class);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, ingest_revealer);
}

static void
dossier_window_init (DossierWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-delete", FALSE);
  _dossier_window_records_init (self);
  _dossier_window_evidence_init (self);
  /* The map is shown or not, and as high, as last time. */
  g_settings_bind (self->settings, "map-visible", self->map_button, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "map-visible", self->map_box, "visible", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "map-paned-position", self->content_paned, "position", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "paned-position", self->work_paned, "position", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "timeline-visible", self->timeline_button, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "timeline-visible", self->timeline_box, "visible", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "timeline-paned-position", self->panes_paned, "position", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::map-visible", G_CALLBACK (update_panes), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::timeline-visible", G_CALLBACK (update_panes), self, G_CONNECT_SWAPPED);
  update_panes (self);
  self->filter = dossier_filter_new ();
  _dossier_window_counts_init (self);
  g_signal_connect_object (self->settings, "changed::investigator-name",
                           G_CALLBACK (on_investigator_changed), self, G_CONNECT_SWAPPED);
  {
    /* When the sidebar is folded away (a window 1024 pixels wide), the name goes with the
     * lists' header, so that who is recording is always in sight. */
    GtkWidget *header = gtk_widget_get_ancestor (GTK_WIDGET (self->window_title), ADW_TYPE_HEADER_BAR);
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

    self->investigator_label = GTK_LABEL (gtk_label_new (NULL));
    gtk_label_set_ellipsize (self->investigator_label, PANGO_ELLIPSIZE_END);
    gtk_label_set_max_width_chars (self->investigator_label, 20);
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("avatar-default-symbolic"));
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->investigator_label));
    self->folded_investigator = gtk_button_new ();
    gtk_button_set_child (GTK_BUTTON (self->folded_investigator), box);
    gtk_widget_add_css_class (self->folded_investigator, "flat");
    gtk_actionable_set_action_name (GTK_ACTIONABLE (self->folded_investigator), "app.preferences");
    g_object_bind_property (self->leaflet, "folded", self->folded_investigator, "visible", G_BINDING_SYNC_CREATE);
    adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->folded_investigator);
  }
  on_investigator_changed (self);
  g_signal_connect_object (self->settings, "changed::recent-dossiers",
                           G_CALLBACK (update_recent), self, G_CONNECT_SWAPPED);
  update_recent (self);
  {
    GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  }
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    gtk_list_box_append (self->sidebar, make_sidebar_row (self, i));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  /* Typing searches from the sections and the lists only: the timeline, the map and the
   * editors keep their keys (+ zooms the timeline rather than searching for "++"). */
  _dossier_window_add_type_to_search (self, GTK_WIDGET (self->sidebar));
  {
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
    g_signal_connect_swapped (click, "pressed", G_CALLBACK (focus_map), self);
    gtk_widget_add_controller (self->map_box, GTK_EVENT_CONTROLLER (click));
  }
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    g_signal_connect (keys, "key-pressed", G_CALLBACK (on_timeline_key), self);
    gtk_widget_add_controller (self->timeline_box, keys);
  }
  gtk_widget_set_sensitive (GTK_WIDGET (self->sidebar), FALSE);
}

DossierWindow *
dossier_window_new (GtkApplication *app)
{
  return g_object_new (DOSSIER_TYPE_WINDOW, "application", app, NULL);
}

static void
check_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      data,
                 GCancellable *cancellable)
{
  GError *error = NULL;

  if (dossier_store_check_integrity (data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
check_done (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* A damaged dossier is not worked on: the lists go, the reason stays. */
  gtk_widget_set_sensitive (GTK_WIDGET (DOSSIER_WINDOW (source)->sidebar), FALSE);
  dossier_window_show_error (DOSSIER_WINDOW (source), error->message);
}

/**
 * dossier_window_load:
 * @self: a #DossierWindow
 * @path: a dossier file
 * @error: return location for a #GError
 *
 * Opens @path in this window and shows its sections.
 *
 * Returns: %TRUE on success; on failure the window is unchanged
 */
gboolean
dossier_window_load (DossierWindow  *self,
                     const char     *path,
                     GError        **error)
{
  g_autoptr(DossierStore) store = NULL;
  g_autofree char *lang = dossier_application_ui_language ();
  g_autofree char *title = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *section = NULL;
  GtkWidget *child;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  store = dossier_store_open (path, DOSSIER_STORE_OPEN_DEFAULT, error);
  if (store == NULL)
    return FALSE;
  g_free (self->lang);
  self->lang = g_strdup (lang);
  {
    g_autofree char *user = g_settings_get_string (self->settings, "investigator-name");
    dossier_store_set_user (store, user);
  }

  /* Replace the pages of a previous dossier; what is shown changes as they go, and the
   * window must not look at them then. */
  memset (self->pages, 0, sizeof self->pages);
  self->overview = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      if ((child = gtk_stack_get_child_by_name (self->stack, sections[i].name)) != NULL)
        gtk_stack_remove (self->stack, child);
      if ((child = gtk_stack_get_child_by_name (self->editors, sections[i].name)) != NULL)
        gtk_stack_remove (self->editors, child);
    }
  /* The dossier shown until now is let go whole, as if its window had closed. */
  if (self->store != NULL)
    dossier_store_checkpoint (self->store);
  g_set_object (&self->store, store);
  g_clear_pointer (&self->last_deletion, dossier_deletion_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-delete", FALSE);
  if ((child = gtk_stack_get_child_by_name (self->stack, "search")) != NULL)
    gtk_stack_remove (self->stack, child);
  self->search_page = _dossier_window_new_search_page (self, store, lang);
  gtk_stack_add_named (self->stack, self->search_page, "search");

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *page;

      if (sections[i].get_type == NULL)
        {
          page = self->overview = dossier_overview_new (store, self->filter, lang);
          g_signal_connect_object (page, "details-changed", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
        }
      else
        page = _dossier_window_make_section_page (self, i);
      _dossier_window_add_type_to_search (self, sections[i].get_type == NULL ? page : self->pages[i].list);
      if (sections[i].get_type != NULL)
        {
          wheel_scrolls_form (self->pages[i].editor);
          /* What the filter keeps of the list shown is known as soon as it is read again. */
          g_signal_connect_object (dossier_record_list_get_model (DOSSIER_RECORD_LIST (self->pages[i].list)), "reloaded",
                                   G_CALLBACK (_dossier_window_update_filter_summary), self, G_CONNECT_SWAPPED);
        }
      /* Every list follows the shared filter: incidents, and what is linked to them. */
      if (sections[i].get_type != NULL)
        dossier_record_list_model_set_filter (dossier_record_list_get_model (DOSSIER_RECORD_LIST (self->pages[i].list)),
                                              self->filter);
      gtk_stack_add_titled (self->stack, page, sections[i].name, _(sections[i].title));
    }

  dossier_filter_clear (self->filter);
  gtk_menu_button_set_popover (self->filter_button, dossier_filter_popover_new (store, self->filter, lang));
  self->filter_bar = dossier_filter_bar_new (store, self->filter, lang);
  gtk_revealer_set_child (self->filter_revealer, self->filter_bar);

  if (self->map_pane != NULL)
    gtk_box_remove (GTK_BOX (self->map_box), self->map_pane);
  self->map_pane = dossier_map_pane_new (store, self->filter, lang);
  gtk_widget_set_hexpand (self->map_pane, TRUE);
  gtk_box_append (GTK_BOX (self->map_box), self->map_pane);
  if (self->timeline_pane != NULL)
    gtk_box_remove (GTK_BOX (self->timeline_box), self->timeline_pane);
  self->timeline_pane = dossier_timeline_pane_new (store, self->filter, lang);
  gtk_widget_set_hexpand (self->timeline_pane, TRUE);
  gtk_box_append (GTK_BOX (self->timeline_box), self->timeline_pane);
  _dossier_window_map_init (self);

  title = dossier_store_get_title (store);
  basename = g_filename_display_basename (path);
  adw_window_title_set_title (self->window_title, *title ? title : basename);
  adw_window_title_set_subtitle (self->window_title, basename);
  gtk_window_set_title (GTK_WINDOW (self), *title ? title : basename);
  _dossier_window_update_counts (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sidebar), TRUE);

  /* Sections, editors, panes and their popovers are built: Orca hears their buttons once. */
  dossier_accessible_fix_mnemonics (GTK_WIDGET (self));
  if (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self)) != NULL)
    dossier_accessible_name_parts_of_gtk (GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self))));
  section = g_settings_get_string (self->settings, "sidebar-section");
  dossier_window_show_section (self, find_section (section) ? section : "incidents");
  _dossier_window_restore_selection (self);
  /* The keyboard starts in the list: arrows move in it, and letters search. */
  {
    const Section *shown = find_section (dossier_window_get_section (self));

    if (shown != NULL && shown->get_type != NULL)
      gtk_widget_grab_focus (GTK_WIDGET (dossier_record_list_get_view (DOSSIER_RECORD_LIST (self->pages[shown - sections].list))));
  }

  /* A large dossier was opened before SQLite checked every page: check now, off the UI. */
  if (!dossier_store_is_checked (store))
    {
      g_autoptr(GTask) task = g_task_new (self, self->cancellable, check_done, NULL);

      g_task_set_task_data (task, g_object_ref (store), g_object_unref);
      g_task_run_in_thread (task, check_in_thread);
    }
  return TRUE;
}

void
dossier_window_show_error (DossierWindow *self,
                           const char    *message)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));

  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

DossierStore *
dossier_window_get_store (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return self->store;
}

void
dossier_window_show_section (DossierWindow *self,
                             const char    *name)
{
  const Section *section;

  g_return_if_fail (DOSSIER_IS_WINDOW (self));

  section = find_section (name);
  g_return_if_fail (section != NULL);
  gtk_list_box_select_row (self->sidebar,
                           gtk_list_box_get_row_at_index (self->sidebar, section - sections));
}

const char *
dossier_window_get_section (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * dossier_window_set_measure:
 * @self: a #DossierWindow
 * @measure: what the overview's charts count
 *
 * Does what the Incidents / Victims switch of the overview does.
 */
void
dossier_window_set_measure (DossierWindow  *self,
                            DossierMeasure  measure)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));

  if (self->overview != NULL)
    dossier_overview_set_measure (DOSSIER_OVERVIEW (self->overview), measure);
}

DossierFilter *
dossier_window_get_filter (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return self->filter;
}

GtkWidget *
dossier_window_get_filter_popover (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return GTK_WIDGET (gtk_menu_button_get_popover (self->filter_button));
}

/**
 * dossier_window_get_map:
 * @self: a #DossierWindow
 *
 * Returns: (transfer none) (nullable): the map pane, once a dossier is open
 */
GtkWidget *
dossier_window_get_map (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return self->map_pane;
}

/**
 * dossier_window_get_timeline:
 * @self: a #DossierWindow
 *
 * Returns: (transfer none) (nullable): the timeline pane, once a dossier is open
 */
GtkWidget *
dossier_window_get_timeline (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return self->timeline_pane;
}

GtkWidget *
dossier_window_get_list (DossierWindow *self,
                         const char    *section)
{
  const Section *found;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  found = find_section (section);
  /* The overview and the search results have no list: their pages. */
  if (found == NULL || found == sections)
    return gtk_stack_get_child_by_name (self->stack, section);
  return self->pages[found - sections].list;
}

/**
 * dossier_window_get_editor:
 * @self: a #DossierWindow
 * @section: "incidents", "people", "testimonies", "evidence" or "actors"
 *
 * Returns: (transfer none): the editor beside that section's list
 */
GtkWidget *
dossier_window_get_editor (DossierWindow *self,
                           const char    *section)
{
  const Section *found;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  found = find_section (section);
  g_return_val_if_fail (found != NULL, NULL);
  return self->pages[found - sections].editor;
}
