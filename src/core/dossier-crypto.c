/* dossier-crypto.c: the data key, sealed values, keyholders' wraps and the recovery key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The primitives of protection, with libsodium (not SQLCipher: Debian's is SQLite 3.15,
 * without FTS5 or sessions). A dossier has one random 32-byte data key; each protected value
 * is sealed with it on its own (XChaCha20-Poly1305, whose 24-byte nonces can be drawn at
 * random without counting), bound by its additional data to the table, record and column it
 * belongs to. The data key never lies anywhere in clear: each keyholder holds it wrapped under
 * a key derived from a passphrase with Argon2id, or from the recovery key.
 *
 * The byte formats are described in dossier-crypto.h.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "dossier-crypto-private.h"

G_DEFINE_QUARK (dossier-crypto-error-quark, dossier_crypto_error)


/* Whatever sodium_init() said, once per process; every entry point asks. */
gboolean
_dossier_crypto_ensure_init (void)
{
  if (!dossier_crypto_init ())
    g_error ("libsodium could not be initialised");
  return TRUE;
}

/**
 * dossier_crypto_init:
 *
 * Initialises libsodium once per process, whichever thread calls first. Every function of
 * this file calls it; a program may call it early so that the first unlock does not pay it.
 *
 * Returns: %TRUE if libsodium can be used
 */
gboolean
dossier_crypto_init (void)
{
  static gsize done = 0;
  static gboolean ok = FALSE;

  if (g_once_init_enter (&done))
    {
      /* 1 when some other library initialised it already: as good. */
      ok = sodium_init () >= 0;
      g_once_init_leave (&done, 1);
    }
  return ok;
}

/* Additional data: @first, then each further string, separated by NUL bytes (none of them
 * can hold one, so no two lists give the same bytes). */
GString *
_dossier_crypto_additional_data (const char *first,
                 ...)
{
  GString *ad = g_string_new (first);
  const char *part;
  va_list args;

  va_start (args, first);
  while ((part = va_arg (args, const char *)) != NULL)
    {
      g_string_append_c (ad, '\0');
      g_string_append (ad, part);
    }
  va_end (args);
  return ad;
}

/* The data key ------------------------------------------------------------------------------ */


G_DEFINE_BOXED_TYPE (DossierKey, dossier_key, dossier_key_ref, dossier_key_unref)

/* A key whose bytes are writable, for its maker to fill and then close with _dossier_crypto_key_close (). */
DossierKey *
_dossier_crypto_key_alloc (void)
{
  DossierKey *key;

  _dossier_crypto_ensure_init ();
  key = g_new0 (DossierKey, 1);
  g_atomic_ref_count_init (&key->ref_count);
  g_mutex_init (&key->lock);
  key->bytes = sodium_malloc (DOSSIER_KEY_SIZE);
  if (key->bytes == NULL)
    g_error ("sodium_malloc failed: no memory for a key");
  return key;
}

void
_dossier_crypto_key_close (DossierKey *key)
{
  sodium_mprotect_noaccess (key->bytes);
}

const guint8 *
_dossier_crypto_key_begin_use (DossierKey *key)
{
  g_mutex_lock (&key->lock);
  if (key->users++ == 0)
    sodium_mprotect_readonly (key->bytes);
  g_mutex_unlock (&key->lock);
  return key->bytes;
}

void
_dossier_crypto_key_end_use (DossierKey *key)
{
  g_mutex_lock (&key->lock);
  g_assert (key->users > 0);
  if (--key->users == 0)
    sodium_mprotect_noaccess (key->bytes);
  g_mutex_unlock (&key->lock);
}

/**
 * dossier_key_new_random:
 *
 * Draws a new data key from the system's random source, for a dossier being protected.
 *
 * Returns: (transfer full): the key, to release with dossier_key_unref()
 */
DossierKey *
dossier_key_new_random (void)
{
  DossierKey *key = _dossier_crypto_key_alloc ();

  randombytes_buf (key->bytes, DOSSIER_KEY_SIZE);
  _dossier_crypto_key_close (key);
  return key;
}

/**
 * dossier_key_ref:
 * @key: a key
 *
 * Returns: (transfer full): @key, with one more reference
 */
DossierKey *
dossier_key_ref (DossierKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  g_atomic_ref_count_inc (&key->ref_count);
  return key;
}

/**
 * dossier_key_unref:
 * @key: (transfer full) (nullable): a key
 *
 * Drops a reference; the last one wipes the key's bytes (sodium_free() zeroes them before
 * giving the pages back). Locking a dossier is dropping its references.
 */
void
dossier_key_unref (DossierKey *key)
{
  if (key == NULL)
    return;
  if (!g_atomic_ref_count_dec (&key->ref_count))
    return;
  g_assert (key->users == 0);
  sodium_free (key->bytes);
  g_mutex_clear (&key->lock);
  g_free (key);
}

