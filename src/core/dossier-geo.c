/* dossier-geo.c: coordinates as people type them, the map's projection, and clusters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reports and witnesses give positions in every form: "14.4936, -4.1990", the French
 * "14,4936 ; -4,1990", or degrees, minutes and seconds with hemispheres ("14°29′37″ N
 * 4°11′56″ O", O being the French west). The parser reads two coordinates, each with an
 * optional sign or hemisphere letter, in degrees with optional minutes and seconds; minutes
 * and seconds need their symbols, so that "14.5 4.2" stays two decimal numbers.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "dossier-geo.h"

G_DEFINE_QUARK (dossier-geo-error-quark, dossier_geo_error)

typedef struct {
  const char *p;
} Scanner;

static void
skip_spaces (Scanner *s)
{
  while (*s->p && (g_unichar_isspace (g_utf8_get_char (s->p)) || g_utf8_get_char (s->p) == 0x202F ||
                   g_utf8_get_char (s->p) == 0x00A0))
    s->p = g_utf8_next_char (s->p);
}

/* Accepts one of the characters of @set (UTF-8) at the cursor. */
static gboolean
accept (Scanner    *s,
        const char *set)
{
  gunichar c = g_utf8_get_char (s->p);

  if (c == 0)
    return FALSE;
  for (const char *q = set; *q; q = g_utf8_next_char (q))
    if (g_utf8_get_char (q) == c)
      {
        s->p = g_utf8_next_char (s->p);
        return TRUE;
      }
  return FALSE;
}

/* A number with a decimal point or comma; a comma counts as decimal only before a digit. */
static gboolean
number (Scanner *s,
        double  *out)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  while (g_ascii_isdigit (*s->p))
    g_string_append_c (digits, *s->p++);
  if (digits->len == 0)
    return FALSE;
  if ((*s->p == '.' || *s->p == ',') && g_ascii_isdigit (s->p[1]))
    {
      g_string_append_c (digits, '.');
      s->p++;
      while (g_ascii_isdigit (*s->p))
        g_string_append_c (digits, *s->p++);
    }
  *out = g_ascii_strtod (digits->str, NULL);
  return TRUE;
}

/* Which hemisphere a letter names: 'N', 'S', 'E', 'W' (or the French 'O'), else 0. */
static char
hemisphere (Scanner *s)
{
  char c = g_ascii_toupper (*s->p);

  if (c == 'N' || c == 'S' || c == 'E' || c == 'W' || c == 'O')
    {
      /* A letter, not the start of a word ("Est" is not written here). */
      if (g_ascii_isalpha (s->p[1]))
        return 0;
      s->p++;
      return c == 'O' ? 'W' : c;
    }
  return 0;
}

static gboolean
coordinate (Scanner  *s,
            double   *value,
            char     *hemi,
            GError  **error)
{
  double degrees, minutes = 0, seconds = 0;
  gboolean negative = FALSE;

  skip_spaces (s);
  *hemi = hemisphere (s);
  skip_spaces (s);
  if (accept (s, "-−"))
    negative = TRUE;
  else
    accept (s, "+");
  skip_spaces (s);
  if (!number (s, &degrees))
    return FALSE;
  skip_spaces (s);
  if (accept (s, "°ºd"))
    {
      Scanner saved = *s;

      skip_spaces (s);
      if (number (s, &minutes))
        {
          skip_spaces (s);
          if (!accept (s, "'′’m"))
            {
              /* Not minutes after all: the next coordinate. */
              *s = saved;
              minutes = 0;
            }
          else
            {
              saved = *s;
              skip_spaces (s);
              if (number (s, &seconds))
                {
                  skip_spaces (s);
                  if (accept (s, "\"″”s"))
                    ;
                  else if (accept (s, "'′’") && accept (s, "'′’"))
                    ;
                  else
                    {
                      *s = saved;
                      seconds = 0;
                    }
                }
            }
        }
    }
  if (minutes >= 60 || seconds >= 60)
    {
      g_set_error (error, DOSSIER_GEO_ERROR, 0, _("Minutes and seconds are less than 60"));
      return FALSE;
    }
  skip_spaces (s);
  if (*hemi == 0)
    *hemi = hemisphere (s);
  *value = degrees + minutes / 60 + seconds / 3600;
  if (negative)
    *value = -*value;
  if (*hemi == 'S' || *hemi == 'W')
    *value = -fabs (*value);
  return TRUE;
}

