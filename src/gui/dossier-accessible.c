/* dossier-accessible.c: what a screen reader hears, where GTK 4.8 gets it wrong
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-accessible.h"

/* GTK 4.8 names a button whose label has a mnemonic twice, "_Cancel Cancel": from the label as
 * written (its accessible label) and from the label widget that shows it (a "labelled by"
 * relation). Without the first, Orca hears "Cancel". GtkButton writes its accessible label
 * again each time its label changes, so this is redone then. */
static void
drop_written_label (GtkButton *button)
{
  if (gtk_button_get_use_underline (button) && gtk_button_get_label (button) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/**
 * dossier_accessible_fix_mnemonics:
 * @widget: a widget
 *
 * Names every button at or below @widget whose label has a mnemonic ("_Cancel") once and
 * without the underscore, now and whenever its label changes. Buttons added later under
 * @widget need another call.
 */
void
dossier_accessible_fix_mnemonics (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_BUTTON (widget) &&
      g_signal_handler_find (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, drop_written_label, NULL) == 0)
    {
      g_signal_connect (widget, "notify::label", G_CALLBACK (drop_written_label), NULL);
      g_signal_connect (widget, "notify::use-underline", G_CALLBACK (drop_written_label), NULL);
      drop_written_label (GTK_BUTTON (widget));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    dossier_accessible_fix_mnemonics (child);
}

static void
name_drop_down_button (GtkDropDown *drop_down)
{
  const char *name = g_object_get_data (G_OBJECT (drop_down), "dossier-accessible-name");
  gpointer item = gtk_drop_down_get_selected_item (drop_down);
  g_autofree char *text = NULL;

  /* Translators: what a screen reader says on a drop-down: what it chooses, then the choice */
  text = GTK_IS_STRING_OBJECT (item) ? g_strdup_printf (_("%s: %s"), name, gtk_string_object_get_string (item))
                                     : g_strdup (name);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

/**
 * dossier_accessible_name_drop_down:
 * @drop_down: a drop-down
 * @name: what it chooses, in the interface's language
 *
 * Names the button inside a drop-down, which takes the focus: "Region: Mopti", following the
 * choice. GTK 4.8 leaves it unnamed, and Orca would say "GtkToggleButton". The drop-down
 * itself keeps the name its label or accessible label gives it.
 */
void
dossier_accessible_name_drop_down (GtkDropDown *drop_down,
                                   const char  *name)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  g_object_set_data_full (G_OBJECT (drop_down), "dossier-accessible-name", g_strdup (name), g_free);
  if (g_signal_handler_find (drop_down, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, name_drop_down_button, NULL) == 0)
    g_signal_connect (drop_down, "notify::selected-item", G_CALLBACK (name_drop_down_button), NULL);
  name_drop_down_button (drop_down);
}

/**
 * dossier_accessible_name_menu_button:
 * @button: a menu button with a label
 *
 * Names a menu button after its label, without the mnemonic's underscore. In GTK 4.8 the
 * button that takes the focus inside a menu button is named only after the menu button's
 * own accessible label, which GTK does not set: Orca would say "GtkMenuButton". Call it
 * again when the label changes.
 */
void
dossier_accessible_name_menu_button (GtkMenuButton *button)
{
  const char *label;
  g_autoptr(GString) name = g_string_new (NULL);

  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  label = gtk_menu_button_get_label (button);
  for (const char *p = label ? label : ""; *p; p++)
    {
      /* "__" writes one underscore; "_" alone marks the mnemonic. */
      if (*p == '_' && gtk_menu_button_get_use_underline (button))
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (name, *p);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name->str, -1);
}

static void
name_list_views (GtkWidget  *widget,
                 const char *name)
{
  if (GTK_IS_LIST_VIEW (widget))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    name_list_views (child, name);
}

/**
 * dossier_accessible_name_column_view:
 * @view: a column view
 * @name: what it lists, in the interface's language
 *
 * Names a column view and the list inside it, which GTK 4.8 leaves unnamed: Orca would say
 * "GtkColumnListView".
 */
void
dossier_accessible_name_column_view (GtkColumnView *view,
                                     const char    *name)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  name_list_views (GTK_WIDGET (view), name);
}

/* A name from what the widget shows: its label, its placeholder or its tooltip. */
static void
name_from_hints (GtkWidget  *widget,
                 const char *search)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    {
      g_autofree char *placeholder = NULL;

      g_object_get (widget, "placeholder-text", &placeholder, NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      placeholder && *placeholder ? placeholder : search, -1);
    }
  else if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) != NULL)
    dossier_accessible_name_menu_button (GTK_MENU_BUTTON (widget));
  else if (GTK_IS_BUTTON (widget) && GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (widget))))
    {
      const char *icon = gtk_image_get_icon_name (GTK_IMAGE (gtk_button_get_child (GTK_BUTTON (widget))));
      const char *tooltip = gtk_widget_get_tooltip_text (widget);

      if (tooltip != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      else if (g_strcmp0 (icon, "edit-find-symbolic") == 0 || g_strcmp0 (icon, "system-search-symbolic") == 0)
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, search, -1);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    name_from_hints (child, search);
}

/**
 * dossier_accessible_name_parts_of_gtk:
 * @window: a window that GTK or libadwaita builds in part (shortcuts, preferences)
 *
 * Names the controls that GTK 4.8 and libadwaita 1.2 add to their windows without a name —
 * the search button and entry, the sections' menu button — from what they show.
 */
void
dossier_accessible_name_parts_of_gtk (GtkWidget *window)
{
  g_return_if_fail (GTK_IS_WIDGET (window));

  name_from_hints (window, _("Search"));
  dossier_accessible_fix_mnemonics (window);
}

/**
 * dossier_accessible_name_menu_button_inside:
 * @button: a menu button
 * @name: what a screen reader says when it has the focus
 *
 * Names the button inside @button, which takes the focus, when @button itself is named
 * by a label (a row's title): "Region: Mopti" where the row says "Region".
 */
void
dossier_accessible_name_menu_button_inside (GtkMenuButton *button,
                                            const char    *name)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (button)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}
