/* test-lists.c: the incidents list's computed columns, and searching off the UI thread
 * (display test)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "dossier-actor.h"
#include "dossier-restore.h"
#include "dossier-application.h"
#include "dossier-demo.h"
#include "dossier-incident.h"
#include "dossier-link.h"
#include "dossier-record-list.h"
#include "dossier-search.h"
#include "dossier-search-page.h"
#include "dossier-test-display.h"
#include "dossier-test-util.h"
#include "dossier-testimony.h"
#include "dossier-store-private.h" /* tests look at the file underneath */
#include "dossier-incident-private.h" /* white-box */
#include "dossier-actor-private.h" /* white-box */

static char *demo_path;

enum { COL_CODE, COL_VIOLATIONS, COL_VICTIMS, COL_PERPETRATORS, N_COLS };

static const DossierListColumn columns[N_COLS] = {
  { N_("Code"), "code", DOSSIER_COLUMN_TEXT, 10 },
  { N_("Violations"), "violation_types", DOSSIER_COLUMN_VIOLATIONS, 24 },
  { N_("Victims"), "casualties", DOSSIER_COLUMN_VICTIMS, 8 },
  { N_("Alleged perpetrators"), "alleged_perpetrators", DOSSIER_COLUMN_PERPETRATORS, 20 },
};

