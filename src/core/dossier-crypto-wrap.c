/* dossier-crypto-wrap.c: the data key wrapped for each keyholder (Argon2id from a
 * passphrase, or the recovery key), and the tuning of the derivation to about a second
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-crypto-private.h"

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
  g_autoptr(GString) ad = _dossier_crypto_additional_data ("dossier-wrap-v1", dossier_uuid, name, NULL);
  const guint8 *k = _dossier_crypto_key_begin_use (key);

  crypto_aead_xchacha20poly1305_ietf_encrypt (wrap->wrapped_key, NULL, k, DOSSIER_KEY_SIZE,
                                              (const guint8 *) ad->str, ad->len,
                                              NULL, wrap->nonce, kek);
  _dossier_crypto_key_end_use (key);
}

/* The data key straight into locked memory, or %NULL if @kek does not open the wrap. */
static DossierKey *
unwrap_key (const DossierKeyWrap *wrap,
            const guint8         *kek,
            const char           *dossier_uuid,
            const char           *name)
{
  g_autoptr(GString) ad = _dossier_crypto_additional_data ("dossier-wrap-v1", dossier_uuid, name, NULL);
  DossierKey *key = _dossier_crypto_key_alloc ();

  if (crypto_aead_xchacha20poly1305_ietf_decrypt (key->bytes, NULL, NULL,
                                                  wrap->wrapped_key, sizeof wrap->wrapped_key,
                                                  (const guint8 *) ad->str, ad->len,
                                                  wrap->nonce, kek) != 0)
    {
      dossier_key_unref (key);
      return NULL;
    }
  _dossier_crypto_key_close (key);
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

  _dossier_crypto_ensure_init ();
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

  _dossier_crypto_ensure_init ();
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

  _dossier_crypto_ensure_init ();
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

  _dossier_crypto_ensure_init ();
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

  _dossier_crypto_ensure_init ();
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

