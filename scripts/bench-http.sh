#!/usr/bin/env bash
# A Hummingbird service under wrk: plain vs instrumented with tracing off and on (exported to a loopback receiver);
# see scripts/bench_http.py.
#   scripts/bench-http.sh [seconds] [rounds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "bench-http: wrk is missing (Debian: apt-get install -y wrk)" >&2; exit 1; }
built=$(swift build -c release --product instswift 2>&1) || { echo "$built" >&2; exit 1; }
python3 scripts/bench_http.py "$@"
