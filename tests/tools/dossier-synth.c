/* dossier-synth.c: deterministic synthetic dossiers of any size, for tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same seed gives the same dossier, value for value: uuids and timestamps come from the
 * seeded generator and a fixed origin, never from the clock or the kernel.
 *
 * What is made looks like an inquiry's material, so that searches, lists, the map and the
 * timeline are measured on realistic shapes: incidents spread over Mali's cercles (weighted
 * towards the centre and the north), at coordinates jittered around invented villages near
 * each cercle's chef-lieu; EDTF dates from 2012 to 2024 at day, month and year precision,
 * with intervals, open ends, `~` and `?`; parallel French and English titles and summaries;
 * skewed casualty counts; 20 to 40 coded actors; coded people whose identity is only
 * "Personne synthétique N"; testimonies told in French or English about the incident they
 * are linked to. Village names are made up from syllables, actors are letters: nothing here
 * names a real person or group, or blames a real village for anything.
 *
 * Transcripts are built from sentence templates whose words have controlled document
 * frequencies: template words are in nearly every transcript, topic words only in
 * testimonies about one kind of violation (a few per cent), and a handful of rare objects in
 * well under one per cent (see DOSSIER_SYNTH_RARE_TERM and its neighbours).
 *
 * Speed: everything goes into one transaction through prepared statements, bypassing the
 * per-record validation and audit of dossier_store_insert() (a synthetic dossier has no
 * history to record); every vocabulary code used is checked once, up front, instead. On a
 * new dossier, the rollback journal replaces the WAL for the duration (a bulk load into an
 * empty file then writes each page once, rather than to the WAL and again at checkpoint).
 */
#include "config.h"

#include "dossier-synth-private.h"
#include "dossier-vocab.h"
#include "dossier-vocab-term-private.h" /* white-box */

/* ---------------------------------------------------------------------------------------- */
/* Set-up                                                                                   */

static void
synth_clear (Synth *s)
{
  for (guint i = 0; i < s->n_cercles; i++)
    {
      Cercle *c = &s->cercles[i];

      g_free (c->code);
      g_free (c->parent);
      g_free (c->label_fr);
      g_free (c->label_en);
      g_free (c->region_fr);
      g_free (c->region_en);
      g_free (c->office);
      g_free (c->office_label);
      for (guint v = 0; v < VILLAGES_PER_CERCLE; v++)
        g_free (c->villages[v]);
      g_clear_pointer (&c->incidents, g_array_unref);
    }
  g_free (s->cercles);
  g_free (s->cercle_cumulative);
  for (guint i = 0; i < s->n_actors; i++)
    {
      g_free (s->actors[i].name_fr);
      g_free (s->actors[i].name_en);
    }
  g_free (s->actors);
  for (guint k = 0; k < N_KINDS; k++)
    g_clear_pointer (&s->kind_actors[k], g_array_unref);
  g_free (s->incidents);
  g_clear_pointer (&s->type_labels_fr, g_hash_table_unref);
  g_clear_pointer (&s->type_labels_en, g_hash_table_unref);
  g_clear_pointer (&s->rand, g_rand_free);
}

/* Every code the generator writes must be a term of the dossier's vocabulary: checked once
 * here, since the rows below bypass the store's per-record validation. */