/* Sealed values ------------------------------------------------------------------------------ */

/**
 * dossier_crypto_seal:
 * @key: the dossier's data key
 * @table: the table the value is stored in, such as `identity`
 * @uuid: the uuid of the record it belongs to
 * @column: its column; a value cut in pieces names each piece (`bytes#3`), so that pieces
 *   cannot be swapped
 * @clear: (array length=len) (nullable): the clear bytes
 * @len: their number
 *
 * Seals a value for one place: dossier_crypto_open() gives it back only with the same key,
 * @table, @uuid and @column. Each call draws a new nonce, so the same value sealed twice gives
 * different bytes and tells nothing of their equality. The format is in dossier-crypto.h.
 *
 * Returns: (transfer full): the sealed value, DOSSIER_CRYPTO_SEAL_OVERHEAD bytes longer than @len
 */
GBytes *
dossier_crypto_seal (DossierKey   *key,
                     const char   *table,
                     const char   *uuid,
                     const char   *column,
                     const guint8 *clear,
                     gsize         len)
{
  static const guint8 empty[1] = { 0 };
  g_autoptr(GString) ad = NULL;
  unsigned long long sealed_len = 0;
  const guint8 *k;
  guint8 *out;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (table != NULL && uuid != NULL && column != NULL, NULL);
  g_return_val_if_fail (clear != NULL || len == 0, NULL);
  g_return_val_if_fail (len <= G_MAXSIZE - DOSSIER_CRYPTO_SEAL_OVERHEAD, NULL);

  ad = _dossier_crypto_additional_data ("dossier-v1", table, uuid, column, NULL);
  out = g_malloc (len + DOSSIER_CRYPTO_SEAL_OVERHEAD);
  memcpy (out, SEAL_MAGIC, MAGIC_SIZE);
  randombytes_buf (out + MAGIC_SIZE, NONCE_SIZE);

  k = _dossier_crypto_key_begin_use (key);
  crypto_aead_xchacha20poly1305_ietf_encrypt (out + MAGIC_SIZE + NONCE_SIZE, &sealed_len,
                                              clear != NULL ? clear : empty, len,
                                              (const guint8 *) ad->str, ad->len,
                                              NULL, out + MAGIC_SIZE, k);
  _dossier_crypto_key_end_use (key);
  g_assert (sealed_len == len + TAG_SIZE);

  return g_bytes_new_take (out, len + DOSSIER_CRYPTO_SEAL_OVERHEAD);
}

/**
 * dossier_crypto_seal_text:
 * @key: the dossier's data key
 * @table: the table the value is stored in
 * @uuid: the uuid of its record
 * @column: its column
 * @text: UTF-8 text
 *
 * Seals @text (without its NUL) as dossier_crypto_seal() does.
 *
 * Returns: (transfer full): the sealed value
 */
GBytes *
dossier_crypto_seal_text (DossierKey *key,
                          const char *table,
                          const char *uuid,
                          const char *column,
                          const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return dossier_crypto_seal (key, table, uuid, column, (const guint8 *) text, strlen (text));
}

/**
 * dossier_crypto_is_sealed:
 * @blob: (array length=len) (nullable): stored bytes
 * @len: their number
 *
 * Tells a sealed value from a clear one by its magic and size, without a key; it does not
 * say that the value is intact (only opening it does).
 *
 * Returns: %TRUE if @blob looks like a value dossier_crypto_seal() made
 */
gboolean
dossier_crypto_is_sealed (const guint8 *blob,
                          gsize         len)
{
  g_return_val_if_fail (blob != NULL || len == 0, FALSE);

  return len >= DOSSIER_CRYPTO_SEAL_OVERHEAD && memcmp (blob, SEAL_MAGIC, MAGIC_SIZE) == 0;
}

/* Opens @blob into a new buffer one byte longer than the clear value, so that text can end in
 * a NUL without a copy. */
