/* test-query.c: the shared incident filter, and the other lists it narrows, against a
 * brute-force reference
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <math.h>
#include <string.h>

#include "dossier-actor.h"
#include "dossier-edtf.h"
#include "dossier-evidence.h"
#include "dossier-geo.h"
#include "dossier-incident.h"
#include "dossier-json-io.h"
#include "dossier-link.h"
#include "dossier-person.h"
#include "dossier-query.h"
#include "dossier-synth.h"
#include "dossier-test-util.h"
#include "dossier-testimony.h"
#include "dossier-store-private.h" /* tests look at the file underneath */
#include "dossier-info.h"
#include "dossier-incident-private.h" /* white-box */
#include "dossier-person-private.h" /* white-box */
#include "dossier-actor-private.h" /* white-box */
#include "dossier-evidence-private.h" /* white-box */
#include "dossier-link-private.h" /* white-box */
#include "query-test-util.h"

#define N_INCIDENTS 2000

/* The synthetic dossier of the query tests, with a few dates it does not make: an open
 * start, no date at all. */
static DossierStore *
query_store (void)
{
  static const char * const dates[] = { "../2015-06-30", "", "2016-02-10/..", "../2012-01" };
  DossierStore *store = synth ("query.dossier", N_INCIDENTS, 300, 60, 200, 1);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(DossierIncident) incident = dossier_incident_new ();

      g_free (incident->title_fr);
      incident->title_fr = g_strdup_printf ("Incident hors série %u", i);
      g_free (incident->date_edtf);
      incident->date_edtf = g_strdup (dates[i]);
      incident->admin1 = g_strdup ("mopti");
      g_strfreev (incident->violation_types);
      incident->violation_types = g_strsplit ("killing", ",", -1);
      g_assert_true (dossier_store_insert (store, DOSSIER_RECORD (incident), &error));
      g_assert_no_error (error);
    }
  return store;
}

typedef struct {
  const DossierIncidentQuery *query;
  GHashTable                 *actor_incidents;  /* ids, when the query has an actor */
  GHashTable                 *protected_incidents; /* ids, when it has a protection level */
  char                       *folded_text;      /* the query's text, folded */
  GPtrArray                  *matches;
} Brute;

static guint32
julian (int year,
        int month,
        int day)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, day, month, year);
  return g_date_get_julian (&d);
}

/* Whether one of the words of @text, folded like the FTS tokenizer folds them (case and
 * accents), is @folded. */
static gboolean
has_word (const char *text,
          const char *folded)
{
  g_auto(GStrv) alternates = NULL;
  g_auto(GStrv) tokens = NULL;

  if (text == NULL)
    return FALSE;
  tokens = g_str_tokenize_and_fold (text, "C", &alternates);
  for (guint i = 0; alternates[i]; i++)
    if (g_str_equal (alternates[i], folded))
      return TRUE;
  for (guint i = 0; tokens[i]; i++)
    if (g_str_equal (tokens[i], folded))
      return TRUE;
  return FALSE;
}

