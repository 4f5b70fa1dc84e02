/* dossier-text.c: text as people type it to find something
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Investigators type "segou" for Ségou and "kidal" for KIDAL, on keyboards where accents
 * are slow to type: the pickers, the coder's vocabulary lists and the gazetteer all match
 * what is typed against names folded the same way.
 */
#include "config.h"

#include "dossier-text.h"

/**
 * dossier_fold_text:
 * @text: (nullable): some text
 *
 * Returns: (transfer full): @text without accents and case, for matching what is typed
 */
char *
dossier_fold_text (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFD);
  g_autoptr(GString) bare = g_string_new (NULL);

  for (const char *p = decomposed; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (bare, c);
    }
  return g_utf8_casefold (bare->str, -1);
}
