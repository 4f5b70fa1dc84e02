/* dossier-record-picker.c: a popover to find a record as you type, and pick it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-accessible.h"
#include "dossier-actor.h"
#include "dossier-edtf.h"
#include "dossier-editor.h"
#include "dossier-evidence.h"
#include "dossier-incident.h"
#include "dossier-person.h"
#include "dossier-pick.h"
#include "dossier-record-picker.h"
#include "dossier-test-hooks.h"
#include "dossier-testimony.h"
#include "dossier-vocab.h"

#define MAX_RESULTS 30

struct _DossierRecordPicker
{
  GtkPopover      parent_instance;

  DossierStore   *store;
  GType           type;
  char           *lang;
  GtkDropDown    *role;
  GPtrArray      *roles;     /* DossierVocabTerm, or NULL */
  GtkSearchEntry *search;
  GtkListBox     *results;
  GtkLabel       *empty;
  GtkButton      *create;    /* "New Coded Person", "New Actor “…”", or NULL */
  GPtrArray      *hits;      /* DossierSearchHit */
};

enum {
  PICKED,
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DossierRecordPicker, dossier_record_picker, GTK_TYPE_POPOVER)

/**
 * dossier_type_for_table:
 * @table: the table of a kind of record
 *
 * Returns: the type of its records
 */
GType
dossier_type_for_table (const char *table)
{
  static const struct { const char *table; GType (*get_type) (void); } types[] = {
    { "incident", dossier_incident_get_type }, { "person", dossier_person_get_type },
    { "testimony", dossier_testimony_get_type }, { "evidence", dossier_evidence_get_type },
    { "actor", dossier_actor_get_type },
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_strcmp0 (table, types[i].table) == 0)
      return types[i].get_type ();
  g_return_val_if_reached (G_TYPE_INVALID);
}

static char *
vocab (DossierStore *store,
       const char   *scheme,
       const char   *code,
       const char   *lang)
{
  return code && *code ? dossier_store_vocab_label (store, scheme, code, lang) : NULL;
}

/**
 * dossier_record_describe:
 * @store: the record's dossier
 * @record: a record
 * @lang: "fr" or "en"
 *
 * Returns: (transfer full): a line that tells a record apart beside its code; a person is
 *   described by sex, age and community, never by their identity
 */
char *
dossier_record_describe (DossierStore  *store,
                         DossierRecord *record,
                         const char    *lang)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (DOSSIER_IS_RECORD (record), NULL);

  if (DOSSIER_IS_INCIDENT (record))
    {
      DossierIncident *incident = DOSSIER_INCIDENT (record);

      g_ptr_array_add (parts, g_strdup (dossier_incident_get_title (incident, lang, NULL)));
      if (*dossier_incident_get_date_edtf (incident))
        g_ptr_array_add (parts, dossier_edtf_format_string (dossier_incident_get_date_edtf (incident), lang));
    }
  else if (DOSSIER_IS_PERSON (record))
    {
      DossierPerson *person = DOSSIER_PERSON (record);

      /* “Unknown · Unknown” tells nothing and reads as a riddle: what is not known is left out. */
      if (g_strcmp0 (dossier_person_get_sex (person), "unknown") != 0)
        g_ptr_array_add (parts, vocab (store, "sex", dossier_person_get_sex (person), lang));
      if (g_strcmp0 (dossier_person_get_age_group (person), "unknown") != 0)
        g_ptr_array_add (parts, vocab (store, "age-group", dossier_person_get_age_group (person), lang));
      g_ptr_array_add (parts, g_strdup (dossier_person_get_community (person)));
    }
  else if (DOSSIER_IS_TESTIMONY (record))
    {
      DossierTestimony *testimony = DOSSIER_TESTIMONY (record);

      if (*dossier_testimony_get_taken_on (testimony))
        g_ptr_array_add (parts, dossier_edtf_format_string (dossier_testimony_get_taken_on (testimony), lang));
      g_ptr_array_add (parts, g_strdup (dossier_testimony_get_summary (testimony)));
    }
  else if (DOSSIER_IS_EVIDENCE (record))
    {
      g_ptr_array_add (parts, g_strdup (dossier_evidence_get_title (DOSSIER_EVIDENCE (record))));
      g_ptr_array_add (parts, g_strdup (dossier_evidence_get_media_type (DOSSIER_EVIDENCE (record))));
    }
  else if (DOSSIER_IS_ACTOR (record))
    {
      DossierActor *actor = DOSSIER_ACTOR (record);

      g_ptr_array_add (parts, *dossier_actor_get_acronym (actor) ? g_strdup_printf ("%s (%s)", dossier_actor_get_name (actor), dossier_actor_get_acronym (actor))
                                              : g_strdup (dossier_actor_get_name (actor)));
    }

  /* Drop the empty parts, and join the rest on one line. */
  for (guint i = parts->len; i > 0; i--)
    if (parts->pdata[i - 1] == NULL || *(char *) parts->pdata[i - 1] == '\0')
      g_ptr_array_remove_index (parts, i - 1);
  g_ptr_array_add (parts, NULL);
  {
    char *line = g_strjoinv (" · ", (char **) parts->pdata);

    g_strdelimit (line, "\n\r\t", ' ');
    if (g_utf8_strlen (line, -1) > 100)
      {
        char *end = g_utf8_offset_to_pointer (line, 99);
        char *shorter = g_strdup_printf ("%.*s…", (int) (end - line), line);

        g_free (line);
        line = shorter;
      }
    return line;
  }
}

