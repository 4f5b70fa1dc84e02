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
#include "dossier-bar-chart.h"
#include "dossier-export-window.h"
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
#include "dossier-window-private.h"
#include "dossier-map-pane.h"
#include "dossier-timeline-pane.h"
#include "dossier-timeline.h"
#include "dossier-deletion.h"
#include "dossier-edtf.h"
#include "dossier-new-dossier-dialog.h"
#include <math.h>
#include <stdio.h>
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

static void update_charts (DossierWindow *self);

static gint64
count_of (const DossierStoreCounts *counts,
          guint                     index)
{
  switch (index)
    {
    case 1: return counts->incidents;
    case 2: return counts->people;
    case 3: return counts->testimonies;
    case 4: return counts->evidence;
    case 5: return counts->actors;
    default: return -1;
    }
}

/* A count as a reader writes it: "100,000", "100 000". */
static char *
format_count (gint64 n)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, n);
}

/* "12 of 100,000 incidents", of the section shown, over the list: its own count if it
 * follows the filter already, else what the filter's count found. */
static void
update_filter_summary (DossierWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);
  guint index = 0;
  gint64 kept = -1, total;
  g_autofree char *kept_text = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *summary = NULL;

  if (self->filter_bar == NULL)
    return;
  for (guint i = 1; i < N_SECTIONS; i++)
    if (g_strcmp0 (name, sections[i].name) == 0)
      index = i;
  /* The overview counts incidents. */
  if (index == 0)
    index = 1;
  if (self->pages[index].list != NULL)
    {
      DossierRecordListModel *model = dossier_record_list_get_model (DOSSIER_RECORD_LIST (self->pages[index].list));

      if (!dossier_record_list_model_is_stale (model))
        kept = g_list_model_get_n_items (G_LIST_MODEL (model));
    }
  if (kept < 0 && self->filtered_known)
    kept = count_of (&self->filtered, index);
  total = count_of (&self->totals, index);
  kept_text = kept >= 0 ? format_count (kept) : g_strdup ("…");
  total_text = format_count (total);
  /* Translators: what the filter keeps of a list: "12 of 100,000 incidents"; the second
   * %s is the number in the whole dossier, which the plural follows */
  switch (index)
    {
    case 1:
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s incident", "%s of %s incidents", total),
                                 kept_text, total_text);
      break;
    case 2:
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s person", "%s of %s people", total),
                                 kept_text, total_text);
      break;
    case 3:
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s testimony", "%s of %s testimonies", total),
                                 kept_text, total_text);
      break;
    case 4:
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s evidence item", "%s of %s evidence items", total),
                                 kept_text, total_text);
      break;
    default:
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s actor", "%s of %s actors", total),
                                 kept_text, total_text);
      break;
    }
  dossier_filter_bar_set_summary (DOSSIER_FILTER_BAR (self->filter_bar), summary);
}

/* The sections' counts, and the overview's: of the whole dossier, or, while the filter
 * keeps less, "12 of 100,000" under each section's name once counted. */
static void
show_counts (DossierWindow *self)
{
  gboolean filtered = !dossier_filter_is_empty (self->filter);

  for (guint i = 1; i < N_SECTIONS; i++)
    {
      g_autofree char *total = format_count (count_of (&self->totals, i));
      g_autofree char *kept = NULL;

      gtk_label_set_text (self->counts[i], total);
      gtk_widget_set_visible (GTK_WIDGET (self->counts[i]), !filtered);
      gtk_widget_set_visible (GTK_WIDGET (self->kept[i]), filtered);
      if (filtered)
        {
          g_autofree char *number = self->filtered_known ? format_count (count_of (&self->filtered, i)) : g_strdup ("…");

          /* Translators: under a section's name, what the filter keeps of it: "12 of 100,000" */
          kept = g_strdup_printf (_("%s of %s"), number, total);
          gtk_label_set_text (self->kept[i], kept);
        }
      if (self->overview_rows[i] != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (self->overview_rows[i]), filtered ? kept : total);
    }
  update_filter_summary (self);
}

