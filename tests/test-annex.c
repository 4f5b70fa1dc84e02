/* test-annex.c: the PDF annex, read back with pdftotext: sections, codes, hashes, language,
 * tables across pages, and canaries that must not appear
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include <glib/gstdio.h>

#include "dossier-actor.h"
#include "dossier-annex.h"
#include "dossier-catalog.h"
#include "dossier-demo.h"
#include "dossier-evidence.h"
#include "dossier-identity.h"
#include "dossier-incident.h"
#include "dossier-person.h"
#include "dossier-synth.h"
#include "dossier-vocab.h"
#include "dossier-test-canaries.h"
#include "dossier-test-util.h"
#include "dossier-store-private.h" /* tests look at the file underneath */
#include "dossier-info.h"
#include "dossier-incident-private.h" /* white-box */
#include "dossier-person-private.h" /* white-box */
#include "dossier-actor-private.h" /* white-box */
#include "dossier-evidence-private.h" /* white-box */

static char *
write_annex (DossierStore   *store,
             DossierProfile  profile,
             const char     *lang,
             guint           sections,
             const char     *name)
{
  g_autofree char *pdf = dossier_test_tmp_path (name);
  g_autoptr(GError) error = NULL;
  DossierAnnexOptions options = { .profile = profile, .lang = lang, .sections = sections };

  g_assert_true (dossier_annex_write_pdf (store, &options, pdf, &error));
  g_assert_no_error (error);
  return dossier_test_pdf_text (pdf);
}

static gboolean
has (const char *text,
     const char *needle)
{
  return strstr (text, needle) != NULL;
}

/* Sections, codes and every hash, in English and in French. */
static void
test_contents (void)
{
  g_autofree char *path = dossier_test_tmp_path ("annex.dossier");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = dossier_demo_create (path, &error);
  g_autoptr(GPtrArray) evidence = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *en = NULL;
  g_autofree char *fr = NULL;

  g_assert_no_error (error);
  en = write_annex (store, DOSSIER_PROFILE_ANNEX, "en", DOSSIER_ANNEX_TABLES, "annex-en.pdf");
  fr = write_annex (store, DOSSIER_PROFILE_ANNEX, "fr", DOSSIER_ANNEX_TABLES, "annex-fr.pdf");

  /* The cover, the contents, each section and the page numbers. */
  g_assert_true (has (en, "Dossier de démonstration"));
  g_assert_true (has (en, "Contents"));
  for (const char *const *s = (const char *[]) { "Incidents", "Incident sheets", "Index of testimonies", "Index of persons by code",
                                                 "Actors", "Register of evidence", NULL }; *s; s++)
    g_assert_true (has (en, *s));
  g_assert_true (has (en, "Page 3 of "));
  g_assert_true (has (en, "Annex: persons by code only"));
  /* French words, accents and typography. */
  g_assert_true (has (fr, "Sommaire"));
  g_assert_true (has (fr, "Index des témoignages"));
  g_assert_true (has (fr, "Registre des pièces"));
  g_assert_true (has (fr, "Page 3 sur "));
  g_assert_true (has (fr, "Auteur présumé"));
  g_assert_false (has (fr, "Register of evidence"));
  /* Dates in the chosen language. */
  g_assert_true (has (en, "27–31 March 2022"));
  g_assert_true (has (fr, "mars 2022"));

  /* Every incident, person, testimony and actor by code. */
  for (const char *const *code = (const char *[]) { "INC-0001", "INC-0012", "TEM-0001", "TEM-0014", "TES-00001", "TES-00010",
                                                    "ACT-0001", "EVD-0005", NULL }; *code; code++)
    {
      g_assert_true (has (en, *code));
      g_assert_true (has (fr, *code));
    }
  /* Every hash, whole, in four groups of 16 digits. */
  g_assert_true (dossier_store_foreach (store, DOSSIER_TYPE_EVIDENCE, dossier_record_collect, evidence, &error));
  g_assert_cmpuint (evidence->len, ==, 5);
  for (guint i = 0; i < evidence->len; i++)
    {
      DossierEvidence *item = evidence->pdata[i];

      for (guint g = 0; g < 4; g++)
        {
          g_autofree char *group = g_strndup (dossier_evidence_get_sha256 (item) + 16 * g, 16);

          g_assert_true (has (en, group));
          g_assert_true (has (fr, group));
        }
    }
}

