/* dossier-person.c: a coded person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-person.h"
#include "dossier-person-private.h"
#include "dossier-store-private.h"
#include "dossier-record-private.h"

G_DEFINE_FINAL_TYPE (DossierPerson, dossier_person, DOSSIER_TYPE_RECORD)

#define F(name, type, vocab, ref) { #name, DOSSIER_FIELD_##type, G_STRUCT_OFFSET (DossierPerson, name), vocab, ref }

static const DossierField fields[] = {
  F (protection, TEXT, "protection-level", NULL),
  F (sex, TEXT, "sex", NULL),
  F (age, INT, NULL, NULL),
  F (age_group, TEXT, "age-group", NULL),
  F (community, TEXT, NULL, NULL),
  F (residence_admin1, NTEXT, "admin1", NULL),
  F (residence_admin2, NTEXT, "admin2", NULL),
  F (languages, TEXT, NULL, NULL),
  F (consent, TEXT, "consent", NULL),
  F (notes, TEXT, NULL, NULL),
};

static const DossierRecordInfo info = {
  .table = "person",
  .code_prefix = "TEM",
  .code_digits = 4,
  .not_audited = FALSE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
dossier_person_class_init (DossierPersonClass *klass)
{
  _dossier_record_class_install_fields (DOSSIER_RECORD_CLASS (klass), &info, 1);
}

static void
dossier_person_init (DossierPerson *self)
{
  _dossier_record_set_info (DOSSIER_RECORD (self), &info);
  g_free (self->protection);
  self->protection = g_strdup ("protected");
  g_free (self->sex);
  self->sex = g_strdup ("unknown");
  g_free (self->age_group);
  self->age_group = g_strdup ("unknown");
  g_free (self->consent);
  self->consent = g_strdup ("internal-only");
}

/**
 * dossier_person_new:
 *
 * Returns: (transfer full): a new, unsaved record with default values
 */
DossierPerson *
dossier_person_new (void)
{
  return g_object_new (DOSSIER_TYPE_PERSON, NULL);
}

/* The age groups of the vocabulary "age-group" (data/vocab/age-group.json), whose labels
 * state these same bounds: "Child (0–17)", "Adult (18–59)", "Older person (60+)". */
static const struct {
  const char *code;
  gint64      from;
  gint64      to;
} age_groups[] = {
  { "child", 0, 17 },
  { "adult", 18, 59 },
  { "elderly", 60, G_MAXINT64 },
};

/**
 * dossier_person_age_group_for_age:
 * @age: an age in years, or -1 when unknown
 *
 * Returns: (nullable): the code of the age group @age falls in, or %NULL if the age is
 *   not known (the group then says what is known, if anything)
 */
const char *
dossier_person_age_group_for_age (gint64 age)
{
  for (guint i = 0; i < G_N_ELEMENTS (age_groups); i++)
    if (age >= age_groups[i].from && age <= age_groups[i].to)
      return age_groups[i].code;
  return NULL;
}

/**
 * dossier_person_get_protection:
 * @self: a #DossierPerson
 *
 * Returns: (transfer none): its protection, vocabulary “protection-level”
 */
const char *
dossier_person_get_protection (DossierPerson *self)
{
  g_return_val_if_fail (DOSSIER_IS_PERSON (self), NULL);
  return self->protection;
}

/**
 * dossier_person_get_sex:
 * @self: a #DossierPerson
 *
 * Returns: (transfer none): its sex, vocabulary “sex”
 */
const char *
dossier_person_get_sex (DossierPerson *self)
{
  g_return_val_if_fail (DOSSIER_IS_PERSON (self), NULL);
  return self->sex;
}

/**
 * dossier_person_get_age:
 * @self: a #DossierPerson
 *
 * Returns: its age, -1 when unknown
 */
gint64
dossier_person_get_age (DossierPerson *self)
{
  g_return_val_if_fail (DOSSIER_IS_PERSON (self), 0);
  return self->age;
}

/**
 * dossier_person_get_age_group:
 * @self: a #DossierPerson
 *
 * Returns: (transfer none): its age_group, vocabulary “age-group”
 */
const char *
dossier_person_get_age_group (DossierPerson *self)
{
  g_return_val_if_fail (DOSSIER_IS_PERSON (self), NULL);
  return self->age_group;
}

/**
 * dossier_person_get_community:
 * @self: a #DossierPerson
 *
 * Returns: (transfer none): its community
 */
const char *
dossier_person_get_community (DossierPerson *self)
{
  g_return_val_if_fail (DOSSIER_IS_PERSON (self), NULL);
  return self->community;
}

/**
 * dossier_person_get_residence_admin1:
 * @self: a #DossierPerson
 *
 * Returns: (transfer none) (nullable): its residence_admin1, vocabulary “admin1”, %NULL when unset
 */
const char *
dossier_person_get_residence_admin1 (DossierPerson *self)
{
  g_return_val_if_fail (DOSSIER_IS_PERSON (self), NULL);
  return self->residence_admin1;
}

/**
 * dossier_person_get_residence_admin2:
 * @self: a #DossierPerson
 *
 * Returns: (transfer none) (nullable): its residence_admin2, vocabulary “admin2”, %NULL when unset
 */
const char *
dossier_person_get_residence_admin2 (DossierPerson *self)
{
  g_return_val_if_fail (DOSSIER_IS_PERSON (self), NULL);
  return self->residence_admin2;
}

/**
 * dossier_person_get_languages:
 * @self: a #DossierPerson
 *
 * Returns: (transfer none): its languages
 */
const char *
dossier_person_get_languages (DossierPerson *self)
{
  g_return_val_if_fail (DOSSIER_IS_PERSON (self), NULL);
  return self->languages;
}

/**
 * dossier_person_get_consent:
 * @self: a #DossierPerson
 *
 * Returns: (transfer none): its consent, vocabulary “consent”
 */
const char *
dossier_person_get_consent (DossierPerson *self)
{
  g_return_val_if_fail (DOSSIER_IS_PERSON (self), NULL);
  return self->consent;
}

/**
 * dossier_person_get_notes:
 * @self: a #DossierPerson
 *
 * Returns: (transfer none): its notes
 */
const char *
dossier_person_get_notes (DossierPerson *self)
{
  g_return_val_if_fail (DOSSIER_IS_PERSON (self), NULL);
  return self->notes;
}
