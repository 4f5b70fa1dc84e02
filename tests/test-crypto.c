/* test-crypto.c: sealed values, keyholders' wraps, the recovery key and tuning
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Argon2 runs with its smallest accepted parameters (one pass over 8 MiB) everywhere but in
 * the tuning case, so that the suite stays quick; what is checked does not depend on them.
 */
#include "config.h"

#include <string.h>

#include <sodium.h>

#include "dossier-crypto.h"

#define OPS DOSSIER_CRYPTO_OPSLIMIT_MIN
#define MEM DOSSIER_CRYPTO_MEMLIMIT_MIN
#define DOSSIER_UUID "6f1c1d6e-8f1e-4b8e-9a57-3c1b2d4e5f60"
#define RECORD_UUID "0b3d9a8c-2e4f-4a6b-8c1d-7e9f0a1b2c3d"
#define NAME "Awa Diallo"
#define PASSPHRASE "le fleuve coule vers la mer à Mopti"

static const char secret_text[] = "Aïssata Traoré, +223 76 00 00 00";

static GBytes *
seal_canary (DossierKey *key)
{
  return dossier_crypto_seal_text (key, "identity", RECORD_UUID, "real_name", secret_text);
}

static gboolean
contains (const guint8 *data,
          gsize         len,
          const char   *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
assert_damaged (DossierKey   *key,
                const char   *table,
                const char   *uuid,
                const char   *column,
                const guint8 *blob,
                gsize         len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) clear = dossier_crypto_open (key, table, uuid, column, blob, len, &error);

  g_assert_null (clear);
  g_assert_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_DAMAGED);
  g_assert_true (g_utf8_validate (error->message, -1, NULL) && *error->message != '\0');
}

static void
test_seal_round_trip (void)
{
  g_autoptr(DossierKey) key = dossier_key_new_random ();
  gsize sizes[] = { 0, 1, 31, 4096, 1024 * 1024 + 7 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree guint8 *clear = g_malloc (MAX (sizes[i], 1));
      g_autoptr(GBytes) sealed = NULL;
      g_autoptr(GBytes) again = NULL;
      g_autoptr(GBytes) opened = NULL;
      g_autoptr(GError) error = NULL;
      const guint8 *blob;
      gsize len;

      /* Bytes of every value, NULs among them. */
      for (gsize j = 0; j < sizes[i]; j++)
        clear[j] = (guint8) (j * 7 + i);
      sealed = dossier_crypto_seal (key, "evidence", RECORD_UUID, "bytes#0", clear, sizes[i]);
      blob = g_bytes_get_data (sealed, &len);
      g_assert_cmpuint (len, ==, sizes[i] + DOSSIER_CRYPTO_SEAL_OVERHEAD);
      g_assert_cmpmem (blob, 4, "DSv1", 4);
      g_assert_true (dossier_crypto_is_sealed (blob, len));

      opened = dossier_crypto_open (key, "evidence", RECORD_UUID, "bytes#0", blob, len, &error);
      g_assert_no_error (error);
      g_assert_cmpmem (g_bytes_get_data (opened, NULL), g_bytes_get_size (opened), clear, sizes[i]);

      /* A new nonce each time: the same value sealed twice does not show it is the same. */
      again = dossier_crypto_seal (key, "evidence", RECORD_UUID, "bytes#0", clear, sizes[i]);
      g_assert_false (g_bytes_equal (sealed, again));
    }
}

static void
test_seal_text (void)
{
  g_autoptr(DossierKey) key = dossier_key_new_random ();
  g_autoptr(GBytes) sealed = seal_canary (key);
  g_autoptr(GBytes) binary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *none = NULL;
  const guint8 *blob;
  gsize len;

  blob = g_bytes_get_data (sealed, &len);
  /* Nothing of the clear text shows in the sealed one. */
  g_assert_false (contains (blob, len, "Traor"));
  text = dossier_crypto_open_text (key, "identity", RECORD_UUID, "real_name", blob, len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, secret_text);

  /* Bytes that open but are not text are refused as text. */
  binary = dossier_crypto_seal (key, "identity", RECORD_UUID, "real_name", (const guint8 *) "a\0b\xff", 4);
  blob = g_bytes_get_data (binary, &len);
  none = dossier_crypto_open_text (key, "identity", RECORD_UUID, "real_name", blob, len, &error);
  g_assert_null (none);
  g_assert_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_DAMAGED);
}

