/* dossier-annex-sections.c: the PDF annex's sections: the incidents table and sheets, the
 * indexes of testimonies and persons, the actors, the evidence register and the figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What each row may show is the profile's DossierRedaction's to say; the records linked
 * to a row are listed by core's export queries, by the same redaction.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "dossier-actor.h"
#include "dossier-annex-private.h"
#include "dossier-edtf.h"
#include "dossier-evidence.h"
#include "dossier-export-query.h"
#include "dossier-incident.h"
#include "dossier-link.h"
#include "dossier-person.h"
#include "dossier-record.h"
#include "dossier-testimony.h"

/* ---- Queries ---- */

/* The codes of the records linked to @id that the annex may list, with their roles in
 * @role_scheme's words (or none), joined; one withheld is said to be. */
static char *
codes (Annex                 *a,
       DossierExportRelation  relation,
       gint64                 id,
       const char            *role_scheme)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = dossier_export_query_linked (a->store, a->redaction, relation, id, NULL);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      DossierExportLinked *linked = rows->pdata[i];
      const char *role = role_scheme ? linked->role : NULL;

      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, linked->withheld ? _dossier_annex_tr (a, N_("withheld")) : linked->code);
      if (role != NULL && *role != '\0')
        g_string_append_printf (out, " (%s)", _dossier_annex_label (a, role_scheme, role));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The victims of an incident by category, each with its disaggregation. */