/**
 * dossier_geo_parse:
 * @text: what the user typed
 * @latitude: (out): in decimal degrees, north positive
 * @longitude: (out): in decimal degrees, east positive
 * @error: return location for a #GError
 *
 * Reads a latitude and a longitude, in decimal degrees (with a point or a comma) or in
 * degrees, minutes and seconds, signed or with hemispheres (N, S, E, W or O); a longitude
 * given first with its hemisphere is understood.
 *
 * Returns: %TRUE if @text is a position, else %FALSE with a translated reason
 */
gboolean
dossier_geo_parse (const char  *text,
                   double      *latitude,
                   double      *longitude,
                   GError     **error)
{
  Scanner s = { text };
  double a, b;
  char ha, hb;
  GError *local = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!coordinate (&s, &a, &ha, &local))
    goto fail;
  skip_spaces (&s);
  accept (&s, ",;/");
  if (!coordinate (&s, &b, &hb, &local))
    goto fail;
  skip_spaces (&s);
  if (*s.p != '\0')
    goto fail;

  /* "4°11′56″ W 14°29′37″ N": the longitude came first. */
  if ((ha == 'E' || ha == 'W') && (hb == 'N' || hb == 'S' || hb == 0))
    {
      double t = a;
      a = b;
      b = t;
    }
  else if ((ha == 'N' || ha == 'S') && (hb == 'N' || hb == 'S'))
    goto fail;
  if (fabs (a) > 90)
    {
      g_set_error (error, DOSSIER_GEO_ERROR, 0, _("A latitude lies between −90 and 90 degrees"));
      return FALSE;
    }
  if (fabs (b) > 180)
    {
      g_set_error (error, DOSSIER_GEO_ERROR, 0, _("A longitude lies between −180 and 180 degrees"));
      return FALSE;
    }
  *latitude = a;
  *longitude = b;
  return TRUE;

fail:
  if (local != NULL)
    g_propagate_error (error, local);
  else
    g_set_error (error, DOSSIER_GEO_ERROR, 0,
                 /* Translators: examples of coordinates; keep the numbers, translate the hemisphere letters if your language uses others (French: O for west) */
                 _("Type a latitude and a longitude, such as 14.4936, -4.1990 or 14°29′37″ N 4°11′56″ W"));
  return FALSE;
}

/**
 * dossier_geo_format_dms:
 * @latitude: decimal degrees
 * @longitude: decimal degrees
 *
 * Returns: (transfer full): the position in degrees, minutes and seconds, with hemispheres
 */
char *
dossier_geo_format_dms (double latitude,
                        double longitude)
{
  double values[2] = { fabs (latitude), fabs (longitude) };
  int d[2], m[2], sec[2];

  for (int i = 0; i < 2; i++)
    {
      long total = lround (values[i] * 3600);

      d[i] = total / 3600;
      m[i] = (total / 60) % 60;
      sec[i] = total % 60;
    }
  /* Translators: a position in degrees, minutes, seconds; the letters are the hemispheres
   * north, south, east, west (French: N, S, E, O) */
  return g_strdup_printf ("%d°%02d′%02d″ %s %d°%02d′%02d″ %s",
                          d[0], m[0], sec[0], latitude < 0 ? C_("hemisphere", "S") : C_("hemisphere", "N"),
                          d[1], m[1], sec[1], longitude < 0 ? C_("hemisphere", "W") : C_("hemisphere", "E"));
}

void
dossier_geo_project (double  latitude,
                     double  longitude,
                     double *x,
                     double *y)
{
  double lat = CLAMP (latitude, -85.05112878, 85.05112878) * G_PI / 180;

  *x = (longitude + 180) / 360;
  *y = (1 - log (tan (lat) + 1 / cos (lat)) / G_PI) / 2;
}

void
dossier_geo_unproject (double  x,
                       double  y,
                       double *latitude,
                       double *longitude)
{
  *longitude = x * 360 - 180;
  *latitude = atan (sinh (G_PI * (1 - 2 * y))) * 180 / G_PI;
}

