/* dossier-link-group.c: the links of a record of one kind, as rows that open or go
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One widget for both sides of every link: an incident's witnesses (incident ↔ person,
 * the incident on the left) and a person's incidents (the same links, the person on the
 * right) are the same group with another "side". The header holds the "Add…" picker.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-accessible.h"

#include "dossier-actor.h"
#include "dossier-evidence.h"
#include "dossier-incident.h"
#include "dossier-link-group.h"
#include "dossier-test-hooks.h"
#include "dossier-person.h"
#include "dossier-testimony.h"
#include "dossier-vocab.h"

struct _DossierLinkGroup
{
  GtkWidget            parent_instance;

  AdwPreferencesGroup *group;
  GtkMenuButton       *add_button;
  DossierRecordPicker *picker;
  GtkWidget           *empty_row;
  GPtrArray           *rows;      /* GtkWidget, in the group */
  GPtrArray           *links;     /* DossierLink, one per row */

  DossierStore        *store;
  gint64               record_id;
  char                *lang;
  int                  kind;
  int                  side;      /* 0: the record is the left of the links, 1: the right */
  char                *title;
  char                *add_label;
};

enum {
  PROP_0,
  PROP_KIND,
  PROP_SIDE,
  PROP_TITLE,
  PROP_ADD_LABEL,
  N_PROPS
};

enum {
  OPEN_RECORD,
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DossierLinkGroup, dossier_link_group, GTK_TYPE_WIDGET)

GType
dossier_link_group_other_type (DossierLinkGroup *self)
{
  g_return_val_if_fail (DOSSIER_IS_LINK_GROUP (self), G_TYPE_INVALID);
  return dossier_type_for_table (self->side == 0 ? dossier_link_kind_right (self->kind)
                                         : dossier_link_kind_left (self->kind));
}

static const char *
role_scheme (int kind)
{
  switch (kind)
    {
    case DOSSIER_LINK_INCIDENT_ACTOR:
      return "actor-role";
    case DOSSIER_LINK_INCIDENT_PERSON:
      return "person-role";
    default:
      return NULL;
    }
}

static gint64
other_id (DossierLinkGroup *self,
          DossierLink      *link)
{
  return self->side == 0 ? dossier_link_get_right_id (link) : dossier_link_get_left_id (link);
}

static void
toast (DossierLinkGroup *self,
       AdwToast         *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_error (DossierLinkGroup *self,
            const GError     *error)
{
  toast (self, adw_toast_new (error->message));
}

static void
on_row_activated (GtkWidget        *row,
                  DossierLinkGroup *self)
{
  guint index;

  if (g_ptr_array_find (self->rows, row, &index))
    g_signal_emit (self, signals[OPEN_RECORD], 0, dossier_link_group_other_type (self),
                   other_id (self, self->links->pdata[index]));
}

/* Undoing a removal makes the link again, as it was. */
static void
on_undo_remove (DossierLinkGroup *self,
                AdwToast         *toast)
{
  DossierLink *link = g_object_get_data (G_OBJECT (toast), "link");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierLink) again = NULL;

  if (self->store == NULL)
    return;
  again = dossier_store_link (self->store, dossier_link_get_kind (link),
                              dossier_link_get_left_id (link), dossier_link_get_right_id (link),
                              dossier_link_get_role (link), dossier_link_get_detail (link), &error);
  if (again != NULL && dossier_link_get_involvement (link) != NULL &&
      g_strcmp0 (dossier_link_get_involvement (link), dossier_link_get_involvement (again)) != 0)
    {
      dossier_link_set_involvement (again, dossier_link_get_involvement (link));
      dossier_store_update (self->store, DOSSIER_RECORD (again), &error);
    }
  if (error != NULL)
    show_error (self, error);
  dossier_link_group_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * dossier_link_group_remove:
 * @self: a #DossierLinkGroup
 * @index: a row
 *
 * Removes that link, offering to undo it in a toast.
 *
 * Returns: %TRUE if it was removed
 */
gboolean
dossier_link_group_remove (DossierLinkGroup *self,
                           guint             index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierLink) link = NULL;
  AdwToast *undo;

  g_return_val_if_fail (DOSSIER_IS_LINK_GROUP (self), FALSE);
  g_return_val_if_fail (index < self->links->len, FALSE);

  link = g_object_ref (self->links->pdata[index]);
  if (!dossier_store_unlink (self->store, link, &error))
    {
      show_error (self, error);
      return FALSE;
    }
  undo = adw_toast_new (_("Link removed"));
  adw_toast_set_button_label (undo, _("_Undo"));
  g_object_set_data_full (G_OBJECT (undo), "link", g_object_ref (link), g_object_unref);
  /* Not after the group is gone with its editor. */
  g_signal_connect_object (undo, "button-clicked", G_CALLBACK (on_undo_remove), self, G_CONNECT_SWAPPED);
  toast (self, undo);
  dossier_link_group_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static void
on_remove_clicked (GtkWidget        *button,
                   DossierLinkGroup *self)
{
  guint index;

  /* The button is in the row it removes. */
  if (g_ptr_array_find (self->rows, gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW), &index))
    dossier_link_group_remove (self, index);
}