static char *
victims (Annex           *a,
         DossierIncident *incident)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (int c = 0; c < DOSSIER_N_CASUALTY_CATEGORIES; c++)
    {
      gint64 total = dossier_incident_total_casualties (incident, c);
      gboolean first = TRUE;

      if (total <= 0)
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      /* Translators: a number of victims in an annex, e.g. “Killed: 35”; in French with a
       * no-break space before the colon */
      g_string_append_printf (out, _dossier_annex_tr (a, N_("%s: %lld")), _dossier_annex_label (a, "casualty-category", dossier_casualty_categories[c]),
                              (long long) total);
      /* “(men 300, women 2)”: a number never parted from its group at the end of a line. */
      for (int g = 0; g < DOSSIER_N_CASUALTY_GROUPS; g++)
        {
          g_autofree char *group = NULL;

          if (dossier_incident_get_casualties (incident, c, g) <= 0 || (g == DOSSIER_N_CASUALTY_GROUPS - 1 && first))
            continue;
          group = g_utf8_strdown (_dossier_annex_label (a, "casualty-group", dossier_casualty_groups[g]), -1);
          g_string_append_printf (out, "%s%s\u00a0%" G_GINT64_FORMAT, first ? " (" : ", ", group, dossier_incident_get_casualties (incident, c, g));
          first = FALSE;
        }
      if (!first)
        g_string_append_c (out, ')');
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
place_of (Annex           *a,
          DossierIncident *incident)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (!dossier_redaction_withholds (a->redaction, DOSSIER_RECORD (incident), "place") && dossier_incident_get_place (incident) != NULL && *dossier_incident_get_place (incident) != '\0')
    g_string_append (out, dossier_incident_get_place (incident));
  if (dossier_incident_get_admin2 (incident) != NULL && *dossier_incident_get_admin2 (incident) != '\0')
    g_string_append_printf (out, "%s%s", out->len ? ", " : "", _dossier_annex_label (a, "admin2", dossier_incident_get_admin2 (incident)));
  if (dossier_incident_get_admin1 (incident) != NULL && *dossier_incident_get_admin1 (incident) != '\0')
    g_string_append_printf (out, "%s%s", out->len ? ", " : "", _dossier_annex_label (a, "admin1", dossier_incident_get_admin1 (incident)));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef gboolean (*IncidentFunc) (Annex *a, DossierIncident *incident);

typedef struct {
  Annex        *annex;
  IncidentFunc  func;
} EachIncident;

static gboolean
each_incident_cb (DossierRecord  *record,
                  gpointer        data,
                  GError        **error)
{
  EachIncident *each = data;
  DossierIncident *incident = DOSSIER_INCIDENT (record);

  if (_dossier_annex_stopped (each->annex, error))
    return FALSE;
  _dossier_annex_tick (each->annex);
  if (!dossier_redaction_keeps (each->annex->redaction, record))
    return TRUE;
  return each->func (each->annex, incident);
}

/* Calls @func for each incident the annex covers and its profile keeps. */
static gboolean
each_incident (Annex        *a,
               IncidentFunc  func)
{
  EachIncident each = { a, func };
  GArray *ids = a->options->incident_ids;

  if (ids == NULL)
    {
      g_autoptr(GError) local = NULL;

      if (!dossier_store_foreach (a->store, DOSSIER_TYPE_INCIDENT, each_incident_cb, &each, &local) && a->error == NULL)
        a->error = g_steal_pointer (&local);
      return a->error == NULL;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(DossierIncident) incident = dossier_store_load (a->store, DOSSIER_TYPE_INCIDENT,
                                                                g_array_index (ids, gint64, i), NULL);

      if (incident != NULL && !each_incident_cb (DOSSIER_RECORD (incident), &each, NULL))
        return FALSE;
    }
  return a->error == NULL;
}

/* ---- Sections ---- */

/* On a page on its side: 745.89 points; the sources, the longest texts, get the most, then
 * the title. */
static const Column incident_columns[] = {
  { N_("Code"), 50, FALSE },
  { N_("Title"), 112, FALSE },
  { N_("Date"), 62, FALSE },
  { N_("Place"), 76, FALSE },
  { N_("Violations"), 90, FALSE },
  { N_("Victims"), 80, FALSE },
  { N_("Alleged perpetrators"), 72, FALSE },
  { N_("Verification"), 64, FALSE },
  { N_("Sources"), 139.89, FALSE },
};

static gboolean
incident_row (Annex           *a,
              DossierIncident *incident)
{
  DossierRecord *record = DOSSIER_RECORD (incident);
  gboolean title_kept = !dossier_redaction_withholds (a->redaction, record, "title_en");
  gboolean sources_kept = !dossier_redaction_withholds (a->redaction, record, "sources");
  g_autofree char *date = _dossier_annex_breakable (dossier_edtf_format_string (dossier_incident_get_date_edtf (incident), a->lang));
  g_autofree char *place = place_of (a, incident);
  g_autofree char *types = _dossier_annex_labels (a, "violation-type", dossier_incident_get_violation_types (incident));
  g_autofree char *counts = victims (a, incident);
  g_auto(GStrv) perpetrators = dossier_store_alleged_perpetrators (a->store, dossier_record_get_id (DOSSIER_RECORD (incident)), NULL);
  g_autofree char *actors = perpetrators ? g_strjoinv (", ", perpetrators) : g_strdup ("");
  g_autofree char *title = _dossier_annex_in_language (a, dossier_incident_get_title_fr (incident), dossier_incident_get_title_en (incident));
  /* What is withheld is said; what is not there is not called withheld. */
  const char *cells[G_N_ELEMENTS (incident_columns)] = {
    dossier_record_get_code (DOSSIER_RECORD (incident)),
    title_kept || title == NULL || *title == '\0' ? title : _dossier_annex_tr (a, N_("withheld")),
    date ? date : dossier_incident_get_date_edtf (incident), place, types, counts, actors,
    _dossier_annex_label (a, "verification-status", dossier_incident_get_verification (incident)),
    sources_kept || dossier_incident_get_sources (incident) == NULL || *dossier_incident_get_sources (incident) == '\0' ? dossier_incident_get_sources (incident) : _dossier_annex_tr (a, N_("withheld")),
  };

  _dossier_annex_table_row (a, incident_columns, G_N_ELEMENTS (incident_columns), cells);
  return TRUE;
}

static gboolean
incident_sheet (Annex           *a,
                DossierIncident *incident)
{
  DossierRecord *record = DOSSIER_RECORD (incident);
  gboolean title_kept = !dossier_redaction_withholds (a->redaction, record, "title_en");
  gboolean summary_kept = !dossier_redaction_withholds (a->redaction, record, "summary_en");
  gboolean sources_kept = !dossier_redaction_withholds (a->redaction, record, "sources");
  gint64 id = dossier_record_get_id (record);
  g_autofree char *title = title_kept ? _dossier_annex_in_language (a, dossier_incident_get_title_fr (incident), dossier_incident_get_title_en (incident)) : NULL;
  g_autofree char *heading = title && *title ? g_strdup_printf ("%s — %s", dossier_record_get_code (DOSSIER_RECORD (incident)), title)
                                             : g_strdup (dossier_record_get_code (DOSSIER_RECORD (incident)));
  g_autofree char *date = dossier_edtf_format_string (dossier_incident_get_date_edtf (incident), a->lang);
  g_autofree char *place = place_of (a, incident);
  g_autofree char *types = _dossier_annex_labels (a, "violation-type", dossier_incident_get_violation_types (incident));
  g_autofree char *counts = victims (a, incident);
  g_autofree char *coordinates = NULL;
  g_autofree char *actors = codes (a, DOSSIER_EXPORT_INCIDENT_ACTORS, id, "actor-role");
  /* A person of whom nothing but the code may be said appears without a role. */
  g_autofree char *people = codes (a, DOSSIER_EXPORT_INCIDENT_PEOPLE, id, "person-role");
  g_autofree char *testimonies = codes (a, DOSSIER_EXPORT_INCIDENT_TESTIMONIES, id, NULL);
  g_autofree char *evidence = codes (a, DOSSIER_EXPORT_INCIDENT_EVIDENCE, id, NULL);
  g_autofree char *summary = summary_kept ? _dossier_annex_in_language (a, dossier_incident_get_summary_fr (incident), dossier_incident_get_summary_en (incident)) : NULL;

  if (!isnan (dossier_incident_get_latitude (incident)) && !isnan (dossier_incident_get_longitude (incident)))
    {
      g_autofree char *latitude = _dossier_annex_degrees (a, dossier_incident_get_latitude (incident), TRUE);
      g_autofree char *longitude = _dossier_annex_degrees (a, dossier_incident_get_longitude (incident), FALSE);
      g_autofree char *precision = g_utf8_strdown (_dossier_annex_label (a, "location-precision", dossier_incident_get_location_precision (incident)), -1);

      coordinates = *precision ? g_strdup_printf ("%s, %s (%s)", latitude, longitude, precision)
                               : g_strdup_printf ("%s, %s", latitude, longitude);
    }
  _dossier_annex_need (a, 80);
  a->y += 6;
  {
    double height = _dossier_annex_set_text (a, heading, a->bold, WIDTH, 0);

    _dossier_annex_show (a, LEFT, a->y);
    a->y += height;
  }
  if (a->cr != NULL)
    {
      cairo_set_line_width (a->cr, 0.6);
      cairo_move_to (a->cr, LEFT, a->y + 2);
      cairo_line_to (a->cr, RIGHT, a->y + 2);
      cairo_stroke (a->cr);
    }
  a->y += 6;
  _dossier_annex_field (a, N_("Date"), date ? date : dossier_incident_get_date_edtf (incident));
  _dossier_annex_field (a, N_("Place"), place);
  _dossier_annex_field (a, N_("Coordinates"), coordinates);
  _dossier_annex_field (a, N_("Violations"), types);
  _dossier_annex_field (a, N_("Victims"), counts);
  _dossier_annex_field (a, N_("Actors"), actors);
  _dossier_annex_field (a, N_("Persons"), people);
  _dossier_annex_field (a, N_("Testimonies"), testimonies);
  _dossier_annex_field (a, N_("Evidence"), evidence);
  _dossier_annex_field (a, N_("Verification"), _dossier_annex_label (a, "verification-status", dossier_incident_get_verification (incident)));
  _dossier_annex_field (a, N_("Standard of proof"), _dossier_annex_label (a, "standard-of-proof", dossier_incident_get_standard_of_proof (incident)));
  /* Withheld is said only of what there is. */
  if (summary_kept)
    _dossier_annex_field (a, N_("Summary"), summary);
  else
    {
      g_autofree char *any_summary = _dossier_annex_in_language (a, dossier_incident_get_summary_fr (incident), dossier_incident_get_summary_en (incident));

      if (any_summary != NULL && *any_summary != '\0')
        _dossier_annex_field (a, N_("Summary"), _dossier_annex_tr (a, N_("withheld")));
    }
  if (sources_kept)
    _dossier_annex_field (a, N_("Sources"), dossier_incident_get_sources (incident));
  else if (dossier_incident_get_sources (incident) != NULL && *dossier_incident_get_sources (incident) != '\0')
    _dossier_annex_field (a, N_("Sources"), _dossier_annex_tr (a, N_("withheld")));
  a->y += 8;
  return TRUE;
}

static const Column testimony_columns[] = {
  { N_("Code"), 56, FALSE },
  { N_("Taken on"), 74, FALSE },
  { N_("Office"), 58, FALSE },
  { N_("Language"), 50, FALSE },
  { N_("Witness"), 54, FALSE },
  { N_("Status"), 56, FALSE },
  { N_("Incidents"), 68, FALSE },
  { N_("Violations"), 83.276, FALSE },
};

static gboolean
testimony_row (DossierRecord  *record,
               gpointer        data,
               GError        **error)
{
  Annex *a = data;
  DossierTestimony *testimony = DOSSIER_TESTIMONY (record);
  g_autofree char *date = _dossier_annex_breakable (dossier_edtf_format_string (dossier_testimony_get_taken_on (testimony), a->lang));
  /* Who gave a testimony is more than a code: said only of those the profile allows. */
  g_autofree char *witness = codes (a, DOSSIER_EXPORT_TESTIMONY_WITNESS, dossier_record_get_id (record), NULL);
  /* Only the incidents this profile shows. */
  g_autofree char *incidents = codes (a, DOSSIER_EXPORT_TESTIMONY_INCIDENTS, dossier_record_get_id (record), NULL);
  g_autofree char *tags = _dossier_annex_labels (a, "violation-type", dossier_testimony_get_tags (testimony));
  const char *cells[G_N_ELEMENTS (testimony_columns)] = {
    dossier_record_get_code (record), date ? date : dossier_testimony_get_taken_on (testimony), _dossier_annex_label (a, "office", dossier_testimony_get_office (testimony)),
    _dossier_annex_label (a, "language", dossier_testimony_get_language (testimony)), witness,
    _dossier_annex_label (a, "testimony-status", dossier_testimony_get_status (testimony)),
    incidents, tags,
  };

  if (_dossier_annex_stopped (a, error))
    return FALSE;
  _dossier_annex_table_row (a, testimony_columns, G_N_ELEMENTS (testimony_columns), cells);
  return TRUE;
}

static const Column person_columns[] = {
  { N_("Code"), 58, FALSE },
  { N_("Sex"), 52, FALSE },
  { N_("Age group"), 62, FALSE },
  { N_("Protection"), 62, FALSE },
  { N_("Roles in incidents"), 190, FALSE },
  { N_("Testimonies"), 75.276, FALSE },
};

static gboolean
person_row (DossierRecord  *record,
            gpointer        data,
            GError        **error)
{
  Annex *a = data;
  DossierPerson *person = DOSSIER_PERSON (record);
  /* Public: nothing of a protected or confidential person but the code. No profile ever
   * shows an identity. */
  gboolean roles_hidden = dossier_redaction_withholds (a->redaction, record, DOSSIER_REDACTION_PERSON_INCIDENTS);
  gboolean given_hidden = dossier_redaction_withholds (a->redaction, record, DOSSIER_REDACTION_PERSON_TESTIMONIES);
  g_autofree char *roles = roles_hidden ? NULL : codes (a, DOSSIER_EXPORT_PERSON_INCIDENTS, dossier_record_get_id (record), "person-role");
  g_autofree char *given = given_hidden ? NULL : codes (a, DOSSIER_EXPORT_PERSON_TESTIMONIES, dossier_record_get_id (record), NULL);
  const char *withheld = _dossier_annex_tr (a, N_("withheld"));
  const char *cells[G_N_ELEMENTS (person_columns)] = {
    dossier_record_get_code (record),
    dossier_redaction_withholds (a->redaction, record, "sex") ? withheld : _dossier_annex_label (a, "sex", dossier_person_get_sex (person)),
    dossier_redaction_withholds (a->redaction, record, "age_group") ? withheld : _dossier_annex_label (a, "age-group", dossier_person_get_age_group (person)),
    _dossier_annex_label (a, "protection-level", dossier_person_get_protection (person)),
    roles_hidden ? withheld : roles,
    given_hidden ? withheld : given,
  };

  if (_dossier_annex_stopped (a, error))
    return FALSE;
  _dossier_annex_table_row (a, person_columns, G_N_ELEMENTS (person_columns), cells);
  return TRUE;
}

static const Column actor_columns[] = {
  { N_("Code"), 58, FALSE },
  { N_("Name"), 180, FALSE },
  { N_("Acronym"), 70, FALSE },
  { N_("Kind"), 110, FALSE },
  { N_("Incidents alleged"), 81.276, FALSE },
};

static gboolean
actor_row (DossierRecord  *record,
           gpointer        data,
           GError        **error)
{
  Annex *a = data;
  DossierActor *actor = DOSSIER_ACTOR (record);
  gint64 n = dossier_export_query_alleged (a->store, a->redaction, dossier_record_get_id (record), NULL);
  g_autofree char *count = n >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, n) : g_strdup ("");
  const char *cells[G_N_ELEMENTS (actor_columns)] = {
    dossier_record_get_code (record), dossier_actor_get_name (actor), dossier_actor_get_acronym (actor), _dossier_annex_label (a, "actor-kind", dossier_actor_get_kind (actor)), count,
  };

  if (_dossier_annex_stopped (a, error))
    return FALSE;
  _dossier_annex_table_row (a, actor_columns, G_N_ELEMENTS (actor_columns), cells);
  return TRUE;
}

