/* dossier-json-io-import.c: a whole interchange document into a dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document's header, its dossier description and code counters, then each list in
 * dependency order, an element at a time (see dossier-json-io-record.c), in one transaction;
 * then every evidence item's custody chain is checked. Into a new dossier, the file is built
 * aside and renamed only when whole.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "dossier-actor.h"
#include "dossier-audit-entry.h"
#include "dossier-custody.h"
#include "dossier-custody-event.h"
#include "dossier-edtf.h"
#include "dossier-evidence.h"
#include "dossier-identity.h"
#include "dossier-incident.h"
#include "dossier-json-io.h"
#include "dossier-json-io-private.h"
#include "dossier-link.h"
#include "dossier-passage.h"
#include "dossier-person.h"
#include "dossier-record.h"
#include "dossier-testimony.h"
#include "dossier-vocab-term.h"
#include "dossier-restore.h"
#include "dossier-info.h"

/* The top-level member @key, parsed. */
static JsonNode *
parse_member (Importer    *imp,
              const char  *key,
              GError     **error)
{
  Span *span = g_hash_table_lookup (imp->outline, key);

  if (span == NULL)
    {
      _dossier_json_io_invalid (error, key, _("missing"));
      return NULL;
    }
  return _dossier_json_io_parse_value (imp->text, imp->parser, *span, key, error);
}

/* Imports one list, an element at a time. */
static gboolean
import_list (Importer       *imp,
             const Section  *section,
             GCancellable   *cancellable,
             GError        **error)
{
  Span *span = g_hash_table_lookup (imp->outline, section->key);
  Text list;

  if (span == NULL && section->optional)
    return TRUE;
  if (span == NULL)
    return _dossier_json_io_invalid (error, section->key, _("missing"));
  list = (Text) { imp->text->data, span->end, span->start };
  if (list.data[list.pos] != '[')
    return _dossier_json_io_invalid (error, section->key, _("expected a list"));
  list.pos++;
  _dossier_json_io_skip_space (&list);
  if (list.pos < list.len && list.data[list.pos] == ']')
    return TRUE;

  for (guint i = 0;; i++)
    {
      g_autofree char *where = g_strdup_printf ("%s[%u]", section->key, i);
      JsonNode *node;
      Span item;

      _dossier_json_io_skip_space (&list);
      item.start = list.pos;
      if (!_dossier_json_io_skip_value (&list, 2, where, error))
        return FALSE;
      item.end = list.pos;
      node = _dossier_json_io_parse_value (imp->text, imp->parser, item, where, error);
      if (node == NULL || !_dossier_json_io_import_one (imp, section, node, i, error))
        return FALSE;
      if ((i & 1023) == 1023 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      _dossier_json_io_skip_space (&list);
      if (list.pos < list.len && list.data[list.pos] == ',')
        list.pos++;
      else
        return _dossier_json_io_expect (&list, ']', error) && _dossier_json_io_resolve_pending (imp, error);
    }
}

static gboolean
is_code_prefix (const char *prefix)
{
  for (guint s = 0; s < _dossier_json_io_n_sections; s++)
    {
      g_autoptr(DossierRecord) record = NULL;

      if (_dossier_json_io_sections[s].link_kind >= 0)
        continue;
      record = _dossier_json_io_new_record (&_dossier_json_io_sections[s]);
      if (g_strcmp0 (dossier_record_get_info (record)->code_prefix, prefix) == 0)
        return TRUE;
    }
  return FALSE;
}

typedef struct {
  DossierStore *store;
  GCancellable *cancellable;
  guint         index;
} CustodyCheck;

static gboolean
check_item_custody (DossierRecord  *record,
                    gpointer        user_data,
                    GError        **error)
{
  CustodyCheck *check = user_data;
  g_autofree char *where = g_strdup_printf ("evidence[%u]", check->index++);
  g_autofree char *reason = NULL;
  gboolean intact;

  if (!dossier_custody_check_chain (check->store, dossier_record_get_id (record), &intact, &reason, error))
    return FALSE;
  if (!intact)
    {
      /* Translators: the first %s is where in the document (e.g. evidence[1]), the second an
       * item's code, the last why its custody log does not hold, e.g. “custody event 2 was altered” */
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                   _("%s (%s): the custody log is broken: %s"), where, dossier_record_get_code (record), reason);
      return FALSE;
    }
  return (check->index & 1023) != 0 || !g_cancellable_set_error_if_cancelled (check->cancellable, error);
}

