/* test-a11y.c: what a screen reader hears, read over the accessibility bus (display test)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>

#include "dossier-actor.h"
#include "dossier-application.h"
#include "dossier-demo.h"
#include "dossier-map-pane.h"
#include "dossier-evidence.h"
#include "dossier-incident.h"
#include "dossier-person.h"
#include "dossier-preferences-window.h"
#include "dossier-test-display.h"
#include "dossier-testimony.h"
#include "dossier-test-util.h"


/* Orca talks to the application over the AT-SPI bus, not to GTK: the walk does the same,
 * from a thread of its own with its own connection, while the main thread lets GTK answer. */
typedef struct
{
  char *role;       /* GTK's role name, as GetRoleName says it */
  char *name;       /* what a screen reader says for it */
  char *where;      /* the names of its ancestors, to find it */
  char *path;       /* its object on the bus */
} Node;

typedef struct
{
  GDBusConnection *bus;
  char            *app;       /* GTK's name on the accessibility bus */
  GPtrArray       *nodes;
  GPtrArray       *base;      /* a previous reading: only what is new under its buttons is read */
  const char      *window;    /* the title of the one window to read */
} Walk;

static void
node_free (Node *node)
{
  g_free (node->role);
  g_free (node->name);
  g_free (node->where);
  g_free (node->path);
  g_free (node);
}

/* A call to the application; %NULL if the object went away meanwhile (a picker's rows are
 * made again as it fills). */
static GVariant *
call (Walk       *walk,
      const char *path,
      const char *iface,
      const char *method,
      GVariant   *args,
      const char *reply)
{
  g_autoptr(GError) error = NULL;
  GVariant *r = g_dbus_connection_call_sync (walk->bus, walk->app, path, iface, method, args,
                                             reply ? G_VARIANT_TYPE (reply) : NULL,
                                             G_DBUS_CALL_FLAGS_NONE, 10000, NULL, &error);

  if (g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_OBJECT))
    return NULL;
  g_assert_no_error (error);
  return r;
}

static char *
get_name (Walk       *walk,
          const char *path)
{
  g_autoptr(GVariant) r = call (walk, path, "org.freedesktop.DBus.Properties", "Get",
                                g_variant_new ("(ss)", "org.a11y.atspi.Accessible", "Name"), "(v)");
  g_autoptr(GVariant) v = NULL;

  if (r == NULL)
    return NULL;
  g_variant_get (r, "(v)", &v);
  return g_variant_dup_string (v, NULL);
}

static void
walk_node (Walk       *walk,
           const char *path,
           const char *where)
{
  g_autoptr(GVariant) role = call (walk, path, "org.a11y.atspi.Accessible", "GetRoleName", NULL, "(s)");
  g_autoptr(GVariant) children = call (walk, path, "org.a11y.atspi.Accessible", "GetChildren", NULL, "(a(so))");
  g_autoptr(GVariant) list = NULL;
  g_autofree char *name = get_name (walk, path);
  Node *node;
  g_autofree char *here = NULL;
  GVariantIter iter;
  const char *child_name, *child_path;

  if (role == NULL || children == NULL || name == NULL)
    return;
  list = g_variant_get_child_value (children, 0);
  node = g_new0 (Node, 1);
  node->name = g_steal_pointer (&name);
  g_variant_get (role, "(s)", &node->role);
  node->where = g_strdup (where);
  node->path = g_strdup (path);
  g_ptr_array_add (walk->nodes, node);
  here = *node->name ? g_strdup_printf ("%s%s%s \"%s\"", where, *where ? " > " : "", node->role, node->name)
                     : g_strdup (where);
  g_variant_iter_init (&iter, list);
  while (g_variant_iter_next (&iter, "(&s&o)", &child_name, &child_path))
    walk_node (walk, child_path, here);
}

