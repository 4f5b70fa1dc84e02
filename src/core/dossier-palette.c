/* dossier-palette.c: one colour and one shape per vocabulary term, everywhere
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A violation type is drawn in the same colour on the map, the timeline, the overview's
 * charts, the figures of an annex and every legend, whatever else is in view and whatever
 * the dossier: its colour and shape follow from the term's position in the bundled
 * vocabulary, not from what a view happens to hold (a palette handed out in the order
 * terms appear made "denial of humanitarian access" and "summary execution" share a blue
 * from one view to the next).
 *
 * Ten colours only: Okabe and Ito's palette and Paul Tol's, chosen so that any two differ by
 * at least 12 in CIEDE2000 for normal vision and under a simulation of deuteranopia and of
 * protanopia (Machado et al. 2009, full severity); no eleventh colour from those palettes
 * kept that distance. They are ordered so that neighbours in the vocabulary, often sibling
 * terms, differ the most (by 32 or more; by 17 or more two places apart). Past ten terms the
 * colours come round again with another shape: circle, square, diamond, triangle, so the
 * forty marks cover the 38 bundled violation types. A term the bundled vocabulary does not
 * know (added by a user, or from an older file) takes a colour and a shape from a hash of its
 * code and is drawn hollow, so that it never passes for a bundled one.
 */
#include "config.h"

#include <string.h>

#include "dossier-palette.h"
#include "dossier-vocab.h"
#include "dossier-vocab-term-private.h"

#define VOCAB_RESOURCE "/org/dossier/Dossier/core/vocab/"

static const char * const colours[DOSSIER_PALETTE_N_COLOURS] = {
  "#D55E00",  /* vermillion (Okabe–Ito) */
  "#CC79A7",  /* reddish purple (Okabe–Ito) */
  "#EEDD88",  /* light yellow (Tol, light) */
  "#AA3377",  /* purple (Tol, bright) */
  "#FFAABB",  /* pink (Tol, light) */
  "#225522",  /* dark green (Tol, dark) */
  "#56B4E9",  /* sky blue (Okabe–Ito) */
  "#E69F00",  /* orange (Okabe–Ito) */
  "#0072B2",  /* blue (Okabe–Ito) */
  "#009E73",  /* bluish green (Okabe–Ito) */
};

/* Verification is an order, from a claim to a fact, and is drawn as one: light to dark
 * (a difference of lightness survives every colour vision deficiency); discounted is grey. */
static const struct { const char *code, *colour; } verification[] = {
  { "alleged", "#FEC44F" }, { "corroborated", "#EC7014" }, { "verified", "#993404" }, { "discounted", "#A0A0A0" },
};

/* No term at all (an incident without a violation type): a dark grey, far from the ten. */
#define NO_TERM "#444444"

/* Where an evidence item was made (a photograph's place): a deep teal, drawn as a framed
 * square that no incident's mark has. */
#define EVIDENCE "#0D5959"

static GMutex lock;
static GHashTable *schemes;  /* scheme → (code → position + 1), read once from the resources */

static GHashTable *
bundled_positions (const char *scheme)
{
  GHashTable *positions;

  g_mutex_lock (&lock);
  if (schemes == NULL)
    schemes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  positions = g_hash_table_lookup (schemes, scheme);
  if (positions == NULL)
    {
      g_autofree char *path = g_strconcat (VOCAB_RESOURCE, scheme, ".json", NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
      g_autoptr(GPtrArray) terms = bytes ? dossier_vocab_parse (bytes, path, NULL) : NULL;

      positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; terms != NULL && i < terms->len; i++)
        g_hash_table_insert (positions, g_strdup (((DossierVocabTerm *) terms->pdata[i])->code), GUINT_TO_POINTER (i + 1));
      g_hash_table_insert (schemes, g_strdup (scheme), positions);
    }
  g_mutex_unlock (&lock);
  return positions;
}

/**
 * dossier_palette_position:
 * @scheme: a vocabulary, such as “violation-type”
 * @code: (nullable): one of its codes
 *
 * Returns: the term's place in the bundled vocabulary (0 for the first), or -1 if it is not
 *   there
 */
