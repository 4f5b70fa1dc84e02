/* dossier-evidence-layer.c: evidence captured at a known place, on the map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Photos and other files whose metadata gives where they were captured, each a small
 * square (incidents are circles), over the incidents. Evidence with a position is a few
 * hundred items where incidents are a hundred thousand: they are read at once, and drawn
 * one by one where they are in view.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "dossier-evidence.h"
#include "dossier-evidence-layer.h"
#include "dossier-test-hooks.h"
#include "dossier-application.h"
#include "dossier-format.h"
#include "dossier-look.h"
#include "dossier-geo.h"
#include "dossier-query.h"

#define SQUARE 9

struct _DossierEvidenceLayer
{
  ShumateLayer  parent_instance;

  DossierStore *store;
  GArray       *points;  /* DossierGeoPoint */
};

G_DEFINE_FINAL_TYPE (DossierEvidenceLayer, dossier_evidence_layer, SHUMATE_TYPE_LAYER)

gboolean
dossier_evidence_layer_locate (DossierEvidenceLayer *self,
                               gint64                id,
                               double               *x,
                               double               *y)
{
  ShumateViewport *viewport;

  g_return_val_if_fail (DOSSIER_IS_EVIDENCE_LAYER (self), FALSE);
  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  for (guint i = 0; self->points && i < self->points->len; i++)
    {
      DossierGeoPoint *point = &g_array_index (self->points, DossierGeoPoint, i);

      if (point->id == id)
        {
          shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self), point->latitude, point->longitude, x, y);
          return TRUE;
        }
    }
  return FALSE;
}

static void
dossier_evidence_layer_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  DossierEvidenceLayer *self = DOSSIER_EVIDENCE_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  DossierLook look;
  DossierTermStyle style;
  GdkRGBA fill;

  /* A framed square of its own colour: never mistaken for an incident, whose squares are
   * solid and in the terms' colours. */
  dossier_look_from_widget (widget, &look);
  dossier_palette_evidence_style (&style);
  fill = (GdkRGBA) { style.red, style.green, style.blue, 1 };

  for (guint i = 0; self->points && i < self->points->len; i++)
    {
      DossierGeoPoint *point = &g_array_index (self->points, DossierGeoPoint, i);
      double x, y;

      shumate_viewport_location_to_widget_coords (viewport, widget, point->latitude, point->longitude, &x, &y);
      if (x < -SQUARE || y < -SQUARE || x > width + SQUARE || y > height + SQUARE)
        continue;
      gtk_snapshot_append_color (snapshot, &look.mark_edge, &GRAPHENE_RECT_INIT (x - SQUARE / 2.0 - 1.5, y - SQUARE / 2.0 - 1.5,
                                                                               SQUARE + 3, SQUARE + 3));
      gtk_snapshot_append_color (snapshot, &fill, &GRAPHENE_RECT_INIT (x - SQUARE / 2.0, y - SQUARE / 2.0, SQUARE, SQUARE));
      gtk_snapshot_append_color (snapshot, &look.mark_edge, &GRAPHENE_RECT_INIT (x - SQUARE / 4.0, y - SQUARE / 4.0,
                                                                               SQUARE / 2.0, SQUARE / 2.0));
    }
}

/**
 * dossier_evidence_layer_pick:
 * @self: a #DossierEvidenceLayer
 * @x: a point of the layer
 * @y:
 *
 * Returns: the evidence item drawn there, or 0
 */
gint64
dossier_evidence_layer_pick (DossierEvidenceLayer *self,
                             double                x,
                             double                y)
{
  g_return_val_if_fail (DOSSIER_IS_EVIDENCE_LAYER (self), 0);

  for (guint i = self->points ? self->points->len : 0; i > 0; i--)
    {
      DossierGeoPoint *point = &g_array_index (self->points, DossierGeoPoint, i - 1);
      double px, py;

      if (dossier_evidence_layer_locate (self, point->id, &px, &py) &&
          fabs (px - x) <= SQUARE / 2.0 + 2 && fabs (py - y) <= SQUARE / 2.0 + 2)
        return point->id;
    }
  return 0;
}

static gboolean
on_query_tooltip (GtkWidget            *widget,
                  int                   x,
                  int                   y,
                  gboolean              keyboard,
                  GtkTooltip           *tooltip,
                  DossierEvidenceLayer *self)
{
  gint64 id = dossier_evidence_layer_pick (self, x, y);
  g_autoptr(DossierEvidence) evidence = NULL;
  g_autofree char *lang = dossier_application_ui_language ();
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  if (id <= 0 || (evidence = dossier_store_load (self->store, DOSSIER_TYPE_EVIDENCE, id, NULL)) == NULL)
    return FALSE;
  /* As a person writes it ("28 March 2022, 10:15"), not as the file stores it. */
  when = *dossier_evidence_get_captured_at (evidence) ? dossier_format_timestamp (dossier_evidence_get_captured_at (evidence), lang, FALSE) : NULL;
  /* Translators: an evidence item on the map: its code, title and when it was captured */
  text = g_strdup_printf (_("%s · %s\ncaptured %s"), dossier_record_get_code (DOSSIER_RECORD (evidence)), dossier_evidence_get_title (evidence),
                          when ? when : _("at an unknown time"));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/**
 * dossier_evidence_layer_get_points:
 * @self: a #DossierEvidenceLayer
 *
 * Returns: (transfer none) (element-type DossierGeoPoint) (nullable): where the items are
 *   drawn, for the names that keep clear of them
 */
GArray *
dossier_evidence_layer_get_points (DossierEvidenceLayer *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVIDENCE_LAYER (self), NULL);
  return self->points;
}

/* The items read again, after an ingestion. */
void
dossier_evidence_layer_refresh (DossierEvidenceLayer *self)
{
  g_autoptr(GError) error = NULL;
  GArray *points;

  g_return_if_fail (DOSSIER_IS_EVIDENCE_LAYER (self));
  points = dossier_store_evidence_points (self->store, &error);
  if (points == NULL)
    {
      g_warning ("Could not read the evidence for the map: %s", error->message);
      return;
    }
  g_clear_pointer (&self->points, g_array_unref);
  self->points = points;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
dossier_evidence_layer_get_n (DossierEvidenceLayer *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVIDENCE_LAYER (self), 0);
  return self->points ? self->points->len : 0;
}

static void
dossier_evidence_layer_finalize (GObject *object)
{
  DossierEvidenceLayer *self = DOSSIER_EVIDENCE_LAYER (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->points, g_array_unref);
  G_OBJECT_CLASS (dossier_evidence_layer_parent_class)->finalize (object);
}

static void
dossier_evidence_layer_class_init (DossierEvidenceLayerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_evidence_layer_finalize;
  GTK_WIDGET_CLASS (klass)->snapshot = dossier_evidence_layer_snapshot;
}

static void
dossier_evidence_layer_init (DossierEvidenceLayer *self)
{
  dossier_look_watch (GTK_WIDGET (self));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
}

DossierEvidenceLayer *
dossier_evidence_layer_new (ShumateViewport *viewport,
                            DossierStore    *store)
{
  DossierEvidenceLayer *self = g_object_new (DOSSIER_TYPE_EVIDENCE_LAYER, "viewport", viewport, NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (viewport, "notify::latitude", G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::longitude", G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::zoom-level", G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  dossier_evidence_layer_refresh (self);
  return self;
}