static void
walk_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Walk *walk = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autoptr(GVariant) address = NULL;
  g_autoptr(GVariant) names = NULL;
  g_autoptr(GVariant) list = NULL;
  const char *addr;
  GVariantIter iter;
  const char *name;

  g_assert_no_error (error);
  address = g_dbus_connection_call_sync (session, "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress",
                                         NULL, G_VARIANT_TYPE ("(s)"), G_DBUS_CALL_FLAGS_NONE, 10000, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (address, "(&s)", &addr);
  walk->bus = g_dbus_connection_new_for_address_sync (addr, G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                      G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                      NULL, NULL, &error);
  g_assert_no_error (error);

  /* GTK's own connection is the other one of this process. */
  names = g_dbus_connection_call_sync (walk->bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "ListNames", NULL, G_VARIANT_TYPE ("(as)"),
                                       G_DBUS_CALL_FLAGS_NONE, 10000, NULL, &error);
  g_assert_no_error (error);
  list = g_variant_get_child_value (names, 0);
  g_variant_iter_init (&iter, list);
  while (g_variant_iter_next (&iter, "&s", &name))
    {
      g_autoptr(GVariant) pid = NULL;
      guint32 id = 0;

      if (name[0] != ':' || g_str_equal (name, g_dbus_connection_get_unique_name (walk->bus)))
        continue;
      pid = g_dbus_connection_call_sync (walk->bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                         "org.freedesktop.DBus", "GetConnectionUnixProcessID",
                                         g_variant_new ("(s)", name), G_VARIANT_TYPE ("(u)"),
                                         G_DBUS_CALL_FLAGS_NONE, 10000, NULL, NULL);
      if (pid != NULL)
        g_variant_get (pid, "(u)", &id);
      if (id == (guint32) getpid ())
        walk->app = g_strdup (name);
    }
  g_assert_nonnull (walk->app);
  if (walk->base == NULL)
    {
      const char *root = "/org/a11y/atspi/accessible/root";
      g_autoptr(GVariant) windows = call (walk, root, "org.a11y.atspi.Accessible", "GetChildren", NULL, "(a(so))");
      g_autoptr(GVariant) window_list = g_variant_get_child_value (windows, 0);
      GVariantIter windows_iter;
      const char *window_name, *window_path;

      g_variant_iter_init (&windows_iter, window_list);
      while (g_variant_iter_next (&windows_iter, "(&s&o)", &window_name, &window_path))
        {
          g_autofree char *title = get_name (walk, window_path);

          if (g_strcmp0 (title, walk->window) == 0)
            walk_node (walk, window_path, "");
        }
    }
  else
    {
      /* A popover opened: it is a new child of its menu button. Reading again only the
       * children of buttons finds it, in a fraction of the time of the whole tree. */
      g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < walk->base->len; i++)
        g_hash_table_add (known, ((Node *) walk->base->pdata[i])->path);
      for (guint i = 0; i < walk->base->len; i++)
        {
          Node *button = walk->base->pdata[i];
          g_autoptr(GVariant) children = NULL;
          g_autoptr(GVariant) child_list = NULL;
          g_autofree char *where = NULL;
          GVariantIter children_iter;
          const char *child_name, *child_path;

          if (!g_str_equal (button->role, "button"))
            continue;
          children = call (walk, button->path, "org.a11y.atspi.Accessible", "GetChildren", NULL, "(a(so))");
          if (children == NULL)
            continue;
          child_list = g_variant_get_child_value (children, 0);
          where = g_strdup_printf ("%s > %s \"%s\"", button->where, button->role, button->name);
          g_variant_iter_init (&children_iter, child_list);
          while (g_variant_iter_next (&children_iter, "(&s&o)", &child_name, &child_path))
            if (!g_hash_table_contains (known, child_path))
              walk_node (walk, child_path, where);
        }
    }
  g_task_return_boolean (task, TRUE);
}

static void
walk_done (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  *(gboolean *) data = TRUE;
}

/* Every accessible object of @window, as the accessibility bus gives them; with @base, only
 * the popovers opened since @base was read. */
static GPtrArray *
read_tree (GtkWindow *window,
           GPtrArray *base)
{
  Walk walk = { NULL, NULL, g_ptr_array_new_with_free_func ((GDestroyNotify) node_free), base,
                gtk_window_get_title (window) };
  g_autoptr(GTask) task = NULL;
  gboolean done = FALSE;

  task = g_task_new (NULL, NULL, walk_done, &done);
  g_task_set_task_data (task, &walk, NULL);
  g_task_run_in_thread (task, walk_thread);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_clear_object (&walk.bus);
  g_free (walk.app);
  return walk.nodes;
}

/* Roles a person operates, that a screen reader must name. */
static gboolean
is_control (const char *role)
{
  static const char *controls[] = {
    "button", "checkbox", "combo box", "link", "menu item", "menu item checkbox", "menu item radio",
    "radio", "search box", "slider", "spin button", "switch", "tab", "text box", "tree grid",
  };

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    if (g_str_equal (role, controls[i]))
      return TRUE;
  return FALSE;
}

