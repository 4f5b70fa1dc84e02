/* dossier-editor-fields.c: the text of an editor's field widgets, and numbers checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An editor's fields are entries, text views and date rows: one way to read and write
 * what they hold. A number or a coordinate is checked as it is typed, and a decimal comma
 * (as French keyboards type it) is read as a point.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "dossier-date-row.h"
#include "dossier-editor-private.h"

/* What a field's widget holds, whatever kind of widget it is. */
char *
_dossier_editor_widget_text (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  if (DOSSIER_IS_DATE_ROW (widget))
    return g_strdup (dossier_date_row_get_text (DOSSIER_DATE_ROW (widget)));
  if (GTK_IS_EDITABLE (widget))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
  g_return_val_if_reached (NULL);
}

void
_dossier_editor_set_widget_text (GtkWidget  *widget,
                                 const char *text)
{
  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text ? text : "", -1);
  else if (DOSSIER_IS_DATE_ROW (widget))
    dossier_date_row_set_text (DOSSIER_DATE_ROW (widget), text);
  else if (GTK_IS_EDITABLE (widget))
    gtk_editable_set_text (GTK_EDITABLE (widget), text ? text : "");
}

/* Checks a number or coordinate typed; returns the text to store (NULL for empty), or
 * sets @message. */
gboolean
_dossier_editor_check_number (const DossierEditorField  *spec,
                              const char                *text,
                              char                     **value,
                              char                     **message)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  *value = NULL;
  if (*stripped == '\0')
    return TRUE;
  if (spec->kind == DOSSIER_EDITOR_NUMBER)
    {
      guint64 n;

      if (!g_ascii_string_to_unsigned (stripped, 10, 0, 100000000, &n, NULL))
        {
          *message = g_strdup (_("Type a number in digits, such as 2, or leave it empty if unknown"));
          return FALSE;
        }
      *value = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
      return TRUE;
    }
  else
    {
      /* A decimal comma, as French keyboards type it, is a decimal point. */
      double limit = g_str_has_prefix (spec->field, "lat") ? 90 : 180;
      char *end;
      double x;

      g_strdelimit (stripped, ",", '.');
      x = g_ascii_strtod (stripped, &end);
      if (*end != '\0' || !isfinite (x))
        {
          /* Translators: write the examples with your language's decimal separator; a comma and a point are both read */
          *message = g_strdup (_("Type decimal degrees, such as 14.4936 or -4.1990"));
          return FALSE;
        }
      if (fabs (x) > limit)
        {
          *message = limit == 90 ? g_strdup (_("A latitude lies between −90 and 90 degrees"))
                                 : g_strdup (_("A longitude lies between −180 and 180 degrees"));
          return FALSE;
        }
      *value = g_strdup (stripped);
      return TRUE;
    }
}
