/* dossier-bagit-validate.c: whether a bag is complete and valid (RFC 8493 §3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The checks of a bag's declaration, bag-info.txt and dossier-evidence.txt against what
 * dossier-bagit-read.c found, then, for a bag that passed them all, every listed file read
 * once and compared with its SHA-256.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dossier-bagit.h"
#include "dossier-bagit-private.h"
#include "dossier-digest.h"

/* How many times the tag file gives @label (RFC 8493: labels regardless of case); the value
 * of its first in @value. */
static guint
count_tag (GPtrArray   *labels,
           GPtrArray   *values,
           const char  *label,
           const char **value)
{
  guint times = 0;

  *value = NULL;
  for (guint i = 0; i < labels->len; i++)
    if (g_ascii_strcasecmp (labels->pdata[i], label) == 0 && times++ == 0)
      *value = values->pdata[i];
  return times;
}

/* bagit.txt: exactly its two elements, once each (RFC 8493 §2.1.1). */
static void
check_declaration (Bag *bag)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  static const char * const elements[] = { "BagIt-Version", "Tag-File-Character-Encoding" };
  const char *version, *encoding;
  guint versions, encodings;

  if (!_dossier_bagit_read_tags (bag, "bagit.txt", FALSE, labels, values))
    {
      _dossier_bagit_problem (bag->problems, _("bagit.txt is missing or does not declare a BagIt version"));
      return;
    }
  versions = count_tag (labels, values, elements[0], &version);
  encodings = count_tag (labels, values, elements[1], &encoding);
  for (guint i = 0; i < G_N_ELEMENTS (elements); i++)
    if ((i == 0 ? versions : encodings) > 1)
      /* Translators: a tag file, then an element that may be given once only */
      _dossier_bagit_problem (bag->problems, _("%s gives %s more than once"), "bagit.txt", elements[i]);
  if (versions == 0 || !g_regex_match_simple ("^[0-9]+\\.[0-9]+$", version, 0, 0))
    _dossier_bagit_problem (bag->problems, _("bagit.txt is missing or does not declare a BagIt version"));
  if (encodings == 0)
    _dossier_bagit_problem (bag->problems, _("bagit.txt does not say in which encoding the tag files are"));
  else if (g_ascii_strcasecmp (encoding, "UTF-8") != 0)
    {
      g_autofree char *display = _dossier_bagit_shown (encoding);

      /* Translators: %s is a character encoding a bag declares */
      _dossier_bagit_problem (bag->problems, _("bagit.txt declares the tag files in %s; Dossier reads them in UTF-8 only"), display);
    }
  for (guint i = 0; i < labels->len; i++)
    if (g_ascii_strcasecmp (labels->pdata[i], elements[0]) != 0 && g_ascii_strcasecmp (labels->pdata[i], elements[1]) != 0)
      {
        g_autofree char *display = _dossier_bagit_shown (labels->pdata[i]);

        /* Translators: %s is an element found in bagit.txt */
        _dossier_bagit_problem (bag->problems, _("bagit.txt holds “%s”, which is none of its two elements"), display);
      }
}

/* bag-info.txt, when there is one: the elements the RFC says are given once given once, and
 * the Payload-Oxum against what lstat() found in the payload, before any byte is read. */
static void
check_info (Bag     *bag,
            guint64  octets,
            guint    files)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  /* RFC 8493 §2.2.2: these “SHOULD NOT be repeated”; a second Payload-Oxum would be a
   * second answer to one question, and which one counts a matter of luck. */
  static const char * const once[] = { "Bagging-Date", "Bag-Size", "Payload-Oxum", "Bag-Group-Identifier", "Bag-Count" };
  const char *oxum;
  g_auto(GStrv) parts = NULL;
  guint64 declared_octets = 0, declared_files = 0;

  if (!_dossier_bagit_read_tags (bag, "bag-info.txt", FALSE, labels, values))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (once); i++)
    {
      const char *value;

      if (count_tag (labels, values, once[i], &value) > 1)
        _dossier_bagit_problem (bag->problems, _("%s gives %s more than once"), "bag-info.txt", once[i]);
    }
  if (count_tag (labels, values, "Payload-Oxum", &oxum) == 0)
    return;
  parts = g_strsplit (oxum, ".", -1);
  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, G_MAXUINT64, &declared_octets, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXUINT64, &declared_files, NULL))
    {
      g_autofree char *display = _dossier_bagit_shown (oxum);

      /* Translators: %s is the value a bag gives for its Payload-Oxum */
      _dossier_bagit_problem (bag->problems, _("Payload-Oxum “%s” is not octets and files, as 1234.5"), display);
    }
  else if (declared_octets != octets || declared_files != files)
    /* Translators: the numbers a bag declares, then those found */
    _dossier_bagit_problem (bag->problems, _("Payload-Oxum says %llu.%llu, the payload is %llu.%u"), (unsigned long long) declared_octets,
                            (unsigned long long) declared_files, (unsigned long long) octets, files);
}

