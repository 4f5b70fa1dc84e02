/* dossier-search.h: full-text search over a dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-store.h"

G_BEGIN_DECLS

/* Snippets mark matches with these two control characters; see
 * dossier_search_snippet_to_markup() and dossier_search_snippet_to_plain(). */
#define DOSSIER_SEARCH_MATCH_START "\x02"
#define DOSSIER_SEARCH_MATCH_END   "\x03"

typedef struct {
  char   *kind;       /* "incident", "testimony", "evidence" or "actor" */
  gint64  id;
  char   *code;
  char   *title;      /* in the requested language where the record has two */
  char   *snippet;    /* an excerpt with the matches marked */
  double  rank;       /* bm25: lower is better */
} DossierSearchHit;

void       dossier_search_hit_free            (DossierSearchHit *hit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierSearchHit, dossier_search_hit_free)

char      *dossier_search_build_query         (const char    *text);
GPtrArray *dossier_store_search               (DossierStore  *store,
                                               const char    *text,
                                               const char    *lang,
                                               guint          limit,
                                               GError       **error);
GPtrArray *dossier_store_search_cancellable   (DossierStore  *store,
                                               const char    *text,
                                               const char    *lang,
                                               guint          limit,
                                               GCancellable  *cancellable,
                                               GError       **error);
gint64     dossier_store_search_count         (DossierStore  *store,
                                               const char    *text,
                                               GError       **error);
char      *dossier_search_snippet_to_markup   (const char    *snippet);
char      *dossier_search_snippet_to_plain    (const char    *snippet,
                                               const char    *open,
                                               const char    *close);

G_END_DECLS
