/* dossier-record-list.c: a column view over one kind of record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dossier-edtf.h"
#include "dossier-format.h"
#include "dossier-incident.h"
#include "dossier-link.h"
#include "dossier-locker.h"
#include "dossier-record-list.h"
#include "dossier-row-model.h"
#include "dossier-vocab.h"

struct _DossierRecordList
{
  GtkWidget                parent_instance;

  GtkWidget               *scrolled;
  GtkColumnView           *view;
  DossierRecordListModel  *model;
  DossierRowModel         *rows;     /* what the view shows: see DossierRowModel */
  DossierStore            *store;
  const DossierListColumn *columns;
  guint                    n_columns;
  char                    *lang;
  GHashTable              *labels;   /* "scheme\ncode" → label, so cells do not query */
  GHashTable              *perpetrators; /* incident id → names as shown, for the same reason;
                                          * emptied whenever rows of the model change */
  int                      probed;   /* column whose sorter was called last, or -1 */
};

/* Each row scrolled past adds an entry; beyond this many, starting again costs less than
 * holding names for a whole 100,000-row list. */
#define MAX_CACHED_PERPETRATORS 4096

#define THUMBNAIL_HEIGHT 28

G_DEFINE_FINAL_TYPE (DossierRecordList, dossier_record_list, GTK_TYPE_WIDGET)

enum {
  RECORD_DROPPED,
  FILES_DROPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
dossier_record_list_dispose (GObject *object)
{
  DossierRecordList *self = DOSSIER_RECORD_LIST (object);

  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_object (&self->rows);
  g_clear_object (&self->model);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dossier_record_list_parent_class)->dispose (object);
}

static void
dossier_record_list_finalize (GObject *object)
{
  DossierRecordList *self = DOSSIER_RECORD_LIST (object);

  g_clear_pointer (&self->lang, g_free);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_clear_pointer (&self->perpetrators, g_hash_table_unref);

  G_OBJECT_CLASS (dossier_record_list_parent_class)->finalize (object);
}

static void
dossier_record_list_class_init (DossierRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_record_list_dispose;
  object_class->finalize = dossier_record_list_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dossier-record-list");

  /* A drag value (see dossier_record_list_drag_value()) was dropped on a row's record;
   * returns TRUE if it was used. */
  signals[RECORD_DROPPED] = g_signal_new ("record-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, g_signal_accumulator_true_handled, NULL, NULL,
                                          G_TYPE_BOOLEAN, 2, DOSSIER_TYPE_RECORD, G_TYPE_STRING);
  /* Files were dropped on a row: the row's record, and the files (a GSList of GFile). */
  signals[FILES_DROPPED] = g_signal_new ("files-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, g_signal_accumulator_true_handled, NULL, NULL,
                                         G_TYPE_BOOLEAN, 2, DOSSIER_TYPE_RECORD, G_TYPE_POINTER);
}