/* dossier-evidence.txt: for each evidence item of data/dossier.json, the payload file of its
 * bytes, or “-” when the dossier the bag was made from had none. The file is the bag's own
 * word on which items had bytes: an item said to have them must find them in the manifest,
 * and every payload file but the dossier must be an item's. */
static void
check_evidence_list (Bag *bag)
{
  g_autofree char *path = g_build_filename (bag->dir, EVIDENCE_LIST, NULL);
  g_autoptr(GString) line = g_string_sized_new (256);
  LineStatus status;
  guint number = 0;
  GStatBuf st;
  FILE *in;
  Lines lines;

  if (g_lstat (path, &st) != 0 && errno == ENOENT)
    {
      /* Translators: %s is a file of the bag */
      _dossier_bagit_problem (bag->problems, _("%s is missing: the bag does not say which evidence items had bytes"), EVIDENCE_LIST);
      return;
    }
  in = _dossier_bagit_open_tag_file (bag, EVIDENCE_LIST, MANIFEST_LIMIT, TRUE);
  if (in == NULL)
    return;
  _dossier_bagit_lines_init (&lines, in);
  while ((status = _dossier_bagit_read_line (&lines, LINE_LIMIT, line)) != LINE_END)
    {
      char *space;
      g_autofree char *code = NULL;
      g_autofree char *display = NULL;
      g_autofree char *relative = NULL;
      Entry *entry = NULL;

      number++;
      if (status == LINE_OK && line->len == 0)
        continue;
      space = status == LINE_OK ? strstr (line->str, "  ") : NULL;
      if (space != NULL)
        {
          *space = '\0';
          code = _dossier_bagit_decode_field (line->str, TRUE);
        }
      if (space == NULL || code == NULL || *code == '\0' || !g_utf8_validate (code, -1, NULL) || space[2] == '\0')
        {
          /* Translators: a file of the bag, then a line number */
          _dossier_bagit_problem (bag->problems, _("%s, line %u: not an evidence code and a path"), EVIDENCE_LIST, number);
          if (status == LINE_TOO_LONG)
            break;
          continue;
        }
      display = _dossier_bagit_shown (code);
      if (g_hash_table_contains (bag->evidence, code))
        {
          /* Translators: a file of the bag, then an evidence code */
          _dossier_bagit_problem (bag->problems, _("%s gives the bytes of %s more than once"), EVIDENCE_LIST, display);
          continue;
        }
      if (g_hash_table_size (bag->evidence) == FILES_LIMIT)
        {
          _dossier_bagit_problem (bag->problems, _("%s lists more than %u files, more than a dossier’s bag holds"), EVIDENCE_LIST, FILES_LIMIT);
          break;
        }
      if (!g_str_equal (space + 2, "-"))
        {
          /* Only looked up among the manifest's checked paths: a path of this list is never
           * opened as it stands. */
          relative = _dossier_bagit_decode_field (space + 2, FALSE);
          entry = relative != NULL ? g_hash_table_lookup (bag->by_path, relative) : NULL;
          if (entry == NULL)
            {
              g_autofree char *where = _dossier_bagit_shown (space + 2);

              /* Translators: an evidence code, then the path its bytes should have in the bag */
              _dossier_bagit_problem (bag->problems, _("%s had its bytes in the dossier the bag was made from, but the bag does not hold them (%s)"),
                                      display, where);
              continue;
            }
          if (!g_str_has_prefix (entry->path, "data/evidence/") || entry->claimed)
            {
              g_autofree char *where = _dossier_bagit_shown (entry->path);

              /* Translators: an evidence code, then a path of the bag */
              _dossier_bagit_problem (bag->problems, _("the bytes of %s are said to be “%s”, which is not a file of its own under data/evidence/"),
                                      display, where);
              continue;
            }
          entry->claimed = TRUE;
        }
      g_hash_table_insert (bag->evidence, g_steal_pointer (&code), entry);
    }
  if (!_dossier_bagit_lines_clear (&lines))
    _dossier_bagit_problem (bag->problems, _("%s cannot be read"), EVIDENCE_LIST);
  /* What the payload holds that no item owns: bytes the dossier knows nothing of. */
  for (guint i = 0; i < bag->payload->len; i++)
    {
      Entry *entry = bag->payload->pdata[i];

      if (!entry->claimed && !g_str_equal (entry->path, "data/dossier.json"))
        {
          g_autofree char *display = _dossier_bagit_shown (entry->path);

          /* Translators: a file of the bag's payload */
          _dossier_bagit_problem (bag->problems, _("“%s” is in the payload but belongs to no evidence item of the dossier"), display);
        }
    }
  if (!g_hash_table_contains (bag->tag_paths, EVIDENCE_LIST))
    /* Translators: %s is a file of the bag */
    _dossier_bagit_problem (bag->problems, _("%s is not in the tag manifest tagmanifest-sha256.txt"), EVIDENCE_LIST);
}

