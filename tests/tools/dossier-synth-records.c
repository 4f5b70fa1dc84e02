/* dossier-synth-records.c: the synthetic dossier's actors, incidents and people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-synth-private.h"

/* ---------------------------------------------------------------------------------------- */
/* Records                                                                                  */

gboolean
synth_make_actors (Synth   *s,
             GError **error)
{
  g_autoptr(DossierActor) probe = dossier_actor_new ();
  const DossierRecordInfo *info = dossier_record_get_info (DOSSIER_RECORD (probe));
  gint64 number = synth_next_number (s->store, info->code_prefix);
  guint letters[N_KINDS] = { 0 };
  gint64 first_of_kind[N_KINDS] = { 0 };

  s->n_actors = g_rand_int_range (s->rand, 20, 41);
  s->actors = g_new0 (Actor, s->n_actors);
  for (guint k = 0; k < N_KINDS; k++)
    s->kind_actors[k] = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < s->n_actors; i++)
    {
      /* Each kind at least once, then in proportion. */
      int kind = i < N_KINDS ? (int) i : (int) synth_pick_weights (s->rand, kind_actor_weights, N_KINDS);
      gboolean company = kind == KIND_FOREIGN && g_rand_boolean (s->rand);
      const char *base_fr = company ? "Société militaire privée" : kind_names[kind].fr;
      const char *base_en = company ? "Private military company" : kind_names[kind].en;
      char letter = 'A' + letters[kind]++ % 26;
      g_autofree char *code = synth_make_code (info, number++);
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
      synth_bind_identity (s, s->insert_actor);
      synth_bind_text (s->insert_actor, 3, code);
      synth_bind_text (s->insert_actor, 4, actor->name_fr);
      synth_bind_text (s->insert_actor, 5, acronym);
      synth_bind_text (s->insert_actor, 6, kind_codes[kind]);
      /* Some are units or factions of the first actor of their kind. */
      if (first_of_kind[kind] != 0 && g_rand_int_range (s->rand, 0, 100) < 30)
        sqlite3_bind_int64 (s->insert_actor, 7, first_of_kind[kind]);
      else
        sqlite3_bind_null (s->insert_actor, 7);
      synth_bind_text (s->insert_actor, 8, description);
      if (!synth_step (s, s->insert_actor, error))
        return FALSE;
      actor->id = sqlite3_last_insert_rowid (s->db);
      if (first_of_kind[kind] == 0)
        first_of_kind[kind] = actor->id;
      g_array_append_val (s->kind_actors[kind], index);
    }
  return dossier_restore_set_code_counter (s->store, info->code_prefix, number, error);
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
  DateShape shape = synth_pick_weights (s->rand, date_shape_weights, N_DATE_SHAPES);

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
    casualties[category][synth_pick_weights (s->rand, weights, DOSSIER_N_CASUALTY_GROUPS)]++;
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

