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
#include "dossier-synth.h"
#include "dossier-testimony.h"
#include "dossier-vocab.h"
#include "dossier-store-private.h" /* FIXME(issue 14): internal use to remove */
#include "dossier-info.h"

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

/* Relative share of incidents per region (admin1); cercles split their region's share. */
static const Weighted region_weights[] = {
  { "mopti", 24 }, { "segou", 13 }, { "gao", 11 }, { "tombouctou", 9 }, { "menaka", 9 },
  { "kidal", 6 }, { "taoudenit", 1 }, { "koulikoro", 5 }, { "sikasso", 3 }, { "kayes", 2 },
  { "bamako", 2 },
};
#define OTHER_REGION_WEIGHT 2

static const Weighted year_weights[] = {
  { "2012", 9 }, { "2013", 7 }, { "2014", 3 }, { "2015", 4 }, { "2016", 4 }, { "2017", 5 },
  { "2018", 8 }, { "2019", 10 }, { "2020", 9 }, { "2021", 9 }, { "2022", 12 }, { "2023", 11 },
  { "2024", 8 },
};

/* EDTF shapes, in per mille. */
typedef enum {
  DATE_DAY, DATE_DAY_APPROX, DATE_DAY_UNCERTAIN, DATE_MONTH, DATE_MONTH_APPROX,
  DATE_MONTH_BOTH, DATE_YEAR, DATE_YEAR_UNCERTAIN, DATE_DAYS, DATE_MONTHS, DATE_OPEN_END,
  N_DATE_SHAPES
} DateShape;

static const guint date_shape_weights[N_DATE_SHAPES] = {
  480, 70, 40, 150, 30, 10, 40, 20, 120, 25, 15,
};

static const Weighted precision_weights[] = {
  { "exact", 30 }, { "near-town", 40 }, { "region", 20 }, { "unknown", 10 },
};

/* Syllables of invented village names. */
static const char * const name_first[] = {
  "Ba", "Bo", "Bou", "Da", "Dia", "Djo", "Do", "Dou", "Fa", "Ga", "Go", "Gou", "Ha", "In",
  "Ka", "Ké", "Ki", "Ko", "Kou", "Ma", "Mo", "Na", "Nia", "Ni", "Sa", "Sé", "Si", "So", "Sou",
  "Ta", "Té", "Ti", "Tin", "To", "Tou", "Wa", "Ya", "Yo", "Za",
};
static const char * const name_mid[] = {
  "ba", "bé", "bo", "da", "di", "do", "ga", "go", "gou", "ka", "ko", "kou", "la", "li", "lo",
  "ma", "mi", "mo", "na", "ni", "no", "ra", "ré", "ri", "ro", "rou", "sa", "si", "so", "ta",
  "té", "to", "ya", "zo",
};
static const char * const name_last[] = {
  "ré", "ra", "bé", "gou", "ko", "ni", "na", "ma", "dji", "kar", "déni", "béra", "sso", "lé",
  "rou", "bougou", "dougou", "kané", "ta", "daga",
};

#define VILLAGES_PER_CERCLE 36
#define COMMUNES_PER_CERCLE 6

/* ---------------------------------------------------------------------------------------- */
/* Who                                                                                      */

typedef enum {
  KIND_SECURITY, KIND_FOREIGN, KIND_NSAG, KIND_MILITIA, KIND_COMMUNAL, KIND_OTHER, N_KINDS
} ActorKind;

static const char * const kind_codes[N_KINDS] = {
  "state-security-forces", "foreign-forces", "non-state-armed-group", "militia",
  "communal-group", "other",
};
static const Pair kind_names[N_KINDS] = {
  { "Force de sécurité", "Security force" },
  { "Force étrangère", "Foreign force" },
  { "Groupe armé non étatique", "Non-state armed group" },
  { "Milice d’autodéfense", "Self-defence militia" },
  { "Groupe communautaire armé", "Armed communal group" },
  { "Autre acteur", "Other actor" },
};
static const char * const kind_acronyms[N_KINDS] = { "FS", "FE", "GANE", "MAD", "GCA", "AA" };
/* Share of actors of each kind, and of incidents attributed to each kind. */
static const guint kind_actor_weights[N_KINDS] = { 20, 10, 35, 20, 10, 5 };
static const guint kind_incident_weights[N_KINDS] = { 25, 8, 45, 15, 5, 2 };

/* How witnesses describe the assailants, by kind. */
static const Pair attackers[N_KINDS][3] = {
  { { "des militaires", "soldiers" },
    { "des éléments des forces de sécurité", "members of the security forces" },
    { "des hommes en tenue militaire", "men in military uniform" } },
  { { "des soldats étrangers", "foreign soldiers" },
    { "des militaires étrangers accompagnés de soldats", "foreign troops accompanied by soldiers" },
    { "des hommes armés étrangers", "armed foreigners" } },
  { { "des hommes armés", "armed men" },
    { "des hommes armés à moto", "armed men on motorbikes" },
    { "des combattants d’un groupe armé", "fighters of an armed group" } },
  { { "des chasseurs traditionnels armés", "armed traditional hunters" },
    { "des membres d’une milice d’autodéfense", "members of a self-defence militia" },
    { "des miliciens", "militiamen" } },
  { { "des membres d’une communauté voisine", "members of a neighbouring community" },
    { "des jeunes armés du village voisin", "armed youths from the next village" },
    { "des bergers armés", "armed herders" } },
  { { "des individus non identifiés", "unidentified individuals" },
    { "des inconnus armés", "unknown armed men" },
    { "des hommes que personne ne connaissait", "men nobody knew" } },
};

static const Weighted actor_role_weights[] = {
  { "alleged-perpetrator", 80 }, { "target", 12 }, { "present", 8 },
};
static const Weighted involvement_weights[] = {
  { "direct", 45 }, { "suspected", 30 }, { "command-responsibility", 8 }, { "support", 7 },
  { "unknown", 10 },
};
static const Weighted person_role_weights[] = {
  { "victim", 30 }, { "survivor", 20 }, { "direct-witness", 25 }, { "indirect-witness", 10 },
  { "relative-of-victim", 12 }, { "source", 2 }, { "alleged-perpetrator", 1 },
};
static const Weighted witness_role_weights[] = {
  { "direct-witness", 50 }, { "survivor", 25 }, { "relative-of-victim", 15 },
  { "indirect-witness", 10 },
};

static const Weighted verification_weights[] = {
  { "alleged", 50 }, { "corroborated", 25 }, { "verified", 15 }, { "discounted", 10 },
};
static const Weighted proof_weights[] = {
  { "not-assessed", 50 }, { "insufficient", 15 }, { "reasonable-grounds", 25 },
  { "balance-of-probabilities", 7 }, { "clear-and-convincing", 3 },
};
static const Weighted confidentiality_weights[] = {
  { "restricted", 60 }, { "public", 25 }, { "confidential", 15 },
};
static const Weighted protection_weights[] = {
  { "protected", 50 }, { "confidential", 40 }, { "public", 10 },
};
static const Weighted sex_weights[] = {
  { "female", 55 }, { "male", 43 }, { "unknown", 2 },
};
static const Weighted consent_weights[] = {
  { "internal-only", 55 }, { "anonymous-quotation", 40 }, { "public", 5 },
};
static const Weighted status_weights[] = {
  { "recorded", 10 }, { "transcribed", 25 }, { "indexed", 40 }, { "reviewed", 25 },
};
/* Testimony languages; all but English are transcribed in French, through an interpreter. */
static const Weighted language_weights[] = {
  { "fr", 55 }, { "en", 15 }, { "bm", 12 }, { "ff", 8 }, { "son", 4 }, { "tmh", 3 },
  { "ar", 2 }, { "dogon", 1 },
};

typedef struct {
  const char *name;
  const char *languages;  /* codes of the vocabulary “language”, as a person's languages */
  guint       weight;
} Community;

static const Community communities[] = {
  { "Peul", "ff, fr", 22 }, { "Dogon", "dogon, fr", 14 }, { "Bambara", "bm, fr", 16 },
  { "Songhaï", "son, fr", 10 }, { "Touareg", "tmh, ar", 8 }, { "Arabe", "ar, fr", 4 },
  { "Bozo", "bm", 4 }, { "Soninké", "snk, fr", 4 }, { "Bella", "son, tmh", 4 },
  { "Sénoufo", "bm, fr", 3 }, { "Minianka", "bm", 3 }, { "Malinké", "bm, fr", 4 },
  { "Mossi", "fr", 1 }, { "", "", 3 },
};

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

