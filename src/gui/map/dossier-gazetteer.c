/* dossier-gazetteer.c: places found by name, offline, for setting where an incident was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two sources, both in the program: the chefs-lieux of Mali's regions and cercles from the
 * dossier's vocabularies (with their French and English names), and the towns and villages
 * of the basemap (data/geo/places.geojson, GeoNames). Names are matched without accents or
 * case, anywhere in the name; names that begin with what was typed come first. A town says
 * where it is: its region of Mali (found in the basemap's regions), or its country, so
 * that Koro in Mali is not taken for Koro in Côte d'Ivoire.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "dossier-basemap-layer.h"
#include "dossier-gazetteer.h"
#include "dossier-text.h"
#include "dossier-vocab.h"

typedef struct {
  char   *name;
  char   *folded;
  char   *country;
  char   *region;    /* in Mali: the code of its region, or NULL */
  double  latitude;
  double  longitude;
  int     rank;
} Place;

static GArray *places;   /* Place, loaded once, by rank */
static GArray *regions;  /* Region: Mali's regions, loaded with the places */

/* Mali's neighbours, as places.geojson codes them. */
static const struct { const char *code; const char *name; } countries[] = {
  { "DZ", N_("Algeria") }, { "BF", N_("Burkina Faso") }, { "CI", N_("Côte d’Ivoire") }, { "GN", N_("Guinea") },
  { "MR", N_("Mauritania") }, { "NE", N_("Niger") }, { "SN", N_("Senegal") },
};

static void
place_clear (gpointer data)
{
  Place *place = data;

  g_free (place->name);
  g_free (place->folded);
  g_free (place->country);
  g_free (place->region);
}

/* Whether (x, y) lies inside the polygon or multipolygon @geometry (even-odd). */
static gboolean
geometry_contains (JsonObject *geometry,
                   double      x,
                   double      y)
{
  const char *type = json_object_get_string_member_with_default (geometry, "type", "");
  JsonArray *coordinates = json_object_get_array_member (geometry, "coordinates");
  gboolean inside = FALSE;
  guint n_polygons;

  if (coordinates == NULL)
    return FALSE;
  n_polygons = g_str_equal (type, "MultiPolygon") ? json_array_get_length (coordinates) : 1;
  for (guint p = 0; p < n_polygons; p++)
    {
      JsonArray *polygon = g_str_equal (type, "MultiPolygon") ? json_array_get_array_element (coordinates, p) : coordinates;

      for (guint r = 0; polygon && r < json_array_get_length (polygon); r++)
        {
          JsonArray *ring = json_array_get_array_element (polygon, r);
          guint n = ring ? json_array_get_length (ring) : 0;

          for (guint i = 0, j = n - 1; i < n; j = i++)
            {
              JsonArray *a = json_array_get_array_element (ring, i), *b = json_array_get_array_element (ring, j);
              double ax, ay, bx, by;

              if (a == NULL || b == NULL || json_array_get_length (a) < 2 || json_array_get_length (b) < 2)
                continue;
              ax = json_array_get_double_element (a, 0);
              ay = json_array_get_double_element (a, 1);
              bx = json_array_get_double_element (b, 0);
              by = json_array_get_double_element (b, 1);
              if ((ay > y) != (by > y) && x < (bx - ax) * (y - ay) / (by - ay) + ax)
                inside = !inside;
            }
        }
    }
  return inside;
}

/* A region of the basemap, with its box to skip it quickly. */
typedef struct {
  JsonObject *geometry;
  const char *code;
  double      box[4];   /* west, south, east, north */
} Region;

static void
grow_box (JsonArray *array,
          double    *box)
{
  guint n = json_array_get_length (array);

  /* A point: [longitude, latitude]. */
  if (n >= 2 && JSON_NODE_HOLDS_VALUE (json_array_get_element (array, 0)))
    {
      box[0] = MIN (box[0], json_array_get_double_element (array, 0));
      box[1] = MIN (box[1], json_array_get_double_element (array, 1));
      box[2] = MAX (box[2], json_array_get_double_element (array, 0));
      box[3] = MAX (box[3], json_array_get_double_element (array, 1));
      return;
    }
  for (guint i = 0; i < n; i++)
    if (JSON_NODE_HOLDS_ARRAY (json_array_get_element (array, i)))
      grow_box (json_array_get_array_element (array, i), box);
}

static GArray *
load_regions (JsonArray *features)
{
  GArray *regions = g_array_new (FALSE, FALSE, sizeof (Region));

  for (guint i = 0; features && i < json_array_get_length (features); i++)
    {
      JsonObject *feature = json_array_get_object_element (features, i);
      JsonObject *properties = feature ? json_object_get_object_member (feature, "properties") : NULL;
      Region region = { feature ? json_object_get_object_member (feature, "geometry") : NULL, NULL,
                        { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE } };
      JsonArray *coordinates;

      if (region.geometry == NULL || properties == NULL ||
          (coordinates = json_object_get_array_member (region.geometry, "coordinates")) == NULL)
        continue;
      region.code = json_object_get_string_member_with_default (properties, "admin1", NULL);
      grow_box (coordinates, region.box);
      if (region.code != NULL)
        g_array_append_val (regions, region);
    }
  return regions;
}

