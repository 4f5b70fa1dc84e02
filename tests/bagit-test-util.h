/* bagit-test-util.h: what the BagIt tests share (test-bagit*.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The number of problems the validator finds in @bag, each written to the test's log. */
guint problems_of (const char *bag);

G_END_DECLS