/* Every item's custody log, as it now stands in the dossier, checked as verification does
 * (dossier_custody_check_chain()): a document whose log was edited, shortened or moved to
 * another item is refused. The evidence table was empty before the import, so the items
 * come in the document's order. */
static gboolean
check_custody (Importer      *imp,
               GCancellable  *cancellable,
               GError       **error)
{
  CustodyCheck check = { imp->store, cancellable, 0 };

  return dossier_store_foreach (imp->store, DOSSIER_TYPE_EVIDENCE, check_item_custody, &check, error);
}

static gboolean
import_document (Importer      *imp,
                 GCancellable  *cancellable,
                 GError       **error)
{
  DossierStore *store = imp->store;
  const char *dossier_keys[] = { "uuid", "created_at", "updated_at", "title", "mandate", "period", "default_lang" };
  g_autofree const char **names = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *dossier, *counters;
  JsonNode *node;
  GHashTableIter iter;
  gpointer prefix, highest;
  guint n_names;

  /* Sorted, so that the same document always gives the same error. */
  names = (const char **) g_hash_table_get_keys_as_array (imp->outline, &n_names);
  qsort (names, n_names, sizeof (char *), dossier_compare_strings);
  for (guint i = 0; i < n_names; i++)
    {
      gboolean known = g_str_equal (names[i], "format") || g_str_equal (names[i], "schema_version") ||
                       g_str_equal (names[i], "dossier") || g_str_equal (names[i], "code_counters");

      for (guint s = 0; s < _dossier_json_io_n_sections; s++)
        known |= g_str_equal (names[i], _dossier_json_io_sections[s].key);
      if (!known)
        return _dossier_json_io_invalid (error, names[i], _("unknown member"));
    }

  /* The dossier's own record. */
  node = parse_member (imp, "dossier", error);
  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _dossier_json_io_invalid (error, "dossier", _("expected an object"));
  dossier = json_node_get_object (node);
  members = json_object_get_members (dossier);
  for (GList *l = members; l; l = l->next)
    if (!g_strv_contains (dossier_keys, l->data))
      {
        g_autofree char *at = g_strdup_printf ("dossier.%s", (char *) l->data);
        return _dossier_json_io_invalid (error, at, _("unknown member"));
      }
  for (guint i = 0; i < G_N_ELEMENTS (dossier_keys); i++)
    {
      g_autofree char *at = g_strdup_printf ("dossier.%s", dossier_keys[i]);

      node = _dossier_json_io_get_member (dossier, "dossier", dossier_keys[i], error);
      if (node == NULL)
        return FALSE;
      if (!_dossier_json_io_is_string (node))
        return _dossier_json_io_invalid (error, at, _("expected a text"));
      if (!_dossier_json_io_check_text ("dossier", dossier_keys[i], json_node_get_string (node), at, error))
        return FALSE;
    }
  if (!g_uuid_string_is_valid (json_object_get_string_member (dossier, "uuid")))
    return _dossier_json_io_invalid (error, "dossier.uuid", _("not a valid uuid"));
  if (!_dossier_json_io_is_timestamp (json_object_get_string_member (dossier, "created_at")))
    return _dossier_json_io_invalid (error, "dossier.created_at", _("expected a date and time such as 2024-05-01T09:30:00.000000Z"));
  if (!_dossier_json_io_is_timestamp (json_object_get_string_member (dossier, "updated_at")))
    return _dossier_json_io_invalid (error, "dossier.updated_at", _("expected a date and time such as 2024-05-01T09:30:00.000000Z"));
  if (!g_str_equal (json_object_get_string_member (dossier, "default_lang"), "fr") &&
      !g_str_equal (json_object_get_string_member (dossier, "default_lang"), "en"))
    return _dossier_json_io_invalid (error, "dossier.default_lang", _("expected “fr” or “en”"));
  if (!dossier_restore_set_info (store,
                                 json_object_get_string_member (dossier, "uuid"),
                                 json_object_get_string_member (dossier, "created_at"),
                                 json_object_get_string_member (dossier, "updated_at"),
                                 json_object_get_string_member (dossier, "title"),
                                 json_object_get_string_member (dossier, "mandate"),
                                 json_object_get_string_member (dossier, "period"),
                                 json_object_get_string_member (dossier, "default_lang"),
                                 error))
    return FALSE;

  /* The document's vocabulary replaces the one the new dossier was made with: its codes are
   * the ones the records use, and its uuids must survive. */
  if (!dossier_restore_clear_vocabulary (store, error))
    return FALSE;

  for (guint s = 0; s < _dossier_json_io_n_sections; s++)
    if (!import_list (imp, &_dossier_json_io_sections[s], cancellable, error) ||
        g_cancellable_set_error_if_cancelled (cancellable, error))
      return FALSE;
  if (!check_custody (imp, cancellable, error))
    return FALSE;

  node = parse_member (imp, "code_counters", error);
  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _dossier_json_io_invalid (error, "code_counters", _("expected an object"));
  counters = json_node_get_object (node);
  g_clear_pointer (&members, g_list_free);
  members = json_object_get_members (counters);
  for (GList *l = members; l; l = l->next)
    {
      JsonNode *value = json_object_get_member (counters, l->data);
      g_autofree char *at = g_strdup_printf ("code_counters.%s", (char *) l->data);

      if (!is_code_prefix (l->data))
        return _dossier_json_io_invalid (error, at, _("unknown member"));
      if (!_dossier_json_io_is_integer (value) || json_node_get_int (value) < 1)
        return _dossier_json_io_invalid (error, at, _("expected a whole number greater than zero"));
      if (!dossier_restore_set_code_counter (store, l->data, json_node_get_int (value), error))
        return FALSE;
    }
  /* A counter at or below a code the document holds would make that code again, and every
   * later record of its kind would fail on it: each counter goes past the highest code. The
   * store's counters never go back, so a higher one in the document stays. */
  g_hash_table_iter_init (&iter, imp->highest);
  while (g_hash_table_iter_next (&iter, &prefix, &highest))
    if (!dossier_restore_set_code_counter (store, prefix, *(gint64 *) highest + 1, error))
      return FALSE;
  return TRUE;
}

