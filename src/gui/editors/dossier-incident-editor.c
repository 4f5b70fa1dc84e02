/* dossier-incident-editor.c: the editor of an incident
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "dossier-accessible.h"
#include "dossier-format.h"
#include "dossier-incident.h"
#include "dossier-incident-editor.h"
#include "dossier-test-hooks.h"
#include "dossier-gazetteer.h"
#include "dossier-geo.h"
#include "dossier-link-group.h"
#include "dossier-record-list.h"
#include "dossier-vocab.h"
#include "dossier-vocab-row.h"

struct _DossierIncidentEditor
{
  DossierEditor     parent_instance;

  DossierVocabRow  *admin1;
  DossierVocabRow  *admin2;
  DossierVocabRow  *violation_types;
  GtkGrid          *casualties;
  GtkLabel         *casualties_message;
  GtkWidget        *counts[DOSSIER_N_CASUALTY_CATEGORIES][DOSSIER_N_CASUALTY_GROUPS];
  char             *count_names[DOSSIER_N_CASUALTY_CATEGORIES][DOSSIER_N_CASUALTY_GROUPS]; /* "Killed, women" */
  DossierStore     *labelled_for;   /* the store the grid's labels were read from */
  gboolean          counts_dirty;
  guint             save_source;
  AdwEntryRow      *coordinates;
  GtkMenuButton    *find_place_button;
  GtkSearchEntry   *place_search;
  GtkListBox       *place_results;
  GtkLabel         *place_none;     /* says so when no place has the name typed */
  GPtrArray        *place_hits;     /* DossierGazetteerEntry */
  guint             reveal_tick;    /* bringing the coordinates into view once placed */
};

G_DEFINE_FINAL_TYPE (DossierIncidentEditor, dossier_incident_editor, DOSSIER_TYPE_EDITOR)

