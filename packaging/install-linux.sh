#!/usr/bin/env bash
# Install the unpacked bundle for all users (run as root from inside the bundle folder):
# the program to /opt/jmd-desk, a start-menu entry and the icon. Data stay in each user's
# data folder and are never touched by installing, updating or removing the program.
#
#     sudo ./install-linux.sh            # install or update
#     sudo ./install-linux.sh --remove   # remove the program (data stay)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
target=/opt/jmd-desk
if [ "${1:-}" = "--remove" ]; then
    rm -rf "$target" /usr/share/applications/jmd-desk.desktop /usr/share/icons/hicolor/256x256/apps/jmd-desk.png
    echo "JMD Desk removed; the data folders of the users were left as they are."
    exit 0
fi
rm -rf "$target.new"
cp -a "$here" "$target.new"
rm -rf "$target"
mv "$target.new" "$target"
install -D -m 644 "$target/_internal/resources/icons/jmd-desk.png" /usr/share/icons/hicolor/256x256/apps/jmd-desk.png
install -D -m 644 "$target/jmd-desk.desktop" /usr/share/applications/jmd-desk.desktop
ln -sf "$target/jmd-desk" /usr/local/bin/jmd-desk
echo "JMD Desk installed in $target."
