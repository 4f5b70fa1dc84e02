/* dossier-json-io-private.h: what the files of the JSON interchange share, and nothing else includes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "dossier-record.h"
#include "dossier-store.h"

G_BEGIN_DECLS

/* A list of the document: a record type, or a kind of link. */
typedef struct {
  const char  *key;
  GType      (*get_type) (void);
  int          link_kind;  /* -1 for records */
  gboolean     optional;   /* may be missing from documents of earlier versions */
} Section;

/* In dependency order: what a record refers to comes before it. */
extern const Section _dossier_json_io_sections[];
extern const guint   _dossier_json_io_n_sections;

/* The document's text, read from @pos (dossier-json-io-scan.c). */
typedef struct {
  const char *data;
  gsize       len;
  gsize       pos;
} Text;

/* Where a value stands in the text. */
typedef struct {
  gsize start;
  gsize end;
} Span;

/* A reference to a record of the same kind (an actor's parent): the other record may come
 * later in the list, so it is set once the whole list is in. Inserting in list order keeps
 * the ids, and so the order of a new export, the same as the document's. */
typedef struct {
  gint64              id;
  const DossierField *field;
  char               *uuid;
  char               *where;
} Pending;

typedef struct {
  DossierStore *store;
  const Text   *text;
  JsonParser   *parser;   /* one value at a time */
  GHashTable   *outline;  /* member name → Span */
  GHashTable   *ids;      /* table name → (uuid → id as a pointer to gint64) */
  GArray       *pending;  /* of Pending */
  GHashTable   *highest;  /* code prefix → the highest number of its codes, as a pointer to gint64 */
} Importer;

/* dossier-json-io.c */
DossierRecord *_dossier_json_io_new_record      (const Section       *section);
char          *_dossier_json_io_key             (const DossierField  *field);

/* dossier-json-io-scan.c */
gboolean       _dossier_json_io_invalid         (GError             **error,
                                                 const char          *where,
                                                 const char          *what);
void           _dossier_json_io_skip_space      (Text                *t);
gboolean       _dossier_json_io_skip_value      (Text                *t,
                                                 int                  depth,
                                                 const char          *where,
                                                 GError             **error);
gboolean       _dossier_json_io_expect          (Text                *t,
                                                 char                 c,
                                                 GError             **error);
JsonNode      *_dossier_json_io_parse_value     (const Text          *t,
                                                 JsonParser          *parser,
                                                 Span                 span,
                                                 const char          *where,
                                                 GError             **error);
GHashTable    *_dossier_json_io_read_outline    (Text                *t,
                                                 JsonParser          *parser,
                                                 GError             **error);

/* dossier-json-io-record.c */
void           _dossier_json_io_pending_clear   (gpointer             data);
gboolean       _dossier_json_io_is_string       (JsonNode            *node);
gboolean       _dossier_json_io_is_integer      (JsonNode            *node);
gboolean       _dossier_json_io_is_timestamp    (const char          *text);
JsonNode      *_dossier_json_io_get_member      (JsonObject          *o,
                                                 const char          *where,
                                                 const char          *key,
                                                 GError             **error);
gboolean       _dossier_json_io_check_text      (const char          *table,
                                                 const char          *field,
                                                 const char          *text,
                                                 const char          *where,
                                                 GError             **error);
gboolean       _dossier_json_io_import_one      (Importer            *imp,
                                                 const Section       *section,
                                                 JsonNode            *node,
                                                 guint                index,
                                                 GError             **error);
gboolean       _dossier_json_io_resolve_pending (Importer            *imp,
                                                 GError             **error);

G_END_DECLS
