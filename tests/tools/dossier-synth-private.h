/* dossier-synth-private.h: what the synthetic dossier's files share (tools only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The word and place tables (dossier-synth-tables.c), the generator's state and its
 * helpers: random picks, seeded uuids and timestamps, statements (dossier-synth-text.c).
 */
#pragma once

#include <glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dossier-actor.h"
#include "dossier-digest.h"
#include "dossier-edtf.h"
#include "dossier-format.h"
#include "dossier-incident.h"
#include "dossier-person.h"
#include "dossier-record.h"
#include "dossier-testimony.h"
#include "dossier-vocab.h"
#include "dossier-restore.h"
#include "dossier-store-private.h" /* a test tool: 100,000 incidents go in through its own prepared statements, as no user's writes do */
#include "dossier-info.h"
#include "dossier-synth.h"

typedef struct {
  const char *fr;
  const char *en;
} Pair;

typedef struct {
  const char *code;
  guint       weight;
} Weighted;

/* French typography: a no-break space before : ; ? ! */
#define NBSP "\xc2\xa0"

/* ---------------------------------------------------------------------------------------- */
/* Where and when                                                                          */

#define OTHER_REGION_WEIGHT 2

/* EDTF shapes, in per mille. */
typedef enum {
  DATE_DAY, DATE_DAY_APPROX, DATE_DAY_UNCERTAIN, DATE_MONTH, DATE_MONTH_APPROX,
  DATE_MONTH_BOTH, DATE_YEAR, DATE_YEAR_UNCERTAIN, DATE_DAYS, DATE_MONTHS, DATE_OPEN_END,
  N_DATE_SHAPES
} DateShape;

#define VILLAGES_PER_CERCLE 36
#define COMMUNES_PER_CERCLE 6

/* ---------------------------------------------------------------------------------------- */
/* Who                                                                                      */

typedef enum {
  KIND_SECURITY, KIND_FOREIGN, KIND_NSAG, KIND_MILITIA, KIND_COMMUNAL, KIND_OTHER, N_KINDS
} ActorKind;

typedef struct {
  const char *name;
  const char *languages;  /* codes of the vocabulary “language”, as a person's languages */
  guint       weight;
} Community;

/* ---------------------------------------------------------------------------------------- */
/* What                                                                                     */

typedef enum {
  CAT_NONE = -1, CAT_KILLED, CAT_INJURED, CAT_DISAPPEARED, CAT_ABDUCTED, CAT_SEXUAL,
} Category;

typedef enum {
  TOPIC_KILL, TOPIC_DETENTION, TOPIC_SEXUAL, TOPIC_DISPLACEMENT, TOPIC_LOOTING,
  TOPIC_ABDUCTION, TOPIC_CHILDREN, TOPIC_EXPLOSIVE, TOPIC_THREATS, N_TOPICS
} Topic;

/* {A} the assailants, {P} the village, {C} the cercle's chef-lieu, {H} a time of day. */
typedef struct {
  const char *title_fr;
  const char *title_en;
  const char *act_fr;
  const char *act_en;
} Scenario;

typedef struct {
  const char *code;       /* vocabulary “violation-type” */
  guint       weight;
  int         scenario;
  int         scenario2;  /* another way to tell it, or -1 */
  Category    category;   /* the casualties it implies */
  gboolean    children;
  Topic       topic;
} Violation;

/* ---------------------------------------------------------------------------------------- */
/* Transcripts                                                                             */

/* Rare objects, each in about the given share of transcripts (per hundred thousand). */
typedef struct {
  const char *fr;
  const char *en;
  guint       per_100k;
} Rare;

/* The tables, in dossier-synth-tables.c. */
extern const Weighted region_weights[11];
extern const Weighted year_weights[13];
extern const guint date_shape_weights[N_DATE_SHAPES];
extern const Weighted precision_weights[4];
extern const char * const name_first[39];
extern const char * const name_mid[34];
extern const char * const name_last[20];
extern const char * const kind_codes[N_KINDS];
extern const Pair kind_names[N_KINDS];
extern const char * const kind_acronyms[N_KINDS];
extern const guint kind_actor_weights[N_KINDS];
extern const guint kind_incident_weights[N_KINDS];
extern const Pair attackers[N_KINDS][3];
extern const Weighted actor_role_weights[3];
extern const Weighted involvement_weights[5];
extern const Weighted person_role_weights[7];
extern const Weighted witness_role_weights[4];
extern const Weighted verification_weights[4];
extern const Weighted proof_weights[5];
extern const Weighted confidentiality_weights[3];
extern const Weighted protection_weights[3];
extern const Weighted sex_weights[3];
extern const Weighted consent_weights[3];
extern const Weighted status_weights[4];
extern const Weighted language_weights[8];
extern const Community communities[14];
extern const Scenario scenarios[26];
extern const Violation violations[35];
extern const guint group_weights[5][DOSSIER_N_CASUALTY_GROUPS];
extern const guint child_group_weights[DOSSIER_N_CASUALTY_GROUPS];
extern const Pair category_words[5][2];
extern const Pair context_sentences[10];
extern const Pair verification_sentences[4];
extern const Pair fill_relative[18];
extern const Pair fill_landmark[15];
extern const Pair fill_sound[7];
extern const Pair fill_time[8];
extern const Pair fill_verb[10];
extern const Pair fill_goods[9];
extern const Pair fill_duration[6];
extern const Pair fill_number[8];
extern const char * const questions_fr[10];
extern const char * const questions_en[10];
extern const char * const answers_fr[36];
extern const char * const answers_en[36];
extern const char * const topic_fr[N_TOPICS][4];
extern const char * const topic_en[N_TOPICS][4];
extern const Rare rare_objects[12];
extern const char * const rare_templates_fr[3];
extern const char * const rare_templates_en[3];

