#!/bin/sh
# Brings po/*.po up to date with the sources (extract, merge, no wrapping) and lists what is
# left to translate. Translate those, then check with build-aux/check-po.sh.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
grep -v '^#' po/POTFILES.in | grep . > "$tmp/files"
xgettext --from-code=UTF-8 --add-comments=Translators --package-name=dossier \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=dossier_catalog_nget:2,3 \
  --flag=g_set_error:4:c-format --flag=g_strdup_printf:1:c-format \
  --files-from="$tmp/files" --output="$tmp/dossier.pot"
for lang in $(cat po/LINGUAS); do
  LC_ALL=C msgmerge --quiet --no-wrap --no-fuzzy-matching --previous --output-file="po/$lang.po" "po/$lang.po" "$tmp/dossier.pot"
  LC_ALL=C msgattrib --no-wrap --no-obsolete --output-file="po/$lang.po" "po/$lang.po"
  echo "po/$lang.po:"
  LC_ALL=C msgattrib --no-wrap --untranslated "po/$lang.po" | grep -A1 '^msgctxt\|^msgid' | grep -v '^--' | sed 1,2d || true
done