/* A mnemonic left in the name: "_Cancel", "Show _Identity" (an underscore starting a word), or
 * GTK 4.8's doubling of a button's label and its mnemonic label, "E_xport Export". */
static gboolean
has_mnemonic (const char *name)
{
  for (const char *p = strchr (name, '_'); p != NULL; p = strchr (p + 1, '_'))
    if (g_ascii_isalpha (p[1]) && (p == name || g_ascii_isspace (p[-1]) || g_ascii_ispunct (p[-1])))
      return TRUE;
  return FALSE;
}

/* "Cancel Cancel": the same words twice. */
static gboolean
repeats_itself (const char *name)
{
  gsize len = strlen (name);
  const char *middle = name + len / 2;

  if (len < 3 || len % 2 == 0 || *middle != ' ')
    return FALSE;
  return strncmp (name, middle + 1, len / 2) == 0;
}

/* What is wrong with what a screen reader says for @node, or NULL. */
static const char *
naming_fault (Node *node)
{
  g_autofree char *stripped = g_strstrip (g_strdup (node->name));

  if (is_control (node->role) && *stripped == '\0')
    return "unnamed";
  if (!is_control (node->role))
    return NULL;
  /* GTK 4.8 says the type's name for an object that has none. */
  if (g_type_from_name (stripped) != 0)
    return "named after its type";
  if (has_mnemonic (node->name))
    return "a mnemonic in its name";
  if (repeats_itself (node->name))
    return "its name said twice";
  return NULL;
}

/* An English name where the French catalogue has a translation: a string not passed through
 * gettext. Only meaningful when the interface is in French. */
static gboolean
left_in_english (Node *node)
{
  const char *translated;

  if (!g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "fr") || !is_control (node->role))
    return FALSE;
  translated = g_dgettext (GETTEXT_PACKAGE, node->name);
  return translated != node->name && g_strcmp0 (translated, node->name) != 0;
}

/* The faults of @nodes, one a line, added to @faults (once each); the number of controls read
 * in @n_controls. */
static void
add_naming_faults (GPtrArray  *nodes,
                   GString    *faults,
                   guint      *n_controls)
{
  for (guint i = 0; i < nodes->len; i++)
    {
      Node *node = g_ptr_array_index (nodes, i);
      const char *fault = naming_fault (node);

      if (fault == NULL && left_in_english (node))
        fault = "left in English";
      if (is_control (node->role))
        (*n_controls)++;
      if (fault != NULL)
        {
          g_autofree char *line = g_strdup_printf ("%s: %s \"%s\" in %s\n", fault, node->role, node->name, node->where);

          /* The same control, read again in another state, counts once. */
          if (strstr (faults->str, line) == NULL)
            g_string_append (faults, line);
        }
    }
}

static void
collect_menu_buttons (GtkWidget *widget,
                      GPtrArray *buttons)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      (gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget)) != NULL ||
       gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL))
    g_ptr_array_add (buttons, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_menu_buttons (child, buttons);
}

/* Lets GTK draw what just changed: a scroll, a popover. */
static void
settle (GtkWidget *widget)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
  gtk_test_widget_wait_for_draw (widget);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Scrolls every scrolled window above @widget so that it shows, as a person scrolls to it. */
static void
scroll_into_view (GtkWidget *widget)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_SCROLLED_WINDOW (w))
      {
        GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (w));
        graphene_point_t at;

        if (gtk_widget_compute_point (widget, w, &GRAPHENE_POINT_INIT (0, 0), &at))
          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + at.y -
                                                gtk_adjustment_get_page_size (adjustment) / 3);
        settle (w);
      }
}

/* Whether @widget lies whole inside @window, where a popover can point at it. */
static gboolean
on_screen (GtkWidget *widget,
           GtkWindow *window)
{
  graphene_point_t at;

  if (!gtk_widget_compute_point (widget, GTK_WIDGET (window), &GRAPHENE_POINT_INIT (0, 0), &at))
    return FALSE;
  return at.x >= 0 && at.y >= 0 &&
         at.x + gtk_widget_get_width (widget) <= gtk_widget_get_width (GTK_WIDGET (window)) &&
         at.y + gtk_widget_get_height (widget) <= gtk_widget_get_height (GTK_WIDGET (window));
}

