/* dossier-demo.c: the demo dossier, built from the sources shipped in data/demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * data/demo/demo.json describes the demo in plain terms, records named by their codes; it
 * is compiled into the program with the public reports it cites, which become the demo's
 * evidence. Incidents and actors come from those reports; people and testimonies are
 * fictional.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "dossier-actor.h"
#include "dossier-atomic-file.h"
#include "dossier-demo.h"
#include "dossier-evidence.h"
#include "dossier-identity.h"
#include "dossier-incident.h"
#include "dossier-link.h"
#include "dossier-locker.h"
#include "dossier-person.h"
#include "dossier-testimony.h"
#include "dossier-restore.h"
#include "dossier-info.h"

#define DEMO_RESOURCE "/org/dossier/Dossier/io/demo/"

typedef struct {
  DossierStore *store;
  GHashTable   *ids;     /* code → id (gint64 *) for every record made */
  GHashTable   *counts;  /* code prefix → highest number used */
} Demo;

static gboolean
bad_demo (GError     **error,
          const char  *where)
{
  /* Translators: %s says where in the demo's description the problem is */
  g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
               _("The demo dossier's sources are not valid (%s)"), where);
  return FALSE;
}

static const char *
string_member (JsonObject *o,
               const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonArray *
array_member (JsonObject *o,
              const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* Sets every field of @record that @o names, by the field's own name ("date" for an
 * incident's date_edtf). References are set by the caller. */
static void
fill_fields (DossierRecord *record,
             JsonObject    *o)
{
  for (guint i = 0; i < dossier_record_get_info (record)->n_fields; i++)
    {
      const DossierField *f = &dossier_record_get_info (record)->fields[i];
      const char *key = g_str_equal (f->name, "date_edtf") ? "date" : f->name;
      JsonNode *node = json_object_get_member (o, key);

      if (node == NULL || f->type == DOSSIER_FIELD_REF)
        continue;
      if (JSON_NODE_HOLDS_NULL (node))
        dossier_record_set_string (record, f, f->type == DOSSIER_FIELD_TEXT || f->type == DOSSIER_FIELD_EDTF ? "" : NULL);
      else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        dossier_record_set_string (record, f, json_node_get_string (node));
      else if (JSON_NODE_HOLDS_VALUE (node) && f->type == DOSSIER_FIELD_REAL)
        G_STRUCT_MEMBER (double, record, f->offset) = json_node_get_double (node);
      else if (JSON_NODE_HOLDS_VALUE (node) && f->type == DOSSIER_FIELD_INT)
        G_STRUCT_MEMBER (gint64, record, f->offset) = json_node_get_int (node);
    }
}

static gint64
id_of (Demo       *demo,
       const char *code)
{
  gint64 *id = code ? g_hash_table_lookup (demo->ids, code) : NULL;

  return id ? *id : 0;
}

/* Inserts @record under the code the demo gives it, and remembers it. */
static gboolean
insert_coded (Demo           *demo,
              DossierRecord  *record,
              JsonObject     *o,
              GError        **error)
{
  const char *code = string_member (o, "code");
  const char *dash;
  gint64 n, *highest;

  if (code != NULL)
    {
      dossier_record_set_code (record, code);
    }
  if (!dossier_store_insert (demo->store, record, error))
    return FALSE;
  g_hash_table_insert (demo->ids, g_strdup (dossier_record_get_code (record)), g_memdup2 ((gint64[]) { dossier_record_get_id (record) }, sizeof (gint64)));

  /* Remember the highest number of each prefix, so new records continue after them. */
  dash = strrchr (dossier_record_get_code (record), '-');
  if (dash != NULL)
    {
      g_autofree char *prefix = g_strndup (dossier_record_get_code (record), dash - dossier_record_get_code (record));

      n = g_ascii_strtoll (dash + 1, NULL, 10);
      highest = g_hash_table_lookup (demo->counts, prefix);
      if (highest == NULL)
        g_hash_table_insert (demo->counts, g_steal_pointer (&prefix), g_memdup2 (&n, sizeof n));
      else if (n > *highest)
        *highest = n;
    }
  return TRUE;
}

static gboolean
make_actors (Demo       *demo,
             JsonArray  *actors,
             GError    **error)
{
  guint n = actors ? json_array_get_length (actors) : 0;
  g_autofree gboolean *done = g_new0 (gboolean, n + 1);
  guint left = n;

  /* Parents first, whatever their order in the file. */
  while (left > 0)
    {
      guint before = left;

      for (guint i = 0; i < n; i++)
        {
          JsonObject *o = json_array_get_object_element (actors, i);
          g_autoptr(DossierActor) actor = dossier_actor_new ();
          const char *parent = string_member (o, "parent");

          if (done[i] || (parent != NULL && id_of (demo, parent) == 0))
            continue;
          fill_fields (DOSSIER_RECORD (actor), o);
          dossier_actor_set_parent_id (actor, id_of (demo, parent));
          if (!insert_coded (demo, DOSSIER_RECORD (actor), o, error))
            return FALSE;
          done[i] = TRUE;
          left--;
        }
      if (left == before)
        return bad_demo (error, "actors");
    }
  return TRUE;
}

static gboolean
link_with (Demo             *demo,
           DossierLinkKind   kind,
           gint64            left,
           const char       *right_code,
           const char       *role,
           const char       *detail,
           const char       *involvement,
           GError          **error)
{
  g_autoptr(DossierLink) link = NULL;
  gint64 right = id_of (demo, right_code);

  if (left == 0 || right == 0)
    return bad_demo (error, right_code ? right_code : "link");
  link = dossier_store_link (demo->store, kind, left, right, role, detail, error);
  if (link == NULL)
    return FALSE;
  if (involvement != NULL)
    {
      dossier_link_set_involvement (link, involvement);
      return dossier_store_update (demo->store, DOSSIER_RECORD (link), error);
    }
  return TRUE;
}

static GStrv
strv_member (JsonObject *o,
             const char *name)
{
  JsonArray *array = array_member (o, name);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; array && i < json_array_get_length (array); i++)
    g_strv_builder_add (builder, json_array_get_string_element (array, i));
  return g_strv_builder_end (builder);
}

static gboolean
make_incidents (Demo       *demo,
                JsonArray  *incidents,
                GError    **error)
{
  for (guint i = 0; incidents && i < json_array_get_length (incidents); i++)
    {
      JsonObject *o = json_array_get_object_element (incidents, i);
      g_autoptr(DossierIncident) incident = dossier_incident_new ();
      JsonArray *casualties = array_member (o, "casualties");
      JsonArray *actors = array_member (o, "actors");

      fill_fields (DOSSIER_RECORD (incident), o);
      {
        g_auto(GStrv) types = strv_member (o, "violation_types");

        dossier_incident_set_violation_types (incident, (const char * const *) types);
      }
      for (guint j = 0; casualties && j < json_array_get_length (casualties); j++)
        {
          JsonObject *c = json_array_get_object_element (casualties, j);
          int ci = dossier_casualty_category_index (string_member (c, "category"));
          int gi = dossier_casualty_group_index (string_member (c, "group"));

          if (ci < 0 || gi < 0)
            return bad_demo (error, string_member (o, "code"));
          dossier_incident_set_casualties (incident, ci, gi, dossier_incident_get_casualties (incident, ci, gi) +
                                           json_object_get_int_member (c, "count"));
        }
      if (!insert_coded (demo, DOSSIER_RECORD (incident), o, error))
        return FALSE;

      for (guint j = 0; actors && j < json_array_get_length (actors); j++)
        {
          JsonObject *a = json_array_get_object_element (actors, j);

          if (!link_with (demo, DOSSIER_LINK_INCIDENT_ACTOR, dossier_record_get_id (DOSSIER_RECORD (incident)),
                          string_member (a, "actor"), string_member (a, "role"), NULL,
                          string_member (a, "involvement"), error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
make_people (Demo       *demo,
             JsonArray  *people,
             GError    **error)
{
  for (guint i = 0; people && i < json_array_get_length (people); i++)
    {
      JsonObject *o = json_array_get_object_element (people, i);
      g_autoptr(DossierPerson) person = dossier_person_new ();
      JsonNode *identity_node = json_object_get_member (o, "identity");
      JsonArray *incidents = array_member (o, "incidents");

      fill_fields (DOSSIER_RECORD (person), o);
      if (!insert_coded (demo, DOSSIER_RECORD (person), o, error))
        return FALSE;

      if (identity_node != NULL && JSON_NODE_HOLDS_OBJECT (identity_node))
        {
          g_autoptr(DossierIdentity) identity = dossier_identity_new ();

          fill_fields (DOSSIER_RECORD (identity), json_node_get_object (identity_node));
          dossier_identity_set_person_id (identity, dossier_record_get_id (DOSSIER_RECORD (person)));
          if (!dossier_store_insert (demo->store, DOSSIER_RECORD (identity), error))
            return FALSE;
        }

      for (guint j = 0; incidents && j < json_array_get_length (incidents); j++)
        {
          JsonObject *l = json_array_get_object_element (incidents, j);
          gint64 incident = id_of (demo, string_member (l, "incident"));


          if (incident == 0)
            return bad_demo (error, dossier_record_get_code (DOSSIER_RECORD (person)));
          if (!link_with (demo, DOSSIER_LINK_INCIDENT_PERSON, incident, dossier_record_get_code (DOSSIER_RECORD (person)),
                          string_member (l, "role"), NULL, NULL, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
make_testimonies (Demo       *demo,
                  JsonArray  *testimonies,
                  GError    **error)
{
  for (guint i = 0; testimonies && i < json_array_get_length (testimonies); i++)
    {
      JsonObject *o = json_array_get_object_element (testimonies, i);
      g_autoptr(DossierTestimony) testimony = dossier_testimony_new ();
      JsonArray *incidents = array_member (o, "incidents");
      g_auto(GStrv) tags = NULL;

      fill_fields (DOSSIER_RECORD (testimony), o);
      dossier_testimony_set_person_id (testimony, id_of (demo, string_member (o, "person")));
      tags = strv_member (o, "tags");
      dossier_testimony_set_tags (testimony, (const char * const *) tags);
      if (!insert_coded (demo, DOSSIER_RECORD (testimony), o, error))
        return FALSE;

      for (guint j = 0; incidents && j < json_array_get_length (incidents); j++)
        {
          JsonObject *l = json_array_get_object_element (incidents, j);

          if (!link_with (demo, DOSSIER_LINK_TESTIMONY_INCIDENT, dossier_record_get_id (DOSSIER_RECORD (testimony)),
                          string_member (l, "incident"), NULL, string_member (l, "excerpt"), NULL, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Writes a resource to a temporary file, since evidence is ingested from files. */
static GFile *
resource_to_file (const char  *name,
                  char       **tmpdir,
                  GError     **error)
{
  g_autofree char *path = g_strconcat (DEMO_RESOURCE, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);
  g_autofree char *base = g_path_get_basename (name);
  g_autofree char *out = NULL;

  if (bytes == NULL)
    return NULL;
  if (*tmpdir == NULL && (*tmpdir = g_dir_make_tmp ("dossier-demo-XXXXXX", error)) == NULL)
    return NULL;
  out = g_build_filename (*tmpdir, base, NULL);
  if (!dossier_file_replace_contents (out, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), 0600, error))
    return NULL;
  return g_file_new_for_path (out);
}

static gboolean
make_evidence (Demo       *demo,
               JsonArray  *evidence,
               GError    **error)
{
  g_autofree char *tmpdir = NULL;
  gboolean ok = TRUE;

  for (guint i = 0; ok && evidence && i < json_array_get_length (evidence); i++)
    {
      JsonObject *o = json_array_get_object_element (evidence, i);
      const char *name = string_member (o, "file");
      g_autoptr(GFile) file = NULL;
      g_autoptr(DossierIngestResult) result = NULL;
      g_autoptr(DossierEvidence) item = NULL;
      static const struct { const char *key; DossierLinkKind kind; } links[] = {
        { "incidents", DOSSIER_LINK_EVIDENCE_INCIDENT },
        { "people", DOSSIER_LINK_EVIDENCE_PERSON },
        { "testimonies", DOSSIER_LINK_EVIDENCE_TESTIMONY },
      };

      if (name == NULL)
        return bad_demo (error, "evidence");
      file = resource_to_file (name, &tmpdir, error);
      ok = file != NULL;
      if (ok)
        ok = (result = dossier_locker_ingest (demo->store, file, string_member (o, "collection_method"),
                                              string_member (o, "source"), NULL, NULL, NULL, error)) != NULL;
      if (ok)
        ok = (item = dossier_store_load (demo->store, DOSSIER_TYPE_EVIDENCE, result->evidence_id, error)) != NULL;
      if (ok)
        {
          fill_fields (DOSSIER_RECORD (item), o);
          ok = dossier_store_update (demo->store, DOSSIER_RECORD (item), error);
        }
      for (guint k = 0; ok && k < G_N_ELEMENTS (links); k++)
        {
          JsonArray *codes = array_member (o, links[k].key);

          for (guint j = 0; ok && codes && j < json_array_get_length (codes); j++)
            ok = link_with (demo, links[k].kind, result->evidence_id,
                            json_array_get_string_element (codes, j), NULL, NULL, NULL, error);
        }
      if (file != NULL)
        g_file_delete (file, NULL, NULL);
    }
  if (tmpdir != NULL)
    g_rmdir (tmpdir);
  return ok;
}

static gboolean
fill (Demo        *demo,
      JsonObject  *root,
      GError     **error)
{
  JsonNode *node = json_object_get_member (root, "dossier");
  static const char * const info[] = { "mandate", "period", "default_lang" };
  GHashTableIter iter;
  gpointer prefix, highest;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return bad_demo (error, "dossier");
  for (guint i = 0; i < G_N_ELEMENTS (info); i++)
    {
      const char *value = string_member (json_node_get_object (node), info[i]);
      if (value != NULL && !dossier_store_set_info (demo->store, info[i], value, error))
        return FALSE;
    }

  if (!make_actors (demo, array_member (root, "actors"), error) ||
      !make_incidents (demo, array_member (root, "incidents"), error) ||
      !make_people (demo, array_member (root, "people"), error) ||
      !make_testimonies (demo, array_member (root, "testimonies"), error) ||
      !make_evidence (demo, array_member (root, "evidence"), error))
    return FALSE;

  g_hash_table_iter_init (&iter, demo->counts);
  while (g_hash_table_iter_next (&iter, &prefix, &highest))
    if (!dossier_restore_set_code_counter (demo->store, prefix, *(gint64 *) highest + 1, error))
      return FALSE;
  return TRUE;
}

/**
 * dossier_demo_create:
 * @path: where to make the demo dossier; must not exist
 * @error: return location for a #GError
 *
 * Makes the demo dossier, in one transaction; on failure no file is left at @path.
 *
 * Returns: (transfer full): the open demo dossier, or %NULL
 */
DossierStore *
dossier_demo_create (const char  *path,
                     GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(DossierStore) store = NULL;
  JsonObject *root;
  const char *title;
  Demo demo = { 0 };
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);

  bytes = g_resources_lookup_data (DEMO_RESOURCE "demo.json", 0, error);
  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return NULL;
  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      bad_demo (error, "demo.json");
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  title = json_object_has_member (root, "dossier")
    ? string_member (json_object_get_object_member (root, "dossier"), "title") : NULL;

  store = dossier_create (path, title ? title : "Demo", error);
  if (store == NULL)
    return NULL;
  dossier_store_set_user (store, "Démo");

  demo.store = store;
  demo.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  demo.counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ok = dossier_store_begin (store, error);
  if (ok)
    {
      ok = fill (&demo, root, error);
      if (ok)
        ok = dossier_store_commit (store, error);
      else
        dossier_store_rollback (store);
    }
  g_hash_table_unref (demo.ids);
  g_hash_table_unref (demo.counts);

  if (!ok)
    {
      dossier_store_close (store);
      dossier_store_remove_files (path);
      return NULL;
    }
  return g_steal_pointer (&store);
}