static void
test_seal_moved (void)
{
  g_autoptr(DossierKey) key = dossier_key_new_random ();
  g_autoptr(DossierKey) other_key = dossier_key_new_random ();
  g_autoptr(GBytes) sealed = seal_canary (key);
  g_autoptr(GBytes) split = NULL;
  gsize len;
  const guint8 *blob = g_bytes_get_data (sealed, &len);

  assert_damaged (key, "identity", RECORD_UUID, "contact", blob, len);
  assert_damaged (key, "identity", "1b3d9a8c-2e4f-4a6b-8c1d-7e9f0a1b2c3d", "real_name", blob, len);
  assert_damaged (key, "person", RECORD_UUID, "real_name", blob, len);
  assert_damaged (other_key, "identity", RECORD_UUID, "real_name", blob, len);

  /* The parts are kept apart: "ab" + "c" is not "a" + "bc". */
  split = dossier_crypto_seal_text (key, "ab", "c", "d", "x");
  blob = g_bytes_get_data (split, &len);
  assert_damaged (key, "a", "bc", "d", blob, len);
}

static void
test_seal_truncated (void)
{
  g_autoptr(DossierKey) key = dossier_key_new_random ();
  g_autoptr(GBytes) sealed = seal_canary (key);
  g_autofree guint8 *longer = NULL;
  gsize len;
  const guint8 *blob = g_bytes_get_data (sealed, &len);

  for (gsize cut = 0; cut < len; cut++)
    {
      /* Exactly @cut bytes, so that a read past them is a sanitizer's finding. */
      g_autofree guint8 *copy = g_memdup2 (blob, MAX (cut, 1));

      assert_damaged (key, "identity", RECORD_UUID, "real_name", cut == 0 ? NULL : copy, cut);
      g_assert_cmpint (dossier_crypto_is_sealed (cut == 0 ? NULL : copy, cut), ==, cut >= DOSSIER_CRYPTO_SEAL_OVERHEAD);
    }

  longer = g_malloc (len + 1);
  memcpy (longer, blob, len);
  longer[len] = 0;
  assert_damaged (key, "identity", RECORD_UUID, "real_name", longer, len + 1);
}

static void
test_seal_bit_flips (void)
{
  g_autoptr(DossierKey) key = dossier_key_new_random ();
  g_autoptr(GBytes) sealed = seal_canary (key);
  gsize len;
  const guint8 *blob = g_bytes_get_data (sealed, &len);
  g_autofree guint8 *copy = g_memdup2 (blob, len);

  for (gsize i = 0; i < len; i++)
    for (guint bit = 0; bit < 8; bit++)
      {
        copy[i] ^= 1u << bit;
        assert_damaged (key, "identity", RECORD_UUID, "real_name", copy, len);
        copy[i] ^= 1u << bit;
      }
  /* And the copy, put back, still opens. */
  {
    g_autofree char *text = dossier_crypto_open_text (key, "identity", RECORD_UUID, "real_name", copy, len, NULL);

    g_assert_cmpstr (text, ==, secret_text);
  }
}

static void
test_seal_foreign (void)
{
  g_autoptr(DossierKey) key = dossier_key_new_random ();
  g_autoptr(GBytes) sealed = seal_canary (key);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) none = NULL;
  g_autofree guint8 *newer = NULL;
  guint8 noise[200];
  gsize len;
  const guint8 *blob = g_bytes_get_data (sealed, &len);

  /* A later format is told apart from damage. */
  newer = g_memdup2 (blob, len);
  newer[3] = '2';
  none = dossier_crypto_open (key, "identity", RECORD_UUID, "real_name", newer, len, &error);
  g_assert_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "newer"));

  /* Clear text, noise. */
  assert_damaged (key, "identity", RECORD_UUID, "real_name", (const guint8 *) secret_text, strlen (secret_text));
  g_assert_false (dossier_crypto_is_sealed ((const guint8 *) secret_text, strlen (secret_text)));
  randombytes_buf (noise, sizeof noise);
  noise[0] = 'X';
  assert_damaged (key, "identity", RECORD_UUID, "real_name", noise, sizeof noise);
  memcpy (noise, "DSv1", 4);
  g_assert_true (dossier_crypto_is_sealed (noise, sizeof noise));
  assert_damaged (key, "identity", RECORD_UUID, "real_name", noise, sizeof noise);
}