static void
counted (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  DossierStoreCounts counts;

  if (!dossier_store_count_query_finish (DOSSIER_STORE (source), result, &counts, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->toast_overlay != NULL)
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  if (DOSSIER_STORE (source) != self->store)
    return;
  self->filtered = counts;
  self->filtered_known = TRUE;
  show_counts (self);
}

static gboolean
start_count (gpointer data)
{
  DossierWindow *self = data;

  self->count_source = 0;
  if (self->store != NULL && !dossier_filter_is_empty (self->filter))
    {
      self->count_cancellable = g_cancellable_new ();
      dossier_store_count_query_async (self->store, dossier_filter_get_query (self->filter), self->count_cancellable,
                                       counted, g_object_ref (self));
    }
  return G_SOURCE_REMOVE;
}

/* Counting the people, testimonies and actors of a region's incidents takes a quarter of a
 * second on 100,000: done aside, each new filter stopping the count of the one before, and
 * only once the list has been drawn, so that it does not take from it one of two cores. */
static void
count_filtered (DossierWindow *self)
{
  if (self->count_cancellable != NULL)
    g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);
  g_clear_handle_id (&self->count_source, g_source_remove);
  self->filtered_known = FALSE;
  if (self->store != NULL && !dossier_filter_is_empty (self->filter))
    self->count_source = g_timeout_add (200, start_count, self);
}

/* The filter shows itself: an accented button that says how many criteria it has, the
 * bar above the lists with what it keeps and its criteria, and the sections' counts. */
static void
on_filter_changed (DossierWindow *self)
{
  gboolean active = !dossier_filter_is_empty (self->filter);
  guint n = dossier_filter_count_criteria (self->filter);
  g_autofree char *label = NULL;

  if (active)
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
  /* Translators: the Filter button while %u criteria (a region, a period…) narrow the lists */
  label = active ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Filter (%u)", "Filter (%u)", n), n)
                 : g_strdup (_("Filter"));
  gtk_menu_button_set_label (self->filter_button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_visible (self->clear_filter_button, active);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_revealer), active);
  if (self->store != NULL)
    {
      count_filtered (self);
      show_counts (self);
      _dossier_window_refresh_charts (self);
    }
}

static void
on_clear_filter (DossierWindow *self)
{
  dossier_filter_clear (self->filter);
}

/* Search results take the place of the lists while there is text in the entry. */
static void
on_search_changed (DossierWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *visible = gtk_stack_get_visible_child_name (self->stack);

  if (self->store == NULL || self->search_page == NULL)
    return;
  if (*text == '\0')
    {
      if (g_strcmp0 (visible, "search") == 0 && self->section_before_search)
        gtk_stack_set_visible_child_name (self->stack, self->section_before_search);
      return;
    }
  if (g_strcmp0 (visible, "search") != 0)
    {
      g_free (self->section_before_search);
      self->section_before_search = g_strdup (visible);
    }
  dossier_search_page_search (DOSSIER_SEARCH_PAGE (self->search_page), text);
  gtk_stack_set_visible_child_name (self->stack, "search");
}

/* A search hit opens in its section's list, selected. */
static void
on_hit_activated (DossierWindow *self,
                  const char    *kind,
                  const char    *code)
{
  static const struct { const char *kind, *section; } where[] = {
    { "incident", "incidents" }, { "testimony", "testimonies" },
    { "evidence", "evidence" }, { "actor", "actors" },
  };
  GtkWidget *list;

  for (guint i = 0; i < G_N_ELEMENTS (where); i++)
    if (g_str_equal (kind, where[i].kind))
      {
        /* The filter might hide it. */
        if (g_str_equal (kind, "incident"))
          dossier_filter_clear (self->filter);
        gtk_search_bar_set_search_mode (self->search_bar, FALSE);
        dossier_window_show_section (self, where[i].section);
        list = dossier_window_get_list (self, where[i].section);
        dossier_record_list_show_code (DOSSIER_RECORD_LIST (list), code);
        gtk_widget_grab_focus (GTK_WIDGET (dossier_record_list_get_view (DOSSIER_RECORD_LIST (list))));
        return;
      }
}