/* ---------------------------------------------------------------------------------------- */

typedef struct {
  char     *code;
  char     *parent;      /* region code */
  char     *label_fr;
  char     *label_en;
  char     *region_fr;
  char     *region_en;
  double    lat, lon;
  double    region_lat, region_lon;
  char     *office;      /* code of the nearest office */
  char     *office_label;
  char     *villages[VILLAGES_PER_CERCLE];
  double    village_lat[VILLAGES_PER_CERCLE];
  double    village_lon[VILLAGES_PER_CERCLE];
  GArray   *incidents;   /* guint indexes into Synth.incidents */
} Cercle;

typedef struct {
  gint64   id;
  char    *name_fr;
  char    *name_en;
  int      kind;
} Actor;

/* What testimonies need to know of the incident they tell. */
typedef struct {
  gint64   id;
  guint32  start;
  guint16  cercle;
  guint8   village;
  guint8   kind;       /* of the assailants */
  guint8   n_types;
  guint8   types[3];   /* indexes into violations[] */
  char     date[24];
} IncidentInfo;

typedef struct {
  GRand        *rand;
  DossierStore *store;
  sqlite3      *db;
  guint32       seed;

  Cercle       *cercles;
  guint         n_cercles;
  double       *cercle_cumulative;
  Actor        *actors;
  guint         n_actors;
  GArray       *kind_actors[N_KINDS];  /* indexes into actors */
  IncidentInfo *incidents;
  guint         n_incidents;
  gint64        first_person;
  guint         n_people;
  GHashTable   *type_labels_fr;        /* violation code → label */
  GHashTable   *type_labels_en;

  guint64       serial;                /* for timestamps */
  guint64       done;
  guint64       total;
  guint64       next_report;
  DossierProgressFunc progress;
  gpointer      progress_data;

  sqlite3_stmt *insert_actor;
  sqlite3_stmt *insert_incident;
  sqlite3_stmt *insert_violation;
  sqlite3_stmt *insert_casualty;
  sqlite3_stmt *insert_incident_actor;
  sqlite3_stmt *insert_person;
  sqlite3_stmt *insert_identity;
  sqlite3_stmt *insert_incident_person;
  sqlite3_stmt *insert_testimony;
  sqlite3_stmt *insert_tag;
  sqlite3_stmt *insert_testimony_incident;
} Synth;

/* What one piece of text is about. */
typedef struct {
  gboolean     fr;
  const char  *place;
  const char  *commune;
  const char  *cercle;
  const char  *region;
  const char  *refuge;
  const char  *date;
  const char  *attackers;
  const char  *actor;
  const char  *rare;
} Context;

/* Work units, for progress, in the time it takes to index a word of a transcript (measured:
 * an incident takes about as long as 600 words, mostly in its full-text indexing). */
#define COST_INCIDENT 600
#define COST_PERSON 80
#define COST_TESTIMONY_BASE 100

/* The timestamps of every record start here, one second apart. */
#define TIMESTAMP_ORIGIN_YEAR 2025
#define TIMESTAMP_ORIGIN_HOUR 8

/* Helpers of dossier-synth-text.c and dossier-synth-records.c, shared by the generator's files. */
#define PICK_CODE(s, table) (table[synth_pick_weighted ((s)->rand, table, G_N_ELEMENTS (table))].code)
#define PICK(s, array) (array[g_rand_int_range ((s)->rand, 0, G_N_ELEMENTS (array))])
#define PICK_ZIPF(s, array) (&array[synth_pick_zipf ((s)->rand, G_N_ELEMENTS (array))])

guint
synth_pick_weighted (GRand          *rand,
                     const Weighted *items,
                     guint           n);
guint
synth_pick_weights (GRand       *rand,
                    const guint *weights,
                    guint        n);
guint
synth_skewed_count (GRand *rand);
char *
synth_new_uuid (Synth *s);
char *
synth_new_timestamp (Synth *s);
void
synth_bind_text (sqlite3_stmt *stmt,
                 int           param,
                 const char   *text);
void
synth_bind_identity (Synth        *s,
                     sqlite3_stmt *stmt);
gboolean
synth_step (Synth         *s,
            sqlite3_stmt  *stmt,
            GError       **error);
void
synth_advance (Synth   *s,
               guint64  units);
void
synth_expand (Synth         *s,
              GString       *out,
              const char    *tmpl,
              const Context *ctx);
gboolean
synth_make_testimonies (Synth                     *s,
                        const DossierSynthOptions *options,
                        GError                   **error);
guint
synth_pick_cercle (Synth *s);
gint64
synth_next_number (DossierStore *store,
                   const char   *prefix);
char *
synth_make_code (const DossierRecordInfo *info,
                 gint64                   number);
gboolean
synth_make_actors (Synth   *s,
                   GError **error);
gboolean
synth_make_incidents (Synth                     *s,
                      const DossierSynthOptions *options,
                      GError                   **error);
gboolean
synth_link_person (Synth       *s,
                   gint64       incident_id,
                   gint64       person_id,
                   const char  *role,
                   GError     **error);
gboolean
synth_make_people (Synth                     *s,
                   const DossierSynthOptions *options,
                   GError                   **error);
guint
synth_pick_zipf (GRand *rand,
                 guint  n);
