/* editors-test-util.h: what the editors' display tests share (test-editors*.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-editor.h"
#include "dossier-window.h"

G_BEGIN_DECLS

/* A window on a fresh demo dossier of its own, 1400×900, showing the incidents. */
typedef struct {
  char          *path;
  DossierWindow *window;
  DossierStore  *store;
  char          *lang;
} Fixture;

void            fixture_set_up        (Fixture       *f,
                                       gconstpointer  data);
void            fixture_tear_down     (Fixture       *f,
                                       gconstpointer  data);
DossierEditor  *open_code             (Fixture       *f,
                                       const char    *section,
                                       const char    *code);
gpointer        stored                (Fixture       *f,
                                       GType          type,
                                       const char    *code);

void            wait_until            (gboolean     (*done) (gpointer data),
                                       gpointer       data,
                                       guint          seconds,
                                       const char    *what);
void            wait_ms               (guint          ms);
GtkWidget      *find_toplevel         (GType          type,
                                       GtkWidget     *except);
GtkWidget      *wait_for_file_chooser (void);
GtkWidget      *find_mapped           (GtkWidget     *widget,
                                       GType          type);
void            click                 (GtkWidget     *widget);
void            visible_extent        (GtkWidget     *widget,
                                       GtkWidget     *scrolled,
                                       double        *top,
                                       double        *bottom);
void            scroll_near           (GtkWidget     *widget);
void            scroll_to             (GtkWidget     *widget);
DossierWindow  *open_window           (const char    *path,
                                       int            width,
                                       int            height);

G_END_DECLS