static void
on_stop_search (DossierWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

/* A letter typed where the focus is in a list (or the sections) starts a search with it:
 * keys that move in the list, shortcuts and the space that selects a row are left alone. */
static gboolean
on_type_to_search (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   DossierWindow         *self)
{
  gunichar c = gdk_keyval_to_unicode (keyval);
  char typed[7] = { 0 };
  g_autofree char *text = NULL;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 || !g_unichar_isgraph (c) ||
      self->store == NULL)
    return GDK_EVENT_PROPAGATE;
  g_unichar_to_utf8 (c, typed);
  /* A search still open goes on; a new one starts from the letter. */
  text = g_strconcat (gtk_search_bar_get_search_mode (self->search_bar) ?
                      gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) : "", typed, NULL);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
  return GDK_EVENT_STOP;
}

static void
add_type_to_search (DossierWindow *self,
                    GtkWidget     *widget)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_type_to_search), self);
  gtk_widget_add_controller (widget, keys);
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
  update_filter_summary (self);
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
find_action (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The Export dialog, told what the window shows: the active filter's incidents, and where
 * the map and timeline look, for the annex's figures to be framed the same. */
static GtkWidget *
new_export_window (DossierWindow *self)
{
  g_autoptr(GArray) ids = NULL;
  DossierMapView map_view = { 0 };
  DossierTimelineFrame timeline_frame = { 0 };

  if (self->store == NULL)
    return NULL;
  if (!dossier_filter_is_empty (self->filter))
    {
      g_autoptr(GError) error = NULL;

      ids = dossier_store_query_ids (self->store, dossier_filter_get_query (self->filter), &error);
      if (ids == NULL)
        {
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
          return NULL;
        }
    }
  if (self->map_pane != NULL)
    dossier_map_pane_get_view (DOSSIER_MAP_PANE (self->map_pane), &map_view);
  if (self->timeline_pane != NULL)
    dossier_timeline_view_get_frame (dossier_timeline_pane_get_view (DOSSIER_TIMELINE_PANE (self->timeline_pane)), &timeline_frame);
  return dossier_export_window_new (GTK_WINDOW (self), self->store, self->lang, ids, &map_view, &timeline_frame);
}

static void
export_action (GtkWidget  *widget,
               const char *action,
               GVariant   *parameter)
{
  GtkWidget *dialog = new_export_window (DOSSIER_WINDOW (widget));

  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
}

/* The main menu's Print…: the Export dialog's annex, printed. */
static void
print_action (GtkWidget  *widget,
              const char *action,
              GVariant   *parameter)
{
  GtkWidget *dialog = new_export_window (DOSSIER_WINDOW (widget));

  if (dialog == NULL)
    return;
  dossier_export_window_set_for_printing (DOSSIER_EXPORT_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
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

/* The overview's charts, with the vocabulary their keys belong to (NULL: shown as they are),
 * titled for each measure. */
static const struct {
  const char       *title;          /* counting incidents */
  const char       *victims_title;  /* adding up victims */
  DossierBreakdown  breakdown;
  const char       *scheme;
} charts[] = {
  { N_("Incidents by month"), N_("Victims by month"), DOSSIER_BREAKDOWN_MONTH, NULL },
  { N_("Incidents by region"), N_("Victims by region"), DOSSIER_BREAKDOWN_REGION, "admin1" },
  { N_("Incidents by violation type"), N_("Victims by violation type"), DOSSIER_BREAKDOWN_VIOLATION_TYPE, "violation-type" },
  { N_("Incidents by kind of alleged perpetrator"), N_("Victims by kind of alleged perpetrator"), DOSSIER_BREAKDOWN_ACTOR_KIND, "actor-kind" },
  { N_("Victims by sex and age"), N_("Victims by sex and age"), DOSSIER_BREAKDOWN_VICTIMS_GROUP, "casualty-group" },
};
G_STATIC_ASSERT (G_N_ELEMENTS (charts) == G_N_ELEMENTS (((DossierWindow *) 0)->charts));

/* For the secretariat: where the indexing of testimonies stands, and who gave them. */
static const struct {
  const char       *title;
  DossierBreakdown  breakdown;
  const char       *scheme;
} testimony_charts[] = {
  { N_("Testimonies by status"), DOSSIER_BREAKDOWN_TESTIMONY_STATUS, "testimony-status" },
  { N_("Testimonies by office"), DOSSIER_BREAKDOWN_TESTIMONY_OFFICE, "office" },
  { N_("Testimonies by month taken"), DOSSIER_BREAKDOWN_TESTIMONY_MONTH, NULL },
  { N_("Witnesses by sex"), DOSSIER_BREAKDOWN_WITNESS_SEX, "sex" },
  { N_("Witnesses by age group"), DOSSIER_BREAKDOWN_WITNESS_AGE_GROUP, "age-group" },
};
G_STATIC_ASSERT (G_N_ELEMENTS (testimony_charts) == G_N_ELEMENTS (((DossierWindow *) 0)->testimony_charts));

static void
on_measure_toggled (DossierWindow   *self,
                    GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button) && self->store != NULL)
    update_charts (self);
}

/* What the dossier says of itself, at the top of the overview, and in the window's title. */
static void
update_about (DossierWindow *self)
{
  g_autofree char *uuid = NULL;
  g_autofree char *title = NULL;
  g_autofree char *mandate = NULL;
  g_autofree char *period = NULL;
  g_autofree char *default_lang = NULL;
  g_autofree char *period_text = NULL;
  g_autofree char *basename = NULL;
  const char *values[4];
  const char *none;

  if (self->store == NULL || self->about_rows[0] == NULL ||
      !dossier_store_get_info (self->store, &uuid, &title, &mandate, &period, &default_lang, NULL))
    return;
  if (period != NULL && *period != '\0')
    period_text = dossier_edtf_format_string (period, self->lang);
  /* Translators: in the overview, a detail of the dossier left empty */
  none = _("Not given");
  values[0] = title && *title ? title : none;
  values[1] = mandate && *mandate ? mandate : none;
  values[2] = period_text && *period_text ? period_text : (period && *period ? period : none);
  values[3] = g_strcmp0 (default_lang, "en") == 0 ? "English" : "Français";
  for (guint i = 0; i < G_N_ELEMENTS (self->about_rows); i++)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->about_rows[i]), values[i]);

  basename = g_filename_display_basename (dossier_store_get_path (self->store));
  adw_window_title_set_title (self->window_title, title && *title ? title : basename);
  gtk_window_set_title (GTK_WINDOW (self), title && *title ? title : basename);
}

