/* dossier-vocab.c: controlled vocabularies with French and English labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The vocabularies ship as data/vocab/<scheme>.json, compiled into the core library as
 * resources, and are copied into each new dossier so that a dossier stays readable with the
 * labels it was coded with.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "dossier-record.h"
#include "dossier-vocab.h"
#include "dossier-store-private.h"
#include "dossier-record-private.h"
#include "dossier-vocab-term-private.h"

#define VOCAB_RESOURCE "/org/dossier/Dossier/core/vocab/"

static gboolean
valid_code (const char *code)
{
  if (code == NULL || *code == '\0')
    return FALSE;
  for (const char *p = code; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

/* The member's string, or NULL when it is missing or not a string. */
static const char *
member_string (JsonObject *o,
               const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
member_is_number (JsonObject *o,
                  const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  return node != NULL && JSON_NODE_TYPE (node) == JSON_NODE_VALUE &&
         (json_node_get_value_type (node) == G_TYPE_DOUBLE ||
          json_node_get_value_type (node) == G_TYPE_INT64);
}

/**
 * dossier_vocab_parse:
 * @json: the contents of one vocabulary file
 * @name: the file's name, for messages
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type DossierVocabTerm): the terms, in order
 */
GPtrArray *
dossier_vocab_parse (GBytes      *json,
                     const char  *name,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *root;
  JsonArray *array;
  const char *scheme;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (json, NULL),
                                   g_bytes_get_size (json), error))
    return NULL;

  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    goto invalid;
  root = json_node_get_object (json_parser_get_root (parser));
  scheme = member_string (root, "scheme");
  if (!valid_code (scheme) || !json_object_has_member (root, "terms") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "terms")))
    goto invalid;
  array = json_object_get_array_member (root, "terms");

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(DossierVocabTerm) term = NULL;
      JsonObject *o;
      const char *code, *fr, *en, *parent;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        goto invalid;
      o = json_node_get_object (node);
      code = member_string (o, "code");
      fr = member_string (o, "fr");
      en = member_string (o, "en");
      parent = member_string (o, "parent");
      if (!valid_code (code) || fr == NULL || *fr == '\0' || en == NULL || *en == '\0' ||
          g_hash_table_contains (seen, code))
        goto invalid;
      g_hash_table_add (seen, (gpointer) code);

      term = g_object_new (DOSSIER_TYPE_VOCAB_TERM, NULL);
      g_free (term->scheme);
      term->scheme = g_strdup (scheme);
      g_free (term->code);
      term->code = g_strdup (code);
      term->parent = g_strdup (parent);
      g_free (term->label_fr);
      term->label_fr = g_strdup (fr);
      g_free (term->label_en);
      term->label_en = g_strdup (en);
      term->position = i;
      if (member_is_number (o, "lat") && member_is_number (o, "lon"))
        {
          term->latitude = json_object_get_double_member (o, "lat");
          term->longitude = json_object_get_double_member (o, "lon");
        }
      g_ptr_array_add (terms, g_steal_pointer (&term));
    }
  return g_steal_pointer (&terms);

invalid:
  /* Translators: %s is a file name */
  g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
               _("The vocabulary file “%s” is not valid"), name);
  return NULL;
}

/**
 * dossier_vocab_bundled_schemes:
 *
 * Returns: (transfer full): the names of the bundled vocabulary files, sorted
 */
