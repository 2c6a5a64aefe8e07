#!/usr/bin/env bash
# Build overhead of instswift against plain `swift build`, both measured in this run, on a package (default: the
# wrapper fixture): clean build, no-op rebuild, one file touched. Prints times, ratios and instswift's peak memory.
#   scripts/bench-build.sh [PACKAGE_DIR] [FILE_TO_TOUCH]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
package=${1:-Fixtures/packages/wrapper-app}
touch_file=${2:-Sources/WrapperLib/Lib.swift}
swift build -c release --product instswift >/dev/null
instswift=$root/.build/release/instswift

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/Fixtures/packages"
ln -s "$root/Runtime" "$work/Runtime"
for p in "$root"/Fixtures/packages/*; do cp -r "$p" "$work/Fixtures/packages/"; done
find "$work" -name .build -prune -exec rm -rf {} +
cd "$work/$(basename "$(dirname "$package")")/$(basename "$package")" 2>/dev/null || cd "$work/Fixtures/packages/$(basename "$package")"
swift package resolve >/dev/null 2>&1

seconds() { local start=$(date +%s.%N); "$@" >/dev/null 2>&1; echo "$(date +%s.%N) - $start" | bc; }
plain()  { swift build --scratch-path .build/plain; }
instr()  { "$instswift" swift build; }

clean_plain=$(seconds plain);  clean_instr=$(seconds "$instswift" swift build --report "$work/report.json")
noop_plain=$(seconds plain);   noop_instr=$(seconds instr)
touch "$touch_file"; touch_plain=$(seconds plain)
touch "$touch_file"; touch_instr=$(seconds instr)

ratio() { echo "scale=2; $2 / $1" | bc; }
printf "%-22s %10s %10s %8s %s\n" "build" "plain s" "instswift" "ratio" "target"
printf "%-22s %10.2f %10.2f %8s %s\n" "clean" "$clean_plain" "$clean_instr" "$(ratio "$clean_plain" "$clean_instr")" "<= 1.10"
printf "%-22s %10.2f %10.2f %8s %s\n" "no-op" "$noop_plain" "$noop_instr" "$(ratio "$noop_plain" "$noop_instr")" "<= 1.05 (+0.3 s)"
printf "%-22s %10.2f %10.2f %8s %s\n" "one file touched" "$touch_plain" "$touch_instr" "$(ratio "$touch_plain" "$touch_instr")" "<= 1.20"
python3 - "$work/report.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
modules = report["modules"]
print(f"rewrite: {sum(m['files'] for m in modules)} files in {len(modules)} modules, {report['totalMilliseconds']:.0f} ms in all; "
      f"peak memory of one compiler shim {report['peakMemoryMiB']:.0f} MiB (it exits before the real compile)")
PY