static gboolean
import_bytes (DossierStore  *store,
              GBytes        *json,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) outline = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GArray) pending = NULL;
  g_autoptr(GHashTable) highest = NULL;
  Text text = { NULL, 0, 0 };
  Importer imp;
  DossierStoreCounts counts;
  JsonNode *node;
  gboolean ok;

  text.data = g_bytes_get_data (json, &text.len);
  if (!g_utf8_validate (text.data, text.len, NULL))
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID, _("The document is not UTF-8 text"));
      return FALSE;
    }
  outline = _dossier_json_io_read_outline (&text, parser, error);
  if (outline == NULL)
    return FALSE;
  imp = (Importer) { store, &text, parser, outline, NULL, NULL, NULL };

  node = NULL;
  if (g_hash_table_contains (outline, "format") && (node = parse_member (&imp, "format", error)) == NULL)
    return FALSE;
  if (!_dossier_json_io_is_string (node) || !g_str_equal (json_node_get_string (node), DOSSIER_JSON_FORMAT))
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_A_DOSSIER,
                   _("The document is not a dossier exported by Dossier"));
      return FALSE;
    }
  node = parse_member (&imp, "schema_version", error);
  if (node == NULL)
    return FALSE;
  if (!_dossier_json_io_is_integer (node))
    return _dossier_json_io_invalid (error, "schema_version", _("expected a whole number"));
  if (json_node_get_int (node) > DOSSIER_JSON_SCHEMA_VERSION)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_TOO_NEW,
                   _("The document was exported by a newer version of Dossier; update Dossier to import it"));
      return FALSE;
    }
  if (json_node_get_int (node) != DOSSIER_JSON_SCHEMA_VERSION)
    {
      /* Translators: %d is a version number */
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                   _("Unknown version %d of the interchange format"), (int) json_node_get_int (node));
      return FALSE;
    }

  if (!dossier_store_count (store, &counts, error))
    return FALSE;
  if (counts.incidents + counts.people + counts.testimonies + counts.evidence + counts.actors > 0)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                   _("A dossier can be imported only into an empty dossier"));
      return FALSE;
    }

  if (!dossier_store_begin (store, error))
    return FALSE;
  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  g_array_set_clear_func (pending, _dossier_json_io_pending_clear);
  highest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  imp.ids = ids;
  imp.pending = pending;
  imp.highest = highest;
  /* The document's audit log is the record of what happened: importing adds nothing to it. */
  dossier_restore_set_auditing (store, FALSE);
  ok = import_document (&imp, cancellable, error);
  dossier_restore_set_auditing (store, TRUE);
  if (!ok)
    {
      dossier_store_rollback (store);
      return FALSE;
    }
  return dossier_store_commit (store, error);
}