static void
on_edit_details_clicked (DossierWindow *self)
{
  GtkWidget *dialog;

  if (self->store == NULL || dossier_store_is_read_only (self->store))
    return;
  dialog = dossier_new_dossier_dialog_new_for_store (GTK_WINDOW (self), self->store, self->lang);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (update_about), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
make_overview (DossierWindow *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *chart_group = adw_preferences_group_new ();

  {
    static const char * const about[] = { N_("Title"), N_("Mandate"), N_("Period covered"), N_("Language of the annexes") };
    GtkWidget *about_group = adw_preferences_group_new ();
    GtkWidget *edit = gtk_button_new_with_mnemonic (_("_Edit…"));

    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (about_group), _("About this dossier"));
    gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
    gtk_widget_set_tooltip_text (edit, _("Change the dossier's title, mandate, period and annex language"));
    gtk_widget_set_sensitive (edit, !dossier_store_is_read_only (self->store));
    g_signal_connect_object (edit, "clicked", G_CALLBACK (on_edit_details_clicked), self, G_CONNECT_SWAPPED);
    adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (about_group), edit);
    for (guint i = 0; i < G_N_ELEMENTS (about); i++)
      {
        GtkWidget *row = adw_action_row_new ();

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(about[i]));
        /* A mandate is a paragraph: it wraps rather than being cut to one line. */
        adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
        gtk_widget_add_css_class (row, "property");
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (about_group), row);
        self->about_rows[i] = row;
      }
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (about_group));
  }

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("In this dossier"));
  for (guint i = 1; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(sections[i].title));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      self->overview_rows[i] = row;
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (chart_group), _("At a glance"));
  {
    /* Count incidents, or add up their victims. */
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
    GtkWidget *incidents = gtk_toggle_button_new_with_label (_("Incidents"));
    GtkWidget *victims = gtk_toggle_button_new_with_label (_("Victims"));

    gtk_widget_add_css_class (box, "linked");
    gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (victims), GTK_TOGGLE_BUTTON (incidents));
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (incidents), TRUE);
    gtk_widget_set_tooltip_text (box, _("Count incidents, or add up their victims"));
    g_signal_connect_object (incidents, "toggled", G_CALLBACK (on_measure_toggled), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (victims, "toggled", G_CALLBACK (on_measure_toggled), self, G_CONNECT_SWAPPED);
    gtk_box_append (GTK_BOX (box), incidents);
    gtk_box_append (GTK_BOX (box), victims);
    adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (chart_group), box);
    self->victims_button = GTK_TOGGLE_BUTTON (victims);
  }
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      self->charts[i] = dossier_bar_chart_new (_(charts[i].title));
      dossier_bar_chart_set_columns (DOSSIER_BAR_CHART (self->charts[i]), charts[i].breakdown == DOSSIER_BREAKDOWN_MONTH);
      gtk_widget_set_margin_top (self->charts[i], 18);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (chart_group), self->charts[i]);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (chart_group));
  {
    GtkWidget *progress = adw_preferences_group_new ();

    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (progress), _("Testimonies and witnesses"));
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (progress),
                                           _("Those linked to the filter's incidents; all of them when nothing is filtered"));
    for (guint i = 0; i < G_N_ELEMENTS (testimony_charts); i++)
      {
        self->testimony_charts[i] = dossier_bar_chart_new (_(testimony_charts[i].title));
        dossier_bar_chart_set_columns (DOSSIER_BAR_CHART (self->testimony_charts[i]),
                                       testimony_charts[i].breakdown == DOSSIER_BREAKDOWN_TESTIMONY_MONTH);
        gtk_widget_set_margin_top (self->testimony_charts[i], 18);
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (progress), self->testimony_charts[i]);
      }
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (progress));
  }
  return page;
}

