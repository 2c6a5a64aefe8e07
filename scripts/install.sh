#!/usr/bin/env bash
# Installs instswift into PREFIX (default /usr/local): the release-built tool with its built-in rule packs and the
# runtime package (a git repository tagged with this version, which `instswift pin` names by URL), in
# PREFIX/lib/instswift, and PREFIX/bin/instswift linking to it — so `instswift` on PATH finds its packs and runtime
# with no environment variable. `instswift doctor` checks the result.
#
#   scripts/install.sh [PREFIX]               install (or replace an earlier install)
#   scripts/install.sh --uninstall [PREFIX]   remove what install put there
set -euo pipefail
cd "$(dirname "$0")/.."

uninstall=0
if [ "${1:-}" = "--uninstall" ]; then uninstall=1; shift; fi
prefix="${1:-/usr/local}"
home="$prefix/lib/instswift"

if [ "$uninstall" = 1 ]; then
    if [ -L "$prefix/bin/instswift" ] && [ "$(readlink "$prefix/bin/instswift")" = "../lib/instswift/bin/instswift" ]; then
        rm "$prefix/bin/instswift"
    fi
    rm -rf "$home"
    echo "instswift: removed from $prefix"
    exit 0
fi

command -v swift >/dev/null || { echo "error: swift is not on PATH; install the Swift toolchain (swift.org) first" >&2; exit 1; }
source scripts/prerequisites.sh
prerequisites build
echo "== building the release instswift"
swift build -c release --product instswift

# Everything goes into a staging folder first, then replaces the old install in one rename: an interrupted install
# never leaves a half-written one behind.
mkdir -p "$prefix/lib" "$prefix/bin"
stage="$(mktemp -d "$prefix/lib/.instswift.XXXXXX")"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/bin"
cp .build/release/instswift "$stage/bin/instswift"
cp -R Rules "$stage/Rules"
# The runtime goes in as the git repository `instswift pin` names by URL (tagged with this version), from which
# `instswift swift build` resolves that URL (docs/adr/0009).
scripts/runtime-repository.sh "$stage/Runtime" "$(.build/release/instswift --version)" >/dev/null
chmod -R a+rX "$stage"
rm -rf "$home.old"
if [ -e "$home" ]; then mv "$home" "$home.old"; fi
mv "$stage" "$home"
trap - EXIT
rm -rf "$home.old"
ln -sfn ../lib/instswift/bin/instswift "$prefix/bin/instswift"
echo "instswift: installed $("$prefix/bin/instswift" --version) in $home, linked from $prefix/bin/instswift"
(cd / && "$prefix/bin/instswift" doctor)
