/* fuzz-store-open.c: opening a file as a dossier, read-only, and reading it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is written as a file and opened read-only, as `dossier-cli stats` and `verify`
 * do. A file that is not a dossier, or a damaged one, is refused with a message; one that
 * opens is read as the app reads it: counts, the dossier's record, code counters, every
 * record of every kind field by field, the custody chains, a search, the integrity check and
 * the JSON export. Nothing may crash whatever the file holds, and a refused file is left as
 * it was.
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "dossier-actor.h"
#include "dossier-custody.h"
#include "dossier-edtf.h"
#include "dossier-evidence.h"
#include "dossier-identity.h"
#include "dossier-incident.h"
#include "dossier-json-io.h"
#include "dossier-passage.h"
#include "dossier-person.h"
#include "dossier-record.h"
#include "dossier-search.h"
#include "dossier-store.h"
#include "dossier-testimony.h"
#include "fuzz-util.h"
#include "dossier-info.h"

static gboolean
read_record (DossierRecord  *record,
             gpointer        user_data,
             GError        **error)
{
  DossierStore *store = user_data;

  for (guint i = 0; i < dossier_record_get_info (record)->n_fields; i++)
    {
      const DossierField *field = &dossier_record_get_info (record)->fields[i];
      g_autofree char *value = dossier_record_get_string (record, field);

      if (field->type == DOSSIER_FIELD_EDTF)
        g_free (dossier_edtf_format_string (value, "fr"));
    }
  if (DOSSIER_IS_EVIDENCE (record))
    {
      g_autofree char *reason = NULL;
      g_autoptr(GError) local = NULL;
      gboolean intact = FALSE;

      if (!dossier_custody_check_chain (store, dossier_record_get_id (record), &intact, &reason, &local))
        fuzz_check (local != NULL);
    }
  return TRUE;
}

static void
read_store (DossierStore *store)
{
  const GType types[] = {
    DOSSIER_TYPE_INCIDENT, DOSSIER_TYPE_PERSON, DOSSIER_TYPE_TESTIMONY, DOSSIER_TYPE_EVIDENCE,
    DOSSIER_TYPE_ACTOR, DOSSIER_TYPE_IDENTITY, DOSSIER_TYPE_PASSAGE,
  };
  DossierStoreCounts counts;
  g_autofree char *title = NULL;
  g_autofree char *uuid = NULL, *mandate = NULL, *period = NULL, *lang = NULL, *info_title = NULL;
  g_autofree char *created = NULL, *updated = NULL;
  g_autoptr(GHashTable) counters = NULL;

  /* Each read may fail on a damaged file; it must say so, not crash. */
  if (!dossier_store_count (store, &counts, NULL))
    return;
  if (g_getenv ("FUZZ_VERBOSE") != NULL)
    g_printerr ("opened: %" G_GINT64_FORMAT " incidents, %" G_GINT64_FORMAT " items of evidence\n",
                counts.incidents, counts.evidence);
  title = dossier_store_get_title (store);
  dossier_store_get_info (store, &uuid, &info_title, &mandate, &period, &lang, NULL);
  dossier_store_get_dates (store, &created, &updated);
  counters = dossier_store_list_code_counters (store, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GError) error = NULL;

      dossier_store_count_records (store, types[i], NULL);
      if (!dossier_store_foreach (store, types[i], read_record, store, &error))
        fuzz_check (error != NULL);
    }
  {
    g_autoptr(GPtrArray) hits = dossier_store_search (store, "a*", "fr", 5, NULL);
  }
  {
    g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
    g_autoptr(GError) error = NULL;

    if (!dossier_json_export (store, out, NULL, &error))
      fuzz_check (error != NULL && *error->message != '\0');
  }
  dossier_store_check_integrity (store, NULL, NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  gsize after_len = 0;

  fuzz_init ();
  path = fuzz_tmp_path ("open.dossier");
  fuzz_write_file (path, data, size);

  {
    g_autoptr(DossierStore) store = dossier_store_open (path, DOSSIER_STORE_OPEN_READ_ONLY, &error);

    if (store == NULL)
      {
        fuzz_check (error != NULL);
        /* FUZZ_VERBOSE=1 says what became of an input, for whoever writes seeds. */
        if (g_getenv ("FUZZ_VERBOSE") != NULL)
          g_printerr ("refused: %s (%s %d)\n", error->message, g_quark_to_string (error->domain), error->code);
        fuzz_check (error->domain == DOSSIER_STORE_ERROR);
        fuzz_check (g_utf8_validate (error->message, -1, NULL) && *error->message != '\0');
      }
    else
      {
        fuzz_check (dossier_store_is_read_only (store));
        read_store (store);
      }
  }

  /* Read-only means the file is not touched, whatever was found in it. */
  if (!g_file_get_contents (path, &after, &after_len, NULL))
    g_error ("the file went away");
  fuzz_check (after_len == size && memcmp (after, data, size) == 0);
  dossier_store_remove_files (path);
  return 0;
}
