#!/usr/bin/env python3
"""Per-span cost in the producing code, with swift-otel bootstrapped as instswift's bootstrap does it (issue 14).

Runs Runtime's `instswift-export-benchmark` at a steady rate below the exporter's ceiling (so no span is dropped for
lack of room) under each sampler and exporter setting, and prints the producing code's time per span (median and
p99 of 20 ms steps), the heap allocations per span on the producing thread, and the process's peak memory:
  untraced               OTEL_SDK_DISABLED=true;
  always_off             every span dropped by the sampler;
  traceidratio 0.01      1% sampled;
  always_on, OTLP        every span exported over OTLP/HTTP to a loopback receiver that decodes and counts them,
                         through instswift's own pipeline (ADR 0022) and, for comparison, through swift-otel;
  always_on, trace file  every span written to the trace file (the default when no endpoint is set), through
                         instswift's pipeline and, for comparison, through swift-otel;
each with 0 and 5 attributes (attributes are computed only for a span that records), and the OTLP case also with a
hand-written `withSpan` through the same tracer. Anchor: the OpenTelemetry Go SDK starts a span in ~0.7 us and ends
it in ~0.15 us (its published benchmarks).
Usage: scripts/bench-span-cost.sh [spans-per-second (10000)] [seconds (3)]
"""

import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Tests", "e2e"))
from otlp_receiver import Receiver  # noqa: E402

BINARY = os.path.join(os.path.dirname(__file__), "..", "Runtime", ".build", "release", "instswift-export-benchmark")


def run(rate, seconds, attributes, env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("OTEL_")}
    environment.update(OTEL_SERVICE_NAME="span-cost", OTEL_EXPORTER_OTLP_TIMEOUT="2000", **env)
    result = subprocess.run([BINARY, str(rate), str(seconds), str(attributes)], env=environment, capture_output=True,
                            text=True, timeout=300)
    if result.returncode != 0:
        sys.exit(f"benchmark failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    costs = re.search(r"producer ns per span: median (\d+), p99 (\d+)", result.stdout)
    peak = re.search(r"peak memory (\d+)", result.stdout).group(1)
    allocations = float(re.search(r"producer allocations per span: median ([\d.]+)", result.stdout).group(1))
    dropped = re.search(r"instswift: (\d+) span\(s\) were dropped", result.stderr)
    return int(costs.group(1)), int(costs.group(2)), allocations, int(peak), int(dropped.group(1)) if dropped else 0


def main():
    rate = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 3
    print(f"producer time per span at {rate} spans/s for {seconds:.0f} s per case (release, 2 cores shared with the "
          "exporter and the receiver)")
    print(f"{'case':<44} {'median ns':>10} {'p99 ns':>8} {'allocs':>7} {'peak MiB':>9} {'dropped':>8}")
    directory = tempfile.mkdtemp(prefix="instswift-span-cost-")
    trace_file = os.path.join(directory, "traces.jsonl")
    cases = [
        ("untraced (OTEL_SDK_DISABLED), 5 attributes", 5, {"OTEL_SDK_DISABLED": "true"}),
        ("always_off, 0 attributes", 0, {"OTEL_TRACES_SAMPLER": "always_off"}),
        ("always_off, 5 attributes", 5, {"OTEL_TRACES_SAMPLER": "always_off"}),
        ("always_off, 5 attributes, withSpan by hand", 5, {"OTEL_TRACES_SAMPLER": "always_off", "BENCH_HAND_WRITTEN": "1"}),
        ("traceidratio 0.01, 5 attributes", 5,
         {"OTEL_TRACES_SAMPLER": "traceidratio", "OTEL_TRACES_SAMPLER_ARG": "0.01"}),
        ("parentbased_traceidratio 0.01, 1 + 4 children", 0,
         {"OTEL_TRACES_SAMPLER": "parentbased_traceidratio", "OTEL_TRACES_SAMPLER_ARG": "0.01", "BENCH_CHILDREN": "4"}),
        ("always_on, OTLP, 0 attributes", 0, "otlp"),
        ("always_on, OTLP, 5 attributes", 5, "otlp"),
        ("always_on, OTLP, 5 attributes, withSpan by hand", 5, "otlp-hand"),
        ("always_on, OTLP via swift-otel, 0 attributes", 0, "otlp-swift-otel"),
        ("always_on, OTLP via swift-otel, 5 attributes", 5, "otlp-swift-otel"),
        ("always_on, trace file, 0 attributes", 0, {"INSTSWIFT_TRACE_FILE": trace_file}),
        ("always_on, trace file, 5 attributes", 5, {"INSTSWIFT_TRACE_FILE": trace_file}),
        ("always_on, trace file via swift-otel, 0 attr.", 0,
         {"INSTSWIFT_TRACE_FILE": trace_file, "INSTSWIFT_SPAN_PIPELINE": "swift-otel"}),
        ("always_on, trace file via swift-otel, 5 attr.", 5,
         {"INSTSWIFT_TRACE_FILE": trace_file, "INSTSWIFT_SPAN_PIPELINE": "swift-otel"}),
    ]
    for title, attributes, env in cases:
        if isinstance(env, str):
            with Receiver(count_only=True) as receiver:
                extra = {"otlp-hand": {"BENCH_HAND_WRITTEN": "1"},
                         "otlp-swift-otel": {"INSTSWIFT_SPAN_PIPELINE": "swift-otel"}}.get(env, {})
                median, p99, allocations, peak, dropped = run(rate, seconds, attributes, dict(
                    OTEL_EXPORTER_OTLP_ENDPOINT=receiver.endpoint, OTEL_EXPORTER_OTLP_PROTOCOL="http/protobuf",
                    OTEL_TRACES_SAMPLER="always_on", **extra))
        else:
            open(trace_file, "w").close()
            median, p99, allocations, peak, dropped = run(rate, seconds, attributes, env)
        print(f"{title:<44} {median:>10} {p99:>8} {allocations:>7.1f} {peak:>9} {dropped:>8}")


if __name__ == "__main__":
    main()
