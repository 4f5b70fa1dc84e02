/* dossier-edtf-private.h: what the files of the EDTF module share, and nothing else includes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-edtf.h"

G_BEGIN_DECLS

gboolean _dossier_edtf_fail        (GError            **error,
                                    const char         *format,
                                    ...) G_GNUC_PRINTF (2, 3);
int      _dossier_edtf_read_digits (const char        **c,
                                    int                *value);
gboolean _dossier_edtf_is_sane     (const DossierEdtf  *edtf);

G_END_DECLS
