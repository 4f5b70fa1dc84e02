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

#include "dossier-crypto.h"

G_DEFINE_QUARK (dossier-crypto-error-quark, dossier_crypto_error)

#define SEAL_MAGIC "DSv1"
#define WRAP_MAGIC "DWv1"
#define MAGIC_SIZE 4
#define NONCE_SIZE crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define TAG_SIZE crypto_aead_xchacha20poly1305_ietf_ABYTES
#define SALT_SIZE crypto_pwhash_argon2id_SALTBYTES

G_STATIC_ASSERT (crypto_aead_xchacha20poly1305_ietf_KEYBYTES == DOSSIER_KEY_SIZE);
G_STATIC_ASSERT (MAGIC_SIZE + NONCE_SIZE + TAG_SIZE == DOSSIER_CRYPTO_SEAL_OVERHEAD);
G_STATIC_ASSERT (SALT_SIZE == sizeof ((DossierKeyWrap *) NULL)->salt);
G_STATIC_ASSERT (crypto_generichash_blake2b_SALTBYTES == SALT_SIZE);
G_STATIC_ASSERT (NONCE_SIZE == sizeof ((DossierKeyWrap *) NULL)->nonce);
G_STATIC_ASSERT (DOSSIER_KEY_SIZE + TAG_SIZE == sizeof ((DossierKeyWrap *) NULL)->wrapped_key);
G_STATIC_ASSERT (MAGIC_SIZE + 4 + 4 + 8 + SALT_SIZE + NONCE_SIZE + DOSSIER_KEY_SIZE + TAG_SIZE ==
                 DOSSIER_KEY_WRAP_SERIALIZED_SIZE);

/* Whatever sodium_init() said, once per process; every entry point asks. */
static gboolean
ensure_init (void)
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
static GString *
additional_data (const char *first,
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

struct _DossierKey {
  gatomicrefcount  ref_count;
  /* The bytes are readable only while a seal, an open or a wrap uses them (sodium_mprotect),
   * so that a stray read elsewhere in the process faults instead of finding them. Threads
   * share a key: the first user opens the pages and the last closes them. */
  GMutex           lock;
  guint            users;
  guint8          *bytes;   /* sodium_malloc'd: guarded pages, locked out of swap */
};

G_DEFINE_BOXED_TYPE (DossierKey, dossier_key, dossier_key_ref, dossier_key_unref)

/* A key whose bytes are writable, for its maker to fill and then close with key_close (). */
static DossierKey *
key_alloc (void)
{
  DossierKey *key;

  ensure_init ();
  key = g_new0 (DossierKey, 1);
  g_atomic_ref_count_init (&key->ref_count);
  g_mutex_init (&key->lock);
  key->bytes = sodium_malloc (DOSSIER_KEY_SIZE);
  if (key->bytes == NULL)
    g_error ("sodium_malloc failed: no memory for a key");
  return key;
}

static void
key_close (DossierKey *key)
{
  sodium_mprotect_noaccess (key->bytes);
}

static const guint8 *
key_begin_use (DossierKey *key)
{
  g_mutex_lock (&key->lock);
  if (key->users++ == 0)
    sodium_mprotect_readonly (key->bytes);
  g_mutex_unlock (&key->lock);
  return key->bytes;
}

static void
key_end_use (DossierKey *key)
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
  DossierKey *key = key_alloc ();

  randombytes_buf (key->bytes, DOSSIER_KEY_SIZE);
  key_close (key);
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

  ad = additional_data ("dossier-v1", table, uuid, column, NULL);
  out = g_malloc (len + DOSSIER_CRYPTO_SEAL_OVERHEAD);
  memcpy (out, SEAL_MAGIC, MAGIC_SIZE);
  randombytes_buf (out + MAGIC_SIZE, NONCE_SIZE);

  k = key_begin_use (key);
  crypto_aead_xchacha20poly1305_ietf_encrypt (out + MAGIC_SIZE + NONCE_SIZE, &sealed_len,
                                              clear != NULL ? clear : empty, len,
                                              (const guint8 *) ad->str, ad->len,
                                              NULL, out + MAGIC_SIZE, k);
  key_end_use (key);
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

  ad = additional_data ("dossier-v1", table, uuid, column, NULL);
  clear = g_malloc (len - DOSSIER_CRYPTO_SEAL_OVERHEAD + 1);
  k = key_begin_use (key);
  /* The tag is checked before anything is decrypted: a damaged value writes nothing. */
  rc = crypto_aead_xchacha20poly1305_ietf_decrypt (clear, &clear_len, NULL,
                                                   blob + MAGIC_SIZE + NONCE_SIZE,
                                                   len - MAGIC_SIZE - NONCE_SIZE,
                                                   (const guint8 *) ad->str, ad->len,
                                                   blob + MAGIC_SIZE, k);
  key_end_use (key);
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

/* Keyholders' wraps ------------------------------------------------------------------------- */

G_DEFINE_BOXED_TYPE (DossierKeyWrap, dossier_key_wrap, dossier_key_wrap_copy, dossier_key_wrap_free)

/**
 * dossier_key_wrap_copy:
 * @wrap: a wrap
 *
 * Returns: (transfer full): a copy of @wrap
 */
DossierKeyWrap *
dossier_key_wrap_copy (const DossierKeyWrap *wrap)
{
  g_return_val_if_fail (wrap != NULL, NULL);

  return g_memdup2 (wrap, sizeof *wrap);
}

/**
 * dossier_key_wrap_free:
 * @wrap: (transfer full) (nullable): a wrap
 */
void
dossier_key_wrap_free (DossierKeyWrap *wrap)
{
  g_free (wrap);
}

static gboolean
check_parameters (guint64   opslimit,
                  gsize     memlimit,
                  GError  **error)
{
  g_autofree char *memory = NULL;
  g_autofree char *passes = NULL;

  if (opslimit >= DOSSIER_CRYPTO_OPSLIMIT_MIN && opslimit <= DOSSIER_CRYPTO_OPSLIMIT_MAX &&
      memlimit >= DOSSIER_CRYPTO_MEMLIMIT_MIN && memlimit <= DOSSIER_CRYPTO_MEMLIMIT_MAX)
    return TRUE;

  memory = g_format_size_full (memlimit, G_FORMAT_SIZE_IEC_UNITS);
  passes = g_strdup_printf ("%" G_GUINT64_FORMAT, opslimit);
  /* Translators: the first %s is an amount of memory such as “64.0 MiB”, the second a number */
  g_set_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_BAD_PARAMETERS,
               _("This key asks for %s of memory and %s passes to unlock, beyond what Dossier "
                 "accepts (8 MiB to 1 GiB, 1 to 20 passes): it was refused without being tried"),
               memory, passes);
  return FALSE;
}