/* The code of the region of Mali holding the point, or NULL. */
static char *
region_at (GArray *regions,
           double  latitude,
           double  longitude)
{
  for (guint i = 0; i < regions->len; i++)
    {
      Region *region = &g_array_index (regions, Region, i);

      if (longitude >= region->box[0] && latitude >= region->box[1] && longitude <= region->box[2] &&
          latitude <= region->box[3] && geometry_contains (region->geometry, longitude, latitude))
        return g_strdup (region->code);
    }
  return NULL;
}

static void
load_places (void)
{
  g_autoptr(JsonArray) features = NULL;
  static JsonArray *outlines;   /* kept: the regions point into it */

  if (places != NULL)
    return;
  outlines = dossier_basemap_load_features ("mali-regions.geojson");
  regions = load_regions (outlines);
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
      if (g_str_equal (place.country, "ML"))
        place.region = region_at (regions, place.latitude, place.longitude);
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
  g_free (entry->scheme);
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

/* Where a town is, as its row says: "Mali, Mopti region", or its country. */
static char *
place_detail (DossierStore *store,
              const Place  *place,
              const char   *lang)
{
  if (g_str_equal (place->country, "ML"))
    {
      g_autofree char *region = place->region ? dossier_store_vocab_label (store, "admin1", place->region, lang) : NULL;

      if (region == NULL || *region == '\0')
        return g_strdup (_("Mali"));
      /* The Bamako district is no region, and says so itself. */
      if (g_str_equal (place->region, "bamako"))
        /* Translators: where a town is: Mali, then its district ("Bamako District") */
        return g_strdup_printf (_("Mali, %s"), region);
      /* Translators: where a town is: Mali, then its region's name ("Mopti") */
      return g_strdup_printf (_("Mali, %s region"), region);
    }
  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    if (g_str_equal (place->country, countries[i].code))
      return g_strdup (_(countries[i].name));
  return g_strdup (place->country);
}

/**
 * dossier_gazetteer_no_match:
 * @text: what was searched for
 *
 * Returns: (transfer full): what to say when no place has that name, and what to try
 */
char *
dossier_gazetteer_no_match (const char *text)
{
  g_autofree char *wanted = g_strstrip (g_strdup (text ? text : ""));

  /* Translators: the place finder found nothing; %s is what was typed */
  return g_strdup_printf (_("No place called “%s”. Try another spelling or a nearby town, or type the coordinates "
                            "in the Coordinates field."), wanted);
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
          g_autofree char *both = g_strjoin ("\n", dossier_vocab_term_get_label_fr (term), dossier_vocab_term_get_label_en (term), NULL);
          g_autofree char *folded = dossier_fold_text (both);
          const char *at;

          if (isnan (dossier_vocab_term_get_latitude (term)) || (at = strstr (folded, wanted)) == NULL)
            continue;
          {
            Hit hit = { entry_new (dossier_vocab_term_get_label (term, lang), _(schemes[s].detail),
                                   dossier_vocab_term_get_latitude (term), dossier_vocab_term_get_longitude (term)),
                        (at == folded || at[-1] == '\n' ? 0 : 10) + (int) s };

            hit.entry->scheme = g_strdup (schemes[s].scheme);
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
        g_autofree char *where = place_detail (store, place, lang);
        Hit hit = { entry_new (place->name, where, place->latitude, place->longitude),
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

/**
 * dossier_gazetteer_locate:
 * @store: the dossier, for its cercles
 * @latitude: in degrees
 * @longitude: in degrees
 * @admin1: (out) (nullable): the code of the region of Mali holding the point, or %NULL
 * @admin2: (out) (nullable): the code of the cercle whose chef-lieu is the nearest in that
 *   region, if the point is within some 15 km of it, or %NULL
 *
 * Where a point is in Mali's administration, as far as the program knows: the regions'
 * outlines say the region; no cercle outlines are shipped, so the cercle is said only
 * near its chef-lieu. Farther, the nearest chef-lieu is often another cercle's (Moura, in
 * the cercle of Djenné, is nearer Ténenkou): better left for the investigator than wrong.
 */
void
dossier_gazetteer_locate (DossierStore *store,
                          double        latitude,
                          double        longitude,
                          char        **admin1,
                          char        **admin2)
{
  g_autofree char *region = NULL;
  g_autofree char *cercle = NULL;

  load_places ();
  region = isfinite (latitude) && isfinite (longitude) ? region_at (regions, latitude, longitude) : NULL;
  if (region != NULL && store != NULL)
    {
      g_autoptr(GPtrArray) terms = dossier_store_list_vocab (store, "admin2", NULL);
      double best = 0.15 * 0.15;   /* degrees, some 15 km */
      /* Degrees of longitude shrink with the latitude; Mali is small enough for one factor. */
      double shrink = cos (latitude * G_PI / 180);

      for (guint i = 0; terms && i < terms->len; i++)
        {
          DossierVocabTerm *term = terms->pdata[i];
          double dx, dy;

          if (isnan (dossier_vocab_term_get_latitude (term)) || g_strcmp0 (dossier_vocab_term_get_parent (term), region) != 0)
            continue;
          dx = (dossier_vocab_term_get_longitude (term) - longitude) * shrink;
          dy = dossier_vocab_term_get_latitude (term) - latitude;
          if (dx * dx + dy * dy < best)
            {
              best = dx * dx + dy * dy;
              g_free (cercle);
              cercle = g_strdup (dossier_vocab_term_get_code (term));
            }
        }
    }
  if (admin1 != NULL)
    *admin1 = g_steal_pointer (&region);
  if (admin2 != NULL)
    *admin2 = g_steal_pointer (&cercle);
}