/* Reads @window as it is, then each picker and menu of it opened, one at a time, as a person
 * opens them. With @sections, once for each section shown (the others' editors are read,
 * but their popovers open only when shown). */
static void
read_with_popovers (GtkWindow  *window,
                    GString    *faults,
                    guint      *n_controls,
                    const char * const *sections)
{
  g_autoptr(GPtrArray) base = read_tree (window, NULL);
  guint n_popover_nodes = 0, n_buttons = 0;

  g_assert_cmpuint (base->len, >, 1);
  add_naming_faults (base, faults, n_controls);
  for (guint s = 0; sections == NULL ? s < 1 : sections[s] != NULL; s++)
    {
      g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

      if (sections != NULL)
        {
          dossier_window_show_section (DOSSIER_WINDOW (window), sections[s]);
          dossier_test_wait_for_draw (GTK_WIDGET (window));
        }
      collect_menu_buttons (GTK_WIDGET (window), buttons);
      for (guint i = 0; i < buttons->len; i++)
        {
          GtkMenuButton *button = buttons->pdata[i];
          g_autoptr(GPtrArray) opened = NULL;

          /* Focused first, so that a scrolled editor brings it into view, as a person scrolls
           * to it: a popover cannot be placed for a button out of the screen. */
          gtk_widget_grab_focus (GTK_WIDGET (button));
          scroll_into_view (GTK_WIDGET (button));
          settle (GTK_WIDGET (window));
          if (!on_screen (GTK_WIDGET (button), window))
            {
              g_test_message ("not on screen: %s", gtk_widget_get_tooltip_text (GTK_WIDGET (button)));
              continue;
            }
          gtk_menu_button_popup (button);
          settle (GTK_WIDGET (window));
          opened = read_tree (window, base);
          n_popover_nodes += opened->len;
          add_naming_faults (opened, faults, n_controls);
          gtk_menu_button_popdown (button);
          settle (GTK_WIDGET (window));
        }
      n_buttons += buttons->len;
    }
  g_test_message ("%s: %u objects read, %u more in %u pickers and menus", gtk_window_get_title (window),
                  base->len, n_popover_nodes, n_buttons);
}