enum {
  PICK_LOCATION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const DossierEditorField fields[] = {
  { "title", "title", DOSSIER_EDITOR_BILINGUAL },
  { "summary", "summary", DOSSIER_EDITOR_BILINGUAL },
  { "date", "date_edtf", DOSSIER_EDITOR_DATE },
  { "place", "place", DOSSIER_EDITOR_TEXT },
  { "admin1", "admin1", DOSSIER_EDITOR_VOCAB },
  { "admin2", "admin2", DOSSIER_EDITOR_VOCAB },
  { "admin3", "admin3", DOSSIER_EDITOR_TEXT },
  { "latitude", "latitude", DOSSIER_EDITOR_COORDINATE },
  { "longitude", "longitude", DOSSIER_EDITOR_COORDINATE },
  { "location_precision", "location_precision", DOSSIER_EDITOR_VOCAB },
  { "verification", "verification", DOSSIER_EDITOR_VOCAB },
  { "standard_of_proof", "standard_of_proof", DOSSIER_EDITOR_VOCAB },
  { "confidentiality", "confidentiality", DOSSIER_EDITOR_VOCAB },
  { "sources", "sources", DOSSIER_EDITOR_TEXT },
};

static const char * const link_groups[] = {
  "people_links", "testimony_links", "actor_links", "evidence_links", NULL
};

/* The casualty grid is labelled from the vocabularies, in the interface's language. */
static void
label_casualties (DossierIncidentEditor *self)
{
  DossierStore *store = dossier_editor_get_store (DOSSIER_EDITOR (self));
  const char *lang = dossier_editor_get_lang (DOSSIER_EDITOR (self));
  GtkWidget *child;

  if (store == self->labelled_for)
    return;
  self->labelled_for = store;
  for (int g = 0; g < DOSSIER_N_CASUALTY_GROUPS; g++)
    {
      g_autofree char *label = dossier_store_vocab_label (store, "casualty-group", dossier_casualty_groups[g], lang);

      if ((child = gtk_grid_get_child_at (self->casualties, g + 1, 0)) != NULL)
        gtk_grid_remove (self->casualties, child);
      child = gtk_label_new (label);
      gtk_widget_add_css_class (child, "caption-heading");
      gtk_label_set_wrap (GTK_LABEL (child), TRUE);
      gtk_grid_attach (self->casualties, child, g + 1, 0, 1, 1);
    }
  for (int c = 0; c < DOSSIER_N_CASUALTY_CATEGORIES; c++)
    {
      g_autofree char *label = dossier_store_vocab_label (store, "casualty-category", dossier_casualty_categories[c], lang);

      if ((child = gtk_grid_get_child_at (self->casualties, 0, c + 1)) != NULL)
        gtk_grid_remove (self->casualties, child);
      child = gtk_label_new (label);
      gtk_label_set_xalign (GTK_LABEL (child), 0);
      gtk_label_set_wrap (GTK_LABEL (child), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (child), 16);
      gtk_widget_set_hexpand (child, TRUE);
      gtk_grid_attach (self->casualties, child, 0, c + 1, 1, 1);
      for (int g = 0; g < DOSSIER_N_CASUALTY_GROUPS; g++)
        {
          g_autofree char *group = dossier_store_vocab_label (store, "casualty-group", dossier_casualty_groups[g], lang);
          /* Translators: the accessible name of a count of victims, e.g. "Killed, women" */
          g_autofree char *name = g_strdup_printf (_("%s, %s"), label, group);

          gtk_accessible_update_property (GTK_ACCESSIBLE (self->counts[c][g]), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          g_free (self->count_names[c][g]);
          self->count_names[c][g] = g_strdup (name);
        }
    }
}

static void explain_counts (DossierIncidentEditor *self);

/* The position in the one field where it is read and typed, as a person writes it in the
 * interface's language ("14,343 ; -4,59" in French, "14.343, -4.59" in English), so that
 * the field reads back as it was typed; empty when the incident has none. Five decimals
 * are a metre: a click on the map gives more digits than anyone could mean. */
static void
show_position (DossierIncidentEditor *self,
               DossierIncident       *incident)
{
  const char *lang = dossier_editor_get_lang (DOSSIER_EDITOR (self));
  g_autofree char *text = NULL;

  if (incident != NULL && isfinite (dossier_incident_get_latitude (incident)) && isfinite (dossier_incident_get_longitude (incident)))
    {
      g_autofree char *latitude = dossier_format_decimal (dossier_incident_get_latitude (incident), 5, lang);
      g_autofree char *longitude = dossier_format_decimal (dossier_incident_get_longitude (incident), 5, lang);

      /* Translators: a latitude and a longitude in the coordinates field; with a decimal
       * comma, the two are parted by a semicolon ("14,343 ; -4,59") */
      text = g_strdup_printf (C_("coordinates", "%s, %s"), latitude, longitude);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->coordinates), text ? text : "");
  /* Shown, not typed: nothing to apply. */
  adw_entry_row_set_show_apply_button (self->coordinates, FALSE);
  adw_entry_row_set_show_apply_button (self->coordinates, TRUE);
}

static void
load (DossierEditor *editor,
      DossierRecord *record)
{
  DossierIncidentEditor *self = DOSSIER_INCIDENT_EDITOR (editor);
  DossierIncident *incident = DOSSIER_INCIDENT (record);

  label_casualties (self);
  dossier_vocab_row_set_values (self->violation_types, dossier_incident_get_violation_types (incident));
  /* The cercles offered are those of the region. */
  dossier_vocab_row_set_parent (self->admin2, dossier_incident_get_admin1 (incident));
  for (int c = 0; c < DOSSIER_N_CASUALTY_CATEGORIES; c++)
    for (int g = 0; g < DOSSIER_N_CASUALTY_GROUPS; g++)
      {
        gint64 count = dossier_incident_get_casualties (incident, c, g);
        g_autofree char *text = count > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, count)
                                                               : g_strdup ("");

        gtk_editable_set_text (GTK_EDITABLE (self->counts[c][g]), text);
      }
  explain_counts (self);
  show_position (self, incident);
}

static void
on_violation_types_changed (DossierIncidentEditor *self)
{
  DossierIncident *incident = DOSSIER_INCIDENT (dossier_editor_get_record (DOSSIER_EDITOR (self)));

  if (incident == NULL || dossier_editor_is_loading (DOSSIER_EDITOR (self)))
    return;
  dossier_incident_set_violation_types (incident, dossier_vocab_row_get_values (self->violation_types));
  dossier_editor_save (DOSSIER_EDITOR (self));
}

