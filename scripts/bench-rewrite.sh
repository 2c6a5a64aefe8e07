#!/usr/bin/env bash
# Rewrite speed benchmarks (release build), each printing its ratio against the parser alone:
#   Swift: parse + match + rewrite vs swift-syntax's parse (target <= 1.5), and files/s over swift-syntax's sources.
#   C:     libclang rewrite of every function vs `clang -fsyntax-only` of the same file, per 1,000 lines
#          (target <= 1.5), on a generated file and on libyaml (Yams 6.2.2's CYaml, cloned from the mirror).
#   diff:  `instswift diff` against `instswift rewrite` on the Swift benchmark's ~56k-line file: time and peak memory
#          (the diff is made from the insertions, so it adds memory linear in the file, not lines x lines).
# Extra arguments go to the Swift benchmark (a package's Sources folder).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product instswift-benchmarks
swift build -c release --product instswift
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
echo "== instswift diff vs instswift rewrite on the large file"
"$bench" large-file "$work/large"
python3 - "$work/large" "$PWD/.build/release/instswift" <<'PY'
import os, subprocess, sys, time
folder, tool = sys.argv[1:]
def run(command):
    """Wall seconds and peak resident MiB of one run of the tool."""
    started = time.time()
    process = subprocess.Popen([tool, command, "--rules", "bench.yml", "Sources/Bench/Big.swift"], cwd=folder,
                               stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    assert os.waitstatus_to_exitcode(status) in (0, 1), f"instswift {command} failed"
    return time.time() - started, usage.ru_maxrss / 1024
results = {}
for name in ("rewrite", "diff"):
    results[name] = min(run(name) for _ in range(3))
    print(f"  instswift {name:<8} {results[name][0] * 1000:8.0f} ms  peak {results[name][1]:6.0f} MiB")
(rewrite_time, rewrite_peak), (diff_time, diff_peak) = results["rewrite"], results["diff"]
print(f"  diff / rewrite: time {diff_time / rewrite_time:.2f}x, peak memory {diff_peak / rewrite_peak:.2f}x")
PY