typedef struct {
  double      sum_lat;
  double      sum_lon;
  guint       count;
  gint64      id;
  const char *precision;
  GHashTable *keys;   /* key → count */
} Cell;

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  g_clear_pointer (&cell->keys, g_hash_table_unref);
  g_free (cell);
}

static void
cluster_clear (gpointer data)
{
  DossierGeoCluster *cluster = data;

  g_clear_pointer (&cluster->shares, g_free);
}

/* The most frequent first; ties in string order, so that the same points always give the
 * same order (and the same colours, drawn in that order). */
static int
compare_shares (gconstpointer a,
                gconstpointer b)
{
  const DossierGeoShare *x = a, *y = b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return strcmp (x->key, y->key);
}

static int
compare_clusters (gconstpointer a,
                  gconstpointer b)
{
  gint64 x = ((const DossierGeoCluster *) a)->id;
  gint64 y = ((const DossierGeoCluster *) b)->id;

  return x < y ? -1 : x > y;
}

/**
 * dossier_geo_cluster:
 * @points: (array length=n_points): the points
 * @n_points: their number
 * @zoom: the map's zoom level (tiles of 256 pixels, 2^zoom across the world)
 * @cell_pixels: the side of a cluster's square on screen
 *
 * Gathers the points that fall in the same square of the screen at @zoom. Each point is in
 * exactly one cluster, so the counts add up to @n_points. The result depends only on the
 * points and the zoom, not on where the view is, so clusters do not change as the map pans.
 *
 * Returns: (transfer full) (element-type DossierGeoCluster): the clusters, ordered by
 *   their smallest id
 */
GArray *
dossier_geo_cluster (const DossierGeoPoint *points,
                     guint                  n_points,
                     double                 zoom,
                     double                 cell_pixels)
{
  g_autoptr(GHashTable) cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, cell_free);
  GArray *clusters = g_array_new (FALSE, FALSE, sizeof (DossierGeoCluster));
  double world = 256 * pow (2, zoom);
  gint64 columns = (gint64) ceil (world / cell_pixels) + 1;
  GHashTableIter iter;
  gpointer value;

  g_array_set_clear_func (clusters, cluster_clear);
  g_return_val_if_fail (cell_pixels > 0, clusters);

  for (guint i = 0; i < n_points; i++)
    {
      const DossierGeoPoint *point = &points[i];
      double x, y;
      gint64 key;
      Cell *cell;

      dossier_geo_project (point->latitude, point->longitude, &x, &y);
      key = (gint64) floor (y * world / cell_pixels) * columns + (gint64) floor (x * world / cell_pixels);
      cell = g_hash_table_lookup (cells, &key);
      if (cell == NULL)
        {
          cell = g_new0 (Cell, 1);
          cell->id = point->id;
          cell->keys = g_hash_table_new (NULL, NULL);
          g_hash_table_insert (cells, g_memdup2 (&key, sizeof key), cell);
        }
      cell->sum_lat += point->latitude;
      cell->sum_lon += point->longitude;
      cell->count++;
      if (point->id <= cell->id)
        {
          cell->id = point->id;
          cell->precision = point->precision;
        }
      if (point->key != NULL)
        g_hash_table_insert (cell->keys, (gpointer) point->key,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (cell->keys, point->key)) + 1));
    }

  g_hash_table_iter_init (&iter, cells);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Cell *cell = value;
      DossierGeoCluster cluster = {
        cell->sum_lat / cell->count, cell->sum_lon / cell->count, cell->count, cell->id, NULL, cell->precision,
        g_hash_table_size (cell->keys), NULL,
      };
      GHashTableIter keys;
      gpointer k, n;
      guint s = 0;

      /* Every key with its count, for a cluster to show its mix: the most frequent first,
       * which is also the key it is known by. */
      cluster.shares = g_new (DossierGeoShare, MAX (cluster.n_shares, 1));
      g_hash_table_iter_init (&keys, cell->keys);
      while (g_hash_table_iter_next (&keys, &k, &n))
        cluster.shares[s++] = (DossierGeoShare) { k, GPOINTER_TO_UINT (n) };
      qsort (cluster.shares, cluster.n_shares, sizeof (DossierGeoShare), compare_shares);
      if (cluster.n_shares > 0)
        cluster.key = cluster.shares[0].key;
      g_array_append_val (clusters, cluster);
    }
  g_array_sort (clusters, compare_clusters);
  return clusters;
}