static void
on_admin1_changed (DossierIncidentEditor *self)
{
  const char *cercle = dossier_vocab_row_get_value (self->admin2);

  dossier_vocab_row_set_parent (self->admin2, dossier_vocab_row_get_value (self->admin1));
  /* A cercle of another region goes with it. */
  if (cercle != NULL && dossier_vocab_row_get_value (self->admin1) != NULL &&
      !dossier_vocab_row_offers (self->admin2, cercle))
    dossier_vocab_row_choose (self->admin2, NULL);
}

/* Counts are typed (a spin button's arrows are of no use for 300 dead, and too wide for a
 * grid of 25); empty is none. Like text, they are saved after a pause: retyping a count
 * passes through an empty entry, which must not be written as "none". */
static void
save_counts (DossierEditor *editor)
{
  DossierIncidentEditor *self = DOSSIER_INCIDENT_EDITOR (editor);
  DossierIncident *incident = DOSSIER_INCIDENT (dossier_editor_get_record (editor));
  gboolean changed = FALSE;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (incident == NULL || !self->counts_dirty)
    return;
  self->counts_dirty = FALSE;
  for (int c = 0; c < DOSSIER_N_CASUALTY_CATEGORIES; c++)
    for (int g = 0; g < DOSSIER_N_CASUALTY_GROUPS; g++)
      {
        g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->counts[c][g]))));
        guint64 value = 0;

        if (*text != '\0' && !g_ascii_string_to_unsigned (text, 10, 0, 10000000, &value, NULL))
          continue;
        if (dossier_incident_get_casualties (incident, c, g) != (gint64) value)
          {
            dossier_incident_set_casualties (incident, c, g, value);
            changed = TRUE;
          }
      }
  if (changed)
    dossier_editor_save (editor);
}

static gboolean
save_counts_after_pause (gpointer data)
{
  DossierIncidentEditor *self = data;

  self->save_source = 0;
  save_counts (DOSSIER_EDITOR (self));
  return G_SOURCE_REMOVE;
}

/* Under the grid, in words, what is wrong with each count that is not a number: a red cell
 * alone does not say why "two" is refused. */
static void
explain_counts (DossierIncidentEditor *self)
{
  g_autoptr(GString) message = g_string_new (NULL);

  for (int c = 0; c < DOSSIER_N_CASUALTY_CATEGORIES; c++)
    for (int g = 0; g < DOSSIER_N_CASUALTY_GROUPS; g++)
      {
        GtkWidget *entry = self->counts[c][g];
        g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
        guint64 value;
        gboolean wrong = *text != '\0' && !g_ascii_string_to_unsigned (text, 10, 0, 10000000, &value, NULL);

        if (wrong)
          {
            const char *name = self->count_names[c][g];
            g_autofree char *line = NULL;

            gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
            gtk_widget_add_css_class (entry, "error");
            /* Translators: under the victims' table: which count (e.g. "Killed, women"), what was typed, and how to type it */
            line = g_strdup_printf (_("%s: “%s” is not a number. Type it in digits, such as 2, or leave it empty if unknown."),
                                    name ? name : "", text);
            g_string_append_printf (message, "%s%s", message->len ? "\n" : "", line);
            gtk_widget_set_tooltip_text (entry, line);
          }
        else
          {
            gtk_accessible_reset_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID);
            gtk_widget_remove_css_class (entry, "error");
            gtk_widget_set_tooltip_text (entry, NULL);
          }
      }
  gtk_label_set_text (self->casualties_message, message->str);
  gtk_widget_set_visible (GTK_WIDGET (self->casualties_message), message->len > 0);
}

/**
 * dossier_incident_editor_get_casualties_message:
 * @self: a #DossierIncidentEditor
 *
 * Returns: (nullable): what is shown under the victims' table about counts that are not
 *   numbers, or %NULL when there is nothing wrong
 */
const char *
dossier_incident_editor_get_casualties_message (DossierIncidentEditor *self)
{
  g_return_val_if_fail (DOSSIER_IS_INCIDENT_EDITOR (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->casualties_message)))
    return NULL;
  return gtk_label_get_text (self->casualties_message);
}