static void
set (char       **field,
     const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static DossierActor *
add_actor (DossierStore *store,
           const char   *name,
           const char   *acronym)
{
  g_autoptr(GError) error = NULL;
  DossierActor *actor = dossier_actor_new ();

  set (&actor->name, name);
  set (&actor->acronym, acronym);
  g_assert_true (dossier_store_insert (store, DOSSIER_RECORD (actor), &error));
  g_assert_no_error (error);
  return actor;
}

static void
link_actor (DossierStore    *store,
            DossierIncident *incident,
            DossierActor    *actor,
            const char      *role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierLink) link = dossier_store_link (store, DOSSIER_LINK_INCIDENT_ACTOR,
                                                    dossier_record_get_id (DOSSIER_RECORD (incident)),
                                                    dossier_record_get_id (DOSSIER_RECORD (actor)), role, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (link);
}

static char *
cell (DossierRecordList *list,
      guint              position,
      guint              column)
{
  g_autoptr(DossierRecord) record = g_list_model_get_item (G_LIST_MODEL (dossier_record_list_get_model (list)), position);

  g_assert_nonnull (record);
  return dossier_record_list_cell_text (list, record, column);
}

static void
assert_cell (DossierRecordList *list,
             guint              position,
             guint              column,
             const char        *expected)
{
  g_autofree char *text = cell (list, position, column);

  g_assert_cmpstr (text, ==, expected);
}

static GtkWidget *
find_inscription (GtkWidget  *widget,
                  const char *text)
{
  if (GTK_IS_INSCRIPTION (widget) && g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_inscription (child, text);
      if (found)
        return found;
    }
  return NULL;
}

static void
test_incident_columns (void)
{
  g_autoptr(DossierStore) store = dossier_test_new_store ("lists.dossier");
  g_autoptr(DossierActor) fama = add_actor (store, "Forces armées maliennes", "FAMa");
  g_autoptr(DossierActor) unnamed = add_actor (store, "Groupe armé sans sigle", "");
  g_autoptr(DossierActor) target = add_actor (store, "Milice d’autodéfense", "MAD");
  g_autoptr(DossierIncident) first = dossier_incident_new ();
  g_autoptr(DossierIncident) second = dossier_incident_new ();
  g_autoptr(GError) error = NULL;
  DossierRecordList *en, *fr;
  GtkWidget *window;

  /* Stored in code order: abduction, then summary-execution. */
  g_strfreev (first->violation_types);
  first->violation_types = g_strsplit ("summary-execution abduction", " ", -1);
  first->casualties[dossier_casualty_category_index ("killed")][dossier_casualty_group_index ("men")] = 3;
  first->casualties[dossier_casualty_category_index ("injured")][dossier_casualty_group_index ("women")] = 2;
  first->casualties[dossier_casualty_category_index ("abducted")][dossier_casualty_group_index ("boys")] = 1;
  g_assert_true (dossier_store_insert (store, DOSSIER_RECORD (first), &error));
  g_assert_no_error (error);
  g_assert_true (dossier_store_insert (store, DOSSIER_RECORD (second), &error));
  g_assert_no_error (error);
  /* Linked in this order; the militia is a target, not a perpetrator. */
  link_actor (store, first, fama, DOSSIER_ROLE_ALLEGED_PERPETRATOR);
  link_actor (store, first, target, "target");
  link_actor (store, first, unnamed, DOSSIER_ROLE_ALLEGED_PERPETRATOR);

  en = DOSSIER_RECORD_LIST (g_object_ref_sink (dossier_record_list_new (store, DOSSIER_TYPE_INCIDENT, columns, N_COLS, "en")));
  fr = DOSSIER_RECORD_LIST (g_object_ref_sink (dossier_record_list_new (store, DOSSIER_TYPE_INCIDENT, columns, N_COLS, "fr")));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (dossier_record_list_get_model (en))), ==, 2);

  assert_cell (en, 0, COL_CODE, "INC-0001");
  assert_cell (en, 0, COL_VIOLATIONS, "Abduction and kidnapping, Summary or extrajudicial execution");
  assert_cell (fr, 0, COL_VIOLATIONS, "Enlèvement et séquestration, Exécution sommaire ou extrajudiciaire");
  /* 3 killed + 2 injured + 1 abducted. */
  assert_cell (en, 0, COL_VICTIMS, "6");
  assert_cell (fr, 0, COL_VICTIMS, "6");
  /* By acronym, else by name; the target is left out. */
  assert_cell (en, 0, COL_PERPETRATORS, "FAMa, Groupe armé sans sigle");
  assert_cell (fr, 0, COL_PERPETRATORS, "FAMa, Groupe armé sans sigle");

  /* Nothing known: empty cells, not “0”. */
  assert_cell (en, 1, COL_CODE, "INC-0002");
  assert_cell (en, 1, COL_VIOLATIONS, "");
  assert_cell (en, 1, COL_VICTIMS, "");
  assert_cell (en, 1, COL_PERPETRATORS, "");

  /* Computed columns cannot be sorted: their headers have no sorter. */
  {
    GListModel *view_columns = gtk_column_view_get_columns (dossier_record_list_get_view (en));

    for (guint i = 0; i < N_COLS; i++)
      {
        g_autoptr(GtkColumnViewColumn) c = g_list_model_get_item (view_columns, i);

        if (i == COL_CODE)
          g_assert_nonnull (gtk_column_view_column_get_sorter (c));
        else
          g_assert_null (gtk_column_view_column_get_sorter (c));
      }
  }

  /* The rows on screen show the names, in full in the tooltip (asked for when hovered). */
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 400);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (en));
  gtk_window_present (GTK_WINDOW (window));
  dossier_test_wait_for_draw (window);
  {
    GtkWidget *shown = find_inscription (window, "FAMa, Groupe armé sans sigle");

    g_assert_nonnull (shown);
    g_assert_true (gtk_widget_get_mapped (shown));
    g_assert_true (gtk_widget_get_has_tooltip (shown));
    g_assert_cmpstr (gtk_inscription_get_text (GTK_INSCRIPTION (shown)), ==, "FAMa, Groupe armé sans sigle");
  }
  dossier_test_screenshot (window, "lists-incidents.png");

  /* Names are cached: a change the list is not told about does not show... */
  set (&fama->acronym, "FAMA-RENAMED");
  g_assert_true (dossier_store_update (store, DOSSIER_RECORD (fama), &error));
  g_assert_no_error (error);
  assert_cell (en, 0, COL_PERPETRATORS, "FAMa, Groupe armé sans sigle");
  /* ...until the model reads its rows again. */
  dossier_record_list_model_reload (dossier_record_list_get_model (en));
  assert_cell (en, 0, COL_PERPETRATORS, "FAMA-RENAMED, Groupe armé sans sigle");
  /* The rows bound again after the reload show the new names, not the cached ones. */
  dossier_test_wait_for_draw (window);
  g_assert_nonnull (find_inscription (window, "FAMA-RENAMED, Groupe armé sans sigle"));
  g_assert_null (find_inscription (window, "FAMa, Groupe armé sans sigle"));

  /* Reading one row again (after an edit) forgets the names too. */
  link_actor (store, second, target, DOSSIER_ROLE_ALLEGED_PERPETRATOR);
  assert_cell (en, 1, COL_PERPETRATORS, "");
  {
    g_autoptr(DossierRecord) row = g_list_model_get_item (G_LIST_MODEL (dossier_record_list_get_model (en)), 1);

    g_assert_cmpint (dossier_record_list_model_refresh (dossier_record_list_get_model (en), row), ==, 1);
  }
  assert_cell (en, 1, COL_PERPETRATORS, "MAD");
  /* The other list still has its own cache. */
  assert_cell (fr, 0, COL_PERPETRATORS, "FAMa, Groupe armé sans sigle");

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (en);
  g_object_unref (fr);
}

