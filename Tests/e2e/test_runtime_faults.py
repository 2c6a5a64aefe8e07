"""Telemetry configuration and trace-file failures never stop the instrumented program (RELIABILITY-FINDINGS D1, D2,
D8): it warns once on standard error, falls back, and keeps tracing where it can."""

import os
import subprocess
import time

import pytest

from otlp_receiver import Receiver


def run_short_cli(example, **variables):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OTEL_", "INSTSWIFT_"))}
    env.update(variables)
    return subprocess.run([str(example["bin"] / "ShortCLI")], env=env, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("variable, value", [
    ("OTEL_PROPAGATORS", "b3multi"),
    ("OTEL_TRACES_SAMPLER", "jaeger_remote"),
    ("OTEL_TRACES_SAMPLER", "xray"),
    ("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "0"),  # spun at 100% CPU and grew without bound at exit
])
def test_unsupported_otel_values_warn_once_and_the_program_still_traces(example, variable, value):
    with Receiver() as receiver:
        started = time.monotonic()
        result = run_short_cli(example, OTEL_EXPORTER_OTLP_ENDPOINT=receiver.endpoint, **{variable: value})
        elapsed = time.monotonic() - started
        time.sleep(0.5)
    assert result.returncode == 0 and "sum: 30" in result.stdout, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith(f"instswift: {variable}=")]
    assert len(warnings) == 1 and "is not supported" in warnings[0], result.stderr
    assert elapsed < 10, elapsed
    assert sorted(s.name for s in receiver.spans).count("Job.step") == 5


@pytest.mark.parametrize("pipeline", ["instswift", "swift-otel"])
def test_the_opentelemetry_default_propagators_are_honoured_without_a_warning(example, pipeline):
    """`tracecontext,baggage` stopped swift-otel's process (D1); trace context is the tracer's and baggage the
    runtime's (forwarded end to end in test_example_service), so the default is taken as written."""
    with Receiver() as receiver:
        result = run_short_cli(example, OTEL_EXPORTER_OTLP_ENDPOINT=receiver.endpoint, INSTSWIFT_SPAN_PIPELINE=pipeline,
                               OTEL_PROPAGATORS="tracecontext,baggage")
        receiver.wait_for(6)
    assert result.returncode == 0 and "sum: 30" in result.stdout, result.stderr
    assert "OTEL_PROPAGATORS" not in result.stderr, result.stderr
    assert sorted(s.name for s in receiver.spans).count("Job.step") == 5


@pytest.mark.parametrize("pipeline", ["instswift", "swift-otel"])
@pytest.mark.parametrize("path, reason", [
    ("/dev/full", "No space left on device"),  # the disk is full: every write fails
    ("/proc/version", ""),  # takes no writes
])
def test_a_trace_file_that_cannot_be_written_is_reported_and_the_program_goes_on(example, path, reason, pipeline):
    result = run_short_cli(example, INSTSWIFT_TRACE_FILE=path, INSTSWIFT_SPAN_PIPELINE=pipeline)
    assert result.returncode == 0 and "sum: 30" in result.stdout, result.stderr
    lines = [line for line in result.stderr.splitlines() if "cannot write spans to" in line]
    assert len(lines) == 1 and path in lines[0] and reason in lines[0], result.stderr
    # The spans it lost are totalled at exit (the program's 6).
    assert "instswift: 6 span(s) were dropped because the trace file could not be written" in result.stderr, result.stderr


def test_a_trace_file_in_a_missing_folder_is_not_created(example, tmp_path):
    target = tmp_path / "missing" / "deeper" / "traces.jsonl"
    result = run_short_cli(example, INSTSWIFT_TRACE_FILE=str(target))
    assert result.returncode == 0 and "sum: 30" in result.stdout, result.stderr
    assert "does not exist" in result.stderr, result.stderr
    assert not (tmp_path / "missing").exists()


def test_instswifts_pipeline_and_swift_otel_deliver_the_same_trace(example):
    """Spans to an http:// collector go through instswift's own pipeline (ADR 0022); `INSTSWIFT_SPAN_PIPELINE=swift-otel`
    sends them through swift-otel. Both deliver the same tree with the same resource, decoded by opentelemetry-proto."""
    from opentelemetry.proto.collector.trace.v1 import trace_service_pb2

    def trace(**variables):
        with Receiver() as receiver:
            result = run_short_cli(example, OTEL_EXPORTER_OTLP_ENDPOINT=receiver.endpoint, OTEL_SERVICE_NAME="short-cli",
                                   **variables)
            receiver.wait_for(6)
            time.sleep(0.3)
        assert result.returncode == 0 and "sum: 30" in result.stdout, result.stderr
        by_id = {s.span_id: s for s in receiver.spans}
        shape = sorted((s.name, s.kind, by_id[s.parent_span_id].name if s.parent_span_id in by_id else None)
                       for s in receiver.spans)
        assert len({s.trace_id for s in receiver.spans}) == 1, receiver.spans
        scopes = set()
        for body in receiver.raw_bodies:
            request = trace_service_pb2.ExportTraceServiceRequest()
            request.ParseFromString(body)
            scopes |= {scope_spans.scope.name for rs in request.resource_spans for scope_spans in rs.scope_spans}
        resource = receiver.spans[0].resource
        return shape, scopes, {k: v for k, v in resource.items() if k != "telemetry.sdk.version"}

    own, own_scopes, own_resource = trace()
    theirs, their_scopes, their_resource = trace(INSTSWIFT_SPAN_PIPELINE="swift-otel")
    assert own == theirs and any(name == "Job.step" for name, _, _ in own), (own, theirs)
    assert own_scopes == {"instswift"} and their_scopes == {"swift-otel"}
    assert own_resource == their_resource == {
        "service.name": "short-cli", "telemetry.sdk.name": "instswift", "telemetry.sdk.language": "swift"}, own_resource


def test_a_collector_that_refuses_the_spans_is_reported_once_and_costs_the_program_nothing(example):
    """instswift's pipeline (ADR 0022) against a collector that answers every export with 400: the program runs as
    without tracing, one warning names the endpoint and the answer, and the exit total counts the refused spans."""
    import http.server
    import threading

    posts = []

    class Refusing(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            posts.append(len(self.rfile.read(int(self.headers.get("Content-Length", 0)))))
            self.send_response(400)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Refusing)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        started = time.monotonic()
        result = run_short_cli(example, OTEL_EXPORTER_OTLP_ENDPOINT=f"http://127.0.0.1:{server.server_address[1]}")
        elapsed = time.monotonic() - started
    finally:
        server.shutdown()
    assert result.returncode == 0 and "sum: 30" in result.stdout, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "cannot export spans to" in line]
    assert len(warnings) == 1 and "the collector answered 400" in warnings[0], result.stderr
    assert "were dropped because the collector did not accept them" in result.stderr, result.stderr
    assert posts and all(size > 0 for size in posts) and elapsed < 10, (posts, elapsed)