static gboolean
brute_match (DossierRecord  *record,
             gpointer        data,
             GError        **error)
{
  Brute *b = data;
  const DossierIncidentQuery *q = b->query;
  DossierIncident *incident = DOSSIER_INCIDENT (record);
  guint32 start = 0, end = 0;

  /* The dates from the EDTF text itself, not from the derived columns under test. */
  if (*dossier_incident_get_date_edtf (incident))
    g_assert_true (dossier_edtf_bounds (dossier_incident_get_date_edtf (incident), &start, &end, NULL));

  if (q->admin1 && g_strcmp0 (dossier_incident_get_admin1 (incident), q->admin1) != 0)
    return TRUE;
  if (q->admin2 && g_strcmp0 (dossier_incident_get_admin2 (incident), q->admin2) != 0)
    return TRUE;
  /* Overlap with the period; 0 is an open end; no date at all is in no period. */
  if (q->date_from && !(end ? end >= q->date_from : start != 0))
    return TRUE;
  if (q->date_to && !(start ? start <= q->date_to : end != 0))
    return TRUE;
  if (q->violation_type && !g_strv_contains (dossier_incident_get_violation_types (incident), q->violation_type))
    return TRUE;
  if (q->verification && g_strcmp0 (dossier_incident_get_verification (incident), q->verification) != 0)
    return TRUE;
  if (q->actor_id && !g_hash_table_contains (b->actor_incidents, (gint64[]) { dossier_record_get_id (record) }))
    return TRUE;
  if (q->protection && !g_hash_table_contains (b->protected_incidents, (gint64[]) { dossier_record_get_id (record) }))
    return TRUE;
  if (b->folded_text &&
      !has_word (dossier_record_get_code (record), b->folded_text) && !has_word (dossier_incident_get_title_fr (incident), b->folded_text) &&
      !has_word (dossier_incident_get_title_en (incident), b->folded_text) && !has_word (dossier_incident_get_summary_fr (incident), b->folded_text) &&
      !has_word (dossier_incident_get_summary_en (incident), b->folded_text) && !has_word (dossier_incident_get_place (incident), b->folded_text) &&
      !has_word (dossier_incident_get_admin1 (incident), b->folded_text) && !has_word (dossier_incident_get_admin2 (incident), b->folded_text) &&
      !has_word (dossier_incident_get_admin3 (incident), b->folded_text))
    return TRUE;
  g_ptr_array_add (b->matches, g_object_ref (record));
  return TRUE;
}

static void
bounds (DossierIncident *incident,
        guint32         *start,
        guint32         *end)
{
  *start = *end = 0;
  if (*dossier_incident_get_date_edtf (incident))
    dossier_edtf_bounds (dossier_incident_get_date_edtf (incident), start, end, NULL);
}

/* By date as SQLite sorts it (a missing day, NULL, first), then by id. */
static int
by_date (gconstpointer a,
         gconstpointer b)
{
  DossierIncident *x = *(DossierIncident **) a, *y = *(DossierIncident **) b;
  guint32 xs, xe, ys, ye;

  bounds (x, &xs, &xe);
  bounds (y, &ys, &ye);
  if (xs != ys)
    return xs < ys ? -1 : 1;
  if (xe != ye)
    return xe < ye ? -1 : 1;
  return dossier_record_get_id (DOSSIER_RECORD (x)) < dossier_record_get_id (DOSSIER_RECORD (y)) ? -1 : 1;
}

static int
by_title (gconstpointer a,
          gconstpointer b)
{
  DossierIncident *x = *(DossierIncident **) a, *y = *(DossierIncident **) b;
  int c = strcmp (dossier_incident_get_title_fr (x), dossier_incident_get_title_fr (y));

  if (c != 0)
    return c;
  return dossier_record_get_id (DOSSIER_RECORD (x)) < dossier_record_get_id (DOSSIER_RECORD (y)) ? -1 : 1;
}

static GHashTable *
id_set_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static void
id_set_add (GHashTable *set,
            gint64      id)
{
  g_hash_table_add (set, g_memdup2 (&id, sizeof id));
}

static gboolean
collect (DossierRecord  *record,
         gpointer        data,
         GError        **error)
{
  g_ptr_array_add (data, g_object_ref (record));
  return TRUE;
}

/* Every record of @type, in id order. */
static GPtrArray *
load_all (DossierStore *store,
          GType         type)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_true (dossier_store_foreach (store, type, collect, all, &error));
  g_assert_no_error (error);
  return all;
}

