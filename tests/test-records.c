/* test-records.c: create, read, update, delete and link every kind of record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "dossier-actor.h"
#include "dossier-custody.h"
#include "dossier-deletion.h"
#include "dossier-demo.h"
#include "dossier-evidence.h"
#include "dossier-format.h"
#include "dossier-identity.h"
#include "dossier-incident.h"
#include "dossier-link.h"
#include "dossier-person.h"
#include "dossier-testimony.h"
#include "dossier-test-util.h"
#include "dossier-vocab.h"
#include "dossier-store-private.h" /* tests look at the file underneath */
#include "dossier-incident-private.h" /* white-box */
#include "dossier-person-private.h" /* white-box */
#include "dossier-testimony-private.h" /* white-box */
#include "dossier-actor-private.h" /* white-box */
#include "dossier-evidence-private.h" /* white-box */
#include "dossier-identity-private.h" /* white-box */
#include "dossier-link-private.h" /* white-box */
#include "dossier-vocab-term-private.h" /* white-box */

static void
set (char **field, const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
test_incident_crud (void)
{
  g_autoptr(DossierStore) store = dossier_test_new_store ("incident.dossier");
  g_autoptr(DossierIncident) inc = dossier_incident_new ();
  g_autoptr(DossierIncident) copy = NULL;
  g_autoptr(DossierIncident) second = dossier_incident_new ();
  g_autoptr(GError) error = NULL;
  const char *types[] = { "summary-execution", "looting-destruction-property", NULL };
  GDate d;
  gint64 id;

  set (&inc->title_fr, "Exécutions sommaires à Moura");
  set (&inc->title_en, "Summary executions in Moura");
  set (&inc->date_edtf, "2022-03-27/2022-03-31");
  set (&inc->place, "Moura");
  set (&inc->admin1, "mopti");
  inc->latitude = 14.05;
  inc->longitude = -4.39;
  set (&inc->location_precision, "near-town");
  g_strfreev (inc->violation_types);
  inc->violation_types = g_strdupv ((char **) types);
  inc->casualties[dossier_casualty_category_index ("killed")][dossier_casualty_group_index ("unknown")] = 500;
  inc->casualties[dossier_casualty_category_index ("sexual-violence")][dossier_casualty_group_index ("women")] = 58;

  g_assert_true (dossier_store_insert (store, DOSSIER_RECORD (inc), &error));
  g_assert_no_error (error);
  id = dossier_record_get_id (DOSSIER_RECORD (inc));
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (dossier_record_get_code (DOSSIER_RECORD (inc)), ==, "INC-0001");
  g_assert_true (g_uuid_string_is_valid (dossier_record_get_uuid (DOSSIER_RECORD (inc))));
  g_assert_nonnull (dossier_record_get_created_at (DOSSIER_RECORD (inc)));

  g_assert_true (dossier_store_insert (store, DOSSIER_RECORD (second), &error));
  g_assert_cmpstr (dossier_record_get_code (DOSSIER_RECORD (second)), ==, "INC-0002");

  /* Read back, by id and by code, with extras and derived dates. */
  copy = dossier_store_load_by_code (store, DOSSIER_TYPE_INCIDENT, "INC-0001", &error);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_record_get_id (DOSSIER_RECORD (copy)), ==, id);
  g_assert_cmpstr (dossier_incident_get_title_fr (copy), ==, "Exécutions sommaires à Moura");
  g_assert_cmpstr (dossier_incident_get_admin1 (copy), ==, "mopti");
  g_assert_null (dossier_incident_get_admin2 (copy));
  g_assert_cmpfloat (dossier_incident_get_latitude (copy), ==, 14.05);
  g_assert_cmpuint (g_strv_length ((GStrv) dossier_incident_get_violation_types (copy)), ==, 2);
  g_assert_cmpstr (dossier_incident_get_violation_types (copy)[0], ==, "looting-destruction-property");
  g_assert_cmpint (dossier_incident_total_casualties (copy, 0), ==, 500);
  g_assert_cmpint (dossier_incident_get_casualties (copy, 4, 0), ==, 58);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM casualty", NULL), ==, 2);

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 27, G_DATE_MARCH, 2022);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT date_start FROM incident WHERE code = 'INC-0001'", NULL), ==, g_date_get_julian (&d));
  g_date_set_dmy (&d, 31, G_DATE_MARCH, 2022);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT date_end FROM incident WHERE code = 'INC-0001'", NULL), ==, g_date_get_julian (&d));

  /* Update: only changed fields are written and audited. */
  set (&copy->title_en, "Killings in Moura");
  set (&copy->date_edtf, "2022-03");
  copy->casualties[0][4] = 501;
  g_assert_true (dossier_store_update (store, DOSSIER_RECORD (copy), &error));
  g_assert_no_error (error);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM audit WHERE action = 'update' AND field = 'title_en' AND old_value = 'Summary executions in Moura' AND new_value = 'Killings in Moura'", NULL), ==, 1);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM audit WHERE action = 'update' AND field = 'casualties'", NULL), ==, 1);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM audit WHERE action = 'update' AND field = 'title_fr'", NULL), ==, 0);
  g_date_set_dmy (&d, 1, G_DATE_MARCH, 2022);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT date_start FROM incident WHERE code = 'INC-0001'", NULL), ==, g_date_get_julian (&d));

  /* An update that changes nothing writes nothing. */
  {
    gint64 before = dossier_test_query_int (store, "SELECT count(*) FROM audit", NULL);
    g_assert_true (dossier_store_update (store, DOSSIER_RECORD (copy), &error));
    g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM audit", NULL), ==, before);
  }

  /* Invalid values are refused, and nothing is written. */
  set (&copy->date_edtf, "2022-02-30");
  g_assert_false (dossier_store_update (store, DOSSIER_RECORD (copy), &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID);
  g_clear_error (&error);
  set (&copy->date_edtf, "2022-03");
  set (&copy->verification, "probably");
  g_assert_false (dossier_store_update (store, DOSSIER_RECORD (copy), &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID);
  g_clear_error (&error);
  set (&copy->verification, "verified");
  copy->latitude = 123.0;
  g_assert_false (dossier_store_update (store, DOSSIER_RECORD (copy), &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID);
  g_clear_error (&error);
  copy->latitude = 14.05;
  g_strfreev (copy->violation_types);
  copy->violation_types = g_strsplit ("killing,not-a-violation", ",", -1);
  g_assert_false (dossier_store_update (store, DOSSIER_RECORD (copy), &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM incident WHERE verification = 'verified'", NULL), ==, 0);

  /* Delete cascades to the extras. */
  g_assert_true (dossier_store_delete (store, DOSSIER_RECORD (copy), &error));
  g_assert_no_error (error);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM incident", NULL), ==, 1);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM casualty", NULL), ==, 0);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM incident_violation", NULL), ==, 0);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM audit WHERE action = 'delete' AND old_value = 'INC-0001'", NULL), ==, 1);
  g_assert_null (dossier_store_load (store, DOSSIER_TYPE_INCIDENT, id, &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Codes are never reused. */
  {
    g_autoptr(DossierIncident) third = dossier_incident_new ();
    g_assert_true (dossier_store_insert (store, DOSSIER_RECORD (third), &error));
    g_assert_cmpstr (dossier_record_get_code (DOSSIER_RECORD (third)), ==, "INC-0003");
  }
}

static void
test_people_and_links (void)
{
  g_autoptr(DossierStore) store = dossier_test_new_store ("people.dossier");
  g_autoptr(DossierIncident) inc = dossier_incident_new ();
  g_autoptr(DossierPerson) person = dossier_person_new ();
  g_autoptr(DossierIdentity) identity = dossier_identity_new ();
  g_autoptr(DossierActor) parent = dossier_actor_new ();
  g_autoptr(DossierActor) actor = dossier_actor_new ();
  g_autoptr(DossierTestimony) testimony = dossier_testimony_new ();
  g_autoptr(DossierLink) witness = NULL;
  g_autoptr(DossierLink) perpetrator = NULL;
  g_autoptr(DossierLink) spoke = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_store_insert (store, DOSSIER_RECORD (inc), &error));

  set (&person->sex, "female");
  set (&person->age_group, "adult");
  person->age = 34;
  set (&person->residence_admin1, "segou");
  g_assert_true (dossier_store_insert (store, DOSSIER_RECORD (person), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_record_get_code (DOSSIER_RECORD (person)), ==, "TEM-0001");
  g_assert_cmpstr (dossier_person_get_protection (person), ==, "protected");

  identity->person_id = dossier_record_get_id (DOSSIER_RECORD (person));
  set (&identity->full_name, "Témoin fictif (nom fictif)");
  g_assert_true (dossier_store_insert (store, DOSSIER_RECORD (identity), &error));
  g_assert_no_error (error);

  set (&parent->name, "Forces armées");
  set (&parent->kind, "state-security-forces");
  g_assert_true (dossier_store_insert (store, DOSSIER_RECORD (parent), &error));
  set (&actor->name, "Unité fictive");
  set (&actor->kind, "state-security-forces");
  actor->parent_id = dossier_record_get_id (DOSSIER_RECORD (parent));
  g_assert_true (dossier_store_insert (store, DOSSIER_RECORD (actor), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_record_get_code (DOSSIER_RECORD (actor)), ==, "ACT-0002");

  testimony->person_id = dossier_record_get_id (DOSSIER_RECORD (person));
  set (&testimony->summary, "Témoignage sur les événements");
  set (&testimony->transcript, "Ce jour-là, j’ai vu…");
  set (&testimony->language, "fr");
  g_strfreev (testimony->tags);
  testimony->tags = g_strsplit ("rape,looting-destruction-property", ",", -1);
  g_assert_true (dossier_store_insert (store, DOSSIER_RECORD (testimony), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_record_get_code (DOSSIER_RECORD (testimony)), ==, "TES-0001");

  witness = dossier_store_link (store, DOSSIER_LINK_INCIDENT_PERSON, dossier_record_get_id (DOSSIER_RECORD (inc)),
                                dossier_record_get_id (DOSSIER_RECORD (person)), "direct-witness", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (witness);
  perpetrator = dossier_store_link (store, DOSSIER_LINK_INCIDENT_ACTOR, dossier_record_get_id (DOSSIER_RECORD (inc)),
                                    dossier_record_get_id (DOSSIER_RECORD (actor)), "alleged-perpetrator", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_link_get_involvement (perpetrator), ==, "unknown");
  set (&perpetrator->involvement, "direct");
  g_assert_true (dossier_store_update (store, DOSSIER_RECORD (perpetrator), &error));
  g_assert_no_error (error);
  spoke = dossier_store_link (store, DOSSIER_LINK_TESTIMONY_INCIDENT, dossier_record_get_id (DOSSIER_RECORD (testimony)),
                              dossier_record_get_id (DOSSIER_RECORD (inc)), NULL, "j’ai vu", &error);
  g_assert_no_error (error);

  /* A role outside the vocabulary, and a duplicate link, are refused. */
  g_assert_null (dossier_store_link (store, DOSSIER_LINK_INCIDENT_PERSON, dossier_record_get_id (DOSSIER_RECORD (inc)),
                                     dossier_record_get_id (DOSSIER_RECORD (person)), "spectator", NULL, &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (dossier_store_link (store, DOSSIER_LINK_INCIDENT_PERSON, dossier_record_get_id (DOSSIER_RECORD (inc)),
                                     dossier_record_get_id (DOSSIER_RECORD (person)), "direct-witness", NULL, &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* A link to a record that does not exist is refused by the foreign keys. */
  g_assert_null (dossier_store_link (store, DOSSIER_LINK_INCIDENT_PERSON, dossier_record_get_id (DOSSIER_RECORD (inc)),
                                     9999, "victim", NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Both sides see the link. */
  links = dossier_store_list_links (store, DOSSIER_LINK_INCIDENT_PERSON, 0, dossier_record_get_id (DOSSIER_RECORD (person)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_cmpstr (((DossierLink *) links->pdata[0])->role, ==, "direct-witness");
  g_clear_pointer (&links, g_ptr_array_unref);
  links = dossier_store_list_links (store, DOSSIER_LINK_INCIDENT_ACTOR, dossier_record_get_id (DOSSIER_RECORD (inc)), 0, &error);
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_cmpstr (((DossierLink *) links->pdata[0])->involvement, ==, "direct");
  g_clear_pointer (&links, g_ptr_array_unref);
  links = dossier_store_list_links (store, DOSSIER_LINK_TESTIMONY_INCIDENT, 0, dossier_record_get_id (DOSSIER_RECORD (inc)), &error);
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_cmpstr (((DossierLink *) links->pdata[0])->detail, ==, "j’ai vu");
  g_clear_pointer (&links, g_ptr_array_unref);

  /* Tags round trip. */
  {
    g_autoptr(DossierTestimony) t = dossier_store_load (store, DOSSIER_TYPE_TESTIMONY, dossier_record_get_id (DOSSIER_RECORD (testimony)), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length ((GStrv) dossier_testimony_get_tags (t)), ==, 2);
    g_assert_cmpint (dossier_testimony_get_person_id (t), ==, dossier_record_get_id (DOSSIER_RECORD (person)));
  }

  /* Unlink. */
  g_assert_true (dossier_store_unlink (store, witness, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM incident_person", NULL), ==, 0);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM audit WHERE action = 'delete' AND entity = 'incident_person'", NULL), ==, 1);

  /* Deleting the parent actor leaves the child without parent; deleting the person
   * removes the identity and orphans the testimony. */
  g_assert_true (dossier_store_delete (store, DOSSIER_RECORD (parent), &error));
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM actor WHERE parent_id IS NULL", NULL), ==, 1);
  g_assert_true (dossier_store_delete (store, DOSSIER_RECORD (person), &error));
  g_assert_no_error (error);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM identity", NULL), ==, 0);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM testimony WHERE person_id IS NULL", NULL), ==, 1);

  /* Deleting the incident removes its remaining links. */
  g_assert_true (dossier_store_delete (store, DOSSIER_RECORD (inc), &error));
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM incident_actor", NULL), ==, 0);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM testimony_incident", NULL), ==, 0);
}

static void
test_evidence_record (void)
{
  g_autoptr(DossierStore) store = dossier_test_new_store ("evidence.dossier");
  g_autoptr(DossierEvidence) ev = dossier_evidence_new ();
  g_autoptr(DossierIncident) inc = dossier_incident_new ();
  g_autoptr(DossierLink) link = NULL;
  g_autoptr(GError) error = NULL;
  gboolean intact;
  g_autofree char *reason = NULL;

  set (&ev->title, "Rapport");
  set (&ev->sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  ev->size = 0;
  g_assert_true (dossier_store_insert (store, DOSSIER_RECORD (ev), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_record_get_code (DOSSIER_RECORD (ev)), ==, "EVD-0001");
  g_assert_true (isnan (dossier_evidence_get_latitude (ev)));
  g_assert_true (dossier_store_insert (store, DOSSIER_RECORD (inc), &error));

  /* Linking evidence appends to its custody chain, which stays intact. */
  link = dossier_store_link (store, DOSSIER_LINK_EVIDENCE_INCIDENT, dossier_record_get_id (DOSSIER_RECORD (ev)),
                             dossier_record_get_id (DOSSIER_RECORD (inc)), NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM custody_event WHERE action = 'linked'", NULL), ==, 1);
  g_assert_true (dossier_custody_append (store, dossier_record_get_id (DOSSIER_RECORD (ev)), "viewed", "", &error));
  g_assert_true (dossier_custody_check_chain (store, dossier_record_get_id (DOSSIER_RECORD (ev)), &intact, &reason, &error));
  g_assert_no_error (error);
  g_assert_true (intact);
  g_assert_null (reason);

  /* The hash of evidence is fixed. */
  set (&ev->sha256, "0000000000000000000000000000000000000000000000000000000000000000");
  g_assert_false (dossier_store_update (store, DOSSIER_RECORD (ev), &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* And the custody log cannot be edited through SQL. */
  g_assert_cmpint (sqlite3_exec (dossier_store_get_db (store), "UPDATE custody_event SET details = 'x'", NULL, NULL, NULL), !=, SQLITE_OK);
}

static void
test_vocabularies (void)
{
  g_autoptr(DossierStore) store = dossier_test_new_store ("vocab.dossier");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) schemes = dossier_vocab_bundled_schemes ();
  /* Every kind of violation named in the public reports the demo draws on. */
  static const char * const violations[] = {
    "killing", "summary-execution", "enforced-disappearance", "abduction", "arbitrary-detention",
    "torture", "rape", "sexual-violence", "sexual-slavery", "forced-marriage", "trafficking",
    "recruitment-children", "killing-maiming-children", "attacks-schools-hospitals",
    "attacks-humanitarian-personnel", "looting-destruction-property", "forced-displacement",
    "restriction-movement", "denial-humanitarian-access", "excessive-force-protesters",
  };
  static const char * const regions[] = {
    "kayes", "koulikoro", "sikasso", "segou", "mopti", "tombouctou", "gao", "kidal",
    "taoudenit", "menaka", "bamako",
  };

  g_assert_cmpuint (g_strv_length (schemes), >=, 20);
  for (guint i = 0; schemes[i]; i++)
    {
      g_autofree char *scheme = g_strndup (schemes[i], strlen (schemes[i]) - 5);
      g_autoptr(GPtrArray) terms = dossier_store_list_vocab (store, scheme, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (terms->len, >, 1);
      for (guint j = 0; j < terms->len; j++)
        {
          DossierVocabTerm *t = terms->pdata[j];
          g_assert_cmpstr (dossier_vocab_term_get_scheme (t), ==, scheme);
          g_assert_true (dossier_vocab_term_get_label_fr (t) && *dossier_vocab_term_get_label_fr (t));
          g_assert_true (dossier_vocab_term_get_label_en (t) && *dossier_vocab_term_get_label_en (t));
          if (j > 0)
            g_assert_cmpint (dossier_vocab_term_get_position (t), >, ((DossierVocabTerm *) terms->pdata[j - 1])->position);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (violations); i++)
    {
      g_autofree char *label = dossier_store_vocab_label (store, "violation-type", violations[i], "fr");
      g_test_message ("%s → %s", violations[i], label);
      g_assert_true (dossier_store_check_term (store, "violation-type", violations[i], &error));
      g_assert_no_error (error);
      g_assert_cmpstr (label, !=, violations[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      g_autoptr(GPtrArray) admin1 = NULL;
      g_assert_true (dossier_store_check_term (store, "admin1", regions[i], &error));
      g_assert_no_error (error);
      (void) admin1;
    }
  {
    g_autofree char *fr = dossier_store_vocab_label (store, "admin1", "segou", "fr");
    g_autofree char *en = dossier_store_vocab_label (store, "admin1", "tombouctou", "en");
    g_autofree char *unknown = dossier_store_vocab_label (store, "admin1", "atlantis", "en");
    g_assert_cmpstr (fr, ==, "Ségou");
    g_assert_cmpstr (en, ==, "Timbuktu");
    g_assert_cmpstr (unknown, ==, "atlantis");
  }
  /* Cercles belong to regions and are placed in Mali. */
  {
    g_autoptr(GPtrArray) cercles = dossier_store_list_vocab (store, "admin2", &error);
    g_assert_cmpuint (cercles->len, >=, 45);
    for (guint j = 0; j < cercles->len; j++)
      {
        DossierVocabTerm *t = cercles->pdata[j];
        g_assert_true (dossier_store_check_term (store, "admin1", dossier_vocab_term_get_parent (t), NULL));
        g_assert_cmpfloat (dossier_vocab_term_get_latitude (t), >, 10.0);
        g_assert_cmpfloat (dossier_vocab_term_get_latitude (t), <, 25.1);
        g_assert_cmpfloat (dossier_vocab_term_get_longitude (t), >, -12.3);
        g_assert_cmpfloat (dossier_vocab_term_get_longitude (t), <, 4.3);
      }
  }
}

static void
test_vocab_parse_errors (void)
{
  static const char * const bad[] = {
    "", "[]", "{\"scheme\": \"x\"}", "{\"scheme\": \"X Y\", \"terms\": []}",
    "{\"scheme\": \"x\", \"terms\": [{\"code\": \"a\", \"fr\": \"A\"}]}",
    "{\"scheme\": \"x\", \"terms\": [{\"code\": \"a\", \"fr\": \"A\", \"en\": \"A\"}, {\"code\": \"a\", \"fr\": \"B\", \"en\": \"B\"}]}",
    "{\"scheme\": \"x\", \"terms\": [{\"code\": \"É\", \"fr\": \"A\", \"en\": \"A\"}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i], strlen (bad[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) terms = dossier_vocab_parse (bytes, "bad.json", &error);

      g_assert_null (terms);
      g_assert_nonnull (error);
    }
}

/* Counts of every row that deleting people or incidents touches, as one string. */
static char *
census (DossierStore *store)
{
  static const char * const queries[] = {
    "SELECT count(*) FROM incident", "SELECT count(*) FROM person", "SELECT count(*) FROM identity",
    "SELECT count(*) FROM incident_actor", "SELECT count(*) FROM incident_person",
    "SELECT count(*) FROM testimony_incident", "SELECT count(*) FROM evidence_incident",
    "SELECT count(*) FROM evidence_person", "SELECT count(*) FROM incident_violation",
    "SELECT count(*) FROM testimony WHERE person_id IS NOT NULL",
    "SELECT count(*) FROM actor WHERE parent_id IS NOT NULL", "SELECT count(*) FROM actor",
  };
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    g_string_append_printf (s, "%" G_GINT64_FORMAT " ", dossier_test_query_int (store, queries[i], NULL));
  return g_string_free (s, FALSE);
}

static void
test_delete_and_undo (void)
{
  g_autofree char *path = dossier_test_tmp_path ("delete-undo.dossier");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = dossier_demo_create (path, &error);
  g_autofree char *before = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(DossierDeletion) deletion = NULL;
  g_autoptr(DossierRecord) back = NULL;
  g_autoptr(DossierRecord) evidence = NULL;
  gint64 custody_before, custody_deleted;
  const char *incident_with_evidence;

  g_assert_no_error (error);
  /* An incident that evidence, testimonies, people and actors point to. */
  incident_with_evidence = "INC-0001";
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM evidence_incident JOIN incident ON incident.id = incident_id WHERE code = ?", incident_with_evidence), >, 0);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM incident_person JOIN incident ON incident.id = incident_id WHERE code = ?", incident_with_evidence), >, 0);

  before = census (store);
  custody_before = dossier_test_query_int (store, "SELECT count(*) FROM custody_event", NULL);
  g_ptr_array_add (records, dossier_store_load_by_code (store, DOSSIER_TYPE_INCIDENT, incident_with_evidence, &error));
  g_ptr_array_add (records, dossier_store_load_by_code (store, DOSSIER_TYPE_INCIDENT, "INC-0002", &error));
  g_assert_no_error (error);
  deletion = dossier_store_delete_records (store, records, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deletion);
  g_assert_cmpuint (dossier_deletion_get_count (deletion), ==, 2);
  deleted = census (store);
  g_assert_cmpstr (deleted, !=, before);
  g_assert_null (dossier_store_load_by_code (store, DOSSIER_TYPE_INCIDENT, "INC-0002", NULL));
  /* Unlinking evidence is in its custody log. */
  custody_deleted = dossier_test_query_int (store, "SELECT count(*) FROM custody_event", NULL);
  g_assert_cmpint (custody_deleted, >, custody_before);

  g_assert_true (dossier_deletion_undo (deletion, store, &error));
  g_assert_no_error (error);
  after = census (store);
  g_assert_cmpstr (after, ==, before);
  back = dossier_store_load_by_code (store, DOSSIER_TYPE_INCIDENT, incident_with_evidence, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_record_get_uuid (back), ==, dossier_record_get_uuid (DOSSIER_RECORD (records->pdata[0])));
  g_assert_cmpuint (g_strv_length ((GStrv) dossier_incident_get_violation_types (DOSSIER_INCIDENT (back))), ==,
                    g_strv_length ((GStrv) dossier_incident_get_violation_types (DOSSIER_INCIDENT (records->pdata[0]))));
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM custody_event", NULL), >, custody_deleted);
  /* And every chain still verifies. */
  evidence = dossier_store_load_by_code (store, DOSSIER_TYPE_EVIDENCE, "EVD-0001", &error);
  g_assert_no_error (error);
  {
    gboolean intact = FALSE;
    g_autofree char *reason = NULL;

    g_assert_true (dossier_custody_check_chain (store, dossier_record_get_id (evidence), &intact, &reason, &error));
    g_assert_no_error (error);
    g_assert_true (intact);
  }
  g_clear_pointer (&deletion, dossier_deletion_free);
  g_clear_pointer (&deleted, g_free);
  g_clear_pointer (&after, g_free);
  g_ptr_array_set_size (records, 0);

  /* People: identity, testimonies given and the parent actor of a unit come back too. */
  g_ptr_array_add (records, dossier_store_load_by_code (store, DOSSIER_TYPE_PERSON, "TEM-0001", &error));
  g_ptr_array_add (records, dossier_store_load_by_code (store, DOSSIER_TYPE_PERSON, "TEM-0002", &error));
  g_assert_no_error (error);
  deletion = dossier_store_delete_records (store, records, &error);
  g_assert_no_error (error);
  deleted = census (store);
  g_assert_cmpstr (deleted, !=, before);
  g_assert_true (dossier_deletion_undo (deletion, store, &error));
  after = census (store);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&deletion, dossier_deletion_free);
  g_clear_pointer (&after, g_free);
  g_ptr_array_set_size (records, 0);

  g_ptr_array_add (records, dossier_store_load (store, DOSSIER_TYPE_ACTOR,
                                                dossier_test_query_int (store, "SELECT parent_id FROM actor WHERE parent_id IS NOT NULL LIMIT 1", NULL), &error));
  g_assert_no_error (error);
  deletion = dossier_store_delete_records (store, records, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_deletion_undo (deletion, store, &error));
  after = census (store);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&deletion, dossier_deletion_free);
  g_ptr_array_set_size (records, 0);

  /* Evidence is refused, and nothing changes. */
  g_ptr_array_add (records, g_object_ref (evidence));
  g_assert_null (dossier_store_delete_records (store, records, &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM evidence", NULL), ==, 5);
}

/* 13. An age says the age group, by the bounds the vocabulary's own labels state. */
static void
test_age_group_for_age (void)
{
  g_autoptr(DossierStore) store = dossier_test_new_store ("age-groups.dossier");
  static const struct { gint64 age; const char *group; const char *en; } ages[] = {
    { 0, "child", "0–17" }, { 17, "child", "0–17" }, { 18, "adult", "18–59" }, { 34, "adult", "18–59" },
    { 59, "adult", "18–59" }, { 60, "elderly", "60+" }, { 97, "elderly", "60+" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ages); i++)
    {
      g_autofree char *label = NULL;

      g_assert_cmpstr (dossier_person_age_group_for_age (ages[i].age), ==, ages[i].group);
      /* The group is a term of the vocabulary, whose label says the same bounds. */
      label = dossier_store_vocab_label (store, "age-group", ages[i].group, "en");
      g_assert_nonnull (strstr (label, ages[i].en));
    }
  g_assert_null (dossier_person_age_group_for_age (-1));
}

/* 15. Values as a person writes them, in the language asked for. */
static void
test_format_values (void)
{
  static const struct { double value; const char *en, *fr; } decimals[] = {
    { 14.120000000000001, "14.12", "14,12" }, { -4.199, "-4.199", "-4,199" }, { 12.0, "12", "12" },
    { -0.0000001, "0", "0" }, { 14.49361234567, "14.493612", "14,493612" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (decimals); i++)
    {
      g_autofree char *en = dossier_format_decimal (decimals[i].value, 6, "en");
      g_autofree char *fr = dossier_format_decimal (decimals[i].value, 6, "fr");

      g_assert_cmpstr (en, ==, decimals[i].en);
      g_assert_cmpstr (fr, ==, decimals[i].fr);
    }
  {
    g_autofree char *en = dossier_format_timestamp ("2026-12-03T12:25:40.883729Z", "en", TRUE);
    g_autofree char *fr = dossier_format_timestamp ("2026-12-03T12:25:40.883729Z", "fr", TRUE);
    g_autofree char *camera_en = dossier_format_timestamp ("2022-03-28T10:15:00", "en", FALSE);
    g_autofree char *camera_fr = dossier_format_timestamp ("2022-03-28T10:15:00", "fr", FALSE);
    g_autofree char *offset = dossier_format_timestamp ("2022-03-28T10:15:00+01:00", "en", FALSE);
    g_autofree char *odd = dossier_format_timestamp ("yesterday", "en", FALSE);

    g_assert_cmpstr (en, ==, "3\u00a0December\u00a02026, 12:25:40\u00a0UTC");
    g_assert_cmpstr (fr, ==, "3\u00a0décembre\u00a02026 à 12:25:40\u00a0UTC");
    g_assert_cmpstr (camera_en, ==, "28\u00a0March\u00a02022, 10:15");
    g_assert_cmpstr (camera_fr, ==, "28\u00a0mars\u00a02022 à 10:15");
    g_assert_cmpstr (offset, ==, "28\u00a0March\u00a02022, 09:15\u00a0UTC");
    g_assert_cmpstr (odd, ==, "yesterday");
  }
  {
    g_autofree char *short_one = dossier_format_duration (42.4);
    g_autofree char *minutes = dossier_format_duration (187);
    g_autofree char *hours = dossier_format_duration (3725);

    g_assert_cmpstr (short_one, ==, "0:42");
    g_assert_cmpstr (minutes, ==, "3:07");
    g_assert_cmpstr (hours, ==, "1:02:05");
  }
}

/* Every field of every record type is a property of the type the field table names, of
 * the kind its column holds. */
static void
test_properties_every_field (void)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (records, dossier_incident_new ());
  g_ptr_array_add (records, dossier_person_new ());
  g_ptr_array_add (records, dossier_testimony_new ());
  g_ptr_array_add (records, dossier_actor_new ());
  g_ptr_array_add (records, dossier_evidence_new ());
  g_ptr_array_add (records, dossier_identity_new ());
  for (DossierLinkKind k = 0; k < DOSSIER_N_LINK_KINDS; k++)
    g_ptr_array_add (records, dossier_link_new (k));

  for (guint r = 0; r < records->len; r++)
    {
      DossierRecord *record = records->pdata[r];
      const DossierRecordInfo *info = dossier_record_get_info (record);

      g_assert_nonnull (info);
      g_assert_cmpuint (info->n_fields, >, 0);
      for (guint i = 0; i < info->n_fields; i++)
        {
          const DossierField *f = &info->fields[i];
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), f->name);
          GType expected = f->type == DOSSIER_FIELD_REAL ? G_TYPE_DOUBLE
                           : (f->type == DOSSIER_FIELD_INT || f->type == DOSSIER_FIELD_REF) ? G_TYPE_INT64
                           : G_TYPE_STRING;
          g_auto(GValue) value = G_VALUE_INIT;

          g_test_message ("%s.%s", info->table, f->name);
          g_assert_nonnull (pspec);
          g_assert_true (pspec == dossier_record_field_pspec (record, f));
          g_assert_true (dossier_record_field (record, f->name) == f);
          g_assert_cmpint (pspec->value_type, ==, expected);
          g_assert_true (pspec->flags & G_PARAM_READWRITE);
          /* What the property gives is what the field holds. */
          g_object_get_property (G_OBJECT (record), pspec->name, &value);
          if (expected == G_TYPE_STRING)
            g_assert_cmpstr (g_value_get_string (&value), ==, dossier_record_get_text (record, f));
          else if (expected == G_TYPE_INT64)
            g_assert_cmpint (g_value_get_int64 (&value), ==, dossier_record_get_int (record, f));
          else
            g_assert_true (isnan (g_value_get_double (&value)) && isnan (dossier_record_get_real (record, f)));
        }
      for (guint i = 0; i < 5; i++)
        g_assert_nonnull (g_object_class_find_property (G_OBJECT_GET_CLASS (record),
                                                        (const char *[]) { "id", "uuid", "code", "created-at", "updated-at" }[i]));
    }
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* A value set by any path (property, typed setter, text form) is notified once; setting
 * the value it already holds is not a change. */
static void
test_properties_notify_once (void)
{
  g_autoptr(DossierIncident) inc = dossier_incident_new ();
  DossierRecord *record = DOSSIER_RECORD (inc);
  const DossierField *title = dossier_record_field (record, "title_fr");
  const DossierField *lat = dossier_record_field (record, "latitude");
  const DossierField *admin1 = dossier_record_field (record, "admin1");
  guint titles = 0, lats = 0, admins = 0, all = 0;

  g_signal_connect (inc, "notify::title-fr", G_CALLBACK (count_notify), &titles);
  g_signal_connect (inc, "notify::latitude", G_CALLBACK (count_notify), &lats);
  g_signal_connect (inc, "notify::admin1", G_CALLBACK (count_notify), &admins);
  g_signal_connect (inc, "notify", G_CALLBACK (count_notify), &all);

  g_object_set (inc, "title-fr", "Moura", NULL);
  g_assert_cmpuint (titles, ==, 1);
  g_assert_cmpstr (dossier_incident_get_title_fr (inc), ==, "Moura");
  g_object_set (inc, "title_fr", "Moura", NULL);
  dossier_record_set_text (record, title, "Moura");
  dossier_record_set_string (record, title, "Moura");
  g_assert_cmpuint (titles, ==, 1);
  dossier_record_set_string (record, title, "Moura, cercle de Djenné");
  g_assert_cmpuint (titles, ==, 2);
  g_assert_cmpstr (dossier_record_get_text (record, title), ==, "Moura, cercle de Djenné");

  dossier_record_set_real (record, lat, 14.05);
  g_assert_cmpuint (lats, ==, 1);
  dossier_record_set_string (record, lat, "14.05");
  g_assert_cmpuint (lats, ==, 1);
  dossier_record_set_string (record, lat, "not a number");
  g_assert_cmpuint (lats, ==, 2);
  g_assert_true (isnan (dossier_incident_get_latitude (inc)));
  dossier_record_set_real (record, lat, NAN);
  g_assert_cmpuint (lats, ==, 2);

  /* An empty vocabulary code is no code: "" after NULL is no change. */
  dossier_record_set_text (record, admin1, "");
  g_assert_cmpuint (admins, ==, 0);
  g_assert_null (dossier_incident_get_admin1 (inc));
  g_object_set (inc, "admin1", "mopti", NULL);
  g_assert_cmpuint (admins, ==, 1);

  g_assert_cmpuint (all, ==, titles + lats + admins);
}

/* The store's own columns are read-only properties, notified when an insert gives them. */
static void
test_properties_store_columns (void)
{
  g_autoptr(DossierStore) store = dossier_test_new_store ("properties.dossier");
  g_autoptr(DossierActor) actor = dossier_actor_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  guint codes = 0, ids = 0;
  gint64 id = -1;

  g_signal_connect (actor, "notify::code", G_CALLBACK (count_notify), &codes);
  g_signal_connect (actor, "notify::id", G_CALLBACK (count_notify), &ids);
  g_object_set (actor, "name", "Groupe armé", "kind", "non-state-armed-group", NULL);
  g_assert_true (dossier_store_insert (store, DOSSIER_RECORD (actor), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (codes, ==, 1);
  g_assert_cmpuint (ids, ==, 1);
  g_object_get (actor, "code", &code, "id", &id, NULL);
  g_assert_cmpstr (code, ==, dossier_record_get_code (DOSSIER_RECORD (actor)));
  g_assert_cmpint (id, ==, dossier_record_get_id (DOSSIER_RECORD (actor)));
  g_assert_cmpint (id, >, 0);
}

/* A binding follows a change of the record, and writes back through the same path. */
static void
test_properties_binding (void)
{
  g_autoptr(DossierIncident) inc = dossier_incident_new ();
  g_autoptr(DossierIncident) mirror = dossier_incident_new ();
  GBinding *binding;
  guint summaries = 0;

  binding = g_object_bind_property (inc, "title-en", mirror, "summary-en",
                                    G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_connect (inc, "notify::summary-en", G_CALLBACK (count_notify), &summaries);
  dossier_record_set_string (DOSSIER_RECORD (inc), dossier_record_field (DOSSIER_RECORD (inc), "title_en"),
                             "Summary executions in Moura");
  g_assert_cmpstr (dossier_incident_get_summary_en (mirror), ==, "Summary executions in Moura");
  g_object_set (mirror, "summary-en", "Executions", NULL);
  g_assert_cmpstr (dossier_incident_get_title_en (inc), ==, "Executions");
  g_assert_cmpuint (summaries, ==, 0);

  /* A reference and a number too. */
  g_binding_unbind (binding);
  {
    g_autoptr(DossierTestimony) t = dossier_testimony_new ();
    g_autoptr(DossierPerson) p = dossier_person_new ();

    g_object_bind_property (p, "age", t, "person-id", G_BINDING_DEFAULT);
    g_object_set (p, "age", (gint64) 34, NULL);
    g_assert_cmpint (dossier_testimony_get_person_id (t), ==, 34);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  dossier_test_register_resources ();

  g_test_add_func ("/craft/13-age-group-for-age", test_age_group_for_age);
  g_test_add_func ("/craft/15-values-written-out", test_format_values);

  g_test_add_func ("/records/incident", test_incident_crud);
  g_test_add_func ("/records/people-actors-testimonies-links", test_people_and_links);
  g_test_add_func ("/records/evidence", test_evidence_record);
  g_test_add_func ("/records/delete-and-undo", test_delete_and_undo);
  g_test_add_func ("/records/properties-every-field", test_properties_every_field);
  g_test_add_func ("/records/properties-notify-once", test_properties_notify_once);
  g_test_add_func ("/records/properties-store-columns", test_properties_store_columns);
  g_test_add_func ("/records/properties-binding", test_properties_binding);
  g_test_add_func ("/vocab/bundled", test_vocabularies);
  g_test_add_func ("/vocab/parse-errors", test_vocab_parse_errors);

  return g_test_run ();
}
