/* dossier-redaction.c: what leaves the dossier, by profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place that decides what an export may hold; every exporter asks it. Identities
 * never leave but in the internal profile (no exporter here writes them at all). For
 * incidents, by their confidentiality:
 *
 *   profile    public incident    restricted incident        confidential incident
 *   public     all                code, date, place, figures  left out
 *   annex      all                all                         code, date, place, figures
 *   internal   all                all                         all
 *
 * "Texts" are the titles, summaries and sources: where a witness's words or a name may be.
 */
#include "config.h"

#include "dossier-redaction.h"

static const char * const names[] = { "public", "annex", "internal" };

/**
 * dossier_profile_from_string:
 * @name: "public", "annex" or "internal"
 * @profile: (out): the profile
 *
 * Returns: %TRUE if @name is a profile
 */
gboolean
dossier_profile_from_string (const char     *name,
                             DossierProfile *profile)
{
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i]) == 0)
      {
        *profile = (DossierProfile) i;
        return TRUE;
      }
  return FALSE;
}

const char *
dossier_profile_to_string (DossierProfile profile)
{
  g_return_val_if_fail (profile <= DOSSIER_PROFILE_INTERNAL, "public");
  return names[profile];
}

static gboolean
is (DossierIncident *incident,
    const char      *confidentiality)
{
  return g_strcmp0 (incident->confidentiality, confidentiality) == 0;
}

/**
 * dossier_redaction_keeps:
 * @profile: the export's profile
 * @incident: an incident
 *
 * Returns: whether the incident appears at all
 */
gboolean
dossier_redaction_keeps (DossierProfile   profile,
                         DossierIncident *incident)
{
  g_return_val_if_fail (DOSSIER_IS_INCIDENT (incident), FALSE);
  return profile != DOSSIER_PROFILE_PUBLIC || !is (incident, "confidential");
}

/**
 * dossier_redaction_keeps_texts:
 * @profile: the export's profile
 * @incident: an incident that appears
 *
 * Returns: whether its titles, summaries and sources appear, or only its code, dates,
 *   places and figures
 */
gboolean
dossier_redaction_keeps_texts (DossierProfile   profile,
                               DossierIncident *incident)
{
  g_return_val_if_fail (DOSSIER_IS_INCIDENT (incident), FALSE);
  switch (profile)
    {
    case DOSSIER_PROFILE_INTERNAL:
      return TRUE;
    case DOSSIER_PROFILE_ANNEX:
      return !is (incident, "confidential");
    case DOSSIER_PROFILE_PUBLIC:
    default:
      return is (incident, "public");
    }
}
