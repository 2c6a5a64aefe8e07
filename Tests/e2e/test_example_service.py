"""The bundled example service, instrumented only by rules, built with `instswift swift build`, exports one trace
from the inbound request down to SQL and the outbound HTTP call — decoded with the official OTLP classes."""

import http.server
import os
import signal
import subprocess
import threading
import time
import urllib.request

import pytest

from conftest import free_port, instswift, start_server
from otlp_receiver import Receiver

TRACE_ID = "0af7651916cd43dd8448eb211c80319c"
CALLER_SPAN = "b7ad6b7169203331"


class Downstream:
    """A loopback HTTP service that records the traceparent of each request it gets."""

    def __init__(self):
        self.traceparents = []
        self.tracestates = []
        self.baggages = []
        downstream = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                downstream.traceparents.append(self.headers.get("traceparent"))
                downstream.tracestates.append(self.headers.get("tracestate"))
                downstream.baggages.append(self.headers.get("baggage"))
                body = b"fortune: tests pass"
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}/fortune"

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def start_service(binary, env):
    # The probe's 404 is a trace of its own (tests count on it).
    return start_server(binary / "ExampleService", env, probe="/missing", name="the example service")


def get(port, path, headers=None):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers or {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.read().decode()


def stop(process, timeout=20):
    started = time.time()
    process.send_signal(signal.SIGTERM)
    output = process.communicate(timeout=timeout)[0]
    return process.returncode, time.time() - started, output


def test_report_lists_every_instrumented_declaration(example):
    instrumented = {(site["module"], site["declaration"]) for site in example["report"]["instrumented"]}
    # The server span is made inside Hummingbird's own module by the built-in pack: a dependency's module, which
    # reaches the runtime at link time.
    assert ("Hummingbird", "method RouterResponder.respond(to:context:)") in instrumented
    assert ("ExampleService", "method Greeter.greeting(for:)") in instrumented
    assert ("ExampleService", "method ExampleService.main()") in instrumented
    # The SQLiteNIO pack, inside SQLiteNIO: the futures funnel every async convenience goes through.
    assert ("SQLiteNIO", "method SQLiteConnection.query(_:_:logger:_:)") in instrumented


def test_the_runtime_and_injected_code_compile_without_warnings(example):
    """Users read their build's warnings: none may come from instswift's runtime or from code it injected (whose
    diagnostics point into the rules files). Meaningful on a cold build (CI's clean clone), where the runtime compiles."""
    ours = [line for line in example["output"].splitlines()
            if "warning:" in line and ("/Runtime/Sources/" in line or ".yml:" in line)]
    assert not ours, "\n".join(ours)


def test_one_trace_links_the_request_to_sql_and_the_outbound_call(example, tmp_path):
    downstream = Downstream()
    with Receiver() as receiver:
        process, port = start_service(example["bin"], {
            "OTEL_EXPORTER_OTLP_ENDPOINT": receiver.endpoint, "OTEL_SERVICE_NAME": "example-service",
            "DOWNSTREAM_URL": downstream.url, "GREETINGS_DB": str(tmp_path / "greetings.sqlite"),
        })
        status, body = get(port, "/hello/alice", {"traceparent": f"00-{TRACE_ID}-{CALLER_SPAN}-01"})
        code, _, output = stop(process)
        received = receiver.wait_for(7)
    downstream.close()
    # The startup query (CREATE TABLE) and the readiness probe (GET /missing, 404) are traces of their own; everything
    # else belongs to the request's trace.
    spans = [s for s in received if s.trace_id == TRACE_ID]
    others = [s for s in received if s.trace_id != TRACE_ID]
    assert sorted(s.name for s in others) == ["CREATE greetings", "GET"], (received, output)
    assert all(s.parent_span_id is None for s in others)
    probe = next(s for s in others if s.name == "GET")
    assert probe.kind == "server" and probe.attributes["http.response.status_code"] == 404
    assert "http.route" not in probe.attributes and "error.type" not in probe.attributes

    assert status == 200 and body.startswith("Hello, alice! fortune: tests pass"), body
    assert code == 0, output
    by_name = {}
    for span in spans:
        by_name.setdefault(span.name, []).append(span)
    assert len(spans) == 5, spans

    # Named by the route template Hummingbird's router matched, per the HTTP semantic conventions.
    server = by_name["GET /hello/{name}"][0]
    assert server.kind == "server" and server.parent_span_id == CALLER_SPAN
    assert server.attributes["http.request.method"] == "GET"
    assert server.attributes["url.path"] == "/hello/alice"
    assert server.attributes["url.scheme"] == "http"
    assert server.attributes["http.route"] == "/hello/{name}"
    assert server.attributes["http.response.status_code"] == 200
    assert server.attributes["server.address"] == "127.0.0.1"
    assert server.attributes["server.port"] == port
    assert server.attributes["user_agent.original"].startswith("Python-urllib")
    assert server.status_code != 2  # STATUS_CODE_ERROR

    greeting = by_name["Greeter.greeting"][0]
    assert greeting.kind == "internal" and greeting.parent_span_id == server.span_id

    # The SQLiteNIO pack's spans, named by db.query.summary; the bound name is never exported.
    queries = by_name["SELECT greetings"] + by_name["INSERT greetings"]
    assert len(queries) == 2
    assert all(q.kind == "client" and q.parent_span_id == greeting.span_id for q in queries)
    assert all(q.attributes["db.system.name"] == "sqlite" and q.attributes["db.query.summary"] == q.name for q in queries)
    assert all(q.attributes["db.namespace"] == "greetings.sqlite" for q in queries), queries
    assert queries[1].attributes["db.query.text"] == "INSERT INTO greetings (name) VALUES (?)"

    client = by_name["GET"][0]
    assert client.kind == "client" and client.parent_span_id == server.span_id
    assert client.attributes["http.response.status_code"] == 200
    assert client.attributes["url.full"] == downstream.url
    assert client.attributes["server.address"] == "127.0.0.1" and client.attributes["server.port"] == downstream.server.server_address[1]

    assert len(downstream.traceparents) == 1
    assert downstream.traceparents[0].split("-")[1:3] == [TRACE_ID, client.span_id]
    assert all(s.resource["service.name"] == "example-service" for s in spans)

    # The swift-log pack: the handler's plain log line carries the server span's trace context in its metadata.
    logged = [line for line in output.splitlines() if line.endswith(" greeted")]
    assert len(logged) == 1, output
    metadata = dict(field.split("=", 1) for field in logged[0].split() if "=" in field)
    assert metadata["trace_id"] == TRACE_ID and metadata["span_id"] == server.span_id, logged
    assert metadata["trace_flags"] == "01" and metadata["greeted.name"] == "alice"


def test_malformed_traceparent_starts_a_fresh_trace(example):
    with Receiver() as receiver:
        process, port = start_service(example["bin"], {"OTEL_EXPORTER_OTLP_ENDPOINT": receiver.endpoint})
        status, _ = get(port, "/hello/bob", {"traceparent": "00-not-a-trace-id-zz", "baggage": "%%%,=;;"})
        code, _, output = stop(process)
        spans = receiver.wait_for(4)
    assert status == 200 and code == 0, output
    server = next(s for s in spans if s.kind == "server" and s.attributes.get("url.path") == "/hello/bob")
    assert server.parent_span_id is None and server.trace_id != "0" * 32


@pytest.mark.parametrize("traceparent, continued", [
    (f"00-{TRACE_ID}-{CALLER_SPAN}-01", True),
    # A later version is read by its known fields (W3C), whatever follows them.
    (f"cc-{TRACE_ID}-{CALLER_SPAN}-01-future-fields", True),
])
def test_hostile_tracestate_is_dropped_alone_and_baggage_is_forwarded(example, traceparent, continued):
    """64 KiB of tracestate (7,000 members; W3C allows 32 and 512 characters) cost 141 ms a request and was forwarded
    downstream; now it is dropped while the traceparent beside it still continues the trace (D9, D11)."""
    downstream = Downstream()
    huge = ",".join(f"k{i}=v" for i in range(7000))
    with Receiver() as receiver:
        process, port = start_service(example["bin"], {"OTEL_EXPORTER_OTLP_ENDPOINT": receiver.endpoint, "DOWNSTREAM_URL": downstream.url})
        started = time.time()
        status, _ = get(port, "/hello/dora", {"traceparent": traceparent, "tracestate": huge, "baggage": "userId=dora,tier=gold"})
        elapsed = time.time() - started
        code, _, output = stop(process)
        spans = receiver.wait_for(7)
    downstream.close()
    assert status == 200 and code == 0, output
    assert elapsed < 2, elapsed
    server = next(s for s in spans if s.kind == "server" and s.attributes.get("url.path") == "/hello/dora")
    assert (server.trace_id == TRACE_ID and server.parent_span_id == CALLER_SPAN) == continued
    assert downstream.traceparents[0].split("-")[1] == TRACE_ID
    assert downstream.tracestates == [None]
    assert downstream.baggages == ["userId=dora,tier=gold"]


@pytest.mark.parametrize("propagators, forwarded", [
    ("tracecontext,baggage", "userId=dora"),  # the OpenTelemetry default, taken as written and without a warning
    ("tracecontext", None),  # baggage left out: neither read nor forwarded; trace context still is
])
def test_baggage_is_propagated_as_otel_propagators_says(example, propagators, forwarded):
    downstream = Downstream()
    with Receiver() as receiver:
        process, port = start_service(example["bin"], {"OTEL_EXPORTER_OTLP_ENDPOINT": receiver.endpoint,
                                                       "DOWNSTREAM_URL": downstream.url, "OTEL_PROPAGATORS": propagators})
        status, _ = get(port, "/hello/dora", {"traceparent": f"00-{TRACE_ID}-{CALLER_SPAN}-01", "baggage": "userId=dora"})
        code, _, output = stop(process)
    downstream.close()
    assert status == 200 and code == 0, output
    assert downstream.traceparents[0].split("-")[1] == TRACE_ID
    assert downstream.baggages == [forwarded]
    assert "OTEL_PROPAGATORS" not in output, output


def test_absent_collector_neither_blocks_requests_nor_the_exit(example):
    closed_port = free_port()
    process, port = start_service(example["bin"], {
        "OTEL_EXPORTER_OTLP_ENDPOINT": f"http://127.0.0.1:{closed_port}", "OTEL_EXPORTER_OTLP_TIMEOUT": "1000",
    })
    started = time.time()
    for _ in range(20):
        status, _ = get(port, "/hello/carol")
        assert status == 200
    assert time.time() - started < 10
    code, seconds, output = stop(process)
    assert code == 0, output
    assert seconds < 8, f"exit took {seconds:.1f}s"


def test_a_service_at_a_low_rate_sends_one_export_a_second_not_one_a_span(example):
    """swift-otel exports at every tick of its timer (50 ms, short so that it keeps up at high rates): 20 requests
    over 2 s were ~20 export requests, each with its own HTTP request and protobuf. Ends now reach it once a second
    (SpanEndBatching), and the exit sends what is left."""
    with Receiver() as receiver:
        process, port = start_service(example["bin"], {"OTEL_EXPORTER_OTLP_ENDPOINT": receiver.endpoint})
        time.sleep(1.5)  # the start-up probe's spans are exported
        before, started = receiver.requests, time.time()
        for _ in range(20):
            status, _ = get(port, "/hello/erin")
            assert status == 200
            time.sleep(0.1)
        elapsed = time.time() - started
        code, _, output = stop(process)
        time.sleep(0.5)
        requests = receiver.requests - before
    assert code == 0, output
    servers = [s for s in receiver.spans if s.kind == "server" and s.attributes.get("url.path") == "/hello/erin"]
    assert len(servers) == 20 and len({s.span_id for s in receiver.spans}) == len(receiver.spans)
    # One trace export a second, the one at exit, and the metrics' at exit (20 or more before).
    assert requests <= elapsed + 3, (requests, elapsed)


def test_short_cli_delivers_every_span_before_exiting(example):
    with Receiver() as receiver:
        result = subprocess.run([str(example["bin"] / "ShortCLI")], env=dict(os.environ, OTEL_EXPORTER_OTLP_ENDPOINT=receiver.endpoint),
                                capture_output=True, text=True, timeout=30)
        spans = receiver.wait_for(6, timeout=5)
    assert result.returncode == 0 and "sum: 30" in result.stdout, result.stderr
    run_all = [s for s in spans if s.name == "Job.runAll"]
    steps = [s for s in spans if s.name == "Job.step"]
    assert len(run_all) == 1 and len(steps) == 5, spans
    assert all(s.parent_span_id == run_all[0].span_id for s in steps)


def test_without_an_endpoint_spans_go_to_a_file_that_instswift_traces_prints(example, tmp_path):
    trace_file = tmp_path / "traces.jsonl"
    env = {k: v for k, v in os.environ.items() if not k.startswith("OTEL_")}
    result = subprocess.run([str(example["bin"] / "ShortCLI")], env=dict(env, INSTSWIFT_TRACE_FILE=str(trace_file)),
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    printed = instswift("traces", str(trace_file)).stdout
    lines = printed.splitlines()
    assert lines[0].startswith("trace ") and "6 span(s)" in lines[0], printed
    assert lines[1].startswith("Job.runAll") and lines[2].startswith("├─ Job.step"), printed
    assert "\x1b[" not in printed  # no colour when not a terminal


def test_sdk_disabled_exports_nothing(example):
    with Receiver() as receiver:
        result = subprocess.run([str(example["bin"] / "ShortCLI")], capture_output=True, text=True, timeout=30,
                                env=dict(os.environ, OTEL_EXPORTER_OTLP_ENDPOINT=receiver.endpoint, OTEL_SDK_DISABLED="true"))
        time.sleep(1)
    assert result.returncode == 0 and receiver.spans == []


@pytest.mark.parametrize("destination", ["collector", "file"])
def test_spans_the_sampler_leaves_out_are_not_exported(example, tmp_path, destination):
    env = {k: v for k, v in os.environ.items() if not k.startswith("OTEL_")}
    env.update(OTEL_TRACES_SAMPLER="always_off")
    trace_file = tmp_path / "traces.jsonl"
    with Receiver() as receiver:
        if destination == "collector":
            env["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.endpoint
        else:
            env["INSTSWIFT_TRACE_FILE"] = str(trace_file)
        result = subprocess.run([str(example["bin"] / "ShortCLI")], env=env, capture_output=True, text=True, timeout=30)
        time.sleep(1)
    assert result.returncode == 0 and "sum: 30" in result.stdout, result.stderr
    assert receiver.spans == []
    assert not trace_file.exists() or "Job.step" not in trace_file.read_text()


@pytest.mark.parametrize("sampler, inbound", [
    # The default sampler follows a caller that did not sample: nothing of the request is recorded (ADR 0014).
    ({}, f"00-{TRACE_ID}-{CALLER_SPAN}-00"),
    # always_off turns a caller's sampled trace into a non-sampled one for the next service.
    ({"OTEL_TRACES_SAMPLER": "always_off"}, f"00-{TRACE_ID}-{CALLER_SPAN}-01"),
    # A root the ratio sampler drops still propagates its trace, not sampled.
    ({"OTEL_TRACES_SAMPLER": "parentbased_traceidratio", "OTEL_TRACES_SAMPLER_ARG": "0"}, None),
])
def test_a_dropped_request_records_nothing_and_tells_the_next_service(example, tmp_path, sampler, inbound):
    downstream = Downstream()
    with Receiver() as receiver:
        process, port = start_service(example["bin"], dict(sampler, **{
            "OTEL_EXPORTER_OTLP_ENDPOINT": receiver.endpoint, "DOWNSTREAM_URL": downstream.url,
            "GREETINGS_DB": str(tmp_path / "greetings.sqlite")}))
        status, body = get(port, "/hello/erin", {"traceparent": inbound} if inbound else {})
        code, _, output = stop(process)
        time.sleep(1)
    downstream.close()
    assert status == 200 and "fortune: tests pass" in body and code == 0, output
    assert not [s for s in receiver.spans if s.attributes.get("url.path") == "/hello/erin" or s.name == "Greeter.greeting"]
    assert len(downstream.traceparents) == 1
    version, trace_id, parent_id, flags = downstream.traceparents[0].split("-")
    assert flags == "00" and parent_id != CALLER_SPAN and parent_id != "0" * 16, downstream.traceparents
    assert trace_id == (TRACE_ID if inbound else trace_id) and trace_id != "0" * 32
