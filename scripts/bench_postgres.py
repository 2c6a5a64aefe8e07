#!/usr/bin/env python3
"""Per-query cost of the PostgresNIO pack (issue 17: < 5 us added per query with tracing on, < 100 ns with it off).

`SELECT 1` through PostgresClient against a throwaway PostgreSQL cluster on loopback, one query at a time, its row
read; the same program (Fixtures/packages/benchmarks) built plain and with instswift, both release. Rounds
alternate the cases so the machine's drift hits all alike; each case prints its median over rounds of the per-run
median time per query, the time it adds to the plain program, and the peak resident memory of the process:
  plain                  SwiftPM's build, no instrumentation;
  instrumented, off      the instswift build with OTEL_SDK_DISABLED=true (the span code runs, nothing records);
  instrumented, on       every query's span sampled and exported over OTLP/HTTP to a loopback receiver that decodes
                         and counts them (the count is checked).
Usage: scripts/bench-postgres.sh [queries-per-run] [rounds]
"""

import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.join(ROOT, "Tests", "e2e"))
from otlp_receiver import Receiver  # noqa: E402
from bench_support import build, free_port  # noqa: E402



def start_postgres():
    """A cluster in a temporary folder (as the `postgres` user when run as root); returns (port, stop)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if not found:
        sys.exit("PostgreSQL is not installed (Debian: apt-get install -y postgresql)")
    binaries = os.path.dirname(found[-1])
    directory = tempfile.mkdtemp(prefix="instswift-bench-pg-")
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_user:
        shutil.chown(directory, "postgres")
    data, port = os.path.join(directory, "data"), free_port()
    subprocess.run(as_user + [f"{binaries}/initdb", "-D", data, "-U", "postgres", "--auth=trust"], check=True,
                   capture_output=True)
    subprocess.run(as_user + [f"{binaries}/pg_ctl", "-D", data, "-l", os.path.join(directory, "log"), "-w", "-o",
                              f"-p {port} -k {directory} -c listen_addresses=127.0.0.1", "start"], check=True,
                   capture_output=True)

    def stop():
        subprocess.run(as_user + [f"{binaries}/pg_ctl", "-D", data, "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(directory, ignore_errors=True)
    return port, stop


def run(binary, port, queries, env):
    result = subprocess.run([binary], env=dict(os.environ, PG_PORT=str(port), QUERIES=str(queries), **env),
                            capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        sys.exit(f"{binary} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main():
    queries = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    plain, instrumented = build("PostgresQueryBench")
    port, stop = start_postgres()
    results = {"plain": [], "off": [], "on": []}
    try:
        for _ in range(rounds):
            results["plain"].append(run(plain, port, queries, {}))
            results["off"].append(run(instrumented, port, queries, {"OTEL_SDK_DISABLED": "true"}))
            with Receiver(count_only=True) as receiver:
                results["on"].append(run(instrumented, port, queries, {
                    "OTEL_EXPORTER_OTLP_ENDPOINT": receiver.endpoint, "OTEL_EXPORTER_OTLP_PROTOCOL": "http/protobuf",
                    "OTEL_TRACES_SAMPLER": "always_on", "OTEL_SERVICE_NAME": "bench-postgres"}))
                # Every measured and warm-up query exported a span, or the drop is reported.
                exported = receiver.span_count
            if exported < queries:
                print(f"warning: {exported} spans received for {queries + 1000} queries (the exporter dropped some)")
    finally:
        stop()
    base = statistics.median(r["p50_ns"] for r in results["plain"])
    print(f"SELECT 1 through PostgresClient, {queries} queries per run, median of {rounds} rounds")
    print(f"{'case':<22} {'p50 ns/query':>13} {'added ns':>9} {'ratio':>6} {'mean ns':>9} {'peak RSS MiB':>13}")
    for case, title in [("plain", "plain"), ("off", "instrumented, off"), ("on", "instrumented, on")]:
        p50 = statistics.median(r["p50_ns"] for r in results[case])
        mean = statistics.median(r["mean_ns"] for r in results[case])
        rss = max(r["max_rss_kb"] for r in results[case]) / 1024
        print(f"{title:<22} {p50:>13.0f} {p50 - base:>9.0f} {p50 / base:>6.2f} {mean:>9.0f} {rss:>13.1f}")


if __name__ == "__main__":
    main()
