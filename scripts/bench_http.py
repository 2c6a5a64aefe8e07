#!/usr/bin/env python3
"""A Hummingbird service under a bounded loopback load (issue 13: throughput >= 0.95x the plain service, p50 within
+0.3 ms), with the built-in packs as a user gets them.

`GET /hello/:name` (Fixtures/packages/benchmarks, HTTPServerBench) built plain and with instswift, both release, loaded
by `wrk` (one thread, CONNECTIONS keep-alive connections, DURATION seconds after a 2-second warm-up). Rounds alternate
the cases so the machine's drift hits all alike; each case prints its median over rounds of requests per second and of
the p50 and p99 latency, their ratio to / difference from the plain service, and the server's peak resident memory:
  plain                  SwiftPM's build, no instrumentation;
  instrumented, off      the instswift build with OTEL_SDK_DISABLED=true (the span code runs, nothing records);
  instrumented, on       every request's SERVER span sampled and exported over OTLP/HTTP to a loopback receiver that
                         decodes and counts them (the count is checked).
Usage: scripts/bench-http.sh [seconds] [rounds] [connections]
"""

import os
import re
import socket
import statistics
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.join(ROOT, "Tests", "e2e"))
from otlp_receiver import Receiver  # noqa: E402
from bench_support import build, free_port  # noqa: E402


def wait_until_listening(port, process, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"the service exited ({process.returncode}):\n{process.stdout.read()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    sys.exit("the service did not listen within 30 s")


def milliseconds(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(port, seconds, connections):
    """requests/s, p50 ms, p99 ms of one `wrk --latency` run."""
    url = f"http://127.0.0.1:{port}/hello/bench"
    out = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", url], capture_output=True,
                         text=True, check=True).stdout
    if "Non-2xx" in out or "Socket errors" in out:
        sys.exit(f"wrk saw errors:\n{out}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = milliseconds(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
    p99 = milliseconds(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
    return rate, p50, p99


def peak_rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        return int(re.search(r"VmHWM:\s+(\d+) kB", status.read()).group(1)) / 1024


def measure(binary, seconds, connections, environment):
    """(requests/s, p50 ms, p99 ms, peak RSS MiB) of the service under load, after a warm-up."""
    port = free_port()
    process = subprocess.Popen([binary], env=dict(os.environ, PORT=str(port), **environment), stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    try:
        wait_until_listening(port, process)
        wrk(port, 2, connections)
        rate, p50, p99 = wrk(port, seconds, connections)
        return rate, p50, p99, peak_rss_mib(process.pid)
    finally:
        process.terminate()
        process.wait(timeout=30)


def main():
    seconds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    connections = int(sys.argv[3]) if len(sys.argv) > 3 else 8
    plain, instrumented = build("HTTPServerBench")
    results = {"plain": [], "off": [], "on": []}
    for _ in range(rounds):
        results["plain"].append(measure(plain, seconds, connections, {}))
        results["off"].append(measure(instrumented, seconds, connections, {"OTEL_SDK_DISABLED": "true"}))
        with Receiver(count_only=True) as receiver:
            run = measure(instrumented, seconds, connections, {
                "OTEL_EXPORTER_OTLP_ENDPOINT": receiver.endpoint, "OTEL_EXPORTER_OTLP_PROTOCOL": "http/protobuf",
                "OTEL_TRACES_SAMPLER": "always_on", "OTEL_SERVICE_NAME": "bench-http"})
            results["on"].append(run)
            requests = run[0] * seconds
            time.sleep(1)
            if receiver.span_count < requests * 0.9:
                print(f"warning: {receiver.span_count} spans received for ~{requests:.0f} measured requests "
                      "(the exporter dropped some; it counts what it drops)")
    base_rate = statistics.median(r[0] for r in results["plain"])
    base_p50 = statistics.median(r[1] for r in results["plain"])
    print(f"GET /hello/:name on Hummingbird, wrk -t1 -c{connections} for {seconds} s, median of {rounds} rounds")
    print(f"{'case':<22} {'req/s':>9} {'ratio':>6} {'p50 ms':>7} {'+p50 ms':>8} {'p99 ms':>7} {'peak RSS MiB':>13}")
    for case, title in [("plain", "plain"), ("off", "instrumented, off"), ("on", "instrumented, on")]:
        rate = statistics.median(r[0] for r in results[case])
        p50 = statistics.median(r[1] for r in results[case])
        p99 = statistics.median(r[2] for r in results[case])
        rss = max(r[3] for r in results[case])
        print(f"{title:<22} {rate:>9.0f} {rate / base_rate:>6.2f} {p50:>7.3f} {p50 - base_p50:>+8.3f} {p99:>7.3f} {rss:>13.1f}")


if __name__ == "__main__":
    main()