/* Every month from the first to the last, with the empty ones, so that the columns keep
 * time's proportions; labelled "March 2022" in the interface's language. */
static void
month_series (GPtrArray  *rows,
              const char *lang,
              GPtrArray  *labels,
              GArray     *values)
{
  int year, month, last_year, last_month;
  gboolean long_series;
  guint next = 0;

  if (rows->len == 0 ||
      sscanf (((DossierBreakdownRow *) rows->pdata[0])->key, "%d-%d", &year, &month) != 2 ||
      sscanf (((DossierBreakdownRow *) rows->pdata[rows->len - 1])->key, "%d-%d", &last_year, &last_month) != 2)
    return;
  long_series = (last_year - year) * 12 + last_month - month >= 24;
  for (; year < last_year || (year == last_year && month <= last_month); month = month % 12 + 1, year += month == 1)
    {
      g_autofree char *key = g_strdup_printf ("%04d-%02d", year, month);
      gint64 count = 0;

      if (next < rows->len && g_str_equal (((DossierBreakdownRow *) rows->pdata[next])->key, key))
        count = ((DossierBreakdownRow *) rows->pdata[next++])->count;
      /* Over two years, the years only, under their Januaries. */
      if (long_series)
        g_ptr_array_add (labels, month == 1 || labels->len == 0 ? g_strdup_printf ("%d", year) : g_strdup (""));
      else
        g_ptr_array_add (labels, dossier_edtf_format_string (key, lang));
      g_array_append_val (values, count);
    }
}

/* Fills @chart with the breakdown asked for: months in time's order, anything else its
 * twelve largest, labelled from @scheme. Returns FALSE (with a toast) if it cannot be read. */