static void
test_seal_locked (void)
{
  g_autoptr(DossierKey) key = dossier_key_new_random ();
  g_autoptr(GBytes) sealed = seal_canary (key);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize len;
  const guint8 *blob = g_bytes_get_data (sealed, &len);

  text = dossier_crypto_open_text (NULL, "identity", RECORD_UUID, "real_name", blob, len, &error);
  g_assert_null (text);
  g_assert_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_LOCKED);
}

/* One key, used from several threads at once: its pages are opened by the first user and
 * closed by the last, and none is closed under another's feet. */
typedef struct {
  DossierKey *key;
  GBytes     *sealed;
  guint       rounds;
} Worker;

static gpointer
worker_run (gpointer data)
{
  Worker *w = data;
  gsize len;
  const guint8 *blob = g_bytes_get_data (w->sealed, &len);

  for (guint i = 0; i < w->rounds; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = dossier_crypto_open_text (w->key, "identity", RECORD_UUID, "real_name",
                                                        blob, len, &error);
      g_autoptr(GBytes) again = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (text, ==, secret_text);
      again = seal_canary (w->key);
    }
  return NULL;
}

static void
test_key_threads (void)
{
  g_autoptr(DossierKey) key = dossier_key_new_random ();
  g_autoptr(GBytes) sealed = seal_canary (key);
  Worker w = { key, sealed, 20000 };
  GThread *threads[4];
  gint64 start = g_get_monotonic_time ();
  double seconds;

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("crypto", worker_run, &w);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_test_message ("%u threads opened and sealed a %zu-byte value %u times each in %.3f s "
                  "(%.2f microseconds a value, the key's pages opened and closed around each)",
                  (guint) G_N_ELEMENTS (threads), strlen (secret_text), w.rounds, seconds,
                  seconds * 1e6 / (2.0 * w.rounds * G_N_ELEMENTS (threads)));
}

static double
timed_unwrap (const DossierKeyWrap  *wrap,
              const char            *passphrase,
              DossierKey           **out_key,
              GError               **error)
{
  gint64 start = g_get_monotonic_time ();

  *out_key = dossier_key_unwrap (wrap, DOSSIER_UUID, NAME, passphrase, error);
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* @opened opens what @key sealed: they are the same data key. */
static void
assert_same_key (DossierKey *key,
                 DossierKey *opened)
{
  g_autoptr(GBytes) sealed = seal_canary (key);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize len;
  const guint8 *blob = g_bytes_get_data (sealed, &len);

  g_assert_nonnull (opened);
  text = dossier_crypto_open_text (opened, "identity", RECORD_UUID, "real_name", blob, len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, secret_text);
}

static void
test_wrap_passphrase (void)
{
  g_autoptr(DossierKey) key = dossier_key_new_random ();
  g_autoptr(DossierKeyWrap) wrap = NULL;
  g_autoptr(GError) error = NULL;
  double right = G_MAXDOUBLE, wrong = G_MAXDOUBLE;

  wrap = dossier_key_wrap_with_passphrase (key, DOSSIER_UUID, NAME, PASSPHRASE, OPS, MEM, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wrap->kind, ==, DOSSIER_KEY_WRAP_PASSPHRASE);
  g_assert_cmpuint (wrap->opslimit, ==, OPS);
  g_assert_cmpuint (wrap->memlimit, ==, MEM);

  /* The fastest of three each, so that a busy machine does not decide. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(DossierKey) opened = NULL;
      g_autoptr(DossierKey) none = NULL;
      g_autoptr(GError) wrong_error = NULL;

      double seconds;

      seconds = timed_unwrap (wrap, PASSPHRASE, &opened, &error);
      right = MIN (right, seconds);
      g_assert_no_error (error);
      assert_same_key (key, opened);

      seconds = timed_unwrap (wrap, PASSPHRASE "!", &none, &wrong_error);
      wrong = MIN (wrong, seconds);
      g_assert_null (none);
      g_assert_error (wrong_error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_WRONG_PASSPHRASE);
      g_assert_nonnull (strstr (wrong_error->message, NAME));
    }
  g_test_message ("unwrapping at %u pass over %zu MiB: %.4f s with the right passphrase, %.4f s with a wrong one",
                  (guint) OPS, MEM >> 20, right, wrong);
  /* A wrong passphrase gives up no sooner: the derivation always runs in full. */
  g_assert_cmpfloat (wrong, >, right / 3);
  g_assert_cmpfloat (right, >, wrong / 3);

  /* Moved to another keyholder or dossier, the wrap does not open. */
  {
    g_autoptr(DossierKey) none = dossier_key_unwrap (wrap, DOSSIER_UUID, "Moussa Keita", PASSPHRASE, &error);

    g_assert_null (none);
    g_assert_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_WRONG_PASSPHRASE);
    g_clear_error (&error);
  }
  {
    g_autoptr(DossierKey) none = dossier_key_unwrap (wrap, RECORD_UUID, NAME, PASSPHRASE, &error);

    g_assert_null (none);
    g_assert_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_WRONG_PASSPHRASE);
    g_clear_error (&error);
  }
}