static void
dossier_record_list_init (DossierRecordList *self)
{
  self->probed = -1;
  self->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->perpetrators = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

static const char *
vocab_label (DossierRecordList *self,
             const char        *scheme,
             const char        *code)
{
  g_autofree char *key = g_strconcat (scheme, "\n", code, NULL);
  const char *label = g_hash_table_lookup (self->labels, key);

  if (label == NULL)
    {
      label = dossier_store_vocab_label (self->store, scheme, code, self->lang);
      g_hash_table_insert (self->labels, g_steal_pointer (&key), (gpointer) label);
    }
  return label;
}

static const char *
list_separator (void)
{
  /* Translators: between the items of a list shown in one cell, e.g. “Looting, Torture” */
  return C_("list separator", ", ");
}

static char *
violations_text (DossierRecordList *self,
                 DossierIncident   *incident)
{
  const char * const *types = dossier_incident_get_violation_types (incident);
  GString *s = g_string_new (NULL);

  /* In the order of their codes, as loaded: the same incident then lists its violations in
   * the same order in either language. */
  for (guint i = 0; types[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (s, list_separator ());
      g_string_append (s, vocab_label (self, "violation-type", types[i]));
    }
  return g_string_free (s, FALSE);
}

/* Victims are casualties of every category and group added up, as the overview counts them;
 * a person both injured and abducted counts twice. A count of 0 is not stored, so it cannot
 * be told from “not known”: the cell is then empty rather than claiming “0”. */
static char *
victims_text (DossierIncident *incident)
{
  gint64 total = 0;

  for (int c = 0; c < DOSSIER_N_CASUALTY_CATEGORIES; c++)
    total += dossier_incident_total_casualties (incident, c);
  return total > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, total) : g_strdup ("");
}

static const char *
perpetrators_text (DossierRecordList *self,
                   DossierIncident   *incident)
{
  gint64 id = dossier_record_get_id (DOSSIER_RECORD (incident));
  const char *text = g_hash_table_lookup (self->perpetrators, &id);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  char *joined;

  if (text != NULL)
    return text;
  names = dossier_store_alleged_perpetrators (self->store, id, &error);
  if (names == NULL)
    {
      /* Not cached: the next redraw tries again. */
      g_warning ("Could not read the alleged perpetrators: %s", error->message);
      return "";
    }
  joined = g_strjoinv (list_separator (), names);
  g_strdelimit (joined, "\n\r\t", ' ');
  if (g_hash_table_size (self->perpetrators) >= MAX_CACHED_PERPETRATORS)
    g_hash_table_remove_all (self->perpetrators);
  g_hash_table_insert (self->perpetrators, g_memdup2 (&id, sizeof id), joined);
  return joined;
}

static gboolean
is_computed (DossierColumnKind kind)
{
  return kind == DOSSIER_COLUMN_VIOLATIONS || kind == DOSSIER_COLUMN_VICTIMS ||
         kind == DOSSIER_COLUMN_PERPETRATORS || kind == DOSSIER_COLUMN_THUMBNAIL;
}

/**
 * dossier_record_list_find_column:
 * @self: a #DossierRecordList
 * @field: what a column shows, as in its #DossierListColumn
 *
 * Returns: the index of the column showing @field, or -1
 */
int
dossier_record_list_find_column (DossierRecordList *self,
                                 const char        *field)
{
  g_return_val_if_fail (DOSSIER_IS_RECORD_LIST (self), -1);

  for (guint i = 0; i < self->n_columns; i++)
    if (g_str_equal (self->columns[i].field, field))
      return i;
  return -1;
}

/**
 * dossier_record_list_cell_text:
 * @self: a #DossierRecordList
 * @record: a row
 * @column: a column index
 *
 * Returns: (transfer full): the text shown in that cell
 */
char *
dossier_record_list_cell_text (DossierRecordList *self,
                               DossierRecord     *record,
                               guint              column)
{
  const DossierListColumn *spec;
  const DossierField *field;
  g_autofree char *value = NULL;

  g_return_val_if_fail (DOSSIER_IS_RECORD_LIST (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  spec = &self->columns[column];
  if (g_str_equal (spec->field, "code"))
    return g_strdup (dossier_record_get_code (record));
  if (spec->kind == DOSSIER_COLUMN_TITLE && DOSSIER_IS_INCIDENT (record))
    {
      gboolean fell_back;
      const char *title = dossier_incident_get_title (DOSSIER_INCIDENT (record), self->lang, &fell_back);
      /* Translators: a title shown in the other language, followed by that language's code */
      return fell_back ? g_strdup_printf (_("%s (%s)"), title, g_str_equal (self->lang, "fr") ? "en" : "fr")
                       : g_strdup (title);
    }
  if (spec->kind == DOSSIER_COLUMN_THUMBNAIL)
    return g_strdup ("");
  if (is_computed (spec->kind))
    {
      g_return_val_if_fail (DOSSIER_IS_INCIDENT (record), NULL);
      switch (spec->kind)
        {
        case DOSSIER_COLUMN_VIOLATIONS:
          return violations_text (self, DOSSIER_INCIDENT (record));
        case DOSSIER_COLUMN_VICTIMS:
          return victims_text (DOSSIER_INCIDENT (record));
        case DOSSIER_COLUMN_PERPETRATORS:
        default:
          return g_strdup (perpetrators_text (self, DOSSIER_INCIDENT (record)));
        }
    }

  field = dossier_record_find_field (dossier_record_get_info (record), spec->field);
  g_return_val_if_fail (field != NULL, NULL);
  value = dossier_record_get_string (record, field);
  if (value == NULL)
    return g_strdup ("");

  switch (spec->kind)
    {
    case DOSSIER_COLUMN_VOCAB:
      return g_strdup (vocab_label (self, field->vocab, value));
    case DOSSIER_COLUMN_DATE:
      return dossier_edtf_format_string (value, self->lang);
    case DOSSIER_COLUMN_SIZE:
      return dossier_format_size (g_ascii_strtoull (value, NULL, 10), FALSE);
    case DOSSIER_COLUMN_TEXT:
    case DOSSIER_COLUMN_TITLE:
    default:
      /* One line in a list. */
      g_strdelimit (value, "\n\r\t", ' ');
      return g_steal_pointer (&value);
    }
}

/**
 * dossier_record_list_drag_value:
 * @record: a record
 *
 * Returns: (transfer full): what a row carries when dragged: "dossier:TABLE:ID"
 */
char *
dossier_record_list_drag_value (DossierRecord *record)
{
  g_return_val_if_fail (DOSSIER_IS_RECORD (record), NULL);
  return g_strdup_printf ("dossier:%s:%" G_GINT64_FORMAT, dossier_record_get_info (record)->table, dossier_record_get_id (record));
}

/**
 * dossier_record_list_parse_drag_value:
 * @value: what was dropped
 * @table: the kind of record wanted
 *
 * Returns: the id of the record of @table that @value carries, or 0
 */
gint64
dossier_record_list_parse_drag_value (const char *value,
                                      const char *table)
{
  g_autofree char *prefix = g_strdup_printf ("dossier:%s:", table);
  gint64 id;

  if (value == NULL || !g_str_has_prefix (value, prefix))
    return 0;
  if (!g_ascii_string_to_signed (value + strlen (prefix), 10, 1, G_MAXINT64, &id, NULL))
    return 0;
  return id;
}

/* The record a cell shows, if any. */
static DossierRecord *
item_record (GtkListItem *item)
{
  DossierListRow *row = gtk_list_item_get_item (item);

  return row != NULL ? dossier_list_row_get_record (row) : NULL;
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkListItem   *item)
{
  DossierRecord *record = item_record (item);
  g_autofree char *value = NULL;

  if (record == NULL)
    return NULL;
  value = dossier_record_list_drag_value (record);
  return gdk_content_provider_new_typed (G_TYPE_STRING, value);
}

/* Something dropped on a row is handed to whoever listens, with the row's record. */
static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkListItem   *item)
{
  DossierRecordList *self = g_object_get_data (G_OBJECT (target), "list");
  DossierRecord *record = item_record (item);
  gboolean handled = FALSE;

  if (record == NULL)
    return FALSE;
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    g_signal_emit (self, signals[FILES_DROPPED], 0, record, g_value_get_boxed (value), &handled);
  else if (G_VALUE_HOLDS_STRING (value))
    g_signal_emit (self, signals[RECORD_DROPPED], 0, record, g_value_get_string (value), &handled);
  return handled;
}

/* A cell cut short ("Forces ar…") tells its whole text when hovered. Asked for then, not
 * set at every bind, which would tell the accessibility bus of 1,800 new descriptions each
 * time the list is sorted. */
static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  g_autoptr(PangoLayout) layout = NULL;
  int width;

  if (text == NULL || *text == '\0')
    return FALSE;
  layout = gtk_widget_create_pango_layout (widget, text);
  pango_layout_get_pixel_size (layout, &width, NULL);
  if (width <= gtk_widget_get_width (widget))
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* What a cell needs to follow its row, which may show another record at any time, and
 * that record, whose value may change (its property's ::notify). */
typedef struct {
  DossierRecordList *list;
  guint              column;
  GtkListItem       *item;
  DossierListRow    *row;      /* bound, or NULL */
  gulong             handler;
  DossierRecord     *record;   /* the row's record, followed; a reference */
  gulong             record_handler;
} Cell;

static void fill_cell (Cell *cell);

/* The signal that tells a cell of @column its value changed: the property of its field,
 * or any for the values made of several (titles in either language, counts). */
static char *
cell_signal (DossierRecordList *self,
             DossierRecord     *record,
             guint              column)
{
  const DossierListColumn *spec = &self->columns[column];
  const DossierField *field;
  GParamSpec *pspec;

  if (g_str_equal (spec->field, "code"))
    return g_strdup ("notify::code");
  if (spec->kind == DOSSIER_COLUMN_TITLE || is_computed (spec->kind) || spec->kind == DOSSIER_COLUMN_THUMBNAIL)
    return g_strdup ("notify");
  field = dossier_record_field (record, spec->field);
  pspec = field != NULL ? dossier_record_field_pspec (record, field) : NULL;
  return pspec != NULL ? g_strconcat ("notify::", pspec->name, NULL) : g_strdup ("notify");
}

static void
follow_record (Cell *cell)
{
  DossierRecord *record = cell->row != NULL ? dossier_list_row_get_record (cell->row) : NULL;

  if (record == cell->record)
    return;
  if (cell->record != NULL)
    g_clear_signal_handler (&cell->record_handler, cell->record);
  g_set_object (&cell->record, record);
  if (record != NULL)
    {
      g_autofree char *signal = cell_signal (cell->list, record, cell->column);

      cell->record_handler = g_signal_connect_swapped (record, signal, G_CALLBACK (fill_cell), cell);
    }
}

/* GTK unbinds a cell before it goes: only the record it holds may remain. */
static void
cell_free (Cell *cell)
{
  if (cell->record != NULL)
    g_clear_signal_handler (&cell->record_handler, cell->record);
  g_clear_object (&cell->record);
  g_free (cell);
}

static void
on_row_record (Cell *cell)
{
  follow_record (cell);
  fill_cell (cell);
}

static void
fill_cell (Cell *cell)
{
  DossierRecordList *self = cell->list;
  DossierRecord *record = cell->record;
  GtkWidget *child = gtk_list_item_get_child (cell->item);

  if (self->columns[cell->column].kind == DOSSIER_COLUMN_THUMBNAIL)
    {
      g_autoptr(GBytes) png = record ? dossier_store_get_thumbnail (self->store, dossier_record_get_id (record)) : NULL;
      g_autoptr(GdkTexture) texture = png ? gdk_texture_new_from_bytes (png, NULL) : NULL;

      gtk_picture_set_paintable (GTK_PICTURE (child), GDK_PAINTABLE (texture));
    }
  else
    {
      g_autofree char *text = record ? dossier_record_list_cell_text (self, record, cell->column) : NULL;

      gtk_inscription_set_text (GTK_INSCRIPTION (child), text);
    }
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            DossierRecordList        *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  DossierColumnKind kind = self->columns[column].kind;
  Cell *cell = g_new0 (Cell, 1);
  GtkWidget *label;

  cell->list = self;
  cell->column = column;
  cell->item = item;
  g_object_set_data_full (G_OBJECT (item), "cell", cell, (GDestroyNotify) cell_free);
  if (kind == DOSSIER_COLUMN_THUMBNAIL)
    {
      GtkWidget *picture = gtk_picture_new ();

      gtk_widget_set_size_request (picture, THUMBNAIL_HEIGHT, THUMBNAIL_HEIGHT);
      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_list_item_set_child (item, picture);
      return;
    }
  label = gtk_inscription_new (NULL);
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  /* One line high, in the middle of a row that a preview makes taller: given the row's
   * height, GTK 4.8 centres the two lines a long text wraps to, and shows the first above
   * the middle. */
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_list_item_set_child (item, label);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  /* Rows can be dragged onto other records (evidence onto an incident). */
  gtk_drag_source_set_actions (drag, GDK_ACTION_COPY);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare), item);
  gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (drag));
  /* Rows of other lists, or files from the file manager. */
  gtk_drop_target_set_gtypes (drop, (GType[]) { G_TYPE_STRING, GDK_TYPE_FILE_LIST }, 2);
  g_object_set_data (G_OBJECT (drop), "list", self);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), item);
  gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (drop));
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           DossierRecordList        *self)
{
  Cell *cell = g_object_get_data (G_OBJECT (item), "cell");

  cell->row = gtk_list_item_get_item (item);
  cell->handler = g_signal_connect_swapped (cell->row, "notify::record", G_CALLBACK (on_row_record), cell);
  on_row_record (cell);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             DossierRecordList        *self)
{
  Cell *cell = g_object_get_data (G_OBJECT (item), "cell");

  g_clear_signal_handler (&cell->handler, cell->row);
  cell->row = NULL;
  follow_record (cell);
}

