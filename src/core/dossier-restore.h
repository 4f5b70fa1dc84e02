/* dossier-restore.h: what only the making of a whole dossier from a description may do
 *
 * A dossier restored from a package (dossier-json-io) or built from the demo's description
 * keeps what its source says: its uuid and dates, its own vocabulary in place of the bundled
 * one, the next number of each code, references between records of one kind set once every
 * record is in, and no audit rows for writes the source's own log already tells. Ordinary
 * edits never need these; they are here, typed, so that no layer above core writes SQL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-record.h"
#include "dossier-store.h"

G_BEGIN_DECLS

gboolean dossier_restore_set_info          (DossierStore       *store,
                                            const char         *uuid,
                                            const char         *created_at,
                                            const char         *updated_at,
                                            const char         *title,
                                            const char         *mandate,
                                            const char         *period,
                                            const char         *default_lang,
                                            GError            **error);
gboolean dossier_restore_clear_vocabulary  (DossierStore       *store,
                                            GError            **error);
gboolean dossier_restore_set_code_counter  (DossierStore       *store,
                                            const char         *prefix,
                                            gint64              next,
                                            GError            **error);
gboolean dossier_restore_set_self_reference (DossierStore      *store,
                                            const DossierField *field,
                                            gint64              id,
                                            gint64              ref_id,
                                            GError            **error);
void     dossier_restore_set_auditing      (DossierStore       *store,
                                            gboolean            auditing);
gboolean dossier_restore_set_bulk          (DossierStore       *store,
                                            gboolean            bulk,
                                            GError            **error);

G_END_DECLS
