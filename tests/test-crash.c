/* test-crash.c: a writer killed in the middle of transactions loses nothing it committed
 * and leaves nothing half-done
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dossier-incident.h"
#include "dossier-link.h"
#include "dossier-person.h"
#include "dossier-test-util.h"
#include "dossier-store-private.h" /* tests look at the file underneath */
#include "dossier-info.h"
#include "dossier-incident-private.h" /* white-box */

#define ROUNDS 12

/* The child: commits incidents, each with its violation types, casualties, a person and a
 * link, in one transaction each, and reports the number of each commit once it returned. */
static void G_GNUC_NORETURN
writer (const char *path,
        int         round,
        int         fd)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = dossier_store_open (path, DOSSIER_STORE_OPEN_DEFAULT, &error);

  if (store == NULL)
    _exit (3);

  for (int i = 0;; i++)
    {
      g_autoptr(DossierIncident) inc = dossier_incident_new ();
      g_autoptr(DossierPerson) person = dossier_person_new ();
      g_autoptr(DossierLink) link = NULL;
      char line[32];
      int len;

      g_free (inc->title_fr);
      inc->title_fr = g_strdup_printf ("crash %d %d", round, i);
      g_strfreev (inc->violation_types);
      inc->violation_types = g_strsplit ("killing,looting-destruction-property,forced-displacement", ",", -1);
      for (int c = 0; c < DOSSIER_N_CASUALTY_CATEGORIES; c++)
        inc->casualties[c][c] = i + 1;
      g_free (inc->summary_fr);
      inc->summary_fr = g_strnfill (2000 + i % 5000, 'x');

      if (!dossier_store_begin (store, &error) ||
          !dossier_store_insert (store, DOSSIER_RECORD (inc), &error) ||
          !dossier_store_insert (store, DOSSIER_RECORD (person), &error) ||
          (link = dossier_store_link (store, DOSSIER_LINK_INCIDENT_PERSON, dossier_record_get_id (DOSSIER_RECORD (inc)),
                                      dossier_record_get_id (DOSSIER_RECORD (person)), "victim", NULL, &error)) == NULL ||
          !dossier_store_commit (store, &error))
        {
          g_printerr ("writer: %s\n", error->message);
          _exit (4);
        }

      len = g_snprintf (line, sizeof line, "%d\n", i);
      if (write (fd, line, len) != len)
        _exit (5);
    }
}

static void
test_sigkill (void)
{
  g_autofree char *path = dossier_test_tmp_path ("crash.dossier");
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  gint64 expected_total = 0;

  {
    g_autoptr(DossierStore) store = dossier_create (path, "crash", &error);
    g_assert_no_error (error);
  }

  for (int round = 0; round < ROUNDS; round++)
    {
      g_autoptr(DossierStore) store = NULL;
      int fds[2];
      pid_t pid;
      int status;
      int reported = -1;
      guint wait_us = g_rand_int_range (rand, 20000, 400000);
      g_autoptr(GString) out = g_string_new (NULL);
      char buf[256];
      ssize_t n;
      gint64 in_round;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          writer (path, round, fds[1]);
        }
      close (fds[1]);

      g_usleep (wait_us);
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (!WIFSIGNALED (status))
    g_test_message ("writer exited with %d", WEXITSTATUS (status));
  g_assert_true (WIFSIGNALED (status));

      while ((n = read (fds[0], buf, sizeof buf)) > 0)
        g_string_append_len (out, buf, n);
      close (fds[0]);
      {
        g_auto(GStrv) lines = g_strsplit (out->str, "\n", -1);
        for (guint i = 0; lines[i]; i++)
          if (*lines[i])
            reported = atoi (lines[i]);
      }

      /* The dossier opens (quick_check passes) and is wholly intact. */
      store = dossier_store_open (path, DOSSIER_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      {
        sqlite3_stmt *stmt = NULL;
        g_assert_cmpint (sqlite3_prepare_v2 (dossier_store_get_db (store), "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
        sqlite3_finalize (stmt);
      }

      /* Every commit the writer saw returned is there: numbers 0 … reported, and at most
       * one more that committed just before the kill. */
      {
        g_autofree char *pattern = g_strdup_printf ("crash %d %%", round);
        in_round = dossier_test_query_int (store, "SELECT count(*) FROM incident WHERE title_fr LIKE ?1", pattern);
      }
      g_test_message ("round %d: killed after %u µs, %d reported, %" G_GINT64_FORMAT " present",
                      round, wait_us, reported + 1, in_round);
      g_assert_cmpint (in_round, >=, reported + 1);
      g_assert_cmpint (in_round, <=, reported + 2);
      for (int i = 0; i <= reported; i++)
        {
          g_autofree char *title = g_strdup_printf ("crash %d %d", round, i);
          g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM incident WHERE title_fr = ?1", title), ==, 1);
        }
      expected_total += in_round;

      /* No transaction is half there: every incident has all its parts. */
      g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM incident", NULL), ==, expected_total);
      g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM person", NULL), ==, expected_total);
      g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM incident_person", NULL), ==, expected_total);
      g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM incident_violation", NULL), ==, 3 * expected_total);
      g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM casualty", NULL), ==, 5 * expected_total);
      g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM audit WHERE action = 'create' AND entity = 'incident'", NULL), ==, expected_total);
      /* The code counter moved with the commits, so codes stay unique and dense. */
      g_assert_cmpint (dossier_test_query_int (store, "SELECT next FROM code_counter WHERE prefix = 'INC'", NULL), ==, expected_total + 1);
    }
  g_assert_cmpint (expected_total, >, ROUNDS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  dossier_test_register_resources ();

  g_test_add_func ("/crash/sigkill-during-transactions", test_sigkill);

  return g_test_run ();
}