/* The incidents that match @query, found by reading them all. */
static GPtrArray *
brute_force (DossierStore               *store,
             const DossierIncidentQuery *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *matches = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) actor_incidents = id_set_new ();
  g_autoptr(GHashTable) protected_incidents = id_set_new ();
  g_autofree char *folded = query->text ? g_utf8_casefold (query->text, -1) : NULL;
  Brute b = { query, actor_incidents, protected_incidents, NULL, matches };

  if (folded != NULL)
    {
      g_auto(GStrv) alternates = NULL;
      g_auto(GStrv) tokens = g_str_tokenize_and_fold (query->text, "C", &alternates);

      g_assert_cmpuint (g_strv_length (tokens), ==, 1);
      b.folded_text = alternates[0] ? alternates[0] : tokens[0];
      b.folded_text = g_strdup (b.folded_text);
    }
  if (query->actor_id)
    {
      g_autoptr(GPtrArray) links = dossier_store_list_links (store, DOSSIER_LINK_INCIDENT_ACTOR, 0, query->actor_id, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < links->len; i++)
        id_set_add (actor_incidents, dossier_link_get_left_id (DOSSIER_LINK (links->pdata[i])));
    }
  if (query->protection)
    {
      g_autoptr(GPtrArray) people = load_all (store, DOSSIER_TYPE_PERSON);
      g_autoptr(GHashTable) level = id_set_new ();
      g_autoptr(GPtrArray) links = dossier_store_list_links (store, DOSSIER_LINK_INCIDENT_PERSON, 0, 0, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < people->len; i++)
        if (g_str_equal (dossier_person_get_protection (DOSSIER_PERSON (people->pdata[i])), query->protection))
          id_set_add (level, dossier_record_get_id (DOSSIER_RECORD (people->pdata[i])));
      for (guint i = 0; i < links->len; i++)
        if (g_hash_table_contains (level, &DOSSIER_LINK (links->pdata[i])->right_id))
          id_set_add (protected_incidents, dossier_link_get_left_id (DOSSIER_LINK (links->pdata[i])));
    }

  g_assert_true (dossier_store_foreach (store, DOSSIER_TYPE_INCIDENT, brute_match, &b, &error));
  g_assert_no_error (error);
  g_free (b.folded_text);
  return matches;
}

/* Checks @query's count and every page, in both orders, against the brute force. */
static guint
check_query (DossierStore               *store,
             const DossierIncidentQuery *query,
             const char                 *sort_column,
             GCompareFunc                compare)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) matches = brute_force (store, query);
  gint64 count;

  count = dossier_store_count_incidents (store, query, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count, ==, matches->len);

  for (int descending = 0; descending <= 1; descending++)
    {
      g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);

      g_ptr_array_sort (matches, compare);
      if (descending)
        for (guint i = 0; i < matches->len / 2; i++)
          {
            gpointer tmp = matches->pdata[i];

            matches->pdata[i] = matches->pdata[matches->len - 1 - i];
            matches->pdata[matches->len - 1 - i] = tmp;
          }

      /* Page through, 97 at a time: pages neither overlap nor leave gaps. */
      for (guint offset = 0; offset <= matches->len; offset += 97)
        {
          g_autoptr(GPtrArray) page = dossier_store_query_incidents (store, query, sort_column, descending,
                                                                     offset, 97, &error);

          g_assert_no_error (error);
          g_assert_nonnull (page);
          g_assert_cmpuint (page->len, ==, MIN (97, matches->len - offset));
          for (guint i = 0; i < page->len; i++)
            g_ptr_array_add (all, g_object_ref (page->pdata[i]));
        }
      g_assert_cmpuint (all->len, ==, matches->len);
      for (guint i = 0; i < all->len; i++)
        {
          DossierIncident *got = all->pdata[i], *want = matches->pdata[i];

          g_assert_cmpint (dossier_record_get_id (DOSSIER_RECORD (got)), ==, dossier_record_get_id (DOSSIER_RECORD (want)));
          /* Pages carry the whole incident, violation types and casualties included. */
          g_assert_cmpstr (dossier_incident_get_title_fr (got), ==, dossier_incident_get_title_fr (want));
          g_assert_cmpuint (g_strv_length ((GStrv) dossier_incident_get_violation_types (got)), ==, g_strv_length ((GStrv) dossier_incident_get_violation_types (want)));
          g_assert_true (memcmp (got->casualties, want->casualties, sizeof got->casualties) == 0);
        }
    }
  return matches->len;
}