static void
test_wrap_normalized (void)
{
  g_autoptr(DossierKey) key = dossier_key_new_random ();
  g_autoptr(DossierKeyWrap) wrap = NULL;
  g_autoptr(DossierKey) opened = NULL;
  g_autoptr(GError) error = NULL;

  /* "é" as one character, then as "e" and a combining accent. */
  wrap = dossier_key_wrap_with_passphrase (key, DOSSIER_UUID, NAME, "d\u00e9p\u00f4t", OPS, MEM, &error);
  g_assert_no_error (error);
  opened = dossier_key_unwrap (wrap, DOSSIER_UUID, NAME, "de\u0301po\u0302t", &error);
  g_assert_no_error (error);
  assert_same_key (key, opened);
}

static void
test_wrap_serialize (void)
{
  g_autoptr(DossierKey) key = dossier_key_new_random ();
  g_autoptr(DossierKeyWrap) wrap = NULL;
  g_autoptr(DossierKeyWrap) parsed = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *copy = NULL;
  gsize len;
  const guint8 *data;

  wrap = dossier_key_wrap_with_passphrase (key, DOSSIER_UUID, NAME, PASSPHRASE, OPS, MEM, &error);
  g_assert_no_error (error);
  bytes = dossier_key_wrap_serialize (wrap);
  data = g_bytes_get_data (bytes, &len);
  g_assert_cmpuint (len, ==, DOSSIER_KEY_WRAP_SERIALIZED_SIZE);
  g_assert_cmpmem (data, 4, "DWv1", 4);

  parsed = dossier_key_wrap_parse (data, len, &error);
  g_assert_no_error (error);
  g_assert_cmpint (parsed->kind, ==, wrap->kind);
  g_assert_cmpuint (parsed->opslimit, ==, wrap->opslimit);
  g_assert_cmpuint (parsed->memlimit, ==, wrap->memlimit);
  g_assert_cmpmem (parsed->salt, sizeof parsed->salt, wrap->salt, sizeof wrap->salt);
  g_assert_cmpmem (parsed->nonce, sizeof parsed->nonce, wrap->nonce, sizeof wrap->nonce);
  g_assert_cmpmem (parsed->wrapped_key, sizeof parsed->wrapped_key, wrap->wrapped_key, sizeof wrap->wrapped_key);
  again = dossier_key_wrap_serialize (parsed);
  g_assert_true (g_bytes_equal (bytes, again));

  /* Every cut, a byte too many, a later version, a reserved byte set, an unknown kind. */
  for (gsize cut = 0; cut < len; cut++)
    {
      g_autofree guint8 *part = g_memdup2 (data, MAX (cut, 1));
      g_autoptr(DossierKeyWrap) none = dossier_key_wrap_parse (cut == 0 ? NULL : part, cut, &error);

      g_assert_null (none);
      g_assert_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_DAMAGED);
      g_clear_error (&error);
    }
  copy = g_malloc0 (len + 1);
  memcpy (copy, data, len);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(DossierKeyWrap) none = NULL;
      gsize size = len;
      guint8 saved;
      guint at = (guint[]) { 0, 3, 5, 4 }[i];

      saved = copy[at];
      switch (i)
        {
        case 0: size = len + 1; break;
        case 1: copy[3] = '2'; break;
        case 2: copy[5] = 1; break;
        default: copy[4] = 3; break;
        }
      none = dossier_key_wrap_parse (copy, size, &error);
      g_assert_null (none);
      g_assert_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_DAMAGED);
      if (i == 1)
        g_assert_nonnull (strstr (error->message, "newer"));
      g_clear_error (&error);
      copy[at] = saved;
    }
}

