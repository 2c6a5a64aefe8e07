#!/usr/bin/env bash
# Runs every test: unit, golden rewrite fixtures (each output compiled), and the end-to-end suites that build and
# run real packages with the release-built instswift. Set INSTSWIFT_E2E=0 to skip the slow end-to-end suites.
set -euo pipefail
cd "$(dirname "$0")/.."

export INSTSWIFT_E2E="${INSTSWIFT_E2E:-1}"

echo "== build (debug, with tests)"
swift build --build-tests

echo "== unit and fixture tests"
swift test --skip-build
