#!/usr/bin/env bash
# Build overhead of instswift against plain `swift build`, both measured in this run: clean build, no-op rebuild, one
# file touched. Prints wall and CPU (user + system) times, their ratios and the peak memory of instswift's compiler shims.
#   scripts/bench-build.sh              the wrapper fixture (executable + library + path dependency)
#   scripts/bench-build.sh --real       real mirrored packages: apple/swift-algorithms 1.2.1 with every function of
#                                       Algorithms instrumented (Swift), and jpsim/Yams 6.2.2 with every libyaml function
#                                       of CYaml instrumented (a C target); each builds its library target
#   scripts/bench-build.sh --real algorithms|yams   only one of them
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
swift build -c release --product instswift >/dev/null
instswift=$root/.build/release/instswift

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# measure COMMAND...: prints "wall cpu" seconds (cpu: user + system of the whole process tree). Wall time on this
# shared 2-core machine drifts by 20% between identical builds; CPU time is the steadier measure of added work.
measure() {
    local TIMEFORMAT="%R %U %S"
    { time "$@" >/dev/null 2>&1; } 2>"$work/time"
    awk '{ printf "%.2f %.2f", $1, $2 + $3 }' "$work/time"
}
# median_of N COMMAND...: runs COMMAND N times; prints the median wall and the median CPU time.
median_of() {
    local n=$1; shift
    local runs=()
    for _ in $(seq "$n"); do runs+=("$(measure "$@")"); done
    local median=$(( (n + 1) / 2 ))
    printf '%.2f %.2f' "$(printf '%s\n' "${runs[@]}" | cut -d' ' -f1 | sort -n | sed -n "${median}p")" \
        "$(printf '%s\n' "${runs[@]}" | cut -d' ' -f2 | sort -n | sed -n "${median}p")"
}
ratio() { echo "scale=2; $2 / $1" | bc; }
# row TITLE PLAIN INSTSWIFT TARGET: one line of the table, from two "wall cpu" pairs.
row() {
    local plain=($2) instr=($3)
    printf "%-26s %11.2f %9.2f %6s %11.2f %9.2f %6s   %s\n" "$1" "${plain[0]}" "${instr[0]}" "$(ratio "${plain[0]}" "${instr[0]}")" \
        "${plain[1]}" "${instr[1]}" "$(ratio "${plain[1]}" "${instr[1]}")" "$4"
}

touch_and() { touch "$1"; shift; "$@"; }

# bench TITLE TOUCH_FILE [instswift flags -- ] [swift build flags...]: run in the package folder.
bench() {
    local title=$1 touch_file=$2; shift 2
    local rules=()
    while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do rules+=("$1"); shift; done
    [ "$#" -gt 0 ] && shift
    local plain=(swift build --scratch-path .build/plain "$@") instr=("$instswift" swift build "${rules[@]}" "$@")
    swift package resolve >/dev/null 2>&1
    local clean_plain clean_instr noop_plain noop_instr touch_plain touch_instr
    clean_plain=$(measure "${plain[@]}");  clean_instr=$(measure "${instr[@]}" --report "$work/report.json")
    # The first rebuild after a clean build re-evaluates every package manifest (SwiftPM does this for plain builds
    # too: ~10 s on Yams), which is not what a no-op build measures; then the median of five runs each, since one
    # no-op build is ~2 s and wall time drifts here.
    measure "${plain[@]}" >/dev/null;     measure "${instr[@]}" >/dev/null
    noop_plain=$(median_of 5 "${plain[@]}"); noop_instr=$(median_of 5 "${instr[@]}")
    touch_plain=$(median_of 3 touch_and "$touch_file" "${plain[@]}")
    touch_instr=$(median_of 3 touch_and "$touch_file" "${instr[@]}")
    echo "== $title"
    printf "%-26s %11s %9s %6s %11s %9s %6s   %s\n" "build" "wall: plain" "instswift" "ratio" "cpu: plain" "instswift" "ratio" "target"
    row "clean" "$clean_plain" "$clean_instr" "<= 1.10"
    row "no-op (median of 5)" "$noop_plain" "$noop_instr" "<= 1.05 (+0.3 s)"
    row "touch $(basename "$touch_file") (3)" "$touch_plain" "$touch_instr" "<= 1.20"
    python3 - "$work/report.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
modules = report["modules"]
print(f"rewrite: {len(report['instrumented'])} declarations in {sum(m['files'] for m in modules)} files of {len(modules)} modules, "
      f"{report['totalMilliseconds']:.0f} ms in all; peak memory of one compiler shim {report['peakMemoryMiB']:.0f} MiB "
      f"(it exits before the real compile)")
PY
}

# every_function_rules LANGUAGE MODULE: a rules file instrumenting every function of MODULE.
every_function_rules() {
    local file=$work/rules-$2.yml
    printf 'rules:\n  - id: bench.every-function\n    language: %s\n    modules: [%s]\n    where:\n      function: {}\n    advice:\n      - span: {}\n' "$1" "$2" > "$file"
    echo "$file"
}

# real OWNER/NAME VERSION LANGUAGE MODULE TOUCH_FILE TARGET
real() {
    local package=$work/$(basename "$1")
    git clone -q "https://github.com/$1" "$package" && git -C "$package" checkout -q "$2"
    local rules; rules=$(every_function_rules "$3" "$4")
    (cd "$package" && INSTSWIFT_RUNTIME_PATH=$root/Runtime "$instswift" pin --rules "$rules" >/dev/null \
        && bench "$1 $2 ($3: every function of $4; --target $6)" "$5" --rules "$rules" -- --target "$6")
}

if [ "${1:-}" = "--real" ]; then
    if [ "${2:-algorithms}" = "algorithms" ]; then
        real apple/swift-algorithms 1.2.1 swift Algorithms Sources/Algorithms/Chunked.swift Algorithms
    fi
    if [ "${2:-yams}" = "yams" ]; then
        real jpsim/Yams 6.2.2 c CYaml Sources/CYaml/src/parser.c Yams
    fi
else
    mkdir -p "$work/Fixtures/packages"
    ln -s "$root/Runtime" "$work/Runtime"
    for p in "$root"/Fixtures/packages/*; do cp -r "$p" "$work/Fixtures/packages/"; done
    find "$work" -name .build -prune -exec rm -rf {} +
    (cd "$work/Fixtures/packages/wrapper-app" && bench "wrapper fixture" Sources/WrapperLib/Lib.swift)
    (cd "$work/Fixtures/packages/c-bridge" && bench "c-bridge fixture (C target)" "$(ls Sources/CBridge/*.c | head -1)")
fi