static guint8 *
open_sealed (DossierKey    *key,
             const char    *table,
             const char    *uuid,
             const char    *column,
             const guint8  *blob,
             gsize          len,
             gsize         *out_len,
             GError       **error)
{
  g_autoptr(GString) ad = NULL;
  unsigned long long clear_len = 0;
  const guint8 *k;
  guint8 *clear;
  int rc;

  if (key == NULL)
    {
      g_set_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_LOCKED,
                   _("This value is protected: unlock the dossier to read it"));
      return NULL;
    }
  if (len >= 3 && memcmp (blob, SEAL_MAGIC, 3) == 0 && (len < MAGIC_SIZE || blob[3] != SEAL_MAGIC[3]))
    {
      g_set_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_DAMAGED,
                   len < MAGIC_SIZE ? _("This protected value is damaged: it is cut short")
                                    : _("This protected value was sealed by a newer version of Dossier"));
      return NULL;
    }
  if (len < MAGIC_SIZE || memcmp (blob, SEAL_MAGIC, MAGIC_SIZE) != 0)
    {
      g_set_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_DAMAGED,
                   _("This protected value is damaged: it is not a sealed value"));
      return NULL;
    }
  if (len < DOSSIER_CRYPTO_SEAL_OVERHEAD)
    {
      g_set_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_DAMAGED,
                   _("This protected value is damaged: it is cut short"));
      return NULL;
    }

  ad = _dossier_crypto_additional_data ("dossier-v1", table, uuid, column, NULL);
  clear = g_malloc (len - DOSSIER_CRYPTO_SEAL_OVERHEAD + 1);
  k = _dossier_crypto_key_begin_use (key);
  /* The tag is checked before anything is decrypted: a damaged value writes nothing. */
  rc = crypto_aead_xchacha20poly1305_ietf_decrypt (clear, &clear_len, NULL,
                                                   blob + MAGIC_SIZE + NONCE_SIZE,
                                                   len - MAGIC_SIZE - NONCE_SIZE,
                                                   (const guint8 *) ad->str, ad->len,
                                                   blob + MAGIC_SIZE, k);
  _dossier_crypto_key_end_use (key);
  if (rc != 0)
    {
      g_free (clear);
      g_set_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_DAMAGED,
                   _("This protected value is damaged, or was moved from another record or field"));
      return NULL;
    }
  g_assert (clear_len == len - DOSSIER_CRYPTO_SEAL_OVERHEAD);
  *out_len = clear_len;
  return clear;
}

/**
 * dossier_crypto_open:
 * @key: (nullable): the dossier's data key, or %NULL when the dossier is locked
 * @table: the table the value was read from
 * @uuid: the uuid of its record
 * @column: its column
 * @blob: (array length=len) (nullable): the sealed value
 * @len: its size
 * @error: return location for a %DOSSIER_CRYPTO_ERROR
 *
 * Opens a value sealed by dossier_crypto_seal() for the same place. Any input is safe: a cut,
 * altered or moved value, or bytes that were never sealed, give
 * %DOSSIER_CRYPTO_ERROR_DAMAGED; a %NULL @key gives %DOSSIER_CRYPTO_ERROR_LOCKED.
 *
 * Returns: (transfer full): the clear bytes, or %NULL with @error set
 */
GBytes *
dossier_crypto_open (DossierKey    *key,
                     const char    *table,
                     const char    *uuid,
                     const char    *column,
                     const guint8  *blob,
                     gsize          len,
                     GError       **error)
{
  guint8 *clear;
  gsize clear_len;

  g_return_val_if_fail (table != NULL && uuid != NULL && column != NULL, NULL);
  g_return_val_if_fail (blob != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  clear = open_sealed (key, table, uuid, column, blob, len, &clear_len, error);
  if (clear == NULL)
    return NULL;
  return g_bytes_new_take (clear, clear_len);
}

/**
 * dossier_crypto_open_text:
 * @key: (nullable): the dossier's data key, or %NULL when the dossier is locked
 * @table: the table the value was read from
 * @uuid: the uuid of its record
 * @column: its column
 * @blob: (array length=len) (nullable): a value sealed by dossier_crypto_seal_text()
 * @len: its size
 * @error: return location for a %DOSSIER_CRYPTO_ERROR
 *
 * Opens text as dossier_crypto_open() opens bytes; what opens but is not UTF-8 without NUL
 * is %DOSSIER_CRYPTO_ERROR_DAMAGED too.
 *
 * Returns: (transfer full): the text, or %NULL with @error set
 */
char *
dossier_crypto_open_text (DossierKey    *key,
                          const char    *table,
                          const char    *uuid,
                          const char    *column,
                          const guint8  *blob,
                          gsize          len,
                          GError       **error)
{
  guint8 *clear;
  gsize clear_len;

  g_return_val_if_fail (table != NULL && uuid != NULL && column != NULL, NULL);
  g_return_val_if_fail (blob != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  clear = open_sealed (key, table, uuid, column, blob, len, &clear_len, error);
  if (clear == NULL)
    return NULL;
  /* g_utf8_validate_len() refuses a NUL within the length as well. */
  if (!g_utf8_validate_len ((const char *) clear, clear_len, NULL))
    {
      sodium_memzero (clear, clear_len);
      g_free (clear);
      g_set_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_DAMAGED,
                   _("This protected value is damaged: it is not text"));
      return NULL;
    }
  clear[clear_len] = '\0';
  return (char *) clear;
}

