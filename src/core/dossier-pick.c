/* dossier-pick.c: records found by what a user types in a picker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A picker ("Add person…", "Link evidence…") is typed into by someone who knows either a
 * code ("TEM-0042", "inc-12") or a word of the record ("Ogossagou", "Moura"). Both are
 * answered from an index, whatever the size of the dossier: the code by a range on the
 * unique index of codes, the words by the full-text index. People have no full-text index
 * (nothing about them is free text but their community), so their community is matched
 * with LIKE over a table of tens of thousands of short rows.
 */
#include "config.h"

#include "dossier-actor.h"
#include "dossier-evidence.h"
#include "dossier-incident.h"
#include "dossier-person.h"
#include "dossier-pick.h"
#include "dossier-testimony.h"
#include "dossier-store-private.h"
#include "dossier-record-private.h"

typedef struct {
  GType     (*get_type) (void);
  const char *kind;
  const char *table;
  const char *title_fr;    /* SQL expressions */
  const char *title_en;
  const char *fts;         /* or NULL */
  const char *like;        /* a column matched with LIKE when there is no full-text index */
} Source;

static const Source sources[] = {
  { dossier_incident_get_type, "incident", "incident", "t.title_fr", "t.title_en", "incident_fts", NULL },
  { dossier_testimony_get_type, "testimony", "testimony", "t.summary", "t.summary", "testimony_fts", NULL },
  { dossier_evidence_get_type, "evidence", "evidence", "t.title", "t.title", "evidence_fts", NULL },
  { dossier_actor_get_type, "actor", "actor",
    "t.name || iif (t.acronym <> '', ' (' || t.acronym || ')', '')",
    "t.name || iif (t.acronym <> '', ' (' || t.acronym || ')', '')", "actor_fts", NULL },
  { dossier_person_get_type, "person", "person", "t.community", "t.community", NULL, "t.community" },
};

static gboolean
read_hits (DossierStore  *store,
           const Source  *source,
           sqlite3_stmt  *stmt,
           gboolean       fr,
           GPtrArray     *hits,
           GHashTable    *seen,
           guint          limit,
           GError       **error)
{
  int rc;

  while (hits->len < limit && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *title_fr = (const char *) sqlite3_column_text (stmt, 2);
      const char *title_en = (const char *) sqlite3_column_text (stmt, 3);
      const char *title = fr ? title_fr : title_en;
      DossierSearchHit *hit;

      if (g_hash_table_contains (seen, &id))
        continue;
      if (title == NULL || *title == '\0')
        title = fr ? title_en : title_fr;
      hit = g_new0 (DossierSearchHit, 1);
      hit->kind = g_strdup (source->kind);
      hit->id = id;
      hit->code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      hit->title = g_strdup (title ? title : "");
      /* One line, not too long, in a picker's row. */
      g_strdelimit (hit->title, "\n\r\t", ' ');
      if (g_utf8_strlen (hit->title, -1) > 90)
        {
          char *end = g_utf8_offset_to_pointer (hit->title, 89);
          char *shorter = g_strdup_printf ("%.*s…", (int) (end - hit->title), hit->title);

          g_free (hit->title);
          hit->title = shorter;
        }
      hit->snippet = g_strdup ("");
      g_ptr_array_add (hits, hit);
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
    }
  if (hits->len >= limit)
    rc = SQLITE_DONE;
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _dossier_store_set_error (store, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * dossier_store_pick:
 * @store: a dossier
 * @type: the kind of record wanted (incident, testimony, evidence, actor or person)
 * @text: what the user typed; empty for the most recently created records
 * @lang: "fr" or "en", for titles held in both languages
 * @limit: the most hits wanted
 * @error: return location for a #GError
 *
 * Finds records for a picker: those whose code starts with @text first, in code order,
 * then those whose words match, best first. Hits have an empty snippet.
 *
 * Returns: (transfer full) (element-type DossierSearchHit): the hits, or %NULL on error
 */
GPtrArray *
dossier_store_pick (DossierStore  *store,
                    GType          type,
                    const char    *text,
                    const char    *lang,
                    guint          limit,
                    GError       **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_search_hit_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  gboolean fr = g_strcmp0 (lang, "fr") == 0;
  const Source *source = NULL;
  g_autofree char *columns = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    if (sources[i].get_type () == type)
      source = &sources[i];
  g_return_val_if_fail (source != NULL, NULL);

  columns = g_strdup_printf ("t.id, t.code, %s, %s", source->title_fr, source->title_en);

  if (*stripped == '\0')
    {
      g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s t ORDER BY t.id DESC LIMIT ?1",
                                              columns, source->table);

      if ((stmt = _dossier_store_prepare (store, sql, error)) == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, limit);
      if (!read_hits (store, source, stmt, fr, hits, seen, limit, error))
        return NULL;
      return g_steal_pointer (&hits);
    }

  /* A code, or its beginning: codes are ASCII, upper case, and nothing sorts after '~'. */
  {
    g_autofree char *from = g_ascii_strup (stripped, -1);
    g_autofree char *to = g_strconcat (from, "~", NULL);
    g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s t WHERE t.code >= ?1 AND t.code < ?2 "
                                            "ORDER BY t.code LIMIT ?3", columns, source->table);

    if ((stmt = _dossier_store_prepare (store, sql, error)) == NULL)
      return NULL;
    sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 3, limit);
    if (!read_hits (store, source, stmt, fr, hits, seen, limit, error))
      return NULL;
  }

  if (source->fts != NULL)
    {
      g_autofree char *query = dossier_search_build_query (stripped);
      g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s JOIN %s t ON t.id = %s.rowid "
                                              "WHERE %s MATCH ?1 ORDER BY %s.rank LIMIT ?2",
                                              columns, source->fts, source->table, source->fts,
                                              source->fts, source->fts);

      if (query == NULL)
        return g_steal_pointer (&hits);
      if ((stmt = _dossier_store_prepare (store, sql, error)) == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, limit);
      if (!read_hits (store, source, stmt, fr, hits, seen, limit, error))
        return NULL;
    }
  else
    {
      g_autoptr(GString) pattern = g_string_new ("%");
      g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s t WHERE %s LIKE ?1 ESCAPE '\\' "
                                              "ORDER BY " DOSSIER_CODE_NUMBER_SQL ("t.code") ", t.id LIMIT ?2",
                                              columns, source->table,
                                              source->like);

      /* What is typed is text, not a pattern. */
      for (const char *p = stripped; *p; p++)
        {
          if (*p == '%' || *p == '_' || *p == '\\')
            g_string_append_c (pattern, '\\');
          g_string_append_c (pattern, *p);
        }
      g_string_append_c (pattern, '%');
      if ((stmt = _dossier_store_prepare (store, sql, error)) == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, pattern->str, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, limit);
      if (!read_hits (store, source, stmt, fr, hits, seen, limit, error))
        return NULL;
    }
  return g_steal_pointer (&hits);
}
