/* dossier-testimony-coder-private.h: what the parts of the testimony coder share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-testimony-coder.h"

G_BEGIN_DECLS

/* The queue's filters: status, office, language. */
#define N_QUEUE_FILTERS 3

struct _DossierTestimonyCoder
{
  AdwWindow        parent_instance;

  DossierStore    *store;
  char            *lang;
  gint64           testimony_id;
  GArray          *queue;          /* gint64 ids */
  char            *queue_status;
  char            *queue_office;
  char            *queue_language;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *title;
  GtkDropDown     *queue_dropdowns[N_QUEUE_FILTERS];
  GPtrArray       *queue_codes[N_QUEUE_FILTERS];  /* each drop-down's codes, NULL for "Any" */
  GtkTextView     *text;
  GtkTextBuffer   *buffer;
  GtkSearchEntry  *find;
  GtkLabel        *find_count;
  GtkLabel        *summary;
  GtkLabel        *details;
  GtkDropDown     *status;
  GtkLabel        *history;        /* who moved it to its status, and when */
  GPtrArray       *status_codes;
  GtkListBox      *passages;
  GArray          *passage_ranges; /* the start and end offsets of the rows of @passages */
  GtkLabel        *position;
  guint            n_passages;
  gboolean         loading;
};

void _dossier_testimony_coder_set_str       (char                 **target,
                                              const char            *value);
void _dossier_testimony_coder_toast         (DossierTestimonyCoder *self,
                                              const char            *message);
void _dossier_testimony_coder_select_range  (DossierTestimonyCoder *self,
                                              int                    start,
                                              int                    end);
void _dossier_testimony_coder_show_passages (DossierTestimonyCoder *self);
void _dossier_testimony_coder_coding_class_init (GtkWidgetClass    *widget_class);

G_END_DECLS
