/* dossier-synth-tables.c: the synthetic dossier's places, actors, violations and phrases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-synth-private.h"

/* Relative share of incidents per region (admin1); cercles split their region's share. */
const Weighted region_weights[] = {
  { "mopti", 24 }, { "segou", 13 }, { "gao", 11 }, { "tombouctou", 9 }, { "menaka", 9 },
  { "kidal", 6 }, { "taoudenit", 1 }, { "koulikoro", 5 }, { "sikasso", 3 }, { "kayes", 2 },
  { "bamako", 2 },
};

const Weighted year_weights[] = {
  { "2012", 9 }, { "2013", 7 }, { "2014", 3 }, { "2015", 4 }, { "2016", 4 }, { "2017", 5 },
  { "2018", 8 }, { "2019", 10 }, { "2020", 9 }, { "2021", 9 }, { "2022", 12 }, { "2023", 11 },
  { "2024", 8 },
};

const guint date_shape_weights[N_DATE_SHAPES] = {
  480, 70, 40, 150, 30, 10, 40, 20, 120, 25, 15,
};

const Weighted precision_weights[] = {
  { "exact", 30 }, { "near-town", 40 }, { "region", 20 }, { "unknown", 10 },
};

/* Syllables of invented village names. */
const char * const name_first[] = {
  "Ba", "Bo", "Bou", "Da", "Dia", "Djo", "Do", "Dou", "Fa", "Ga", "Go", "Gou", "Ha", "In",
  "Ka", "Ké", "Ki", "Ko", "Kou", "Ma", "Mo", "Na", "Nia", "Ni", "Sa", "Sé", "Si", "So", "Sou",
  "Ta", "Té", "Ti", "Tin", "To", "Tou", "Wa", "Ya", "Yo", "Za",
};

const char * const name_mid[] = {
  "ba", "bé", "bo", "da", "di", "do", "ga", "go", "gou", "ka", "ko", "kou", "la", "li", "lo",
  "ma", "mi", "mo", "na", "ni", "no", "ra", "ré", "ri", "ro", "rou", "sa", "si", "so", "ta",
  "té", "to", "ya", "zo",
};

const char * const name_last[] = {
  "ré", "ra", "bé", "gou", "ko", "ni", "na", "ma", "dji", "kar", "déni", "béra", "sso", "lé",
  "rou", "bougou", "dougou", "kané", "ta", "daga",
};

const char * const kind_codes[N_KINDS] = {
  "state-security-forces", "foreign-forces", "non-state-armed-group", "militia",
  "communal-group", "other",
};

const Pair kind_names[N_KINDS] = {
  { "Force de sécurité", "Security force" },
  { "Force étrangère", "Foreign force" },
  { "Groupe armé non étatique", "Non-state armed group" },
  { "Milice d’autodéfense", "Self-defence militia" },
  { "Groupe communautaire armé", "Armed communal group" },
  { "Autre acteur", "Other actor" },
};

const char * const kind_acronyms[N_KINDS] = { "FS", "FE", "GANE", "MAD", "GCA", "AA" };

/* Share of actors of each kind, and of incidents attributed to each kind. */
const guint kind_actor_weights[N_KINDS] = { 20, 10, 35, 20, 10, 5 };

const guint kind_incident_weights[N_KINDS] = { 25, 8, 45, 15, 5, 2 };