static void
clear_results (DossierRecordPicker *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, child);
}

/**
 * dossier_record_picker_search:
 * @self: a #DossierRecordPicker
 * @text: what the user typed
 *
 * Shows the records that match @text (see dossier_store_pick()).
 */
void
dossier_record_picker_search (DossierRecordPicker *self,
                              const char          *text)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (DOSSIER_IS_RECORD_PICKER (self));

  clear_results (self);
  g_clear_pointer (&self->hits, g_ptr_array_unref);
  self->hits = dossier_store_pick (self->store, self->type, text, self->lang, MAX_RESULTS, &error);
  if (self->hits == NULL)
    {
      gtk_label_set_text (self->empty, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->empty), TRUE);
      return;
    }
  for (guint i = 0; i < self->hits->len; i++)
    {
      DossierSearchHit *hit = self->hits->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_markup_escape_text (hit->code, -1);
      g_autoptr(DossierRecord) record = dossier_store_load (self->store, self->type, hit->id, NULL);
      /* People have no title: they are told apart by sex, age and community. */
      g_autofree char *description = record ? dossier_record_describe (self->store, record, self->lang)
                                            : g_strdup (hit->title);
      g_autofree char *subtitle = g_markup_escape_text (description, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->results, row);
    }
  gtk_label_set_text (self->empty, _("Nothing found"));
  gtk_widget_set_visible (GTK_WIDGET (self->empty), self->hits->len == 0);
}

/* The role chosen beside the search, or NULL. */
static const char *
chosen_role (DossierRecordPicker *self)
{
  guint selected;

  if (self->roles == NULL)
    return NULL;
  selected = gtk_drop_down_get_selected (self->role);
  return selected < self->roles->len ? dossier_vocab_term_get_code (self->roles->pdata[selected]) : NULL;
}

guint
dossier_record_picker_get_n_results (DossierRecordPicker *self)
{
  g_return_val_if_fail (DOSSIER_IS_RECORD_PICKER (self), 0);
  return self->hits ? self->hits->len : 0;
}

/**
 * dossier_record_picker_pick:
 * @self: a #DossierRecordPicker
 * @index: a result's position
 *
 * Picks that result, with the chosen role, as a click on it does: emits ::picked and
 * closes the popover.
 */
void
dossier_record_picker_pick (DossierRecordPicker *self,
                            guint                index)
{
  DossierSearchHit *hit;
  const char *role = NULL;

  g_return_if_fail (DOSSIER_IS_RECORD_PICKER (self));
  g_return_if_fail (self->hits != NULL && index < self->hits->len);

  hit = self->hits->pdata[index];
  role = chosen_role (self);
  g_object_ref (self);
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[PICKED], 0, hit->id, role);
  g_object_unref (self);
}

