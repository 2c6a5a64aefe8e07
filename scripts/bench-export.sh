#!/usr/bin/env bash
# Sustained OTLP export: >= 100k spans/s to a loopback receiver with no drops; bounded memory without a collector.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --package-path Runtime --product instswift-export-benchmark
python3 scripts/bench_export.py "$@"