static const Scenario scenarios[] = {
#define SC_ATTACK 0
  { "Attaque contre le village de {P}", "Attack on the village of {P}",
    "{A} ont attaqué le village de {P} {H}", "{A} attacked the village of {P} {H}" },
#define SC_KILLING 1
  { "Meurtres de civils à {P}", "Killing of civilians in {P}",
    "{A} ont tué des civils à {P} {H}", "{A} killed civilians in {P} {H}" },
#define SC_EXECUTION 2
  { "Exécutions sommaires près de {P}", "Summary executions near {P}",
    "{A} ont exécuté des hommes qu’ils avaient arrêtés près de {P}", "{A} executed men they had arrested near {P}" },
#define SC_CUSTODY 3
  { "Décès en détention à {C}", "Death in custody in {C}",
    "un homme arrêté à {P} par {A} est mort en détention à {C}", "a man arrested in {P} by {A} died in custody in {C}" },
#define SC_INJURY 4
  { "Civils blessés par des tirs à {P}", "Civilians wounded by gunfire in {P}",
    "{A} ont ouvert le feu sur des civils à {P} {H}", "{A} opened fire on civilians in {P} {H}" },
#define SC_DISAPPEARANCE 5
  { "Disparitions forcées après une opération à {P}", "Enforced disappearances after an operation in {P}",
    "des hommes arrêtés à {P} par {A} n’ont plus été revus", "men arrested in {P} by {A} have not been seen since" },
#define SC_ABDUCTION 6
  { "Enlèvements sur la route de {P}", "Abductions on the road to {P}",
    "{A} ont enlevé des passagers sur la route de {P}", "{A} abducted passengers on the road to {P}" },
#define SC_DETENTION 7
  { "Arrestations arbitraires à {P}", "Arbitrary arrests in {P}",
    "{A} ont arrêté des habitants de {P} sans motif", "{A} arrested residents of {P} without charge" },
#define SC_TORTURE 8
  { "Mauvais traitements infligés à des détenus à {C}", "Ill-treatment of detainees in {C}",
    "des détenus originaires de {P} ont été frappés et privés de nourriture par {A}", "detainees from {P} were beaten and deprived of food by {A}" },
#define SC_SEXUAL 9
  { "Violences sexuelles signalées à {P}", "Sexual violence reported in {P}",
    "{A} ont commis des violences sexuelles contre des femmes de {P}", "{A} committed sexual violence against women of {P}" },
#define SC_CHILDREN 10
  { "Enfants tués ou blessés à {P}", "Children killed or injured in {P}",
    "des enfants ont été tués ou blessés lors d’une attaque de {A} à {P}", "children were killed or injured in an attack by {A} in {P}" },
#define SC_RECRUITMENT 11
  { "Recrutement d’enfants à {P}", "Recruitment of children in {P}",
    "{A} ont recruté des garçons de {P}", "{A} recruited boys from {P}" },
#define SC_SCHOOL 12
  { "Attaque contre l’école de {P}", "Attack on the school in {P}",
    "{A} ont incendié l’école de {P} et menacé les enseignants", "{A} burned the school in {P} and threatened the teachers" },
#define SC_HEALTH 13
  { "Attaque contre le centre de santé de {P}", "Attack on the health centre in {P}",
    "{A} ont pillé le centre de santé de {P} et frappé un infirmier", "{A} looted the health centre in {P} and beat a nurse" },
#define SC_HUMANITARIAN 14
  { "Attaque contre un convoi humanitaire près de {P}", "Attack on a humanitarian convoy near {P}",
    "{A} ont attaqué un convoi humanitaire près de {P}", "{A} attacked a humanitarian convoy near {P}" },
#define SC_BLOCKADE 15
  { "Blocus imposé à {P}", "Blockade imposed on {P}",
    "{A} ont empêché les habitants de {P} de sortir du village et d’aller aux champs", "{A} prevented the residents of {P} from leaving the village and reaching their fields" },
#define SC_LOOTING 16
  { "Pillage et incendie du marché de {P}", "Looting and burning of the market in {P}",
    "{A} ont pillé puis incendié le marché de {P}", "{A} looted and then burned the market in {P}" },
#define SC_GRANARIES 17
  { "Destruction de greniers à {P}", "Destruction of granaries in {P}",
    "{A} ont brûlé les greniers et emporté le bétail de {P}", "{A} burned the granaries and took the livestock of {P}" },
#define SC_DISPLACEMENT 18
  { "Déplacement forcé des habitants de {P}", "Forced displacement of the inhabitants of {P}",
    "{A} ont ordonné aux habitants de {P} de quitter le village", "{A} ordered the inhabitants of {P} to leave the village" },
#define SC_PROTEST 19
  { "Usage excessif de la force contre des manifestants à {C}", "Excessive force against protesters in {C}",
    "{A} ont tiré sur des manifestants à {C}", "{A} fired on protesters in {C}" },
#define SC_THREATS 20
  { "Menaces contre des habitants de {P}", "Threats against residents of {P}",
    "{A} ont menacé des habitants de {P} de représailles", "{A} threatened residents of {P} with reprisals" },
#define SC_PEACEKEEPERS 21
  { "Attaque contre une patrouille de maintien de la paix près de {P}", "Attack on a peacekeeping patrol near {P}",
    "{A} ont attaqué une patrouille de maintien de la paix près de {P}", "{A} attacked a peacekeeping patrol near {P}" },
#define SC_EXPLOSIVE 22
  { "Engin explosif sur l’axe {P}–{C}", "Explosive device on the {P}–{C} road",
    "un véhicule transportant des civils a sauté sur un engin explosif entre {P} et {C}", "a vehicle carrying civilians struck an explosive device between {P} and {C}" },
#define SC_TRAFFICKING 23
  { "Traite de personnes signalée à {C}", "Human trafficking reported in {C}",
    "des jeunes femmes de {P} auraient été emmenées par {A} à des fins d’exploitation", "young women from {P} were reportedly taken by {A} for exploitation" },
#define SC_MARRIAGE 24
  { "Mariages forcés signalés à {P}", "Forced marriages reported in {P}",
    "{A} auraient contraint des jeunes filles de {P} à épouser des combattants", "{A} reportedly forced girls from {P} to marry fighters" },
#define SC_RESTRICTIONS 25
  { "Restrictions imposées aux habitants de {P}", "Restrictions imposed on residents of {P}",
    "{A} ont interdit les rassemblements et la musique à {P}", "{A} banned gatherings and music in {P}" },
};

typedef struct {
  const char *code;       /* vocabulary “violation-type” */
  guint       weight;
  int         scenario;
  int         scenario2;  /* another way to tell it, or -1 */
  Category    category;   /* the casualties it implies */
  gboolean    children;
  Topic       topic;
} Violation;

static const Violation violations[] = {
  { "killing", 40, SC_ATTACK, SC_KILLING, CAT_KILLED, FALSE, TOPIC_KILL },
  { "summary-execution", 14, SC_EXECUTION, -1, CAT_KILLED, FALSE, TOPIC_KILL },
  { "killing-civilians-attacks", 20, SC_ATTACK, SC_KILLING, CAT_KILLED, FALSE, TOPIC_KILL },
  { "death-in-custody", 2, SC_CUSTODY, -1, CAT_KILLED, FALSE, TOPIC_DETENTION },
  { "injury", 14, SC_INJURY, -1, CAT_INJURED, FALSE, TOPIC_KILL },
  { "enforced-disappearance", 9, SC_DISAPPEARANCE, -1, CAT_DISAPPEARED, FALSE, TOPIC_DETENTION },
  { "abduction", 14, SC_ABDUCTION, -1, CAT_ABDUCTED, FALSE, TOPIC_ABDUCTION },
  { "hostage-taking", 3, SC_ABDUCTION, -1, CAT_ABDUCTED, FALSE, TOPIC_ABDUCTION },
  { "arbitrary-detention", 11, SC_DETENTION, -1, CAT_NONE, FALSE, TOPIC_DETENTION },
  { "torture", 6, SC_TORTURE, -1, CAT_NONE, FALSE, TOPIC_DETENTION },
  { "cruel-treatment", 4, SC_TORTURE, -1, CAT_NONE, FALSE, TOPIC_DETENTION },
  { "sexual-violence", 4, SC_SEXUAL, -1, CAT_SEXUAL, FALSE, TOPIC_SEXUAL },
  { "rape", 4, SC_SEXUAL, -1, CAT_SEXUAL, FALSE, TOPIC_SEXUAL },
  { "sexual-slavery", 1, SC_SEXUAL, -1, CAT_SEXUAL, FALSE, TOPIC_SEXUAL },
  { "forced-marriage", 1, SC_MARRIAGE, -1, CAT_NONE, FALSE, TOPIC_SEXUAL },
  { "other-sexual-violence", 1, SC_SEXUAL, -1, CAT_SEXUAL, FALSE, TOPIC_SEXUAL },
  { "trafficking", 1, SC_TRAFFICKING, -1, CAT_ABDUCTED, FALSE, TOPIC_ABDUCTION },
  { "grave-violations-children", 2, SC_CHILDREN, -1, CAT_KILLED, TRUE, TOPIC_CHILDREN },
  { "recruitment-children", 3, SC_RECRUITMENT, -1, CAT_NONE, TRUE, TOPIC_CHILDREN },
  { "killing-maiming-children", 4, SC_CHILDREN, -1, CAT_KILLED, TRUE, TOPIC_CHILDREN },
  { "abduction-children", 2, SC_ABDUCTION, -1, CAT_ABDUCTED, TRUE, TOPIC_CHILDREN },
  { "sexual-violence-children", 1, SC_SEXUAL, -1, CAT_SEXUAL, TRUE, TOPIC_SEXUAL },
  { "attacks-schools-hospitals", 3, SC_SCHOOL, SC_HEALTH, CAT_NONE, FALSE, TOPIC_CHILDREN },
  { "denial-humanitarian-access-children", 1, SC_HUMANITARIAN, -1, CAT_NONE, TRUE, TOPIC_DISPLACEMENT },
  { "attacks-humanitarian-personnel", 2, SC_HUMANITARIAN, -1, CAT_NONE, FALSE, TOPIC_DISPLACEMENT },
  { "denial-humanitarian-access", 2, SC_BLOCKADE, -1, CAT_NONE, FALSE, TOPIC_DISPLACEMENT },
  { "restriction-movement", 4, SC_BLOCKADE, -1, CAT_NONE, FALSE, TOPIC_DISPLACEMENT },
  { "looting-destruction-property", 18, SC_LOOTING, SC_GRANARIES, CAT_NONE, FALSE, TOPIC_LOOTING },
  { "forced-displacement", 10, SC_DISPLACEMENT, -1, CAT_NONE, FALSE, TOPIC_DISPLACEMENT },
  { "excessive-force-protesters", 2, SC_PROTEST, -1, CAT_INJURED, FALSE, TOPIC_KILL },
  { "threats-intimidation", 8, SC_THREATS, -1, CAT_NONE, FALSE, TOPIC_THREATS },
  { "freedom-expression", 2, SC_RESTRICTIONS, -1, CAT_NONE, FALSE, TOPIC_THREATS },
  { "attacks-peacekeepers", 2, SC_PEACEKEEPERS, -1, CAT_KILLED, FALSE, TOPIC_EXPLOSIVE },
  { "explosive-devices", 8, SC_EXPLOSIVE, -1, CAT_KILLED, FALSE, TOPIC_EXPLOSIVE },
  { "discrimination", 1, SC_RESTRICTIONS, -1, CAT_NONE, FALSE, TOPIC_THREATS },
};