void
dossier_record_picker_set_role (DossierRecordPicker *self,
                                const char          *role)
{
  g_return_if_fail (DOSSIER_IS_RECORD_PICKER (self));

  for (guint i = 0; self->roles && i < self->roles->len; i++)
    if (g_strcmp0 (dossier_vocab_term_get_code (self->roles->pdata[i]), role) == 0)
      gtk_drop_down_set_selected (self->role, i);
}

/* An actor is made with the name typed; a person never is, since what is typed to find a
 * person may be their real name, which only their identity may hold. */
static void
update_create (DossierRecordPicker *self)
{
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  if (self->create == NULL || self->type != DOSSIER_TYPE_ACTOR)
    return;
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search))));
  if (*name == '\0')
    label = g_strdup (_("Type the name of a new actor"));
  else
    {
      /* The name's own underscores are not mnemonics. */
      g_auto(GStrv) parts = g_strsplit (name, "_", -1);
      g_autofree char *escaped = g_strjoinv ("__", parts);

      /* Translators: a button in the actor picker; %s is the name typed */
      label = g_strdup_printf (_("_New Actor “%s”"), escaped);
    }
  gtk_button_set_label (self->create, label);
  gtk_widget_set_sensitive (GTK_WIDGET (self->create), *name != '\0');
}

/**
 * dossier_record_picker_create:
 * @self: a #DossierRecordPicker of people or actors
 *
 * Makes a new record where the investigator is, as the picker's "New…" button does: a
 * coded person, to be completed in their editor, or an actor named as typed. It is picked
 * at once, with the role chosen: ::created, then ::picked.
 *
 * Returns: the new record's id, or 0 (with a toast saying why)
 */
gint64
dossier_record_picker_create (DossierRecordPicker *self)
{
  g_autoptr(DossierRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_return_val_if_fail (DOSSIER_IS_RECORD_PICKER (self), 0);
  g_return_val_if_fail (self->type == DOSSIER_TYPE_PERSON || self->type == DOSSIER_TYPE_ACTOR, 0);

  if (self->type == DOSSIER_TYPE_PERSON)
    record = DOSSIER_RECORD (dossier_person_new ());
  else
    {
      DossierActor *actor = DOSSIER_ACTOR (g_object_new (DOSSIER_TYPE_ACTOR, NULL));
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search))));

      if (*name == '\0')
        {
          g_object_unref (actor);
          return 0;
        }
      g_object_set (actor, "name", name, NULL);
      record = DOSSIER_RECORD (actor);
    }
  if (!dossier_store_insert (self->store, record, &error))
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
      else
        g_warning ("%s", error->message);
      return 0;
    }
  id = dossier_record_get_id (record);
  g_object_ref (self);
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[CREATED], 0, id);
  g_signal_emit (self, signals[PICKED], 0, id, chosen_role (self));
  g_object_unref (self);
  return id;
}

/**
 * dossier_record_picker_get_create_button:
 * @self: a #DossierRecordPicker
 *
 * Returns: (transfer none) (nullable): the "New…" button, for pickers that can make a record
 */
GtkWidget *
dossier_record_picker_get_create_button (DossierRecordPicker *self)
{
  g_return_val_if_fail (DOSSIER_IS_RECORD_PICKER (self), NULL);
  return GTK_WIDGET (self->create);
}

static void
on_row_activated (DossierRecordPicker *self,
                  GtkListBoxRow       *row)
{
  dossier_record_picker_pick (self, gtk_list_box_row_get_index (row));
}

static void
on_search_changed (DossierRecordPicker *self)
{
  dossier_record_picker_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search)));
  update_create (self);
}

/* Enter takes the first result. */
static void
on_search_activate (DossierRecordPicker *self)
{
  if (dossier_record_picker_get_n_results (self) > 0)
    dossier_record_picker_pick (self, 0);
}

