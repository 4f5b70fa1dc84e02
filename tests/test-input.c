/* test-input.c: the real events that display tests send reach widgets as a person's would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "dossier-test-display.h"
#include "dossier-test-input.h"

static void
count_click (GtkButton *button,
             int       *clicks)
{
  (*clicks)++;
}

static void
count_pressed (GtkGestureClick *gesture,
               int              n_press,
               double           x,
               double           y,
               double          *where)
{
  where[0] = x;
  where[1] = y;
}

static gboolean
count_key (GtkEventControllerKey *controller,
           guint                  keyval,
           guint                  keycode,
           GdkModifierType        state,
           int                   *ctrl_k)
{
  if (keyval == GDK_KEY_k && (state & GDK_CONTROL_MASK))
    (*ctrl_k)++;
  return FALSE;
}

static void
test_click_and_type (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *button = gtk_button_new_with_label ("Count");
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *area = gtk_drawing_area_new ();
  GtkGesture *gesture = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  double where[2] = { -1, -1 };
  int clicks = 0, ctrl_k = 0;

  gtk_widget_set_size_request (area, 200, 100);
  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), area);
  gtk_window_set_child (GTK_WINDOW (window), box);
  g_signal_connect (button, "clicked", G_CALLBACK (count_click), &clicks);
  g_signal_connect (gesture, "pressed", G_CALLBACK (count_pressed), where);
  gtk_widget_add_controller (area, GTK_EVENT_CONTROLLER (gesture));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (count_key), &ctrl_k);
  gtk_widget_add_controller (window, keys);
  gtk_window_present (GTK_WINDOW (window));
  dossier_test_wait_for_draw (window);

  dossier_test_click (button, 10, 10, 1);
  dossier_test_click (button, 12, 8, 1);
  g_assert_cmpint (clicks, ==, 2);

  dossier_test_click (area, 150, 40, 1);
  g_assert_cmpfloat_with_epsilon (where[0], 150, 1.5);
  g_assert_cmpfloat_with_epsilon (where[1], 40, 1.5);

  dossier_test_click (entry, 10, 5, 1);
  /* Shifted keys, keys the keyboard lacks and accented letters all arrive as typed. */
  dossier_test_type_text (entry, "Moura +é€ ");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Moura +é€ ");

  dossier_test_press_key (entry, GDK_KEY_k, GDK_CONTROL_MASK);
  g_assert_cmpint (ctrl_k, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  dossier_test_display_init (&argc, &argv);
  g_test_add_func ("/input/click-and-type", test_click_and_type);
  return g_test_run ();
}
