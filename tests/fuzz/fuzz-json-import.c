/* fuzz-json-import.c: the JSON interchange's import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One empty dossier is made once; each input is imported inside a transaction that is then
 * rolled back, so the dossier is empty again for the next (making a dossier for each input
 * would cost most of the time). An input is either refused with a message, leaving the
 * dossier as it was, or imported; what was imported exports, and that export imports again.
 */
#include "config.h"

#include <gio/gio.h>

#include "dossier-json-io.h"
#include "dossier-store.h"
#include "fuzz-util.h"
#include "dossier-store-private.h" /* tests look at the file underneath */
#include "dossier-info.h"

static DossierStore *store;

static gboolean
is_empty (void)
{
  g_autoptr(GError) error = NULL;
  DossierStoreCounts c;

  if (!dossier_store_count (store, &c, &error))
    g_error ("cannot count: %s", error->message);
  return c.incidents + c.people + c.testimonies + c.evidence + c.actors == 0;
}

static gboolean
import (const void  *data,
        gsize        size,
        GError     **error)
{
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (data, size, NULL);

  return dossier_json_import (store, in, NULL, error);
}

static GBytes *
export (void)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  if (!dossier_json_export (store, out, NULL, &error))
    g_error ("what was imported does not export: %s", error->message);
  if (!g_output_stream_close (out, NULL, &error))
    g_error ("cannot close: %s", error->message);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
begin (void)
{
  g_autoptr(GError) error = NULL;

  if (!dossier_store_begin (store, &error))
    g_error ("cannot begin: %s", error->message);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) exported = NULL;

  fuzz_init ();
  if (store == NULL)
    {
      g_autofree char *path = fuzz_tmp_path ("import.dossier");

      store = dossier_create (path, "Fuzz", &error);
      if (store == NULL)
        g_error ("cannot make a dossier: %s", error->message);
      /* A rollback drops the pages it touched, and the next input reads them again: with
       * the dossier's 64 KiB pages, copying them took most of an input's time. The page
       * size is no part of what the import checks. */
      if (sqlite3_exec (dossier_store_get_db (store),
                        "PRAGMA journal_mode = DELETE; PRAGMA page_size = 4096; VACUUM; PRAGMA journal_mode = WAL;",
                        NULL, NULL, NULL) != SQLITE_OK)
        g_error ("cannot change the page size: %s", sqlite3_errmsg (dossier_store_get_db (store)));
    }

  begin ();
  if (!import (data, size, &error))
    {
      fuzz_check (error != NULL && g_utf8_validate (error->message, -1, NULL) && *error->message != '\0');
      /* All or nothing. */
      fuzz_check (is_empty ());
      dossier_store_rollback (store);
      return 0;
    }
  exported = export ();
  dossier_store_rollback (store);
  fuzz_check (is_empty ());

  begin ();
  if (!import (g_bytes_get_data (exported, NULL), g_bytes_get_size (exported), &error))
    g_error ("an export of what was imported does not import: %s", error->message);
  dossier_store_rollback (store);
  fuzz_check (is_empty ());
  return 0;
}