/* Canaries in identities and confidential fields: no public or annex PDF shows them, in
 * either language; identities appear in no profile at all. */
static void
test_canaries (void)
{
  g_autoptr(DossierStore) store = dossier_test_canary_dossier ("canary.dossier");

  for (int p = DOSSIER_PROFILE_PUBLIC; p <= DOSSIER_PROFILE_INTERNAL; p++)
    for (int l = 0; l < 2; l++)
      {
        const char *lang = l == 0 ? "en" : "fr";
        g_autofree char *name = g_strdup_printf ("canary-%d-%s.pdf", p, lang);
        g_autofree char *text = write_annex (store, p, lang, DOSSIER_ANNEX_TABLES, name);

        g_test_message ("profile %s, %s", dossier_profile_to_string (p), lang);
        /* Never, in any profile. */
        g_assert_false (has (text, CANARY_IDENTITY));
        g_assert_false (has (text, CANARY_CONTACT));
        g_assert_false (has (text, CANARY_NOTES));
        g_assert_false (has (text, CANARY_SUMMARY));
        g_assert_false (has (text, CANARY_INTERVIEWER));
        /* A public incident's texts, everywhere. */
        g_assert_true (has (text, CANARY_PUBLIC));
        /* Confidential texts only inside. */
        g_assert_true (has (text, CANARY_CONFIDENTIAL) == (p == DOSSIER_PROFILE_INTERNAL));
        g_assert_true (has (text, CANARY_EVIDENCE) == (p == DOSSIER_PROFILE_INTERNAL));
        /* A restricted incident's texts: not for the public. */
        g_assert_true (has (text, CANARY_RESTRICTED) == (p != DOSSIER_PROFILE_PUBLIC));
        /* The confidential incident is left out of the public annex altogether. */
        g_assert_true (has (text, "INC-0001") == (p != DOSSIER_PROFILE_PUBLIC));
        /* A protected person: the code, and in public nothing else. */
        g_assert_true (has (text, "TEM-0001"));
        g_assert_true (has (text, "INTERNAL — NOT FOR DISTRIBUTION") == (p == DOSSIER_PROFILE_INTERNAL && l == 0));
        g_assert_true (has (text, "INTERNE — NE PAS DIFFUSER") == (p == DOSSIER_PROFILE_INTERNAL && l == 1));
      }
}

/* A table of 400 incidents breaks across pages, each repeating the header; the contents
 * point at the right pages; an annex can be limited to chosen incidents. */
static void
test_pages (void)
{
  g_autoptr(DossierStore) store = dossier_test_new_store ("annex-synth.dossier");
  DossierSynthOptions synth = { 400, 50, 20, 200, 7 };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  guint n, table_pages = 0;

  g_assert_true (dossier_synth_fill (store, &synth, NULL, NULL, &error));
  g_assert_no_error (error);
  text = write_annex (store, DOSSIER_PROFILE_INTERNAL, "en", DOSSIER_ANNEX_INCIDENTS | DOSSIER_ANNEX_ACTORS, "pages.pdf");
  pages = g_strsplit (text, "\f", -1);
  n = g_strv_length (pages) - 1;   /* the text ends with a form feed */
  g_assert_cmpuint (n, >, 6);
  /* Pages 3 to n-1 are the incidents table (the actors fit on the last page). */
  for (guint i = 2; i < n - 1; i++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", i + 1, n);

      g_assert_true (has (pages[i], footer));
      g_assert_true (has (pages[i], "Alleged"));
      g_assert_true (has (pages[i], "Verification"));
      table_pages++;
    }
  g_assert_cmpuint (table_pages, >=, 5);
  g_assert_true (has (pages[n - 1], "Actors"));
  /* The contents give the page each section starts on. */
  {
    g_autofree char *line = g_strdup_printf ("%u", n);

    g_assert_true (has (pages[1], "Incidents"));
    g_assert_true (has (pages[1], line));
  }
  /* Every incident once. */
  g_assert_true (has (text, "INC-0001"));
  g_assert_true (has (text, "INC-0400"));

  /* Only the incidents asked for. */
  {
    g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_autofree char *pdf = dossier_test_tmp_path ("chosen.pdf");
    g_autofree char *chosen = NULL;
    DossierAnnexOptions options = { .profile = DOSSIER_PROFILE_INTERNAL, .lang = "en", .sections = DOSSIER_ANNEX_INCIDENTS };
    gint64 id = dossier_test_query_int (store, "SELECT id FROM incident WHERE code = 'INC-0123'", NULL);

    g_array_append_val (ids, id);
    options.incident_ids = ids;
    g_assert_true (dossier_annex_write_pdf (store, &options, pdf, &error));
    g_assert_no_error (error);
    chosen = dossier_test_pdf_text (pdf);
    g_assert_true (has (chosen, "INC-0123"));
    g_assert_false (has (chosen, "INC-0124"));
  }
}

