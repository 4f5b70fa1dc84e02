/* dossier-crypto.h: the data key, sealed values, keyholders' wraps and the recovery key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Formats (all integers big-endian; every blob starts with a magic that carries its version):
 *
 * A sealed value (dossier_crypto_seal()), DOSSIER_CRYPTO_SEAL_OVERHEAD (44) bytes longer than
 * the clear value:
 *
 *   offset  size  field
 *   0       4     magic and version, "DSv1"
 *   4       24    nonce, random
 *   28      n+16  XChaCha20-Poly1305-IETF ciphertext of the n clear bytes, then its tag
 *
 * Its additional data (authenticated, not stored) is "dossier-v1" NUL table NUL uuid NUL
 * column, so a value copied to another table, record or column does not open.
 *
 * A wrap (dossier_key_wrap_serialize()): the 32-byte data key sealed for one keyholder, as
 * one DOSSIER_KEY_WRAP_SERIALIZED_SIZE (108) byte blob, to keep in a BLOB column next to the
 * keyholder's name, or base64 in an export:
 *
 *   offset  size  field
 *   0       4     magic and version, "DWv1"
 *   4       1     kind: 1 passphrase, 2 recovery key (#DossierKeyWrapKind)
 *   5       3     zero
 *   8       4     Argon2id opslimit (passphrase: 1 to 20; recovery: 0)
 *   12      8     Argon2id memlimit in bytes (passphrase: 8 MiB to 1 GiB; recovery: 0)
 *   20      16    salt, random
 *   36      24    nonce, random
 *   60      48    the data key sealed with XChaCha20-Poly1305-IETF, then its tag
 *
 * The wrapping key is Argon2id v1.3 (crypto_pwhash, parallelism 1) of the passphrase (NFC)
 * and salt for a passphrase; BLAKE2b keyed with the recovery secret, salted with the salt and
 * personalised "dossier-recovery" for the recovery key. The additional data is
 * "dossier-wrap-v1" NUL dossier uuid NUL keyholder name: the name is not in the blob, the
 * caller keeps it beside it, and a wrap moved to another keyholder or dossier does not open.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DOSSIER_CRYPTO_ERROR (dossier_crypto_error_quark ())

typedef enum {
  DOSSIER_CRYPTO_ERROR_WRONG_PASSPHRASE,  /* or a mistyped recovery key, or a damaged wrap */
  DOSSIER_CRYPTO_ERROR_DAMAGED,           /* a sealed value or a wrap that does not read */
  DOSSIER_CRYPTO_ERROR_BAD_PARAMETERS,    /* Argon2 parameters out of bounds, refused unused */
  DOSSIER_CRYPTO_ERROR_LOCKED,            /* no key: the dossier is locked */
  DOSSIER_CRYPTO_ERROR_FAILED,
} DossierCryptoError;

#define DOSSIER_KEY_SIZE 32
#define DOSSIER_RECOVERY_SECRET_SIZE 32
#define DOSSIER_CRYPTO_SEAL_OVERHEAD 44
#define DOSSIER_KEY_WRAP_SERIALIZED_SIZE 108

/* What a wrap may ask of Argon2id: outside these bounds it is refused before any work, so that
 * a tampered wrap can make neither a memory nor a time bomb. */
#define DOSSIER_CRYPTO_OPSLIMIT_MIN 1
#define DOSSIER_CRYPTO_OPSLIMIT_MAX 20
#define DOSSIER_CRYPTO_MEMLIMIT_MIN ((gsize) 8 << 20)
#define DOSSIER_CRYPTO_MEMLIMIT_MAX ((gsize) 1 << 30)

GQuark      dossier_crypto_error_quark          (void);
gboolean    dossier_crypto_init                 (void);

/* The data key: opaque, reference-counted, in locked memory that is unreadable when unused
 * and wiped when the last reference goes. */
typedef struct _DossierKey DossierKey;

#define DOSSIER_TYPE_KEY (dossier_key_get_type ())

GType       dossier_key_get_type                (void) G_GNUC_CONST;
DossierKey *dossier_key_new_random              (void);
DossierKey *dossier_key_ref                     (DossierKey      *key);
void        dossier_key_unref                   (DossierKey      *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierKey, dossier_key_unref)

