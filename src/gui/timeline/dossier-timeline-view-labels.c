/* dossier-timeline-view-labels.c: the code and title written beside a mark with room for them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dossier-timeline-view-private.h"

void
_dossier_timeline_view_label_free (Label *label)
{
  g_clear_object (&label->code);
  g_clear_object (&label->full);
  g_free (label);
}

static Label *
label_new (DossierTimelineView        *self,
           const DossierTimelineLabel *read)
{
  Label *label = g_new0 (Label, 1);
  PangoAttrList *bold = pango_attr_list_new ();
  g_autofree char *text = g_strdup_printf ("%s  %s", read->code, read->title);
  PangoAttribute *weight = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

  weight->end_index = strlen (read->code);
  pango_attr_list_insert (bold, weight);
  label->code = gtk_widget_create_pango_layout (GTK_WIDGET (self), read->code);
  pango_layout_set_attributes (label->code, bold);
  pango_layout_get_pixel_size (label->code, &label->code_width, NULL);
  label->full = gtk_widget_create_pango_layout (GTK_WIDGET (self), *read->title ? text : read->code);
  pango_layout_set_attributes (label->full, bold);
  pango_layout_set_ellipsize (label->full, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (label->full, TRUE);
  pango_layout_get_pixel_size (label->full, &label->full_width, NULL);
  label->full_for = -1;
  pango_attr_list_unref (bold);
  return label;
}

static Label *
find_label (DossierTimelineView *self,
            gint64               id)
{
  return g_hash_table_lookup (self->labels, &id);
}

/* Labels beside the marks that have room for them on their row, up to the next mark or
 * the edge: the code, and on screen the title after it when there is room for some of it.
 * Labels are read from the dossier only for marks with room for a code, a few hundred at
 * most, and kept. */
void
_dossier_timeline_view_draw_labels (DossierTimelineView *self,
             cairo_t             *cr,
             GArray              *placed,
             int                  width,
             gboolean             titles,
             gboolean             backed,
             const DossierLook   *look,
             GArray              *areas)
{
  g_autoptr(GHashTable) last = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) missing = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (placed->len == 0)
    return;
  if (self->code_width == 0)
    {
      g_autoptr(PangoLayout) typical = gtk_widget_create_pango_layout (GTK_WIDGET (self), "INC-0000");

      pango_layout_get_pixel_size (typical, &self->code_width, NULL);
    }
  /* Items come by lane, then by start: on each row, a mark's follower comes after it. */
  for (guint i = 0; i < placed->len; i++)
    {
      Placed *p = &g_array_index (placed, Placed, i);
      const DossierTimelineItem *item = &g_array_index (self->items, DossierTimelineItem, p->index);
      gpointer row = GUINT_TO_POINTER (((p->lane << 20) | item->row) + 1);
      gpointer before;

      p->end = p->rect.origin.x + p->rect.size.width + (item->flags & DOSSIER_TIMELINE_OPEN_END ? 5 : 0);
      p->next = width;
      if (g_hash_table_lookup_extended (last, row, NULL, &before))
        g_array_index (placed, Placed, GPOINTER_TO_UINT (before)).next =
          p->rect.origin.x - (item->flags & DOSSIER_TIMELINE_OPEN_START ? 5 : 0);
      g_hash_table_insert (last, row, GUINT_TO_POINTER (i));
    }
  for (guint i = 0; i < placed->len; i++)
    {
      Placed *p = &g_array_index (placed, Placed, i);
      gint64 id = g_array_index (self->items, DossierTimelineItem, p->index).id;

      if (p->next - p->end - 2 * LABEL_GAP >= self->code_width && find_label (self, id) == NULL)
        g_array_append_val (missing, id);
    }
  if (missing->len > 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) read = dossier_store_timeline_labels (self->store, (gint64 *) missing->data, missing->len,
                                                                 self->lang, &error);

      if (read == NULL)
        g_warning ("Could not read the labels of the timeline: %s", error->message);
      /* Many pans later, start afresh rather than keep every label ever shown. */
      if (g_hash_table_size (self->labels) > 20000)
        g_hash_table_remove_all (self->labels);
      for (guint i = 0; read != NULL && i < read->len; i++)
        {
          DossierTimelineLabel *label = read->pdata[i];

          g_hash_table_insert (self->labels, g_memdup2 (&label->id, sizeof label->id), label_new (self, label));
        }
    }
  for (guint i = 0; i < placed->len; i++)
    {
      Placed *p = &g_array_index (placed, Placed, i);
      Label *label = find_label (self, g_array_index (self->items, DossierTimelineItem, p->index).id);
      double room = p->next - p->end - 2 * LABEL_GAP;
      PangoLayout *layout;
      GdkRGBA ink = p->dimmed ? look->grid : look->foreground;
      int w, h;

      if (label == NULL || room < label->code_width)
        continue;
      layout = label->code;
      if (titles && room >= label->code_width + MIN_TITLE)
        {
          int cut = (int) MIN (room, MAX_LABEL);

          /* Cut only when it does not fit, and laid out again only for a new width. */
          if (label->full_width <= cut)
            cut = -1;
          if (cut != label->full_for)
            {
              pango_layout_set_width (label->full, cut < 0 ? -1 : cut * PANGO_SCALE);
              label->full_for = cut;
            }
          layout = label->full;
        }
      pango_layout_get_pixel_size (layout, &w, &h);
      if (backed)
        {
          /* Over the histogram's bars: on the ground's colour, to be read. */
          gdk_cairo_set_source_rgba (cr, &look->background);
          cairo_rectangle (cr, p->end + LABEL_GAP - 2, p->rect.origin.y + p->rect.size.height / 2 - h / 2.0 - 1, w + 4, h + 2);
          cairo_fill (cr);
        }
      _dossier_timeline_view_draw_text (cr, layout, NULL, p->end + LABEL_GAP, p->rect.origin.y + p->rect.size.height / 2 - h / 2.0, &ink);
      if (areas != NULL)
        {
          DossierTimelineLabelArea area = {
            g_array_index (self->items, DossierTimelineItem, p->index).id,
            GRAPHENE_RECT_INIT (p->end + LABEL_GAP, p->rect.origin.y + p->rect.size.height / 2 - h / 2.0, w, h),
          };

          g_array_append_val (areas, area);
        }
    }
}