/* How witnesses describe the assailants, by kind. */
const Pair attackers[N_KINDS][3] = {
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

const Weighted actor_role_weights[] = {
  { "alleged-perpetrator", 80 }, { "target", 12 }, { "present", 8 },
};

const Weighted involvement_weights[] = {
  { "direct", 45 }, { "suspected", 30 }, { "command-responsibility", 8 }, { "support", 7 },
  { "unknown", 10 },
};

const Weighted person_role_weights[] = {
  { "victim", 30 }, { "survivor", 20 }, { "direct-witness", 25 }, { "indirect-witness", 10 },
  { "relative-of-victim", 12 }, { "source", 2 }, { "alleged-perpetrator", 1 },
};

const Weighted witness_role_weights[] = {
  { "direct-witness", 50 }, { "survivor", 25 }, { "relative-of-victim", 15 },
  { "indirect-witness", 10 },
};

const Weighted verification_weights[] = {
  { "alleged", 50 }, { "corroborated", 25 }, { "verified", 15 }, { "discounted", 10 },
};

const Weighted proof_weights[] = {
  { "not-assessed", 50 }, { "insufficient", 15 }, { "reasonable-grounds", 25 },
  { "balance-of-probabilities", 7 }, { "clear-and-convincing", 3 },
};

const Weighted confidentiality_weights[] = {
  { "restricted", 60 }, { "public", 25 }, { "confidential", 15 },
};

const Weighted protection_weights[] = {
  { "protected", 50 }, { "confidential", 40 }, { "public", 10 },
};

const Weighted sex_weights[] = {
  { "female", 55 }, { "male", 43 }, { "unknown", 2 },
};

const Weighted consent_weights[] = {
  { "internal-only", 55 }, { "anonymous-quotation", 40 }, { "public", 5 },
};

const Weighted status_weights[] = {
  { "recorded", 10 }, { "transcribed", 25 }, { "indexed", 40 }, { "reviewed", 25 },
};

/* Testimony languages; all but English are transcribed in French, through an interpreter. */
const Weighted language_weights[] = {
  { "fr", 55 }, { "en", 15 }, { "bm", 12 }, { "ff", 8 }, { "son", 4 }, { "tmh", 3 },
  { "ar", 2 }, { "dogon", 1 },
};

const Community communities[] = {
  { "Peul", "ff, fr", 22 }, { "Dogon", "dogon, fr", 14 }, { "Bambara", "bm, fr", 16 },
  { "Songhaï", "son, fr", 10 }, { "Touareg", "tmh, ar", 8 }, { "Arabe", "ar, fr", 4 },
  { "Bozo", "bm", 4 }, { "Soninké", "snk, fr", 4 }, { "Bella", "son, tmh", 4 },
  { "Sénoufo", "bm, fr", 3 }, { "Minianka", "bm", 3 }, { "Malinké", "bm, fr", 4 },
  { "Mossi", "fr", 1 }, { "", "", 3 },
};

const Scenario scenarios[] = {
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

const Violation violations[] = {
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
const guint group_weights[][DOSSIER_N_CASUALTY_GROUPS] = {
  [CAT_KILLED] = { 14, 50, 5, 8, 23 },
  [CAT_INJURED] = { 18, 45, 6, 9, 22 },
  [CAT_DISAPPEARED] = { 3, 85, 0, 4, 8 },
  [CAT_ABDUCTED] = { 15, 60, 5, 10, 10 },
  [CAT_SEXUAL] = { 75, 0, 22, 0, 3 },
};

const guint child_group_weights[DOSSIER_N_CASUALTY_GROUPS] = { 0, 0, 45, 55, 0 };

const Pair category_words[][2] = {
  /* singular, plural */
  [CAT_KILLED] = { { "tué", "killed" }, { "tués", "killed" } },
  [CAT_INJURED] = { { "blessé", "injured" }, { "blessés", "injured" } },
  [CAT_DISAPPEARED] = { { "disparu", "disappeared" }, { "disparus", "disappeared" } },
  [CAT_ABDUCTED] = { { "enlevé", "abducted" }, { "enlevés", "abducted" } },
  [CAT_SEXUAL] = { { "victime de violences sexuelles", "survivor of sexual violence" },
                   { "victimes de violences sexuelles", "survivors of sexual violence" } },
};

const Pair context_sentences[] = {
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

const Pair verification_sentences[] = {
  /* in the order of verification_weights */
  { "Les faits sont allégués et restent à corroborer.", "The facts are alleged and remain to be corroborated." },
  { "Les faits sont corroborés par plusieurs témoignages concordants.", "The facts are corroborated by several consistent testimonies." },
  { "L’équipe a vérifié les faits sur place.", "The team verified the facts on site." },
  { "Les informations recueillies n’ont pas permis de confirmer les faits.", "The information gathered did not confirm the facts." },
};

/* Slot fillers, drawn with a Zipf-like skew so that some are in every transcript and others
 * in fewer. French fillers never follow “de” or “à” in a template: no contractions needed. */
const Pair fill_relative[] = {   /* {V} */
  { "mon frère", "my brother" }, { "mon père", "my father" }, { "mon mari", "my husband" },
  { "mon fils aîné", "my eldest son" }, { "ma sœur", "my sister" }, { "ma mère", "my mother" },
  { "mon oncle", "my uncle" }, { "mon cousin", "my cousin" }, { "le chef de village", "the village chief" },
  { "l’imam du village", "the village imam" }, { "notre voisin", "our neighbour" },
  { "le maître d’école", "the schoolteacher" }, { "un jeune berger", "a young herder" },
  { "deux commerçants", "two traders" }, { "le conseiller communal", "the municipal councillor" },
  { "mon beau-frère", "my brother-in-law" }, { "le fils de notre voisin", "our neighbour’s son" },
  { "un vieil homme", "an old man" },
};

const Pair fill_landmark[] = {   /* {L} */
  { "la mosquée", "the mosque" }, { "le marché", "the market" }, { "le puits", "the well" },
  { "l’école", "the school" }, { "le centre de santé", "the health centre" }, { "la mare", "the pond" },
  { "le cimetière", "the cemetery" }, { "la maison du chef", "the chief’s house" },
  { "le champ de mil", "the millet field" }, { "la route principale", "the main road" },
  { "le fleuve", "the river" }, { "le campement des bergers", "the herders’ camp" },
  { "le gué", "the ford" }, { "la place du village", "the village square" }, { "les jardins", "the gardens" },
};

const Pair fill_sound[] = {      /* {S} */
  { "des coups de feu", "gunshots" }, { "des cris", "screams" }, { "le bruit des motos", "the noise of motorbikes" },
  { "une explosion", "an explosion" }, { "des véhicules", "vehicles" }, { "des tirs nourris", "heavy gunfire" },
  { "les chiens aboyer", "the dogs barking" },
};

const Pair fill_time[] = {       /* {H} */
  { "à l’aube", "at dawn" }, { "vers midi", "around noon" }, { "en fin d’après-midi", "in the late afternoon" },
  { "pendant la nuit", "during the night" }, { "un jour de marché", "on a market day" },
  { "pendant la prière du vendredi", "during Friday prayers" },
  { "au début de la saison des pluies", "at the start of the rainy season" },
  { "peu après le coucher du soleil", "shortly after sunset" },
};

const Pair fill_verb[] = {       /* {F} */
  { "tué", "killed" }, { "emmené", "took away" }, { "arrêté", "arrested" }, { "frappé", "beat" },
  { "enlevé", "abducted" }, { "blessé", "wounded" }, { "ligoté", "tied up" }, { "menacé", "threatened" },
  { "interrogé", "questioned" }, { "humilié", "humiliated" },
};

const Pair fill_goods[] = {      /* {G} */
  { "le bétail", "the livestock" }, { "les motos", "the motorbikes" }, { "les vivres", "the food" },
  { "les téléphones", "the phones" }, { "l’argent de la tontine", "the savings of the tontine" },
  { "les réserves de mil", "the millet stocks" }, { "les moutons", "the sheep" },
  { "les ustensiles", "the utensils" }, { "les pagnes", "the cloth wrappers" },
};

const Pair fill_duration[] = {   /* {Y} */
  { "trois jours", "three days" }, { "deux semaines", "two weeks" }, { "plusieurs mois", "several months" },
  { "une nuit entière", "a whole night" }, { "près d’un an", "nearly a year" }, { "quelques heures", "a few hours" },
};

const Pair fill_number[] = {     /* {N} */
  { "deux", "two" }, { "trois", "three" }, { "quatre", "four" }, { "cinq", "five" }, { "six", "six" },
  { "sept", "seven" }, { "huit", "eight" }, { "plusieurs", "several" },
};

const char * const questions_fr[] = {
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

const char * const questions_en[] = {
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

const char * const answers_fr[] = {
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

const char * const answers_en[] = {
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
const char * const topic_fr[N_TOPICS][4] = {
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

const char * const topic_en[N_TOPICS][4] = {
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

const Rare rare_objects[] = {
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

const char * const rare_templates_fr[] = {
  "Plus tard, on a retrouvé {W} au bord de la route.",
  "Ils ont aussi emporté {W}.",
  "Il y avait {W} devant la maison du chef de village.",
};

const char * const rare_templates_en[] = {
  "Later we found {W} by the roadside.",
  "They also took {W}.",
  "There was {W} in front of the village chief’s house.",
};

