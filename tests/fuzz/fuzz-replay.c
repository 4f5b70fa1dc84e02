/* fuzz-replay.c: runs a fuzz target over saved inputs, without libFuzzer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Linked with one fuzz-TARGET.c in place of libFuzzer, so that the test suite (built with
 * any compiler) replays each target's seed corpus and every crasher ever found, on every
 * run: `fuzz-replay-TARGET FOLDER…`, one test case per file. A folder that does not exist
 * yet (no crasher found) holds no cases.
 */
#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "fuzz-util.h"

static void
replay (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree guint8 *input = NULL;
  gsize size;

  if (!g_file_get_contents (path, &contents, &size, &error))
    g_error ("%s", error->message);
  /* A buffer of exactly the input's size, as libFuzzer gives, so that a sanitizer sees a
   * read past its end (g_file_get_contents() adds a NUL). */
  input = g_malloc (MAX (size, 1));
  memcpy (input, contents, size);
  LLVMFuzzerTestOneInput (input, size);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
add_folder (const char *folder)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *parent = g_path_get_dirname (folder);
  g_autofree char *kind = g_path_get_basename (parent);
  g_autofree char *target = g_path_get_basename (folder);
  GDir *dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      /* Dot files and notes are not inputs. */
      if (name[0] != '.' && !g_str_has_suffix (name, ".md") && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_dir_close (dir);
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/%s/%s/%s", kind, target, (char *) names->pdata[i]);

      g_test_add_data_func_full (test_path, g_build_filename (folder, names->pdata[i], NULL), replay, g_free);
    }
}

/* Runs this program again as a child with a temporary folder of its own, and removes that
 * folder whatever became of the child: an input that crashes a target must not leave a
 * dossier (with the demo's identities) behind. */
static int
run_in_child (int   argc,
              char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("dossier-fuzz-replay-XXXXXX", &error);
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GStrvBuilder) args = g_strv_builder_new ();
  g_auto(GStrv) child_argv = NULL;
  int status = 0;

  if (tmp == NULL)
    g_error ("no temporary folder: %s", error->message);
  env = g_environ_setenv (env, "TMPDIR", tmp, TRUE);
  env = g_environ_setenv (env, "DOSSIER_FUZZ_REPLAY_CHILD", "1", TRUE);
  g_strv_builder_add (args, self != NULL ? self : argv[0]);
  for (int i = 1; i < argc; i++)
    g_strv_builder_add (args, argv[i]);
  child_argv = g_strv_builder_end (args);

  /* The child writes the test report to our standard output and error. */
  if (!g_spawn_sync (NULL, child_argv, env, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error))
    g_error ("cannot run %s: %s", child_argv[0], error->message);
  fuzz_remove_tree (tmp);

  if (WIFSIGNALED (status))
    {
      /* Die as the child did, so that the test runner reports the signal. */
      signal (WTERMSIG (status), SIG_DFL);
      raise (WTERMSIG (status));
    }
  return WIFEXITED (status) ? WEXITSTATUS (status) : 1;
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("DOSSIER_FUZZ_REPLAY_CHILD") == NULL)
    return run_in_child (argc, argv);

  g_test_init (&argc, &argv, NULL);
  fuzz_init ();
  for (int i = 1; i < argc; i++)
    add_folder (argv[i]);
  return g_test_run ();
}