/* Rows read again may have new links or violation types: names are read again too. This
 * runs before the views hear of the change (it is connected first), so that the cells
 * they bind at once do not show the old names. */
static void
on_model_items_changed (GListModel        *model,
                        guint              position,
                        guint              removed,
                        guint              added,
                        DossierRecordList *self)
{
  if (removed > 0)
    g_hash_table_remove_all (self->perpetrators);
}

/* A new order or filter starts from the top, as it did when GTK made every row again. */
static void
on_model_reloaded (DossierRecordList *self)
{
  if (self->scrolled != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled)), 0);
}

/* The column a sort indicator stands for, as a field the store can sort on. */
static const char *
sort_field (DossierRecordList *self,
            guint              column)
{
  const DossierListColumn *spec = &self->columns[column];

  if (spec->kind == DOSSIER_COLUMN_TITLE)
    return g_str_equal (self->lang, "fr") ? "title_fr" : "title_en";
  return spec->field;
}

/* Sorting happens in SQLite; the column view's sorter only carries the header's state. Its
 * compare function records which column was asked first and answers "less", so that asking
 * the view's sorter to compare two items tells the primary column (the one called) and its
 * direction (the sign, inverted for descending). GTK 4.8 has no getter for either. */
static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  DossierRecordList *self = g_object_get_data (G_OBJECT (user_data), "list");

  if (self->probed < 0)
    self->probed = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (user_data), "column"));
  return -1;
}