/* How the victims of each category split over women, men, girls, boys, unknown. */
static const guint group_weights[][DOSSIER_N_CASUALTY_GROUPS] = {
  [CAT_KILLED] = { 14, 50, 5, 8, 23 },
  [CAT_INJURED] = { 18, 45, 6, 9, 22 },
  [CAT_DISAPPEARED] = { 3, 85, 0, 4, 8 },
  [CAT_ABDUCTED] = { 15, 60, 5, 10, 10 },
  [CAT_SEXUAL] = { 75, 0, 22, 0, 3 },
};
static const guint child_group_weights[DOSSIER_N_CASUALTY_GROUPS] = { 0, 0, 45, 55, 0 };

static const Pair category_words[][2] = {
  /* singular, plural */
  [CAT_KILLED] = { { "tué", "killed" }, { "tués", "killed" } },
  [CAT_INJURED] = { { "blessé", "injured" }, { "blessés", "injured" } },
  [CAT_DISAPPEARED] = { { "disparu", "disappeared" }, { "disparus", "disappeared" } },
  [CAT_ABDUCTED] = { { "enlevé", "abducted" }, { "enlevés", "abducted" } },
  [CAT_SEXUAL] = { { "victime de violences sexuelles", "survivor of sexual violence" },
                   { "victimes de violences sexuelles", "survivors of sexual violence" } },
};

static const Pair context_sentences[] = {
  { "Des survivants ont trouvé refuge à {T}.", "Survivors found refuge in {T}." },
  { "Les habitants avaient signalé la présence d’hommes armés dans les environs les jours précédents.",
    "Residents had reported armed men in the area in the preceding days." },
  { "Plusieurs maisons et greniers ont été incendiés.", "Several houses and granaries were burned." },
  { "Le bétail du village a été emporté.", "The village livestock was taken." },
  { "Les blessés ont été évacués vers le centre de santé de {T}.", "The wounded were evacuated to the health centre in {T}." },
  { "L’accès au village est resté coupé pendant plusieurs jours.", "Access to the village remained cut off for several days." },
  { "Les victimes ont été inhumées le lendemain par les habitants.", "The victims were buried the next day by residents." },
  { "Les familles déplacées n’étaient pas rentrées au moment de l’enquête.", "Displaced families had not returned at the time of the inquiry." },
  { "Le marché hebdomadaire n’a pas repris depuis.", "The weekly market has not resumed since." },
  { "Selon des témoins, les assaillants parlaient plusieurs langues.", "According to witnesses, the assailants spoke several languages." },
};

static const Pair verification_sentences[] = {
  /* in the order of verification_weights */
  { "Les faits sont allégués et restent à corroborer.", "The facts are alleged and remain to be corroborated." },
  { "Les faits sont corroborés par plusieurs témoignages concordants.", "The facts are corroborated by several consistent testimonies." },
  { "L’équipe a vérifié les faits sur place.", "The team verified the facts on site." },
  { "Les informations recueillies n’ont pas permis de confirmer les faits.", "The information gathered did not confirm the facts." },
};

/* ---------------------------------------------------------------------------------------- */
/* Transcripts                                                                             */

/* Slot fillers, drawn with a Zipf-like skew so that some are in every transcript and others
 * in fewer. French fillers never follow “de” or “à” in a template: no contractions needed. */
static const Pair fill_relative[] = {   /* {V} */
  { "mon frère", "my brother" }, { "mon père", "my father" }, { "mon mari", "my husband" },
  { "mon fils aîné", "my eldest son" }, { "ma sœur", "my sister" }, { "ma mère", "my mother" },
  { "mon oncle", "my uncle" }, { "mon cousin", "my cousin" }, { "le chef de village", "the village chief" },
  { "l’imam du village", "the village imam" }, { "notre voisin", "our neighbour" },
  { "le maître d’école", "the schoolteacher" }, { "un jeune berger", "a young herder" },
  { "deux commerçants", "two traders" }, { "le conseiller communal", "the municipal councillor" },
  { "mon beau-frère", "my brother-in-law" }, { "le fils de notre voisin", "our neighbour’s son" },
  { "un vieil homme", "an old man" },
};
static const Pair fill_landmark[] = {   /* {L} */
  { "la mosquée", "the mosque" }, { "le marché", "the market" }, { "le puits", "the well" },
  { "l’école", "the school" }, { "le centre de santé", "the health centre" }, { "la mare", "the pond" },
  { "le cimetière", "the cemetery" }, { "la maison du chef", "the chief’s house" },
  { "le champ de mil", "the millet field" }, { "la route principale", "the main road" },
  { "le fleuve", "the river" }, { "le campement des bergers", "the herders’ camp" },
  { "le gué", "the ford" }, { "la place du village", "the village square" }, { "les jardins", "the gardens" },
};
static const Pair fill_sound[] = {      /* {S} */
  { "des coups de feu", "gunshots" }, { "des cris", "screams" }, { "le bruit des motos", "the noise of motorbikes" },
  { "une explosion", "an explosion" }, { "des véhicules", "vehicles" }, { "des tirs nourris", "heavy gunfire" },
  { "les chiens aboyer", "the dogs barking" },
};
static const Pair fill_time[] = {       /* {H} */
  { "à l’aube", "at dawn" }, { "vers midi", "around noon" }, { "en fin d’après-midi", "in the late afternoon" },
  { "pendant la nuit", "during the night" }, { "un jour de marché", "on a market day" },
  { "pendant la prière du vendredi", "during Friday prayers" },
  { "au début de la saison des pluies", "at the start of the rainy season" },
  { "peu après le coucher du soleil", "shortly after sunset" },
};
static const Pair fill_verb[] = {       /* {F} */
  { "tué", "killed" }, { "emmené", "took away" }, { "arrêté", "arrested" }, { "frappé", "beat" },
  { "enlevé", "abducted" }, { "blessé", "wounded" }, { "ligoté", "tied up" }, { "menacé", "threatened" },
  { "interrogé", "questioned" }, { "humilié", "humiliated" },
};
static const Pair fill_goods[] = {      /* {G} */
  { "le bétail", "the livestock" }, { "les motos", "the motorbikes" }, { "les vivres", "the food" },
  { "les téléphones", "the phones" }, { "l’argent de la tontine", "the savings of the tontine" },
  { "les réserves de mil", "the millet stocks" }, { "les moutons", "the sheep" },
  { "les ustensiles", "the utensils" }, { "les pagnes", "the cloth wrappers" },
};
static const Pair fill_duration[] = {   /* {Y} */
  { "trois jours", "three days" }, { "deux semaines", "two weeks" }, { "plusieurs mois", "several months" },
  { "une nuit entière", "a whole night" }, { "près d’un an", "nearly a year" }, { "quelques heures", "a few hours" },
};
static const Pair fill_number[] = {     /* {N} */
  { "deux", "two" }, { "trois", "three" }, { "quatre", "four" }, { "cinq", "five" }, { "six", "six" },
  { "sept", "seven" }, { "huit", "eight" }, { "plusieurs", "several" },
};

static const char * const questions_fr[] = {
  "Enquêteur" NBSP ": Pouvez-vous nous dire ce qui s’est passé" NBSP "?",
  "Enquêteur" NBSP ": Où vous trouviez-vous à ce moment-là" NBSP "?",
  "Enquêteur" NBSP ": Qui étaient les assaillants" NBSP "?",
  "Enquêteur" NBSP ": Combien de personnes ont été touchées" NBSP "?",
  "Enquêteur" NBSP ": Avez-vous reconnu quelqu’un" NBSP "?",
  "Enquêteur" NBSP ": Qu’avez-vous fait ensuite" NBSP "?",
  "Enquêteur" NBSP ": Où êtes-vous allés après l’attaque" NBSP "?",
  "Enquêteur" NBSP ": Avez-vous signalé les faits aux autorités" NBSP "?",
  "Enquêteur" NBSP ": Comment vivez-vous aujourd’hui" NBSP "?",
  "Enquêteur" NBSP ": Voulez-vous ajouter quelque chose" NBSP "?",
};
static const char * const questions_en[] = {
  "Investigator: Can you tell us what happened?",
  "Investigator: Where were you at that moment?",
  "Investigator: Who were the attackers?",
  "Investigator: How many people were affected?",
  "Investigator: Did you recognise anyone?",
  "Investigator: What did you do next?",
  "Investigator: Where did you go after the attack?",
  "Investigator: Did you report what happened to the authorities?",
  "Investigator: How do you live today?",
  "Investigator: Would you like to add anything?",
};

G_STATIC_ASSERT (G_N_ELEMENTS (questions_fr) == G_N_ELEMENTS (questions_en));