gboolean
synth_make_incidents (Synth                     *s,
                const DossierSynthOptions *options,
                GError                   **error)
{
  g_autoptr(DossierIncident) probe = dossier_incident_new ();
  const DossierRecordInfo *info = dossier_record_get_info (DOSSIER_RECORD (probe));
  gint64 number = synth_next_number (s->store, info->code_prefix);
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
      guint ci = synth_pick_cercle (s);
      Cercle *c = &s->cercles[ci];
      guint village = g_rand_int_range (s->rand, 0, VILLAGES_PER_CERCLE);
      guint commune = village % COMMUNES_PER_CERCLE;
      int kind = synth_pick_weights (s->rand, kind_incident_weights, N_KINDS);
      const Actor *actor = pick_actor (s, kind);
      const Pair *who = &attackers[kind][g_rand_int_range (s->rand, 0, 3)];
      const char *precision = PICK_CODE (s, precision_weights);
      guint verification = synth_pick_weighted (s->rand, verification_weights, G_N_ELEMENTS (verification_weights));
      gint64 casualties[DOSSIER_N_CASUALTY_CATEGORIES][DOSSIER_N_CASUALTY_GROUPS] = { { 0 } };
      g_autofree char *code = synth_make_code (info, number++);
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
      for (guint n = 1 + synth_pick_weights (s->rand, (const guint[]) { 60, 30, 10 }, 3); inc->n_types < n;)
        {
          guint v = synth_pick_weights (s->rand, violation_weights, G_N_ELEMENTS (violations));
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
          guint n = synth_skewed_count (s->rand);

          split_casualties (s, casualties, v->category, v->children, MAX (n, 1));
          if (v->category == CAT_KILLED && g_rand_int_range (s->rand, 0, 100) < 40)
            split_casualties (s, casualties, CAT_INJURED, v->children, synth_skewed_count (s->rand));
        }

      ctx_fr = (Context) { TRUE, c->villages[village], c->villages[commune], c->label_fr, c->region_fr,
                           c->office_label, date_fr, who->fr, actor->name_fr, NULL };
      ctx_en = (Context) { FALSE, c->villages[village], c->villages[commune], c->label_en, c->region_en,
                           c->office_label, date_en, who->en, actor->name_en, NULL };

      g_string_truncate (title_fr, 0);
      g_string_truncate (title_en, 0);
      synth_expand (s, title_fr, scenario->title_fr, &ctx_fr);
      synth_expand (s, title_en, scenario->title_en, &ctx_en);

      /* The same summary in both languages: the slots are drawn once, for French, and the
       * English one is built from a copy of the generator. */
      g_string_truncate (summary_fr, 0);
      g_string_truncate (summary_en, 0);
      {
        g_autoptr(GRand) twin = g_rand_copy (s->rand);
        GRand *own = s->rand;

        synth_expand (s, summary_fr, scenario->act_fr, &ctx_fr);
        s->rand = twin;
        synth_expand (s, summary_en, scenario->act_en, &ctx_en);
        s->rand = own;
      }
      g_string_append (summary_fr, ". ");
      g_string_append (summary_en, ". ");
      synth_expand (s, summary_fr, "Les faits se sont produits dans la commune de {M}, cercle de {C}, région de {R}. Date des faits" NBSP ": {D}.", &ctx_fr);
      synth_expand (s, summary_en, "The events took place in the commune of {M}, {C} cercle, {R} region. Date of the events: {D}.", &ctx_en);
      append_toll (summary_fr, casualties, TRUE);
      append_toll (summary_en, casualties, FALSE);
      context = &PICK (s, context_sentences);
      g_string_append_c (summary_fr, ' ');
      g_string_append_c (summary_en, ' ');
      synth_expand (s, summary_fr, context->fr, &ctx_fr);
      synth_expand (s, summary_en, context->en, &ctx_en);
      g_string_append_printf (summary_fr, " %s", verification_sentences[verification].fr);
      g_string_append_printf (summary_en, " %s", verification_sentences[verification].en);
      if (g_rand_boolean (s->rand))
        {
          synth_expand (s, summary_fr, " Les témoins attribuent les faits au groupe désigné comme «" NBSP "{K}" NBSP "».", &ctx_fr);
          synth_expand (s, summary_en, " Witnesses attribute the events to the group designated “{K}”.", &ctx_en);
        }

      synth_bind_identity (s, s->insert_incident);
      synth_bind_text (s->insert_incident, 3, code);
      synth_bind_text (s->insert_incident, 4, title_fr->str);
      synth_bind_text (s->insert_incident, 5, title_en->str);
      synth_bind_text (s->insert_incident, 6, summary_fr->str);
      synth_bind_text (s->insert_incident, 7, summary_en->str);
      synth_bind_text (s->insert_incident, 8, inc->date);
      if (start > 0)
        sqlite3_bind_int64 (s->insert_incident, 9, start);
      else
        sqlite3_bind_null (s->insert_incident, 9);
      if (end > 0)
        sqlite3_bind_int64 (s->insert_incident, 10, end);
      else
        sqlite3_bind_null (s->insert_incident, 10);
      synth_bind_text (s->insert_incident, 11, c->villages[village]);
      synth_bind_text (s->insert_incident, 12, c->parent);
      synth_bind_text (s->insert_incident, 13, c->code);
      synth_bind_text (s->insert_incident, 14, c->villages[commune]);
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
      synth_bind_text (s->insert_incident, 17, precision);
      synth_bind_text (s->insert_incident, 18, verification_weights[verification].code);
      synth_bind_text (s->insert_incident, 19, PICK_CODE (s, proof_weights));
      synth_bind_text (s->insert_incident, 20, PICK_CODE (s, confidentiality_weights));
      synth_bind_text (s->insert_incident, 21, sources);
      if (!synth_step (s, s->insert_incident, error))
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
          synth_bind_text (s->insert_violation, 2, violations[inc->types[k]].code);
          if (!synth_step (s, s->insert_violation, error))
            return FALSE;
        }
      for (int cat = 0; cat < DOSSIER_N_CASUALTY_CATEGORIES; cat++)
        for (int g = 0; g < DOSSIER_N_CASUALTY_GROUPS; g++)
          if (casualties[cat][g] > 0)
            {
              sqlite3_bind_int64 (s->insert_casualty, 1, id);
              synth_bind_text (s->insert_casualty, 2, dossier_casualty_categories[cat]);
              synth_bind_text (s->insert_casualty, 3, dossier_casualty_groups[g]);
              sqlite3_bind_int64 (s->insert_casualty, 4, casualties[cat][g]);
              if (!synth_step (s, s->insert_casualty, error))
                return FALSE;
            }

      /* The assailants, most of the time, and sometimes a second actor. */
      for (guint a = 0; a < 2; a++)
        {
          const Actor *linked = a == 0 ? actor : pick_actor (s, synth_pick_weights (s->rand, kind_incident_weights, N_KINDS));
          const char *role = a == 0 ? "alleged-perpetrator" : PICK_CODE (s, actor_role_weights);

          if (g_rand_int_range (s->rand, 0, 100) >= (a == 0 ? 85 : 20))
            continue;
          synth_bind_identity (s, s->insert_incident_actor);
          sqlite3_bind_int64 (s->insert_incident_actor, 3, id);
          sqlite3_bind_int64 (s->insert_incident_actor, 4, linked->id);
          synth_bind_text (s->insert_incident_actor, 5, role);
          synth_bind_text (s->insert_incident_actor, 6, PICK_CODE (s, involvement_weights));
          if (!synth_step (s, s->insert_incident_actor, error))
            return FALSE;
        }
      synth_advance (s, COST_INCIDENT);
    }
  return dossier_restore_set_code_counter (s->store, info->code_prefix, number, error);
}