static void
on_count_changed (DossierIncidentEditor *self,
                  GtkEditable           *entry)
{
  if (dossier_editor_get_record (DOSSIER_EDITOR (self)) == NULL || dossier_editor_is_loading (DOSSIER_EDITOR (self)))
    return;
  explain_counts (self);
  self->counts_dirty = TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (600, save_counts_after_pause, self);
}

/**
 * dossier_incident_editor_drop:
 * @self: a #DossierIncidentEditor
 * @value: a row's drag value (see dossier_record_list_drag_value())
 *
 * Links the evidence dropped on the editor to its incident.
 *
 * Returns: %TRUE if it was evidence, and linked
 */
gboolean
dossier_incident_editor_drop (DossierIncidentEditor *self,
                              const char            *value)
{
  gint64 id = dossier_record_list_parse_drag_value (value, "evidence");
  GtkWidget *group = dossier_editor_get_field_widget (DOSSIER_EDITOR (self), "evidence_links");

  g_return_val_if_fail (DOSSIER_IS_INCIDENT_EDITOR (self), FALSE);

  if (id == 0 || dossier_editor_get_record (DOSSIER_EDITOR (self)) == NULL)
    return FALSE;
  return dossier_link_group_add (DOSSIER_LINK_GROUP (group), id, NULL);
}

static gboolean
on_drop (GtkDropTarget         *target,
         const GValue          *value,
         double                 x,
         double                 y,
         DossierIncidentEditor *self)
{
  return G_VALUE_HOLDS_STRING (value) && dossier_incident_editor_drop (self, g_value_get_string (value));
}

GtkEditable *
dossier_incident_editor_get_casualty_entry (DossierIncidentEditor *self,
                                             int                    category,
                                             int                    group)
{
  g_return_val_if_fail (DOSSIER_IS_INCIDENT_EDITOR (self), NULL);
  g_return_val_if_fail (category >= 0 && category < DOSSIER_N_CASUALTY_CATEGORIES, NULL);
  g_return_val_if_fail (group >= 0 && group < DOSSIER_N_CASUALTY_GROUPS, NULL);
  return GTK_EDITABLE (self->counts[category][group]);
}

/* Once placed, the coordinates row is scrolled into view, only as far as needed: the
 * investigator who placed the incident on the map or by name sees where it went. */
static gboolean
reveal_coordinates (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       data)
{
  DossierIncidentEditor *self = data;
  GtkWidget *row = GTK_WIDGET (self->coordinates);
  GtkWidget *scrolled = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double value, page;

  self->reveal_tick = 0;
  if (scrolled == NULL)
    return G_SOURCE_REMOVE;
  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (GTK_IS_VIEWPORT (content) && gtk_viewport_get_child (GTK_VIEWPORT (content)) != NULL)
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  if (!gtk_widget_compute_bounds (row, content, &bounds))
    return G_SOURCE_REMOVE;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  /* With the precision's row under it, which was set too. */
  if (bounds.origin.y < value + 12)
    gtk_adjustment_set_value (adjustment, bounds.origin.y - 12);
  else if (bounds.origin.y + 2 * bounds.size.height > value + page - 12)
    gtk_adjustment_set_value (adjustment, bounds.origin.y + 2 * bounds.size.height - page + 12);
  return G_SOURCE_REMOVE;
}

/* Fills what the point says and the investigator left empty: the region from the regions'
 * outlines, the cercle from the nearest chef-lieu (not for a place that is a region), and
 * how precise the position is, from how it was given. */
static void
fill_from_point (DossierIncidentEditor *self,
                 DossierIncident       *incident,
                 const char            *scheme,
                 const char            *precision)
{
  g_autofree char *admin1 = NULL;
  g_autofree char *admin2 = NULL;

  dossier_gazetteer_locate (dossier_editor_get_store (DOSSIER_EDITOR (self)), dossier_incident_get_latitude (incident),
                            dossier_incident_get_longitude (incident), &admin1, &admin2);
  if ((dossier_incident_get_admin1 (incident) == NULL || *dossier_incident_get_admin1 (incident) == '\0') && admin1 != NULL)
    g_object_set (incident, "admin1", admin1, NULL);
  /* A cercle of the region the incident is in, never one of another. */
  if ((dossier_incident_get_admin2 (incident) == NULL || *dossier_incident_get_admin2 (incident) == '\0') && admin2 != NULL &&
      g_strcmp0 (scheme, "admin1") != 0 && g_strcmp0 (admin1 ? admin1 : dossier_incident_get_admin1 (incident), dossier_incident_get_admin1 (incident)) == 0)
    g_object_set (incident, "admin2", admin2, NULL);
  if (dossier_incident_get_location_precision (incident) == NULL || *dossier_incident_get_location_precision (incident) == '\0' ||
      g_str_equal (dossier_incident_get_location_precision (incident), "unknown"))
    g_object_set (incident, "location-precision", precision, NULL);
}

