/* dossier-cli-bench.h: dossier-cli synth and bench
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

int dossier_cli_synth (int argc, char **argv);
int dossier_cli_bench (int argc, char **argv);
int dossier_cli_bench_ingest (int argc, char **argv);
int dossier_cli_bench_export (int argc, char **argv);