static void
on_sort_changed (GtkSorter         *sorter,
                 GtkSorterChange    change,
                 DossierRecordList *self)
{
  g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering order;

  self->probed = -1;
  order = gtk_sorter_compare (sorter, a, b);
  if (self->probed < 0 || order == GTK_ORDERING_EQUAL)
    dossier_record_list_model_set_sort (self->model, "code", FALSE);
  else
    dossier_record_list_model_set_sort (self->model, sort_field (self, self->probed),
                                        order == GTK_ORDERING_LARGER);
}

/**
 * dossier_record_list_new:
 * @store: the dossier
 * @record_type: which records
 * @columns: (array length=n_columns): the columns, kept by the widget (static data)
 * @n_columns: their number
 * @lang: "fr" or "en", for vocabulary labels and dates
 *
 * Returns: (transfer full): a new list
 */
GtkWidget *
dossier_record_list_new (DossierStore            *store,
                         GType                    record_type,
                         const DossierListColumn *columns,
                         guint                    n_columns,
                         const char              *lang)
{
  DossierRecordList *self = g_object_new (DOSSIER_TYPE_RECORD_LIST, NULL);
  g_autoptr(GtkMultiSelection) selection = NULL;

  self->store = g_object_ref (store);
  self->columns = columns;
  self->n_columns = n_columns;
  self->lang = g_strdup (lang);
  self->model = dossier_record_list_model_new (store, record_type);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (on_model_items_changed), self, 0);
  self->rows = dossier_row_model_new (self->model);
  g_signal_connect_object (self->model, "reloaded", G_CALLBACK (on_model_reloaded), self, G_CONNECT_SWAPPED);

  selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (g_steal_pointer (&selection))));
  gtk_column_view_set_show_column_separators (self->view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");

  for (guint i = 0; i < n_columns; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), self);
      column = gtk_column_view_column_new (_(columns[i].title), g_object_ref (factory));
      gtk_column_view_column_set_resizable (column, TRUE);
      /* Computed columns cannot be sorted in SQLite page by page; without a sorter, their
       * header is not clickable. */
      if (!is_computed (columns[i].kind))
        {
          GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, NULL, NULL));

          g_object_set_data (G_OBJECT (sorter), "list", self);
          g_object_set_data (G_OBJECT (sorter), "column", GINT_TO_POINTER (i));
          /* The sorter is its own user data, so that the callback can read its column. */
          gtk_custom_sorter_set_sort_func (GTK_CUSTOM_SORTER (sorter), probe_compare, sorter, NULL);
          gtk_column_view_column_set_sorter (column, sorter);
          g_object_unref (sorter);
        }
      /* A column that fills the rest keeps a width of its own in a narrow list: the title
       * of an incident, the name of an actor. */
      gtk_column_view_column_set_fixed_width (column, (columns[i].width > 0 ? columns[i].width : 24) * 9);
      gtk_column_view_column_set_expand (column, columns[i].width == 0 || columns[i].fills);
      gtk_column_view_append_column (self->view, column);
    }

  g_signal_connect_object (gtk_column_view_get_sorter (self->view), "changed",
                           G_CALLBACK (on_sort_changed), self, 0);

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), GTK_WIDGET (self->view));
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
  return GTK_WIDGET (self);
}

