#!/usr/bin/env bash
# Build overhead of instswift against plain `swift build`, both measured in this run: clean build, no-op rebuild, one
# file edited. Prints wall and CPU (user + system) times, their ratios and the peak memory of instswift's compiler shims.
#   scripts/bench-build.sh              the wrapper fixture (executable + library + path dependency)
#   scripts/bench-build.sh --real       real mirrored packages: apple/swift-algorithms 1.2.1 with every function of
#                                       Algorithms instrumented (Swift), and jpsim/Yams 6.2.2 with every libyaml function
#                                       of CYaml instrumented (a C target); each builds its library target
#   scripts/bench-build.sh --real algorithms|yams   only one of them
#   scripts/bench-build.sh --service    the Hummingbird service of scripts/bench-http.sh (Fixtures/packages/benchmarks,
#                                       product HTTPServerBench) with the built-in packs, as a user adopts them: its
#                                       manifest names the runtime (after `instswift pin`), so both builds compile it
# BENCH_CLEAN_ROUNDS (default 3): clean builds of each kind; a server's clean build takes minutes here.
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
# median: "wall cpu" lines on standard input -> the median wall time and the median CPU time.
median() {
    local runs; mapfile -t runs
    local middle=$(( (${#runs[@]} + 1) / 2 ))
    printf '%.2f %.2f' "$(printf '%s\n' "${runs[@]}" | cut -d' ' -f1 | sort -n | sed -n "${middle}p")" \
        "$(printf '%s\n' "${runs[@]}" | cut -d' ' -f2 | sort -n | sed -n "${middle}p")"
}
ratio() { echo "scale=2; $2 / $1" | bc; }
# row TITLE PLAIN INSTSWIFT TARGET: one line of the table, from two "wall cpu" pairs.
row() {
    local plain=($2) instr=($3)
    printf "%-28s %11.2f %9.2f %6s %11.2f %9.2f %6s   %s\n" "$1" "${plain[0]}" "${instr[0]}" "$(ratio "${plain[0]}" "${instr[0]}")" \
        "${plain[1]}" "${instr[1]}" "$(ratio "${plain[1]}" "${instr[1]}")" "$4"
}

# compare ROUNDS PREPARE: ROUNDS rounds of (PREPARE plain, plain build, PREPARE instr, instswift build), alternating so
# that the machine's drift hits both alike; sets compared_plain and compared_instr to the medians. Identical clean
# builds here differ by up to 25% in wall time, so one run of each says little.
compare() {
    local rounds=$1 prepare=$2 plain_runs=() instr_runs=()
    for _ in $(seq "$rounds"); do
        $prepare .build/plain;     plain_runs+=("$(measure "${plain[@]}")")
        $prepare .build/instswift; instr_runs+=("$(measure "${instr[@]}")")
    done
    compared_plain=$(printf '%s\n' "${plain_runs[@]}" | median)
    compared_instr=$(printf '%s\n' "${instr_runs[@]}" | median)
}
clean_scratch() { swift package clean --scratch-path "$1"; }
no_change() { :; }
# A real edit, not a touch: instswift rewrites a touched file to the same copy, so the compiler would see no change.
edit_source() { echo "// bench edit $RANDOM" >> "$edit_file"; }

# bench TITLE EDIT_FILE [instswift flags -- ] [swift build flags...]: run in the package folder.
bench() {
    local title=$1 edit_file=$2; shift 2
    local rules=()
    while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do rules+=("$1"); shift; done
    [ "$#" -gt 0 ] && shift
    plain=(swift build --scratch-path .build/plain "$@")
    instr=("$instswift" swift build --report "$work/report.json" "${rules[@]}" "$@")
    swift package resolve >/dev/null 2>&1
    # One build each first: checkouts and the first evaluation of every manifest are not what is compared.
    measure "${plain[@]}" >/dev/null; measure "${instr[@]}" >/dev/null
    local clean_rounds=${BENCH_CLEAN_ROUNDS:-3}
    compare "$clean_rounds" clean_scratch;   local clean_plain=$compared_plain clean_instr=$compared_instr
    # The first rebuild after a clean build re-evaluates every package manifest (plain builds too: ~10 s on Yams).
    measure "${plain[@]}" >/dev/null; measure "${instr[@]}" >/dev/null
    compare 5 no_change;     local noop_plain=$compared_plain noop_instr=$compared_instr
    compare 3 edit_source;   local edit_plain=$compared_plain edit_instr=$compared_instr
    echo "== $title"
    printf "%-28s %11s %9s %6s %11s %9s %6s   %s\n" "build (median)" "wall: plain" "instswift" "ratio" "cpu: plain" "instswift" "ratio" "target"
    row "clean ($clean_rounds each)" "$clean_plain" "$clean_instr" "<= 1.10"
    row "no-op (5 each)" "$noop_plain" "$noop_instr" "<= 1.05 (+0.3 s)"
    row "edit $(basename "$edit_file") (3 each)" "$edit_plain" "$edit_instr" "<= 1.20"
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

# real OWNER/NAME VERSION LANGUAGE MODULE EDIT_FILE TARGET
real() {
    local package=$work/$(basename "$1")
    git clone -q "https://github.com/$1" "$package" && git -C "$package" checkout -q "$2"
    local rules; rules=$(every_function_rules "$3" "$4")
    (cd "$package" && INSTSWIFT_RUNTIME_PATH=$root/Runtime "$instswift" pin --rules "$rules" --runtime-path "$root/Runtime" >/dev/null \
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
    # The fixture packages name the runtime by a relative path: copied with that layout, without their build folders.
    mkdir -p "$work/Fixtures/packages"
    ln -s "$root/Runtime" "$work/Runtime"
    tar -C "$root/Fixtures/packages" --exclude='.build*' -cf - . | tar -C "$work/Fixtures/packages" -xf -
    if [ "${1:-}" = "--service" ]; then
        (cd "$work/Fixtures/packages/benchmarks" && bench "Hummingbird service (HTTPServerBench; built-in packs)" \
            Sources/HTTPServerBench/HTTPServerBench.swift -- --product HTTPServerBench)
    else
        (cd "$work/Fixtures/packages/wrapper-app" && bench "wrapper fixture (Swift edit)" Sources/WrapperLib/Lib.swift \
            && bench "wrapper fixture (C edit: the instrumented C target)" Sources/CBridge/bridge.c)
    fi
fi