static void
test_query_against_brute_force (void)
{
  g_autoptr(DossierStore) store = query_store ();
  g_autoptr(DossierIncident) first = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GError) error = NULL;
  DossierIncidentQuery queries[17] = { { 0 } };
  gint64 actor_id;
  guint n;

  first = dossier_store_load_by_code (store, DOSSIER_TYPE_INCIDENT, "INC-0001", &error);
  g_assert_no_error (error);
  links = dossier_store_list_links (store, DOSSIER_LINK_INCIDENT_ACTOR, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (links->len, >, 0);
  actor_id = dossier_link_get_right_id (DOSSIER_LINK (links->pdata[0]));

  /* 0: everything */
  queries[1].admin1 = (char *) "mopti";
  queries[2].date_from = julian (2015, 1, 1);
  queries[2].date_to = julian (2017, 12, 31);
  queries[3].admin1 = (char *) "gao";
  queries[3].date_from = julian (2015, 1, 1);
  queries[3].date_to = julian (2016, 6, 30);
  queries[4].violation_type = (char *) "killing";
  queries[4].verification = (char *) "alleged";
  queries[5].admin1 = (char *) "mopti";
  queries[5].violation_type = (char *) "abduction";
  queries[5].date_to = julian (2017, 12, 31);
  queries[6].date_from = julian (2020, 3, 1);             /* open end only */
  queries[7].date_to = julian (2012, 6, 30);              /* open start only */
  queries[8].date_from = julian (2015, 6, 1);             /* a single day */
  queries[8].date_to = julian (2015, 6, 1);
  queries[9].actor_id = actor_id;
  queries[10].actor_id = actor_id;
  queries[10].date_from = julian (2019, 1, 1);
  queries[11].text = (char *) dossier_incident_get_place (first);                        /* a village */
  queries[12].text = (char *) "SÉGOU";                    /* case and accents do not matter */
  queries[12].date_from = julian (2013, 1, 1);
  queries[13].admin2 = (char *) dossier_incident_get_admin2 (first);
  queries[13].text = (char *) "village";
  queries[14].protection = (char *) "public";              /* a person of that level */
  queries[15].protection = (char *) "confidential";
  queries[15].admin1 = (char *) "mopti";
  queries[16].protection = (char *) "protected";
  queries[16].date_from = julian (2016, 1, 1);
  queries[16].violation_type = (char *) "killing";

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      n = check_query (store, &queries[q], NULL, by_date);
      g_test_message ("query %u: %u incidents", q, n);
      /* Each filter selects something, and something less than everything. */
      g_assert_cmpuint (n, >, 0);
      if (q > 0)
        g_assert_cmpuint (n, <, N_INCIDENTS);
    }
  check_query (store, &queries[1], "title_fr", by_title);
  check_query (store, &queries[3], "date_edtf", by_date);

  /* Undated incidents are in no period, open-ended ones in the periods they reach. */
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM incident WHERE date_start IS NULL AND date_end IS NULL", NULL), ==, 1);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM incident WHERE date_start IS NULL AND date_end IS NOT NULL", NULL), ==, 2);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM incident WHERE date_end IS NULL AND date_start IS NOT NULL", NULL), >, 1);
}

/* How the records of another list reach incidents, and a text column to sort them by. */
typedef struct {
  GType            (*get_type) (void);
  DossierLinkKind    kind;
  gboolean           record_is_left;  /* the record is the link's left side */
  const char        *sort_column;
} Linked;

static const Linked linked_kinds[] = {
  { dossier_person_get_type, DOSSIER_LINK_INCIDENT_PERSON, FALSE, "age_group" },
  { dossier_testimony_get_type, DOSSIER_LINK_TESTIMONY_INCIDENT, TRUE, "summary" },
  { dossier_evidence_get_type, DOSSIER_LINK_EVIDENCE_INCIDENT, TRUE, "title" },
  { dossier_actor_get_type, DOSSIER_LINK_INCIDENT_ACTOR, FALSE, "name" },
};