static gboolean
place_incident (DossierIncidentEditor *self,
                double                 latitude,
                double                 longitude,
                const char            *place,
                const char            *scheme)
{
  DossierEditor *editor = DOSSIER_EDITOR (self);
  DossierIncident *incident;
  gint64 id;

  incident = DOSSIER_INCIDENT (dossier_editor_get_record (editor));
  if (incident == NULL)
    return FALSE;
  dossier_editor_flush (editor);
  g_object_set (incident, "latitude", latitude, "longitude", longitude, NULL);
  if (place != NULL && (dossier_incident_get_place (incident) == NULL || *dossier_incident_get_place (incident) == '\0'))
    g_object_set (incident, "place", place, NULL);
  /* A region chosen by name is the region only; a town or a cercle's chef-lieu, near that
   * town; a point clicked or typed, that point. */
  fill_from_point (self, incident, scheme,
                   g_strcmp0 (scheme, "admin1") == 0 ? "region" : place != NULL ? "near-town" : "exact");
  if (!dossier_editor_save (editor))
    return FALSE;
  /* Shown again as stored. */
  id = dossier_record_get_id (DOSSIER_RECORD (incident));
  dossier_editor_set_record (editor, id);
  if (self->reveal_tick == 0)
    self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_coordinates, self, NULL);
  return TRUE;
}

/**
 * dossier_incident_editor_set_location:
 * @self: a #DossierIncidentEditor
 * @latitude: in degrees
 * @longitude: in degrees
 * @place: (nullable): the place's name, written only where none is
 *
 * Moves the incident there, and fills its region, cercle and location precision where
 * they are empty (a point without a name is taken as the exact point).
 *
 * Returns: %TRUE if saved
 */
gboolean
dossier_incident_editor_set_location (DossierIncidentEditor *self,
                                      double                 latitude,
                                      double                 longitude,
                                      const char            *place)
{
  g_return_val_if_fail (DOSSIER_IS_INCIDENT_EDITOR (self), FALSE);

  return place_incident (self, latitude, longitude, place, NULL);
}

/* Coordinates pasted from a report, in any usual form, once applied. */
static void
on_coordinates_apply (DossierIncidentEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->coordinates));
  double latitude, longitude;

  if (!dossier_geo_parse (text, &latitude, &longitude, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->coordinates), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->coordinates), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      /* In full under the row: its title is cut at the editor's width. */
      dossier_editor_show_row_message (GTK_WIDGET (self->coordinates), error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->coordinates), "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (self->coordinates), GTK_ACCESSIBLE_STATE_INVALID);
  dossier_editor_show_row_message (GTK_WIDGET (self->coordinates), NULL);
  dossier_incident_editor_set_location (self, latitude, longitude, NULL);
}

static void
on_place_search_changed (DossierIncidentEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->place_results))) != NULL)
    gtk_list_box_remove (self->place_results, child);
  g_clear_pointer (&self->place_hits, g_ptr_array_unref);
  self->place_hits = dossier_gazetteer_search (dossier_editor_get_store (DOSSIER_EDITOR (self)),
                                               gtk_editable_get_text (GTK_EDITABLE (self->place_search)),
                                               dossier_editor_get_lang (DOSSIER_EDITOR (self)), 20);
  for (guint i = 0; i < self->place_hits->len; i++)
    {
      DossierGazetteerEntry *entry = self->place_hits->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_markup_escape_text (entry->name, -1);
      g_autofree char *where = dossier_geo_format_dms (entry->latitude, entry->longitude);
      g_autofree char *subtitle = g_markup_printf_escaped ("%s · %s", entry->detail, where);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->place_results, row);
    }
  /* Nothing found: said, with what to try, rather than an empty list. */
  {
    g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->place_search))));
    gboolean none = self->place_hits->len == 0 && *text != '\0';
    g_autofree char *message = none ? dossier_gazetteer_no_match (text) : NULL;

    gtk_label_set_text (self->place_none, message ? message : "");
    gtk_widget_set_visible (GTK_WIDGET (self->place_none), none);
    gtk_widget_set_visible (GTK_WIDGET (self->place_results), !none && self->place_hits->len > 0);
  }
}

