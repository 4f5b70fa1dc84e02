/* dossier-link.h: a link between two records, with a role
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-record.h"

G_BEGIN_DECLS

typedef enum {
  DOSSIER_LINK_INCIDENT_ACTOR,      /* role: “actor-role”, with an involvement */
  DOSSIER_LINK_INCIDENT_PERSON,     /* role: “person-role” */
  DOSSIER_LINK_TESTIMONY_INCIDENT,  /* detail: the excerpt */
  DOSSIER_LINK_EVIDENCE_INCIDENT,
  DOSSIER_LINK_EVIDENCE_PERSON,
  DOSSIER_LINK_EVIDENCE_TESTIMONY,
  DOSSIER_N_LINK_KINDS
} DossierLinkKind;

/* The “actor-role” of an actor who allegedly committed an incident. */
#define DOSSIER_ROLE_ALLEGED_PERPETRATOR "alleged-perpetrator"

#define DOSSIER_TYPE_LINK (dossier_link_get_type ())
G_DECLARE_FINAL_TYPE (DossierLink, dossier_link, DOSSIER, LINK, DossierRecord)

DossierLink *dossier_link_new            (DossierLinkKind  kind);
const char  *dossier_link_kind_table     (DossierLinkKind  kind);
const char  *dossier_link_kind_left      (DossierLinkKind  kind);
const char  *dossier_link_kind_right     (DossierLinkKind  kind);

DossierLink *dossier_store_link          (DossierStore     *store,
                                          DossierLinkKind   kind,
                                          gint64            left_id,
                                          gint64            right_id,
                                          const char       *role,
                                          const char       *detail,
                                          GError          **error);
gboolean     dossier_store_unlink        (DossierStore     *store,
                                          DossierLink      *link,
                                          GError          **error);
/* Links of @kind whose left side is @left_id (or any, when 0) and right side @right_id
 * (or any, when 0). */
GPtrArray   *dossier_store_list_links    (DossierStore     *store,
                                          DossierLinkKind   kind,
                                          gint64            left_id,
                                          gint64            right_id,
                                          GError          **error);
gboolean     dossier_store_foreach_link  (DossierStore      *store,
                                          DossierLinkKind    kind,
                                          DossierRecordFunc  func,
                                          gpointer           user_data,
                                          GError           **error);
GStrv        dossier_store_alleged_perpetrators (DossierStore  *store,
                                                 gint64         incident_id,
                                                 GError       **error);

/* Typed getters, plain and fast: each returns its field as stored in memory. Writes go
 * through dossier_record_set_field () (dossier_record_set_text () …, or g_object_set ()). */
DossierLinkKind dossier_link_get_kind        (DossierLink *self);
gint64          dossier_link_get_left_id     (DossierLink *self);
gint64          dossier_link_get_right_id    (DossierLink *self);
const char     *dossier_link_get_role        (DossierLink *self);
const char     *dossier_link_get_involvement (DossierLink *self);
const char     *dossier_link_get_detail      (DossierLink *self);
void            dossier_link_set_involvement (DossierLink *self,
                                              const char  *involvement);

G_END_DECLS
