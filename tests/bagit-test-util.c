/* bagit-test-util.c: what the BagIt tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dossier-bagit.h"
#include "bagit-test-util.h"

guint
problems_of (const char *bag)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gboolean valid = dossier_bagit_validate (bag, &problems, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) problems->pdata[i]);
  g_assert_true (valid == (problems->len == 0));
  return problems->len;
}