/**
 * dossier_incident_editor_choose_place:
 * @self: a #DossierIncidentEditor
 * @index: a result of the place search
 *
 * Places the incident at that result, as clicking it does.
 */
void
dossier_incident_editor_choose_place (DossierIncidentEditor *self,
                                      guint                  index)
{
  DossierGazetteerEntry *entry;

  g_return_if_fail (DOSSIER_IS_INCIDENT_EDITOR (self));
  g_return_if_fail (self->place_hits != NULL && index < self->place_hits->len);

  entry = self->place_hits->pdata[index];
  gtk_menu_button_popdown (self->find_place_button);
  place_incident (self, entry->latitude, entry->longitude, entry->name, entry->scheme);
}

/* Typing in the place search, as a user does; the results' count. */
guint
dossier_incident_editor_search_place (DossierIncidentEditor *self,
                                      const char            *text)
{
  g_return_val_if_fail (DOSSIER_IS_INCIDENT_EDITOR (self), 0);

  gtk_editable_set_text (GTK_EDITABLE (self->place_search), text);
  on_place_search_changed (self);
  return self->place_hits->len;
}

static void
on_place_activated (DossierIncidentEditor *self,
                    GtkListBoxRow         *row)
{
  dossier_incident_editor_choose_place (self, gtk_list_box_row_get_index (row));
}

static void
on_place_search_activate (DossierIncidentEditor *self)
{
  if (self->place_hits != NULL && self->place_hits->len > 0)
    dossier_incident_editor_choose_place (self, 0);
}

static void
on_pick_clicked (DossierIncidentEditor *self)
{
  if (dossier_editor_get_record (DOSSIER_EDITOR (self)) != NULL)
    g_signal_emit (self, signals[PICK_LOCATION], 0);
}

static void
dossier_incident_editor_dispose (GObject *object)
{
  DossierIncidentEditor *self = DOSSIER_INCIDENT_EDITOR (object);

  g_clear_pointer (&self->place_hits, g_ptr_array_unref);
  for (int c = 0; c < DOSSIER_N_CASUALTY_CATEGORIES; c++)
    for (int g = 0; g < DOSSIER_N_CASUALTY_GROUPS; g++)
      g_clear_pointer (&self->count_names[c][g], g_free);
  if (self->reveal_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick);
  self->reveal_tick = 0;
  G_OBJECT_CLASS (dossier_incident_editor_parent_class)->dispose (object);
}

