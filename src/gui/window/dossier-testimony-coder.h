/* dossier-testimony-coder.h: reading and coding testimonies, one after another
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dossier-coding.h"
#include "dossier-store.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_TESTIMONY_CODER (dossier_testimony_coder_get_type ())
G_DECLARE_FINAL_TYPE (DossierTestimonyCoder, dossier_testimony_coder, DOSSIER, TESTIMONY_CODER, AdwWindow)

DossierTestimonyCoder *dossier_testimony_coder_new          (DossierStore          *store,
                                                             const char            *lang,
                                                             gint64                 testimony_id);
gboolean               dossier_testimony_coder_step         (DossierTestimonyCoder *self,
                                                             int                    direction);
void                   dossier_testimony_coder_set_queue    (DossierTestimonyCoder *self,
                                                             const char            *status,
                                                             const char            *office,
                                                             const char            *language);
gboolean               dossier_testimony_coder_code         (DossierTestimonyCoder *self,
                                                             DossierPassageKind     kind,
                                                             gint64                 ref_id,
                                                             const char            *violation_type);
gint64                 dossier_testimony_coder_code_new     (DossierTestimonyCoder *self,
                                                             DossierPassageKind     kind);
guint                  dossier_testimony_coder_find         (DossierTestimonyCoder *self,
                                                             const char            *text);
void                   dossier_testimony_coder_set_status   (DossierTestimonyCoder *self,
                                                             const char            *status);

G_END_DECLS