/* "(68,744 bytes)" on a line of its own; two groups of 16 digits of a hash to a line. */
static const Column evidence_columns[] = {
  { N_("Code"), 48, FALSE },
  { N_("Title"), 86, FALSE },
  { N_("Type and size"), 76, FALSE },
  { N_("SHA-256"), 124, TRUE },
  { N_("Acquisition"), 72, FALSE },
  { N_("Custody"), 93.276, FALSE },
};

/* The custody log's actions, in the annex's language. */
static const char *
action_label (Annex      *a,
              const char *action)
{
  static const struct { const char *code, *label; } actions[] = {
    { "ingested", N_("Ingested") }, { "viewed", N_("Viewed") }, { "exported", N_("Exported") },
    { "verified", N_("Verified") }, { "linked", N_("Linked") }, { "unlinked", N_("Unlinked") },
    { "restored", N_("Bytes restored") }, { "working-copy", N_("Working copy made") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_strcmp0 (action, actions[i].code) == 0)
      return _dossier_annex_tr (a, actions[i].label);
  return action;
}

static gboolean
evidence_row (DossierRecord  *record,
              gpointer        data,
              GError        **error)
{
  Annex *a = data;
  DossierEvidence *evidence = DOSSIER_EVIDENCE (record);
  g_autofree char *size = dossier_evidence_get_size (evidence) >= 0 ? _dossier_annex_file_size (a, dossier_evidence_get_size (evidence)) : g_strdup ("");
  g_autofree char *type = g_strdup_printf ("%s\n%s", _dossier_annex_media_kind (a, dossier_evidence_get_media_type (evidence)), size);
  /* In groups of 16 digits, two to a line: a group is never broken. */
  g_autofree char *sha = dossier_evidence_get_sha256 (evidence) && strlen (dossier_evidence_get_sha256 (evidence)) == 64
                         ? g_strdup_printf ("%.16s %.16s\n%.16s %s", dossier_evidence_get_sha256 (evidence), dossier_evidence_get_sha256 (evidence) + 16,
                                            dossier_evidence_get_sha256 (evidence) + 32, dossier_evidence_get_sha256 (evidence) + 48)
                         : g_strdup (dossier_evidence_get_sha256 (evidence));
  g_autofree char *acquired_on = _dossier_annex_breakable (dossier_edtf_format_string (dossier_evidence_get_acquired_on (evidence), a->lang));
  g_autoptr(GString) acquisition = g_string_new (acquired_on);
  g_autofree char *custody = NULL;
  g_autofree char *last_action = NULL;
  g_autofree char *last_at = NULL;
  gint64 n = 0;

  if (_dossier_annex_stopped (a, error))
    return FALSE;
  if (!dossier_redaction_keeps (a->redaction, record))
    return TRUE;
  if (!dossier_redaction_withholds (a->redaction, record, "acquired_by") && dossier_evidence_get_acquired_by (evidence) && *dossier_evidence_get_acquired_by (evidence))
    g_string_append_printf (acquisition, "\n%s", dossier_evidence_get_acquired_by (evidence));
  if (dossier_evidence_get_collection_method (evidence) && *dossier_evidence_get_collection_method (evidence))
    g_string_append_printf (acquisition, "\n%s", _dossier_annex_label (a, "collection-method", dossier_evidence_get_collection_method (evidence)));
  /* How many events, and the last one: what, and when to the minute, in UTC. */
  if (dossier_export_query_custody (a->store, dossier_record_get_id (record), &n, &last_action, &last_at, NULL) && last_action != NULL)
    {
      g_autofree char *when = _dossier_annex_utc_time (a, last_at);
      /* Translators: the last event of an evidence item's custody, and when, e.g.
       * “Linked, 3 December 2026, 15:02 UTC” */
      /* Mid-sentence, after "last:": in lower case ("dernier : liée le …"). */
      g_autofree char *action = g_utf8_strdown (action_label (a, last_action), -1);
      g_autofree char *last = g_strdup_printf (_dossier_annex_tr (a, N_("%s on %s")), action, when);

      custody = g_strdup_printf (dossier_catalog_nget (a->catalog, "%d event; last: %s", "%d events; last: %s", n),
                                 (int) n, last);
    }
  {
    const char *cells[G_N_ELEMENTS (evidence_columns)] = {
      dossier_record_get_code (record),
      dossier_redaction_withholds (a->redaction, record, "title") ? _dossier_annex_tr (a, N_("withheld")) : dossier_evidence_get_title (evidence),
      type, sha ? sha : "", acquisition->str, custody ? custody : "",
    };

    _dossier_annex_table_row (a, evidence_columns, G_N_ELEMENTS (evidence_columns), cells);
  }
  return TRUE;
}

/* A figure as wide as the text, as high as its proportions ask (@height, for that width),
 * and its caption under it; on a page too short for it, made smaller to fit. */
static void
figure (Annex                  *a,
        DossierAnnexFigureFunc  func,
        gpointer                data,
        double                  height,
        const char             *caption)
{
  double width = WIDTH, room, caption_height;

  if (func == NULL)
    {
      _dossier_annex_paragraph (a, _dossier_annex_tr (a, N_("This figure is drawn by the application; it was not available here.")), a->body, 0);
      return;
    }
  if (height <= 0)
    height = WIDTH * 0.8;
  caption_height = _dossier_annex_set_text (a, caption, a->small, WIDTH, 0);
  room = BOTTOM - a->y - 6 - caption_height - 4;
  if (height > room)
    {
      width *= room / height;
      height = room;
    }
  if (a->cr != NULL)
    {
      cairo_save (a->cr);
      cairo_translate (a->cr, LEFT + (WIDTH - width) / 2, a->y);
      cairo_rectangle (a->cr, 0, 0, width, height);
      cairo_clip (a->cr);
      func (a->cr, width, height, data);
      cairo_restore (a->cr);
      cairo_set_source_rgb (a->cr, 0, 0, 0);
    }
  a->y += height + 6;
  _dossier_annex_paragraph (a, caption, a->small, 0);
}

/* One section of the annex, after its title. */
void
_dossier_annex_write_section (Annex                *a,
                              DossierAnnexSections  section)
{
  switch (section)
    {
    case DOSSIER_ANNEX_INCIDENTS:
      _dossier_annex_table_header (a, incident_columns, G_N_ELEMENTS (incident_columns));
      each_incident (a, incident_row);
      break;
    case DOSSIER_ANNEX_SHEETS:
      each_incident (a, incident_sheet);
      break;
    case DOSSIER_ANNEX_TESTIMONIES:
      _dossier_annex_table_header (a, testimony_columns, G_N_ELEMENTS (testimony_columns));
      _dossier_annex_each_record (a, DOSSIER_TYPE_TESTIMONY, testimony_row);
      break;
    case DOSSIER_ANNEX_PEOPLE:
      _dossier_annex_table_header (a, person_columns, G_N_ELEMENTS (person_columns));
      _dossier_annex_each_record (a, DOSSIER_TYPE_PERSON, person_row);
      break;
    case DOSSIER_ANNEX_ACTORS:
      _dossier_annex_table_header (a, actor_columns, G_N_ELEMENTS (actor_columns));
      _dossier_annex_each_record (a, DOSSIER_TYPE_ACTOR, actor_row);
      break;
    case DOSSIER_ANNEX_EVIDENCE:
      _dossier_annex_table_header (a, evidence_columns, G_N_ELEMENTS (evidence_columns));
      _dossier_annex_each_record (a, DOSSIER_TYPE_EVIDENCE, evidence_row);
      break;
    case DOSSIER_ANNEX_MAP:
      figure (a, a->options->map_figure, a->options->map_data, a->options->map_height,
              /* The figure credits its basemap itself, in its corner. */
              _dossier_annex_tr (a, N_("The incidents of this annex on the map.")));
      break;
    case DOSSIER_ANNEX_TIMELINE:
      figure (a, a->options->timeline_figure, a->options->timeline_data, a->options->timeline_height,
              _dossier_annex_tr (a, N_("The incidents of this annex in time, each at its date as known: a point for a day, a span for a period or a date known only to its month or year.")));
      break;
    default:
      break;
    }
}
