#!/bin/sh
# Fails unless every translation is valid and complete against the sources as they are now:
# the messages of po/POTFILES.in are extracted afresh, merged into a copy of each .po, and
# the copy must have no untranslated and no fuzzy message.
set -eu
top="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$top"
grep -v '^#' po/POTFILES.in | grep . > "$tmp/files"
xgettext --from-code=UTF-8 --add-comments=Translators --package-name=dossier \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=dossier_catalog_nget:2,3 \
  --flag=g_set_error:4:c-format --flag=g_strdup_printf:1:c-format \
  --files-from="$tmp/files" --output="$tmp/dossier.pot"

status=0
for lang in $(cat po/LINGUAS); do
  LC_ALL=C msgfmt --check -o /dev/null "po/$lang.po"
  LC_ALL=C msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/$lang.po" "po/$lang.po" "$tmp/dossier.pot"
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>&1)
  echo "$lang: $stats"
  case "$stats" in
    *untranslated*|*fuzzy*)
      status=1
      LC_ALL=C msgattrib --untranslated --only-fuzzy "$tmp/$lang.po" 2>/dev/null | head -40
      LC_ALL=C msgattrib --untranslated "$tmp/$lang.po" | grep '^msgid' | head -40
      ;;
  esac
done

# Every source with messages is listed, or its messages never reach a translator.
for f in $(grep -rlE '(^|[^A-Za-z_])N?_\("' src --include='*.c'; grep -rl 'translatable="yes"' src data); do
  if ! grep -qx "$f" po/POTFILES.in; then
    echo "$f has messages but is not in po/POTFILES.in"
    status=1
  fi
done
exit $status