/**
 * dossier_link_group_add:
 * @self: a #DossierLinkGroup
 * @other_id: the record to link to
 * @role: (nullable): the role, for links that have one
 *
 * Returns: %TRUE if the link was made; otherwise the reason is shown in a toast
 */
gboolean
dossier_link_group_add (DossierLinkGroup *self,
                        gint64            other,
                        const char       *role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierLink) link = NULL;

  g_return_val_if_fail (DOSSIER_IS_LINK_GROUP (self), FALSE);

  link = dossier_store_link (self->store, self->kind,
                             self->side == 0 ? self->record_id : other,
                             self->side == 0 ? other : self->record_id,
                             role, NULL, &error);
  if (link == NULL)
    {
      show_error (self, error);
      return FALSE;
    }
  dossier_link_group_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static void
on_picked (DossierLinkGroup *self,
           gint64            id,
           const char       *role)
{
  dossier_link_group_add (self, id, role);
}

static void
on_open_created (DossierLinkGroup *self,
                 AdwToast         *toast)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "id"));

  g_signal_emit (self, signals[OPEN_RECORD], 0, dossier_link_group_other_type (self), id);
}

/* A record made from the picker is linked (::picked follows) and can be opened at once to
 * be completed. */
static void
on_created (DossierLinkGroup *self,
            gint64            id)
{
  g_autoptr(DossierRecord) record = dossier_store_load (self->store, dossier_link_group_other_type (self), id, NULL);
  g_autofree char *message = NULL;
  AdwToast *made;

  if (record == NULL)
    return;
  /* Translators: %s is the code of a person or actor just made from a picker */
  message = g_strdup_printf (_("%s made and linked: open it to complete it"), dossier_record_get_code (record));
  made = adw_toast_new (message);
  adw_toast_set_button_label (made, _("_Open"));
  adw_toast_set_timeout (made, 10);
  g_object_set_data (G_OBJECT (made), "id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect_object (made, "button-clicked", G_CALLBACK (on_open_created), self, G_CONNECT_SWAPPED);
  toast (self, made);
}

static GtkWidget *
make_row (DossierLinkGroup *self,
          DossierLink      *link)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierRecord) other = dossier_store_load (self->store, dossier_link_group_other_type (self),
                                                       other_id (self, link), &error);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *title = NULL;

  if (other == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), error->message);
      return row;
    }
  title = g_markup_escape_text (dossier_record_get_code (other), -1);
  if (role_scheme (self->kind) != NULL && *dossier_link_get_role (link))
    {
      g_autofree char *label = dossier_store_vocab_label (self->store, role_scheme (self->kind), dossier_link_get_role (link), self->lang);
      g_string_append (subtitle, label);
    }
  {
    g_autofree char *description = dossier_record_describe (self->store, other, self->lang);

    if (*description)
      g_string_append_printf (subtitle, "%s%s", subtitle->len ? " — " : "", description);
  }
  if (dossier_link_get_detail (link) != NULL && *dossier_link_get_detail (link))
    g_string_append_printf (subtitle, "%s« %s »", subtitle->len ? "\n" : "", dossier_link_get_detail (link));
  {
    g_autofree char *escaped = g_markup_escape_text (subtitle->str, -1);

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
    adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect (row, "activated", G_CALLBACK (on_row_activated), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove this link"));
  {
    /* Translators: what a screen reader says for the button; %s is a code, INC-0003 */
    g_autofree char *name = g_strdup_printf (_("Remove the link to %s"), dossier_record_get_code (other));

    gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), remove);
  return row;
}

/**
 * dossier_link_group_reload:
 * @self: a #DossierLinkGroup
 *
 * Reads the record's links again.
 */
void
dossier_link_group_reload (DossierLinkGroup *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) links = NULL;

  g_return_if_fail (DOSSIER_IS_LINK_GROUP (self));

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->links, 0);
  if (self->store == NULL || self->record_id <= 0)
    return;

  links = dossier_store_list_links (self->store, self->kind,
                                    self->side == 0 ? self->record_id : 0,
                                    self->side == 0 ? 0 : self->record_id, &error);
  if (links == NULL)
    {
      show_error (self, error);
      return;
    }
  for (guint i = 0; i < links->len; i++)
    {
      GtkWidget *row = make_row (self, links->pdata[i]);

      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
      g_ptr_array_add (self->links, g_object_ref (links->pdata[i]));
    }
  gtk_widget_set_visible (self->empty_row, links->len == 0);
}