/**
 * dossier_key_wrap_check:
 * @wrap: a wrap, such as one rebuilt from a table's columns
 * @error: return location for a %DOSSIER_CRYPTO_ERROR
 *
 * Checks what can be checked without a passphrase: a known kind, and Argon2id parameters
 * within DOSSIER_CRYPTO_OPSLIMIT_MIN…MAX and DOSSIER_CRYPTO_MEMLIMIT_MIN…MAX for a passphrase
 * (%DOSSIER_CRYPTO_ERROR_BAD_PARAMETERS otherwise; memory in whole KiB), none for the
 * recovery key. Unwrapping
 * checks this first, so that a tampered wrap never makes Argon2 take memory or time.
 *
 * Returns: %TRUE if @wrap can be tried
 */
gboolean
dossier_key_wrap_check (const DossierKeyWrap  *wrap,
                        GError               **error)
{
  g_return_val_if_fail (wrap != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (wrap->kind)
    {
    case DOSSIER_KEY_WRAP_PASSPHRASE:
      if (!check_parameters (wrap->opslimit, wrap->memlimit, error))
        return FALSE;
      /* Argon2 counts memory in KiB: other bytes would give a second spelling of the same
       * wrap, which a wrap made here never has. */
      if (wrap->memlimit % 1024 == 0)
        return TRUE;
      break;
    case DOSSIER_KEY_WRAP_RECOVERY:
      if (wrap->opslimit == 0 && wrap->memlimit == 0)
        return TRUE;
      break;
    default:
      break;
    }
  g_set_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_DAMAGED,
               _("This keyholder’s key is damaged: its kind and parameters do not go together"));
  return FALSE;
}

/**
 * dossier_key_wrap_serialize:
 * @wrap: a wrap
 *
 * Writes @wrap in the versioned format of dossier-crypto.h, which dossier_key_wrap_parse()
 * reads back. The keyholder's name is not in it.
 *
 * Returns: (transfer full): DOSSIER_KEY_WRAP_SERIALIZED_SIZE bytes
 */
GBytes *
dossier_key_wrap_serialize (const DossierKeyWrap *wrap)
{
  guint8 *out;
  guint32 ops;
  guint64 mem;

  g_return_val_if_fail (wrap != NULL, NULL);
  g_return_val_if_fail (wrap->opslimit <= G_MAXUINT32, NULL);

  out = g_malloc0 (DOSSIER_KEY_WRAP_SERIALIZED_SIZE);
  memcpy (out, WRAP_MAGIC, MAGIC_SIZE);
  out[4] = (guint8) wrap->kind;
  ops = GUINT32_TO_BE ((guint32) wrap->opslimit);
  mem = GUINT64_TO_BE ((guint64) wrap->memlimit);
  memcpy (out + 8, &ops, 4);
  memcpy (out + 12, &mem, 8);
  memcpy (out + 20, wrap->salt, SALT_SIZE);
  memcpy (out + 36, wrap->nonce, NONCE_SIZE);
  memcpy (out + 60, wrap->wrapped_key, sizeof wrap->wrapped_key);
  return g_bytes_new_take (out, DOSSIER_KEY_WRAP_SERIALIZED_SIZE);
}

