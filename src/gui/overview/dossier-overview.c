/* dossier-overview.c: what the dossier is about, and what it holds, at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first page of the window: the dossier's title, mandate, period and annex language
 * (Edit… changes them), how many records each section holds, and charts of the incidents
 * (or their victims) and of the testimonies the filter keeps.
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "dossier-actor.h"
#include "dossier-application.h"
#include "dossier-bar-chart.h"
#include "dossier-edtf.h"
#include "dossier-evidence.h"
#include "dossier-incident.h"
#include "dossier-info.h"
#include "dossier-new-dossier-dialog.h"
#include "dossier-overview.h"
#include "dossier-person.h"
#include "dossier-testimony.h"
#include "dossier-vocab.h"

/* The overview's charts, with the vocabulary their keys belong to (NULL: shown as they are),
 * titled for each measure. */
static const struct {
  const char       *title;          /* counting incidents */
  const char       *victims_title;  /* adding up victims */
  DossierBreakdown  breakdown;
  const char       *scheme;
} charts[] = {
  { N_("Incidents by month"), N_("Victims by month"), DOSSIER_BREAKDOWN_MONTH, NULL },
  { N_("Incidents by region"), N_("Victims by region"), DOSSIER_BREAKDOWN_REGION, "admin1" },
  { N_("Incidents by violation type"), N_("Victims by violation type"), DOSSIER_BREAKDOWN_VIOLATION_TYPE, "violation-type" },
  { N_("Incidents by kind of alleged perpetrator"), N_("Victims by kind of alleged perpetrator"), DOSSIER_BREAKDOWN_ACTOR_KIND, "actor-kind" },
  { N_("Victims by sex and age"), N_("Victims by sex and age"), DOSSIER_BREAKDOWN_VICTIMS_GROUP, "casualty-group" },
};

/* For the secretariat: where the indexing of testimonies stands, and who gave them. */
static const struct {
  const char       *title;
  DossierBreakdown  breakdown;
  const char       *scheme;
} testimony_charts[] = {
  { N_("Testimonies by status"), DOSSIER_BREAKDOWN_TESTIMONY_STATUS, "testimony-status" },
  { N_("Testimonies by office"), DOSSIER_BREAKDOWN_TESTIMONY_OFFICE, "office" },
  { N_("Testimonies by month taken"), DOSSIER_BREAKDOWN_TESTIMONY_MONTH, NULL },
  { N_("Witnesses by sex"), DOSSIER_BREAKDOWN_WITNESS_SEX, "sex" },
  { N_("Witnesses by age group"), DOSSIER_BREAKDOWN_WITNESS_AGE_GROUP, "age-group" },
};

struct _DossierOverview
{
  AdwPreferencesPage    parent_instance;

  DossierStore         *store;
  DossierFilter        *filter;
  char                 *lang;

  GtkWidget            *edit_button;
  AdwActionRow         *about_title;
  AdwActionRow         *about_mandate;
  AdwActionRow         *about_period;
  AdwActionRow         *about_language;
  AdwActionRow         *incidents_row;
  AdwActionRow         *people_row;
  AdwActionRow         *testimonies_row;
  AdwActionRow         *evidence_row;
  AdwActionRow         *actors_row;
  AdwPreferencesGroup  *chart_group;
  AdwPreferencesGroup  *testimony_group;
  GtkToggleButton      *incidents_button;
  GtkToggleButton      *victims_button;
  GtkWidget            *charts[G_N_ELEMENTS (charts)];
  GtkWidget            *testimony_charts[G_N_ELEMENTS (testimony_charts)];
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_FILTER,
  PROP_LANG,
  N_PROPS
};

enum {
  DETAILS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DossierOverview, dossier_overview, ADW_TYPE_PREFERENCES_PAGE)

