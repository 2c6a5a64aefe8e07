#!/usr/bin/env bash
# Rewrite speed benchmarks (release build), each printing its ratio against the parser alone:
#   Swift: parse + match + rewrite vs swift-syntax's parse (target <= 1.5), and files/s over swift-syntax's sources.
#   C:     libclang rewrite of every function vs `clang -fsyntax-only` of the same file, per 1,000 lines
#          (target <= 1.5), on a generated file and on libyaml (Yams 6.2.2's CYaml, cloned from the mirror).
# Extra arguments go to the Swift benchmark (a package's Sources folder).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product instswift-benchmarks
bench=.build/release/instswift-benchmarks
echo "== Swift"
"$bench" swift "$@"
echo "== C (generated)"
"$bench" c
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if git clone -q https://github.com/jpsim/Yams "$work/Yams" 2>/dev/null && git -C "$work/Yams" checkout -q 6.2.2; then
    echo "== C (libyaml from Yams 6.2.2)"
    cyaml=$work/Yams/Sources/CYaml
    "$bench" c "$cyaml"/src/*.c -- -I "$cyaml/include" -I "$cyaml/src" -DYAML_DECLARE_STATIC
fi