/**
 * dossier_key_wrap_parse:
 * @data: (array length=len) (nullable): bytes from dossier_key_wrap_serialize(), or anything
 * @len: their number
 * @error: return location for a %DOSSIER_CRYPTO_ERROR
 *
 * Reads a wrap, refusing anything but exactly one well-formed version 1 wrap
 * (%DOSSIER_CRYPTO_ERROR_DAMAGED), and parameters out of bounds
 * (%DOSSIER_CRYPTO_ERROR_BAD_PARAMETERS, see dossier_key_wrap_check()).
 *
 * Returns: (transfer full): the wrap, or %NULL with @error set
 */
DossierKeyWrap *
dossier_key_wrap_parse (const guint8  *data,
                        gsize          len,
                        GError       **error)
{
  g_autoptr(DossierKeyWrap) wrap = NULL;
  guint32 ops;
  guint64 mem;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len >= MAGIC_SIZE && memcmp (data, WRAP_MAGIC, 3) == 0 && data[3] != WRAP_MAGIC[3])
    {
      g_set_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_DAMAGED,
                   _("This keyholder’s key was made by a newer version of Dossier"));
      return NULL;
    }
  if (len < MAGIC_SIZE || memcmp (data, WRAP_MAGIC, MAGIC_SIZE) != 0)
    {
      g_set_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_DAMAGED,
                   _("This keyholder’s key is damaged: it is not a wrapped key"));
      return NULL;
    }
  if (len != DOSSIER_KEY_WRAP_SERIALIZED_SIZE)
    {
      g_set_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_DAMAGED,
                   len < DOSSIER_KEY_WRAP_SERIALIZED_SIZE
                     ? _("This keyholder’s key is damaged: it is cut short")
                     : _("This keyholder’s key is damaged: it has bytes beyond its end"));
      return NULL;
    }
  if (data[5] != 0 || data[6] != 0 || data[7] != 0)
    {
      g_set_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_DAMAGED,
                   _("This keyholder’s key is damaged: it is not a wrapped key"));
      return NULL;
    }

  wrap = g_new0 (DossierKeyWrap, 1);
  wrap->kind = data[4];
  memcpy (&ops, data + 8, 4);
  memcpy (&mem, data + 12, 8);
  wrap->opslimit = GUINT32_FROM_BE (ops);
  mem = GUINT64_FROM_BE (mem);
  /* On a 32-bit system a larger figure is refused all the same. */
  wrap->memlimit = (gsize) MIN (mem, (guint64) G_MAXSIZE);
  memcpy (wrap->salt, data + 20, SALT_SIZE);
  memcpy (wrap->nonce, data + 36, NONCE_SIZE);
  memcpy (wrap->wrapped_key, data + 60, sizeof wrap->wrapped_key);

  if (!dossier_key_wrap_check (wrap, error))
    return NULL;
  return g_steal_pointer (&wrap);
}

/* The wrapping key of a passphrase: Argon2id of its NFC form, so that "é" typed as one
 * character or as "e" and an accent (macOS writes files so) unlocks alike. Bytes that are not
 * UTF-8 are taken as they are. */
static gboolean
derive_from_passphrase (guint8      *kek,
                        const char  *passphrase,
                        const guint8 salt[SALT_SIZE],
                        guint64      opslimit,
                        gsize        memlimit,
                        GError     **error)
{
  char *normal = NULL;
  const char *pw = passphrase;
  int rc;

  g_assert (opslimit >= DOSSIER_CRYPTO_OPSLIMIT_MIN && opslimit <= DOSSIER_CRYPTO_OPSLIMIT_MAX);
  g_assert (memlimit >= DOSSIER_CRYPTO_MEMLIMIT_MIN && memlimit <= DOSSIER_CRYPTO_MEMLIMIT_MAX);

  if (g_utf8_validate (passphrase, -1, NULL))
    pw = normal = g_utf8_normalize (passphrase, -1, G_NORMALIZE_NFC);
  rc = crypto_pwhash (kek, DOSSIER_KEY_SIZE, pw, strlen (pw), salt, opslimit, memlimit,
                      crypto_pwhash_ALG_ARGON2ID13);
  if (normal != NULL)
    {
      sodium_memzero (normal, strlen (normal));
      g_free (normal);
    }
  if (rc != 0)
    {
      g_autofree char *memory = g_format_size_full (memlimit, G_FORMAT_SIZE_IEC_UNITS);

      /* Translators: %s is an amount of memory such as “64.0 MiB” */
      g_set_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_FAILED,
                   _("The key could not be derived from the passphrase: %s of memory were not available"),
                   memory);
      return FALSE;
    }
  return TRUE;
}

