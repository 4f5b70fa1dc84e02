/* dossier-synth.c: deterministic synthetic dossiers of any size, for tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same seed gives the same dossier, byte for byte in its records: uuids and dates come
 * from the seeded generator too. Places are Mali's cercles from the vocabulary, with their
 * coordinates; texts are built from French and English phrases, with a few rare words so
 * that searches for rare and common terms can be measured. Everything is written in one
 * transaction with prepared statements, bypassing the per-record audit: a synthetic
 * dossier has no history to record.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "dossier-edtf.h"
#include "dossier-incident.h"
#include "dossier-synth.h"
#include "dossier-vocab.h"

typedef struct {
  GRand        *rand;
  DossierStore *store;
  GPtrArray    *cercles;   /* DossierVocabTerm of admin2 */
  GHashTable   *labels;    /* admin1 code → label */
  guint         serial;    /* for timestamps */
} Synth;

static const char * const violation_types[] = {
  "killing", "summary-execution", "killing-civilians-attacks", "enforced-disappearance", "abduction",
  "arbitrary-detention", "torture", "rape", "sexual-violence", "recruitment-children",
  "killing-maiming-children", "attacks-schools-hospitals", "looting-destruction-property",
  "forced-displacement", "threats-intimidation", "explosive-devices", "restriction-movement",
};
static const char * const verifications[] = { "alleged", "alleged", "alleged", "corroborated", "corroborated", "verified", "discounted" };
static const char * const proofs[] = { "not-assessed", "not-assessed", "insufficient", "reasonable-grounds" };
static const char * const kinds[] = { "state-security-forces", "foreign-forces", "non-state-armed-group", "militia", "communal-group", "other" };
static const char * const kind_fr[] = { "Force de sécurité", "Force étrangère", "Groupe armé non étatique", "Milice d’autodéfense", "Groupe communautaire", "Autre acteur" };
static const char * const sexes[] = { "female", "male", "unknown" };
static const char * const age_groups[] = { "child", "adult", "adult", "elderly", "unknown" };
static const char * const offices[] = { "bamako", "gao", "kidal", "menaka", "mopti", "tombouctou", "segou" };
static const char * const statuses[] = { "recorded", "transcribed", "indexed", "reviewed" };
static const char * const roles[] = { "victim", "survivor", "direct-witness", "indirect-witness", "relative-of-victim" };

static const char * const title_fr[] = {
  "Attaque contre le village de ", "Exécutions sommaires près de ", "Enlèvements sur la route de ",
  "Incendie du marché de ", "Arrestations arbitraires à ", "Violences sexuelles signalées à ",
  "Déplacement forcé des habitants de ", "Engin explosif sur l’axe de ",
};
static const char * const title_en[] = {
  "Attack on the village of ", "Summary executions near ", "Abductions on the road to ",
  "Burning of the market in ", "Arbitrary arrests in ", "Sexual violence reported in ",
  "Forced displacement of the inhabitants of ", "Explosive device on the road to ",
};
static const char * const words_fr[] = {
  "le", "la", "les", "des", "un", "une", "et", "nous", "ils", "elles", "je", "mon", "ma", "mes", "notre",
  "village", "marché", "route", "puits", "champ", "école", "mosquée", "famille", "enfants", "femmes",
  "hommes", "anciens", "voisins", "soldats", "combattants", "motos", "camion", "armes", "coups", "feu",
  "matin", "soir", "nuit", "jour", "semaine", "saison", "pluies", "troupeau", "bétail", "greniers",
  "maisons", "brûlé", "tué", "blessé", "arrêté", "emmené", "disparu", "revenu", "fui", "caché", "vu",
  "entendu", "dit", "demandé", "attendu", "enterré", "peur", "silence", "cris", "fumée", "poussière",
  "témoin", "témoignage", "témoigner", "victime", "survivant", "plainte", "justice", "vérité", "commission",
  "après", "avant", "pendant", "quand", "depuis", "encore", "jamais", "toujours", "beaucoup", "plusieurs",
  "sur", "sous", "dans", "vers", "chez", "avec", "sans", "pour", "par", "contre", "entre",
};
static const char * const words_en[] = {
  "the", "a", "and", "we", "they", "I", "my", "our", "their", "village", "market", "road", "well",
  "field", "school", "mosque", "family", "children", "women", "men", "elders", "neighbours", "soldiers",
  "fighters", "motorbikes", "truck", "weapons", "shots", "fire", "morning", "evening", "night", "day",
  "week", "season", "rains", "herd", "cattle", "granaries", "houses", "burned", "killed", "wounded",
  "arrested", "taken", "disappeared", "returned", "fled", "hid", "saw", "heard", "said", "asked",
  "waited", "buried", "fear", "silence", "screams", "smoke", "dust", "witness", "testimony", "testify",
  "victim", "survivor", "complaint", "justice", "truth", "commission", "after", "before", "during",
  "when", "since", "again", "never", "always", "many", "several", "on", "under", "in", "towards",
  "with", "without", "for", "by", "against", "between",
};
/* Rare words: each appears in well under 1 % of transcripts. */
static const char * const rare_words[] = {
  "hélicoptère", "pirogue", "calebasse", "boubou", "karité", "harmattan", "transhumance", "baobab",
  "forgeron", "griot", "tamarinier", "marabout",
};

