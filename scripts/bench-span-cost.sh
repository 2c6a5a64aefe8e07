#!/usr/bin/env bash
# Per-span cost in the producing code under each sampler and exporter setting; see scripts/bench_span_cost.py.
#   scripts/bench-span-cost.sh [spans-per-second] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --package-path Runtime --product instswift-export-benchmark >/dev/null
python3 scripts/bench_span_cost.py "$@"
