#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages JMD Desk needs (Qt runtime libraries, venv support,
# poppler for looking at PDFs, Xvfb for a real X display, PostgreSQL for the
# office-server tests). Installs only what is missing,
# so running it again is a quick no-op. Used by the README commands and by .ci/run.
set -euo pipefail

PACKAGES=(
  python3-venv
  # Qt offscreen and every platform
  libgl1 libegl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0 zlib1g libzstd1
  fonts-dejavu-core
  # a real X11 window (desktop use, Xvfb)
  libxkbcommon-x11-0 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-shm0 libxcb-sync1
  libxcb-xfixes0 libxcb-xkb1 libcups2
  # tools for tests and screenshots
  poppler-utils xvfb xauth git
  # the office server's tests start a throwaway PostgreSQL cluster
  postgresql
  # real-display GUI tests: a window manager, real key events, screenshots, German key map
  openbox xdotool imagemagick x11-utils x11-xkb-utils
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
echo "Installing system packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
