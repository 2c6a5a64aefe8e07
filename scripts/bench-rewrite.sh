#!/usr/bin/env bash
# Rewrite speed benchmark (issue: parse + match + rewrite vs parse only, target <= 1.5; files/s on a real package).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product instswift-benchmarks
.build/release/instswift-benchmarks "$@"
