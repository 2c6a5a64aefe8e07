#!/usr/bin/env bash
# The GenAI pack's observation of streamed model calls through AsyncHTTPClient: CPU per call plain vs instrumented,
# tracing off and on (at a model API and at a path it does not recognise); see scripts/bench_genai.py.
#   scripts/bench-genai.sh [calls] [rounds] [words]
set -euo pipefail
cd "$(dirname "$0")/.."
built=$(swift build -c release --product instswift 2>&1) || { echo "$built" >&2; exit 1; }
python3 scripts/bench_genai.py "$@"