/* Reads each listed file once, but those the import reads itself (@skip_claimed). */
static void
hash_entries (Bag       *bag,
              GPtrArray *entries,
              gboolean   skip_claimed)
{
  for (guint i = 0; i < entries->len && !g_cancellable_is_cancelled (bag->cancellable); i++)
    {
      Entry *entry = entries->pdata[i];
      g_autofree char *path = NULL;
      g_autofree char *sha = NULL;
      g_autofree char *display = NULL;
      g_autoptr(GError) error = NULL;
      guint64 size;

      if (skip_claimed && entry->claimed)
        continue;
      path = g_build_filename (bag->dir, entry->path, NULL);
      sha = dossier_sha256_file (path, entry->size, &size, bag->cancellable, &error);
      if (sha == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        break;
      display = _dossier_bagit_shown (entry->path);
      if (sha == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
        _dossier_bagit_problem (bag->problems, _("“%s” changed while it was being checked"), display);
      else if (sha == NULL)
        _dossier_bagit_problem (bag->problems, _("“%s” cannot be read"), display);
      else if (!g_str_equal (sha, entry->sha256))
        /* Translators: a path whose bytes changed */
        _dossier_bagit_problem (bag->problems, _("“%s” does not match its SHA-256"), display);
    }
}

/* Checks the bag at @dir into @bag (see dossier_bagit_validate()). With @importing, the
 * evidence files are left for the import to read: it hashes them as it brings them in. */
gboolean
_dossier_bagit_validate (const char    *dir,
                         gboolean       importing,
                         Bag           *bag,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  GStatBuf st;
  guint64 octets = 0;
  GHashTableIter iter;
  gpointer key;

  _dossier_bagit_bag_init (bag, dir, cancellable);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *display = g_filename_display_name (dir);

      /* Translators: %s is a path */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY, _("“%s” is not a bag: not a folder"), display);
      return FALSE;
    }
  check_declaration (bag);
  if (g_lstat (data, &st) != 0 || !S_ISDIR (st.st_mode))
    {
      _dossier_bagit_problem (bag->problems, _("the payload folder data/ is missing"));
      return FALSE;
    }
  /* First pass: nothing but the tag files is read. */
  if (!_dossier_bagit_read_manifest (bag, "manifest-sha256.txt", TRUE, bag->payload, bag->by_path))
    return FALSE;
  _dossier_bagit_stat_entries (bag, bag->payload, G_MAXUINT64);
  if (!_dossier_bagit_list_payload (bag, "data", present, &octets))
    return FALSE;
  g_hash_table_iter_init (&iter, present);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (bag->by_path, key))
      {
        g_autofree char *display = _dossier_bagit_shown (key);

        /* Translators: a file of the bag's payload that no manifest lists */
        _dossier_bagit_problem (bag->problems, _("“%s” is in the payload but not in the manifest"), display);
      }
  check_info (bag, octets, g_hash_table_size (present));
  if (!_dossier_bagit_read_manifest (bag, "tagmanifest-sha256.txt", FALSE, bag->tags, bag->tag_paths))
    return FALSE;
  _dossier_bagit_stat_entries (bag, bag->tags, MANIFEST_LIMIT);
  if (g_hash_table_contains (bag->by_path, "data/dossier.json"))
    check_evidence_list (bag);
  if (bag->problems->len > 0)
    return FALSE;

  /* Second pass: every byte, each file once. */
  hash_entries (bag, bag->tags, FALSE);
  hash_entries (bag, bag->payload, importing);
  /* Stopped, the bag is neither valid nor invalid. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_ptr_array_set_size (bag->problems, 0);
      return FALSE;
    }
  return bag->problems->len == 0;
}

/**
 * dossier_bagit_validate:
 * @dir: a bag
 * @problems: (out) (transfer full) (element-type utf8): what is wrong, in words
 * @error: return location for a #GError, set only when @dir is not a folder
 *
 * Checks that the bag is complete and valid (RFC 8493 §3): its declaration, every file of
 * its manifests present with its SHA-256, each listed once, no payload file unlisted, the
 * Payload-Oxum of bag-info.txt right and given once, no manifest path leaving the bag, and
 * no tag file of absurd size. A bag holding a dossier must also say, in
 * dossier-evidence.txt, which evidence items had bytes: an item said to have them must
 * find them in the bag, and every payload file must be the dossier or an item's bytes.
 * What a stat() can find is checked first: a bag that fails it is not read further.
 *
 * Returns: %TRUE if the bag is complete and valid
 */
gboolean
dossier_bagit_validate (const char  *dir,
                        GPtrArray  **problems,
                        GError     **error)
{
  Bag bag;
  gboolean valid;

  g_return_val_if_fail (dir != NULL, FALSE);

  valid = _dossier_bagit_validate (dir, FALSE, &bag, NULL, error);
  if (problems != NULL && (valid || bag.problems->len > 0))
    *problems = g_ptr_array_ref (bag.problems);
  else if (problems != NULL)
    *problems = NULL;
  _dossier_bagit_bag_clear (&bag);
  return valid;
}
