/* dossier-crypto-private.h: what the crypto files share, and no one else
 *
 * dossier-crypto.c holds the data key and sealed values, dossier-crypto-wrap.c the
 * keyholders' wraps and the tuning of their derivation, dossier-crypto-recovery.c the
 * recovery key.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sodium.h>

#include "dossier-crypto.h"

G_BEGIN_DECLS

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

struct _DossierKey {
  gatomicrefcount  ref_count;
  /* The bytes are readable only while a seal, an open or a wrap uses them (sodium_mprotect),
   * so that a stray read elsewhere in the process faults instead of finding them. Threads
   * share a key: the first user opens the pages and the last closes them. */
  GMutex           lock;
  guint            users;
  guint8          *bytes;   /* sodium_malloc'd: guarded pages, locked out of swap */
};

gboolean      _dossier_crypto_ensure_init     (void);
GString      *_dossier_crypto_additional_data (const char *first,
                                               ...) G_GNUC_NULL_TERMINATED;
DossierKey   *_dossier_crypto_key_alloc       (void);
void          _dossier_crypto_key_close       (DossierKey *key);
const guint8 *_dossier_crypto_key_begin_use   (DossierKey *key);
void          _dossier_crypto_key_end_use     (DossierKey *key);

G_END_DECLS
