/* fuzz-util.h: what the fuzz targets share, under libFuzzer and in the replay program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

G_BEGIN_DECLS

/* Each target defines it; libFuzzer or fuzz-replay.c calls it once per input. */
int         LLVMFuzzerTestOneInput (const uint8_t *data,
                                    size_t         size);

void        fuzz_init              (void);
const char *fuzz_tmpdir            (void);
char       *fuzz_tmp_path          (const char    *name);
void        fuzz_remove_tree       (const char    *path);
void        fuzz_write_file        (const char    *path,
                                    const void    *data,
                                    size_t         size);
char       *fuzz_text              (const uint8_t *data,
                                    size_t         size);

/* Checks what must hold whatever the input, also where G_DISABLE_ASSERT would drop g_assert. */
#define fuzz_check(expr)                                                         \
  G_STMT_START {                                                                 \
    if (G_UNLIKELY (!(expr)))                                                    \
      fuzz_fail ("%s:%d: %s does not hold", __FILE__, __LINE__, #expr);          \
  } G_STMT_END

void        fuzz_fail              (const char    *format,
                                    ...) G_GNUC_PRINTF (1, 2) G_GNUC_NORETURN;

G_END_DECLS
