/* dossier-search.c: full-text search over a dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One FTS5 table per kind of record (external content, so transcripts are stored once).
 * Each is asked for its best hits with FTS5's own "ORDER BY rank LIMIT", which computes
 * snippets only for the rows it returns; the lists are then merged by rank.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-search.h"
#include "dossier-store-private.h"

void
dossier_search_hit_free (DossierSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->kind);
  g_free (hit->code);
  g_free (hit->title);
  g_free (hit->snippet);
  g_free (hit);
}

/**
 * dossier_search_build_query:
 * @text: what the user typed
 *
 * Turns free text into a safe FTS5 query: each word becomes a quoted phrase (so that
 * punctuation and FTS5 operators typed by the user are just text), words are ANDed, and a
 * word ending in `*` becomes a prefix query.
 *
 * French nasal vowels alternate with “gn” across a word family: témoin / témoigner /
 * témoignage, soin / soigner, loin / éloigner, plein / pleignons. A prefix ending in a vowel
 * followed by “in” therefore also matches the “ign” form, so that `temoin*` finds
 * “témoignage” as an investigator expects.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL when @text has no words
 */
char *
dossier_search_build_query (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  words = g_strsplit_set (text, " \t\n\r", -1);
  for (guint i = 0; words[i]; i++)
    {
      g_autoptr(GString) word = g_string_new (NULL);
      gboolean prefix = FALSE;
      const char *w = words[i];
      gsize len = strlen (w);

      if (len > 0 && w[len - 1] == '*')
        {
          prefix = TRUE;
          len--;
        }
      for (gsize j = 0; j < len; j++)
        if (w[j] != '"' && w[j] != '*')
          g_string_append_c (word, w[j]);
      if (word->len == 0 || !g_utf8_validate (word->str, -1, NULL))
        continue;

      if (query->len > 0)
        g_string_append_c (query, ' ');
      if (prefix && word->len >= 4 && g_str_has_suffix (word->str, "in") &&
          strchr ("aeoAEO", word->str[word->len - 3]) != NULL)
        g_string_append_printf (query, "(\"%s\"* OR \"%.*sign\"*)", word->str,
                                (int) word->len - 2, word->str);
      else
        g_string_append_printf (query, "\"%s\"%s", word->str, prefix ? "*" : "");
    }
  if (query->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&query), FALSE);
}

typedef struct {
  const char *kind;
  const char *sql;
} Source;

/* ?1 query, ?2 limit. Column 3 is the title in French, 4 in English. */
static const Source sources[] = {
  { "incident",
    "SELECT i.id, i.code, i.title_fr, i.title_en, "
    "snippet (incident_fts, -1, '" DOSSIER_SEARCH_MATCH_START "', '" DOSSIER_SEARCH_MATCH_END "', '…', 16), "
    "incident_fts.rank "
    "FROM incident_fts JOIN incident i ON i.id = incident_fts.rowid "
    "WHERE incident_fts MATCH ?1 ORDER BY incident_fts.rank LIMIT ?2" },
  { "testimony",
    "SELECT t.id, t.code, t.summary, t.summary, "
    "snippet (testimony_fts, -1, '" DOSSIER_SEARCH_MATCH_START "', '" DOSSIER_SEARCH_MATCH_END "', '…', 16), "
    "testimony_fts.rank "
    "FROM testimony_fts JOIN testimony t ON t.id = testimony_fts.rowid "
    "WHERE testimony_fts MATCH ?1 ORDER BY testimony_fts.rank LIMIT ?2" },
  { "evidence",
    "SELECT e.id, e.code, e.title, e.title, "
    "snippet (evidence_fts, -1, '" DOSSIER_SEARCH_MATCH_START "', '" DOSSIER_SEARCH_MATCH_END "', '…', 16), "
    "evidence_fts.rank "
    "FROM evidence_fts JOIN evidence e ON e.id = evidence_fts.rowid "
    "WHERE evidence_fts MATCH ?1 ORDER BY evidence_fts.rank LIMIT ?2" },
  { "actor",
    "SELECT a.id, a.code, a.name, a.name, "
    "snippet (actor_fts, -1, '" DOSSIER_SEARCH_MATCH_START "', '" DOSSIER_SEARCH_MATCH_END "', '…', 16), "
    "actor_fts.rank "
    "FROM actor_fts JOIN actor a ON a.id = actor_fts.rowid "
    "WHERE actor_fts MATCH ?1 ORDER BY actor_fts.rank LIMIT ?2" },
};

static int
compare_rank (gconstpointer a,
              gconstpointer b)
{
  const DossierSearchHit *x = *(DossierSearchHit **) a;
  const DossierSearchHit *y = *(DossierSearchHit **) b;

  return (x->rank > y->rank) - (x->rank < y->rank);
}

static char *
short_title (const char *text)
{
  const char *end;

  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (text, -1) <= 80)
    return g_strdup (text);
  end = g_utf8_offset_to_pointer (text, 79);
  return g_strdup_printf ("%.*s…", (int) (end - text), text);
}

/**
 * dossier_store_search:
 * @store: a #DossierStore
 * @text: what the user typed; accents and case do not matter, `word*` matches a prefix
 * @lang: "fr" or "en": which incident title to show
 * @limit: at most this many hits
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type DossierSearchHit): hits, best first
 */
GPtrArray *
dossier_store_search (DossierStore  *store,
                      const char    *text,
                      const char    *lang,
                      guint          limit,
                      GError       **error)
{
  return dossier_store_search_cancellable (store, text, lang, limit, NULL, error);
}

static int
search_cancelled (void *data)
{
  return g_cancellable_is_cancelled (data);
}

