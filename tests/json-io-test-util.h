/* json-io-test-util.h: what the JSON interchange tests share (test-json-io*.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dossier-store.h"

G_BEGIN_DECLS

/* Inserts @rec into @store, which must take it. */
#define INSERT(store, rec) G_STMT_START { \
    g_autoptr(GError) e_ = NULL; \
    g_assert_true (dossier_store_insert ((store), DOSSIER_RECORD (rec), &e_)); \
    g_assert_no_error (e_); \
  } G_STMT_END

void          set                 (char          **field,
                                   const char     *value);
gint64        count               (DossierStore   *store,
                                   GType           type);
DossierStore *make_full_dossier   (const char     *name);
GBytes       *export              (DossierStore   *store);
gboolean      import              (DossierStore   *store,
                                   GBytes         *bytes,
                                   GError        **error);
void          assert_import_fails (const char     *json,
                                   gssize          len,
                                   const char     *message_part);
char         *replace_once        (const char     *text,
                                   const char     *from,
                                   const char     *to);
const char   *nth_uuid            (const char     *text,
                                   const char     *section,
                                   int             n);
const char   *cli_path            (void);
int           run_cli             (char          **err,
                                   const char     *first,
                                   ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