GBytes     *dossier_crypto_seal                 (DossierKey      *key,
                                                 const char      *table,
                                                 const char      *uuid,
                                                 const char      *column,
                                                 const guint8    *clear,
                                                 gsize            len);
GBytes     *dossier_crypto_open                 (DossierKey      *key,
                                                 const char      *table,
                                                 const char      *uuid,
                                                 const char      *column,
                                                 const guint8    *blob,
                                                 gsize            len,
                                                 GError         **error);
GBytes     *dossier_crypto_seal_text            (DossierKey      *key,
                                                 const char      *table,
                                                 const char      *uuid,
                                                 const char      *column,
                                                 const char      *text);
char       *dossier_crypto_open_text            (DossierKey      *key,
                                                 const char      *table,
                                                 const char      *uuid,
                                                 const char      *column,
                                                 const guint8    *blob,
                                                 gsize            len,
                                                 GError         **error);
gboolean    dossier_crypto_is_sealed            (const guint8    *blob,
                                                 gsize            len);

typedef enum {
  DOSSIER_KEY_WRAP_PASSPHRASE = 1,
  DOSSIER_KEY_WRAP_RECOVERY = 2,
} DossierKeyWrapKind;

/* One keyholder's copy of the data key. Only the wrapped key is secret-dependent, and it is
 * sealed: a wrap can be shown, copied and stored in clear. */
typedef struct {
  DossierKeyWrapKind kind;
  guint64            opslimit;         /* 0 for the recovery key */
  gsize              memlimit;         /* 0 for the recovery key */
  guint8             salt[16];
  guint8             nonce[24];
  guint8             wrapped_key[DOSSIER_KEY_SIZE + 16];
} DossierKeyWrap;

#define DOSSIER_TYPE_KEY_WRAP (dossier_key_wrap_get_type ())

GType           dossier_key_wrap_get_type          (void) G_GNUC_CONST;
DossierKeyWrap *dossier_key_wrap_copy              (const DossierKeyWrap *wrap);
void            dossier_key_wrap_free              (DossierKeyWrap       *wrap);
gboolean        dossier_key_wrap_check             (const DossierKeyWrap *wrap,
                                                    GError              **error);
GBytes         *dossier_key_wrap_serialize         (const DossierKeyWrap *wrap);
DossierKeyWrap *dossier_key_wrap_parse             (const guint8         *data,
                                                    gsize                 len,
                                                    GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierKeyWrap, dossier_key_wrap_free)

DossierKeyWrap *dossier_key_wrap_with_passphrase   (DossierKey           *key,
                                                    const char           *dossier_uuid,
                                                    const char           *name,
                                                    const char           *passphrase,
                                                    guint64               opslimit,
                                                    gsize                 memlimit,
                                                    GError              **error);
DossierKeyWrap *dossier_key_wrap_with_recovery     (DossierKey           *key,
                                                    const char           *dossier_uuid,
                                                    const char           *name,
                                                    const guint8          secret[DOSSIER_RECOVERY_SECRET_SIZE]);
DossierKey     *dossier_key_unwrap                 (const DossierKeyWrap *wrap,
                                                    const char           *dossier_uuid,
                                                    const char           *name,
                                                    const char           *passphrase,
                                                    GError              **error);
DossierKey     *dossier_key_unwrap_with_recovery   (const DossierKeyWrap *wrap,
                                                    const char           *dossier_uuid,
                                                    const char           *name,
                                                    const guint8          secret[DOSSIER_RECOVERY_SECRET_SIZE],
                                                    GError              **error);

void            dossier_crypto_tune                (double                target_seconds,
                                                    guint64              *opslimit,
                                                    gsize                *memlimit);

char           *dossier_crypto_new_recovery_key    (guint8                out_secret[DOSSIER_RECOVERY_SECRET_SIZE]);
gboolean        dossier_crypto_parse_recovery_key  (const char           *text,
                                                    guint8                out_secret[DOSSIER_RECOVERY_SECRET_SIZE],
                                                    GError              **error);

G_END_DECLS