/* The core of the alleged perpetrators' column. */
static void
test_alleged_perpetrators (void)
{
  g_autoptr(DossierStore) store = dossier_test_new_store ("perpetrators.dossier");
  g_autoptr(DossierActor) nameless = add_actor (store, "", "");
  g_autoptr(DossierActor) named = add_actor (store, "Groupe armé\nnon identifié", " ");
  g_autoptr(DossierIncident) incident = dossier_incident_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  g_assert_true (dossier_store_insert (store, DOSSIER_RECORD (incident), &error));
  g_assert_no_error (error);
  names = dossier_store_alleged_perpetrators (store, dossier_record_get_id (DOSSIER_RECORD (incident)), &error);
  g_assert_no_error (error);
  g_assert_nonnull (names);
  g_assert_cmpuint (g_strv_length (names), ==, 0);
  g_clear_pointer (&names, g_strfreev);

  link_actor (store, incident, nameless, DOSSIER_ROLE_ALLEGED_PERPETRATOR);
  link_actor (store, incident, named, DOSSIER_ROLE_ALLEGED_PERPETRATOR);
  names = dossier_store_alleged_perpetrators (store, dossier_record_get_id (DOSSIER_RECORD (incident)), &error);
  g_assert_no_error (error);
  /* Without acronym nor name, the code; a blank acronym does not count. */
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, dossier_record_get_code (DOSSIER_RECORD (nameless)));
  g_assert_cmpstr (names[1], ==, "Groupe armé\nnon identifié");

  /* The list keeps a cell on one line. */
  {
    static const DossierListColumn only[] = {
      { N_("Alleged perpetrators"), "alleged_perpetrators", DOSSIER_COLUMN_PERPETRATORS, 0 },
    };
    g_autoptr(GtkWidget) list = g_object_ref_sink (dossier_record_list_new (store, DOSSIER_TYPE_INCIDENT, only, 1, "en"));
    g_autofree char *text = dossier_record_list_cell_text (DOSSIER_RECORD_LIST (list), DOSSIER_RECORD (incident), 0);
    g_autofree char *expected = g_strdup_printf ("%s, Groupe armé non identifié", dossier_record_get_code (DOSSIER_RECORD (nameless)));

    g_assert_cmpstr (text, ==, expected);
  }
}

/* ---------------------------------------------------------------- search */

typedef struct {
  guint  n_finished;
  char  *text;
  guint  n_hits;
  guint  n_activated;
  char  *activated_code;
} Watch;

static void
on_finished (DossierSearchPage *page,
             const char        *text,
             guint              n_hits,
             Watch             *watch)
{
  /* Emitted once the page is idle, with the hits shown. */
  g_assert_false (dossier_search_page_is_busy (page));
  watch->n_finished++;
  g_free (watch->text);
  watch->text = g_strdup (text);
  watch->n_hits = n_hits;
}

static void
on_hit_activated (DossierSearchPage *page,
                  const char        *kind,
                  const char        *code,
                  Watch             *watch)
{
  watch->n_activated++;
  g_free (watch->activated_code);
  watch->activated_code = g_strdup (code);
}


/* The codes of the hits shown, as the user reads them on the rows, sorted. */
static GStrv
shown_codes (DossierSearchPage *page)
{
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  GtkListBox *list = GTK_LIST_BOX (dossier_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_LIST_BOX));
  GtkListBoxRow *row;
  GStrv result;

  g_assert_nonnull (list);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      /* The first label of a row is its code. */
      GtkWidget *label = dossier_test_find_descendant (GTK_WIDGET (row), GTK_TYPE_LABEL);

      g_assert_nonnull (label);
      g_strv_builder_add (codes, gtk_label_get_text (GTK_LABEL (label)));
    }
  result = g_strv_builder_end (codes);
  qsort (result, g_strv_length (result), sizeof (char *), dossier_compare_strings);
  return result;
}