static const char * const answers_fr[] = {
  "C’était {H}, nous étions à la maison quand nous avons entendu {S}.",
  "Cela s’est passé à {P}, {D}.",
  "{A} sont arrivés par la route principale, certains à moto, d’autres à pied.",
  "Ils ont {F} {V} devant {L}.",
  "J’ai vu {N} corps devant {L} le lendemain matin.",
  "Nous avons fui vers {T} et nous y sommes restés {Y}.",
  "Ils ont pris {G} et ont mis le feu aux cases.",
  "Personne n’est venu nous aider ce jour-là.",
  "Je ne connaissais pas ces hommes, ils n’étaient pas de {P}.",
  "Ils parlaient entre eux dans une langue que je comprenais un peu.",
  "Certains avaient le visage couvert, d’autres portaient des tenues militaires.",
  "Quand nous sommes revenus à {P}, tout avait été détruit.",
  "Les femmes et les enfants se sont cachés derrière {L}.",
  "Ils ont rassemblé les hommes devant {L} et ont vérifié leurs papiers.",
  "{V} a essayé de s’enfuir mais ils l’ont rattrapé.",
  "Depuis ce jour, je ne dors plus bien et j’ai peur quand j’entends {S}.",
  "Nous avons enterré nos morts nous-mêmes, sans attendre les autorités.",
  "Le chef de village a voulu leur parler mais ils ne l’ont pas écouté.",
  "Ils sont restés {Y} dans le village avant de repartir.",
  "Ma famille vit maintenant à {T}, chez des parents.",
  "Je demande que la vérité soit établie et que les responsables soient jugés.",
  "Nous avions déjà reçu des menaces quelques semaines avant l’attaque.",
  "Les gens de {M} savent ce qui s’est passé, beaucoup ont vu la même chose que moi.",
  "Ils sont repartis vers {L} en tirant en l’air.",
  "J’ai reconnu la voix d’un homme qui venait souvent au marché de {C}.",
  "Les secours sont arrivés seulement le lendemain, quand tout était fini.",
  "Nous avons perdu {G} et nous n’avons plus rien pour vivre.",
  "Je me suis caché dans les hautes herbes jusqu’à la nuit.",
  "Ils ont tiré sur ceux qui couraient vers {L}.",
  "C’est {V} qui m’a raconté ce qui s’était passé de l’autre côté du village.",
  "Je témoigne aujourd’hui pour que cela ne se reproduise pas.",
  "Nous avons porté plainte à {C} mais rien n’a été fait.",
  "Après l’attaque, les habitants de {P} se sont dispersés dans les villages voisins.",
  "Je ne sais pas combien ils étaient, peut-être une trentaine.",
  "Ils ont dit que nous aidions leurs ennemis, ce qui est faux.",
  "{V} était avec moi quand tout a commencé.",
};
static const char * const answers_en[] = {
  "It was {H}, we were at home when we heard {S}.",
  "It happened in {P}, {D}.",
  "{A} came along the main road, some on motorbikes, others on foot.",
  "They {F} {V} in front of {L}.",
  "I saw {N} bodies near {L} the next morning.",
  "We fled to {T} and stayed there for {Y}.",
  "They took {G} and set fire to the huts.",
  "Nobody came to help us that day.",
  "I did not know these men, they were not from {P}.",
  "They spoke among themselves in a language I partly understood.",
  "Some had their faces covered, others wore military uniforms.",
  "When we came back to {P}, everything had been destroyed.",
  "The women and children hid behind {L}.",
  "They gathered the men in front of {L} and checked their papers.",
  "{V} tried to run away but they caught him.",
  "Since that day I cannot sleep well and I am afraid when I hear {S}.",
  "We buried our dead ourselves, without waiting for the authorities.",
  "The village chief wanted to talk to them but they did not listen.",
  "They stayed in the village for {Y} before leaving.",
  "My family now lives in {T}, with relatives.",
  "I ask that the truth be established and that those responsible be tried.",
  "We had already received threats a few weeks before the attack.",
  "The people of {M} know what happened, many saw the same thing as I did.",
  "They left towards {L}, firing into the air.",
  "I recognised the voice of a man who often came to the market in {C}.",
  "Help only arrived the next day, when it was all over.",
  "We lost {G} and have nothing left to live on.",
  "I hid in the tall grass until nightfall.",
  "They shot at those who were running towards {L}.",
  "It was {V} who told me what had happened on the other side of the village.",
  "I am testifying today so that this does not happen again.",
  "We filed a complaint in {C} but nothing was done.",
  "After the attack, the people of {P} scattered to the neighbouring villages.",
  "I do not know how many they were, perhaps thirty.",
  "They said we were helping their enemies, which is not true.",
  "{V} was with me when it all started.",
};

/* Sentences only told about one kind of violation: their words are in a few per cent of
 * transcripts. */
static const char * const topic_fr[N_TOPICS][4] = {
  [TOPIC_KILL] = { "Ils ont aligné les hommes et ont tiré sur eux.", "Il y avait du sang partout devant {L}.",
                   "Nous avons compté {N} morts, dont des vieillards.", "Les corps sont restés exposés toute la journée." },
  [TOPIC_DETENTION] = { "Ils nous ont gardés dans une cellule sans fenêtre.", "Pendant l’interrogatoire, ils m’ont frappé avec des câbles.",
                        "On nous donnait à manger une fois par jour.", "Je suis resté détenu {Y} sans voir de juge." },
  [TOPIC_SEXUAL] = { "Des femmes ont été emmenées à l’écart et violées.", "Les survivantes n’osent pas en parler par peur d’être rejetées.",
                     "Une association de femmes de {C} les a aidées à se soigner.", "Certaines ont été retenues plusieurs jours dans un campement." },
  [TOPIC_DISPLACEMENT] = { "Nous vivons maintenant sous des abris de fortune à {T}.", "Les déplacés n’ont reçu aucune aide depuis des mois.",
                           "Nous n’avons pas pu cultiver nos champs cette année.", "Les camions d’aide ne peuvent plus passer." },
  [TOPIC_LOOTING] = { "Ils ont brûlé les greniers et les boutiques.", "Tout le bétail a été emmené vers la brousse.",
                      "Il ne reste que des cendres de nos maisons.", "Ils ont chargé nos sacs de mil sur leurs pick-up." },
  [TOPIC_ABDUCTION] = { "Ils ont demandé une rançon à la famille.", "Nous n’avons plus jamais revu {V}.",
                        "Les ravisseurs ont appelé plusieurs fois pour réclamer de l’argent.", "Les otages ont été emmenés vers la frontière." },
  [TOPIC_CHILDREN] = { "Des enfants ont été touchés par les balles.", "Les garçons ont été emmenés pour combattre.",
                       "L’école est fermée depuis, les enseignants sont partis.", "Les enfants font encore des cauchemars." },
  [TOPIC_EXPLOSIVE] = { "Le véhicule a sauté sur une mine au bord de la route.", "Les passagers blessés ont été transportés à {T}.",
                        "La route est minée, personne n’ose plus l’emprunter.", "L’explosion a projeté la charrette dans le fossé." },
  [TOPIC_THREATS] = { "Ils ont interdit la musique et les fêtes de mariage.", "Ils ont menacé de revenir si nous parlions aux militaires.",
                      "Des lettres de menace ont été déposées devant {L}.", "Les femmes doivent se couvrir pour aller au marché." },
};
static const char * const topic_en[N_TOPICS][4] = {
  [TOPIC_KILL] = { "They lined up the men and shot them.", "There was blood everywhere in front of {L}.",
                   "We counted {N} dead, including old people.", "The bodies lay in the open all day." },
  [TOPIC_DETENTION] = { "They kept us in a cell without windows.", "During the interrogation they beat me with cables.",
                        "We were fed once a day.", "I was detained for {Y} without seeing a judge." },
  [TOPIC_SEXUAL] = { "Women were taken aside and raped.", "The survivors dare not speak of it for fear of being rejected.",
                     "A women’s association in {C} helped them get treatment.", "Some were held for several days in a camp." },
  [TOPIC_DISPLACEMENT] = { "We now live under makeshift shelters in {T}.", "The displaced have received no help for months.",
                           "We could not farm our fields this year.", "Aid lorries can no longer get through." },
  [TOPIC_LOOTING] = { "They burned the granaries and the shops.", "All the livestock was driven into the bush.",
                      "Nothing is left of our houses but ashes.", "They loaded our sacks of millet onto their pick-ups." },
  [TOPIC_ABDUCTION] = { "They demanded a ransom from the family.", "We never saw {V} again.",
                        "The kidnappers called several times to demand money.", "The hostages were taken towards the border." },
  [TOPIC_CHILDREN] = { "Children were hit by bullets.", "The boys were taken away to fight.",
                       "The school has been closed since, the teachers have left.", "The children still have nightmares." },
  [TOPIC_EXPLOSIVE] = { "The vehicle hit a mine by the roadside.", "The injured passengers were taken to {T}.",
                        "The road is mined, nobody dares use it any more.", "The blast threw the cart into the ditch." },
  [TOPIC_THREATS] = { "They banned music and wedding celebrations.", "They threatened to come back if we spoke to the soldiers.",
                      "Threatening letters were left in front of {L}.", "Women must cover themselves to go to the market." },
};

/* Rare objects, each in about the given share of transcripts (per hundred thousand). */
typedef struct {
  const char *fr;
  const char *en;
  guint       per_100k;
} Rare;

static const Rare rare_objects[] = {
  { "une motopompe", "a motor pump", 100 },
  { "une moissonneuse", "a combine harvester", 100 },
  { "un métier à tisser", "a weaving loom", 100 },
  { "une lampe tempête", "a hurricane lamp", 100 },
  { "une pirogue", "a canoe", 400 },
  { "une calebasse", "a calabash", 400 },
  { "un panneau solaire", "a solar panel", 400 },
  { "une machine à coudre", "a sewing machine", 400 },
  { "un transistor", "a transistor radio", 2000 },
  { "une bouilloire", "a kettle", 2000 },
  { "un tamarinier", "a tamarind tree", 2000 },
  { "un vélo", "a bicycle", 2000 },
};
static const char * const rare_templates_fr[] = {
  "Plus tard, on a retrouvé {W} au bord de la route.",
  "Ils ont aussi emporté {W}.",
  "Il y avait {W} devant la maison du chef de village.",
};
static const char * const rare_templates_en[] = {
  "Later we found {W} by the roadside.",
  "They also took {W}.",
  "There was {W} in front of the village chief’s house.",
};

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

static guint
pick_weighted (GRand          *rand,
               const Weighted *items,
               guint           n)
{
  guint total = 0;
  guint r;

  for (guint i = 0; i < n; i++)
    total += items[i].weight;
  r = g_rand_int_range (rand, 0, total);
  for (guint i = 0; i < n; i++)
    {
      if (r < items[i].weight)
        return i;
      r -= items[i].weight;
    }
  g_assert_not_reached ();
}

static guint
pick_weights (GRand       *rand,
              const guint *weights,
              guint        n)
{
  guint total = 0;
  guint r;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  r = g_rand_int_range (rand, 0, total);
  for (guint i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }
  g_assert_not_reached ();
}

#define PICK_CODE(s, table) (table[pick_weighted ((s)->rand, table, G_N_ELEMENTS (table))].code)
#define PICK(s, array) (array[g_rand_int_range ((s)->rand, 0, G_N_ELEMENTS (array))])

/* An index in [0, n) with a Zipf-like skew: the first entries are the most frequent. */
static guint
pick_zipf (GRand *rand,
           guint  n)
{
  guint i = (guint) floor (pow (n + 1.0, g_rand_double (rand))) - 1;

  return MIN (i, n - 1);
}

#define PICK_ZIPF(s, array) (&array[pick_zipf ((s)->rand, G_N_ELEMENTS (array))])

