/* dossier-edtf.h: dates in the Extended Date/Time Format (ISO 8601-2), levels 0 and 1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DOSSIER_EDTF_ERROR (dossier_edtf_error_quark ())

typedef enum {
  DOSSIER_EDTF_ERROR_INVALID,
} DossierEdtfError;

typedef enum {
  DOSSIER_EDTF_PRECISION_YEAR,
  DOSSIER_EDTF_PRECISION_MONTH,
  DOSSIER_EDTF_PRECISION_DAY,
} DossierEdtfPrecision;

typedef enum {
  DOSSIER_EDTF_ENDPOINT_DATE,
  DOSSIER_EDTF_ENDPOINT_OPEN,     /* ".." */
  DOSSIER_EDTF_ENDPOINT_UNKNOWN,  /* the empty side of "/" */
} DossierEdtfEndpointKind;

/* One end of a period, or the date itself; when it is not a date only @kind counts. */
typedef struct {
  DossierEdtfEndpointKind kind;
  int                     year;         /* 1 to 9999 */
  int                     month;        /* 0 when not given */
  int                     day;          /* 0 when not given */
  DossierEdtfPrecision    precision;
  gboolean                approximate;  /* ~ or % */
  gboolean                uncertain;    /* ? or % */
} DossierEdtfPoint;

typedef struct {
  gboolean         is_interval;
  DossierEdtfPoint start;               /* the single date when !is_interval */
  DossierEdtfPoint end;
} DossierEdtf;

/* How a date written with numbers only ("03/04/2022") orders its day and month. */
typedef enum {
  DOSSIER_DAY_ORDER_DAY_FIRST,          /* 27/03/2022, as in France, Mali and Britain */
  DOSSIER_DAY_ORDER_MONTH_FIRST,        /* 03/27/2022, as in the United States */
} DossierDayOrder;

GQuark    dossier_edtf_error_quark   (void);
gboolean  dossier_edtf_parse         (const char        *text,
                                      DossierEdtf       *out,
                                      GError           **error);
gboolean  dossier_edtf_validate      (const char        *text,
                                      GError           **error);
char     *dossier_edtf_from_human    (const char        *text,
                                      DossierDayOrder    order,
                                      GError           **error);
char     *dossier_edtf_to_string     (const DossierEdtf *edtf);
char     *dossier_edtf_format        (const DossierEdtf *edtf,
                                      const char        *lang);
char     *dossier_edtf_format_string (const char        *text,
                                      const char        *lang);
gboolean  dossier_edtf_earliest_day  (const DossierEdtf *edtf,
                                      guint32           *out);
gboolean  dossier_edtf_latest_day    (const DossierEdtf *edtf,
                                      guint32           *out);
gboolean  dossier_edtf_bounds        (const char        *text,
                                      guint32           *earliest,
                                      guint32           *latest,
                                      GError           **error);

const char *dossier_edtf_month_name (int         month,
                                     const char *lang,
                                     gboolean    abbreviated);

G_END_DECLS