/* What the dossier says of itself, at the top. */
static void
update_about (DossierOverview *self)
{
  g_autofree char *uuid = NULL;
  g_autofree char *title = NULL;
  g_autofree char *mandate = NULL;
  g_autofree char *period = NULL;
  g_autofree char *default_lang = NULL;
  g_autofree char *period_text = NULL;
  const char *none;

  if (!dossier_store_get_info (self->store, &uuid, &title, &mandate, &period, &default_lang, NULL))
    return;
  if (period != NULL && *period != '\0')
    period_text = dossier_edtf_format_string (period, self->lang);
  /* Translators: in the overview, a detail of the dossier left empty */
  none = _("Not given");
  adw_action_row_set_subtitle (self->about_title, title && *title ? title : none);
  adw_action_row_set_subtitle (self->about_mandate, mandate && *mandate ? mandate : none);
  adw_action_row_set_subtitle (self->about_period,
                               period_text && *period_text ? period_text : (period && *period ? period : none));
  adw_action_row_set_subtitle (self->about_language, g_strcmp0 (default_lang, "en") == 0 ? "English" : "Français");
}

static void
on_details_saved (DossierOverview *self)
{
  update_about (self);
  g_signal_emit (self, signals[DETAILS_CHANGED], 0);
}

static void
on_edit_clicked (DossierOverview *self)
{
  GtkWidget *dialog;

  if (dossier_store_is_read_only (self->store))
    return;
  dialog = dossier_new_dossier_dialog_new_for_store (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->store,
                                                     self->lang);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_details_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_measure_toggled (DossierOverview *self,
                    GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button) && self->store != NULL)
    dossier_overview_update_charts (self);
}

/* Every month from the first to the last, with the empty ones, so that the columns keep
 * time's proportions; labelled "March 2022" in the interface's language. */
static void
month_series (GPtrArray  *rows,
              const char *lang,
              GPtrArray  *labels,
              GArray     *values)
{
  int year, month, last_year, last_month;
  gboolean long_series;
  guint next = 0;

  if (rows->len == 0 ||
      sscanf (((DossierBreakdownRow *) rows->pdata[0])->key, "%d-%d", &year, &month) != 2 ||
      sscanf (((DossierBreakdownRow *) rows->pdata[rows->len - 1])->key, "%d-%d", &last_year, &last_month) != 2)
    return;
  long_series = (last_year - year) * 12 + last_month - month >= 24;
  for (; year < last_year || (year == last_year && month <= last_month); month = month % 12 + 1, year += month == 1)
    {
      g_autofree char *key = g_strdup_printf ("%04d-%02d", year, month);
      gint64 count = 0;

      if (next < rows->len && g_str_equal (((DossierBreakdownRow *) rows->pdata[next])->key, key))
        count = ((DossierBreakdownRow *) rows->pdata[next++])->count;
      /* Over two years, the years only, under their Januaries. */
      if (long_series)
        g_ptr_array_add (labels, month == 1 || labels->len == 0 ? g_strdup_printf ("%d", year) : g_strdup (""));
      else
        g_ptr_array_add (labels, dossier_edtf_format_string (key, lang));
      g_array_append_val (values, count);
    }
}

static void
toast (DossierOverview *self,
       const char      *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_warning ("%s", message);
}

/* Fills @chart with the breakdown asked for: months in time's order, anything else its
 * twelve largest, labelled from @scheme. Returns FALSE (with a toast) if it cannot be read. */
