/* dossier-gazetteer.c: places found by name, offline, for setting where an incident was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two sources, both in the program: the chefs-lieux of Mali's regions and cercles from the
 * dossier's vocabularies (with their French and English names), and the towns and villages
 * of the basemap (data/geo/places.geojson, GeoNames). Names are matched without accents or
 * case, anywhere in the name; names that begin with what was typed come first.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "dossier-basemap-layer.h"
#include "dossier-gazetteer.h"
#include "dossier-vocab.h"
#include "dossier-vocab-row.h"

typedef struct {
  char   *name;
  char   *folded;
  char   *country;
  double  latitude;
  double  longitude;
  int     rank;
} Place;

static GArray *places;   /* Place, loaded once, by rank */

static void
place_clear (gpointer data)
{
  Place *place = data;

  g_free (place->name);
  g_free (place->folded);
  g_free (place->country);
}

static void
load_places (void)
{
  g_autoptr(JsonArray) features = NULL;

  if (places != NULL)
    return;
  places = g_array_new (FALSE, TRUE, sizeof (Place));
  g_array_set_clear_func (places, place_clear);
  features = dossier_basemap_load_features ("places.geojson");
  for (guint i = 0; features && i < json_array_get_length (features); i++)
    {
      JsonObject *properties;
      Place place = { 0 };

      if (!dossier_basemap_point_feature (features, i, &properties, &place.latitude, &place.longitude))
        continue;
      place.name = g_strdup (json_object_get_string_member_with_default (properties, "name", ""));
      place.folded = dossier_fold_text (place.name);
      place.country = g_strdup (json_object_get_string_member_with_default (properties, "country", ""));
      place.rank = json_object_get_int_member_with_default (properties, "rank", 3);
      g_array_append_val (places, place);
    }
}

void
dossier_gazetteer_entry_free (DossierGazetteerEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->name);
  g_free (entry->detail);
  g_free (entry);
}

typedef struct {
  DossierGazetteerEntry *entry;
  int                    score;   /* lower first */
} Hit;

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const Hit *x = a, *y = b;

  if (x->score != y->score)
    return x->score - y->score;
  return g_utf8_collate (x->entry->name, y->entry->name);
}

static DossierGazetteerEntry *
entry_new (const char *name,
           const char *detail,
           double      latitude,
           double      longitude)
{
  DossierGazetteerEntry *entry = g_new0 (DossierGazetteerEntry, 1);

  entry->name = g_strdup (name);
  entry->detail = g_strdup (detail);
  entry->latitude = latitude;
  entry->longitude = longitude;
  return entry;
}

/**
 * dossier_gazetteer_search:
 * @store: the dossier, for its regions and cercles
 * @text: part of a name, in any case, with or without accents
 * @lang: "fr" or "en"
 * @limit: the most entries wanted
 *
 * Returns: (transfer full) (element-type DossierGazetteerEntry): the places found
 */
GPtrArray *
dossier_gazetteer_search (DossierStore *store,
                          const char   *text,
                          const char   *lang,
                          guint         limit)
{
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  g_autofree char *wanted = dossier_fold_text (g_strstrip (g_strdup (text ? text : "")));
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_gazetteer_entry_free);
  static const struct { const char *scheme; const char *detail; } schemes[] = {
    { "admin1", N_("Region of Mali") }, { "admin2", N_("Cercle of Mali") },
  };

  if (*wanted == '\0')
    return result;
  load_places ();

  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    {
      g_autoptr(GPtrArray) terms = dossier_store_list_vocab (store, schemes[s].scheme, NULL);

      for (guint i = 0; terms && i < terms->len; i++)
        {
          DossierVocabTerm *term = terms->pdata[i];
          g_autofree char *both = g_strjoin ("\n", term->label_fr, term->label_en, NULL);
          g_autofree char *folded = dossier_fold_text (both);
          const char *at;

          if (isnan (term->latitude) || (at = strstr (folded, wanted)) == NULL)
            continue;
          {
            Hit hit = { entry_new (dossier_vocab_term_get_label (term, lang), _(schemes[s].detail),
                                   term->latitude, term->longitude),
                        (at == folded || at[-1] == '\n' ? 0 : 10) + (int) s };
            g_array_append_val (hits, hit);
          }
        }
    }
  for (guint i = 0; i < places->len; i++)
    {
      Place *place = &g_array_index (places, Place, i);
      const char *at = strstr (place->folded, wanted);

      if (at == NULL)
        continue;
      {
        Hit hit = { entry_new (place->name, place->country, place->latitude, place->longitude),
                    (at == place->folded ? 2 : 12) + place->rank };
        g_array_append_val (hits, hit);
      }
    }

  g_array_sort (hits, compare_hits);
  for (guint i = 0; i < hits->len; i++)
    {
      Hit *hit = &g_array_index (hits, Hit, i);

      if (result->len < limit)
        g_ptr_array_add (result, hit->entry);
      else
        dossier_gazetteer_entry_free (hit->entry);
    }
  return result;
}