static void
on_show (DossierRecordPicker *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  dossier_record_picker_search (self, "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}

static void
dossier_record_picker_dispose (GObject *object)
{
  DossierRecordPicker *self = DOSSIER_RECORD_PICKER (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->hits, g_ptr_array_unref);
  g_clear_pointer (&self->roles, g_ptr_array_unref);
  g_clear_pointer (&self->lang, g_free);

  G_OBJECT_CLASS (dossier_record_picker_parent_class)->dispose (object);
}

static void
dossier_record_picker_class_init (DossierRecordPickerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dossier_record_picker_dispose;

  /* A record was picked: its id, and the role chosen (or NULL). */
  signals[PICKED] = g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);
  /* A record was made from the picker: its id. ::picked follows. */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
dossier_record_picker_init (DossierRecordPicker *self)
{
}

/**
 * dossier_record_picker_new:
 * @store: the dossier
 * @type: the kind of record to pick
 * @role_scheme: (nullable): a vocabulary of roles to choose from with the record
 * @lang: "fr" or "en"
 *
 * Returns: (transfer full): a new picker, to be set as a menu button's popover
 */
GtkWidget *
dossier_record_picker_new (DossierStore *store,
                           GType         type,
                           const char   *role_scheme,
                           const char   *lang)
{
  DossierRecordPicker *self = g_object_new (DOSSIER_TYPE_RECORD_PICKER, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->store = g_object_ref (store);
  self->type = type;
  self->lang = g_strdup (lang);

  if (role_scheme != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
      GtkWidget *role_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label = gtk_label_new (_("Role"));

      self->roles = dossier_store_list_vocab (store, role_scheme, &error);
      if (self->roles == NULL)
        {
          g_warning ("Could not read the vocabulary %s: %s", role_scheme, error->message);
          self->roles = g_ptr_array_new ();
        }
      for (guint i = 0; i < self->roles->len; i++)
        gtk_string_list_append (labels, dossier_vocab_term_get_label (self->roles->pdata[i], lang));
      self->role = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL));
      gtk_widget_set_hexpand (GTK_WIDGET (self->role), TRUE);
      gtk_box_append (GTK_BOX (role_box), label);
      gtk_box_append (GTK_BOX (role_box), GTK_WIDGET (self->role));
      gtk_box_append (GTK_BOX (box), role_box);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->role), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      dossier_accessible_name_drop_down (self->role, gtk_label_get_text (GTK_LABEL (label)));
    }

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search, "placeholder-text", _("Code or words"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Code or words"), -1);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->search, "activate", G_CALLBACK (on_search_activate), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search));

  self->results = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->results), "boxed-list");
  gtk_list_box_set_activate_on_single_click (self->results, TRUE);
  g_signal_connect_swapped (self->results, "row-activated", G_CALLBACK (on_row_activated), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->results));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 380);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_size_request (scrolled, 380, -1);
  gtk_box_append (GTK_BOX (box), scrolled);

  self->empty = GTK_LABEL (gtk_label_new (_("Nothing found")));
  gtk_widget_add_css_class (GTK_WIDGET (self->empty), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->empty), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->empty));

  /* Pickers make what they cannot find, as the indexing window's Shift+P does: a person
   * is only a code until their editor says more. */
  if (type == DOSSIER_TYPE_PERSON || type == DOSSIER_TYPE_ACTOR)
    {
      self->create = GTK_BUTTON (gtk_button_new_with_mnemonic (type == DOSSIER_TYPE_PERSON ? _("_New Coded Person")
                                                                                           : _("Type the name of a new actor")));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->create),
                                   type == DOSSIER_TYPE_PERSON
                                   ? _("Make a person known by a new code, linked here; their identity, if recorded, is kept apart")
                                   : _("Make an actor with the name typed, linked here"));
      g_signal_connect_swapped (self->create, "clicked", G_CALLBACK (dossier_record_picker_create), self);
      gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->create));
      update_create (self);
    }

  gtk_popover_set_child (GTK_POPOVER (self), box);
  g_signal_connect (self, "show", G_CALLBACK (on_show), NULL);
  dossier_editor_pin_page_under (GTK_POPOVER (self));
  return GTK_WIDGET (self);
}