/* Most incidents have few victims; a few have many (up to about two hundred). */
static guint
skewed_count (GRand *rand)
{
  return (guint) floor (exp (pow (g_rand_double (rand), 2.2) * 5.3));
}

static char *
new_uuid (Synth *s)
{
  guint8 b[16];

  for (int i = 0; i < 16; i += 4)
    {
      guint32 r = g_rand_int (s->rand);
      memcpy (b + i, &r, 4);
    }
  return dossier_format_uuid (b);
}

/* A timestamp like dossier_now_iso8601()'s, from the fixed origin and a serial number. */
static char *
new_timestamp (Synth *s)
{
  g_autoptr(GDateTime) origin = g_date_time_new_utc (TIMESTAMP_ORIGIN_YEAR, 1, 1, TIMESTAMP_ORIGIN_HOUR, 0, 0);
  g_autoptr(GDateTime) time = g_date_time_add_seconds (origin, s->serial++);

  return dossier_format_iso8601 (time);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           param,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, param, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, param);
}

/* Binds uuid (?1), created_at and updated_at (?2). */
static void
bind_identity (Synth        *s,
               sqlite3_stmt *stmt)
{
  g_autofree char *uuid = new_uuid (s);
  g_autofree char *at = new_timestamp (s);

  bind_text (stmt, 1, uuid);
  bind_text (stmt, 2, at);
}

static gboolean
step (Synth         *s,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _dossier_store_set_error (s->store, error);
      return FALSE;
    }
  return TRUE;
}

static void
advance (Synth   *s,
         guint64  units)
{
  s->done += units;
  if (s->progress != NULL && (s->done >= s->next_report || s->done >= s->total))
    {
      s->progress (MIN (s->done, s->total), s->total, s->progress_data);
      s->next_report = s->done + MAX (s->total / 100, 1);
    }
}

static gboolean
starts_with_vowel (const char *text)
{
  gunichar c = g_unichar_tolower (g_utf8_get_char (text));

  /* Strip the accent: é → e. */
  g_unichar_fully_decompose (c, FALSE, &c, 1);
  return c != 0 && strchr ("aeiou", (int) c) != NULL && c < 128;
}

/* Appends @tmpl to @out with its {X} slots filled. */
static void
expand (Synth         *s,
        GString       *out,
        const char    *tmpl,
        const Context *ctx)
{
  gsize start = out->len;

  for (const char *p = tmpl; *p; p++)
    {
      const Pair *fill = NULL;
      const char *text = NULL;

      if (*p != '{' || p[1] == '\0' || p[2] != '}')
        {
          g_string_append_c (out, *p);
          continue;
        }
      switch (p[1])
        {
        case 'P': text = ctx->place; break;
        case 'M': text = ctx->commune; break;
        case 'C': text = ctx->cercle; break;
        case 'R': text = ctx->region; break;
        case 'T': text = ctx->refuge; break;
        case 'D': text = ctx->date; break;
        case 'A': text = ctx->attackers; break;
        case 'K': text = ctx->actor; break;
        case 'W': text = ctx->rare; break;
        case 'V': fill = PICK_ZIPF (s, fill_relative); break;
        case 'L': fill = PICK_ZIPF (s, fill_landmark); break;
        case 'S': fill = PICK_ZIPF (s, fill_sound); break;
        case 'H': fill = PICK_ZIPF (s, fill_time); break;
        case 'F': fill = PICK_ZIPF (s, fill_verb); break;
        case 'G': fill = PICK_ZIPF (s, fill_goods); break;
        case 'Y': fill = PICK_ZIPF (s, fill_duration); break;
        case 'N': fill = PICK_ZIPF (s, fill_number); break;
        default:
          g_assert_not_reached ();
        }
      if (fill != NULL)
        text = ctx->fr ? fill->fr : fill->en;
      if (text == NULL)
        text = "";
      /* « cercle de Ansongo » is « cercle d’Ansongo ». */
      if (ctx->fr && g_str_has_suffix (out->str, " de ") && starts_with_vowel (text))
        {
          g_string_truncate (out, out->len - 2);
          g_string_append (out, "’");
        }
      g_string_append (out, text);
      p += 2;
    }

  /* A sentence starts with a capital, even when it starts with a slot. */
  if (out->len > start)
    {
      gunichar c = g_utf8_get_char (out->str + start);
      gunichar upper = g_unichar_toupper (c);

      if (upper != c)
        {
          char buf[6];
          int n = g_unichar_to_utf8 (upper, buf);
          const char *next = g_utf8_next_char (out->str + start);

          g_string_erase (out, start, next - (out->str + start));
          g_string_insert_len (out, start, buf, n);
        }
    }
}

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p; p++)
    {
      gboolean space = *p == ' ' || *p == '\n';

      if (!space && !in_word)
        n++;
      in_word = !space;
    }
  return n;
}

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
      if (!_dossier_store_check_vocab (s->store, tables[t].scheme, tables[t].items[i].code, error))
        return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (violations); i++)
    if (!_dossier_store_check_vocab (s->store, "violation-type", violations[i].code, error))
      return FALSE;
  for (guint k = 0; k < N_KINDS; k++)
    if (!_dossier_store_check_vocab (s->store, "actor-kind", kind_codes[k], error))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (age_groups); i++)
    if (!_dossier_store_check_vocab (s->store, "age-group", age_groups[i], error))
      return FALSE;
  for (int c = 0; c < DOSSIER_N_CASUALTY_CATEGORIES; c++)
    if (!_dossier_store_check_vocab (s->store, "casualty-category", dossier_casualty_categories[c], error))
      return FALSE;
  for (int g = 0; g < DOSSIER_N_CASUALTY_GROUPS; g++)
    if (!_dossier_store_check_vocab (s->store, "casualty-group", dossier_casualty_groups[g], error))
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
      DossierVocabTerm *region = find_term (regions, term->parent);
      DossierVocabTerm *office = find_term (offices, office_for_region (term->parent));
      Cercle *c = &s->cercles[s->n_cercles];
      guint in_region = 0;

      if (region == NULL || isnan (term->latitude) || isnan (term->longitude))
        continue;
      for (guint j = 0; j < cercles->len; j++)
        in_region += g_strcmp0 (((DossierVocabTerm *) cercles->pdata[j])->parent, term->parent) == 0;

      c->code = g_strdup (term->code);
      c->parent = g_strdup (term->parent);
      c->label_fr = g_strdup (term->label_fr);
      c->label_en = g_strdup (term->label_en);
      c->region_fr = g_strdup (region->label_fr);
      c->region_en = g_strdup (region->label_en);
      c->lat = term->latitude;
      c->lon = term->longitude;
      c->region_lat = isnan (region->latitude) ? term->latitude : region->latitude;
      c->region_lon = isnan (region->longitude) ? term->longitude : region->longitude;
      c->office = office ? g_strdup (office->code) : NULL;
      c->office_label = g_strdup (office ? office->label_fr : term->label_fr);
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
      total += (double) region_weight (term->parent) / in_region;
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

      g_hash_table_insert (s->type_labels_fr, g_strdup (term->code), g_utf8_strdown (term->label_fr, -1));
      g_hash_table_insert (s->type_labels_en, g_strdup (term->code), g_utf8_strdown (term->label_en, -1));
    }
  return TRUE;
}

static guint
pick_cercle (Synth *s)
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
static gint64
next_number (DossierStore *store,
             const char   *prefix)
{
  g_autoptr(GHashTable) counters = dossier_store_list_code_counters (store, NULL);
  gint64 *next = counters ? g_hash_table_lookup (counters, prefix) : NULL;

  return next ? *next : 1;
}

static char *
make_code (const DossierRecordInfo *info,
           gint64                   number)
{
  return g_strdup_printf ("%s-%0*" G_GINT64_FORMAT, info->code_prefix, info->code_digits, number);
}

/* ---------------------------------------------------------------------------------------- */
/* Records                                                                                  */

static gboolean
make_actors (Synth   *s,
             GError **error)
{
  g_autoptr(DossierActor) probe = dossier_actor_new ();
  const DossierRecordInfo *info = dossier_record_get_info (DOSSIER_RECORD (probe));
  gint64 number = next_number (s->store, info->code_prefix);
  guint letters[N_KINDS] = { 0 };
  gint64 first_of_kind[N_KINDS] = { 0 };

  s->n_actors = g_rand_int_range (s->rand, 20, 41);
  s->actors = g_new0 (Actor, s->n_actors);
  for (guint k = 0; k < N_KINDS; k++)
    s->kind_actors[k] = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < s->n_actors; i++)
    {
      /* Each kind at least once, then in proportion. */
      int kind = i < N_KINDS ? (int) i : (int) pick_weights (s->rand, kind_actor_weights, N_KINDS);
      gboolean company = kind == KIND_FOREIGN && g_rand_boolean (s->rand);
      const char *base_fr = company ? "Société militaire privée" : kind_names[kind].fr;
      const char *base_en = company ? "Private military company" : kind_names[kind].en;
      char letter = 'A' + letters[kind]++ % 26;
      g_autofree char *code = make_code (info, number++);
      g_autofree char *acronym = g_strdup_printf ("%s-%c", company ? "SMP" : kind_acronyms[kind], letter);
      g_autofree char *lower = g_utf8_strdown (base_fr, -1);
      g_autofree char *description = g_strdup_printf ("Acteur fictif (%s), données synthétiques pour les essais. "
                                                      "Fictional actor (%s), synthetic test data.",
                                                      lower, base_en);
      Actor *actor = &s->actors[i];
      guint index = i;

      actor->kind = kind;
      actor->name_fr = g_strdup_printf ("%s %c", base_fr, letter);
      actor->name_en = g_strdup_printf ("%s %c", base_en, letter);
      bind_identity (s, s->insert_actor);
      bind_text (s->insert_actor, 3, code);
      bind_text (s->insert_actor, 4, actor->name_fr);
      bind_text (s->insert_actor, 5, acronym);
      bind_text (s->insert_actor, 6, kind_codes[kind]);
      /* Some are units or factions of the first actor of their kind. */
      if (first_of_kind[kind] != 0 && g_rand_int_range (s->rand, 0, 100) < 30)
        sqlite3_bind_int64 (s->insert_actor, 7, first_of_kind[kind]);
      else
        sqlite3_bind_null (s->insert_actor, 7);
      bind_text (s->insert_actor, 8, description);
      if (!step (s, s->insert_actor, error))
        return FALSE;
      actor->id = sqlite3_last_insert_rowid (s->db);
      if (first_of_kind[kind] == 0)
        first_of_kind[kind] = actor->id;
      g_array_append_val (s->kind_actors[kind], index);
    }
  return _dossier_store_set_code_counter (s->store, info->code_prefix, number, error);
}

