/* dossier-window-counts.c: what the dossier holds, and what the filter keeps of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sections' counts in the sidebar and the overview, "12 of 100,000" while the filter
 * keeps less (counted off the UI, once the list is drawn), the filter's button and bar,
 * and the overview's charts, drawn again only while they are shown.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-filter-bar.h"
#include "dossier-overview.h"
#include "dossier-window-private.h"

#define sections dossier_window_sections

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
void
_dossier_window_update_filter_summary (DossierWindow *self)
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
      if (self->overview != NULL)
        dossier_overview_set_count (DOSSIER_OVERVIEW (self->overview), sections[i].get_type (), filtered ? kept : total);
    }
  _dossier_window_update_filter_summary (self);
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
      dossier_overview_update_charts (DOSSIER_OVERVIEW (self->overview));
    }
  else
    self->charts_stale = TRUE;
}

void
_dossier_window_counts_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filter);
}

void
_dossier_window_counts_init (DossierWindow *self)
{
  g_signal_connect_object (self->filter, "changed", G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
}
