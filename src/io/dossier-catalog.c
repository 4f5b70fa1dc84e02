/* dossier-catalog.c: the program's messages in a language chosen for a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An annex is written in the language its author chooses, whatever the language of the
 * interface. gettext answers only in the process's language, so the compiled catalogue
 * (the .mo file made from po/) is read here directly: a header, then two tables of
 * (length, offset) pairs for the original and translated strings. Plural forms sit in one
 * entry separated by NUL; the languages shipped (French, English) need only the rule
 * n > 1 (French) or n != 1 (English).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dossier-catalog.h"

struct _DossierCatalog
{
  char       *lang;
  GBytes     *mo;
  GHashTable *strings;   /* msgid (the singular for plurals) → translation, inside @mo */
  GHashTable *ends;      /* msgid → the end of its translation (its last NUL) */
};

static guint32
read_u32 (const guint8 *p,
          gboolean      swap)
{
  guint32 v;

  memcpy (&v, p, 4);
  return swap ? GUINT32_SWAP_LE_BE (v) : v;
}

static gboolean
parse (DossierCatalog *catalog,
       const char     *path,
       GError        **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (catalog->mo, &size);
  guint32 magic, n, originals, translations;
  gboolean swap;

  if (size < 28)
    goto bad;
  memcpy (&magic, data, 4);
  if (magic == 0x950412de)
    swap = FALSE;
  else if (magic == 0xde120495)
    swap = TRUE;
  else
    goto bad;
  n = read_u32 (data + 8, swap);
  originals = read_u32 (data + 12, swap);
  translations = read_u32 (data + 16, swap);
  if (originals > size || translations > size || n > (size - originals) / 8 || n > (size - translations) / 8)
    goto bad;
  for (guint32 i = 0; i < n; i++)
    {
      guint32 olen = read_u32 (data + originals + 8 * i, swap);
      guint32 ooff = read_u32 (data + originals + 8 * i + 4, swap);
      guint32 tlen = read_u32 (data + translations + 8 * i, swap);
      guint32 toff = read_u32 (data + translations + 8 * i + 4, swap);

      /* Each string is followed by a NUL, which the lengths leave out. */
      if (ooff > size || olen >= size - ooff || toff > size || tlen >= size - toff ||
          data[ooff + olen] != '\0' || data[toff + tlen] != '\0')
        goto bad;
      if (olen > 0)
        {
          g_hash_table_insert (catalog->strings, (gpointer) (data + ooff), (gpointer) (data + toff));
          g_hash_table_insert (catalog->ends, (gpointer) (data + ooff), (gpointer) (data + toff + tlen));
        }
    }
  return TRUE;

bad:
  {
    g_autofree char *display = g_filename_display_name (path);

    /* Translators: %s is a file of translations */
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, _("“%s” is not a catalogue of translations"), display);
  }
  return FALSE;
}

/**
 * dossier_catalog_new:
 * @lang: "en" (the messages as written) or a language with a catalogue, such as "fr"
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the catalogue, or %NULL if the language's
 *   translations are not installed
 */
DossierCatalog *
dossier_catalog_new (const char  *lang,
                     GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  const char *dir = g_getenv ("DOSSIER_LOCALEDIR") ? g_getenv ("DOSSIER_LOCALEDIR") : LOCALEDIR;
  g_autofree char *name = g_strconcat (GETTEXT_PACKAGE, ".mo", NULL);
  g_autofree char *path = NULL;
  DossierCatalog *catalog;

  g_return_val_if_fail (lang != NULL, NULL);

  catalog = g_new0 (DossierCatalog, 1);
  catalog->lang = g_strdup (lang);
  catalog->strings = g_hash_table_new (g_str_hash, g_str_equal);
  catalog->ends = g_hash_table_new (g_str_hash, g_str_equal);
  if (g_str_equal (lang, "en"))
    return catalog;

  path = g_build_filename (dir, lang, "LC_MESSAGES", name, NULL);
  file = g_mapped_file_new (path, FALSE, NULL);
  if (file == NULL)
    {
      /* Translators: %s is a language code such as “fr” */
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("The translations for “%s” are not installed"), lang);
      dossier_catalog_free (catalog);
      return NULL;
    }
  catalog->mo = g_mapped_file_get_bytes (file);
  if (!parse (catalog, path, error))
    {
      dossier_catalog_free (catalog);
      return NULL;
    }
  return catalog;
}

void
dossier_catalog_free (DossierCatalog *catalog)
{
  if (catalog == NULL)
    return;
  g_hash_table_unref (catalog->strings);
  g_hash_table_unref (catalog->ends);
  g_clear_pointer (&catalog->mo, g_bytes_unref);
  g_free (catalog->lang);
  g_free (catalog);
}

const char *
dossier_catalog_lang (DossierCatalog *catalog)
{
  return catalog->lang;
}

/**
 * dossier_catalog_get:
 * @catalog: a #DossierCatalog
 * @msgid: a message as written in the sources (marked with N_() for extraction)
 *
 * Returns: its translation, or @msgid itself when there is none
 */
const char *
dossier_catalog_get (DossierCatalog *catalog,
                     const char     *msgid)
{
  const char *translated = g_hash_table_lookup (catalog->strings, msgid);

  return translated != NULL && *translated != '\0' ? translated : msgid;
}

/**
 * dossier_catalog_nget:
 * @catalog: a #DossierCatalog
 * @msgid: the singular, as written
 * @msgid_plural: the plural, as written
 * @n: the number the message is about
 *
 * Returns: the form of the translation for @n
 */
const char *
dossier_catalog_nget (DossierCatalog *catalog,
                      const char     *msgid,
                      const char     *msgid_plural,
                      gulong          n)
{
  const char *translated = g_hash_table_lookup (catalog->strings, msgid);
  const char *end = g_hash_table_lookup (catalog->ends, msgid);
  gboolean plural = g_str_equal (catalog->lang, "fr") ? n > 1 : n != 1;

  if (translated == NULL || *translated == '\0')
    return plural ? msgid_plural : msgid;
  if (!plural)
    return translated;
  /* The second form, when the entry has one. */
  translated += strlen (translated) + 1;
  return translated <= end ? translated : msgid_plural;
}
