#!/usr/bin/env bash
# Per-query cost of the PostgresNIO pack against a throwaway local PostgreSQL: plain vs instrumented with tracing off
# and on (exported to a loopback receiver); see scripts/bench_postgres.py.
#   scripts/bench-postgres.sh [queries-per-run] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product instswift >/dev/null
python3 scripts/bench_postgres.py "$@"
