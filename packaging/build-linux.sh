#!/usr/bin/env bash
# Build the Linux one-folder bundle (dist/jmd-desk/) and prove it works on its own:
# --version and --self-test in a bare environment (env -i: no virtual environment, no PYTHONPATH,
# minimal PATH), offscreen. Ends with dist/jmd-desk-VERSION-linux-ARCH.tar.gz.
#
#     packaging/build-linux.sh
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3.11}
command -v "$python" >/dev/null || python=python3
venv=build/venv
if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet '.[build]'
"$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/jmd-desk.spec

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
bare() {
    env -i PATH=/usr/bin:/bin HOME="$scratch" TMPDIR="$scratch" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@"
}
version=$(bare dist/jmd-desk/jmd-desk --version)
echo "built: $version"
bare dist/jmd-desk/jmd-desk --self-test
leftovers=$(find "$scratch" -mindepth 1 -not -path "$scratch/.local*" | wc -l)
if [ "$leftovers" -ne 0 ]; then
    echo "the self-test left files behind:" >&2
    find "$scratch" -mindepth 1 >&2
    exit 1
fi

cp packaging/jmd-desk.desktop packaging/install-linux.sh dist/jmd-desk/
archive="dist/jmd-desk-${version#JMD Desk }-linux-$(uname -m).tar.gz"
tar -czf "$archive" -C dist jmd-desk
echo "bundle: $archive ($(du -sh dist/jmd-desk | cut -f1) unpacked)"
