"""The exporter under load while its collector is unhealthy (issue 14, must 4). The example service (Hummingbird, a
SQLite query and a function span per request) runs under `wrk` with its collector healthy, down (connection refused),
stalled (accepts connections, never answers) and restarted mid-run. Requests keep their throughput and latency, the
service's memory stays flat, spans made after the collector comes back arrive, and the service exits within the
export timeout. The margins are wide: this runs on 2 shared cores, where two healthy runs differ by tens of percent."""

import re
import signal
import socket
import subprocess
import tempfile
import threading
import time

import pytest

from conftest import free_port, start_server
from otlp_receiver import Receiver

LOAD_SECONDS = 6
EXPORT_TIMEOUT_SECONDS = 1


def resident_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        return int(next(line for line in status if line.startswith("VmRSS:")).split()[1]) / 1024


def wrk(port, seconds):
    """(requests per second, p99 latency in ms) of `seconds` of load on 8 connections."""
    result = subprocess.run(["wrk", "-t1", "-c8", f"-d{seconds}s", "--latency", f"http://127.0.0.1:{port}/hello/load"],
                            capture_output=True, text=True, timeout=seconds + 60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Non-2xx" not in result.stdout and "Socket errors" not in result.stdout, result.stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))
    assert rate >= 50, result.stdout
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", result.stdout).groups()
    return rate, float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


class StalledCollector:
    """Accepts connections and never reads from them or answers."""

    def __init__(self):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.held = []
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                self.held.append(self.listener.accept()[0])
            except OSError:
                return

    @property
    def endpoint(self):
        return f"http://127.0.0.1:{self.listener.getsockname()[1]}"

    def close(self):
        self.listener.close()
        for connection in self.held:
            connection.close()


def load(example, endpoint, during=None):
    """Runs the service against `endpoint` under load (`during` runs beside it); returns what was measured."""
    log = tempfile.TemporaryFile(mode="w+")  # the service logs every request: a pipe would fill and block it
    process, port = start_server(example["bin"] / "ExampleService", {
        "OTEL_EXPORTER_OTLP_ENDPOINT": endpoint, "OTEL_EXPORTER_OTLP_TIMEOUT": str(EXPORT_TIMEOUT_SECONDS * 1000),
        "OTEL_SERVICE_NAME": "under-load", "OTEL_METRICS_EXPORTER": "none",
    }, probe="/missing", output=log)
    try:
        wrk(port, 1)  # warm-up: connections, the database, the exporter's first batches
        before = resident_mib(process.pid)
        side = threading.Thread(target=during) if during else None
        if side:
            side.start()
        rate, p99 = wrk(port, LOAD_SECONDS)
        if side:
            side.join()
        after = resident_mib(process.pid)
    finally:
        stopping = time.time()
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=30)
        exit_seconds = time.time() - stopping
        log.seek(0)
        output = log.read()[-4000:]
    assert code == 0, output
    return {"rate": rate, "p99": p99, "before": before, "after": after, "exit": exit_seconds, "output": output}


@pytest.fixture(scope="module")
def healthy(example):
    with Receiver(count_only=True) as receiver:
        measured = load(example, receiver.endpoint)
        time.sleep(1)
        assert receiver.span_count > measured["rate"] * LOAD_SECONDS, (receiver.span_count, measured)
    return measured


def assert_unharmed(fault, healthy):
    summary = f"healthy {healthy['rate']:.0f} req/s, p99 {healthy['p99']:.1f} ms; " \
              f"{fault['rate']:.0f} req/s, p99 {fault['p99']:.1f} ms, RSS {fault['before']:.0f} -> {fault['after']:.0f} MiB, " \
              f"exit {fault['exit']:.1f} s"
    print(summary)  # shown with pytest -rP
    assert fault["rate"] >= 0.6 * healthy["rate"], summary
    # A request that waited on the exporter would take the export timeout (1000 ms) or more; the tail of a healthy
    # run on 2 cores shared with wrk moves by tens of ms between runs (47.7 against 23.1 ms once, collector down).
    assert fault["p99"] <= max(3 * healthy["p99"], healthy["p99"] + 50), summary
    assert fault["after"] <= fault["before"] + 64, summary
    assert fault["exit"] <= EXPORT_TIMEOUT_SECONDS + 6, summary


def test_collector_down_for_the_whole_run(example, healthy):
    assert_unharmed(load(example, f"http://127.0.0.1:{free_port()}"), healthy)


def test_collector_stalled_for_the_whole_run(example, healthy):
    collector = StalledCollector()
    try:
        assert_unharmed(load(example, collector.endpoint), healthy)
    finally:
        collector.close()


def test_collector_restarted_mid_run_gets_the_spans_made_after(example, healthy):
    port = free_port()
    first = Receiver(count_only=True, port=port).__enter__()
    later = {}

    def restart():
        time.sleep(LOAD_SECONDS / 3)
        first.__exit__(None, None, None)  # down for a third of the run
        time.sleep(LOAD_SECONDS / 3)
        later["receiver"] = Receiver(count_only=True, port=port).__enter__()

    try:
        measured = load(example, f"http://127.0.0.1:{port}", during=restart)
        assert_unharmed(measured, healthy)
        # The spans of the last third of the run, and the batches retried, reach the restarted collector.
        assert later["receiver"].span_count > 0, measured
    finally:
        if "receiver" in later:
            later["receiver"].__exit__(None, None, None)