/* The wrapping key of the recovery key: its 256 random bits need no stretching, only a hash
 * that ties them to this wrap's salt and to this use. */
static void
derive_from_recovery (guint8       *kek,
                      const guint8  secret[DOSSIER_RECOVERY_SECRET_SIZE],
                      const guint8  salt[SALT_SIZE])
{
  static const guint8 personal[crypto_generichash_blake2b_PERSONALBYTES] = "dossier-recovery";

  crypto_generichash_blake2b_salt_personal (kek, DOSSIER_KEY_SIZE, NULL, 0,
                                            secret, DOSSIER_RECOVERY_SECRET_SIZE,
                                            salt, personal);
}

static void
wrap_key (DossierKeyWrap *wrap,
          DossierKey     *key,
          const guint8   *kek,
          const char     *dossier_uuid,
          const char     *name)
{
  g_autoptr(GString) ad = additional_data ("dossier-wrap-v1", dossier_uuid, name, NULL);
  const guint8 *k = key_begin_use (key);

  crypto_aead_xchacha20poly1305_ietf_encrypt (wrap->wrapped_key, NULL, k, DOSSIER_KEY_SIZE,
                                              (const guint8 *) ad->str, ad->len,
                                              NULL, wrap->nonce, kek);
  key_end_use (key);
}

/* The data key straight into locked memory, or %NULL if @kek does not open the wrap. */
static DossierKey *
unwrap_key (const DossierKeyWrap *wrap,
            const guint8         *kek,
            const char           *dossier_uuid,
            const char           *name)
{
  g_autoptr(GString) ad = additional_data ("dossier-wrap-v1", dossier_uuid, name, NULL);
  DossierKey *key = key_alloc ();

  if (crypto_aead_xchacha20poly1305_ietf_decrypt (key->bytes, NULL, NULL,
                                                  wrap->wrapped_key, sizeof wrap->wrapped_key,
                                                  (const guint8 *) ad->str, ad->len,
                                                  wrap->nonce, kek) != 0)
    {
      dossier_key_unref (key);
      return NULL;
    }
  key_close (key);
  return key;
}

/**
 * dossier_key_wrap_with_passphrase:
 * @key: the data key
 * @dossier_uuid: the dossier's uuid
 * @name: the keyholder's name, kept beside the wrap
 * @passphrase: the keyholder's passphrase, not empty
 * @opslimit: Argon2id passes, from dossier_crypto_tune()
 * @memlimit: Argon2id memory in bytes, from dossier_crypto_tune(); Argon2 counts it in
 *   whole KiB, and so does the wrap
 * @error: return location for a %DOSSIER_CRYPTO_ERROR
 *
 * Wraps @key for a keyholder. Changing a passphrase is unwrapping with the old one and
 * wrapping with the new one: the data key, and so every sealed value, stay as they are.
 * Takes as long as one unlock.
 *
 * Returns: (transfer full): the wrap, or %NULL with @error set
 *   (%DOSSIER_CRYPTO_ERROR_BAD_PARAMETERS for parameters out of bounds or an empty passphrase)
 */
DossierKeyWrap *
dossier_key_wrap_with_passphrase (DossierKey  *key,
                                  const char  *dossier_uuid,
                                  const char  *name,
                                  const char  *passphrase,
                                  guint64      opslimit,
                                  gsize        memlimit,
                                  GError     **error)
{
  g_autoptr(DossierKeyWrap) wrap = NULL;
  guint8 *kek;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (dossier_uuid != NULL && name != NULL && passphrase != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_parameters (opslimit, memlimit, error))
    return NULL;
  memlimit = memlimit / 1024 * 1024;
  if (*passphrase == '\0')
    {
      g_set_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_BAD_PARAMETERS,
                   _("The passphrase is empty"));
      return NULL;
    }

  ensure_init ();
  wrap = g_new0 (DossierKeyWrap, 1);
  wrap->kind = DOSSIER_KEY_WRAP_PASSPHRASE;
  wrap->opslimit = opslimit;
  wrap->memlimit = memlimit;
  randombytes_buf (wrap->salt, sizeof wrap->salt);
  randombytes_buf (wrap->nonce, sizeof wrap->nonce);

  kek = sodium_malloc (DOSSIER_KEY_SIZE);
  if (kek == NULL)
    g_error ("sodium_malloc failed: no memory for a key");
  if (!derive_from_passphrase (kek, passphrase, wrap->salt, opslimit, memlimit, error))
    {
      sodium_free (kek);
      return NULL;
    }
  wrap_key (wrap, key, kek, dossier_uuid, name);
  sodium_free (kek);
  return g_steal_pointer (&wrap);
}

/**
 * dossier_key_wrap_with_recovery:
 * @key: the data key
 * @dossier_uuid: the dossier's uuid
 * @name: the name the recovery key's wrap is kept under
 * @secret: (array fixed-size=32): the secret of dossier_crypto_new_recovery_key()
 *
 * Wraps @key for the recovery key. Fast: the secret is random, there is nothing to stretch.
 *
 * Returns: (transfer full): the wrap
 */
