/* dossier-test-util.h: small helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-store.h"

G_BEGIN_DECLS

/* Registers core's and io's resources; each test program calls it at start-up. */
void          dossier_test_register_resources (void);

/* A temporary directory for this test program, removed at exit. */
const char   *dossier_test_tmpdir       (void);
char         *dossier_test_tmp_path     (const char *name);
gboolean      dossier_test_temporary_left (const char *path);
/* A new, empty dossier in the temporary directory. */
DossierStore *dossier_test_new_store    (const char *name);
void          dossier_test_write_file   (const char *path,
                                         const char *contents,
                                         gssize      len);
char         *dossier_test_read_file    (const char *path,
                                         gsize      *len);
/* The first column of the first row of @sql, with @text bound to ?1 when given. */
gint64        dossier_test_query_int    (DossierStore *store,
                                         const char   *sql,
                                         const char   *text);
char         *dossier_test_query_text   (DossierStore *store,
                                         const char   *sql);
/* Runs @program with the arguments that follow, up to NULL; returns its exit status. */
int           dossier_test_run          (const char   *program,
                                         char        **out,
                                         char        **err,
                                         const char   *first,
                                         ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