GStrv
dossier_vocab_bundled_schemes (void)
{
  g_auto(GStrv) names = g_resources_enumerate_children (VOCAB_RESOURCE, 0, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  for (guint i = 0; names && names[i]; i++)
    if (g_str_has_suffix (names[i], ".json"))
      g_ptr_array_add (sorted, names[i]);
  g_ptr_array_sort (sorted, dossier_compare_strings);
  for (guint i = 0; i < sorted->len; i++)
    g_strv_builder_add (builder, sorted->pdata[i]);
  return g_strv_builder_end (builder);
}

/**
 * dossier_vocab_load_bundled:
 * @store: a #DossierStore, inside a transaction
 * @error: return location for a #GError
 *
 * Copies every bundled vocabulary into the dossier.
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_vocab_load_bundled (DossierStore  *store,
                            GError       **error)
{
  g_auto(GStrv) names = dossier_vocab_bundled_schemes ();

  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *path = g_strconcat (VOCAB_RESOURCE, names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);
      g_autoptr(GPtrArray) terms = NULL;

      if (bytes == NULL)
        return FALSE;
      terms = dossier_vocab_parse (bytes, names[i], error);
      if (terms == NULL)
        return FALSE;
      for (guint j = 0; j < terms->len; j++)
        if (!dossier_store_insert (store, terms->pdata[j], error))
          return FALSE;
    }
  return TRUE;
}

/**
 * dossier_store_list_vocab:
 * @store: a #DossierStore
 * @scheme: a vocabulary such as “violation-type”
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type DossierVocabTerm): its terms in order
 */
GPtrArray *
dossier_store_list_vocab (DossierStore  *store,
                          const char    *scheme,
                          GError       **error)
{
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *where = NULL;
  char *quoted;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);
  g_return_val_if_fail (scheme != NULL, NULL);

  quoted = sqlite3_mprintf ("scheme = %Q", scheme);
  where = g_strdup (quoted);
  sqlite3_free (quoted);
  if (!_dossier_store_foreach_where (store, DOSSIER_TYPE_VOCAB_TERM, where, dossier_record_collect, terms, error))
    return NULL;
  return g_steal_pointer (&terms);
}

const char *
dossier_vocab_term_get_label (DossierVocabTerm *term,
                              const char       *lang)
{
  g_return_val_if_fail (DOSSIER_IS_VOCAB_TERM (term), NULL);
  return g_strcmp0 (lang, "fr") == 0 ? term->label_fr : term->label_en;
}

/**
 * dossier_store_vocab_label:
 * @store: a #DossierStore
 * @scheme: a vocabulary
 * @code: (nullable): one of its codes
 * @lang: "fr" or "en"
 *
 * Returns: (transfer full) (nullable): the term's label in @lang, the code itself when the
 *   vocabulary does not know it, %NULL for a %NULL code
 */
char *
dossier_store_vocab_label (DossierStore *store,
                           const char   *scheme,
                           const char   *code,
                           const char   *lang)
{
  sqlite3_stmt *stmt;
  char *label = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);

  if (code == NULL)
    return NULL;
  stmt = _dossier_store_prepare (store,
                                 "SELECT label_fr, label_en FROM vocabulary WHERE scheme = ?1 AND code = ?2",
                                 NULL);
  if (stmt == NULL)
    return g_strdup (code);
  sqlite3_bind_text (stmt, 1, scheme, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    label = g_strdup ((const char *) sqlite3_column_text (stmt, g_strcmp0 (lang, "fr") == 0 ? 0 : 1));
  sqlite3_reset (stmt);
  return label ? label : g_strdup (code);
}

/**
 * dossier_store_check_term:
 * @scheme: a vocabulary such as “violation-type”
 * @code: a term's code, or %NULL (nothing to check)
 *
 * Returns: whether @code is a term of @scheme in this dossier; if not, a translated error
 * that names both.
 */
gboolean
dossier_store_check_term (DossierStore  *self,
                            const char    *scheme,
                            const char    *code,
                            GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean found;

  if (code == NULL)
    return TRUE;

  stmt = _dossier_store_prepare (self, "SELECT 1 FROM vocabulary WHERE scheme = ?1 AND code = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, scheme, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  if (!found)
    /* Translators: the first %s is a code such as “killing”, the second a vocabulary such as “violation-type” */
    g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                 _("“%s” is not a term of the vocabulary “%s”"), code, scheme);
  return found;
}

/* A restore only (see dossier_restore_clear_vocabulary()): empties the vocabulary before the
 * source's goes in. */
gboolean
_dossier_store_clear_vocabulary (DossierStore  *self,
                                 GError       **error)
{
  return _dossier_store_exec (self, "DELETE FROM vocabulary;", error);
}