DossierKeyWrap *
dossier_key_wrap_with_recovery (DossierKey   *key,
                                const char   *dossier_uuid,
                                const char   *name,
                                const guint8  secret[DOSSIER_RECOVERY_SECRET_SIZE])
{
  DossierKeyWrap *wrap;
  guint8 *kek;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (dossier_uuid != NULL && name != NULL && secret != NULL, NULL);

  ensure_init ();
  wrap = g_new0 (DossierKeyWrap, 1);
  wrap->kind = DOSSIER_KEY_WRAP_RECOVERY;
  randombytes_buf (wrap->salt, sizeof wrap->salt);
  randombytes_buf (wrap->nonce, sizeof wrap->nonce);

  kek = sodium_malloc (DOSSIER_KEY_SIZE);
  if (kek == NULL)
    g_error ("sodium_malloc failed: no memory for a key");
  derive_from_recovery (kek, secret, wrap->salt);
  wrap_key (wrap, key, kek, dossier_uuid, name);
  sodium_free (kek);
  return wrap;
}

/**
 * dossier_key_unwrap_with_recovery:
 * @wrap: the recovery key's wrap
 * @dossier_uuid: the dossier's uuid
 * @name: the name the wrap is kept under
 * @secret: (array fixed-size=32): the secret read by dossier_crypto_parse_recovery_key()
 * @error: return location for a %DOSSIER_CRYPTO_ERROR
 *
 * Returns: (transfer full): the data key, or %NULL with @error set
 *   (%DOSSIER_CRYPTO_ERROR_WRONG_PASSPHRASE when @secret is not this dossier's recovery key)
 */
DossierKey *
dossier_key_unwrap_with_recovery (const DossierKeyWrap  *wrap,
                                  const char            *dossier_uuid,
                                  const char            *name,
                                  const guint8           secret[DOSSIER_RECOVERY_SECRET_SIZE],
                                  GError               **error)
{
  DossierKey *key;
  guint8 *kek;

  g_return_val_if_fail (wrap != NULL, NULL);
  g_return_val_if_fail (dossier_uuid != NULL && name != NULL && secret != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!dossier_key_wrap_check (wrap, error))
    return NULL;
  if (wrap->kind != DOSSIER_KEY_WRAP_RECOVERY)
    {
      /* Translators: %s is a keyholder's name */
      g_set_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_FAILED,
                   _("“%s” holds the key with a passphrase, not with the recovery key"), name);
      return NULL;
    }

  ensure_init ();
  kek = sodium_malloc (DOSSIER_KEY_SIZE);
  if (kek == NULL)
    g_error ("sodium_malloc failed: no memory for a key");
  derive_from_recovery (kek, secret, wrap->salt);
  key = unwrap_key (wrap, kek, dossier_uuid, name);
  sodium_free (kek);
  if (key == NULL)
    g_set_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_WRONG_PASSPHRASE,
                 _("This recovery key is not the one of this dossier"));
  return key;
}

/**
 * dossier_key_unwrap:
 * @wrap: a keyholder's wrap
 * @dossier_uuid: the dossier's uuid
 * @name: the keyholder's name
 * @passphrase: the keyholder's passphrase; for the recovery key's wrap, the recovery key as
 *   written on paper
 * @error: return location for a %DOSSIER_CRYPTO_ERROR
 *
 * Unwraps the data key. The wrap is checked first (dossier_key_wrap_check()), so that absurd
 * parameters are refused at once. A wrong passphrase, or a wrap altered or moved to another
 * keyholder or dossier, gives %DOSSIER_CRYPTO_ERROR_WRONG_PASSPHRASE; the two cannot be told
 * apart.
 *
 * Returns: (transfer full): the data key, or %NULL with @error set
 */
DossierKey *
dossier_key_unwrap (const DossierKeyWrap  *wrap,
                    const char            *dossier_uuid,
                    const char            *name,
                    const char            *passphrase,
                    GError               **error)
{
  DossierKey *key;
  guint8 *kek;

  g_return_val_if_fail (wrap != NULL, NULL);
  g_return_val_if_fail (dossier_uuid != NULL && name != NULL && passphrase != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Before any derivation: a tampered wrap's parameters cost nothing. */
  if (!dossier_key_wrap_check (wrap, error))
    return NULL;

  if (wrap->kind == DOSSIER_KEY_WRAP_RECOVERY)
    {
      guint8 secret[DOSSIER_RECOVERY_SECRET_SIZE];

      if (!dossier_crypto_parse_recovery_key (passphrase, secret, error))
        return NULL;
      key = dossier_key_unwrap_with_recovery (wrap, dossier_uuid, name, secret, error);
      sodium_memzero (secret, sizeof secret);
      return key;
    }

  ensure_init ();
  kek = sodium_malloc (DOSSIER_KEY_SIZE);
  if (kek == NULL)
    g_error ("sodium_malloc failed: no memory for a key");
  /* A wrong passphrase takes as long as a right one: the derivation runs in full whatever the
   * passphrase (Argon2 has no early exit), and only the tag check after it, which takes
   * constant time, tells them apart. So the delay says nothing, and nothing is written. */
  if (!derive_from_passphrase (kek, passphrase, wrap->salt, wrap->opslimit, wrap->memlimit, error))
    {
      sodium_free (kek);
      return NULL;
    }
  key = unwrap_key (wrap, kek, dossier_uuid, name);
  sodium_free (kek);
  if (key == NULL)
    /* Translators: %s is a keyholder's name */
    g_set_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_WRONG_PASSPHRASE,
                 _("Wrong passphrase for “%s”"), name);
  return key;
}