/* A flipped bit anywhere in a serialized wrap: refused when read or when unwrapped, never a
 * wrong key. The lowest bit of each byte keeps Argon2's memory under 24 MiB: a higher one
 * lands outside the bounds and is refused unused. */
static void
assert_flips_refused (DossierKey   *key,
                      GBytes       *bytes,
                      const char   *passphrase,
                      guint         bits)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  g_autofree guint8 *copy = g_memdup2 (data, len);

  for (gsize i = 0; i < len; i++)
    for (guint bit = 0; bit < bits; bit++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(DossierKeyWrap) wrap = NULL;
        g_autoptr(DossierKey) opened = NULL;

        copy[i] ^= 1u << bit;
        wrap = dossier_key_wrap_parse (copy, len, &error);
        if (wrap != NULL)
          opened = dossier_key_unwrap (wrap, DOSSIER_UUID, NAME, passphrase, &error);
        copy[i] ^= 1u << bit;

        g_assert_null (opened);
        g_assert_nonnull (error);
        g_assert_true (error->domain == DOSSIER_CRYPTO_ERROR);
        g_assert_true (error->code == DOSSIER_CRYPTO_ERROR_DAMAGED ||
                       error->code == DOSSIER_CRYPTO_ERROR_BAD_PARAMETERS ||
                       error->code == DOSSIER_CRYPTO_ERROR_WRONG_PASSPHRASE);
      }
}

static void
test_wrap_bit_flips (void)
{
  g_autoptr(DossierKey) key = dossier_key_new_random ();
  g_autoptr(DossierKeyWrap) wrap = NULL;
  g_autoptr(DossierKeyWrap) recovery = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) recovery_bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint8 secret[DOSSIER_RECOVERY_SECRET_SIZE];
  g_autofree char *text = dossier_crypto_new_recovery_key (secret);

  wrap = dossier_key_wrap_with_passphrase (key, DOSSIER_UUID, NAME, PASSPHRASE, OPS, MEM, &error);
  g_assert_no_error (error);
  bytes = dossier_key_wrap_serialize (wrap);
  assert_flips_refused (key, bytes, PASSPHRASE, 1);

  /* The recovery key's wrap costs no Argon2: every bit of every byte. */
  recovery = dossier_key_wrap_with_recovery (key, DOSSIER_UUID, NAME, secret);
  recovery_bytes = dossier_key_wrap_serialize (recovery);
  assert_flips_refused (key, recovery_bytes, text, 8);
}

static void
assert_refused_fast (const DossierKeyWrap *wrap)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DossierKey) none = NULL;
  g_autoptr(DossierKeyWrap) parsed = NULL;
  gint64 start = g_get_monotonic_time ();
  double seconds;

  none = dossier_key_unwrap (wrap, DOSSIER_UUID, NAME, PASSPHRASE, &error);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_assert_null (none);
  g_assert_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_BAD_PARAMETERS);
  g_assert_cmpfloat (seconds, <, 0.1);
  g_clear_error (&error);

  /* And read from bytes, refused at reading. */
  bytes = dossier_key_wrap_serialize (wrap);
  start = g_get_monotonic_time ();
  parsed = dossier_key_wrap_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_assert_null (parsed);
  g_assert_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_BAD_PARAMETERS);
  g_assert_cmpfloat (seconds, <, 0.1);
}

