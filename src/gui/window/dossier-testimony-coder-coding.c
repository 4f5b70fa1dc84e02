/* dossier-testimony-coder-coding.c: coding the selected passage, one key each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * I links the selected passage to an incident, V tags a violation type, P marks a person
 * mentioned, each in a picker opened over the selection; Shift+I and Shift+P code it as
 * a new incident or a new coded person.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-incident.h"
#include "dossier-person.h"
#include "dossier-record-picker.h"
#include "dossier-testimony-coder-private.h"
#include "dossier-violation-picker.h"

static gboolean
selection (DossierTestimonyCoder *self,
           int                   *start,
           int                   *end)
{
  GtkTextIter a, b;

  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &a, &b))
    return FALSE;
  *start = gtk_text_iter_get_offset (&a);
  *end = gtk_text_iter_get_offset (&b);
  return *end > *start;
}

/**
 * dossier_testimony_coder_code:
 * @self: a #DossierTestimonyCoder
 * @kind: what to code the selected passage as
 * @ref_id: the incident or person
 * @violation_type: the violation type, for %DOSSIER_PASSAGE_VIOLATION
 *
 * Codes the passage selected in the transcript.
 *
 * Returns: %TRUE if coded
 */
gboolean
dossier_testimony_coder_code (DossierTestimonyCoder *self,
                              DossierPassageKind     kind,
                              gint64                 ref_id,
                              const char            *violation_type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierPassage) passage = NULL;
  int start, end;

  g_return_val_if_fail (DOSSIER_IS_TESTIMONY_CODER (self), FALSE);
  if (!selection (self, &start, &end))
    {
      _dossier_testimony_coder_toast (self, _("Select a passage of the transcript first"));
      return FALSE;
    }
  passage = dossier_store_code_passage (self->store, self->testimony_id, start, end, kind, ref_id, violation_type, &error);
  if (passage == NULL)
    {
      _dossier_testimony_coder_toast (self, error->message);
      return FALSE;
    }
  _dossier_testimony_coder_show_passages (self);
  _dossier_testimony_coder_select_range (self, end, end);
  return TRUE;
}

/**
 * dossier_testimony_coder_code_new:
 * @self: a #DossierTestimonyCoder
 * @kind: %DOSSIER_PASSAGE_INCIDENT or %DOSSIER_PASSAGE_PERSON
 *
 * Codes the selected passage as a new incident (titled after the passage, in the language
 * of the interface) or a new coded person, to be completed later in their editors.
 *
 * Returns: the new record's id, or 0
 */
gint64
dossier_testimony_coder_code_new (DossierTestimonyCoder *self,
                                  DossierPassageKind     kind)
{
  g_autoptr(DossierRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  int start, end;

  g_return_val_if_fail (DOSSIER_IS_TESTIMONY_CODER (self), 0);
  g_return_val_if_fail (kind != DOSSIER_PASSAGE_VIOLATION, 0);
  if (!selection (self, &start, &end))
    {
      _dossier_testimony_coder_toast (self, _("Select a passage of the transcript first"));
      return 0;
    }
  if (kind == DOSSIER_PASSAGE_INCIDENT)
    {
      DossierIncident *incident = dossier_incident_new ();
      GtkTextIter a, b;
      g_autofree char *text = NULL;
      g_autofree char *title = NULL;

      gtk_text_buffer_get_iter_at_offset (self->buffer, &a, start);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &b, MIN (end, start + 80));
      text = gtk_text_buffer_get_text (self->buffer, &a, &b, FALSE);
      title = g_strstrip (g_strdelimit (g_steal_pointer (&text), "\n\r\t", ' '));
      record = DOSSIER_RECORD (incident);
      dossier_record_set_text (record, dossier_record_field (record, g_strcmp0 (self->lang, "fr") == 0 ? "title_fr" : "title_en"),
                               title);
    }
  else
    record = DOSSIER_RECORD (dossier_person_new ());
  if (!dossier_store_insert (self->store, record, &error))
    {
      _dossier_testimony_coder_toast (self, error->message);
      return 0;
    }
  if (!dossier_testimony_coder_code (self, kind, dossier_record_get_id (record), NULL))
    return 0;
  {
    /* Translators: %s is the code of the record just made */
    g_autofree char *message = g_strdup_printf (_("%s made: complete it in its editor"), dossier_record_get_code (record));

    _dossier_testimony_coder_toast (self, message);
  }
  return dossier_record_get_id (record);
}

