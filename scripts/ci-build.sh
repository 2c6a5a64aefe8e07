#!/usr/bin/env bash
# The CI recipe (README, "In CI"): builds the Swift package in the current folder with instrumentation, the way a
# team's CI job does, and leaves the build report for upload.
#
#   path/to/instswift/scripts/ci-build.sh [swift build options, e.g. -c release]
#
# 1. installs instswift from the checkout this script is in, unless `instswift` is on PATH (INSTSWIFT_PREFIX, default
#    $HOME/.local; an install of another version is replaced);
# 2. `instswift doctor` on the package: stops with the fix for anything missing (no runtime pin, another version's
#    pin, a runtime that cannot be fetched);
# 3. `instswift swift build ... --report "$INSTSWIFT_REPORT"` (default instswift-report.json) and a one-line summary.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
prefix="${INSTSWIFT_PREFIX:-$HOME/.local}"
report="${INSTSWIFT_REPORT:-instswift-report.json}"
[ -f Package.swift ] || { echo "error: no Package.swift in $(pwd); run this in the package's folder" >&2; exit 1; }

if ! command -v instswift >/dev/null; then
    wanted="$(sed -n 's/^ *static let current = "\(.*\)"/\1/p' "$here/Sources/instswift/InstSwiftCommand.swift")"
    if [ ! -x "$prefix/bin/instswift" ] || [ "$("$prefix/bin/instswift" --version)" != "$wanted" ]; then
        echo "== installing instswift $wanted into $prefix"
        "$here/scripts/install.sh" "$prefix" >/dev/null
    fi
    export PATH="$prefix/bin:$PATH"
fi

echo "== instswift doctor"
instswift doctor
echo "== instswift swift build $* --report $report"
instswift swift build "$@" --report "$report"
python3 - "$report" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
modules = [m for m in report["modules"] if m["sites"]]
print(f"instswift: {len(report['instrumented'])} declarations instrumented in {len(modules)} modules "
      f"({', '.join(m['module'] for m in modules) or 'none'}); report: {sys.argv[1]}")
PY
