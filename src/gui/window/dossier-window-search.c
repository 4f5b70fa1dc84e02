/* dossier-window-search.c: searching the whole dossier from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ctrl+F, or a letter typed in a list, opens the search bar; the results take the place of
 * the lists while there is text in it, and a result opens in its section's list, selected.
 */
#include "config.h"

#include "dossier-record-list.h"
#include "dossier-search-page.h"
#include "dossier-window-private.h"

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

/* Typing a letter in @widget (a list, the sections) starts a search with it. */
void
_dossier_window_add_type_to_search (DossierWindow *self,
                                    GtkWidget     *widget)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_type_to_search), self);
  gtk_widget_add_controller (widget, keys);
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

/* The page of results, for the dossier just opened. */
GtkWidget *
_dossier_window_new_search_page (DossierWindow *self,
                                 DossierStore  *store,
                                 const char    *lang)
{
  GtkWidget *page = dossier_search_page_new (store, lang);

  g_signal_connect_object (page, "hit-activated", G_CALLBACK (on_hit_activated), self, G_CONNECT_SWAPPED);
  return page;
}

void
_dossier_window_search_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
}