/**
 * dossier_json_import:
 * @store: an empty, writable #DossierStore
 * @in: a document written by dossier_json_export()
 * @cancellable: (nullable): to stop
 * @error: return location for a #GError
 *
 * Imports a whole dossier into @store, which must hold no incidents, people, testimonies,
 * evidence or actors. The document's vocabulary, dossier record, audit log and custody logs
 * replace or join those of @store as they are: uuids, codes and dates are kept, and the
 * import itself adds nothing to the audit log.
 *
 * All or nothing: the document is checked strictly (unknown members, wrong types, unknown
 * codes, references to records it does not hold, repeated uuids, data after its end), and
 * any error leaves @store as it was. @in is read to its end but not closed.
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_json_import (DossierStore   *store,
                     GInputStream   *in,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(GOutputStream) memory = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (in), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The text is held whole, not its tree: see read_outline(). */
  memory = g_memory_output_stream_new_resizable ();
  if (g_output_stream_splice (memory, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, cancellable, error) < 0)
    return FALSE;
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
  return import_bytes (store, bytes, cancellable, error);
}

/**
 * dossier_json_import_file:
 * @store: an empty, writable #DossierStore
 * @path: a document written by dossier_json_export_file()
 * @error: return location for a #GError
 *
 * Imports the document at @path, as dossier_json_import() does.
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_json_import_file (DossierStore  *store,
                          const char    *path,
                          GError       **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) in = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = g_file_new_for_path (path);
  in = g_file_read (file, NULL, error);
  if (in == NULL)
    return FALSE;
  return dossier_json_import (store, G_INPUT_STREAM (in), NULL, error);
}

/**
 * dossier_json_import_new_file:
 * @path: where the new dossier goes; must not exist
 * @json_path: a document written by dossier_json_export_file()
 * @user: (nullable): who imports, for the logs that follow
 * @error: return location for a #GError
 *
 * Makes a new dossier at @path from the document at @json_path. Nothing is at @path until
 * the dossier is whole: it is built under a temporary name beside @path, the import
 * committed and the file closed so that it alone holds everything, then renamed. On any
 * failure the temporary file and its side files (-journal, -wal, -shm) are removed.
 *
 * While it is built, its journal is a rollback journal and SQLite keeps the changes in
 * memory until the commit (cache_spill off): a process killed before the commit leaves
 * nothing at @path and no side file holding identities (a rollback journal holds pages as
 * they were before), only the empty temporary dossier. The memory is the size of the new
 * dossier, about that of the document's text, which the import already holds.
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_json_import_new_file (const char  *path,
                              const char  *json_path,
                              const char  *user,
                              GError     **error)
{
  g_autoptr(DossierStore) store = NULL;
  g_autofree char *display = NULL;
  g_autofree char *tmp = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (json_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (path);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_EXISTS, _("“%s” already exists"), display);
      return FALSE;
    }

  tmp = g_strdup_printf ("%s.importing-%08x", path, g_random_int ());
  store = dossier_create (tmp, NULL, error);
  if (store == NULL)
    return FALSE;
  dossier_store_set_user (store, user);
  if (!dossier_restore_set_bulk (store, TRUE, error) ||
      !dossier_json_import_file (store, json_path, error) ||
      /* As dossier_create() leaves a dossier: in WAL mode, which closing folds back
       * into the file and removes. */
      !dossier_restore_set_bulk (store, FALSE, error))
    goto fail;
  dossier_store_close (store);
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      /* Translators: the first %s is a file name, the second the system's reason */
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_IO, _("“%s” cannot be created: %s"), display,
                   g_strerror (saved));
      goto fail;
    }
  return TRUE;

fail:
  dossier_store_close (store);
  dossier_store_remove_files (tmp);
  return FALSE;
}