/* The pickers, opened over the selection. */
static void
point_at_selection (DossierTestimonyCoder *self,
                    GtkPopover            *popover)
{
  GtkTextIter a, b;
  GdkRectangle rect;

  gtk_text_buffer_get_selection_bounds (self->buffer, &a, &b);
  gtk_text_view_get_iter_location (self->text, &a, &rect);
  gtk_text_view_buffer_to_window_coords (self->text, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &rect.x, &rect.y);
  gtk_widget_set_parent (GTK_WIDGET (popover), GTK_WIDGET (self->text));
  gtk_popover_set_pointing_to (popover, &rect);
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (popover);
}

static void
on_incident_picked (DossierRecordPicker   *picker,
                    gint64                 id,
                    const char            *role,
                    DossierTestimonyCoder *self)
{
  gtk_popover_popdown (GTK_POPOVER (picker));
  dossier_testimony_coder_code (self, DOSSIER_PASSAGE_INCIDENT, id, NULL);
}

static void
on_person_picked (DossierRecordPicker   *picker,
                  gint64                 id,
                  const char            *role,
                  DossierTestimonyCoder *self)
{
  gtk_popover_popdown (GTK_POPOVER (picker));
  dossier_testimony_coder_code (self, DOSSIER_PASSAGE_PERSON, id, NULL);
}

static void
pick_record (DossierTestimonyCoder *self,
             DossierPassageKind     kind)
{
  int start, end;
  GtkWidget *picker;

  if (!selection (self, &start, &end))
    {
      _dossier_testimony_coder_toast (self, _("Select a passage of the transcript first"));
      return;
    }
  picker = dossier_record_picker_new (self->store, kind == DOSSIER_PASSAGE_INCIDENT ? DOSSIER_TYPE_INCIDENT : DOSSIER_TYPE_PERSON,
                                      NULL, self->lang);
  g_signal_connect (picker, "picked", kind == DOSSIER_PASSAGE_INCIDENT ? G_CALLBACK (on_incident_picked)
                                                                    : G_CALLBACK (on_person_picked), self);
  point_at_selection (self, GTK_POPOVER (picker));
}

static void
on_violation_picked (DossierViolationPicker *picker,
                     const char             *code,
                     DossierTestimonyCoder  *self)
{
  dossier_testimony_coder_code (self, DOSSIER_PASSAGE_VIOLATION, 0, code);
}

static void
pick_violation (DossierTestimonyCoder *self)
{
  GtkWidget *picker;
  int start, end;

  if (!selection (self, &start, &end))
    {
      _dossier_testimony_coder_toast (self, _("Select a passage of the transcript first"));
      return;
    }
  picker = dossier_violation_picker_new (self->store, self->lang);
  g_signal_connect (picker, "picked", G_CALLBACK (on_violation_picked), self);
  point_at_selection (self, GTK_POPOVER (picker));
}

static gboolean
on_key (GtkEventControllerKey *controller,
        guint                  keyval,
        guint                  keycode,
        GdkModifierType        state,
        DossierTestimonyCoder *self)
{
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK);

  /* One key each, in the transcript; Shift for a new record. */
  if (mods == 0 || mods == GDK_SHIFT_MASK)
    switch (gdk_keyval_to_lower (keyval))
      {
      case GDK_KEY_i:
        if (mods == GDK_SHIFT_MASK)
          dossier_testimony_coder_code_new (self, DOSSIER_PASSAGE_INCIDENT);
        else
          pick_record (self, DOSSIER_PASSAGE_INCIDENT);
        return TRUE;
      case GDK_KEY_p:
        if (mods == GDK_SHIFT_MASK)
          dossier_testimony_coder_code_new (self, DOSSIER_PASSAGE_PERSON);
        else
          pick_record (self, DOSSIER_PASSAGE_PERSON);
        return TRUE;
      case GDK_KEY_v:
        /* Shift makes a new record; there is no new violation type to make. */
        if (mods == GDK_SHIFT_MASK)
          break;
        pick_violation (self);
        return TRUE;
      default:
        break;
      }
  return FALSE;
}

void
_dossier_testimony_coder_coding_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_key);
}
