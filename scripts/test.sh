#!/usr/bin/env bash
# Runs every test: unit tests, golden rewrite fixtures (each output compiled against the runtime), rule diagnostics,
# and the end-to-end suites that build real packages with the release-built instswift, run them and decode their OTLP
# with the official opentelemetry-proto classes. INSTSWIFT_E2E=0 skips the end-to-end suites; INSTSWIFT_E2E_SLOW=1 adds
# the slowest real-package suites (swift-algorithms' with every function instrumented), which CI leaves out for time.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
prerequisites test

export INSTSWIFT_E2E="${INSTSWIFT_E2E:-1}"

SECONDS=0
echo "== format (swift-format, .swift-format; fix with scripts/format.sh)"
scripts/format.sh --check

echo "== build (debug, with tests)"
swift build --build-tests

echo "== unit and fixture tests (at ${SECONDS} s)"
swift test --skip-build

if [ "$INSTSWIFT_E2E" = "1" ]; then
    echo "== build the release instswift, it runs inside users' builds (at ${SECONDS} s)"
    swift build -c release --product instswift
    echo "== corpus slice: real packages with every function instrumented (at ${SECONDS} s)"
    python3 scripts/corpus.py --slice ci --no-export --force --timeout 1200
    echo "== end-to-end tests (at ${SECONDS} s)"
    python3 -m pytest -q -p no:cacheprovider --durations=0 Tests/e2e
fi
echo "== done in ${SECONDS} s"