static char *
rand_uuid (GRand *rand)
{
  guint8 b[16];

  for (int i = 0; i < 16; i++)
    b[i] = g_rand_int (rand) & 0xff;
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                          b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

static char *
timestamp (Synth *s)
{
  /* A fixed origin: the same seed gives the same dates. */
  guint n = s->serial++;
  return g_strdup_printf ("2024-01-%02uT%02u:%02u:%02u.000000Z", 1 + (n / 86400) % 28,
                          (n / 3600) % 24, (n / 60) % 60, n % 60);
}

#define PICK(s, array) (array[g_rand_int_range ((s)->rand, 0, G_N_ELEMENTS (array))])

static gboolean
step (Synth         *s,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  return _dossier_store_step_done (s->store, stmt, error);
}

static void
bind_common (Synth        *s,
             sqlite3_stmt *stmt,
             const char   *code)
{
  g_autofree char *uuid = rand_uuid (s->rand);
  g_autofree char *at = timestamp (s);

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, at, -1, SQLITE_TRANSIENT);
}

static char *
random_date (Synth *s)
{
  int year = g_rand_int_range (s->rand, 2012, 2025);
  int month = g_rand_int_range (s->rand, 1, 13);
  int day = g_rand_int_range (s->rand, 1, g_date_get_days_in_month (month, year) + 1);
  int kind = g_rand_int_range (s->rand, 0, 100);
  const char *q = "";
  int r = g_rand_int_range (s->rand, 0, 100);

  if (r < 8)
    q = "~";
  else if (r < 12)
    q = "?";
  if (kind < 60)
    return g_strdup_printf ("%04d-%02d-%02d%s", year, month, day, q);
  if (kind < 82)
    return g_strdup_printf ("%04d-%02d%s", year, month, q);
  if (kind < 90)
    return g_strdup_printf ("%04d%s", year, q);
  /* A few days, within the month. */
  return g_strdup_printf ("%04d-%02d-%02d/%04d-%02d-%02d", year, month, MIN (day, 20), year, month,
                          MIN (day, 20) + g_rand_int_range (s->rand, 1, 8));
}

static void
append_words (Synth      *s,
              GString    *text,
              gboolean    fr,
              guint       n,
              const char *place)
{
  for (guint i = 0; i < n; i++)
    {
      const char *w;
      guint r = g_rand_int_range (s->rand, 0, 100000);

      if (r < 3)
        w = PICK (s, rare_words);
      else if (r < 40)
        w = place;
      else
        w = fr ? PICK (s, words_fr) : PICK (s, words_en);
      if (i > 0)
        g_string_append_c (text, i % 14 == 0 ? '.' : ' ');
      if (i % 14 == 0 && i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, w);
    }
  g_string_append_c (text, '.');
}

