/* dossier-editor-rows.c: what editors do to their rows and popovers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers for any editor's rows, the base class's and the pickers' alike: a message
 * written in full under a row, a page kept still under an open popover, a row's title
 * wrapped between words. They work on rows and popovers of other widgets, so what they
 * add to one (its message row, its pin) is kept on it as object data.
 */
#include "config.h"

#include "dossier-editor.h"

/* The message row shown under @row, made the first time one is needed. */
static GtkLabel *
message_label (GtkWidget *row,
               gboolean   create)
{
  GtkWidget *list = gtk_widget_get_parent (row);
  GtkWidget *below = g_object_get_data (G_OBJECT (row), "dossier-message-row");
  GtkWidget *box, *icon, *label;

  if (below != NULL || !create)
    return below ? g_object_get_data (G_OBJECT (below), "label") : NULL;
  if (!GTK_IS_LIST_BOX (list) || !GTK_IS_LIST_BOX_ROW (row))
    return NULL;
  below = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (below), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (below), FALSE);
  gtk_widget_set_focusable (below, FALSE);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "error");
  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "error");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (below), box);
  g_object_set_data (G_OBJECT (below), "label", label);
  gtk_list_box_insert (GTK_LIST_BOX (list), below, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
  /* The list holds the message row; both go with the editor. */
  g_object_set_data (G_OBJECT (row), "dossier-message-row", below);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL, -1);
  return GTK_LABEL (label);
}

typedef struct {
  GtkAdjustment *adjustment;
  double         value;
  gulong         handler;
} Pin;

static void
pin_free (Pin *pin)
{
  if (pin->handler != 0)
    g_signal_handler_disconnect (pin->adjustment, pin->handler);
  g_object_unref (pin->adjustment);
  g_free (pin);
}

static void
on_pinned_value_changed (GtkAdjustment *adjustment,
                         Pin           *pin)
{
  if (gtk_adjustment_get_value (adjustment) != pin->value)
    gtk_adjustment_set_value (adjustment, pin->value);
}

static void
on_pinning_popover_shown (GtkWidget *popover)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (popover, GTK_TYPE_SCROLLED_WINDOW);
  Pin *pin;

  if (scrolled == NULL)
    return;
  pin = g_new0 (Pin, 1);
  pin->adjustment = g_object_ref (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)));
  pin->value = gtk_adjustment_get_value (pin->adjustment);
  pin->handler = g_signal_connect (pin->adjustment, "value-changed", G_CALLBACK (on_pinned_value_changed), pin);
  g_object_set_data_full (G_OBJECT (popover), "dossier-pin", pin, (GDestroyNotify) pin_free);
}

static void
on_pinning_popover_hidden (GtkWidget *popover)
{
  g_object_set_data (G_OBJECT (popover), "dossier-pin", NULL);
}

/**
 * dossier_editor_pin_page_under:
 * @popover: a popover whose parent is in an editor's scrolled page
 *
 * Keeps the page still while @popover is open. A popover is a child of its button, so a
 * click that gives the focus to a row or button far down in it made the page's viewport
 * scroll to "show" that widget, which carried the button, and the popover with it, off
 * the top of the window.
 */
void
dossier_editor_pin_page_under (GtkPopover *popover)
{
  g_return_if_fail (GTK_IS_POPOVER (popover));

  g_signal_connect (popover, "show", G_CALLBACK (on_pinning_popover_shown), NULL);
  g_signal_connect (popover, "hide", G_CALLBACK (on_pinning_popover_hidden), NULL);
}

/* The labels of a row's own title and subtitle: the "title" and "subtitle" labels before
 * its suffixes. */
static GtkLabel *
find_row_label (GtkWidget  *widget,
                const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, css_class))
        return GTK_LABEL (child);
      if ((found = find_row_label (child, css_class)) != NULL)
        return found;
    }
  return NULL;
}

/**
 * dossier_editor_keep_title_words:
 * @row: an #AdwActionRow naming a field, with its value or controls as suffixes
 *
 * Wraps @row's title and subtitle between words only. libadwaita wraps them anywhere, so
 * that a row short of room gave its suffix the width and broke the title inside its words
 * ("Violation-" over "s décrites", "Consen-" over "tement" in French). Now the title is
 * at least as wide as its longest word, and the suffix (a value, which ellipsizes) gives
 * way. Only for rows whose title names a field and whose subtitle holds words or is cut
 * with an ellipsis: a long word (a file name, a URL) that could not break would widen
 * the whole editor.
 */
void
dossier_editor_keep_title_words (GtkWidget *row)
{
  const char * const classes[] = { "title", "subtitle" };

  g_return_if_fail (ADW_IS_ACTION_ROW (row));

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      GtkLabel *label = find_row_label (row, classes[i]);

      if (label != NULL)
        gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD);
    }
}

/**
 * dossier_editor_show_row_message:
 * @row: a row of a preferences group (an #AdwEntryRow, most often)
 * @message: (nullable): why what was typed cannot be kept, or %NULL to take it away
 *
 * Writes @message in full under @row, wrapped and in the error colour: a row's title is
 * cut at its width ("Type a latitude and a longitud…"), and a colour alone says nothing.
 */
void
dossier_editor_show_row_message (GtkWidget  *row,
                                 const char *message)
{
  GtkLabel *label;

  g_return_if_fail (GTK_IS_WIDGET (row));

  label = message_label (row, message != NULL);
  if (label == NULL)
    return;
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "dossier-message-row"), message != NULL);
}

/**
 * dossier_editor_get_row_message:
 * @row: a row
 *
 * Returns: (nullable): the message shown under @row, or %NULL if none is
 */
const char *
dossier_editor_get_row_message (GtkWidget *row)
{
  GtkLabel *label;

  g_return_val_if_fail (GTK_IS_WIDGET (row), NULL);

  label = message_label (row, FALSE);
  if (label == NULL || !gtk_widget_get_visible (g_object_get_data (G_OBJECT (row), "dossier-message-row")))
    return NULL;
  return gtk_label_get_text (label);
}