/* Steps between two looks at the cancellable: a common term's query runs millions of
 * steps, and a look is only an atomic read. */
#define CANCEL_CHECK_STEPS 1000

/* Adds @source's best hits for @query to @hits. A query interrupted by @cancellable
 * reports the cancellation rather than SQLite's “interrupted”. */
static gboolean
search_source (DossierStore  *store,
               const Source  *source,
               const char    *query,
               guint          limit,
               gboolean       fr,
               GPtrArray     *hits,
               GCancellable  *cancellable,
               GError       **error)
{
  sqlite3_stmt *stmt = _dossier_store_prepare (store, source->sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierSearchHit *hit = g_new0 (DossierSearchHit, 1);
      const char *title_fr = (const char *) sqlite3_column_text (stmt, 2);
      const char *title_en = (const char *) sqlite3_column_text (stmt, 3);
      const char *title = fr ? title_fr : title_en;

      if (title == NULL || *title == '\0')
        title = fr ? title_en : title_fr;
      hit->kind = g_strdup (source->kind);
      hit->id = sqlite3_column_int64 (stmt, 0);
      hit->code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      hit->title = short_title (title);
      hit->snippet = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      hit->rank = sqlite3_column_double (stmt, 5);
      g_ptr_array_add (hits, hit);
    }
  if (rc != SQLITE_DONE)
    {
      if (!g_cancellable_set_error_if_cancelled (cancellable, error))
        _dossier_store_set_error (store, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * dossier_store_search_cancellable:
 * @store: a #DossierStore, used by this thread only
 * @text: what the user typed; accents and case do not matter, `word*` matches a prefix
 * @lang: "fr" or "en": which incident title to show
 * @limit: at most this many hits
 * @cancellable: (nullable): stops the search, even in the middle of a query
 * @error: return location for a #GError
 *
 * Like dossier_store_search(), for a worker thread: cancelling @cancellable from another
 * thread interrupts SQLite at once, through a progress handler set on @store's connection
 * for the duration of the call (replacing any other).
 *
 * Returns: (transfer full) (element-type DossierSearchHit): hits, best first, or %NULL
 *   with @error set (%G_IO_ERROR_CANCELLED when cancelled)
 */
GPtrArray *
dossier_store_search_cancellable (DossierStore  *store,
                                  const char    *text,
                                  const char    *lang,
                                  guint          limit,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_search_hit_free);
  g_autofree char *query = NULL;
  gboolean fr = g_strcmp0 (lang, "fr") == 0;
  sqlite3 *db;
  gboolean ok = TRUE;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  query = dossier_search_build_query (text);
  if (query == NULL || limit == 0)
    return g_steal_pointer (&hits);

  db = dossier_store_get_db (store);
  if (cancellable != NULL)
    sqlite3_progress_handler (db, CANCEL_CHECK_STEPS, search_cancelled, cancellable);
  for (guint s = 0; ok && s < G_N_ELEMENTS (sources); s++)
    ok = search_source (store, &sources[s], query, limit, fr, hits, cancellable, error);
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 0, NULL, NULL);
  if (!ok)
    return NULL;

  g_ptr_array_sort (hits, compare_rank);
  if (hits->len > limit)
    g_ptr_array_set_size (hits, limit);
  return g_steal_pointer (&hits);
}

/**
 * dossier_search_snippet_to_markup:
 * @snippet: a snippet from a #DossierSearchHit
 *
 * Returns: (transfer full): Pango markup with the matches in bold
 */
char *
dossier_search_snippet_to_markup (const char *snippet)
{
  GString *s;

  g_return_val_if_fail (snippet != NULL, NULL);

  /* Escape piece by piece: g_markup_escape_text() would escape the markers themselves. */
  s = g_string_new (NULL);
  for (const char *p = snippet; *p;)
    {
      gsize n = strcspn (p, DOSSIER_SEARCH_MATCH_START DOSSIER_SEARCH_MATCH_END);

      if (n > 0)
        {
          g_autofree char *piece = g_markup_escape_text (p, n);
          g_string_append (s, piece);
          p += n;
        }
      if (*p == DOSSIER_SEARCH_MATCH_START[0])
        g_string_append (s, "<b>");
      else if (*p == DOSSIER_SEARCH_MATCH_END[0])
        g_string_append (s, "</b>");
      if (*p)
        p++;
    }
  return g_string_free (s, FALSE);
}

char *
dossier_search_snippet_to_plain (const char *snippet,
                                 const char *open,
                                 const char *close)
{
  g_autoptr(GString) s = NULL;

  g_return_val_if_fail (snippet != NULL, NULL);

  s = g_string_new (snippet);
  g_string_replace (s, DOSSIER_SEARCH_MATCH_START, open ? open : "", 0);
  g_string_replace (s, DOSSIER_SEARCH_MATCH_END, close ? close : "", 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/**
 * dossier_store_search_count:
 * @store: a #DossierStore
 * @text: what the user typed
 * @error: return location for a #GError
 *
 * Returns: how many records match @text, or -1 on error
 */
gint64
dossier_store_search_count (DossierStore  *store,
                            const char    *text,
                            GError       **error)
{
  static const char * const tables[] = { "incident_fts", "testimony_fts", "evidence_fts", "actor_fts" };
  g_autofree char *query = NULL;
  gint64 total = 0;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), -1);

  query = dossier_search_build_query (text);
  if (query == NULL)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s MATCH ?1", tables[i], tables[i]);
      sqlite3_stmt *stmt = _dossier_store_prepare (store, sql, error);

      if (stmt == NULL)
        return -1;
      sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          _dossier_store_set_error (store, error);
          sqlite3_reset (stmt);
          return -1;
        }
      total += sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  return total;
}
