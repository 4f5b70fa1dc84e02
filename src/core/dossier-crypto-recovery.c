/* dossier-crypto-recovery.c: the recovery key, shown once as groups a person can copy from
 * paper, with a checksum that catches their typos
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-crypto-private.h"

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

  _dossier_crypto_ensure_init ();
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

  _dossier_crypto_ensure_init ();
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