static void
test_wrap_absurd (void)
{
  g_autoptr(DossierKey) key = dossier_key_new_random ();
  g_autoptr(DossierKeyWrap) wrap = NULL;
  g_autoptr(DossierKeyWrap) none = NULL;
  g_autoptr(GError) error = NULL;
  struct { guint64 ops; gsize mem; } bombs[] = {
    { 1, (gsize) 1 << 40 },                        /* a memory bomb */
    { 1, DOSSIER_CRYPTO_MEMLIMIT_MAX + 1024 },
    { G_MAXUINT32, MEM },                          /* a time bomb */
    { DOSSIER_CRYPTO_OPSLIMIT_MAX + 1, MEM },
    { 0, MEM },
    { 1, 4096 },
    { 0, 0 },
  };

  wrap = dossier_key_wrap_with_passphrase (key, DOSSIER_UUID, NAME, PASSPHRASE, OPS, MEM, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (bombs); i++)
    {
      g_autoptr(DossierKeyWrap) bomb = dossier_key_wrap_copy (wrap);

      bomb->opslimit = bombs[i].ops;
      bomb->memlimit = bombs[i].mem;
      assert_refused_fast (bomb);

      g_assert_null (dossier_key_wrap_with_passphrase (key, DOSSIER_UUID, NAME, PASSPHRASE,
                                                       bombs[i].ops, bombs[i].mem, &error));
      g_assert_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_BAD_PARAMETERS);
      g_clear_error (&error);
    }

  none = dossier_key_wrap_with_passphrase (key, DOSSIER_UUID, NAME, "", OPS, MEM, &error);
  g_assert_null (none);
  g_assert_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_BAD_PARAMETERS);
}

/* The characters of a recovery key, without its dashes. */
static char *
key_chars (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (*p != '-')
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

static void
assert_recovery_refused (const char *text)
{
  g_autoptr(GError) error = NULL;
  guint8 secret[DOSSIER_RECOVERY_SECRET_SIZE];

  memset (secret, 0xaa, sizeof secret);
  if (dossier_crypto_parse_recovery_key (text, secret, &error))
    g_error ("“%s” was read as a recovery key", text);
  g_assert_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_WRONG_PASSPHRASE);
  g_assert_true (g_utf8_validate (error->message, -1, NULL) && *error->message != '\0');
  /* Nothing written on failure. */
  for (guint i = 0; i < sizeof secret; i++)
    g_assert_cmpuint (secret[i], ==, 0xaa);
}

