/* fuzz-crypto.c: a keyholder's wrap read, a sealed value opened, a recovery key typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes, read as a wrap, are either one well-formed wrap, which writes itself back to the
 * same bytes and unwraps to the fuzz key or to a refusal, or refused with a message; opened
 * as a sealed value, they give a clear value or DAMAGED (LOCKED without a key), and what opens
 * seals and opens again; typed as a recovery key, they give a secret or a message. Never a
 * crash, never a wrong key.
 *
 * The fuzz key is the one this recovery wrap holds for the secret 1, 8, 15, … (i * 7 + 1);
 * corpus/crypto holds wraps and values made with it (a passphrase wrap for "fuzz", values
 * sealed for identity/UUID/real_name).
 */
#include "config.h"

#include <string.h>

#include "dossier-crypto.h"
#include "fuzz-util.h"

#define UUID "6f1c1d6e-8f1e-4b8e-9a57-3c1b2d4e5f60"

static const guint8 recovery_wrap[DOSSIER_KEY_WRAP_SERIALIZED_SIZE] = {
  0x44, 0x57, 0x76, 0x31, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
  0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x3e, 0xa7, 0x73, 0xa9,
  0x23, 0x77, 0xad, 0xec, 0x2d, 0xb8, 0x58, 0x05, 0xa8, 0xa0, 0x29, 0xc0,
  0x51, 0x94, 0x9e, 0x43, 0x4e, 0x74, 0xbe, 0xd4, 0x39, 0x19, 0x4c, 0xd3,
  0xfd, 0x09, 0xd8, 0xb7, 0x38, 0x6d, 0xff, 0xfe, 0x44, 0xa9, 0xcd, 0xa7,
  0xea, 0x90, 0x2b, 0x80, 0x11, 0xc3, 0x00, 0xfe, 0x3a, 0xc8, 0x97, 0xa9,
  0x19, 0xdc, 0x2c, 0xd9, 0x94, 0x36, 0x06, 0x79, 0xa8, 0xc0, 0xcb, 0xe3,
  0xf0, 0x01, 0x6b, 0xcf, 0xe2, 0x46, 0xdd, 0x85, 0xef, 0x98, 0x75, 0x59,
  0x66, 0x37, 0x4b, 0x00, 0x98, 0x0d, 0xc0, 0x16, 0x3e, 0x99, 0x13, 0x01,
};

static void
recovery_secret (guint8 secret[DOSSIER_RECOVERY_SECRET_SIZE])
{
  for (guint i = 0; i < DOSSIER_RECOVERY_SECRET_SIZE; i++)
    secret[i] = i * 7 + 1;
}

static DossierKey *
fuzz_key (void)
{
  static DossierKey *key;

  if (key == NULL)
    {
      g_autoptr(DossierKeyWrap) wrap = dossier_key_wrap_parse (recovery_wrap, sizeof recovery_wrap, NULL);
      guint8 secret[DOSSIER_RECOVERY_SECRET_SIZE];

      fuzz_check (wrap != NULL);
      recovery_secret (secret);
      key = dossier_key_unwrap_with_recovery (wrap, UUID, "recovery", secret, NULL);
      fuzz_check (key != NULL);
    }
  return key;
}

/* @key is the fuzz key: it opens what the fuzz key sealed. */
static void
check_is_fuzz_key (DossierKey *key)
{
  g_autoptr(GBytes) sealed = dossier_crypto_seal_text (fuzz_key (), "t", "u", "c", "same key");
  g_autofree char *text = dossier_crypto_open_text (key, "t", "u", "c", g_bytes_get_data (sealed, NULL),
                                                    g_bytes_get_size (sealed), NULL);

  fuzz_check (g_strcmp0 (text, "same key") == 0);
}

static void
check_error (const GError *error)
{
  fuzz_check (error != NULL && error->domain == DOSSIER_CRYPTO_ERROR);
  fuzz_check (g_utf8_validate (error->message, -1, NULL) && *error->message != '\0');
}

