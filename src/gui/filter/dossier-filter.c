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