int
dossier_palette_position (const char *scheme,
                          const char *code)
{
  gpointer position;

  if (scheme == NULL || code == NULL)
    return -1;
  position = g_hash_table_lookup (bundled_positions (scheme), code);
  return position ? (int) GPOINTER_TO_UINT (position) - 1 : -1;
}

/**
 * dossier_palette_compare:
 * @scheme: a vocabulary
 * @a: (nullable): a code
 * @b: (nullable): another
 *
 * Orders codes as the bundled vocabulary does (its order is the order of legends), then
 * the codes it does not know by their text, then no code.
 *
 * Returns: less than, equal to or more than 0
 */
int
dossier_palette_compare (const char *scheme,
                         const char *a,
                         const char *b)
{
  int pa = dossier_palette_position (scheme, a), pb = dossier_palette_position (scheme, b);

  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);
  if (pa >= 0 && pb >= 0)
    return pa - pb;
  if (pa >= 0 || pb >= 0)
    return pa >= 0 ? -1 : 1;
  return strcmp (a, b);
}

/**
 * dossier_palette_colour:
 * @index: from 0 to %DOSSIER_PALETTE_N_COLOURS - 1
 *
 * Returns: the palette's colour at @index, as "#RRGGBB"
 */
const char *
dossier_palette_colour (guint index)
{
  g_return_val_if_fail (index < DOSSIER_PALETTE_N_COLOURS, NULL);
  return colours[index];
}

static void
set_colour (DossierTermStyle *style,
            const char       *hex)
{
  guint value = (guint) g_ascii_strtoull (hex + 1, NULL, 16);

  style->red = ((value >> 16) & 0xff) / 255.0;
  style->green = ((value >> 8) & 0xff) / 255.0;
  style->blue = (value & 0xff) / 255.0;
}

/* FNV-1a: the same number for a code on every machine and in every version. */
static guint32
code_hash (const char *code)
{
  guint32 hash = 2166136261u;

  for (const guchar *p = (const guchar *) code; *p; p++)
    hash = (hash ^ *p) * 16777619u;
  return hash;
}

/**
 * dossier_palette_term_style:
 * @scheme: the vocabulary the code is from: “violation-type”, “verification-status”…
 * @code: (nullable): the term's code, or %NULL for none
 * @style: (out caller-allocates): its colour and shape
 *
 * The colour and shape a term is drawn in, everywhere: the same for the same term in
 * every view, figure, legend and dossier.
 */
void
dossier_palette_term_style (const char       *scheme,
                            const char       *code,
                            DossierTermStyle *style)
{
  int position;

  g_return_if_fail (style != NULL);

  style->shape = DOSSIER_MARK_CIRCLE;
  style->hollow = FALSE;
  if (code == NULL || *code == '\0')
    {
      set_colour (style, NO_TERM);
      return;
    }
  if (g_strcmp0 (scheme, "verification-status") == 0)
    for (guint i = 0; i < G_N_ELEMENTS (verification); i++)
      if (g_str_equal (code, verification[i].code))
        {
          set_colour (style, verification[i].colour);
          return;
        }
  position = dossier_palette_position (scheme, code);
  if (position < 0)
    {
      guint32 hash = code_hash (code);

      set_colour (style, colours[hash % DOSSIER_PALETTE_N_COLOURS]);
      style->shape = (DossierMarkShape) (hash / DOSSIER_PALETTE_N_COLOURS % 4);
      style->hollow = TRUE;
      return;
    }
  set_colour (style, colours[position % DOSSIER_PALETTE_N_COLOURS]);
  style->shape = (DossierMarkShape) (position / DOSSIER_PALETTE_N_COLOURS % 4);
}

/**
 * dossier_palette_evidence_style:
 * @style: (out caller-allocates): the mark of an evidence item's place on the map
 */
