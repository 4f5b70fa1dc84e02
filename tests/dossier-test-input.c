/* dossier-test-input.c: real pointer and key events for display tests
 *
 * Display tests run under Xvfb. Calling a widget's handler or emitting its signal skips the
 * part that failed for people last round (a gesture that never saw the click), so these
 * helpers go through the X server with XTest: the server delivers the events to whatever
 * window is under the pointer or has the focus, GDK translates them, and GTK's gestures and
 * shortcut controllers see exactly what a person's mouse and keyboard would give them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <X11/XKBlib.h>
#include <X11/extensions/XTest.h>
#include <gdk/x11/gdkx.h>

#include "dossier-test-input.h"

static Display *
x_display (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);

  if (!GDK_IS_X11_DISPLAY (display))
    g_error ("Real input events need the X11 backend (GDK_BACKEND=x11 under Xvfb)");
  return gdk_x11_display_get_xdisplay (display);
}

static void
count_frame (GdkFrameClock *clock,
             int           *frames)
{
  (*frames)++;
}

/* Lets GDK read what the server sent and GTK handle it. GTK hands input to widgets at a
 * stage of its frame cycle, so on a loaded machine the events can wait for a frame: this
 * waits for two frames of @widget's window (at most a second each), then for what their
 * handlers left to do. */
static void
settle_on (Display   *dpy,
           GtkWidget *widget)
{
  GtkNative *native = widget ? gtk_widget_get_native (widget) : NULL;
  GdkSurface *surface = native ? gtk_native_get_surface (native) : NULL;
  g_autoptr(GdkFrameClock) clock = surface ? g_object_ref (gdk_surface_get_frame_clock (surface)) : NULL;
  int frames = 0;
  gulong handler = 0;
  gint64 until;

  XSync (dpy, False);
  /* The click may close the window (a dialog's Create): its surface, then, is gone. */
  if (surface != NULL)
    g_object_add_weak_pointer (G_OBJECT (surface), (gpointer *) &surface);
  if (clock != NULL)
    handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame), &frames);
  until = g_get_monotonic_time () + 2 * G_TIME_SPAN_SECOND;
  for (int wanted = 1; wanted <= 2 && clock != NULL && surface != NULL; wanted++)
    {
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
      while (frames < wanted && surface != NULL && g_get_monotonic_time () < until)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (1000);
    }
  if (surface != NULL)
    g_object_remove_weak_pointer (G_OBJECT (surface), (gpointer *) &surface);
  if (handler != 0 && g_signal_handler_is_connected (clock, handler))
    g_signal_handler_disconnect (clock, handler);
  until = g_get_monotonic_time () + 30 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
settle (GtkWidget *widget)
{
  settle_on (x_display (widget), widget);
}

/* The point (@x, @y) of @widget in root window coordinates. */
static void
root_point (GtkWidget *widget,
            double     x,
            double     y,
            int       *root_x,
            int       *root_y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  Display *dpy = x_display (widget);
  graphene_point_t point;
  double dx, dy;
  Window child;

  g_assert_nonnull (native);
  g_assert_true (gtk_widget_get_mapped (widget));
  if (!gtk_widget_compute_point (widget, GTK_WIDGET (native), &GRAPHENE_POINT_INIT (x, y), &point))
    g_error ("Cannot place a point of %s in its window", G_OBJECT_TYPE_NAME (widget));
  gtk_native_get_surface_transform (native, &dx, &dy);
  XTranslateCoordinates (dpy, gdk_x11_surface_get_xid (gtk_native_get_surface (native)),
                         DefaultRootWindow (dpy),
                         (int) (point.x + dx), (int) (point.y + dy), root_x, root_y, &child);
}

void
dossier_test_move (GtkWidget *widget,
                   double     x,
                   double     y)
{
  Display *dpy = x_display (widget);
  int rx, ry;

  root_point (widget, x, y, &rx, &ry);
  XTestFakeMotionEvent (dpy, -1, rx, ry, CurrentTime);
  settle (widget);
}

/* Moves the pointer to (@x, @y) of @widget and presses and releases @button there. Clicks
 * are spaced beyond the double-click time, so two calls make two clicks. */
void
dossier_test_click (GtkWidget *widget,
                    double     x,
                    double     y,
                    guint      button)
{
  Display *dpy = x_display (widget);
  GtkSettings *settings = gtk_widget_get_settings (widget);
  int double_click_ms = 400;

  g_object_get (settings, "gtk-double-click-time", &double_click_ms, NULL);
  dossier_test_move (widget, x, y);
  /* The click may close the widget's window (a dialog's Create): then only the display
   * is waited on. */
  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &widget);
  XTestFakeButtonEvent (dpy, button, True, CurrentTime);
  settle_on (dpy, widget);
  XTestFakeButtonEvent (dpy, button, False, CurrentTime);
  settle_on (dpy, widget);
  g_usleep ((double_click_ms + 50) * G_TIME_SPAN_MILLISECOND);
  settle_on (dpy, widget);
  if (widget != NULL)
    g_object_remove_weak_pointer (G_OBJECT (widget), (gpointer *) &widget);
}

