#!/bin/sh
# Installs what a fresh Debian 12 needs to build, run and test Dossier.
# Only packages that are missing are installed, so a second run is quick. Packages named as
# arguments are installed too (build-aux/fuzz.sh asks for clang and libFuzzer this way).
set -eu

PACKAGES="
  build-essential pkg-config meson ninja-build gettext itstool
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libshumate-dev libsoup-3.0-dev libsqlite3-dev sqlite3 libjson-glib-dev
  nettle-dev libgexiv2-dev libsodium-dev libpoppler-glib-dev libgdk-pixbuf-2.0-dev
  libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  desktop-file-utils appstream-util shared-mime-info
  xvfb xauth dbus dbus-x11 at-spi2-core libxtst-dev
  poppler-utils libxml2-utils fonts-dejavu-core fonts-cantarell adwaita-icon-theme locales
"

missing=""
for p in $PACKAGES "$@"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    missing="$missing $p"
  fi
done

if [ -n "$missing" ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "Installing:$missing"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
fi

# French and English locales, so that the app and its tests can run in both languages.
if ! locale -a 2>/dev/null | grep -qi '^fr_FR.utf8$' || ! locale -a 2>/dev/null | grep -qi '^en_US.utf8$'; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO sed -i -e 's/^# *\(fr_FR.UTF-8 UTF-8\)/\1/' -e 's/^# *\(en_US.UTF-8 UTF-8\)/\1/' /etc/locale.gen
  $SUDO locale-gen
fi