static gboolean
make_actors (Synth   *s,
             guint    n,
             GArray  *ids,
             GError **error)
{
  sqlite3_stmt *stmt = _dossier_store_prepare (s->store,
      "INSERT INTO actor (uuid, code, created_at, updated_at, name, acronym, kind, description) "
      "VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, '')", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *code = g_strdup_printf ("ACT-%04u", i + 1);
      g_autofree char *name = NULL;
      g_autofree char *acronym = g_strdup_printf ("SYN%u", i + 1);
      guint k = i % G_N_ELEMENTS (kinds);
      gint64 id;

      name = g_strdup_printf ("%s %c%u (synthétique)", kind_fr[k], 'A' + i % 26, i / 26 + 1);
      bind_common (s, stmt, code);
      sqlite3_bind_text (stmt, 4, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, acronym, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, kinds[k], -1, SQLITE_STATIC);
      if (!step (s, stmt, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (dossier_store_get_db (s->store));
      g_array_append_val (ids, id);
    }
  return TRUE;
}

static gboolean
make_incidents (Synth                     *s,
                const DossierSynthOptions *o,
                GArray                    *actors,
                GArray                    *ids,
                DossierProgressFunc        progress,
                gpointer                   progress_data,
                guint64                    total,
                GError                   **error)
{
  sqlite3_stmt *inc, *vio, *cas, *act;

  inc = _dossier_store_prepare (s->store,
      "INSERT INTO incident (uuid, code, created_at, updated_at, title_fr, title_en, summary_fr, summary_en, "
      "date_edtf, date_start, date_end, place, admin1, admin2, latitude, longitude, location_precision, "
      "verification, standard_of_proof, confidentiality, sources) "
      "VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, 'restricted', 'Données synthétiques')",
      error);
  if (inc == NULL)
    return FALSE;

  for (guint i = 0; i < o->incidents; i++)
    {
      DossierVocabTerm *cercle = s->cercles->pdata[g_rand_int_range (s->rand, 0, s->cercles->len)];
      g_autofree char *code = g_strdup_printf ("INC-%04u", i + 1);
      g_autofree char *date = random_date (s);
      guint t = g_rand_int_range (s->rand, 0, G_N_ELEMENTS (title_fr));
      /* Every title ends with the place. */
      g_autofree char *tfr = g_strconcat (title_fr[t], cercle->label_fr, NULL);
      g_autofree char *ten = g_strconcat (title_en[t], cercle->label_en, NULL);
      g_autoptr(GString) sfr = g_string_new ("Selon les informations recueillies, ");
      g_autoptr(GString) sen = g_string_new ("According to the information gathered, ");
      const char *region = g_hash_table_lookup (s->labels, cercle->parent);
      guint32 start = 0, end = 0;
      int p = g_rand_int_range (s->rand, 0, 100);
      const char *precision = p < 20 ? "exact" : p < 80 ? "near-town" : p < 95 ? "region" : "unknown";
      gint64 id;
      guint nv;

      g_string_append_printf (sfr, "des faits graves ont eu lieu à %s, dans la région de %s. ", cercle->label_fr, region);
      g_string_append_printf (sen, "serious events took place in %s, in the %s region. ", cercle->label_en, region);
      append_words (s, sfr, TRUE, 20, cercle->label_fr);
      append_words (s, sen, FALSE, 20, cercle->label_en);
      dossier_edtf_bounds (date, &start, &end, NULL);

      bind_common (s, inc, code);
      sqlite3_bind_text (inc, 4, tfr, -1, SQLITE_STATIC);
      sqlite3_bind_text (inc, 5, ten, -1, SQLITE_STATIC);
      sqlite3_bind_text (inc, 6, sfr->str, -1, SQLITE_STATIC);
      sqlite3_bind_text (inc, 7, sen->str, -1, SQLITE_STATIC);
      sqlite3_bind_text (inc, 8, date, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (inc, 9, start);
      sqlite3_bind_int64 (inc, 10, end);
      sqlite3_bind_text (inc, 11, cercle->label_fr, -1, SQLITE_STATIC);
      sqlite3_bind_text (inc, 12, cercle->parent, -1, SQLITE_STATIC);
      sqlite3_bind_text (inc, 13, cercle->code, -1, SQLITE_STATIC);
      if (g_str_equal (precision, "unknown"))
        {
          sqlite3_bind_null (inc, 14);
          sqlite3_bind_null (inc, 15);
        }
      else
        {
          double spread = g_str_equal (precision, "region") ? 0.0 : 0.25;
          sqlite3_bind_double (inc, 14, cercle->latitude + g_rand_double_range (s->rand, -spread, spread));
          sqlite3_bind_double (inc, 15, cercle->longitude + g_rand_double_range (s->rand, -spread, spread));
        }
      sqlite3_bind_text (inc, 16, precision, -1, SQLITE_STATIC);
      sqlite3_bind_text (inc, 17, PICK (s, verifications), -1, SQLITE_STATIC);
      sqlite3_bind_text (inc, 18, PICK (s, proofs), -1, SQLITE_STATIC);
      if (!step (s, inc, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (dossier_store_get_db (s->store));
      g_array_append_val (ids, id);

      vio = _dossier_store_prepare (s->store, "INSERT OR IGNORE INTO incident_violation (incident_id, type) VALUES (?1, ?2)", error);
      if (vio == NULL)
        return FALSE;
      nv = g_rand_int_range (s->rand, 1, 4);
      for (guint v = 0; v < nv; v++)
        {
          sqlite3_bind_int64 (vio, 1, id);
          sqlite3_bind_text (vio, 2, PICK (s, violation_types), -1, SQLITE_STATIC);
          if (!step (s, vio, error))
            return FALSE;
        }

      cas = _dossier_store_prepare (s->store, "INSERT OR IGNORE INTO casualty (incident_id, category, grp, count) VALUES (?1, ?2, ?3, ?4)", error);
      if (cas == NULL)
        return FALSE;
      for (guint c = 0; c < 2; c++)
        {
          /* Most incidents have few victims, a few have many. */
          double u = g_rand_double (s->rand);
          gint64 n = (gint64) floor (pow (u, 3) * 60);

          if (n == 0)
            continue;
          sqlite3_bind_int64 (cas, 1, id);
          sqlite3_bind_text (cas, 2, dossier_casualty_categories[c == 0 ? 0 : g_rand_int_range (s->rand, 1, DOSSIER_N_CASUALTY_CATEGORIES)], -1, SQLITE_STATIC);
          sqlite3_bind_text (cas, 3, dossier_casualty_groups[g_rand_int_range (s->rand, 0, DOSSIER_N_CASUALTY_GROUPS)], -1, SQLITE_STATIC);
          sqlite3_bind_int64 (cas, 4, n);
          if (!step (s, cas, error))
            return FALSE;
        }

      if (actors->len > 0 && g_rand_int_range (s->rand, 0, 100) < 70)
        {
          g_autofree char *uuid = rand_uuid (s->rand);
          g_autofree char *at = timestamp (s);

          act = _dossier_store_prepare (s->store,
              "INSERT OR IGNORE INTO incident_actor (uuid, created_at, updated_at, incident_id, actor_id, role, involvement) "
              "VALUES (?1, ?2, ?2, ?3, ?4, 'alleged-perpetrator', 'suspected')", error);
          if (act == NULL)
            return FALSE;
          sqlite3_bind_text (act, 1, uuid, -1, SQLITE_STATIC);
          sqlite3_bind_text (act, 2, at, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (act, 3, id);
          sqlite3_bind_int64 (act, 4, g_array_index (actors, gint64, g_rand_int_range (s->rand, 0, actors->len)));
          if (!step (s, act, error))
            return FALSE;
        }
      if (progress && (i % 1000) == 0)
        progress (i, total, progress_data);
    }
  return TRUE;
}

static gboolean
make_people (Synth                     *s,
             const DossierSynthOptions *o,
             GArray                    *incidents,
             GArray                    *ids,
             GError                   **error)
{
  for (guint i = 0; i < o->people; i++)
    {
      DossierVocabTerm *cercle = s->cercles->pdata[g_rand_int_range (s->rand, 0, s->cercles->len)];
      g_autofree char *code = g_strdup_printf ("TEM-%04u", i + 1);
      g_autofree char *name = g_strdup_printf ("Personne synthétique %06u", i + 1);
      sqlite3_stmt *stmt = _dossier_store_prepare (s->store,
          "INSERT INTO person (uuid, code, created_at, updated_at, protection, sex, age, age_group, "
          "community, residence_admin1, residence_admin2, languages, consent, notes) "
          "VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?7, '', ?8, ?9, 'fr', 'internal-only', '')", error);
      gint64 id;

      if (stmt == NULL)
        return FALSE;
      bind_common (s, stmt, code);
      sqlite3_bind_text (stmt, 4, g_rand_boolean (s->rand) ? "protected" : "confidential", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, PICK (s, sexes), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 6, g_rand_int_range (s->rand, 5, 90));
      sqlite3_bind_text (stmt, 7, PICK (s, age_groups), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, cercle->parent, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 9, cercle->code, -1, SQLITE_STATIC);
      if (!step (s, stmt, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (dossier_store_get_db (s->store));
      g_array_append_val (ids, id);

      stmt = _dossier_store_prepare (s->store,
          "INSERT INTO identity (uuid, created_at, updated_at, person_id, full_name) VALUES (?1, ?3, ?3, ?4, ?5)", error);
      if (stmt == NULL)
        return FALSE;
      bind_common (s, stmt, NULL);
      sqlite3_bind_int64 (stmt, 4, id);
      sqlite3_bind_text (stmt, 5, name, -1, SQLITE_STATIC);
      if (!step (s, stmt, error))
        return FALSE;

      if (incidents->len > 0)
        {
          stmt = _dossier_store_prepare (s->store,
              "INSERT OR IGNORE INTO incident_person (uuid, created_at, updated_at, incident_id, person_id, role) "
              "VALUES (?1, ?3, ?3, ?4, ?5, ?6)", error);
          if (stmt == NULL)
            return FALSE;
          bind_common (s, stmt, NULL);
          sqlite3_bind_int64 (stmt, 4, g_array_index (incidents, gint64, g_rand_int_range (s->rand, 0, incidents->len)));
          sqlite3_bind_int64 (stmt, 5, id);
          sqlite3_bind_text (stmt, 6, PICK (s, roles), -1, SQLITE_STATIC);
          if (!step (s, stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
make_testimonies (Synth                     *s,
                  const DossierSynthOptions *o,
                  GArray                    *incidents,
                  GArray                    *people,
                  DossierProgressFunc        progress,
                  gpointer                   progress_data,
                  guint64                    total,
                  GError                   **error)
{
  g_autoptr(GString) text = g_string_sized_new (o->words * 8 + 64);

  for (guint i = 0; i < o->testimonies; i++)
    {
      DossierVocabTerm *cercle = s->cercles->pdata[g_rand_int_range (s->rand, 0, s->cercles->len)];
      gboolean fr = g_rand_int_range (s->rand, 0, 100) < 65;
      g_autofree char *code = g_strdup_printf ("TES-%05u", i + 1);
      g_autofree char *summary = fr
        ? g_strdup_printf ("Témoignage synthétique recueilli à propos de faits survenus à %s", cercle->label_fr)
        : g_strdup_printf ("Synthetic testimony about events in %s", cercle->label_en);
      g_autofree char *date = g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (s->rand, 2019, 2025),
                                               g_rand_int_range (s->rand, 1, 13), g_rand_int_range (s->rand, 1, 29));
      sqlite3_stmt *stmt = _dossier_store_prepare (s->store,
          "INSERT INTO testimony (uuid, code, created_at, updated_at, person_id, taken_on, place, office, "
          "interviewer, language, summary, transcript, consent, status) "
          "VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?7, '', ?8, ?9, ?10, 'internal-only', ?11)", error);
      gint64 id;

      if (stmt == NULL)
        return FALSE;
      g_string_truncate (text, 0);
      append_words (s, text, fr, o->words, cercle->label_fr);
      bind_common (s, stmt, code);
      if (people->len > 0)
        sqlite3_bind_int64 (stmt, 4, g_array_index (people, gint64, g_rand_int_range (s->rand, 0, people->len)));
      else
        sqlite3_bind_null (stmt, 4);
      sqlite3_bind_text (stmt, 5, date, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, cercle->label_fr, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, PICK (s, offices), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, fr ? "fr" : "en", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 9, summary, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 10, text->str, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 11, PICK (s, statuses), -1, SQLITE_STATIC);
      if (!step (s, stmt, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (dossier_store_get_db (s->store));

      if (incidents->len > 0)
        {
          stmt = _dossier_store_prepare (s->store,
              "INSERT OR IGNORE INTO testimony_incident (uuid, created_at, updated_at, testimony_id, incident_id) "
              "VALUES (?1, ?3, ?3, ?4, ?5)", error);
          if (stmt == NULL)
            return FALSE;
          bind_common (s, stmt, NULL);
          sqlite3_bind_int64 (stmt, 4, id);
          sqlite3_bind_int64 (stmt, 5, g_array_index (incidents, gint64, g_rand_int_range (s->rand, 0, incidents->len)));
          if (!step (s, stmt, error))
            return FALSE;
        }
      if (progress && (i % 200) == 0)
        progress (o->incidents + i * (guint64) 10, total, progress_data);
    }
  return TRUE;
}

/**
 * dossier_synth_fill:
 * @store: an empty, writable #DossierStore
 * @options: how much to make, and the seed
 * @progress: (nullable): called now and then
 * @progress_data: for @progress
 * @error: return location for a #GError
 *
 * Fills @store with a synthetic dossier, in one transaction.
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
  g_autoptr(GArray) actors = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) incidents = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) regions = NULL;
  guint64 total = options->incidents + options->testimonies * (guint64) 10;
  Synth s = { 0 };
  gboolean ok;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  s.rand = g_rand_new_with_seed (options->seed);
  s.store = store;
  s.cercles = dossier_store_list_vocab (store, "admin2", error);
  regions = dossier_store_list_vocab (store, "admin1", error);
  if (s.cercles == NULL || regions == NULL)
    {
      g_rand_free (s.rand);
      g_clear_pointer (&s.cercles, g_ptr_array_unref);
      return FALSE;
    }
  s.labels = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < regions->len; i++)
    g_hash_table_insert (s.labels, ((DossierVocabTerm *) regions->pdata[i])->code,
                         ((DossierVocabTerm *) regions->pdata[i])->label_fr);

  ok = dossier_store_begin (store, error);
  if (ok)
    {
      ok = make_actors (&s, 30, actors, error) &&
           make_incidents (&s, options, actors, incidents, progress, progress_data, total, error) &&
           make_people (&s, options, incidents, people, error) &&
           make_testimonies (&s, options, incidents, people, progress, progress_data, total, error) &&
           _dossier_store_set_code_counter (store, "ACT", 31, error) &&
           _dossier_store_set_code_counter (store, "INC", options->incidents + 1, error) &&
           _dossier_store_set_code_counter (store, "TEM", options->people + 1, error) &&
           _dossier_store_set_code_counter (store, "TES", options->testimonies + 1, error);
      if (ok)
        ok = dossier_store_commit (store, error);
      else
        dossier_store_rollback (store);
    }
  if (ok && progress)
    progress (total, total, progress_data);

  g_hash_table_unref (s.labels);
  g_ptr_array_unref (s.cercles);
  g_rand_free (s.rand);
  return ok;
}