/* Turns the wheel over (@x, @y) of @widget: @steps notches down, or up when negative. */
void
dossier_test_scroll (GtkWidget *widget,
                     double     x,
                     double     y,
                     int        steps)
{
  Display *dpy = x_display (widget);
  guint button = steps < 0 ? 4 : 5;

  dossier_test_move (widget, x, y);
  for (int i = 0; i < ABS (steps); i++)
    {
      XTestFakeButtonEvent (dpy, button, True, CurrentTime);
      XTestFakeButtonEvent (dpy, button, False, CurrentTime);
      settle (widget);
    }
}

/* Gives the keyboard focus to @widget's window, as a person's click on it would. */
static void
focus_window (GtkWidget *widget)
{
  Display *dpy = x_display (widget);
  GtkNative *native = gtk_widget_get_native (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WINDOW (root))
    gtk_window_present (GTK_WINDOW (root));
  XSetInputFocus (dpy, gdk_x11_surface_get_xid (gtk_native_get_surface (native)), RevertToParent, CurrentTime);
  settle (widget);
}

/* The keycode and shift level that give @keysym, mapping it on a spare keycode when the
 * keyboard has none (“é” on Xvfb's US keyboard). Returns the spare keycode in @spare. */
static KeyCode
keycode_for (GtkWidget *widget,
             Display *dpy,
             KeySym   keysym,
             gboolean *shift,
             KeyCode  *spare)
{
  KeyCode code = XKeysymToKeycode (dpy, keysym);
  int min_code, max_code;

  *spare = 0;
  if (code != 0)
    {
      *shift = XkbKeycodeToKeysym (dpy, code, 0, 0) != keysym;
      return code;
    }

  XDisplayKeycodes (dpy, &min_code, &max_code);
  for (int c = max_code; c >= min_code; c--)
    {
      int per_code;
      KeySym *syms = XGetKeyboardMapping (dpy, c, 1, &per_code);
      gboolean empty = TRUE;

      for (int i = 0; i < per_code; i++)
        empty = empty && syms[i] == NoSymbol;
      XFree (syms);
      if (empty)
        {
          KeySym both[2] = { keysym, keysym };

          XChangeKeyboardMapping (dpy, c, 2, both, 1);
          XSync (dpy, False);
          /* GDK reads the new map when the server's MappingNotify arrives. */
          settle (widget);
          *spare = c;
          *shift = FALSE;
          return c;
        }
    }
  g_error ("No spare keycode to type keysym 0x%lx", (unsigned long) keysym);
}

static void
press_modifiers (Display         *dpy,
                 GdkModifierType  mods,
                 gboolean         down)
{
  static const struct { GdkModifierType mask; KeySym sym; } modifiers[] = {
    { GDK_CONTROL_MASK, XK_Control_L },
    { GDK_SHIFT_MASK, XK_Shift_L },
    { GDK_ALT_MASK, XK_Alt_L },
    { GDK_SUPER_MASK, XK_Super_L },
  };

  for (guint i = 0; i < G_N_ELEMENTS (modifiers); i++)
    if (mods & modifiers[i].mask)
      XTestFakeKeyEvent (dpy, XKeysymToKeycode (dpy, modifiers[i].sym), down, CurrentTime);
}

/* Presses and releases @keyval with @mods held, in @widget's window, which gets the focus
 * first. Where the keyboard needs Shift for the key (“+” on a US keyboard), Shift is held
 * too, as a person would. */
void
dossier_test_press_key (GtkWidget       *widget,
                        guint            keyval,
                        GdkModifierType  mods)
{
  Display *dpy = x_display (widget);
  KeySym keysym = keyval; /* GDK keyvals are X keysyms */
  gboolean shift = FALSE;
  KeyCode spare = 0;
  KeyCode code;

  focus_window (widget);
  code = keycode_for (widget, dpy, keysym, &shift, &spare);
  if (shift)
    mods |= GDK_SHIFT_MASK;
  press_modifiers (dpy, mods, True);
  XTestFakeKeyEvent (dpy, code, True, CurrentTime);
  XTestFakeKeyEvent (dpy, code, False, CurrentTime);
  press_modifiers (dpy, mods, False);
  settle (widget);
  if (spare != 0)
    {
      KeySym none[2] = { NoSymbol, NoSymbol };

      XChangeKeyboardMapping (dpy, spare, 2, none, 1);
      settle (widget);
    }
}

/* Types @utf8 key by key into whatever has the focus in @widget's window. */
void
dossier_test_type_text (GtkWidget  *widget,
                        const char *utf8)
{
  for (const char *p = utf8; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint keyval = c == '\n' ? GDK_KEY_Return : c == '\t' ? GDK_KEY_Tab : gdk_unicode_to_keyval (c);

      dossier_test_press_key (widget, keyval, 0);
    }
}
