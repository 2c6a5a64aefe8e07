#!/usr/bin/env python3
"""The cost of the GenAI pack's observation of a streamed model call (issue 15: < 2% of the call's client-side CPU,
no extra copy of the response body).

`GenAIStreamBench` (Fixtures/packages/benchmarks) makes streamed chat completions through AsyncHTTPClient, one at a
time, reading every body byte, against scripts/fake_llm.py (no delays, WORDS content chunks and a usage chunk per
answer); built plain and with instswift, both release. Each case prints the process's CPU time per call (user +
system of every thread, so the exporter's work counts), the wall time per call and the peak resident memory, as the
median over rounds that alternate the cases:
  plain                  SwiftPM's build, no instrumentation;
  instrumented, off      the instswift build with OTEL_SDK_DISABLED=true;
  on, not a model API    tracing on, exported over OTLP/HTTP to a loopback receiver, the same stream from a path no
                         GenAI instrumentation recognises: AsyncHTTPClient's own HTTP span only;
  on, model API          the same at /v1/chat/completions: the GenAI span, every SSE chunk parsed as it passes,
                         usage, time to first chunk, metrics — beside AsyncHTTPClient's span.
The observation's own cost is the last case minus the one before it, as a share of the plain call's CPU.
Usage: scripts/bench-genai.sh [calls (500)] [rounds (3)] [words (200)]
"""

import json
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.join(ROOT, "Tests", "e2e"))
sys.path.insert(0, os.path.dirname(__file__))
from otlp_receiver import Receiver  # noqa: E402
from bench_support import build  # noqa: E402
from fake_llm import FakeModel  # noqa: E402


def measure(binary, url, calls, environment):
    """(CPU us per call, wall us per call, peak RSS MiB) of one run."""
    result = subprocess.run([binary], env=dict(os.environ, MODEL_URL=url, CALLS=str(calls), **environment),
                            capture_output=True, text=True, timeout=900)
    if result.returncode != 0:
        sys.exit(f"the benchmark failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    line = json.loads(result.stdout.strip().splitlines()[-1])
    return line["cpu_us_per_call"], line["wall_us_per_call"], line["max_rss_kb"] / 1024


def main():
    calls = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    words = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    plain, instrumented = build("GenAIStreamBench")
    model = FakeModel(ttft=0, tpot=0, words=words).start()
    chat, other = model.url + "/v1/chat/completions", model.url + "/v1/bench/stream"
    cases = ["plain", "off", "on-other", "on-chat"]
    results = {case: [] for case in cases}
    try:
        for _ in range(rounds):
            results["plain"].append(measure(plain, chat, calls, {}))
            results["off"].append(measure(instrumented, chat, calls, {"OTEL_SDK_DISABLED": "true"}))
            for case, url in [("on-other", other), ("on-chat", chat)]:
                with Receiver() as receiver:
                    results[case].append(measure(instrumented, url, calls, {
                        "OTEL_EXPORTER_OTLP_ENDPOINT": receiver.endpoint, "OTEL_EXPORTER_OTLP_PROTOCOL": "http/protobuf",
                        "OTEL_TRACES_SAMPLER": "always_on", "OTEL_SERVICE_NAME": "bench-genai"}))
                    time.sleep(1)
                    names = {span.name for span in receiver.spans}
                    # The observation must have happened where it should, and only there.
                    if (case == "on-chat") != ("chat gpt-4o-mini" in names):
                        sys.exit(f"{case}: unexpected span names {sorted(names)}")
    finally:
        model.close()
    base = statistics.median(r[0] for r in results["plain"])
    print(f"{calls} streamed chat completions ({words} content chunks + usage) through AsyncHTTPClient, one at a time, "
          f"median of {rounds} rounds")
    print(f"{'case':<26} {'CPU us/call':>12} {'ratio':>6} {'wall us/call':>13} {'peak RSS MiB':>13}")
    titles = {"plain": "plain", "off": "instrumented, off", "on-other": "on, not a model API",
              "on-chat": "on, model API"}
    medians = {}
    for case in cases:
        cpu = statistics.median(r[0] for r in results[case])
        wall = statistics.median(r[1] for r in results[case])
        rss = max(r[2] for r in results[case])
        medians[case] = cpu
        print(f"{titles[case]:<26} {cpu:>12.0f} {cpu / base:>6.3f} {wall:>13.0f} {rss:>13.1f}")
    observation = medians["on-chat"] - medians["on-other"]
    print(f"GenAI observation: {observation:+.0f} us CPU per call, {observation / base:+.1%} of the plain call "
          "(target < 2%)")


if __name__ == "__main__":
    main()