/* The codes the core finds for @text, sorted. */
static GStrv
expected_codes (DossierStore *store,
                const char   *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = dossier_store_search (store, text, "fr", 60, &error);
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  GStrv result;

  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    g_strv_builder_add (codes, ((DossierSearchHit *) hits->pdata[i])->code);
  result = g_strv_builder_end (codes);
  qsort (result, g_strv_length (result), sizeof (char *), dossier_compare_strings);
  return result;
}

static void
test_search_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = dossier_store_open (demo_path, DOSSIER_STORE_OPEN_DEFAULT, &error);
  g_auto(GStrv) segou = NULL;
  g_auto(GStrv) tounu = NULL;
  Watch watch = { 0 };
  DossierSearchPage *page;
  GtkWidget *window, *spinner;

  g_assert_no_error (error);
  segou = expected_codes (store, "segou");
  tounu = expected_codes (store, "tounu");
  /* Two searches whose hits can be told apart. */
  g_assert_cmpuint (g_strv_length (segou), >=, 2);
  g_assert_cmpuint (g_strv_length (tounu), >=, 1);
  g_assert_false (g_strv_equal ((const char * const *) segou, (const char * const *) tounu));

  page = DOSSIER_SEARCH_PAGE (dossier_search_page_new (store, "fr"));
  g_signal_connect (page, "finished", G_CALLBACK (on_finished), &watch);
  g_signal_connect (page, "hit-activated", G_CALLBACK (on_hit_activated), &watch);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  dossier_test_wait_for_draw (window);
  spinner = dossier_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_SPINNER);
  g_assert_nonnull (spinner);
  g_assert_false (gtk_widget_get_visible (spinner));
  g_assert_false (dossier_search_page_is_busy (page));

  /* Typing starts a search and returns at once; a spinner turns until the hits show. */
  dossier_search_page_search (page, "segou");
  g_assert_true (dossier_search_page_is_busy (page));
  g_assert_true (gtk_widget_get_visible (spinner));
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  g_assert_cmpuint (watch.n_finished, ==, 0);
  dossier_test_wait_for_search (page);
  g_assert_cmpuint (watch.n_finished, ==, 1);
  g_assert_cmpstr (watch.text, ==, "segou");
  g_assert_cmpuint (watch.n_hits, ==, g_strv_length (segou));
  g_assert_false (gtk_widget_get_visible (spinner));
  g_assert_cmpuint (dossier_search_page_count_kind (page, "incident"), >=, 1);
  g_assert_cmpuint (dossier_search_page_count_kind (page, "testimony"), >=, 1);
  {
    g_auto(GStrv) shown = shown_codes (page);
    g_assert_true (g_strv_equal ((const char * const *) shown, (const char * const *) segou));
  }
  dossier_test_wait_for_draw (window);
  dossier_test_screenshot (window, "search-page.png");

  /* Two texts typed in a row: only the second one's hits are ever shown. The first
   * search cannot have been shown in between, the main loop not having run. */
  dossier_search_page_search (page, "tounu temoin*");
  dossier_search_page_search (page, "tounu");
  g_assert_true (dossier_search_page_is_busy (page));
  dossier_test_wait_for_search (page);
  g_assert_cmpuint (watch.n_finished, ==, 2);
  g_assert_cmpstr (watch.text, ==, "tounu");
  g_assert_cmpuint (watch.n_hits, ==, g_strv_length (tounu));
  {
    g_auto(GStrv) shown = shown_codes (page);
    g_assert_true (g_strv_equal ((const char * const *) shown, (const char * const *) tounu));
  }

  /* Nothing found: the empty state, and no row left from before. */
  dossier_search_page_search (page, "zzzzqqq");
  dossier_test_wait_for_search (page);
  g_assert_cmpuint (watch.n_finished, ==, 3);
  g_assert_cmpuint (watch.n_hits, ==, 0);
  {
    g_auto(GStrv) shown = shown_codes (page);
    g_assert_cmpuint (g_strv_length (shown), ==, 0);
  }

  /* Enter pressed while searching opens the first hit of the new text, once found. */
  dossier_search_page_search (page, "segou");
  dossier_search_page_activate_first (page);
  g_assert_cmpuint (watch.n_activated, ==, 0);
  dossier_test_wait_for_search (page);
  g_assert_cmpuint (watch.n_activated, ==, 1);
  {
    GtkListBox *list = GTK_LIST_BOX (dossier_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_LIST_BOX));
    GtkWidget *label = dossier_test_find_descendant (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)), GTK_TYPE_LABEL);

    g_assert_cmpstr (watch.activated_code, ==, gtk_label_get_text (GTK_LABEL (label)));
  }
  dossier_test_wait_for_draw (window);

  /* Closed while searching: the search stops and lets the page go. */
  {
    gboolean timed_out = FALSE;
    guint timeout;

    g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
    dossier_search_page_search (page, "mopti");
    gtk_window_destroy (GTK_WINDOW (window));
    timeout = g_timeout_add_seconds (10, dossier_test_set_flag, &timed_out);
    while (page != NULL && !timed_out)
      g_main_context_iteration (NULL, TRUE);
    g_assert_null (page);
    g_source_remove (timeout);
  }
  g_assert_cmpuint (watch.n_finished, ==, 4);

  g_free (watch.text);
  g_free (watch.activated_code);
}