void
dossier_palette_evidence_style (DossierTermStyle *style)
{
  g_return_if_fail (style != NULL);

  set_colour (style, EVIDENCE);
  style->shape = DOSSIER_MARK_SQUARE;
  style->hollow = TRUE;
}

typedef struct {
  const char *key;
  guint       count;
} KeyCount;

static int
compare_key_counts (gconstpointer a,
                    gconstpointer b,
                    gpointer      scheme)
{
  const KeyCount *x = a, *y = b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return dossier_palette_compare (scheme, x->key, y->key);
}

/**
 * dossier_palette_most_frequent:
 * @scheme: (nullable): the vocabulary the keys are from, or %NULL to tell it from the keys
 *   (a key is either a verification status or a violation type)
 * @counts: (element-type utf8 guint): each key (as a pointer) and how often it is shown
 *   (GUINT_TO_POINTER)
 *
 * The terms of a legend, in the order that keeps the most of a view explained when the
 * legend is cut short: the most frequent first, and equal counts in the palette's order.
 *
 * Returns: (transfer container) (element-type utf8): the keys of @counts, not copied
 */
GPtrArray *
dossier_palette_most_frequent (const char *scheme,
                               GHashTable *counts)
{
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (KeyCount));
  GPtrArray *keys;
  GHashTableIter iter;
  gpointer key, count;

  g_return_val_if_fail (counts != NULL, NULL);

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &count))
    g_array_append_val (sorted, ((KeyCount) { key, GPOINTER_TO_UINT (count) }));
  if (scheme == NULL)
    scheme = sorted->len > 0 && dossier_palette_position ("verification-status",
                                                          g_array_index (sorted, KeyCount, 0).key) >= 0
             ? "verification-status" : "violation-type";
  g_array_sort_with_data (sorted, compare_key_counts, (gpointer) scheme);
  keys = g_ptr_array_sized_new (sorted->len);
  for (guint i = 0; i < sorted->len; i++)
    g_ptr_array_add (keys, (gpointer) g_array_index (sorted, KeyCount, i).key);
  return keys;
}

/**
 * dossier_palette_map_ink:
 * @ink: what is drawn
 * @colour: (out caller-allocates): its colour
 *
 * The colours of the basemap (land, water, borders, names) and of a map figure's frame.
 */
void
dossier_palette_map_ink (DossierMapInk  ink,
                         DossierInk    *colour)
{
  static const DossierInk inks[] = {
    [DOSSIER_MAP_INK_SEA] = { 0.87, 0.90, 0.92, 1 },
    [DOSSIER_MAP_INK_MALI] = { 0.98, 0.97, 0.94, 1 },
    [DOSSIER_MAP_INK_LAND] = { 0.93, 0.91, 0.87, 1 },
    [DOSSIER_MAP_INK_BORDER] = { 0.55, 0.53, 0.50, 1 },
    [DOSSIER_MAP_INK_REGION_BORDER] = { 0.55, 0.45, 0.55, 0.7 },
    [DOSSIER_MAP_INK_WATER] = { 0.55, 0.74, 0.90, 1 },
    [DOSSIER_MAP_INK_PLACE] = { 0.3, 0.3, 0.3, 1 },
    [DOSSIER_MAP_INK_TEXT] = { 0.2, 0.2, 0.2, 1 },
    [DOSSIER_MAP_INK_REGION_NAME] = { 0.45, 0.22, 0.45, 1 },
    [DOSSIER_MAP_INK_COUNTRY_NAME] = { 0.45, 0.42, 0.38, 1 },
    [DOSSIER_MAP_INK_HALO] = { 1, 1, 0.98, 0.9 },
    [DOSSIER_MAP_INK_PAPER] = { 1, 1, 1, 1 },
    [DOSSIER_MAP_INK_LABEL_GROUND] = { 1, 1, 1, 0.75 },
    [DOSSIER_MAP_INK_RULE] = { 0.6, 0.6, 0.6, 1 },
  };

  g_return_if_fail (colour != NULL);
  g_return_if_fail ((guint) ink < G_N_ELEMENTS (inks));

  *colour = inks[ink];
}