static gboolean
fill_chart (DossierOverview  *self,
            GtkWidget        *chart,
            DossierBreakdown  breakdown,
            DossierMeasure    measure,
            const char       *scheme,
            const char       *lang)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = dossier_store_breakdown_measure (self->store, breakdown, measure,
                                                               dossier_filter_get_query (self->filter), &error);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (rows == NULL)
    {
      toast (self, error->message);
      return FALSE;
    }
  if (scheme == NULL)
    month_series (rows, lang, labels, values);
  else
    for (guint i = 0; i < rows->len && i < 12; i++)
      {
        DossierBreakdownRow *row = rows->pdata[i];

        g_ptr_array_add (labels, dossier_store_vocab_label (self->store, scheme, row->key, lang));
        g_ptr_array_add (keys, row->key);
        g_array_append_val (values, row->count);
      }
  dossier_bar_chart_set_data (DOSSIER_BAR_CHART (chart), (const char **) labels->pdata, (gint64 *) values->data, values->len);
  /* Violation types in their colours and marks, as on the map and the timeline. */
  dossier_bar_chart_set_keys (DOSSIER_BAR_CHART (chart), g_strcmp0 (scheme, "violation-type") == 0 ? scheme : NULL,
                              (const char **) keys->pdata, keys->len);
  return TRUE;
}

/**
 * dossier_overview_update_charts:
 * @self: a #DossierOverview
 *
 * Draws the charts again from what the filter keeps. They add up the whole dossier (a
 * second on 100,000 incidents): the window calls it only while the overview is shown.
 */
void
dossier_overview_update_charts (DossierOverview *self)
{
  g_autofree char *lang = NULL;
  DossierMeasure measure;

  g_return_if_fail (DOSSIER_IS_OVERVIEW (self));

  lang = dossier_application_ui_language ();
  measure = gtk_toggle_button_get_active (self->victims_button) ? DOSSIER_MEASURE_VICTIMS : DOSSIER_MEASURE_INCIDENTS;
  for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
    if (fill_chart (self, self->charts[c], charts[c].breakdown, measure, charts[c].scheme, lang))
      dossier_bar_chart_set_title (DOSSIER_BAR_CHART (self->charts[c]),
                                   measure == DOSSIER_MEASURE_VICTIMS ? _(charts[c].victims_title) : _(charts[c].title));
  for (guint c = 0; c < G_N_ELEMENTS (testimony_charts); c++)
    fill_chart (self, self->testimony_charts[c], testimony_charts[c].breakdown, DOSSIER_MEASURE_INCIDENTS,
                testimony_charts[c].scheme, lang);
}

/**
 * dossier_overview_set_measure:
 * @self: a #DossierOverview
 * @measure: what the charts count
 *
 * Does what the Incidents / Victims switch does.
 */
void
dossier_overview_set_measure (DossierOverview *self,
                              DossierMeasure   measure)
{
  g_return_if_fail (DOSSIER_IS_OVERVIEW (self));

  gtk_toggle_button_set_active (measure == DOSSIER_MEASURE_VICTIMS ? self->victims_button : self->incidents_button, TRUE);
}

/**
 * dossier_overview_set_count:
 * @self: a #DossierOverview
 * @type: a record type
 * @text: how many records of that type the dossier holds, or the filter keeps, in words
 */
void
dossier_overview_set_count (DossierOverview *self,
                            GType            type,
                            const char      *text)
{
  AdwActionRow *row = NULL;

  g_return_if_fail (DOSSIER_IS_OVERVIEW (self));

  if (type == DOSSIER_TYPE_INCIDENT)
    row = self->incidents_row;
  else if (type == DOSSIER_TYPE_PERSON)
    row = self->people_row;
  else if (type == DOSSIER_TYPE_TESTIMONY)
    row = self->testimonies_row;
  else if (type == DOSSIER_TYPE_EVIDENCE)
    row = self->evidence_row;
  else if (type == DOSSIER_TYPE_ACTOR)
    row = self->actors_row;
  g_return_if_fail (row != NULL);
  adw_action_row_set_subtitle (row, text);
}

static void
dossier_overview_constructed (GObject *object)
{
  DossierOverview *self = DOSSIER_OVERVIEW (object);

  G_OBJECT_CLASS (dossier_overview_parent_class)->constructed (object);

  g_return_if_fail (self->store != NULL && self->filter != NULL);
  gtk_widget_set_sensitive (self->edit_button, !dossier_store_is_read_only (self->store));
  update_about (self);
}

