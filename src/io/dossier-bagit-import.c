/* dossier-bagit-import.c: a new dossier from a bag
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bag is validated first (the evidence files left for the import to hash as it brings
 * them in); the dossier is then built under a temporary name from data/dossier.json and each
 * item's bytes, and appears under its name only when complete.
 */
#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dossier-bagit.h"
#include "dossier-bagit-private.h"
#include "dossier-evidence.h"
#include "dossier-json-io.h"
#include "dossier-locker.h"
#include "dossier-record.h"
#include "dossier-info.h"

typedef struct {
  DossierStore *store;
  Bag          *bag;
  GHashTable   *seen;      /* the codes of dossier-evidence.txt found in the dossier */
  GCancellable *cancellable;
  guint         restored;
  guint         without_bytes;
} Import;

static gboolean
restore_evidence (DossierRecord  *record,
                  gpointer        data,
                  GError        **error)
{
  Import *import = data;
  DossierEvidence *evidence = DOSSIER_EVIDENCE (record);
  const char *code = dossier_record_get_code (record) != NULL ? dossier_record_get_code (record) : "";
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  gpointer value;
  Entry *entry;

  if (!g_hash_table_lookup_extended (import->bag->evidence, code, NULL, &value))
    {
      /* Translators: %s is an evidence code */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The bag does not say whether %s had its bytes in the dossier it was made from"), code);
      return FALSE;
    }
  g_hash_table_add (import->seen, g_strdup (code));
  entry = value;
  if (entry == NULL)
    {
      import->without_bytes++;
      return TRUE;
    }
  if (dossier_evidence_get_sha256 (evidence) == NULL || g_ascii_strcasecmp (entry->sha256, dossier_evidence_get_sha256 (evidence)) != 0)
    {
      /* Translators: %s is an evidence code */
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_CORRUPT,
                   _("The bag’s manifest and its dossier give %s different SHA-256"), code);
      return FALSE;
    }
  /* entry->path was checked to stay inside the bag and to name a plain file. */
  path = g_build_filename (import->bag->dir, entry->path, NULL);
  file = g_file_new_for_path (path);
  if (!dossier_locker_restore (import->store, dossier_record_get_id (record), file, import->cancellable, error))
    return FALSE;
  import->restored++;
  return TRUE;
}

/**
 * dossier_bagit_import:
 * @bag: a bag written by dossier_bagit_export()
 * @path: the dossier to make: a file that does not exist yet
 * @user: (nullable): who imports, for the custody logs
 * @restored: (out) (optional): how many items' bytes came in
 * @without_bytes: (out) (optional): how many items the bag says had no bytes in the dossier
 *   it was made from
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Validates the bag, then makes a new dossier from its data/dossier.json and brings each
 * evidence item's bytes in from where dossier-evidence.txt says they are, each checked
 * against the SHA-256 the dossier recorded for it (and logged in its custody chain). An
 * item the bag says nothing of, or that the dossier does not hold, refuses the bag. The
 * dossier is built under a temporary name and appears at @path only when complete.
 *
 * Returns: %TRUE if the dossier was made
 */
gboolean
dossier_bagit_import (const char    *bag,
                      const char    *path,
                      const char    *user,
                      guint         *restored,
                      guint         *without_bytes,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *json = g_build_filename (bag, "data", "dossier.json", NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp_name = g_strdup_printf (".%s.importing-%08x", base, g_random_int ());
  g_autofree char *tmp = g_build_filename (parent, tmp_name, NULL);
  Bag checked;
  Import import = { NULL, &checked, seen, cancellable, 0, 0 };
  GHashTableIter iter;
  gpointer key;
  gboolean ok = FALSE;

  g_return_val_if_fail (bag != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!_dossier_bagit_validate (bag, TRUE, &checked, cancellable, error))
    {
      g_autofree char *display = g_filename_display_name (bag);
      GPtrArray *problems = checked.problems;

      if (problems->len == 0)
        goto out;
      if (problems->len == 1)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The bag “%s” is not valid: %s"),
                     display, (const char *) problems->pdata[0]);
      else
        /* Translators: %s are a folder and the first thing wrong with it; %u how many more */
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     g_dngettext (GETTEXT_PACKAGE, "The bag “%s” is not valid: %s (and %u more problem)",
                                  "The bag “%s” is not valid: %s (and %u more problems)", problems->len - 1),
                     display, (const char *) problems->pdata[0], problems->len - 1);
      goto out;
    }
  if (!g_hash_table_contains (checked.by_path, "data/dossier.json"))
    {
      g_autofree char *display = g_filename_display_name (bag);

      /* Translators: %s is a folder */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The bag “%s” is valid but holds no dossier (data/dossier.json)"), display);
      goto out;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (path);

      /* Translators: %s is a file */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("“%s” exists already: a bag is imported into a new dossier"), display);
      goto out;
    }

  store = dossier_create (tmp, NULL, error);
  if (store == NULL)
    goto out;
  dossier_store_set_user (store, user);
  import.store = store;
  if (!dossier_json_import_file (store, json, error) ||
      !dossier_store_foreach (store, DOSSIER_TYPE_EVIDENCE, restore_evidence, &import, error))
    goto fail;
  /* An item the list gives that the dossier does not hold: bytes brought for nothing. */
  g_hash_table_iter_init (&iter, checked.evidence);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (seen, key))
      {
        g_autofree char *display = _dossier_bagit_shown (key);

        /* Translators: a file of the bag, then an evidence code */
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("%s gives %s, which the bag’s dossier does not hold"), EVIDENCE_LIST, display);
        goto fail;
      }
  dossier_store_close (store);
  if (g_rename (tmp, path) != 0)
    {
      g_autofree char *display = g_filename_display_name (path);

      /* Translators: %s is a file */
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), _("The dossier could not be written to “%s”"), display);
      goto fail;
    }
  if (restored != NULL)
    *restored = import.restored;
  if (without_bytes != NULL)
    *without_bytes = import.without_bytes;
  ok = TRUE;
  goto out;

fail:
  dossier_store_close (store);
  dossier_store_remove_files (tmp);
out:
  _dossier_bagit_bag_clear (&checked);
  return ok;
}