static GtkWindow *
new_toplevel (GList *before)
{
  g_autoptr(GList) now = gtk_window_list_toplevels ();

  for (GList *l = now; l != NULL; l = l->next)
    if (g_list_find (before, l->data) == NULL && gtk_widget_get_visible (l->data) &&
        !GTK_IS_TOOLTIP (l->data) && GTK_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* Opens what @action opens from @window, and returns it. */
static GtkWindow *
open_from (GtkWidget  *window,
           const char *action)
{
  g_autoptr(GList) before = gtk_window_list_toplevels ();
  GtkWindow *opened;

  g_assert_true (gtk_widget_activate_action (window, action, NULL));
  dossier_test_wait_for_draw (window);
  opened = new_toplevel (before);
  g_assert_nonnull (opened);
  dossier_test_wait_for_draw (GTK_WIDGET (opened));
  return opened;
}

static void
test_every_control_named (void)
{
  static const struct { const char *section; GType (*get_type) (void); const char *table; } records[] = {
    { "incidents", dossier_incident_get_type, "incident" }, { "people", dossier_person_get_type, "person" },
    { "testimonies", dossier_testimony_get_type, "testimony" }, { "evidence", dossier_evidence_get_type, "evidence" },
    { "actors", dossier_actor_get_type, "actor" },
  };
  static const char * const sections[] = { "overview", "incidents", "people", "testimonies", "evidence", "actors", NULL };
  DossierWindow *window = dossier_test_open_demo ("a11y.dossier", "overview");
  DossierStore *store = dossier_window_get_store (window);
  g_autoptr(GString) faults = g_string_new (NULL);
  GtkWindow *coder, *export, *preferences;
  guint n_controls = 0;

  /* Each section with its first record open in the editor, and the search with hits. */
  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s ORDER BY code LIMIT 1", records[i].table);

      dossier_window_show_section (window, records[i].section);
      dossier_window_open_record (window, records[i].get_type (), dossier_test_query_int (store, sql, NULL));
      dossier_test_wait_for_draw (GTK_WIDGET (window));
    }
  dossier_window_search (window, "Moura");
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  read_with_popovers (GTK_WINDOW (window), faults, &n_controls, sections);

  /* The windows it opens. */
  coder = open_from (GTK_WIDGET (window), "win.index-testimonies");
  read_with_popovers (coder, faults, &n_controls, NULL);
  gtk_window_destroy (coder);
  export = open_from (GTK_WIDGET (window), "win.export");
  read_with_popovers (export, faults, &n_controls, NULL);
  gtk_window_destroy (export);
  preferences = GTK_WINDOW (dossier_preferences_window_new (GTK_WINDOW (window)));
  gtk_window_present (preferences);
  dossier_test_wait_for_draw (GTK_WIDGET (preferences));
  read_with_popovers (preferences, faults, &n_controls, NULL);
  gtk_window_destroy (preferences);
  /* The keyboard shortcuts window is the application's: /craft/19 reads it. */

  g_test_message ("%u controls read", n_controls);
  if (faults->len > 0)
    g_test_message ("%s", faults->str);
  g_assert_cmpuint (n_controls, >, 100);
  g_assert_cmpstr (faults->str, ==, "");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- /craft/19: the keyboard shortcuts window lists every key the app answers ---- */

/* A key as the shortcuts window and the handlers are compared: lower case, the keypad's keys
 * as the main ones, and Shift only where it changes a letter (a symbol's Shift is part of
 * the symbol on one layout and not on another). */
static char *
key_name (guint           keyval,
          GdkModifierType mods)
{
  static const struct { guint from, to; } same[] = {
    { GDK_KEY_KP_Add, GDK_KEY_plus }, { GDK_KEY_KP_Subtract, GDK_KEY_minus },
    /* "=" is the unshifted key of "+" on both QWERTY and AZERTY keyboards. */
    { GDK_KEY_equal, GDK_KEY_plus },
    { GDK_KEY_KP_Left, GDK_KEY_Left }, { GDK_KEY_KP_Right, GDK_KEY_Right },
    { GDK_KEY_KP_Up, GDK_KEY_Up }, { GDK_KEY_KP_Down, GDK_KEY_Down },
    { GDK_KEY_KP_Enter, GDK_KEY_Return }, { GDK_KEY_KP_Home, GDK_KEY_Home },
  };

  keyval = gdk_keyval_to_lower (keyval);
  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    if (keyval == same[i].from)
      keyval = same[i].to;
  mods &= GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK;
  if (!(keyval >= GDK_KEY_a && keyval <= GDK_KEY_z))
    mods &= ~GDK_SHIFT_MASK;
  return gtk_accelerator_name (keyval, mods);
}

/* Every alternative of an accelerator string, "bracketright Page_Down", into @keys. */
static void
add_accelerators (GHashTable *keys,
                  const char *accelerators,
                  const char *what)
{
  g_auto(GStrv) alternatives = g_strsplit (accelerators ? accelerators : "", " ", -1);

  for (guint i = 0; alternatives[i]; i++)
    {
      guint keyval;
      GdkModifierType mods;

      if (*alternatives[i] == '\0')
        continue;
      g_assert_true (gtk_accelerator_parse (alternatives[i], &keyval, &mods));
      g_hash_table_insert (keys, key_name (keyval, mods), g_strdup (what));
    }
}

/* What the shortcuts window lists. */
static void
collect_listed (GtkWidget      *widget,
                GtkApplication *app,
                GHashTable     *listed)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *action = NULL;
      g_autofree char *title = NULL;

      g_object_get (widget, "accelerator", &accelerator, "action-name", &action, "title", &title, NULL);
      /* The window shows an action's keys as the application knows them. */
      if (action != NULL)
        {
          g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, action);

          for (guint i = 0; accels[i]; i++)
            add_accelerators (listed, accels[i], title);
        }
      add_accelerators (listed, accelerator, title);
      g_assert_cmpstr (title, !=, "");
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_listed (child, app, listed);
}

/* An action installed by one of the app's own widget classes. */
static gboolean
is_own_action (GtkWidget  *widget,
               const char *name)
{
  GType owner;
  const char *action, *property;
  const GVariantType *parameter;

  for (guint i = 0; gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (widget), i, &owner, &action, &parameter, &property); i++)
    if (g_str_equal (action, name))
      return g_str_has_prefix (g_type_name (owner), "Dossier");
  return FALSE;
}