/* The search page's own connection: opened without reading the whole file again, and a
 * cancelled search says so. */
static void
test_search_connection (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) reader = dossier_store_open (demo_path, DOSSIER_STORE_OPEN_READ_ONLY | DOSSIER_STORE_OPEN_NO_CHECK, &error);
  g_autoptr(DossierStore) checked = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) hits = NULL;

  g_assert_no_error (error);
  g_assert_true (dossier_store_is_read_only (reader));
  g_assert_false (dossier_store_is_checked (reader));
  checked = dossier_store_open (demo_path, DOSSIER_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_store_is_checked (checked));

  hits = dossier_store_search_cancellable (reader, "segou", "fr", 20, cancellable, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, >=, 2);
  g_clear_pointer (&hits, g_ptr_array_unref);

  g_cancellable_cancel (cancellable);
  hits = dossier_store_search_cancellable (reader, "segou", "fr", 20, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (hits);
  g_clear_error (&error);

  /* The connection still works afterwards. */
  hits = dossier_store_search_cancellable (reader, "segou", "fr", 20, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, >=, 2);
}

static DossierRecord *
insert_new (DossierStore *store,
            GType         type,
            const char   *code)
{
  g_autoptr(GError) error = NULL;
  DossierRecord *record = g_object_new (type, NULL);

  dossier_record_set_code (record, code);
  g_assert_true (dossier_store_insert (store, record, &error));
  g_assert_no_error (error);
  return record;
}

/* The codes of a list's rows, in order, joined by spaces. */
static char *
list_codes (DossierRecordList *list)
{
  GListModel *model = G_LIST_MODEL (dossier_record_list_get_model (list));
  GString *codes = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DossierRecord) record = g_list_model_get_item (model, i);

      g_string_append_printf (codes, "%s%s", i > 0 ? " " : "", dossier_record_get_code (record));
    }
  return g_string_free (codes, FALSE);
}

static GtkWidget *
show_in_window (DossierRecordList *list)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 400);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (list));
  gtk_window_present (GTK_WINDOW (window));
  dossier_test_wait_for_draw (window);
  return window;
}

/* Codes sort by their number, as far as 10,000 and beyond, and whatever their width:
 * INC-9999 before INC-10000, and a five-digit testimony code of an older dossier among the
 * four-digit ones that every kind now gets. */