static void
cancel_at_once (guint64  done,
                guint64  total,
                gpointer data)
{
  g_assert_cmpuint (done, <=, total);
  g_cancellable_cancel (data);
}

/* Unwritable, cancelled, or an unknown language: an error, and nothing left behind. */
static void
test_refusals (void)
{
  g_autoptr(DossierStore) store = dossier_test_new_store ("annex-bad.dossier");
  DossierSynthOptions synth = { 600, 10, 5, 50, 3 };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *pdf = dossier_test_tmp_path ("cancelled.pdf");
  g_autofree char *dir = g_path_get_dirname (pdf);
  g_autoptr(GError) error = NULL;
  DossierAnnexOptions options = { .profile = DOSSIER_PROFILE_PUBLIC, .lang = "en", .sections = DOSSIER_ANNEX_INCIDENTS,
                                  .progress = cancel_at_once, .cancellable = cancellable };
  DossierAnnexSections sections;

  g_assert_true (dossier_synth_fill (store, &synth, NULL, NULL, &error));
  options.progress_data = cancellable;
  g_assert_false (dossier_annex_write_pdf (store, &options, pdf, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      g_assert_null (strstr (name, ".part-"));
  }

  options.progress = NULL;
  options.cancellable = NULL;
  g_assert_false (dossier_annex_write_pdf (store, &options, "/proc/no/such/place/annex.pdf", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  options.lang = "xx";   /* anything but "fr" is English */
  g_assert_true (dossier_annex_write_pdf (store, &options, pdf, &error));
  g_assert_no_error (error);

  g_assert_true (dossier_annex_sections_from_string ("incidents, evidence", &sections));
  g_assert_cmpint (sections, ==, DOSSIER_ANNEX_INCIDENTS | DOSSIER_ANNEX_EVIDENCE);
  g_assert_false (dossier_annex_sections_from_string ("incidents,nonsense", &sections));
  g_assert_false (dossier_annex_sections_from_string ("", &sections));
}

/* The cover of a public annex counts what the annex lets out: counting the dossier's
 * incidents would tell that a confidential one exists. */
static void
test_public_cover_counts (void)
{
  g_autofree char *path = dossier_test_tmp_path ("cover.dossier");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = dossier_demo_create (path, &error);
  g_autofree char *public = NULL;
  g_autofree char *internal = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (dossier_store_get_db (store),
                                 "UPDATE incident SET confidentiality = 'confidential' WHERE code = 'INC-0010'", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  public = write_annex (store, DOSSIER_PROFILE_PUBLIC, "en", DOSSIER_ANNEX_TABLES, "cover-public.pdf");
  internal = write_annex (store, DOSSIER_PROFILE_INTERNAL, "en", DOSSIER_ANNEX_TABLES, "cover-internal.pdf");
  g_assert_true (has (public, "12 incidents"));
  g_assert_false (has (public, "13 incidents"));
  g_assert_true (has (internal, "13 incidents"));
}

/* Issue 13, point 16: what a reader of the annex sees written out. The period on the
 * cover as a person writes it; a source longer than a page, whole in the incidents table
 * (its row going on over the next page, under the header again), not cut at eight lines;
 * coordinates, sizes and the last custody event in words; a section with nothing to show
 * left out, and named as such in the contents. */
static void
test_written_out (void)
{
  g_autofree char *path = dossier_test_tmp_path ("written-out.dossier");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = dossier_demo_create (path, &error);
  g_autoptr(DossierIncident) incident = NULL;
  g_autoptr(GString) source = g_string_new ("Start of the longest source");

  g_assert_no_error (error);
  g_assert_true (dossier_store_set_info (store, "period", "2012-03/2023", &error));
  g_assert_no_error (error);
  incident = dossier_store_load_by_code (store, DOSSIER_TYPE_INCIDENT, "INC-0003", &error);
  g_assert_no_error (error);
  for (int i = 0; i < 100; i++)
    g_string_append_printf (source, "; statement %d taken in Mopti", i + 1);
  g_string_append (source, "; end of the longest source");
  g_assert_cmpuint (source->len, >, 2500);
  g_free (incident->sources);
  incident->sources = g_strdup (source->str);
  incident->latitude = 14.12;
  incident->longitude = -4.35;
  g_assert_true (dossier_store_update (store, DOSSIER_RECORD (incident), &error));
  g_assert_no_error (error);
  {
    g_autoptr(DossierEvidence) item = dossier_store_load_by_code (store, DOSSIER_TYPE_EVIDENCE, "EVD-0001", &error);

    g_assert_no_error (error);
    g_free (item->acquired_on);
    item->acquired_on = g_strdup ("2022-04-05");
    g_assert_true (dossier_store_update (store, DOSSIER_RECORD (item), &error));
    g_assert_no_error (error);
  }
  /* No actor at all. */
  g_assert_cmpint (sqlite3_exec (dossier_store_get_db (store), "DELETE FROM incident_actor; DELETE FROM actor", NULL, NULL, NULL),
                   ==, SQLITE_OK);

  for (int l = 0; l < 2; l++)
    {
      gboolean fr = l == 1;
      g_autofree char *text = write_annex (store, DOSSIER_PROFILE_PUBLIC, fr ? "fr" : "en",
                                           DOSSIER_ANNEX_INCIDENTS | DOSSIER_ANNEX_SHEETS | DOSSIER_ANNEX_ACTORS | DOSSIER_ANNEX_EVIDENCE,
                                           fr ? "written-out-fr.pdf" : "written-out-en.pdf");
      g_autofree char *flat = NULL;
      g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
      int first = -1, last = -1;

      /* pdftotext writes no-break spaces as spaces. */
      {
        g_autoptr(GString) spaced = g_string_new (text);

        g_string_replace (spaced, "\n", " ", 0);
        g_string_replace (spaced, "\u00a0", " ", 0);
        flat = g_string_free (g_steal_pointer (&spaced), FALSE);
      }
      /* The cover. */
      g_assert_false (has (text, "2012-03/2023"));
      g_assert_true (has (pages[0], fr ? "de mars 2012 à 2023" : "March 2012 – 2023"));
      /* The source, every statement of it, on two pages of the table at least. */
      for (int i = 0; pages[i] != NULL; i++)
        {
          if (first < 0 && has (pages[i], "Start of the longest source"))
            first = i;
          if (has (pages[i], "end of the longest source"))
            last = MAX (last, i);
        }
      g_assert_cmpint (first, >, 1);
      g_assert_cmpint (last, >, first);
      for (int i = 0; i < 100; i++)
        {
          g_autofree char *statement = g_strdup_printf ("statement %d taken in Mopti", i + 1);

          g_assert_true (has (flat, statement));
        }
      /* The table's header again where the row goes on. */
      g_assert_true (has (pages[first + 1], fr ? "Vérification" : "Verification"));
      /* Values in words, in the annex's language. */
      g_assert_true (has (flat, fr ? "14,12° N, 4,35° O" : "14.12° N, 4.35° W"));
      g_assert_true (has (flat, fr ? "Tués : 300 (hommes 300)" : "Killed: 300 (men 300)"));
      g_assert_true (has (flat, fr ? "68,7 ko" : "68.7 kB"));
      g_assert_true (has (flat, fr ? "(68 744 octets)" : "(68,744 bytes)"));
      g_assert_true (has (flat, fr ? "5 avril 2022" : "5 April 2022"));
      g_assert_false (has (flat, "2022-04-05"));
      g_assert_false (has (flat, "text/plain"));
      g_assert_false (has (flat, " UTC") && has (flat, "T1") && has (flat, "Z UTC"));
      /* No actor: the section is left out, and the contents say so, in plain words. */
      g_assert_false (has (text, "Nothing in this profile"));
      g_assert_false (has (text, "Rien dans ce profil"));
      g_assert_true (has (pages[1], fr ? "rien à y montrer" : "nothing to show in them"));
      g_assert_true (has (pages[1], fr ? "Acteurs" : "Actors"));
      g_assert_false (has (flat, fr ? "Nom Sigle" : "Name Acronym"));
    }
}

/* The translations of a catalogue in the source tree: each msgstr line, with the line it
 * starts on. */
static GPtrArray *
po_messages (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "po", name, NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *messages = g_ptr_array_new_with_free_func (g_free);
  gboolean in_msgstr = FALSE;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "msgstr"))
        in_msgstr = TRUE;
      else if (lines[i][0] != '"')
        in_msgstr = FALSE;
      if (in_msgstr)
        g_ptr_array_add (messages, g_strdup_printf ("%u: %s", i + 1, lines[i]));
    }
  return messages;
}

/* Issue 13, point 20: French that reads right. "Withheld" is "non communiqué", never
 * "retenu" (which reads as "selected"); a number is never parted from what it counts at the
 * end of a line: in the catalogue, a number's placeholder or digits and the word after them
 * are joined by a no-break space; so are the age groups' numbers and "ans". */
static void
test_french_words (void)
{
  g_autoptr(GPtrArray) messages = po_messages ("fr.po");
  g_autoptr(GRegex) split = g_regex_new ("%(l{0,2}d|u|g|\\.[0-9]+f|'l{0,2}d) ([[:alpha:]«]|%%)|"
                                         "[0-9] (ans|km|m|ko|Mo|Go|To|ms|s|h|%%|pixels|octets?|incidents?|jours?)\\b",
                                         G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr(DossierCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dossier_test_tmp_path ("french.dossier");
  g_autoptr(DossierStore) store = NULL;
  g_autofree char *child = NULL;
  g_autofree char *text = NULL;
  guint bad = 0;

  for (guint i = 0; i < messages->len; i++)
    {
      const char *line = messages->pdata[i];

      if (strstr (line, "retenu") != NULL || g_regex_match (split, line, 0, NULL))
        {
          g_test_message ("po/fr.po:%s", line);
          bad++;
        }
    }
  g_assert_cmpuint (bad, ==, 0);

  catalog = dossier_catalog_new ("fr", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_catalog_get (catalog, "withheld"), ==, "non communiqué");

  store = dossier_demo_create (path, &error);
  g_assert_no_error (error);
  child = dossier_store_vocab_label (store, "age-group", "child", "fr");
  g_assert_nonnull (strstr (child, "17\u00a0ans"));
  text = write_annex (store, DOSSIER_PROFILE_PUBLIC, "fr", DOSSIER_ANNEX_PEOPLE | DOSSIER_ANNEX_TESTIMONIES, "french.pdf");
  g_assert_nonnull (strstr (text, "non communiqué"));
  g_assert_null (strstr (text, "retenu"));
}

/* Issue 13, point 16, as a French tester found it: a new dossier of two incidents, one made
 * Public (its title and sources), one left Restricted with no sources, a protected person
 * and an actor. The public annex shows the public incident's title in the incidents table;
 * no word is broken over two lines ("communiqu-" / "é"); the short sections follow each
 * other on a page (cover, contents, the incidents table on its side, then the sheets, the
 * persons and the actors together); nothing is called withheld that is not there. */
static void
test_short_dossier (void)
{
  g_autoptr(DossierStore) store = dossier_test_new_store ("short.dossier");
  g_autoptr(DossierIncident) open = dossier_incident_new ();
  g_autoptr(DossierIncident) restricted = dossier_incident_new ();
  g_autoptr(DossierPerson) person = dossier_person_new ();
  g_autoptr(DossierActor) actor = dossier_actor_new ();
  g_autoptr(GError) error = NULL;

  g_free (open->title_fr);
  open->title_fr = g_strdup ("Exécutions au marché de Moura");
  g_free (open->title_en);
  open->title_en = g_strdup ("Executions at the Moura market");
  g_free (open->date_edtf);
  open->date_edtf = g_strdup ("2022-03-27");
  g_free (open->place);
  open->place = g_strdup ("Moura");
  g_free (open->sources);
  open->sources = g_strdup ("Témoignages recueillis à Mopti");
  g_free (open->confidentiality);
  open->confidentiality = g_strdup ("public");
  g_free (restricted->title_fr);
  restricted->title_fr = g_strdup ("Pillage à Hombori");
  g_free (restricted->title_en);
  restricted->title_en = g_strdup ("Looting in Hombori");
  g_free (restricted->date_edtf);
  restricted->date_edtf = g_strdup ("2022-04");
  g_free (restricted->confidentiality);
  restricted->confidentiality = g_strdup ("restricted");
  g_free (person->protection);
  person->protection = g_strdup ("protected");
  g_free (actor->name);
  actor->name = g_strdup ("Forces armées maliennes");
  g_free (actor->acronym);
  actor->acronym = g_strdup ("FAMa");
  g_assert_true (dossier_store_insert (store, DOSSIER_RECORD (open), &error));
  g_assert_true (dossier_store_insert (store, DOSSIER_RECORD (restricted), &error));
  g_assert_true (dossier_store_insert (store, DOSSIER_RECORD (person), &error));
  g_assert_true (dossier_store_insert (store, DOSSIER_RECORD (actor), &error));
  g_assert_no_error (error);

  for (int l = 0; l < 2; l++)
    {
      gboolean fr = l == 1;
      g_autofree char *text = write_annex (store, DOSSIER_PROFILE_PUBLIC, fr ? "fr" : "en",
                                           DOSSIER_ANNEX_INCIDENTS | DOSSIER_ANNEX_SHEETS | DOSSIER_ANNEX_PEOPLE | DOSSIER_ANNEX_ACTORS,
                                           fr ? "short-fr.pdf" : "short-en.pdf");
      g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
      g_autoptr(GRegex) broken = g_regex_new ("[[:alpha:]]-\n[[:lower:]]", 0, 0, NULL);
      int table = -1;

      g_test_message ("%s", text);
      /* For the eye: DOSSIER_SCREENSHOT_DIR=/tmp/shots keeps the PDF there. */
      if (g_getenv ("DOSSIER_SCREENSHOT_DIR") != NULL)
        {
          g_autofree char *from = dossier_test_tmp_path (fr ? "short-fr.pdf" : "short-en.pdf");
          g_autofree char *to = g_build_filename (g_getenv ("DOSSIER_SCREENSHOT_DIR"), fr ? "short-fr.pdf" : "short-en.pdf", NULL);
          g_autofree char *bytes = NULL;
          gsize length;

          g_mkdir_with_parents (g_getenv ("DOSSIER_SCREENSHOT_DIR"), 0700);
          if (g_file_get_contents (from, &bytes, &length, NULL))
            g_file_set_contents_full (to, bytes, length, G_FILE_SET_CONTENTS_NONE, 0600, NULL);
        }
      /* The public incident's title, in the incidents table (its sheet shows it too). */
      for (int i = 0; pages[i] != NULL; i++)
        if (has (pages[i], fr ? "Vérification" : "Verification") && has (pages[i], "INC-0002"))
          table = i;
      g_assert_cmpint (table, >=, 0);
      g_assert_true (has (pages[table], fr ? "Exécutions au marché" : "Executions at the"));
      g_assert_false (has (text, fr ? "Pillage" : "Looting"));
      /* No word broken over two lines. */
      g_assert_false (has (text, "communiqu-"));
      g_assert_false (has (text, "withh-"));
      g_assert_false (g_regex_match (broken, text, 0, NULL));
      /* Cover, contents, the table on its side, then the sheets, persons and actors on one
       * page: four pages, not six. */
      g_assert_cmpuint (g_strv_length (pages) - (pages[g_strv_length (pages) - 1][0] == '\0'), ==, 4);
      g_assert_true (has (pages[3], fr ? "Fiches d’incident" : "Incident sheets"));
      g_assert_true (has (pages[3], fr ? "Acteurs" : "Actors"));
      /* The restricted incident has no sources: none are said to be withheld. Its summary
       * is empty too. Only its title is withheld, in the table. */
      {
        const char *sheet = strstr (pages[3], "INC-0002");
        g_autofree char *alone = NULL;

        g_assert_nonnull (sheet);
        g_assert_nonnull (strstr (sheet, "Index"));
        alone = g_strndup (sheet, strstr (sheet, "Index") - sheet);
        g_assert_false (has (alone, "Sources"));
        g_assert_false (has (alone, fr ? "Résumé" : "Summary"));
        g_assert_false (has (alone, fr ? "non communiqué" : "withheld"));
      }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  dossier_test_register_resources ();
  g_test_add_func ("/annex/contents", test_contents);
  g_test_add_func ("/annex/canaries", test_canaries);
  g_test_add_func ("/annex/pages", test_pages);
  g_test_add_func ("/annex/refusals", test_refusals);
  g_test_add_func ("/trust/01-public-annex-cover-counts", test_public_cover_counts);
  g_test_add_func ("/craft/16-annex-written-out", test_written_out);
  g_test_add_func ("/craft/16-short-dossier", test_short_dossier);
  g_test_add_func ("/craft/20-french-words", test_french_words);
  return g_test_run ();
}