/* The Dossier widgets at or above @widget: whose key handlers are the app's own. */
static gboolean
handler_is_own (GObject   *controller,
                guint      signal_id,
                GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (g_str_has_prefix (G_OBJECT_TYPE_NAME (w), "Dossier") &&
        g_signal_handler_find (controller, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_DATA, signal_id, 0, NULL, NULL, w) != 0)
      return TRUE;
  return FALSE;
}

/* Keys a person may press in a pane. */
static void
probe_keys (GtkEventController *controller,
            GHashTable         *handled,
            const char         *where)
{
  static const guint named[] = {
    GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_Escape, GDK_KEY_Delete, GDK_KEY_BackSpace, GDK_KEY_Tab,
    GDK_KEY_Home, GDK_KEY_End, GDK_KEY_Page_Up, GDK_KEY_Page_Down, GDK_KEY_Left, GDK_KEY_Right,
    GDK_KEY_Up, GDK_KEY_Down, GDK_KEY_KP_Add, GDK_KEY_KP_Subtract, GDK_KEY_KP_Left, GDK_KEY_KP_Right,
    GDK_KEY_Insert, GDK_KEY_F1, GDK_KEY_F2, GDK_KEY_F3, GDK_KEY_F5, GDK_KEY_F6, GDK_KEY_F10, GDK_KEY_F11,
  };
  g_autoptr(GArray) keyvals = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint signal_id = g_signal_lookup ("key-pressed", GTK_TYPE_EVENT_CONTROLLER_KEY);
  guint n_letters = 0;
  GHashTableIter iter;
  gpointer key;

  for (guint k = GDK_KEY_space; k <= GDK_KEY_asciitilde; k++)
    g_array_append_val (keyvals, k);
  g_array_append_vals (keyvals, named, G_N_ELEMENTS (named));
  /* Twice: Enter opens what [ or ] marked on the map. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < keyvals->len; i++)
      for (guint m = 0; m < 2; m++)
        {
          guint keyval = g_array_index (keyvals, guint, i);
          GdkModifierType mods = m ? GDK_SHIFT_MASK : 0;
          gboolean done = FALSE;

          /* With Shift, a letter comes as a capital, as GDK gives it. */
          if (mods && keyval >= GDK_KEY_a && keyval <= GDK_KEY_z)
            keyval = gdk_keyval_to_upper (keyval);
          else if (mods)
            continue;
          g_signal_emit (controller, signal_id, 0, keyval, 0, mods, &done);
          if (done)
            g_hash_table_add (found, key_name (keyval, mods));
        }
  /* A handler that takes every letter starts a search by typing: not a shortcut. */
  for (guint k = GDK_KEY_a; k <= GDK_KEY_z; k++)
    {
      g_autofree char *name = key_name (k, 0);

      n_letters += g_hash_table_contains (found, name);
    }
  if (n_letters == 26)
    {
      g_test_message ("%s: typing searches", where);
      return;
    }
  g_hash_table_iter_init (&iter, found);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (handled, key))
      g_hash_table_insert (handled, g_strdup (key), g_strdup (where));
}

/* Every key the app's own code answers below @widget: its classes' bindings, its shortcut
 * controllers and its key handlers (probed). */
static void
collect_handled (GtkWidget  *widget,
                 GHashTable *handled)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  const char *where = G_OBJECT_TYPE_NAME (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller))
        for (guint s = 0; s < g_list_model_get_n_items (G_LIST_MODEL (controller)); s++)
          {
            g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), s);
            GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
            GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
            gboolean own;

            if (!GTK_IS_KEYVAL_TRIGGER (trigger))
              continue;
            /* Bindings of the app's classes name their action; a controller the app added
             * itself (Delete on a list) has no name, unlike GTK's own. */
            if (GTK_IS_NAMED_ACTION (action))
              own = is_own_action (widget, gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
            else
              own = gtk_event_controller_get_name (controller) == NULL && GTK_IS_CALLBACK_ACTION (action);
            if (own)
              g_hash_table_insert (handled,
                                   key_name (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                             gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))),
                                   g_strdup (where));
          }
      else if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
               handler_is_own (G_OBJECT (controller), g_signal_lookup ("key-pressed", GTK_TYPE_EVENT_CONTROLLER_KEY), widget))
        probe_keys (controller, handled, where);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_handled (child, handled);
}

typedef struct
{
  char    *path;
  gboolean done;
} ShortcutsCase;