static void
test_recovery_round_trip (void)
{
  g_autoptr(DossierKey) key = dossier_key_new_random ();
  g_autoptr(DossierKeyWrap) wrap = NULL;
  g_autoptr(GError) error = NULL;
  guint8 secret[DOSSIER_RECOVERY_SECRET_SIZE];
  guint8 read[DOSSIER_RECOVERY_SECRET_SIZE];
  g_autofree char *text = dossier_crypto_new_recovery_key (secret);
  g_autofree char *lower = g_ascii_strdown (text, -1);
  g_auto(GStrv) groups = g_strsplit (text, "-", -1);
  g_autofree char *spaced = g_strjoinv (" ", groups);
  g_autofree char *dashed = g_strjoinv ("\u2013", groups);
  g_autofree char *misread = g_strdup (lower);
  const char *forms[] = { text, lower, spaced, dashed, misread };

  g_test_message ("a recovery key: %s", text);
  /* 14 groups of 4 capitals and digits, none of I, L, O, U. */
  g_assert_cmpuint (g_strv_length (groups), ==, 14);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (groups[i]), ==, 4);
      for (const char *p = groups[i]; *p; p++)
        g_assert_nonnull (strchr ("0123456789ABCDEFGHJKMNPQRSTVWXYZ", *p));
    }

  /* Read as the paper is typed: small letters, spaces, the dash a word processor puts, and
   * O for 0, l and I for 1. */
  for (char *p = misread; *p; p++)
    if (*p == '0')
      *p = 'O';
    else if (*p == '1')
      *p = (p - misread) % 2 ? 'l' : 'I';
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      memset (read, 0, sizeof read);
      g_assert_true (dossier_crypto_parse_recovery_key (forms[i], read, &error));
      g_assert_no_error (error);
      g_assert_cmpmem (read, sizeof read, secret, sizeof secret);
    }

  wrap = dossier_key_wrap_with_recovery (key, DOSSIER_UUID, "recovery", secret);
  g_assert_cmpint (wrap->kind, ==, DOSSIER_KEY_WRAP_RECOVERY);
  {
    g_autoptr(DossierKey) opened = dossier_key_unwrap_with_recovery (wrap, DOSSIER_UUID, "recovery", secret, &error);

    g_assert_no_error (error);
    assert_same_key (key, opened);
  }
  {
    g_autoptr(DossierKey) opened = dossier_key_unwrap (wrap, DOSSIER_UUID, "recovery", spaced, &error);

    g_assert_no_error (error);
    assert_same_key (key, opened);
  }
  {
    guint8 other[DOSSIER_RECOVERY_SECRET_SIZE];
    g_autofree char *other_text = dossier_crypto_new_recovery_key (other);
    g_autoptr(DossierKey) none = dossier_key_unwrap (wrap, DOSSIER_UUID, "recovery", other_text, &error);

    g_assert_null (none);
    g_assert_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_WRONG_PASSPHRASE);
    g_clear_error (&error);
  }
}

static void
test_recovery_typo (void)
{
  static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  guint8 secret[DOSSIER_RECOVERY_SECRET_SIZE];
  g_autofree char *text = dossier_crypto_new_recovery_key (secret);
  g_autofree char *chars = key_chars (text);
  gsize n = strlen (chars);
  g_autofree char *shorter = g_strndup (chars, n - 1);
  g_autofree char *longer = g_strconcat (chars, "7", NULL);

  g_assert_cmpuint (n, ==, 56);
  /* Any one character changed for any other, anywhere. */
  for (gsize i = 0; i < n; i++)
    for (const char *a = alphabet; *a; a++)
      {
        g_autofree char *typo = g_strdup (chars);

        if (*a == chars[i])
          continue;
        typo[i] = *a;
        assert_recovery_refused (typo);
      }
  /* Any two different neighbours swapped, among the 52 characters of the secret. */
  for (gsize i = 0; i + 1 < 52; i++)
    {
      g_autofree char *swapped = g_strdup (chars);

      if (chars[i] == chars[i + 1])
        continue;
      swapped[i] = chars[i + 1];
      swapped[i + 1] = chars[i];
      assert_recovery_refused (swapped);
    }
  assert_recovery_refused (shorter);
  assert_recovery_refused (longer);
  assert_recovery_refused ("");
  assert_recovery_refused ("   ");

  /* A character that is in no recovery key, an ASCII one and others, is named. */
  {
    g_autofree char *with_u = g_strdup (text);
    g_autofree char *with_e = NULL;
    g_autoptr(GError) error = NULL;
    guint8 read[DOSSIER_RECOVERY_SECRET_SIZE];

    with_u[5] = 'U';
    g_assert_false (dossier_crypto_parse_recovery_key (with_u, read, &error));
    g_assert_error (error, DOSSIER_CRYPTO_ERROR, DOSSIER_CRYPTO_ERROR_WRONG_PASSPHRASE);
    g_assert_nonnull (strstr (error->message, "“U”"));
    g_clear_error (&error);

    with_e = g_strconcat ("\u00e9", text + 1, NULL);
    g_assert_false (dossier_crypto_parse_recovery_key (with_e, read, &error));
    g_assert_nonnull (strstr (error->message, "“\u00e9”"));
    g_clear_error (&error);
  }
  /* Bytes that are not UTF-8, cut where a sequence would read past the end. */
  assert_recovery_refused ("ABCD-\xf0");
  assert_recovery_refused ("\xc3");
  assert_recovery_refused ("\xff\xfe");
}