void
dossier_link_group_set_record (DossierLinkGroup *self,
                               DossierStore     *store,
                               gint64            record_id,
                               const char       *lang)
{
  g_return_if_fail (DOSSIER_IS_LINK_GROUP (self));
  g_return_if_fail (DOSSIER_IS_STORE (store));

  if (store != self->store)
    {
      g_set_object (&self->store, store);
      g_free (self->lang);
      self->lang = g_strdup (lang);
      self->picker = DOSSIER_RECORD_PICKER (dossier_record_picker_new (store, dossier_link_group_other_type (self),
                                                                       role_scheme (self->kind), lang));
      g_signal_connect_object (self->picker, "picked", G_CALLBACK (on_picked), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->picker, "created", G_CALLBACK (on_created), self, G_CONNECT_SWAPPED);
      gtk_menu_button_set_popover (self->add_button, GTK_WIDGET (self->picker));
    }
  self->record_id = record_id;
  dossier_link_group_reload (self);
}

guint
dossier_link_group_get_n_links (DossierLinkGroup *self)
{
  g_return_val_if_fail (DOSSIER_IS_LINK_GROUP (self), 0);
  return self->links->len;
}

DossierLink *
dossier_link_group_get_link (DossierLinkGroup *self,
                             guint             index)
{
  g_return_val_if_fail (DOSSIER_IS_LINK_GROUP (self), NULL);
  g_return_val_if_fail (index < self->links->len, NULL);
  return self->links->pdata[index];
}

DossierRecordPicker *
dossier_link_group_get_picker (DossierLinkGroup *self)
{
  g_return_val_if_fail (DOSSIER_IS_LINK_GROUP (self), NULL);
  return self->picker;
}

static void
dossier_link_group_dispose (GObject *object)
{
  DossierLinkGroup *self = DOSSIER_LINK_GROUP (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->links, g_ptr_array_unref);

  G_OBJECT_CLASS (dossier_link_group_parent_class)->dispose (object);
}

static void
dossier_link_group_finalize (GObject *object)
{
  DossierLinkGroup *self = DOSSIER_LINK_GROUP (object);

  g_free (self->lang);
  g_free (self->title);
  g_free (self->add_label);

  G_OBJECT_CLASS (dossier_link_group_parent_class)->finalize (object);
}

static void
dossier_link_group_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DossierLinkGroup *self = DOSSIER_LINK_GROUP (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_SIDE:
      g_value_set_int (value, self->side);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_ADD_LABEL:
      g_value_set_string (value, self->add_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_link_group_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DossierLinkGroup *self = DOSSIER_LINK_GROUP (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;
    case PROP_SIDE:
      self->side = g_value_get_int (value);
      break;
    case PROP_TITLE:
      g_free (self->title);
      self->title = g_value_dup_string (value);
      adw_preferences_group_set_title (self->group, self->title ? self->title : "");
      break;
    case PROP_ADD_LABEL:
      g_free (self->add_label);
      self->add_label = g_value_dup_string (value);
      gtk_menu_button_set_label (self->add_button, self->add_label ? self->add_label : "");
      dossier_accessible_name_menu_button (self->add_button);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_link_group_class_init (DossierLinkGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_link_group_dispose;
  object_class->finalize = dossier_link_group_finalize;
  object_class->get_property = dossier_link_group_get_property;
  object_class->set_property = dossier_link_group_set_property;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, DOSSIER_N_LINK_KINDS - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIDE] =
    g_param_spec_int ("side", NULL, NULL, 0, 1, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADD_LABEL] =
    g_param_spec_string ("add-label", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The user asked to open the record at the other end of a link: its type and id. */
  signals[OPEN_RECORD] = g_signal_new ("open-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_GTYPE, G_TYPE_INT64);
  /* A link was made or removed. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
dossier_link_group_init (DossierLinkGroup *self)
{
  self->rows = g_ptr_array_new ();
  self->links = g_ptr_array_new_with_free_func (g_object_unref);
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->group), GTK_WIDGET (self));

  self->add_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_use_underline (self->add_button, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->add_button), "flat");
  gtk_widget_set_valign (GTK_WIDGET (self->add_button), GTK_ALIGN_CENTER);
  adw_preferences_group_set_header_suffix (self->group, GTK_WIDGET (self->add_button));

  self->empty_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row), _("No links yet"));
  gtk_widget_add_css_class (self->empty_row, "dim-label");
  adw_preferences_group_add (self->group, self->empty_row);
}