static gboolean
check_shortcuts (gpointer data)
{
  ShortcutsCase *c = data;
  GtkApplication *app = GTK_APPLICATION (g_application_get_default ());
  GtkWindow *window = gtk_application_get_active_window (app);
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) handled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GString) missing = g_string_new (NULL);
  g_auto(GStrv) actions = NULL;
  GtkShortcutsWindow *overlay;
  GtkWindow *coder, *export;
  GtkWidget *map;
  GHashTableIter iter;
  gpointer key, value;

  if (!DOSSIER_IS_WINDOW (window) || dossier_window_get_store (DOSSIER_WINDOW (window)) == NULL)
    return G_SOURCE_CONTINUE;
  dossier_window_show_section (DOSSIER_WINDOW (window), "incidents");
  dossier_test_wait_for_draw (GTK_WIDGET (window));

  /* What the window lists, titled as a window. */
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (overlay)), ==, C_("shortcut window", "Keyboard Shortcuts"));
  collect_listed (GTK_WIDGET (overlay), app, listed);

  /* Every accelerator of the application. */
  actions = gtk_application_list_action_descriptions (app);
  g_assert_nonnull (actions[0]);
  for (guint i = 0; actions[i]; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, actions[i]);

      for (guint a = 0; accels[a]; a++)
        add_accelerators (handled, accels[a], actions[i]);
    }
  /* The main window, the map waiting for a click too, the indexing and export windows. */
  collect_handled (GTK_WIDGET (window), handled);
  map = dossier_window_get_map (DOSSIER_WINDOW (window));
  dossier_map_pane_begin_pick (DOSSIER_MAP_PANE (map));
  collect_handled (GTK_WIDGET (window), handled);
  dossier_map_pane_cancel_pick (DOSSIER_MAP_PANE (map));
  coder = open_from (GTK_WIDGET (window), "win.index-testimonies");
  collect_handled (GTK_WIDGET (coder), handled);
  gtk_window_destroy (coder);
  export = open_from (GTK_WIDGET (window), "win.export");
  collect_handled (GTK_WIDGET (export), handled);
  gtk_window_destroy (export);

  g_hash_table_iter_init (&iter, handled);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_test_message ("%s (%s) %s", (char *) key, (char *) value, g_hash_table_contains (listed, key) ? "listed" : "MISSING");
      if (!g_hash_table_contains (listed, key))
        g_string_append_printf (missing, "%s (%s)\n", (char *) key, (char *) value);
    }
  g_assert_cmpuint (g_hash_table_size (handled), >=, 20);
  g_assert_cmpstr (missing->str, ==, "");

  /* Orca hears every control of it by name (/craft/18). */
  gtk_window_present (GTK_WINDOW (overlay));
  dossier_test_wait_for_draw (GTK_WIDGET (overlay));
  {
    g_autoptr(GString) faults = g_string_new (NULL);
    guint n_controls = 0;

    read_with_popovers (GTK_WINDOW (overlay), faults, &n_controls, NULL);
    g_assert_cmpuint (n_controls, >, 3);
    g_assert_cmpstr (faults->str, ==, "");
  }
  /* Screenshots, to look at it in both languages. */
  dossier_test_screenshot (GTK_WIDGET (overlay), g_getenv ("LANGUAGE") ? "shortcuts-fr.png" : "shortcuts-en.png");
  gtk_window_close (GTK_WINDOW (overlay));
  c->done = TRUE;
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

static void
test_shortcuts_window_complete (void)
{
  ShortcutsCase c = { dossier_test_tmp_path ("shortcuts.dossier"), FALSE };
  g_autoptr(DossierApplication) app = dossier_application_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) demo = dossier_demo_create (c.path, &error);
  char *argv[] = { (char *) "dossier", c.path, NULL };

  g_assert_no_error (error);
  g_clear_object (&demo);
  /* Not unique on the bus: display tests run side by side. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_timeout_add (300, check_shortcuts, &c);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 2, argv), ==, 0);
  g_assert_true (c.done);
  g_free (c.path);
}

int
main (int   argc,
      char *argv[])
{
  dossier_test_display_init (&argc, &argv);

  g_test_add_func ("/craft/18-every-control-named", test_every_control_named);
  g_test_add_func ("/craft/19-shortcuts-window-complete", test_shortcuts_window_complete);
  return g_test_run ();
}