static gboolean
query_is_empty (const DossierIncidentQuery *q)
{
  return q->text == NULL && q->admin1 == NULL && q->admin2 == NULL && q->violation_type == NULL &&
         q->verification == NULL && q->protection == NULL && q->date_from == 0 && q->date_to == 0 &&
         q->actor_id == 0;
}

static const char *sort_field_name;

/* By @sort_field_name (a text column, as SQLite compares it: bytes), or by code when NULL;
 * then by id. */
static int
by_field (gconstpointer a,
          gconstpointer b)
{
  DossierRecord *x = *(DossierRecord **) a, *y = *(DossierRecord **) b;
  int c;

  if (sort_field_name == NULL)
    c = strcmp (dossier_record_get_code (x), dossier_record_get_code (y));
  else
    {
      const DossierField *field = dossier_record_find_field (dossier_record_get_info (x), sort_field_name);
      g_autofree char *u = dossier_record_get_string (x, field);
      g_autofree char *v = dossier_record_get_string (y, field);

      c = strcmp (u, v);
    }
  if (c != 0)
    return c;
  return dossier_record_get_id (x) < dossier_record_get_id (y) ? -1 : dossier_record_get_id (x) > dossier_record_get_id (y);
}

/* The records of @linked that @query keeps, found from every record and every link: those
 * linked to one of its incidents; people by their own protection level. */
static GPtrArray *
brute_linked (DossierStore               *store,
              const Linked               *linked,
              const DossierIncidentQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = load_all (store, linked->get_type ());
  g_autoptr(GHashTable) incidents = id_set_new ();
  g_autoptr(GHashTable) reached = id_set_new ();
  DossierIncidentQuery q = *query;
  const char *protection = NULL;
  GPtrArray *kept = g_ptr_array_new_with_free_func (g_object_unref);

  if (linked->get_type () == DOSSIER_TYPE_PERSON)
    {
      protection = q.protection;
      q.protection = NULL;
    }
  if (!query_is_empty (&q))
    {
      g_autoptr(GPtrArray) matches = brute_force (store, &q);
      g_autoptr(GPtrArray) links = dossier_store_list_links (store, linked->kind, 0, 0, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < matches->len; i++)
        id_set_add (incidents, dossier_record_get_id (DOSSIER_RECORD (matches->pdata[i])));
      for (guint i = 0; i < links->len; i++)
        {
          DossierLink *link = links->pdata[i];
          gint64 incident = linked->record_is_left ? dossier_link_get_right_id (link) : dossier_link_get_left_id (link);
          gint64 record = linked->record_is_left ? dossier_link_get_left_id (link) : dossier_link_get_right_id (link);

          if (g_hash_table_contains (incidents, &incident))
            id_set_add (reached, record);
        }
    }
  for (guint i = 0; i < records->len; i++)
    {
      DossierRecord *record = records->pdata[i];

      if (!query_is_empty (&q) && !g_hash_table_contains (reached, (gint64[]) { dossier_record_get_id (record) }))
        continue;
      if (protection && !g_str_equal (dossier_person_get_protection (DOSSIER_PERSON (record)), protection))
        continue;
      g_ptr_array_add (kept, g_object_ref (record));
    }
  return kept;
}

/* Checks the count and every page of @linked's list under @query, sorted by code and by a
 * column, both ways, against the brute force. */
