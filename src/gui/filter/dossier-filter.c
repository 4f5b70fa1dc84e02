/* dossier-filter.c: the shared query state that lists, overview, map and timeline follow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One object per window holds the current filter; whoever shows incidents, or the records
 * linked to them, listens to its "changed" signal and asks SQLite again with
 * dossier_filter_get_query().
 */
#include "config.h"

#include <string.h>

#include "dossier-edtf.h"
#include "dossier-filter.h"

struct _DossierFilter
{
  GObject              parent_instance;

  DossierIncidentQuery query;
};

G_DEFINE_FINAL_TYPE (DossierFilter, dossier_filter, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
clear_query (DossierIncidentQuery *q)
{
  g_clear_pointer (&q->text, g_free);
  g_clear_pointer (&q->admin1, g_free);
  g_clear_pointer (&q->violation_type, g_free);
  g_clear_pointer (&q->verification, g_free);
  g_clear_pointer (&q->admin2, g_free);
  g_clear_pointer (&q->protection, g_free);
  memset (q, 0, sizeof *q);
}

static void
dossier_filter_finalize (GObject *object)
{
  clear_query (&DOSSIER_FILTER (object)->query);

  G_OBJECT_CLASS (dossier_filter_parent_class)->finalize (object);
}

static void
dossier_filter_class_init (DossierFilterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_filter_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dossier_filter_init (DossierFilter *self)
{
}

DossierFilter *
dossier_filter_new (void)
{
  return g_object_new (DOSSIER_TYPE_FILTER, NULL);
}

const DossierIncidentQuery *
dossier_filter_get_query (DossierFilter *self)
{
  g_return_val_if_fail (DOSSIER_IS_FILTER (self), NULL);
  return &self->query;
}

gboolean
dossier_filter_is_empty (DossierFilter *self)
{
  const DossierIncidentQuery *q;

  g_return_val_if_fail (DOSSIER_IS_FILTER (self), TRUE);
  q = &self->query;
  return q->text == NULL && q->admin1 == NULL && q->admin2 == NULL && q->violation_type == NULL &&
         q->verification == NULL && q->protection == NULL && q->date_from == 0 && q->date_to == 0 &&
         q->actor_id == 0;
}

/**
 * dossier_filter_set_text:
 * @self: a #DossierFilter
 * @field: "admin1", "violation_type", "verification" or "protection"
 * @value: (nullable): a vocabulary code; %NULL or "" for any
 */
void
dossier_filter_set_text (DossierFilter *self,
                         const char    *field,
                         const char    *value)
{
  char **slot;

  g_return_if_fail (DOSSIER_IS_FILTER (self));

  if (g_str_equal (field, "admin1"))
    slot = &self->query.admin1;
  else if (g_str_equal (field, "violation_type"))
    slot = &self->query.violation_type;
  else if (g_str_equal (field, "verification"))
    slot = &self->query.verification;
  else if (g_str_equal (field, "protection"))
    slot = &self->query.protection;
  else
    g_return_if_reached ();

  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*slot, value) == 0)
    return;
  g_free (*slot);
  *slot = g_strdup (value);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * dossier_filter_set_actor:
 * @self: a #DossierFilter
 * @actor_id: the id of an actor, 0 for any
 */
void
dossier_filter_set_actor (DossierFilter *self,
                          gint64         actor_id)
{
  g_return_if_fail (DOSSIER_IS_FILTER (self));
  g_return_if_fail (actor_id >= 0);

  if (actor_id == self->query.actor_id)
    return;
  self->query.actor_id = actor_id;
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * dossier_filter_set_period:
 * @self: a #DossierFilter
 * @from: first day of the period (GDate julian day), 0 for open
 * @to: last day, 0 for open
 *
 * What brushing a period on the timeline does.
 */
void
dossier_filter_set_period (DossierFilter *self,
                           guint32        from,
                           guint32        to)
{
  g_return_if_fail (DOSSIER_IS_FILTER (self));

  if (from != 0 && to != 0 && from > to)
    {
      guint32 t = from;

      from = to;
      to = t;
    }
  if (from == self->query.date_from && to == self->query.date_to)
    return;
  self->query.date_from = from;
  self->query.date_to = to;
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * dossier_filter_set_years:
 * @self: a #DossierFilter
 * @from: first year of the period, 0 for open
 * @to: last year, 0 for open
 */
void
dossier_filter_set_years (DossierFilter *self,
                          int            from,
                          int            to)
{
  GDate d;
  guint32 f = 0, t = 0;

  g_return_if_fail (DOSSIER_IS_FILTER (self));

  g_date_clear (&d, 1);
  if (from > 0 && from < 10000)
    {
      g_date_set_dmy (&d, 1, G_DATE_JANUARY, from);
      f = g_date_get_julian (&d);
    }
  if (to > 0 && to < 10000)
    {
      g_date_set_dmy (&d, 31, G_DATE_DECEMBER, to);
      t = g_date_get_julian (&d);
    }
  if (f == self->query.date_from && t == self->query.date_to)
    return;
  self->query.date_from = f;
  self->query.date_to = t;
  g_signal_emit (self, signals[CHANGED], 0);
}

void
dossier_filter_clear (DossierFilter *self)
{
  g_return_if_fail (DOSSIER_IS_FILTER (self));

  if (dossier_filter_is_empty (self))
    return;
  clear_query (&self->query);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* One end of the period as EDTF, as coarse as it allows: "2012" for the first day of 2012
 * (or the last, for the end), "2012-03" for that of a month, the day otherwise. */
static char *
day_edtf (guint32  julian,
          gboolean end)
{
  GDate date;
  int year, month, day;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  year = g_date_get_year (&date);
  month = g_date_get_month (&date);
  day = g_date_get_day (&date);
  if (end ? (month == 12 && day == 31) : (month == 1 && day == 1))
    return g_strdup_printf ("%04d", year);
  if (end ? g_date_is_last_of_month (&date) : day == 1)
    return g_strdup_printf ("%04d-%02d", year, month);
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/**
 * dossier_filter_get_period_edtf:
 * @self: a #DossierFilter
 *
 * The period of the filter as an investigator would type it: "2012", "2012-03/2013",
 * "2021-06-14/..", whether it was typed or brushed on the timeline.
 *
 * Returns: (transfer full) (nullable): the period as EDTF, or %NULL when there is none
 */
char *
dossier_filter_get_period_edtf (DossierFilter *self)
{
  const DossierIncidentQuery *q;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (DOSSIER_IS_FILTER (self), NULL);

  q = &self->query;
  if (q->date_from == 0 && q->date_to == 0)
    return NULL;
  from = q->date_from != 0 ? day_edtf (q->date_from, FALSE) : g_strdup ("..");
  to = q->date_to != 0 ? day_edtf (q->date_to, TRUE) : g_strdup ("..");
  if (g_str_equal (from, to))
    return g_steal_pointer (&from);
  return g_strconcat (from, "/", to, NULL);
}

/**
 * dossier_filter_set_period_edtf:
 * @self: a #DossierFilter
 * @text: (nullable): a date or a period in EDTF ("2012", "2012/2013", "2021-06/.."); %NULL
 *   or "" for any time
 * @error: return location for a #GError, from %DOSSIER_EDTF_ERROR
 *
 * Keeps the incidents whose dates meet the days @text may mean.
 *
 * Returns: %TRUE, or %FALSE (the filter unchanged) if @text is not EDTF
 */
gboolean
dossier_filter_set_period_edtf (DossierFilter  *self,
                                const char     *text,
                                GError        **error)
{
  guint32 from, to;

  g_return_val_if_fail (DOSSIER_IS_FILTER (self), FALSE);

  if (text == NULL || *text == '\0')
    {
      dossier_filter_set_period (self, 0, 0);
      return TRUE;
    }
  if (!dossier_edtf_bounds (text, &from, &to, error))
    return FALSE;
  dossier_filter_set_period (self, from, to);
  return TRUE;
}

/**
 * dossier_filter_count_criteria:
 * @self: a #DossierFilter
 *
 * Returns: how many things the filter narrows by (a region, a period…)
 */
guint
dossier_filter_count_criteria (DossierFilter *self)
{
  const DossierIncidentQuery *q;

  g_return_val_if_fail (DOSSIER_IS_FILTER (self), 0);

  q = &self->query;
  return (q->text != NULL) + (q->admin1 != NULL) + (q->admin2 != NULL) + (q->violation_type != NULL) +
         (q->verification != NULL) + (q->protection != NULL) + (q->actor_id != 0) +
         (q->date_from != 0 || q->date_to != 0);
}
