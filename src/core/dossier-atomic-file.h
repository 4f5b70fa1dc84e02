/* dossier-atomic-file.h: a file written under a temporary name, then renamed over its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _DossierAtomicFile DossierAtomicFile;

DossierAtomicFile *dossier_atomic_file_open       (const char         *path,
                                                   int                 mode,
                                                   GError            **error);
int                dossier_atomic_file_get_fd     (DossierAtomicFile  *self);
GOutputStream     *dossier_atomic_file_get_stream (DossierAtomicFile  *self);
gboolean           dossier_atomic_file_commit     (DossierAtomicFile  *self,
                                                   GError            **error);
void               dossier_atomic_file_abort      (DossierAtomicFile  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierAtomicFile, dossier_atomic_file_abort)

gboolean           dossier_file_replace_contents  (const char         *path,
                                                   const char         *contents,
                                                   gssize              length,
                                                   int                 mode,
                                                   GError            **error);

G_END_DECLS