static void
test_tune (void)
{
  guint64 opslimit = 0;
  gsize memlimit = 0;
  gint64 start = g_get_monotonic_time ();
  double tuning, unlock;
  g_autoptr(DossierKey) key = dossier_key_new_random ();
  g_autoptr(DossierKeyWrap) wrap = NULL;
  g_autoptr(DossierKey) opened = NULL;
  g_autoptr(GError) error = NULL;

  dossier_crypto_tune (1.0, &opslimit, &memlimit);
  tuning = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_assert_cmpuint (opslimit, >=, DOSSIER_CRYPTO_OPSLIMIT_MIN);
  g_assert_cmpuint (opslimit, <=, DOSSIER_CRYPTO_OPSLIMIT_MAX);
  g_assert_cmpuint (memlimit, >=, DOSSIER_CRYPTO_MEMLIMIT_MIN);
  g_assert_cmpuint (memlimit, <=, DOSSIER_CRYPTO_MEMLIMIT_MAX);

  wrap = dossier_key_wrap_with_passphrase (key, DOSSIER_UUID, NAME, PASSPHRASE, opslimit, memlimit, &error);
  g_assert_no_error (error);
  unlock = timed_unwrap (wrap, PASSPHRASE, &opened, &error);
  g_assert_no_error (error);
  assert_same_key (key, opened);
  g_test_message ("tuned for 1 s: opslimit %" G_GUINT64_FORMAT ", memlimit %zu MiB (tuning took %.2f s); "
                  "one unlock then took %.2f s", opslimit, memlimit >> 20, tuning, unlock);

  /* Asked for a tiny or a huge time, tuning stays within what a wrap may ask. */
  dossier_crypto_tune (0.001, &opslimit, &memlimit);
  g_assert_cmpuint (opslimit, ==, DOSSIER_CRYPTO_OPSLIMIT_MIN);
  g_assert_cmpuint (memlimit, >=, DOSSIER_CRYPTO_MEMLIMIT_MIN);
  g_assert_cmpuint (memlimit, <=, DOSSIER_CRYPTO_MEMLIMIT_MAX);
  g_test_message ("tuned for 1 ms: opslimit %" G_GUINT64_FORMAT ", memlimit %zu MiB", opslimit, memlimit >> 20);
  dossier_crypto_tune (1000.0, &opslimit, &memlimit);
  g_assert_cmpuint (opslimit, ==, DOSSIER_CRYPTO_OPSLIMIT_MAX);
  g_assert_cmpuint (memlimit, <=, DOSSIER_CRYPTO_MEMLIMIT_MAX);
  g_test_message ("tuned for 1000 s: opslimit %" G_GUINT64_FORMAT ", memlimit %zu MiB", opslimit, memlimit >> 20);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (dossier_crypto_init ());

  g_test_add_func ("/crypto/seal/round-trip", test_seal_round_trip);
  g_test_add_func ("/crypto/seal/text", test_seal_text);
  g_test_add_func ("/crypto/seal/moved", test_seal_moved);
  g_test_add_func ("/crypto/seal/truncated", test_seal_truncated);
  g_test_add_func ("/crypto/seal/bit-flips", test_seal_bit_flips);
  g_test_add_func ("/crypto/seal/foreign", test_seal_foreign);
  g_test_add_func ("/crypto/seal/locked", test_seal_locked);
  g_test_add_func ("/crypto/key/threads", test_key_threads);
  g_test_add_func ("/crypto/wrap/passphrase", test_wrap_passphrase);
  g_test_add_func ("/crypto/wrap/normalized", test_wrap_normalized);
  g_test_add_func ("/crypto/wrap/serialize", test_wrap_serialize);
  g_test_add_func ("/crypto/wrap/bit-flips", test_wrap_bit_flips);
  g_test_add_func ("/crypto/wrap/absurd", test_wrap_absurd);
  g_test_add_func ("/crypto/recovery/round-trip", test_recovery_round_trip);
  g_test_add_func ("/crypto/recovery/typo", test_recovery_typo);
  g_test_add_func ("/crypto/tune", test_tune);
  return g_test_run ();
}