DossierRecordListModel *
dossier_record_list_get_model (DossierRecordList *self)
{
  g_return_val_if_fail (DOSSIER_IS_RECORD_LIST (self), NULL);
  return self->model;
}

/**
 * dossier_record_list_sort_by:
 * @self: a #DossierRecordList
 * @column: a column index
 * @descending: sort order
 *
 * Sorts as a click on the column's header would.
 */
void
dossier_record_list_sort_by (DossierRecordList *self,
                             guint              column,
                             gboolean           descending)
{
  GListModel *columns;
  g_autoptr(GtkColumnViewColumn) c = NULL;

  g_return_if_fail (DOSSIER_IS_RECORD_LIST (self));
  g_return_if_fail (column < self->n_columns);
  g_return_if_fail (!is_computed (self->columns[column].kind));

  columns = gtk_column_view_get_columns (self->view);
  c = g_list_model_get_item (columns, column);
  gtk_column_view_sort_by_column (self->view, c, descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

/**
 * dossier_record_list_get_record:
 * @self: a #DossierRecordList
 * @position: a row of the list, as the view's selection counts them
 *
 * The view's items are rows (#DossierListRow) that stay while their records change: this
 * gives the record a row shows.
 *
 * Returns: (transfer full) (nullable): the record at @position, or %NULL
 */
DossierRecord *
dossier_record_list_get_record (DossierRecordList *self,
                                guint              position)
{
  g_return_val_if_fail (DOSSIER_IS_RECORD_LIST (self), NULL);
  return g_list_model_get_item (G_LIST_MODEL (self->model), position);
}

GtkColumnView *
dossier_record_list_get_view (DossierRecordList *self)
{
  g_return_val_if_fail (DOSSIER_IS_RECORD_LIST (self), NULL);
  return self->view;
}

/**
 * dossier_record_list_show_code:
 * @self: a #DossierRecordList
 * @code: the code of one of its records
 *
 * Sorts the list by code, selects the record and scrolls to it.
 *
 * Returns: %TRUE if the record was found
 */
gboolean
dossier_record_list_show_code (DossierRecordList *self,
                               const char        *code)
{
  GtkSelectionModel *selection;
  GtkAdjustment *adjustment;
  gint64 position;
  guint n;

  g_return_val_if_fail (DOSSIER_IS_RECORD_LIST (self), FALSE);

  for (guint c = 0; c < self->n_columns; c++)
    if (g_str_equal (self->columns[c].field, "code"))
      {
        dossier_record_list_sort_by (self, c, FALSE);
        break;
      }
  position = dossier_store_position_by_code (self->store,
                                             g_list_model_get_item_type (G_LIST_MODEL (self->model)),
                                             code, NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  if (position < 0 || position >= n)
    return FALSE;

  selection = gtk_column_view_get_model (self->view);
  gtk_selection_model_select_item (selection, position, TRUE);
  /* GTK 4.8 has no scroll_to for list views: place the row through the adjustment, rows
   * being of equal height. */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled));
  if (n > 0)
    {
      double row = (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_lower (adjustment)) / n;
      gtk_adjustment_set_value (adjustment, MAX (0, row * position - gtk_adjustment_get_page_size (adjustment) / 3));
    }
  return TRUE;
}