static guint
check_linked (DossierStore               *store,
              const Linked               *linked,
              const DossierIncidentQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) want = brute_linked (store, linked, query);
  const char *columns[] = { NULL, linked->sort_column };
  gint64 count;

  count = dossier_store_count_records_query (store, linked->get_type (), query, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count, ==, want->len);

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    for (int descending = 0; descending <= 1; descending++)
      {
        const char *column = columns[c] ? columns[c] : "code";
        guint n = 0;

        sort_field_name = columns[c];
        g_ptr_array_sort (want, by_field);
        /* Pages of 37: they neither overlap nor leave gaps, and add up to the count. */
        for (guint offset = 0; offset <= want->len; offset += 37)
          {
            g_autoptr(GPtrArray) page = dossier_store_query_records (store, linked->get_type (), query, column,
                                                                     descending, offset, 37, &error);

            g_assert_no_error (error);
            g_assert_nonnull (page);
            g_assert_cmpuint (page->len, ==, MIN (37, want->len - offset));
            for (guint i = 0; i < page->len; i++, n++)
              {
                DossierRecord *got = page->pdata[i];
                DossierRecord *expected = want->pdata[descending ? want->len - 1 - n : n];

                g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (got, linked->get_type ()));
                g_assert_cmpint (dossier_record_get_id (got), ==, dossier_record_get_id (expected));
                g_assert_cmpstr (dossier_record_get_code (got), ==, dossier_record_get_code (expected));
              }
          }
        g_assert_cmpuint (n, ==, count);
      }
  return want->len;
}

/* A dossier whose every kind of record has some linked to incidents and some not. */
static DossierStore *
linked_store (void)
{
  DossierStore *store = synth ("linked.dossier", 800, 200, 80, 40, 13);
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierPerson) loner = dossier_person_new ();
  g_autoptr(DossierActor) stranger = dossier_actor_new ();
  gint64 n_incidents = dossier_test_query_int (store, "SELECT max (id) FROM incident", NULL);

  for (guint i = 0; i < 60; i++)
    {
      g_autoptr(DossierEvidence) evidence = dossier_evidence_new ();

      g_free (evidence->title);
      evidence->title = g_strdup_printf ("Pièce %c%u", 'A' + g_rand_int_range (rand, 0, 5), i);
      g_free (evidence->sha256);
      evidence->sha256 = g_strdup_printf ("%064x", i + 1);
      evidence->size = i;
      g_assert_true (dossier_store_insert (store, DOSSIER_RECORD (evidence), &error));
      g_assert_no_error (error);
      /* One in six is linked to nothing; the others to one incident or two. */
      for (guint j = 0; j < i % 6 && j < 2; j++)
        {
          g_autoptr(DossierLink) link = dossier_store_link (store, DOSSIER_LINK_EVIDENCE_INCIDENT, dossier_record_get_id (DOSSIER_RECORD (evidence)),
                                                            g_rand_int_range (rand, 1, n_incidents + 1), NULL, NULL, &error);

          g_assert_no_error (error);
          g_assert_nonnull (link);
        }
    }

  g_free (loner->protection);
  loner->protection = g_strdup ("public");
  g_assert_true (dossier_store_insert (store, DOSSIER_RECORD (loner), &error));
  g_assert_no_error (error);
  g_free (stranger->name);
  stranger->name = g_strdup ("Groupe sans incident");
  g_assert_true (dossier_store_insert (store, DOSSIER_RECORD (stranger), &error));
  g_assert_no_error (error);
  return store;
}