static void
dossier_overview_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DossierOverview *self = DOSSIER_OVERVIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;
    case PROP_LANG:
      g_value_set_string (value, self->lang);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_overview_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DossierOverview *self = DOSSIER_OVERVIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_FILTER:
      self->filter = g_value_dup_object (value);
      break;
    case PROP_LANG:
      self->lang = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_overview_finalize (GObject *object)
{
  DossierOverview *self = DOSSIER_OVERVIEW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->lang, g_free);
  G_OBJECT_CLASS (dossier_overview_parent_class)->finalize (object);
}

static void
dossier_overview_class_init (DossierOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dossier_overview_constructed;
  object_class->get_property = dossier_overview_get_property;
  object_class->set_property = dossier_overview_set_property;
  object_class->finalize = dossier_overview_finalize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, DOSSIER_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL, DOSSIER_TYPE_FILTER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANG] =
    g_param_spec_string ("lang", NULL, NULL, "en",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierOverview::details-changed:
   *
   * The dossier's title, mandate, period or annex language were changed with Edit….
   */
  signals[DETAILS_CHANGED] = g_signal_new ("details-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/dossier/Dossier/overview/dossier-overview.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierOverview, edit_button);
  gtk_widget_class_bind_template_child (widget_class, DossierOverview, about_title);
  gtk_widget_class_bind_template_child (widget_class, DossierOverview, about_mandate);
  gtk_widget_class_bind_template_child (widget_class, DossierOverview, about_period);
  gtk_widget_class_bind_template_child (widget_class, DossierOverview, about_language);
  gtk_widget_class_bind_template_child (widget_class, DossierOverview, incidents_row);
  gtk_widget_class_bind_template_child (widget_class, DossierOverview, people_row);
  gtk_widget_class_bind_template_child (widget_class, DossierOverview, testimonies_row);
  gtk_widget_class_bind_template_child (widget_class, DossierOverview, evidence_row);
  gtk_widget_class_bind_template_child (widget_class, DossierOverview, actors_row);
  gtk_widget_class_bind_template_child (widget_class, DossierOverview, chart_group);
  gtk_widget_class_bind_template_child (widget_class, DossierOverview, testimony_group);
  gtk_widget_class_bind_template_child (widget_class, DossierOverview, incidents_button);
  gtk_widget_class_bind_template_child (widget_class, DossierOverview, victims_button);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_measure_toggled);
}

static void
dossier_overview_init (DossierOverview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The charts come from the tables above: one each, titled until they are filled. */
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      self->charts[i] = dossier_bar_chart_new (_(charts[i].title));
      dossier_bar_chart_set_columns (DOSSIER_BAR_CHART (self->charts[i]), charts[i].breakdown == DOSSIER_BREAKDOWN_MONTH);
      gtk_widget_set_margin_top (self->charts[i], 18);
      adw_preferences_group_add (self->chart_group, self->charts[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (testimony_charts); i++)
    {
      self->testimony_charts[i] = dossier_bar_chart_new (_(testimony_charts[i].title));
      dossier_bar_chart_set_columns (DOSSIER_BAR_CHART (self->testimony_charts[i]),
                                     testimony_charts[i].breakdown == DOSSIER_BREAKDOWN_TESTIMONY_MONTH);
      gtk_widget_set_margin_top (self->testimony_charts[i], 18);
      adw_preferences_group_add (self->testimony_group, self->testimony_charts[i]);
    }
}

/**
 * dossier_overview_new:
 * @store: the dossier
 * @filter: what the charts count
 * @lang: "fr" or "en"
 *
 * Returns: (transfer full): a new overview
 */
GtkWidget *
dossier_overview_new (DossierStore  *store,
                      DossierFilter *filter,
                      const char    *lang)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);
  g_return_val_if_fail (DOSSIER_IS_FILTER (filter), NULL);

  return g_object_new (DOSSIER_TYPE_OVERVIEW, "store", store, "filter", filter, "lang", lang, NULL);
}