/* Tuning ------------------------------------------------------------------------------------- */

#define TUNE_MEMORY ((gsize) 64 << 20)

/* Seconds one derivation takes, or a negative number if it could not run (no memory). */
static double
time_derivation (guint64 opslimit,
                 gsize   memlimit)
{
  static const guint8 salt[SALT_SIZE] = { 0 };
  guint8 out[DOSSIER_KEY_SIZE];
  gint64 start = g_get_monotonic_time ();
  int rc;

  rc = crypto_pwhash (out, sizeof out, "dossier-tune", strlen ("dossier-tune"), salt, opslimit, memlimit,
                      crypto_pwhash_ALG_ARGON2ID13);
  if (rc != 0)
    return -1;
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* What a derivation costs, as measured over @memory: @fill seconds to take and fill the
 * memory, and @pass for each pass; both grow with the memory. Here, over 64 MiB, filling
 * took 0.1 s (the pages are new to the process each time) and each pass 0.03 s. */
typedef struct {
  gsize  memory;
  double fill;
  double pass;
} Cost;

static double
predict (const Cost *cost,
         guint64     opslimit,
         gsize       memlimit)
{
  return (double) memlimit / cost->memory * (cost->fill + cost->pass * opslimit);
}

/* Passes at @cost->memory up to the target; more memory if 20 passes are not enough, less
 * if one is too many. */
static void
plan (const Cost *cost,
      double      target,
      guint64    *opslimit,
      gsize      *memlimit)
{
  double passes = (target - cost->fill) / cost->pass;
  double memory;

  if (passes < 1)
    {
      *opslimit = 1;
      memory = cost->memory * target / (cost->fill + cost->pass);
    }
  else if (passes > DOSSIER_CRYPTO_OPSLIMIT_MAX)
    {
      *opslimit = DOSSIER_CRYPTO_OPSLIMIT_MAX;
      memory = cost->memory * target / (cost->fill + cost->pass * DOSSIER_CRYPTO_OPSLIMIT_MAX);
    }
  else
    {
      *opslimit = (guint64) (passes + 0.5);
      memory = cost->memory;
    }
  memory = CLAMP (memory, (double) DOSSIER_CRYPTO_MEMLIMIT_MIN, (double) DOSSIER_CRYPTO_MEMLIMIT_MAX);
  /* Argon2 counts memory in KiB blocks. */
  *memlimit = (gsize) memory / 1024 * 1024;
}

/**
 * dossier_crypto_tune:
 * @target_seconds: how long one unlock should take, about 1
 * @opslimit: (out): Argon2id passes
 * @memlimit: (out): Argon2id memory in bytes
 *
 * Picks Argon2id parameters so that one derivation takes about @target_seconds on this
 * machine. It times one and four passes over 64 MiB: filling the memory costs what one pass
 * costs beyond a pass, and a pass a third of what four cost beyond one. It takes as many
 * passes as fit in the target; a machine too fast for 20 passes gets more memory, one too slow
 * for one pass less, within the bounds every wrap is checked against. Then it times the
 * parameters picked once, and corrects them by what that run shows (a busy machine, a poor
 * estimate). Takes about 0.4 s more than @target_seconds here. Run it where the wrap is made:
 * the parameters are stored with the wrap, and a slower machine unlocking later takes longer.
 */
void
dossier_crypto_tune (double   target_seconds,
                     guint64 *opslimit,
                     gsize   *memlimit)
{
  Cost cost = { TUNE_MEMORY, 0, 0 };
  double one = -1, four = -1, seconds;

  g_return_if_fail (opslimit != NULL && memlimit != NULL);
  g_return_if_fail (target_seconds > 0);

  ensure_init ();
  while (cost.memory >= DOSSIER_CRYPTO_MEMLIMIT_MIN)
    {
      one = time_derivation (1, cost.memory);
      four = one >= 0 ? time_derivation (4, cost.memory) : -1;
      if (four >= 0)
        break;
      cost.memory /= 2;
    }
  if (four < 0)
    {
      /* Not even 8 MiB: the smallest parameters, which will probably fail to unlock too. */
      *opslimit = DOSSIER_CRYPTO_OPSLIMIT_MIN;
      *memlimit = DOSSIER_CRYPTO_MEMLIMIT_MIN;
      return;
    }

  /* Timing noise can make four passes look as quick as one: a pass costs at least a
   * twentieth of the first, so that the plan never runs away on it. */
  cost.pass = MAX ((four - one) / 3, one / 20);
  cost.fill = MAX (one - cost.pass, 0);
  plan (&cost, target_seconds, opslimit, memlimit);

  /* At a bound, there is nothing to correct towards. */
  if ((*opslimit == DOSSIER_CRYPTO_OPSLIMIT_MAX && *memlimit >= DOSSIER_CRYPTO_MEMLIMIT_MAX / 1024 * 1024) ||
      (*opslimit == DOSSIER_CRYPTO_OPSLIMIT_MIN && *memlimit == DOSSIER_CRYPTO_MEMLIMIT_MIN))
    return;
  seconds = time_derivation (*opslimit, *memlimit);
  if (seconds > 0)
    {
      double k = seconds / predict (&cost, *opslimit, *memlimit);

      cost.fill *= k;
      cost.pass *= k;
      plan (&cost, target_seconds, opslimit, memlimit);
    }
}

/* The recovery key ----------------------------------------------------------------------- */

/* Crockford's base32: digits and capitals without I, L, O and U, which a person misreads
 * (I, L, 1; O, 0) or which spell words. Read back, I and L are taken for 1 and O for 0. */
static const char recovery_alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/* 256 bits are 52 characters (the last holds one bit and four zeros), then 4 characters of
 * checksum: 14 groups of 4, such as 7K3M-Q2XA-…-9F0C. */
#define RECOVERY_SECRET_CHARS 52
#define RECOVERY_CHARS 56
#define RECOVERY_GROUP 4

/* The checksum group of the 52 values of a secret. Its first character, their sum, changes
 * with any one character mistyped, and its second, their sum weighted by position, with any
 * two neighbours swapped: the typos of someone copying from paper are caught every time.
 * The last two are 10 bits of a hash, so that all four together let another error slip
 * through about once in a million. */
static void
recovery_checksum (const guint8 values[RECOVERY_SECRET_CHARS],
                   const guint8 secret[DOSSIER_RECOVERY_SECRET_SIZE],
                   guint8       out[RECOVERY_GROUP])
{
  static const guint8 personal[crypto_generichash_blake2b_PERSONALBYTES] = "dossier-checksum";
  static const guint8 salt[crypto_generichash_blake2b_SALTBYTES] = { 0 };
  guint8 hash[16];
  guint sum = 0, weighted = 0, bits;

  for (guint i = 0; i < RECOVERY_SECRET_CHARS; i++)
    {
      sum += values[i];
      weighted += (i + 1) * values[i];
    }
  crypto_generichash_blake2b_salt_personal (hash, sizeof hash, secret, DOSSIER_RECOVERY_SECRET_SIZE,
                                            NULL, 0, salt, personal);
  bits = ((guint) hash[0] << 2) | (hash[1] >> 6);
  out[0] = sum & 31;
  out[1] = weighted & 31;
  out[2] = (bits >> 5) & 31;
  out[3] = bits & 31;
}

/**
 * dossier_crypto_new_recovery_key:
 * @out_secret: (out caller-allocates) (array fixed-size=32): the new secret, for
 *   dossier_key_wrap_with_recovery(); wipe it (sodium_memzero()) once used
 *
 * Draws a recovery key: 256 random bits written for paper, in 14 groups of 4 digits and
 * capitals (Crockford's base32, without I, L, O or U), the last group a checksum so that
 * dossier_crypto_parse_recovery_key() catches a typo.
 *
 * Returns: (transfer full): the recovery key as the person writes it down, to show once and
 *   then wipe
 */
char *
dossier_crypto_new_recovery_key (guint8 out_secret[DOSSIER_RECOVERY_SECRET_SIZE])
{
  guint8 values[RECOVERY_CHARS];
  GString *text;
  guint32 acc = 0;
  guint bits = 0, n = 0;

  g_return_val_if_fail (out_secret != NULL, NULL);

  ensure_init ();
  randombytes_buf (out_secret, DOSSIER_RECOVERY_SECRET_SIZE);
  for (guint i = 0; i < DOSSIER_RECOVERY_SECRET_SIZE; i++)
    {
      acc = (acc << 8) | out_secret[i];
      bits += 8;
      while (bits >= 5)
        {
          bits -= 5;
          values[n++] = (acc >> bits) & 31;
        }
      acc &= (1u << bits) - 1;
    }
  values[n++] = (acc << (5 - bits)) & 31;
  g_assert (n == RECOVERY_SECRET_CHARS);
  recovery_checksum (values, out_secret, values + RECOVERY_SECRET_CHARS);

  text = g_string_sized_new (RECOVERY_CHARS + RECOVERY_CHARS / RECOVERY_GROUP);
  for (guint i = 0; i < RECOVERY_CHARS; i++)
    {
      if (i > 0 && i % RECOVERY_GROUP == 0)
        g_string_append_c (text, '-');
      g_string_append_c (text, recovery_alphabet[values[i]]);
    }
  sodium_memzero (values, sizeof values);
  sodium_memzero (&acc, sizeof acc);
  return g_string_free (text, FALSE);
}

static int
recovery_value (char c)
{
  const char *found;

  c = g_ascii_toupper (c);
  if (c == 'O')
    c = '0';
  else if (c == 'I' || c == 'L')
    c = '1';
  if (c == '\0' || (found = strchr (recovery_alphabet, c)) == NULL)
    return -1;
  return found - recovery_alphabet;
}

/**
 * dossier_crypto_parse_recovery_key:
 * @text: a recovery key as typed: small or capital letters, with or without dashes and spaces
 * @out_secret: (out caller-allocates) (array fixed-size=32): its secret, written only on
 *   success; wipe it once used
 * @error: return location for a %DOSSIER_CRYPTO_ERROR
 *
 * Reads back a key from dossier_crypto_new_recovery_key(). A character that cannot be in
 * one, a missing or extra character, or a typo that the checksum group catches (any one
 * character changed, any two neighbours swapped), is refused with
 * %DOSSIER_CRYPTO_ERROR_WRONG_PASSPHRASE and a message that says which.
 *
 * Returns: %TRUE if @text is a well-typed recovery key (whether it is this dossier's, only
 *   unwrapping tells)
 */
gboolean
dossier_crypto_parse_recovery_key (const char  *text,
                                   guint8       out_secret[DOSSIER_RECOVERY_SECRET_SIZE],
                                   GError     **error)
{
  guint8 values[RECOVERY_CHARS];
  guint8 secret[DOSSIER_RECOVERY_SECRET_SIZE];
  guint8 check[RECOVERY_GROUP];
  guint32 acc = 0;
  guint bits = 0, n = 0, k = 0;
  gboolean ok;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_secret != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ensure_init ();
  for (const char *p = text; *p != '\0'; )
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      int v;

      /* Dashes and spaces of any kind, as a copy from a PDF or a word processor gives. */
      if (c < 0x110000 && (g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_DASH_PUNCTUATION))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      v = c < 0x80 ? recovery_value ((char) c) : -1;
      if (v < 0)
        {
          char shown[8] = "?";

          /* Not UTF-8 (c is (gunichar) -1 or -2): shown as “?”, and never stepped over. */
          if (c < 0x110000 && g_unichar_isprint (c))
            shown[g_unichar_to_utf8 (c, shown)] = '\0';
          sodium_memzero (values, sizeof values);
          /* Translators: %s is one character typed, such as “U” */
          g_set_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_WRONG_PASSPHRASE,
                       _("“%s” cannot be in a recovery key, which holds only digits and capital "
                         "letters: check that character against the paper"), shown);
          return FALSE;
        }
      if (n < RECOVERY_CHARS)
        values[n] = v;
      n++;
      p++;
    }

  if (n != RECOVERY_CHARS)
    {
      sodium_memzero (values, sizeof values);
      if (n == 0)
        g_set_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_WRONG_PASSPHRASE,
                     _("No recovery key was given"));
      else
        /* Translators: %u is the number of letters and digits typed */
        g_set_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_WRONG_PASSPHRASE,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "This recovery key has %u character; a recovery key has 56, in 14 groups of 4",
                                  "This recovery key has %u characters; a recovery key has 56, in 14 groups of 4",
                                  n),
                     n);
      return FALSE;
    }

  for (guint i = 0; i < RECOVERY_SECRET_CHARS; i++)
    {
      acc = (acc << 5) | values[i];
      bits += 5;
      if (bits >= 8)
        {
          bits -= 8;
          secret[k++] = (acc >> bits) & 0xff;
          acc &= (1u << bits) - 1;
        }
    }
  g_assert (k == DOSSIER_RECOVERY_SECRET_SIZE && bits == 4);

  /* The last character's four spare bits are zeros: other values are a typo as well. */
  ok = acc == 0;
  if (ok)
    {
      recovery_checksum (values, secret, check);
      ok = memcmp (check, values + RECOVERY_SECRET_CHARS, RECOVERY_GROUP) == 0;
    }
  if (ok)
    memcpy (out_secret, secret, sizeof secret);
  sodium_memzero (secret, sizeof secret);
  sodium_memzero (values, sizeof values);
  sodium_memzero (check, sizeof check);
  sodium_memzero (&acc, sizeof acc);
  if (!ok)
    g_set_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_WRONG_PASSPHRASE,
                 _("This recovery key has a typo: its last group does not match the others. "
                   "Check each group against the paper"));
  return ok;
}