gboolean
synth_link_person (Synth       *s,
             gint64       incident_id,
             gint64       person_id,
             const char  *role,
             GError     **error)
{
  synth_bind_identity (s, s->insert_incident_person);
  sqlite3_bind_int64 (s->insert_incident_person, 3, incident_id);
  sqlite3_bind_int64 (s->insert_incident_person, 4, person_id);
  synth_bind_text (s->insert_incident_person, 5, role);
  return synth_step (s, s->insert_incident_person, error);
}

gboolean
synth_make_people (Synth                     *s,
             const DossierSynthOptions *options,
             GError                   **error)
{
  g_autoptr(DossierPerson) probe = dossier_person_new ();
  const DossierRecordInfo *info = dossier_record_get_info (DOSSIER_RECORD (probe));
  gint64 number = synth_next_number (s->store, info->code_prefix);
  static const char * const unknown_age_groups[] = { "adult", "adult", "child", "unknown", "unknown" };
  guint community_weights[G_N_ELEMENTS (communities)];

  for (guint i = 0; i < G_N_ELEMENTS (communities); i++)
    community_weights[i] = communities[i].weight;

  for (guint i = 0; i < options->people; i++)
    {
      Cercle *c = &s->cercles[synth_pick_cercle (s)];
      const Community *community = &communities[synth_pick_weights (s->rand, community_weights, G_N_ELEMENTS (communities))];
      g_autofree char *code = synth_make_code (info, number++);
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
        notes = g_strdup_printf ("Personne déplacée, réside actuellement à %s.", s->cercles[synth_pick_cercle (s)].label_fr);

      synth_bind_identity (s, s->insert_person);
      synth_bind_text (s->insert_person, 3, code);
      synth_bind_text (s->insert_person, 4, PICK_CODE (s, protection_weights));
      synth_bind_text (s->insert_person, 5, PICK_CODE (s, sex_weights));
      if (age >= 0)
        sqlite3_bind_int64 (s->insert_person, 6, age);
      else
        sqlite3_bind_null (s->insert_person, 6);
      synth_bind_text (s->insert_person, 7, age_group);
      synth_bind_text (s->insert_person, 8, community->name);
      synth_bind_text (s->insert_person, 9, c->parent);
      synth_bind_text (s->insert_person, 10, c->code);
      synth_bind_text (s->insert_person, 11, community->languages);
      synth_bind_text (s->insert_person, 12, PICK_CODE (s, consent_weights));
      synth_bind_text (s->insert_person, 13, notes ? notes : "");
      if (!synth_step (s, s->insert_person, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (s->db);
      if (i == 0)
        s->first_person = id;
      s->n_people = i + 1;

      name = g_strdup_printf ("Personne synthétique %06" G_GINT64_FORMAT, number - 1);
      synth_bind_identity (s, s->insert_identity);
      sqlite3_bind_int64 (s->insert_identity, 3, id);
      synth_bind_text (s->insert_identity, 4, name);
      if (!synth_step (s, s->insert_identity, error))
        return FALSE;
      synth_advance (s, COST_PERSON);
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
          if (!synth_link_person (s, s->incidents[i].id, s->first_person + g_rand_int_range (s->rand, 0, s->n_people),
                            PICK_CODE (s, person_role_weights), error))
            return FALSE;
      }

  return dossier_restore_set_code_counter (s->store, info->code_prefix, number, error);
}