static void
dossier_incident_editor_class_init (DossierIncidentEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DossierEditorClass *editor_class = DOSSIER_EDITOR_CLASS (klass);

  editor_class->load = load;
  editor_class->flush = save_counts;
  G_OBJECT_CLASS (klass)->dispose = dossier_incident_editor_dispose;

  /* The user asked to place the incident by clicking on the map. */
  signals[PICK_LOCATION] = g_signal_new ("pick-location", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  dossier_editor_class_setup (editor_class, "/org/dossier/Dossier/editors/dossier-incident-editor.ui",
                              DOSSIER_TYPE_INCIDENT, fields, G_N_ELEMENTS (fields), link_groups);
  gtk_widget_class_bind_template_child (widget_class, DossierIncidentEditor, violation_types);
  gtk_widget_class_bind_template_child (widget_class, DossierIncidentEditor, casualties);
  gtk_widget_class_bind_template_child (widget_class, DossierIncidentEditor, casualties_message);
  gtk_widget_class_bind_template_child (widget_class, DossierIncidentEditor, coordinates);
  gtk_widget_class_bind_template_child (widget_class, DossierIncidentEditor, find_place_button);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_pick_clicked", G_CALLBACK (on_pick_clicked));
}

static void
dossier_incident_editor_init (DossierIncidentEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Bound by the base class, as fields. */
  self->admin1 = DOSSIER_VOCAB_ROW (dossier_editor_get_field_widget (DOSSIER_EDITOR (self), "admin1"));
  self->admin2 = DOSSIER_VOCAB_ROW (dossier_editor_get_field_widget (DOSSIER_EDITOR (self), "admin2"));

  /* New incidents are Restricted, the safe choice; what each level lets a public annex
   * show is said where it is chosen. */
  {
    DossierVocabRow *confidentiality = DOSSIER_VOCAB_ROW (dossier_editor_get_field_widget (DOSSIER_EDITOR (self), "confidentiality"));

    dossier_vocab_row_set_note (confidentiality, "public",
                                _("A public annex shows its title, summary, place and sources"));
    dossier_vocab_row_set_note (confidentiality, "restricted",
                                _("A public annex shows its code, date, region and figures, not its title, summary, place or sources"));
    dossier_vocab_row_set_note (confidentiality, "confidential",
                                _("Left out of a public annex; an annex of the Annex profile shows it without its texts"));
  }
  g_signal_connect_swapped (self->violation_types, "changed", G_CALLBACK (on_violation_types_changed), self);
  g_signal_connect_swapped (self->coordinates, "apply", G_CALLBACK (on_coordinates_apply), self);
  {
    /* "Find a place": the gazetteer, as you type. */
    GtkWidget *popover = gtk_popover_new ();
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
    GtkWidget *scrolled = gtk_scrolled_window_new ();

    self->place_search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
    g_object_set (self->place_search, "placeholder-text", _("Town, village, cercle or region"), NULL);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->place_search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Town, village, cercle or region"), -1);
    g_signal_connect_swapped (self->place_search, "search-changed", G_CALLBACK (on_place_search_changed), self);
    g_signal_connect_swapped (self->place_search, "activate", G_CALLBACK (on_place_search_activate), self);
    self->place_results = GTK_LIST_BOX (gtk_list_box_new ());
    gtk_widget_add_css_class (GTK_WIDGET (self->place_results), "boxed-list");
    g_signal_connect_swapped (self->place_results, "row-activated", G_CALLBACK (on_place_activated), self);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->place_results));
    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
    gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
    gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
    gtk_widget_set_size_request (scrolled, 340, -1);
    self->place_none = GTK_LABEL (gtk_label_new (NULL));
    gtk_label_set_wrap (self->place_none, TRUE);
    gtk_label_set_xalign (self->place_none, 0);
    gtk_label_set_max_width_chars (self->place_none, 40);
    gtk_widget_add_css_class (GTK_WIDGET (self->place_none), "dim-label");
    gtk_widget_set_visible (GTK_WIDGET (self->place_none), FALSE);
    gtk_widget_set_visible (GTK_WIDGET (self->place_results), FALSE);
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->place_search));
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->place_none));
    gtk_box_append (GTK_BOX (box), scrolled);
    gtk_popover_set_child (GTK_POPOVER (popover), box);
    gtk_menu_button_set_popover (self->find_place_button, popover);
    dossier_editor_pin_page_under (GTK_POPOVER (popover));
  }
  {
    /* Evidence rows dropped here are linked. */
    GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_COPY);

    g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  }
  g_signal_connect_swapped (self->admin1, "changed", G_CALLBACK (on_admin1_changed), self);
  for (int c = 0; c < DOSSIER_N_CASUALTY_CATEGORIES; c++)
    for (int g = 0; g < DOSSIER_N_CASUALTY_GROUPS; g++)
      {
        GtkWidget *button = gtk_entry_new ();

        gtk_editable_set_width_chars (GTK_EDITABLE (button), 4);
        gtk_editable_set_alignment (GTK_EDITABLE (button), 1);
        gtk_entry_set_input_purpose (GTK_ENTRY (button), GTK_INPUT_PURPOSE_DIGITS);
        g_signal_connect_swapped (button, "changed", G_CALLBACK (on_count_changed), self);
        gtk_grid_attach (self->casualties, button, g + 1, c + 1, 1, 1);
        self->counts[c][g] = button;
      }
}

GtkWidget *
dossier_incident_editor_new (void)
{
  return g_object_new (DOSSIER_TYPE_INCIDENT_EDITOR, NULL);
}