static const Actor *
pick_actor (Synth *s,
            int    kind)
{
  GArray *of_kind = s->kind_actors[kind];

  if (of_kind->len == 0)
    return &s->actors[g_rand_int_range (s->rand, 0, s->n_actors)];
  return &s->actors[g_array_index (of_kind, guint, g_rand_int_range (s->rand, 0, of_kind->len))];
}

static void
random_date (Synth *s,
             char   out[24])
{
  int year = atoi (PICK_CODE (s, year_weights));
  int month = g_rand_int_range (s->rand, 1, 13);
  int day = g_rand_int_range (s->rand, 1, g_date_get_days_in_month (month, year) + 1);
  DateShape shape = pick_weights (s->rand, date_shape_weights, N_DATE_SHAPES);

  switch (shape)
    {
    case DATE_DAY:
      g_snprintf (out, 24, "%04d-%02d-%02d", year, month, day);
      break;
    case DATE_DAY_APPROX:
      g_snprintf (out, 24, "%04d-%02d-%02d~", year, month, day);
      break;
    case DATE_DAY_UNCERTAIN:
      g_snprintf (out, 24, "%04d-%02d-%02d?", year, month, day);
      break;
    case DATE_MONTH:
      g_snprintf (out, 24, "%04d-%02d", year, month);
      break;
    case DATE_MONTH_APPROX:
      g_snprintf (out, 24, "%04d-%02d~", year, month);
      break;
    case DATE_MONTH_BOTH:
      g_snprintf (out, 24, "%04d-%02d%%", year, month);
      break;
    case DATE_YEAR:
      g_snprintf (out, 24, "%04d", year);
      break;
    case DATE_YEAR_UNCERTAIN:
      g_snprintf (out, 24, "%04d?", year);
      break;
    case DATE_DAYS:
      {
        GDate end;

        g_date_clear (&end, 1);
        g_date_set_dmy (&end, day, month, year);
        g_date_add_days (&end, g_rand_int_range (s->rand, 1, 11));
        g_snprintf (out, 24, "%04d-%02d-%02d/%04d-%02d-%02d", year, month, day,
                    g_date_get_year (&end), g_date_get_month (&end), g_date_get_day (&end));
      }
      break;
    case DATE_MONTHS:
      {
        int span = g_rand_int_range (s->rand, 1, 4);
        int end_month = MIN (12, month + span);

        if (end_month == month)
          g_snprintf (out, 24, "%04d-%02d", year, month);
        else
          g_snprintf (out, 24, "%04d-%02d/%04d-%02d", year, month, year, end_month);
      }
      break;
    case DATE_OPEN_END:
      /* Still going on: a detention, a disappearance, a blockade. */
      g_snprintf (out, 24, "%04d-%02d-%02d/..", year, month, day);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
split_casualties (Synth   *s,
                  gint64   casualties[DOSSIER_N_CASUALTY_CATEGORIES][DOSSIER_N_CASUALTY_GROUPS],
                  Category category,
                  gboolean children,
                  guint    n)
{
  const guint *weights = children ? child_group_weights : group_weights[category];

  for (guint i = 0; i < n; i++)
    casualties[category][pick_weights (s->rand, weights, DOSSIER_N_CASUALTY_GROUPS)]++;
}

static void
append_toll (GString *out,
             gint64   casualties[DOSSIER_N_CASUALTY_CATEGORIES][DOSSIER_N_CASUALTY_GROUPS],
             gboolean fr)
{
  gboolean first = TRUE;

  for (int c = 0; c < DOSSIER_N_CASUALTY_CATEGORIES; c++)
    {
      gint64 n = 0;

      for (int g = 0; g < DOSSIER_N_CASUALTY_GROUPS; g++)
        n += casualties[c][g];
      if (n == 0)
        continue;
      if (first)
        g_string_append (out, fr ? " Bilan signalé" NBSP ": " : " Reported toll: ");
      else
        g_string_append (out, ", ");
      g_string_append_printf (out, "%" G_GINT64_FORMAT " %s", n,
                              fr ? category_words[c][n > 1].fr : category_words[c][n > 1].en);
      first = FALSE;
    }
  if (!first)
    g_string_append_c (out, '.');
}

static gboolean
make_incidents (Synth                     *s,
                const DossierSynthOptions *options,
                GError                   **error)
{
  g_autoptr(DossierIncident) probe = dossier_incident_new ();
  const DossierRecordInfo *info = dossier_record_get_info (DOSSIER_RECORD (probe));
  gint64 number = next_number (s->store, info->code_prefix);
  g_autoptr(GString) title_fr = g_string_new (NULL);
  g_autoptr(GString) title_en = g_string_new (NULL);
  g_autoptr(GString) summary_fr = g_string_new (NULL);
  g_autoptr(GString) summary_en = g_string_new (NULL);
  g_autofree char *sources = g_strdup_printf ("Données synthétiques (graine %u), aucun fait réel. "
                                              "Synthetic data (seed %u), no real event.", s->seed, s->seed);
  guint violation_weights[G_N_ELEMENTS (violations)];

  for (guint v = 0; v < G_N_ELEMENTS (violations); v++)
    violation_weights[v] = violations[v].weight;

  s->incidents = g_new0 (IncidentInfo, MAX (options->incidents, 1));
  for (guint i = 0; i < options->incidents; i++)
    {
      IncidentInfo *inc = &s->incidents[i];
      guint ci = pick_cercle (s);
      Cercle *c = &s->cercles[ci];
      guint village = g_rand_int_range (s->rand, 0, VILLAGES_PER_CERCLE);
      guint commune = village % COMMUNES_PER_CERCLE;
      int kind = pick_weights (s->rand, kind_incident_weights, N_KINDS);
      const Actor *actor = pick_actor (s, kind);
      const Pair *who = &attackers[kind][g_rand_int_range (s->rand, 0, 3)];
      const char *precision = PICK_CODE (s, precision_weights);
      guint verification = pick_weighted (s->rand, verification_weights, G_N_ELEMENTS (verification_weights));
      gint64 casualties[DOSSIER_N_CASUALTY_CATEGORIES][DOSSIER_N_CASUALTY_GROUPS] = { { 0 } };
      g_autofree char *code = make_code (info, number++);
      g_autofree char *date_fr = NULL;
      g_autofree char *date_en = NULL;
      g_autoptr(GError) local = NULL;
      const Violation *primary;
      const Scenario *scenario;
      const Pair *context;
      guint32 start, end;
      Context ctx_fr, ctx_en;
      gint64 id;

      /* One to three violation types, the first one telling the story. */
      inc->n_types = 0;
      for (guint n = 1 + pick_weights (s->rand, (const guint[]) { 60, 30, 10 }, 3); inc->n_types < n;)
        {
          guint v = pick_weights (s->rand, violation_weights, G_N_ELEMENTS (violations));
          gboolean seen = FALSE;

          for (guint k = 0; k < inc->n_types; k++)
            seen |= inc->types[k] == v;
          if (!seen)
            inc->types[inc->n_types++] = v;
        }
      primary = &violations[inc->types[0]];
      scenario = &scenarios[primary->scenario2 >= 0 && g_rand_boolean (s->rand) ? primary->scenario2 : primary->scenario];

      random_date (s, inc->date);
      if (!dossier_edtf_bounds (inc->date, &start, &end, &local))
        {
          g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID, "%s: %s", inc->date, local->message);
          return FALSE;
        }
      date_fr = dossier_edtf_format_string (inc->date, "fr");
      date_en = dossier_edtf_format_string (inc->date, "en");

      for (guint k = 0; k < inc->n_types; k++)
        {
          const Violation *v = &violations[inc->types[k]];

          if (v->category == CAT_NONE)
            continue;
          guint n = skewed_count (s->rand);

          split_casualties (s, casualties, v->category, v->children, MAX (n, 1));
          if (v->category == CAT_KILLED && g_rand_int_range (s->rand, 0, 100) < 40)
            split_casualties (s, casualties, CAT_INJURED, v->children, skewed_count (s->rand));
        }

      ctx_fr = (Context) { TRUE, c->villages[village], c->villages[commune], c->label_fr, c->region_fr,
                           c->office_label, date_fr, who->fr, actor->name_fr, NULL };
      ctx_en = (Context) { FALSE, c->villages[village], c->villages[commune], c->label_en, c->region_en,
                           c->office_label, date_en, who->en, actor->name_en, NULL };

      g_string_truncate (title_fr, 0);
      g_string_truncate (title_en, 0);
      expand (s, title_fr, scenario->title_fr, &ctx_fr);
      expand (s, title_en, scenario->title_en, &ctx_en);

      /* The same summary in both languages: the slots are drawn once, for French, and the
       * English one is built from a copy of the generator. */
      g_string_truncate (summary_fr, 0);
      g_string_truncate (summary_en, 0);
      {
        g_autoptr(GRand) twin = g_rand_copy (s->rand);
        GRand *own = s->rand;

        expand (s, summary_fr, scenario->act_fr, &ctx_fr);
        s->rand = twin;
        expand (s, summary_en, scenario->act_en, &ctx_en);
        s->rand = own;
      }
      g_string_append (summary_fr, ". ");
      g_string_append (summary_en, ". ");
      expand (s, summary_fr, "Les faits se sont produits dans la commune de {M}, cercle de {C}, région de {R}. Date des faits" NBSP ": {D}.", &ctx_fr);
      expand (s, summary_en, "The events took place in the commune of {M}, {C} cercle, {R} region. Date of the events: {D}.", &ctx_en);
      append_toll (summary_fr, casualties, TRUE);
      append_toll (summary_en, casualties, FALSE);
      context = &PICK (s, context_sentences);
      g_string_append_c (summary_fr, ' ');
      g_string_append_c (summary_en, ' ');
      expand (s, summary_fr, context->fr, &ctx_fr);
      expand (s, summary_en, context->en, &ctx_en);
      g_string_append_printf (summary_fr, " %s", verification_sentences[verification].fr);
      g_string_append_printf (summary_en, " %s", verification_sentences[verification].en);
      if (g_rand_boolean (s->rand))
        {
          expand (s, summary_fr, " Les témoins attribuent les faits au groupe désigné comme «" NBSP "{K}" NBSP "».", &ctx_fr);
          expand (s, summary_en, " Witnesses attribute the events to the group designated “{K}”.", &ctx_en);
        }

      bind_identity (s, s->insert_incident);
      bind_text (s->insert_incident, 3, code);
      bind_text (s->insert_incident, 4, title_fr->str);
      bind_text (s->insert_incident, 5, title_en->str);
      bind_text (s->insert_incident, 6, summary_fr->str);
      bind_text (s->insert_incident, 7, summary_en->str);
      bind_text (s->insert_incident, 8, inc->date);
      if (start > 0)
        sqlite3_bind_int64 (s->insert_incident, 9, start);
      else
        sqlite3_bind_null (s->insert_incident, 9);
      if (end > 0)
        sqlite3_bind_int64 (s->insert_incident, 10, end);
      else
        sqlite3_bind_null (s->insert_incident, 10);
      bind_text (s->insert_incident, 11, c->villages[village]);
      bind_text (s->insert_incident, 12, c->parent);
      bind_text (s->insert_incident, 13, c->code);
      bind_text (s->insert_incident, 14, c->villages[commune]);
      if (g_str_equal (precision, "unknown"))
        {
          sqlite3_bind_null (s->insert_incident, 15);
          sqlite3_bind_null (s->insert_incident, 16);
        }
      else if (g_str_equal (precision, "region"))
        {
          sqlite3_bind_double (s->insert_incident, 15, c->region_lat);
          sqlite3_bind_double (s->insert_incident, 16, c->region_lon);
        }
      else
        {
          double spread = g_str_equal (precision, "exact") ? 0.002 : 0.03;

          sqlite3_bind_double (s->insert_incident, 15, c->village_lat[village] + g_rand_double_range (s->rand, -spread, spread));
          sqlite3_bind_double (s->insert_incident, 16, c->village_lon[village] + g_rand_double_range (s->rand, -spread, spread));
        }
      bind_text (s->insert_incident, 17, precision);
      bind_text (s->insert_incident, 18, verification_weights[verification].code);
      bind_text (s->insert_incident, 19, PICK_CODE (s, proof_weights));
      bind_text (s->insert_incident, 20, PICK_CODE (s, confidentiality_weights));
      bind_text (s->insert_incident, 21, sources);
      if (!step (s, s->insert_incident, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (s->db);

      inc->id = id;
      inc->start = start;
      inc->cercle = ci;
      inc->village = village;
      inc->kind = kind;
      g_array_append_val (c->incidents, i);
      s->n_incidents = i + 1;

      for (guint k = 0; k < inc->n_types; k++)
        {
          sqlite3_bind_int64 (s->insert_violation, 1, id);
          bind_text (s->insert_violation, 2, violations[inc->types[k]].code);
          if (!step (s, s->insert_violation, error))
            return FALSE;
        }
      for (int cat = 0; cat < DOSSIER_N_CASUALTY_CATEGORIES; cat++)
        for (int g = 0; g < DOSSIER_N_CASUALTY_GROUPS; g++)
          if (casualties[cat][g] > 0)
            {
              sqlite3_bind_int64 (s->insert_casualty, 1, id);
              bind_text (s->insert_casualty, 2, dossier_casualty_categories[cat]);
              bind_text (s->insert_casualty, 3, dossier_casualty_groups[g]);
              sqlite3_bind_int64 (s->insert_casualty, 4, casualties[cat][g]);
              if (!step (s, s->insert_casualty, error))
                return FALSE;
            }

      /* The assailants, most of the time, and sometimes a second actor. */
      for (guint a = 0; a < 2; a++)
        {
          const Actor *linked = a == 0 ? actor : pick_actor (s, pick_weights (s->rand, kind_incident_weights, N_KINDS));
          const char *role = a == 0 ? "alleged-perpetrator" : PICK_CODE (s, actor_role_weights);

          if (g_rand_int_range (s->rand, 0, 100) >= (a == 0 ? 85 : 20))
            continue;
          bind_identity (s, s->insert_incident_actor);
          sqlite3_bind_int64 (s->insert_incident_actor, 3, id);
          sqlite3_bind_int64 (s->insert_incident_actor, 4, linked->id);
          bind_text (s->insert_incident_actor, 5, role);
          bind_text (s->insert_incident_actor, 6, PICK_CODE (s, involvement_weights));
          if (!step (s, s->insert_incident_actor, error))
            return FALSE;
        }
      advance (s, COST_INCIDENT);
    }
  return _dossier_store_set_code_counter (s->store, info->code_prefix, number, error);
}

static gboolean
link_person (Synth       *s,
             gint64       incident_id,
             gint64       person_id,
             const char  *role,
             GError     **error)
{
  bind_identity (s, s->insert_incident_person);
  sqlite3_bind_int64 (s->insert_incident_person, 3, incident_id);
  sqlite3_bind_int64 (s->insert_incident_person, 4, person_id);
  bind_text (s->insert_incident_person, 5, role);
  return step (s, s->insert_incident_person, error);
}

static gboolean
make_people (Synth                     *s,
             const DossierSynthOptions *options,
             GError                   **error)
{
  g_autoptr(DossierPerson) probe = dossier_person_new ();
  const DossierRecordInfo *info = dossier_record_get_info (DOSSIER_RECORD (probe));
  gint64 number = next_number (s->store, info->code_prefix);
  static const char * const unknown_age_groups[] = { "adult", "adult", "child", "unknown", "unknown" };
  guint community_weights[G_N_ELEMENTS (communities)];

  for (guint i = 0; i < G_N_ELEMENTS (communities); i++)
    community_weights[i] = communities[i].weight;

  for (guint i = 0; i < options->people; i++)
    {
      Cercle *c = &s->cercles[pick_cercle (s)];
      const Community *community = &communities[pick_weights (s->rand, community_weights, G_N_ELEMENTS (communities))];
      g_autofree char *code = make_code (info, number++);
      g_autofree char *name = NULL;
      g_autofree char *notes = NULL;
      const char *age_group;
      gint64 age = -1;
      gint64 id;

      /* A quarter have no known age, some of them an age group. */
      if (g_rand_int_range (s->rand, 0, 100) < 75)
        {
          age = g_rand_int_range (s->rand, 0, 100) < 12 ? g_rand_int_range (s->rand, 8, 18)
                                                        : g_rand_int_range (s->rand, 18, 86);
          age_group = age < 18 ? "child" : age >= 60 ? "elderly" : "adult";
        }
      else
        age_group = PICK (s, unknown_age_groups);
      if (g_rand_int_range (s->rand, 0, 100) < 15)
        notes = g_strdup_printf ("Personne déplacée, réside actuellement à %s.", s->cercles[pick_cercle (s)].label_fr);

      bind_identity (s, s->insert_person);
      bind_text (s->insert_person, 3, code);
      bind_text (s->insert_person, 4, PICK_CODE (s, protection_weights));
      bind_text (s->insert_person, 5, PICK_CODE (s, sex_weights));
      if (age >= 0)
        sqlite3_bind_int64 (s->insert_person, 6, age);
      else
        sqlite3_bind_null (s->insert_person, 6);
      bind_text (s->insert_person, 7, age_group);
      bind_text (s->insert_person, 8, community->name);
      bind_text (s->insert_person, 9, c->parent);
      bind_text (s->insert_person, 10, c->code);
      bind_text (s->insert_person, 11, community->languages);
      bind_text (s->insert_person, 12, PICK_CODE (s, consent_weights));
      bind_text (s->insert_person, 13, notes ? notes : "");
      if (!step (s, s->insert_person, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (s->db);
      if (i == 0)
        s->first_person = id;
      s->n_people = i + 1;

      name = g_strdup_printf ("Personne synthétique %06" G_GINT64_FORMAT, number - 1);
      bind_identity (s, s->insert_identity);
      sqlite3_bind_int64 (s->insert_identity, 3, id);
      bind_text (s->insert_identity, 4, name);
      if (!step (s, s->insert_identity, error))
        return FALSE;
      advance (s, COST_PERSON);
    }

  /* Victims, survivors and witnesses of some incidents (people ids are consecutive). */
  if (s->n_people > 0)
    for (guint i = 0; i < s->n_incidents; i++)
      {
        guint n;

        if (g_rand_int_range (s->rand, 0, 100) >= 40)
          continue;
        n = 1 + g_rand_int_range (s->rand, 0, 3);
        for (guint k = 0; k < n; k++)
          if (!link_person (s, s->incidents[i].id, s->first_person + g_rand_int_range (s->rand, 0, s->n_people),
                            PICK_CODE (s, person_role_weights), error))
            return FALSE;
      }

  return _dossier_store_set_code_counter (s->store, info->code_prefix, number, error);
}

/* A transcript of about @words words: questions and answers about the incident. */
static void
make_transcript (Synth              *s,
                 GString            *out,
                 Context            *ctx,
                 const IncidentInfo *inc,
                 guint               words)
{
  const char * const *questions = ctx->fr ? questions_fr : questions_en;
  const char * const *answers = ctx->fr ? answers_fr : answers_en;
  guint n_answers = ctx->fr ? G_N_ELEMENTS (answers_fr) : G_N_ELEMENTS (answers_en);
  const Rare *rare[G_N_ELEMENTS (rare_objects)];
  guint n_rare = 0, count = 0, question = 0;
  gsize cut = 0;

  for (guint i = 0; i < G_N_ELEMENTS (rare_objects); i++)
    if (g_rand_int_range (s->rand, 0, 100000) < (gint32) rare_objects[i].per_100k)
      rare[n_rare++] = &rare_objects[i];

  while (count < words)
    {
      guint n_sentences = g_rand_int_range (s->rand, 3, 8);

      /* A new question only when there is room left for its answer. */
      if (question == 0 || words - count >= 20)
        {
          const char *q = questions[question++ % G_N_ELEMENTS (questions_fr)];

          if (out->len > 0)
            g_string_append_c (out, '\n');
          g_string_append (out, q);
          g_string_append (out, ctx->fr ? "\nTémoin" NBSP ":" : "\nWitness:");
          count += count_words (q) + 1;
        }
      else
        n_sentences = G_MAXUINT;

      for (guint k = 0; k < n_sentences && count < words; k++)
        {
          gsize before;
          const char *tmpl;
          guint r = g_rand_int_range (s->rand, 0, 100);

          if (n_rare > 0 && r < 4)
            {
              ctx->rare = ctx->fr ? rare[n_rare - 1]->fr : rare[n_rare - 1]->en;
              tmpl = ctx->fr ? PICK (s, rare_templates_fr) : PICK (s, rare_templates_en);
              n_rare--;
            }
          else if (r < 30 && inc != NULL)
            {
              Topic topic = violations[inc->types[g_rand_int_range (s->rand, 0, inc->n_types)]].topic;

              tmpl = (ctx->fr ? topic_fr : topic_en)[topic][g_rand_int_range (s->rand, 0, 4)];
            }
          else
            tmpl = answers[g_rand_int_range (s->rand, 0, n_answers)];

          g_string_append_c (out, ' ');
          before = out->len;
          expand (s, out, tmpl, ctx);
          count += count_words (out->str + before);
          if (count <= words)
            cut = out->len;
        }
    }

  /* Exactly @words words: cut inside the last sentence, and close it. */
  if (count > words)
    {
      guint extra = count - words;
      const char *end = out->str + out->len;

      while (extra > 0 && end > out->str + cut)
        {
          end--;
          if (*end == ' ')
            extra--;
        }
      g_string_truncate (out, end - out->str);
      /* No dangling punctuation before the ellipsis (bytes, so never inside a character). */
      for (;;)
        {
          if (g_str_has_suffix (out->str, NBSP))
            g_string_truncate (out, out->len - strlen (NBSP));
          else if (out->len > 0 && strchr (",;: (", out->str[out->len - 1]) != NULL)
            g_string_truncate (out, out->len - 1);
          else
            break;
        }
      g_string_append (out, "…");
    }
}

static gboolean
make_testimonies (Synth                     *s,
                  const DossierSynthOptions *options,
                  GError                   **error)
{
  g_autoptr(DossierTestimony) probe = dossier_testimony_new ();
  const DossierRecordInfo *info = dossier_record_get_info (DOSSIER_RECORD (probe));
  gint64 number = next_number (s->store, info->code_prefix);
  g_autoptr(GString) transcript = g_string_sized_new (options->words * 8 + 256);
  g_autoptr(GString) summary = g_string_new (NULL);
  GDate last;

  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 30, G_DATE_JUNE, 2025);

  for (guint i = 0; i < options->testimonies; i++)
    {
      const IncidentInfo *inc = s->n_incidents > 0 ? &s->incidents[g_rand_int_range (s->rand, 0, s->n_incidents)] : NULL;
      Cercle *c = &s->cercles[inc ? inc->cercle : pick_cercle (s)];
      const char *language = PICK_CODE (s, language_weights);
      gboolean fr = !g_str_equal (language, "en");
      guint village = inc ? inc->village : (guint) g_rand_int_range (s->rand, 0, VILLAGES_PER_CERCLE);
      const Pair *who = &attackers[inc ? inc->kind : KIND_OTHER][g_rand_int_range (s->rand, 0, 3)];
      g_autofree char *code = make_code (info, number++);
      g_autofree char *date = inc ? dossier_edtf_format_string (inc->date, fr ? "fr" : "en") : NULL;
      g_autofree char *interviewer = g_strdup_printf ("ENQ-%02d", g_rand_int_range (s->rand, 1, 25));
      g_autofree char *interpreter = NULL;
      char taken_on[16];
      gint64 person = 0;
      gint64 id;
      GDate taken;
      Context ctx;

      /* Taken some weeks to some years after the events, and never in the future. */
      g_date_clear (&taken, 1);
      if (inc != NULL && inc->start > 0)
        {
          g_date_set_julian (&taken, inc->start);
          g_date_add_days (&taken, g_rand_int_range (s->rand, 20, 900));
        }
      else
        g_date_set_dmy (&taken, g_rand_int_range (s->rand, 1, 29), g_rand_int_range (s->rand, 1, 13),
                        g_rand_int_range (s->rand, 2013, 2025));
      if (g_date_compare (&taken, &last) > 0)
        taken = last;
      g_snprintf (taken_on, sizeof taken_on, "%04d-%02d-%02d", g_date_get_year (&taken),
                  g_date_get_month (&taken), g_date_get_day (&taken));
      if (!g_str_equal (language, "fr") && !g_str_equal (language, "en"))
        interpreter = g_strdup_printf ("INT-%02d", g_rand_int_range (s->rand, 1, 13));

      ctx = (Context) { fr, c->villages[village], c->villages[village % COMMUNES_PER_CERCLE],
                        fr ? c->label_fr : c->label_en, fr ? c->region_fr : c->region_en,
                        s->cercles[pick_cercle (s)].label_fr,
                        date ? date : (fr ? "à une date dont je ne me souviens plus" : "on a date I no longer remember"),
                        fr ? who->fr : who->en, NULL, NULL };

      g_string_truncate (summary, 0);
      if (inc != NULL)
        {
          const char *type = violations[inc->types[0]].code;
          const char *label = g_hash_table_lookup (fr ? s->type_labels_fr : s->type_labels_en, type);

          expand (s, summary, fr ? "Récit de faits survenus à {P}, cercle de {C}, {D}" NBSP ": "
                                 : "Account of events in {P}, {C} cercle, {D}: ", &ctx);
          g_string_append (summary, label ? label : type);
          g_string_append_c (summary, '.');
        }
      else
        expand (s, summary, fr ? "Récit de la vie à {P}, cercle de {C}." : "Account of life in {P}, {C} cercle.", &ctx);

      g_string_truncate (transcript, 0);
      make_transcript (s, transcript, &ctx, inc, options->words);

      if (s->n_people > 0)
        person = s->first_person + g_rand_int_range (s->rand, 0, s->n_people);

      bind_identity (s, s->insert_testimony);
      bind_text (s->insert_testimony, 3, code);
      if (person > 0)
        sqlite3_bind_int64 (s->insert_testimony, 4, person);
      else
        sqlite3_bind_null (s->insert_testimony, 4);
      bind_text (s->insert_testimony, 5, taken_on);
      bind_text (s->insert_testimony, 6, c->office_label);
      bind_text (s->insert_testimony, 7, c->office);
      bind_text (s->insert_testimony, 8, interviewer);
      bind_text (s->insert_testimony, 9, language);
      bind_text (s->insert_testimony, 10, interpreter ? interpreter : "");
      bind_text (s->insert_testimony, 11, summary->str);
      sqlite3_bind_text (s->insert_testimony, 12, transcript->str, transcript->len, SQLITE_STATIC);
      bind_text (s->insert_testimony, 13, PICK_CODE (s, consent_weights));
      bind_text (s->insert_testimony, 14, PICK_CODE (s, status_weights));
      if (!step (s, s->insert_testimony, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (s->db);

      if (inc != NULL)
        {
          /* Tagged with the incident's violations; linked to it, and sometimes to another
           * incident of the same cercle; its witness is linked to the incident too. */
          for (guint k = 0; k < inc->n_types; k++)
            {
              sqlite3_bind_int64 (s->insert_tag, 1, id);
              bind_text (s->insert_tag, 2, violations[inc->types[k]].code);
              if (!step (s, s->insert_tag, error))
                return FALSE;
            }
          for (guint k = 0; k < 2; k++)
            {
              const IncidentInfo *linked = inc;

              if (k == 1)
                {
                  if (g_rand_int_range (s->rand, 0, 100) >= 30)
                    break;
                  linked = &s->incidents[g_array_index (c->incidents, guint, g_rand_int_range (s->rand, 0, c->incidents->len))];
                }
              bind_identity (s, s->insert_testimony_incident);
              sqlite3_bind_int64 (s->insert_testimony_incident, 3, id);
              sqlite3_bind_int64 (s->insert_testimony_incident, 4, linked->id);
              bind_text (s->insert_testimony_incident, 5, "");
              if (!step (s, s->insert_testimony_incident, error))
                return FALSE;
            }
          if (person > 0 && !link_person (s, inc->id, person, PICK_CODE (s, witness_role_weights), error))
            return FALSE;
        }
      advance (s, COST_TESTIMONY_BASE + options->words);
    }
  return _dossier_store_set_code_counter (s->store, info->code_prefix, number, error);
}

/* The rows dossier_create() stamped with the clock and the kernel's randomness get
 * seeded uuids and the fixed origin too, so that two synthetic dossiers of the same seed hold
 * the same values throughout. */
static gboolean
make_stable (Synth   *s,
             GError **error)
{
  g_autofree char *uuid = new_uuid (s);
  g_autofree char *at = new_timestamp (s);
  g_autofree char *title = NULL;
  g_autofree char *mandate = g_strdup_printf ("Dossier synthétique généré pour les essais et les mesures (graine %u)" NBSP ": "
                                              "aucun fait, aucune personne, aucun groupe réels. "
                                              "Synthetic dossier made for tests and benchmarks (seed %u): "
                                              "no real event, person or group.", s->seed, s->seed);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  if (!dossier_store_get_info (s->store, NULL, &title, NULL, NULL, NULL, error) ||
      !_dossier_store_replace_info (s->store, uuid, at, at, title, mandate, "2012/2024", "fr", error))
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
      bind_identity (s, stmt);
      sqlite3_bind_int64 (stmt, 3, g_array_index (ids, gint64, i));
      if (!step (s, stmt, error))
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
  advance (s, s->total - s->done);
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
         make_actors (s, error) &&
         make_incidents (s, options, error) &&
         make_people (s, options, error) &&
         make_testimonies (s, options, error) &&
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
