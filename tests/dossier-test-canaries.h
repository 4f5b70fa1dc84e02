/* dossier-test-canaries.h: a demo dossier with unique words planted where a profile must not
 * let them out, for every exporter's tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-store.h"

G_BEGIN_DECLS

/* One word each, without hyphens, so that no table cell breaks it across lines. */
#define CANARY_CONFIDENTIAL "CANARYCONFIDENTIAL4242"  /* INC-0001, made confidential: title, summaries, sources */
#define CANARY_RESTRICTED   "CANARYRESTRICTED777"     /* INC-0002, restricted: the same */
#define CANARY_PUBLIC       "PUBLICTEXT123"           /* INC-0003, public: the same */
#define CANARY_IDENTITY     "CANARYIDENTITY7"         /* an identity's name */
#define CANARY_CONTACT      "CANARYCONTACT"           /* and contact */
#define CANARY_NOTES        "CANARYNOTES55"           /* TEM-0001's notes; TEM-0001 made protected, female */
#define CANARY_SUMMARY      "CANARYSUMMARY66"         /* TES-00001's summary */
#define CANARY_INTERVIEWER  "CANARYINTERVIEWER77"     /* and interviewer */
#define CANARY_EVIDENCE     "CANARYEVIDENCE88"        /* EVD-0002's title; EVD-0002 made confidential */

DossierStore *dossier_test_canary_dossier (const char *name);
char         *dossier_test_pdf_text       (const char *pdf);

G_END_DECLS