static void
fuzz_wrap (const uint8_t *data,
           size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierKeyWrap) wrap = dossier_key_wrap_parse (data, size, &error);
  g_autoptr(GBytes) again = NULL;
  g_autoptr(DossierKey) key = NULL;
  guint8 secret[DOSSIER_RECOVERY_SECRET_SIZE];

  if (wrap == NULL)
    {
      check_error (error);
      fuzz_check (error->code == DOSSIER_CRYPTO_ERROR_DAMAGED ||
                  error->code == DOSSIER_CRYPTO_ERROR_BAD_PARAMETERS);
      return;
    }
  fuzz_check (error == NULL);
  fuzz_check (dossier_key_wrap_check (wrap, NULL));
  again = dossier_key_wrap_serialize (wrap);
  fuzz_check (g_bytes_get_size (again) == size && memcmp (g_bytes_get_data (again, NULL), data, size) == 0);

  if (wrap->kind == DOSSIER_KEY_WRAP_RECOVERY)
    {
      recovery_secret (secret);
      key = dossier_key_unwrap_with_recovery (wrap, UUID, "recovery", secret, &error);
    }
  /* Parameters within bounds may still ask for 20 passes over 1 GiB, some 20 s: legal, but
   * no use to a fuzzer, which unwraps only the cheap ones. */
  else if (wrap->opslimit <= 2 && wrap->memlimit <= DOSSIER_CRYPTO_MEMLIMIT_MIN * 2)
    key = dossier_key_unwrap (wrap, UUID, "fuzz", "fuzz", &error);
  else
    return;

  if (key == NULL)
    {
      check_error (error);
      fuzz_check (error->code == DOSSIER_CRYPTO_ERROR_WRONG_PASSPHRASE);
    }
  else
    {
      fuzz_check (error == NULL);
      check_is_fuzz_key (key);
    }
}

static void
fuzz_sealed (const uint8_t *data,
             size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) locked_error = NULL;
  g_autoptr(GError) text_error = NULL;
  g_autoptr(GBytes) clear = dossier_crypto_open (fuzz_key (), "identity", UUID, "real_name", data, size, &error);
  g_autoptr(GBytes) locked = dossier_crypto_open (NULL, "identity", UUID, "real_name", data, size, &locked_error);
  g_autofree char *text = dossier_crypto_open_text (fuzz_key (), "identity", UUID, "real_name", data, size, &text_error);
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(GBytes) reopened = NULL;

  fuzz_check (locked == NULL);
  check_error (locked_error);
  fuzz_check (locked_error->code == DOSSIER_CRYPTO_ERROR_LOCKED);

  if (clear == NULL)
    {
      check_error (error);
      fuzz_check (error->code == DOSSIER_CRYPTO_ERROR_DAMAGED);
      fuzz_check (text == NULL && text_error != NULL && text_error->code == DOSSIER_CRYPTO_ERROR_DAMAGED);
      return;
    }
  fuzz_check (error == NULL);
  fuzz_check (dossier_crypto_is_sealed (data, size));
  fuzz_check (g_bytes_get_size (clear) + DOSSIER_CRYPTO_SEAL_OVERHEAD == size);
  if (text != NULL)
    fuzz_check (strlen (text) == g_bytes_get_size (clear) &&
                memcmp (text, g_bytes_get_data (clear, NULL), strlen (text)) == 0);
  else
    fuzz_check (text_error != NULL && text_error->code == DOSSIER_CRYPTO_ERROR_DAMAGED);

  /* What opened seals again, and opens to the same bytes. */
  sealed = dossier_crypto_seal (fuzz_key (), "identity", UUID, "real_name",
                                g_bytes_get_data (clear, NULL), g_bytes_get_size (clear));
  reopened = dossier_crypto_open (fuzz_key (), "identity", UUID, "real_name",
                                  g_bytes_get_data (sealed, NULL), g_bytes_get_size (sealed), NULL);
  fuzz_check (reopened != NULL && g_bytes_equal (reopened, clear));
}

static void
fuzz_recovery_key (const uint8_t *data,
                   size_t         size)
{
  g_autofree char *text = fuzz_text (data, size);
  g_autoptr(GError) error = NULL;
  guint8 secret[DOSSIER_RECOVERY_SECRET_SIZE];

  if (dossier_crypto_parse_recovery_key (text, secret, &error))
    fuzz_check (error == NULL);
  else
    {
      check_error (error);
      fuzz_check (error->code == DOSSIER_CRYPTO_ERROR_WRONG_PASSPHRASE);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_init ();
  fuzz_wrap (data, size);
  fuzz_sealed (data, size);
  fuzz_recovery_key (data, size);
  return 0;
}
