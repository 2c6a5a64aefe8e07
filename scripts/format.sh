#!/usr/bin/env bash
# Formats the Swift code with the toolchain's swift-format and .swift-format; --check only reports (CI runs that).
# Fixtures are left as written: their bytes are what the golden rewrite tests compare.
set -euo pipefail
cd "$(dirname "$0")/.."
paths=(Package.swift Sources Tests Benchmarks Runtime/Package.swift Runtime/Sources)
if [ "${1:-}" = "--check" ]; then
    if ! swift format lint --strict --recursive "${paths[@]}"; then
        echo "error: the Swift code is not formatted as .swift-format says: run scripts/format.sh and commit the result" >&2
        exit 1
    fi
else
    swift format format --in-place --recursive "${paths[@]}"
fi