static void
test_codes_sort_by_number (void)
{
  g_autoptr(DossierStore) store = dossier_test_new_store ("codes.dossier");
  g_autoptr(GError) error = NULL;
  static const DossierListColumn code_only[] = { { N_("Code"), "code", DOSSIER_COLUMN_TEXT, 10 } };
  DossierRecordList *incidents, *testimonies;
  GtkWidget *window;
  g_autofree char *order = NULL;

  g_object_unref (insert_new (store, DOSSIER_TYPE_INCIDENT, NULL));
  g_assert_true (dossier_restore_set_code_counter (store, "INC", 9998, &error));
  g_assert_no_error (error);
  for (int i = 0; i < 3; i++)
    g_object_unref (insert_new (store, DOSSIER_TYPE_INCIDENT, NULL));

  /* Testimonies made now have four digits, as incidents do; one imported from an older
   * dossier keeps its five. */
  {
    g_autoptr(DossierRecord) made = insert_new (store, DOSSIER_TYPE_TESTIMONY, NULL);

    g_assert_cmpstr (dossier_record_get_code (made), ==, "TES-0001");
  }
  g_object_unref (insert_new (store, DOSSIER_TYPE_TESTIMONY, "TES-00012"));
  g_object_unref (insert_new (store, DOSSIER_TYPE_TESTIMONY, "TES-0002"));
  g_assert_true (dossier_restore_set_code_counter (store, "TES", 13, &error));
  g_object_unref (insert_new (store, DOSSIER_TYPE_TESTIMONY, NULL));

  incidents = DOSSIER_RECORD_LIST (dossier_record_list_new (store, DOSSIER_TYPE_INCIDENT, code_only, 1, "en"));
  window = show_in_window (incidents);
  order = list_codes (incidents);
  g_assert_cmpstr (order, ==, "INC-0001 INC-9998 INC-9999 INC-10000");
  g_clear_pointer (&order, g_free);
  /* Clicked twice, the header sorts the other way. */
  dossier_record_list_sort_by (incidents, 0, TRUE);
  order = list_codes (incidents);
  g_assert_cmpstr (order, ==, "INC-10000 INC-9999 INC-9998 INC-0001");
  g_clear_pointer (&order, g_free);
  /* A search hit is found where the list puts it. */
  g_assert_true (dossier_record_list_show_code (incidents, "INC-10000"));
  g_assert_cmpint (dossier_store_position_by_code (store, DOSSIER_TYPE_INCIDENT, "INC-10000", NULL), ==, 3);
  dossier_test_wait_for_draw (window);
  {
    GtkSelectionModel *selection = gtk_column_view_get_model (dossier_record_list_get_view (incidents));

    g_assert_true (gtk_selection_model_is_selected (selection, 3));
    g_assert_nonnull (find_inscription (window, "INC-10000"));
  }
  gtk_window_destroy (GTK_WINDOW (window));

  testimonies = DOSSIER_RECORD_LIST (dossier_record_list_new (store, DOSSIER_TYPE_TESTIMONY, code_only, 1, "en"));
  window = show_in_window (testimonies);
  order = list_codes (testimonies);
  g_assert_cmpstr (order, ==, "TES-0001 TES-0002 TES-00012 TES-0013");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A new order keeps the rows' widgets: the cell that showed the first code shows the first
 * of the new order (GTK 4.8 made 200 rows of cells again at each sort, most of its time). */
static void
test_rows_kept_across_orders (void)
{
  g_autoptr(DossierStore) store = dossier_test_new_store ("orders.dossier");
  g_autoptr(DossierRecordList) list = NULL;
  GtkWidget *window;
  GtkWidget *cell;

  for (int i = 0; i < 300; i++)
    g_object_unref (insert_new (store, DOSSIER_TYPE_INCIDENT, NULL));
  list = g_object_ref_sink (DOSSIER_RECORD_LIST (dossier_record_list_new (store, DOSSIER_TYPE_INCIDENT, columns, N_COLS, "en")));
  window = show_in_window (list);
  cell = find_inscription (window, "INC-0001");
  g_assert_nonnull (cell);
  g_object_add_weak_pointer (G_OBJECT (cell), (gpointer *) &cell);

  dossier_record_list_sort_by (list, COL_CODE, TRUE);
  dossier_test_wait_for_draw (window);
  g_assert_nonnull (cell);
  g_assert_cmpstr (gtk_inscription_get_text (GTK_INSCRIPTION (cell)), ==, "INC-0300");
  g_assert_null (find_inscription (window, "INC-0001"));

  /* Back in code order, the same cell shows the first code again. */
  dossier_record_list_sort_by (list, COL_CODE, FALSE);
  dossier_test_wait_for_draw (window);
  g_assert_nonnull (cell);
  g_assert_cmpstr (gtk_inscription_get_text (GTK_INSCRIPTION (cell)), ==, "INC-0001");

  g_object_remove_weak_pointer (G_OBJECT (cell), (gpointer *) &cell);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) demo = NULL;

  dossier_test_display_init (&argc, &argv);

  demo_path = dossier_test_tmp_path ("demo.dossier");
  demo = dossier_demo_create (demo_path, &error);
  g_assert_no_error (error);
  g_clear_object (&demo);

  g_test_add_func ("/lists/incident-columns", test_incident_columns);
  g_test_add_func ("/lists/alleged-perpetrators", test_alleged_perpetrators);
  g_test_add_func ("/craft/08-codes-sort-by-number", test_codes_sort_by_number);
  g_test_add_func ("/craft/10-rows-kept-across-orders", test_rows_kept_across_orders);
  g_test_add_func ("/search/async", test_search_async);
  g_test_add_func ("/search/connection", test_search_connection);

  return g_test_run ();
}