static gboolean
fill_chart (DossierWindow    *self,
            GtkWidget        *chart,
            DossierBreakdown  breakdown,
            DossierMeasure    measure,
            const char       *scheme,
            const char       *lang)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = dossier_store_breakdown_measure (self->store, breakdown, measure,
                                                               dossier_filter_get_query (self->filter), &error);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (rows == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return FALSE;
    }
  if (scheme == NULL)
    month_series (rows, lang, labels, values);
  else
    for (guint i = 0; i < rows->len && i < 12; i++)
      {
        DossierBreakdownRow *row = rows->pdata[i];

        g_ptr_array_add (labels, dossier_store_vocab_label (self->store, scheme, row->key, lang));
        g_ptr_array_add (keys, row->key);
        g_array_append_val (values, row->count);
      }
  dossier_bar_chart_set_data (DOSSIER_BAR_CHART (chart), (const char **) labels->pdata, (gint64 *) values->data, values->len);
  /* Violation types in their colours and marks, as on the map and the timeline. */
  dossier_bar_chart_set_keys (DOSSIER_BAR_CHART (chart), g_strcmp0 (scheme, "violation-type") == 0 ? scheme : NULL,
                              (const char **) keys->pdata, keys->len);
  return TRUE;
}

static void
update_charts (DossierWindow *self)
{
  g_autofree char *lang = dossier_application_ui_language ();
  DossierMeasure measure = gtk_toggle_button_get_active (self->victims_button) ? DOSSIER_MEASURE_VICTIMS
                                                                              : DOSSIER_MEASURE_INCIDENTS;

  for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
    if (fill_chart (self, self->charts[c], charts[c].breakdown, measure, charts[c].scheme, lang))
      dossier_bar_chart_set_title (DOSSIER_BAR_CHART (self->charts[c]),
                                   measure == DOSSIER_MEASURE_VICTIMS ? _(charts[c].victims_title) : _(charts[c].title));
  for (guint c = 0; c < G_N_ELEMENTS (testimony_charts); c++)
    fill_chart (self, self->testimony_charts[c], testimony_charts[c].breakdown, DOSSIER_MEASURE_INCIDENTS,
                testimony_charts[c].scheme, lang);
}

void
_dossier_window_update_counts (DossierWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!dossier_store_count (self->store, &self->totals, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  /* A record added or deleted may be one the filter keeps. */
  count_filtered (self);
  show_counts (self);
  _dossier_window_refresh_charts (self);
}

/* The charts add up the whole dossier (a second on 100,000 incidents): they are drawn
 * again only when the overview is shown, or as it is shown. */
void
_dossier_window_refresh_charts (DossierWindow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "overview") == 0)
    {
      self->charts_stale = FALSE;
      update_charts (self);
    }
  else
    self->charts_stale = TRUE;
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
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filter);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, search_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
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
  g_signal_connect_object (self->filter, "changed", G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
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
  add_type_to_search (self, GTK_WIDGET (self->sidebar));
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
  self->search_page = dossier_search_page_new (store, lang);
  g_signal_connect_object (self->search_page, "hit-activated", G_CALLBACK (on_hit_activated), self, G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->stack, self->search_page, "search");

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *page;

      if (sections[i].get_type == NULL)
        page = make_overview (self);
      else
        page = _dossier_window_make_section_page (self, i);
      add_type_to_search (self, sections[i].get_type == NULL ? page : self->pages[i].list);
      if (sections[i].get_type != NULL)
        {
          wheel_scrolls_form (self->pages[i].editor);
          /* What the filter keeps of the list shown is known as soon as it is read again. */
          g_signal_connect_object (dossier_record_list_get_model (DOSSIER_RECORD_LIST (self->pages[i].list)), "reloaded",
                                   G_CALLBACK (update_filter_summary), self, G_CONNECT_SWAPPED);
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
  update_about (self);
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
 * dossier_window_search:
 * @self: a #DossierWindow
 * @text: what to look for
 *
 * Searches as if @text were typed in the search entry.
 */
void
dossier_window_search (DossierWindow *self,
                       const char    *text)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  on_search_changed (self);
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

  if (measure == DOSSIER_MEASURE_VICTIMS)
    gtk_toggle_button_set_active (self->victims_button, TRUE);
  else
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_widget_get_prev_sibling (GTK_WIDGET (self->victims_button))), TRUE);
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
