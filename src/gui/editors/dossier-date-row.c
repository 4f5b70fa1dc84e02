/* dossier-date-row.c: a row to type an EDTF date, which says how it reads it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Investigators type dates as they write them ("27/03/2022 – 31/03/2022", "27 mars 2022",
 * "vers 2012") or as EDTF ("2022-03-27/2022-03-31", "2021-10~"); the row keeps the EDTF and
 * writes back in words how it understood the date ("27–31 March 2022 · 2022-03-27/2022-03-31"),
 * or why it cannot, as they type, so that a wrong date never reaches the dossier silently.
 * The message wraps whole: it is the example of what to type.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-date-row.h"
#include "dossier-editor.h"
#include "dossier-edtf.h"

struct _DossierDateRow
{
  AdwActionRow  parent_instance;

  GtkEntry     *entry;
  char         *lang;
  char         *edtf;         /* what was typed, as EDTF; NULL when empty or not a date */
  char         *empty_text;   /* what an empty row means, as markup; "No date" when NULL */
  gboolean      valid;
  gboolean      setting;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DossierDateRow, dossier_date_row, ADW_TYPE_ACTION_ROW)

static void
validate (DossierDateRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->edtf, g_free);
  /* Day first for dates in numbers: the investigators write 27/03/2022, in French as in English. */
  if (*text != '\0')
    self->edtf = dossier_edtf_from_human (text, DOSSIER_DAY_ORDER_DAY_FIRST, &error);
  self->valid = *text == '\0' || self->edtf != NULL;
  if (self->valid)
    {
      g_autofree char *reading = self->edtf ? dossier_edtf_format_string (self->edtf, self->lang) : NULL;
      g_autofree char *escaped = NULL;
      g_autofree char *typed = g_strstrip (g_strdup (text));

      /* What will be kept, when it is not what was typed. */
      if (reading != NULL && !g_str_equal (typed, self->edtf))
        {
          /* The no-break space keeps the dot from starting a line. */
          g_autofree char *both = g_strdup_printf ("%s\u00a0· %s", reading, self->edtf);

          g_free (reading);
          reading = g_steal_pointer (&both);
        }
      escaped = reading ? g_markup_escape_text (reading, -1) : NULL;

      gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), escaped ? escaped : self->empty_text ? self->empty_text : _("No date"));
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_STATE_INVALID);
    }
  else
    {
      g_autofree char *message = g_markup_escape_text (error->message, -1);

      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
}

static void
on_changed (DossierDateRow *self)
{
  validate (self);
  if (!self->setting)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
dossier_date_row_finalize (GObject *object)
{
  g_free (DOSSIER_DATE_ROW (object)->lang);
  g_free (DOSSIER_DATE_ROW (object)->edtf);
  g_free (DOSSIER_DATE_ROW (object)->empty_text);
  G_OBJECT_CLASS (dossier_date_row_parent_class)->finalize (object);
}

static void
dossier_date_row_class_init (DossierDateRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_date_row_finalize;

  /* Emitted at every edit; dossier_date_row_is_valid() tells whether to keep it. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dossier_date_row_init (DossierDateRow *self)
{
  self->lang = g_strdup ("en");
  self->valid = TRUE;
  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->entry), GTK_ALIGN_CENTER);
  /* Wide enough for a period, leaving the reading beside it room to stay on one line. */
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 15);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->entry), 15);
  /* Translators: examples of dates as people write them, day first; write the month in your language */
  gtk_entry_set_placeholder_text (self->entry, _("27/03/2022, March 2022 or 27/03/2022 – 31/03/2022"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->entry),
                               _("A day (27/03/2022 or 27 March 2022), a month (March 2022), a year (2022), "
                                 "a period (27/03/2022 – 31/03/2022, 27–31 March 2022); “circa 2012”, "
                                 "“before 2020”, “after March 2022”; or EDTF (2022-03-27/2022-03-31, 2021-10~)"));
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (on_changed), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->entry));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->entry));
  /* Tab goes to the entry, where the date is typed, not to the row around it. */
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  /* No line limit, hence no "…": an error ends with the example to follow. */
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 0);
  dossier_editor_keep_title_words (GTK_WIDGET (self));
  validate (self);
}

const char *
dossier_date_row_get_text (DossierDateRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_DATE_ROW (self), NULL);
  /* The EDTF to keep; what was typed when it is no date, for the caller to refuse. */
  return self->edtf != NULL ? self->edtf : gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

/* Shows a date without emitting ::changed. */
void
dossier_date_row_set_text (DossierDateRow *self,
                           const char     *text)
{
  g_return_if_fail (DOSSIER_IS_DATE_ROW (self));

  self->setting = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text ? text : "");
  self->setting = FALSE;
  validate (self);
}

gboolean
dossier_date_row_is_valid (DossierDateRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_DATE_ROW (self), FALSE);
  return self->valid;
}

GtkEditable *
dossier_date_row_get_entry (DossierDateRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_DATE_ROW (self), NULL);
  return GTK_EDITABLE (self->entry);
}

void
dossier_date_row_set_lang (DossierDateRow *self,
                           const char     *lang)
{
  g_return_if_fail (DOSSIER_IS_DATE_ROW (self));

  g_free (self->lang);
  self->lang = g_strdup (lang);
  validate (self);
}

/**
 * dossier_date_row_set_empty_text:
 * @self: a #DossierDateRow
 * @text: what the row says while nothing is typed ("Any time" for a filter's period)
 */
void
dossier_date_row_set_empty_text (DossierDateRow *self,
                                 const char     *text)
{
  g_return_if_fail (DOSSIER_IS_DATE_ROW (self));

  g_free (self->empty_text);
  self->empty_text = g_markup_escape_text (text, -1);
  validate (self);
}