static gboolean
check_codes (Synth   *s,
             GError **error)
{
  static const struct {
    const char     *scheme;
    const Weighted *items;
    guint           n;
  } tables[] = {
#define T(scheme, table) { scheme, table, G_N_ELEMENTS (table) }
    T ("location-precision", precision_weights),
    T ("actor-role", actor_role_weights),
    T ("involvement", involvement_weights),
    T ("person-role", person_role_weights),
    T ("person-role", witness_role_weights),
    T ("verification-status", verification_weights),
    T ("standard-of-proof", proof_weights),
    T ("confidentiality", confidentiality_weights),
    T ("protection-level", protection_weights),
    T ("sex", sex_weights),
    T ("consent", consent_weights),
    T ("testimony-status", status_weights),
    T ("language", language_weights),
#undef T
  };
  static const char * const age_groups[] = { "child", "adult", "elderly", "unknown" };

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    for (guint i = 0; i < tables[t].n; i++)
      if (!dossier_store_check_term (s->store, tables[t].scheme, tables[t].items[i].code, error))
        return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (violations); i++)
    if (!dossier_store_check_term (s->store, "violation-type", violations[i].code, error))
      return FALSE;
  for (guint k = 0; k < N_KINDS; k++)
    if (!dossier_store_check_term (s->store, "actor-kind", kind_codes[k], error))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (age_groups); i++)
    if (!dossier_store_check_term (s->store, "age-group", age_groups[i], error))
      return FALSE;
  for (int c = 0; c < DOSSIER_N_CASUALTY_CATEGORIES; c++)
    if (!dossier_store_check_term (s->store, "casualty-category", dossier_casualty_categories[c], error))
      return FALSE;
  for (int g = 0; g < DOSSIER_N_CASUALTY_GROUPS; g++)
    if (!dossier_store_check_term (s->store, "casualty-group", dossier_casualty_groups[g], error))
      return FALSE;
  return TRUE;
}

static DossierVocabTerm *
find_term (GPtrArray  *terms,
           const char *code)
{
  for (guint i = 0; i < terms->len; i++)
    if (g_strcmp0 (((DossierVocabTerm *) terms->pdata[i])->code, code) == 0)
      return terms->pdata[i];
  return NULL;
}

static guint
region_weight (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (region_weights); i++)
    if (g_strcmp0 (region_weights[i].code, code) == 0)
      return region_weights[i].weight;
  return OTHER_REGION_WEIGHT;
}

/* Where a testimony about an incident in @region is most likely taken. */
static const char *
office_for_region (const char *region)
{
  static const char * const offices[] = { "mopti", "segou", "gao", "kidal", "menaka", "tombouctou" };

  for (guint i = 0; i < G_N_ELEMENTS (offices); i++)
    if (g_strcmp0 (region, offices[i]) == 0)
      return offices[i];
  if (g_strcmp0 (region, "taoudenit") == 0)
    return "tombouctou";
  return "bamako";
}

static char *
village_name (GRand      *rand,
              GHashTable *taken)
{
  for (;;)
    {
      g_autoptr(GString) name = g_string_new (name_first[g_rand_int_range (rand, 0, G_N_ELEMENTS (name_first))]);

      g_string_append (name, name_mid[g_rand_int_range (rand, 0, G_N_ELEMENTS (name_mid))]);
      if (g_rand_int_range (rand, 0, 100) < 70)
        g_string_append (name, name_last[g_rand_int_range (rand, 0, G_N_ELEMENTS (name_last))]);
      if (!g_hash_table_contains (taken, name->str))
        {
          char *result = g_string_free (g_steal_pointer (&name), FALSE);

          g_hash_table_add (taken, result);
          return g_strdup (result);
        }
    }
}

/* The cercles of the vocabulary, their invented villages, and their share of incidents.
 * Village names come from a generator of their own with a fixed seed: the same places in
 * every synthetic dossier, so that benchmarks can look for one. */
