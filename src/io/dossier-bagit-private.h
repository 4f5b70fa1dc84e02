/* dossier-bagit-private.h: what the files of the BagIt module share, and nothing else includes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>

#include <gio/gio.h>

G_BEGIN_DECLS

/* Limits on what a bag may make Dossier hold or report. Tag files are small; a bag-info of
 * gigabytes is an attack, not a description. A dossier is made for 50,000 evidence items
 * (DESIGN §1): a bag of ten times as many files is no dossier's. A line holds a SHA-256, two
 * spaces and a path of at most PATH_MAX bytes, each percent-encoded at worst. */
#define TAG_FILE_LIMIT (1024 * 1024)
#define MANIFEST_LIMIT (256 * 1024 * 1024)
#define FILES_LIMIT 500000
#define LINE_LIMIT (64 + 2 + 3 * 4096)
#define PROBLEMS_LIMIT 100

#define EVIDENCE_LIST "dossier-evidence.txt"

/* A file a manifest lists. */
typedef struct {
  char     *path;      /* decoded, relative to the bag, checked to stay inside it */
  char     *sha256;    /* in lower case */
  guint64   size;      /* from lstat(), before any byte is read */
  gboolean  claimed;   /* the bytes of an evidence item of dossier-evidence.txt */
} Entry;

/* What validation learnt of a bag. */
typedef struct {
  const char   *dir;
  GCancellable *cancellable;
  GPtrArray    *problems;
  GPtrArray    *payload;    /* Entry, in the order of manifest-sha256.txt */
  GHashTable   *by_path;    /* path → Entry of the payload */
  GPtrArray    *tags;       /* Entry, in the order of tagmanifest-sha256.txt */
  GHashTable   *tag_paths;  /* path → Entry of the tag manifest */
  GHashTable   *evidence;   /* code → Entry of its bytes, or NULL when it had none */
} Bag;

typedef enum {
  LINE_OK,
  LINE_END,
  LINE_BAD,       /* a NUL byte, or not UTF-8 */
  LINE_TOO_LONG,
} LineStatus;

/* A tag file read line by line through a window of bytes (see dossier-bagit-read.c). */
typedef struct {
  FILE     *in;
  char     *chunk;
  gsize     start;
  gsize     end;
  gboolean  failed;
} Lines;

/* dossier-bagit.c */
char       *_dossier_bagit_decode_field   (const char    *text,
                                           gboolean       code);
char       *_dossier_bagit_shown          (const char    *text);

/* dossier-bagit-read.c */
void        _dossier_bagit_problem        (GPtrArray     *problems,
                                           const char    *format,
                                           ...) G_GNUC_PRINTF (2, 3);
void        _dossier_bagit_bag_init       (Bag           *bag,
                                           const char    *dir,
                                           GCancellable  *cancellable);
void        _dossier_bagit_bag_clear      (Bag           *bag);
FILE       *_dossier_bagit_open_tag_file  (Bag           *bag,
                                           const char    *name,
                                           goffset        limit,
                                           gboolean       required);
void        _dossier_bagit_lines_init     (Lines         *lines,
                                           FILE          *in);
gboolean    _dossier_bagit_lines_clear    (Lines         *lines);
LineStatus  _dossier_bagit_read_line      (Lines         *lines,
                                           gsize          limit,
                                           GString       *line);
gboolean    _dossier_bagit_read_manifest  (Bag           *bag,
                                           const char    *name,
                                           gboolean       payload,
                                           GPtrArray     *into,
                                           GHashTable    *index);
void        _dossier_bagit_stat_entries   (Bag           *bag,
                                           GPtrArray     *entries,
                                           guint64        limit);
gboolean    _dossier_bagit_list_payload   (Bag           *bag,
                                           const char    *relative,
                                           GHashTable    *present,
                                           guint64       *octets);
gboolean    _dossier_bagit_read_tags      (Bag           *bag,
                                           const char    *name,
                                           gboolean       required,
                                           GPtrArray     *labels,
                                           GPtrArray     *values);

/* dossier-bagit-validate.c */
gboolean    _dossier_bagit_validate       (const char    *dir,
                                           gboolean       importing,
                                           Bag           *bag,
                                           GCancellable  *cancellable,
                                           GError       **error);

G_END_DECLS