static void
test_query_linked_records (void)
{
  g_autoptr(DossierStore) store = linked_store ();
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GError) error = NULL;
  DossierIncidentQuery queries[9] = { { 0 } };
  gint64 actor_id, unlinked_person, unlinked_actor;

  links = dossier_store_list_links (store, DOSSIER_LINK_INCIDENT_ACTOR, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (links->len, >, 0);
  actor_id = dossier_link_get_right_id (DOSSIER_LINK (links->pdata[links->len / 2]));
  unlinked_person = dossier_test_query_int (store, "SELECT max (id) FROM person", NULL);
  unlinked_actor = dossier_test_query_int (store, "SELECT max (id) FROM actor", NULL);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM evidence WHERE id NOT IN (SELECT evidence_id FROM evidence_incident)", NULL), ==, 10);

  /* 0: everything, linked or not */
  queries[1].admin1 = (char *) "mopti";
  queries[2].date_from = julian (2016, 1, 1);
  queries[2].date_to = julian (2017, 12, 31);
  queries[3].actor_id = actor_id;
  queries[4].admin1 = (char *) "gao";
  queries[4].date_from = julian (2015, 1, 1);
  queries[4].date_to = julian (2019, 12, 31);
  queries[5].protection = (char *) "public";               /* people: all of that level */
  queries[6].protection = (char *) "confidential";
  queries[6].admin1 = (char *) "tombouctou";
  queries[7].violation_type = (char *) "killing";
  queries[7].verification = (char *) "alleged";
  queries[8].actor_id = actor_id;
  queries[8].date_from = julian (2018, 1, 1);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    for (guint k = 0; k < G_N_ELEMENTS (linked_kinds); k++)
      {
        const Linked *linked = &linked_kinds[k];
        GType type = linked->get_type ();
        gint64 total = dossier_store_count_records (store, type, &error);
        guint n;

        g_assert_no_error (error);
        n = check_linked (store, linked, &queries[q]);
        g_test_message ("query %u, %s: %u of %" G_GINT64_FORMAT, q, g_type_name (type), n, total);
        if (q == 0)
          {
            g_assert_cmpint (n, ==, total);
            continue;
          }
        /* Records linked to nothing are only in the unfiltered lists. */
        g_assert_cmpint (n, <, total);
        g_assert_cmpuint (n, >, 0);
      }

  /* The level of a person is their own: the public one linked to nothing is listed for it. */
  {
    g_autoptr(GPtrArray) page = dossier_store_query_records (store, DOSSIER_TYPE_PERSON, &queries[5], "code", TRUE,
                                                             0, 1, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (page->len, ==, 1);
    g_assert_cmpint (dossier_record_get_id (DOSSIER_RECORD (page->pdata[0])), ==, unlinked_person);
  }
  /* The actor of the filter is among the actors of its incidents. */
  {
    g_autoptr(GPtrArray) page = dossier_store_query_records (store, DOSSIER_TYPE_ACTOR, &queries[3], NULL, FALSE,
                                                             0, 1000, &error);
    gboolean found = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < page->len; i++)
      {
        g_assert_cmpint (dossier_record_get_id (DOSSIER_RECORD (page->pdata[i])), !=, unlinked_actor);
        found |= dossier_record_get_id (DOSSIER_RECORD (page->pdata[i])) == actor_id;
      }
    g_assert_true (found);
  }
  /* Incidents are answered as dossier_store_query_incidents() answers them. */
  g_assert_cmpint (dossier_store_count_records_query (store, DOSSIER_TYPE_INCIDENT, &queries[1], &error), ==,
                   dossier_store_count_incidents (store, &queries[1], NULL));
  g_assert_no_error (error);

  /* Only columns of the records sort them, filtered or not. */
  for (guint q = 0; q < 2; q++)
    {
      g_autoptr(GPtrArray) page = dossier_store_query_records (store, DOSSIER_TYPE_PERSON, &queries[q],
                                                               "code; DROP TABLE person", FALSE, 0, 10, &error);

      g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID);
      g_assert_null (page);
      g_clear_error (&error);
    }
}

static void
test_query_errors (void)
{
  g_autoptr(DossierStore) store = synth ("errors.dossier", 50, 0, 0, 0, 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = NULL;
  DossierIncidentQuery query = { .text = (char *) "\"*" };

  page = dossier_store_query_incidents (store, NULL, "title_fr; DROP TABLE incident", FALSE, 0, 10, &error);
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID);
  g_assert_null (page);
  g_clear_error (&error);

  /* Text without words filters nothing; FTS syntax typed by the user is just text. */
  g_assert_cmpint (dossier_store_count_incidents (store, &query, &error), ==, 50);
  g_assert_no_error (error);
  query.text = (char *) "NEAR(\"a\" OR";
  g_assert_cmpint (dossier_store_count_incidents (store, &query, &error), >=, 0);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  dossier_test_register_resources ();

  g_test_add_func ("/query/against-brute-force", test_query_against_brute_force);
  g_test_add_func ("/query/linked-records", test_query_linked_records);
  g_test_add_func ("/query/errors", test_query_errors);

  return g_test_run ();
}
