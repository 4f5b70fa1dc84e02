/* dossier-synth-text.c: picks, seeded uuids and timestamps, statements, and the
 * transcripts and testimonies of the synthetic dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-synth-private.h"

guint
synth_pick_weighted (GRand          *rand,
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

guint
synth_pick_weights (GRand       *rand,
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

/* An index in [0, n) with a Zipf-like skew: the first entries are the most frequent. */
guint
synth_pick_zipf (GRand *rand,
           guint  n)
{
  guint i = (guint) floor (pow (n + 1.0, g_rand_double (rand))) - 1;

  return MIN (i, n - 1);
}

/* Most incidents have few victims; a few have many (up to about two hundred). */
guint
synth_skewed_count (GRand *rand)
{
  return (guint) floor (exp (pow (g_rand_double (rand), 2.2) * 5.3));
}

char *
synth_new_uuid (Synth *s)
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
char *
synth_new_timestamp (Synth *s)
{
  g_autoptr(GDateTime) origin = g_date_time_new_utc (TIMESTAMP_ORIGIN_YEAR, 1, 1, TIMESTAMP_ORIGIN_HOUR, 0, 0);
  g_autoptr(GDateTime) time = g_date_time_add_seconds (origin, s->serial++);

  return dossier_format_iso8601 (time);
}

void
synth_bind_text (sqlite3_stmt *stmt,
           int           param,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, param, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, param);
}

/* Binds uuid (?1), created_at and updated_at (?2). */
void
synth_bind_identity (Synth        *s,
               sqlite3_stmt *stmt)
{
  g_autofree char *uuid = synth_new_uuid (s);
  g_autofree char *at = synth_new_timestamp (s);

  synth_bind_text (stmt, 1, uuid);
  synth_bind_text (stmt, 2, at);
}

gboolean
synth_step (Synth         *s,
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

void
synth_advance (Synth   *s,
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
void
synth_expand (Synth         *s,
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
          synth_expand (s, out, tmpl, ctx);
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

gboolean
synth_make_testimonies (Synth                     *s,
                  const DossierSynthOptions *options,
                  GError                   **error)
{
  g_autoptr(DossierTestimony) probe = dossier_testimony_new ();
  const DossierRecordInfo *info = dossier_record_get_info (DOSSIER_RECORD (probe));
  gint64 number = synth_next_number (s->store, info->code_prefix);
  g_autoptr(GString) transcript = g_string_sized_new (options->words * 8 + 256);
  g_autoptr(GString) summary = g_string_new (NULL);
  GDate last;

  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 30, G_DATE_JUNE, 2025);

  for (guint i = 0; i < options->testimonies; i++)
    {
      const IncidentInfo *inc = s->n_incidents > 0 ? &s->incidents[g_rand_int_range (s->rand, 0, s->n_incidents)] : NULL;
      Cercle *c = &s->cercles[inc ? inc->cercle : synth_pick_cercle (s)];
      const char *language = PICK_CODE (s, language_weights);
      gboolean fr = !g_str_equal (language, "en");
      guint village = inc ? inc->village : (guint) g_rand_int_range (s->rand, 0, VILLAGES_PER_CERCLE);
      const Pair *who = &attackers[inc ? inc->kind : KIND_OTHER][g_rand_int_range (s->rand, 0, 3)];
      g_autofree char *code = synth_make_code (info, number++);
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
                        s->cercles[synth_pick_cercle (s)].label_fr,
                        date ? date : (fr ? "à une date dont je ne me souviens plus" : "on a date I no longer remember"),
                        fr ? who->fr : who->en, NULL, NULL };

      g_string_truncate (summary, 0);
      if (inc != NULL)
        {
          const char *type = violations[inc->types[0]].code;
          const char *label = g_hash_table_lookup (fr ? s->type_labels_fr : s->type_labels_en, type);

          synth_expand (s, summary, fr ? "Récit de faits survenus à {P}, cercle de {C}, {D}" NBSP ": "
                                 : "Account of events in {P}, {C} cercle, {D}: ", &ctx);
          g_string_append (summary, label ? label : type);
          g_string_append_c (summary, '.');
        }
      else
        synth_expand (s, summary, fr ? "Récit de la vie à {P}, cercle de {C}." : "Account of life in {P}, {C} cercle.", &ctx);

      g_string_truncate (transcript, 0);
      make_transcript (s, transcript, &ctx, inc, options->words);

      if (s->n_people > 0)
        person = s->first_person + g_rand_int_range (s->rand, 0, s->n_people);

      synth_bind_identity (s, s->insert_testimony);
      synth_bind_text (s->insert_testimony, 3, code);
      if (person > 0)
        sqlite3_bind_int64 (s->insert_testimony, 4, person);
      else
        sqlite3_bind_null (s->insert_testimony, 4);
      synth_bind_text (s->insert_testimony, 5, taken_on);
      synth_bind_text (s->insert_testimony, 6, c->office_label);
      synth_bind_text (s->insert_testimony, 7, c->office);
      synth_bind_text (s->insert_testimony, 8, interviewer);
      synth_bind_text (s->insert_testimony, 9, language);
      synth_bind_text (s->insert_testimony, 10, interpreter ? interpreter : "");
      synth_bind_text (s->insert_testimony, 11, summary->str);
      sqlite3_bind_text (s->insert_testimony, 12, transcript->str, transcript->len, SQLITE_STATIC);
      synth_bind_text (s->insert_testimony, 13, PICK_CODE (s, consent_weights));
      synth_bind_text (s->insert_testimony, 14, PICK_CODE (s, status_weights));
      if (!synth_step (s, s->insert_testimony, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (s->db);

      if (inc != NULL)
        {
          /* Tagged with the incident's violations; linked to it, and sometimes to another
           * incident of the same cercle; its witness is linked to the incident too. */
          for (guint k = 0; k < inc->n_types; k++)
            {
              sqlite3_bind_int64 (s->insert_tag, 1, id);
              synth_bind_text (s->insert_tag, 2, violations[inc->types[k]].code);
              if (!synth_step (s, s->insert_tag, error))
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
              synth_bind_identity (s, s->insert_testimony_incident);
              sqlite3_bind_int64 (s->insert_testimony_incident, 3, id);
              sqlite3_bind_int64 (s->insert_testimony_incident, 4, linked->id);
              synth_bind_text (s->insert_testimony_incident, 5, "");
              if (!synth_step (s, s->insert_testimony_incident, error))
                return FALSE;
            }
          if (person > 0 && !synth_link_person (s, inc->id, person, PICK_CODE (s, witness_role_weights), error))
            return FALSE;
        }
      synth_advance (s, COST_TESTIMONY_BASE + options->words);
    }
  return dossier_restore_set_code_counter (s->store, info->code_prefix, number, error);
}