static gboolean
load_places (Synth   *s,
             GError **error)
{
  g_autoptr(GPtrArray) cercles = dossier_store_list_vocab (s->store, "admin2", error);
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(GPtrArray) offices = NULL;
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GRand) names = g_rand_new_with_seed (20120117);
  double total = 0;

  if (cercles == NULL ||
      (regions = dossier_store_list_vocab (s->store, "admin1", error)) == NULL ||
      (offices = dossier_store_list_vocab (s->store, "office", error)) == NULL)
    return FALSE;

  s->cercles = g_new0 (Cercle, cercles->len);
  s->cercle_cumulative = g_new0 (double, cercles->len);
  for (guint i = 0; i < cercles->len; i++)
    {
      DossierVocabTerm *term = cercles->pdata[i];
      DossierVocabTerm *region = find_term (regions, dossier_vocab_term_get_parent (term));
      DossierVocabTerm *office = find_term (offices, office_for_region (dossier_vocab_term_get_parent (term)));
      Cercle *c = &s->cercles[s->n_cercles];
      guint in_region = 0;

      if (region == NULL || isnan (dossier_vocab_term_get_latitude (term)) || isnan (dossier_vocab_term_get_longitude (term)))
        continue;
      for (guint j = 0; j < cercles->len; j++)
        in_region += g_strcmp0 (((DossierVocabTerm *) cercles->pdata[j])->parent, dossier_vocab_term_get_parent (term)) == 0;

      c->code = g_strdup (dossier_vocab_term_get_code (term));
      c->parent = g_strdup (dossier_vocab_term_get_parent (term));
      c->label_fr = g_strdup (dossier_vocab_term_get_label_fr (term));
      c->label_en = g_strdup (dossier_vocab_term_get_label_en (term));
      c->region_fr = g_strdup (dossier_vocab_term_get_label_fr (region));
      c->region_en = g_strdup (dossier_vocab_term_get_label_en (region));
      c->lat = dossier_vocab_term_get_latitude (term);
      c->lon = dossier_vocab_term_get_longitude (term);
      c->region_lat = isnan (dossier_vocab_term_get_latitude (region)) ? dossier_vocab_term_get_latitude (term) : dossier_vocab_term_get_latitude (region);
      c->region_lon = isnan (dossier_vocab_term_get_longitude (region)) ? dossier_vocab_term_get_longitude (term) : dossier_vocab_term_get_longitude (region);
      c->office = office ? g_strdup (dossier_vocab_term_get_code (office)) : NULL;
      c->office_label = g_strdup (office ? dossier_vocab_term_get_label_fr (office) : dossier_vocab_term_get_label_fr (term));
      for (guint v = 0; v < VILLAGES_PER_CERCLE; v++)
        {
          c->villages[v] = village_name (names, taken);
          /* Not inside CLAMP (): it would draw more than once. */
          double lat = c->lat + g_rand_double_range (names, -0.4, 0.4);
          double lon = c->lon + g_rand_double_range (names, -0.4, 0.4);

          c->village_lat[v] = CLAMP (lat, -89.0, 89.0);
          c->village_lon[v] = CLAMP (lon, -179.0, 179.0);
        }
      c->incidents = g_array_new (FALSE, FALSE, sizeof (guint));
      total += (double) region_weight (dossier_vocab_term_get_parent (term)) / in_region;
      s->cercle_cumulative[s->n_cercles] = total;
      s->n_cercles++;
    }
  if (s->n_cercles == 0)
    {
      g_set_error_literal (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                           "The dossier’s vocabulary has no cercles with coordinates");
      return FALSE;
    }
  for (guint i = 0; i < s->n_cercles; i++)
    s->cercle_cumulative[i] /= total;
  return TRUE;
}

static gboolean
load_type_labels (Synth   *s,
                  GError **error)
{
  g_autoptr(GPtrArray) terms = dossier_store_list_vocab (s->store, "violation-type", error);

  if (terms == NULL)
    return FALSE;
  s->type_labels_fr = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s->type_labels_en = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < terms->len; i++)
    {
      DossierVocabTerm *term = terms->pdata[i];

      g_hash_table_insert (s->type_labels_fr, g_strdup (dossier_vocab_term_get_code (term)), g_utf8_strdown (dossier_vocab_term_get_label_fr (term), -1));
      g_hash_table_insert (s->type_labels_en, g_strdup (dossier_vocab_term_get_code (term)), g_utf8_strdown (dossier_vocab_term_get_label_en (term), -1));
    }
  return TRUE;
}

guint
synth_pick_cercle (Synth *s)
{
  double r = g_rand_double (s->rand);
  guint lo = 0, hi = s->n_cercles - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (s->cercle_cumulative[mid] <= r)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static gboolean
prepare (Synth   *s,
         GError **error)
{
  static const struct {
    goffset     offset;
    const char *sql;
  } statements[] = {
#define S(member, sql) { G_STRUCT_OFFSET (Synth, member), sql }
    S (insert_actor,
       "INSERT INTO actor (uuid, created_at, updated_at, code, name, acronym, kind, parent_id, description) "
       "VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
    S (insert_incident,
       "INSERT INTO incident (uuid, created_at, updated_at, code, title_fr, title_en, summary_fr, summary_en, "
       "date_edtf, date_start, date_end, place, admin1, admin2, admin3, latitude, longitude, location_precision, "
       "verification, standard_of_proof, confidentiality, sources) "
       "VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)"),
    S (insert_violation, "INSERT INTO incident_violation (incident_id, type) VALUES (?1, ?2)"),
    S (insert_casualty, "INSERT INTO casualty (incident_id, category, grp, count) VALUES (?1, ?2, ?3, ?4)"),
    S (insert_incident_actor,
       "INSERT OR IGNORE INTO incident_actor (uuid, created_at, updated_at, incident_id, actor_id, role, involvement, detail) "
       "VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, '')"),
    S (insert_person,
       "INSERT INTO person (uuid, created_at, updated_at, code, protection, sex, age, age_group, community, "
       "residence_admin1, residence_admin2, languages, consent, notes) "
       "VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"),
    S (insert_identity,
       "INSERT INTO identity (uuid, created_at, updated_at, person_id, full_name, other_names, contact, address) "
       "VALUES (?1, ?2, ?2, ?3, ?4, '', '', '')"),
    S (insert_incident_person,
       "INSERT OR IGNORE INTO incident_person (uuid, created_at, updated_at, incident_id, person_id, role, detail) "
       "VALUES (?1, ?2, ?2, ?3, ?4, ?5, '')"),
    S (insert_testimony,
       "INSERT INTO testimony (uuid, created_at, updated_at, code, person_id, taken_on, place, office, interviewer, "
       "language, interpreter, summary, transcript, consent, status) "
       "VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"),
    S (insert_tag, "INSERT OR IGNORE INTO testimony_tag (testimony_id, tag) VALUES (?1, ?2)"),
    S (insert_testimony_incident,
       "INSERT OR IGNORE INTO testimony_incident (uuid, created_at, updated_at, testimony_id, incident_id, role, detail) "
       "VALUES (?1, ?2, ?2, ?3, ?4, '', ?5)"),
#undef S
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      sqlite3_stmt *stmt = _dossier_store_prepare (s->store, statements[i].sql, error);

      if (stmt == NULL)
        return FALSE;
      G_STRUCT_MEMBER (sqlite3_stmt *, s, statements[i].offset) = stmt;
    }
  return TRUE;
}

/* The next number of a code prefix, and the code's width, as the store would make them. */
gint64
synth_next_number (DossierStore *store,
             const char   *prefix)
{
  g_autoptr(GHashTable) counters = dossier_store_list_code_counters (store, NULL);
  gint64 *next = counters ? g_hash_table_lookup (counters, prefix) : NULL;

  return next ? *next : 1;
}

char *
synth_make_code (const DossierRecordInfo *info,
           gint64                   number)
{
  return g_strdup_printf ("%s-%0*" G_GINT64_FORMAT, info->code_prefix, info->code_digits, number);
}

/* The rows dossier_create() stamped with the clock and the kernel's randomness get
 * seeded uuids and the fixed origin too, so that two synthetic dossiers of the same seed hold
 * the same values throughout. */
static gboolean
make_stable (Synth   *s,
             GError **error)
{
  g_autofree char *uuid = synth_new_uuid (s);
  g_autofree char *at = synth_new_timestamp (s);
  g_autofree char *title = NULL;
  g_autofree char *mandate = g_strdup_printf ("Dossier synthétique généré pour les essais et les mesures (graine %u)" NBSP ": "
                                              "aucun fait, aucune personne, aucun groupe réels. "
                                              "Synthetic dossier made for tests and benchmarks (seed %u): "
                                              "no real event, person or group.", s->seed, s->seed);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  if (!dossier_store_get_info (s->store, NULL, &title, NULL, NULL, NULL, error) ||
      !dossier_restore_set_info (s->store, uuid, at, at, title, mandate, "2012/2024", "fr", error))
    return FALSE;

  stmt = _dossier_store_prepare (s->store, "SELECT id FROM vocabulary ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _dossier_store_set_error (s->store, error);
      return FALSE;
    }
  stmt = _dossier_store_prepare (s->store, "UPDATE vocabulary SET uuid = ?1, created_at = ?2, updated_at = ?2 WHERE id = ?3", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      synth_bind_identity (s, stmt);
      sqlite3_bind_int64 (stmt, 3, g_array_index (ids, gint64, i));
      if (!synth_step (s, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_empty (DossierStore  *store,
          GError       **error)
{
  DossierStoreCounts counts;

  if (!dossier_store_count (store, &counts, error))
    return FALSE;
  if (counts.incidents + counts.people + counts.testimonies + counts.evidence + counts.actors > 0)
    {
      g_set_error_literal (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                           "Synthetic data can only fill an empty dossier");
      return FALSE;
    }
  return TRUE;
}

/* A bulk load leaves each full-text index in many small segments, and every search reads
 * them all; merged into one, as a dossier's indexes end up after a long life of automatic
 * merges, searches are about a third faster (measured on 100,000 incidents and 20,000
 * transcripts: 18 ms rather than 28 ms for a term in 9 % of the records). Importers of
 * large batches should do the same. */
static gboolean
optimize_search (Synth   *s,
                 GError **error)
{
  static const char * const tables[] = { "incident_fts", "testimony_fts", "actor_fts" };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES ('optimize');", tables[i], tables[i]);

      if (!_dossier_store_exec (s->store, sql, error))
        return FALSE;
    }
  synth_advance (s, s->total - s->done);
  return TRUE;
}

static gboolean
fill (Synth                     *s,
      const DossierSynthOptions *options,
      GError                   **error)
{
  return check_codes (s, error) &&
         load_places (s, error) &&
         load_type_labels (s, error) &&
         prepare (s, error) &&
         make_stable (s, error) &&
         synth_make_actors (s, error) &&
         synth_make_incidents (s, options, error) &&
         synth_make_people (s, options, error) &&
         synth_make_testimonies (s, options, error) &&
         optimize_search (s, error);
}

/**
 * dossier_synth_fill:
 * @store: a new, empty, writable #DossierStore
 * @options: how much to make, and the seed
 * @progress: (nullable): called about a hundred times with the work done and the total,
 *   the last time with both equal
 * @progress_data: for @progress
 * @error: return location for a #GError
 *
 * Fills @store with a synthetic dossier, in one transaction: all of it or, on error,
 * nothing. The same options give the same values in every table.
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_synth_fill (DossierStore              *store,
                    const DossierSynthOptions *options,
                    DossierProgressFunc        progress,
                    gpointer                   progress_data,
                    GError                   **error)
{
  Synth s = { 0 };
  gboolean bulk;
  gboolean ok;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!is_empty (store, error))
    return FALSE;

  s.store = store;
  s.db = dossier_store_get_db (store);
  s.seed = options->seed;
  s.rand = g_rand_new_with_seed (options->seed);
  s.progress = progress;
  s.progress_data = progress_data;
  s.total = (guint64) options->incidents * COST_INCIDENT + (guint64) options->people * COST_PERSON +
            (guint64) options->testimonies * (COST_TESTIMONY_BASE + options->words);
  /* And about a twentieth of the time for merging the search indexes at the end. */
  s.total += s.total / 20;
  s.total = MAX (s.total, 1);

  /* A bulk load into a new file: the rollback journal holds only the few pages that existed
   * before, where the WAL would hold every new page and then copy it again at checkpoint
   * (measured: half the bytes written). Nothing in the new rows needs secure deletion. Both
   * are put back afterwards. Should another connection hold the file, the switch fails and
   * the load goes through the WAL: slower, and as safe. */
  bulk = sqlite3_get_autocommit (s.db) &&
         _dossier_store_exec (store, "PRAGMA journal_mode = DELETE; PRAGMA secure_delete = OFF;", NULL);

  ok = dossier_store_begin (store, error);
  if (ok)
    {
      ok = fill (&s, options, error);
      if (ok)
        ok = dossier_store_commit (store, error);
      else
        dossier_store_rollback (store);
    }

  if (bulk)
    {
      g_autoptr(GError) local = NULL;

      if (!_dossier_store_exec (store, "PRAGMA secure_delete = ON; PRAGMA journal_mode = WAL;", &local) && ok)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          ok = FALSE;
        }
    }
  synth_clear (&s);
  return ok;
}
