"""The Vapor pack: a Vapor 4 service with no tracing code, built with `instswift swift build`, makes one SERVER span per
request with the HTTP conventions, continues the caller's trace, and adds nothing to an app that uses Vapor's own
TracingMiddleware — decoded with the official OTLP classes."""

import signal
import time
import urllib.error
import urllib.request

import pytest

from conftest import start_server
from otlp_receiver import Receiver

TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
CALLER_SPAN = "00f067aa0ba902b7"


def start_vapor(binary, env):
    # The probe is a request of its own: one server span (`/hello/probe`) in every test.
    return start_server(binary / "VaporService", env, probe="/hello/probe", name="the Vapor service")


def get(port, path, headers=None, timeout=10):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def stop(process):
    process.send_signal(signal.SIGTERM)
    output = process.communicate(timeout=30)[0]
    return process.returncode, output


def test_a_server_span_per_request_with_the_http_conventions(example):
    with Receiver() as receiver:
        process, port = start_vapor(example["bin"], {"OTEL_EXPORTER_OTLP_ENDPOINT": receiver.endpoint,
                                                    "OTEL_SERVICE_NAME": "vapor-service"})
        hello = get(port, "/hello/alice", {"traceparent": f"00-{TRACE_ID}-{CALLER_SPAN}-01", "User-Agent": "e2e/1.0"})
        failed = get(port, "/fail")
        missing = get(port, "/no/such/path")
        code, output = stop(process)
        spans = receiver.wait_for(4)
    assert hello == (200, "Hello from Vapor, alice!") and failed[0] == 500 and missing[0] == 404, output
    assert code == 0, output
    by_path = {s.attributes["url.path"]: s for s in spans}
    assert len(spans) == 4 and all(s.kind == "server" for s in spans), spans

    server = by_path["/hello/alice"]
    assert server.name == "GET /hello/:name"
    assert server.trace_id == TRACE_ID and server.parent_span_id == CALLER_SPAN
    a = server.attributes
    assert a["http.request.method"] == "GET" and a["url.scheme"] == "http" and a["http.route"] == "/hello/:name"
    assert a["http.response.status_code"] == 200 and a["server.address"] == "127.0.0.1" and a["server.port"] == port
    assert a["client.address"] == "127.0.0.1" and a["user_agent.original"] == "e2e/1.0"
    assert a["network.protocol.version"] == "1.1" and "error.type" not in a and server.status_code != 2
    assert server.resource["service.name"] == "vapor-service"

    # A handler's error, turned into a 500 by Vapor's ErrorMiddleware (inside the span): the final status is recorded.
    fail = by_path["/fail"]
    assert fail.name == "GET /fail" and fail.attributes["http.response.status_code"] == 500
    assert fail.attributes["error.type"] == "500" and fail.status_code == 2  # STATUS_CODE_ERROR
    assert fail.parent_span_id is None and fail.trace_id != TRACE_ID

    # An unmatched path: no route, so the span is named by the method alone and has no http.route.
    unmatched = by_path["/no/such/path"]
    assert unmatched.name == "GET" and "http.route" not in unmatched.attributes
    assert unmatched.attributes["http.response.status_code"] == 404 and "error.type" not in unmatched.attributes

    # The swift-log pack: the handler's log line carries the span's trace context.
    [logged] = [line for line in output.splitlines() if line.endswith(" greeted") and "greeted.name=alice" in line]
    assert f"trace_id={TRACE_ID}" in logged and f"span_id={server.span_id}" in logged, logged


def test_an_app_with_vapors_own_tracing_middleware_gets_no_second_span(example):
    with Receiver() as receiver:
        process, port = start_vapor(example["bin"], {"OTEL_EXPORTER_OTLP_ENDPOINT": receiver.endpoint,
                                                    "VAPOR_TRACING_MIDDLEWARE": "1"})
        get(port, "/hello/bob", {"traceparent": f"00-{TRACE_ID}-{CALLER_SPAN}-01"})
        code, output = stop(process)
        spans = receiver.wait_for(2)
        time.sleep(1)
        spans = list(receiver.spans)
    assert code == 0, output
    requests = [s for s in spans if s.attributes.get("url.path") == "/hello/bob"]
    # Exactly one server span, and it is Vapor's (its middleware records network.protocol.name; the pack's does not).
    assert len(requests) == 1, spans
    assert requests[0].attributes["network.protocol.name"] == "http"
    assert requests[0].trace_id == TRACE_ID and requests[0].parent_span_id == CALLER_SPAN


def test_three_services_in_three_processes_make_one_trace(example):
    """Hummingbird -(AsyncHTTPClient)-> Vapor -(URLSession)-> Hummingbird, none with tracing code: one request with a
    known traceparent gives one trace whose parent chain crosses every hop, and the services' log lines carry it."""
    from test_example_service import start_service, stop as stop_service

    with Receiver() as receiver:
        exporting = {"OTEL_EXPORTER_OTLP_ENDPOINT": receiver.endpoint}
        last, last_port = start_service(example["bin"], dict(exporting, OTEL_SERVICE_NAME="fortunes"))
        vapor, vapor_port = start_vapor(example["bin"], dict(
            exporting, OTEL_SERVICE_NAME="vapor-gateway", DOWNSTREAM_URL=f"http://127.0.0.1:{last_port}/fortune"))
        first, first_port = start_service(example["bin"], dict(
            exporting, OTEL_SERVICE_NAME="front", DOWNSTREAM_URL=f"http://127.0.0.1:{vapor_port}/fortune"))
        status, body = get(first_port, "/hello/carol", {"traceparent": f"00-{TRACE_ID}-{CALLER_SPAN}-01"})
        outputs = {"front": stop_service(first)[2], "vapor-gateway": stop(vapor)[1], "fortunes": stop_service(last)[2]}
        receiver.wait_for(12)
        spans = [s for s in receiver.spans if s.trace_id == TRACE_ID]
    assert status == 200 and body.startswith("Hello, carol! fortune: "), (body, outputs)

    def one(service, name, kind):
        found = [s for s in spans if s.resource["service.name"] == service and s.name == name and s.kind == kind]
        assert len(found) == 1, (service, name, kind, spans)
        return found[0]

    front_server = one("front", "GET /hello/{name}", "server")
    front_client = one("front", "GET", "client")
    gateway_server = one("vapor-gateway", "GET /fortune", "server")
    gateway_client = one("vapor-gateway", "GET", "client")
    last_server = one("fortunes", "GET /fortune", "server")
    assert front_server.parent_span_id == CALLER_SPAN
    assert front_client.parent_span_id == front_server.span_id
    assert gateway_server.parent_span_id == front_client.span_id
    assert gateway_client.parent_span_id == gateway_server.span_id
    assert last_server.parent_span_id == gateway_client.span_id

    # The URLSession pack's client span follows the HTTP client conventions.
    a = gateway_client.attributes
    assert a["http.request.method"] == "GET" and a["url.full"] == f"http://127.0.0.1:{last_port}/fortune"
    assert a["server.address"] == "127.0.0.1" and a["server.port"] == last_port
    assert a["http.response.status_code"] == 200 and "error.type" not in a

    # swift-log: a line of the first service and Vapor's request log line carry the trace id.
    assert any(f"trace_id={TRACE_ID}" in line for line in outputs["front"].splitlines() if line.endswith(" greeted"))
    assert any(f"trace_id={TRACE_ID}" in line and f"span_id={gateway_server.span_id}" in line
               for line in outputs["vapor-gateway"].splitlines() if line.endswith("GET /fortune")), outputs["vapor-gateway"]


def test_tasks_without_a_completion_handler_are_client_spans(example):
    """A URLSession task driven by its session's delegate (whose completion method names its parameters as the app
    likes), one under a delegate that has no completion method, and a fire-and-forget task on the shared session: each
    a CLIENT span under the request's server span, from when the task was made until it completed, with its trace
    context in the request it sent."""
    from test_example_service import start_service, stop as stop_service

    with Receiver() as receiver:
        exporting = {"OTEL_EXPORTER_OTLP_ENDPOINT": receiver.endpoint}
        last, last_port = start_service(example["bin"], dict(exporting, OTEL_SERVICE_NAME="fortunes"))
        vapor, port = start_vapor(example["bin"], dict(
            exporting, OTEL_SERVICE_NAME="vapor-gateway", DOWNSTREAM_URL=f"http://127.0.0.1:{last_port}/fortune"))
        delegated = get(port, "/fortune-delegate", {"traceparent": f"00-{TRACE_ID}-{CALLER_SPAN}-01"})
        # Nothing tells this delegate its task completed, and no task is made after it: the pack's poll ends its span.
        polled = get(port, "/fortune-delegate-polled", {"traceparent": f"00-{TRACE_ID}-{CALLER_SPAN}-01"})
        forgotten = get(port, "/fortune-task", {"traceparent": f"00-{TRACE_ID}-{CALLER_SPAN}-01"})
        outputs = (stop(vapor)[1], stop_service(last)[2])
        receiver.wait_for(12)
        spans = [s for s in receiver.spans if s.trace_id == TRACE_ID]
    assert delegated[0] == 200 and delegated[1].startswith("fortune: "), (delegated, outputs)
    assert polled[0] == 200 and polled[1].startswith("fortune: "), (polled, outputs)
    assert forgotten == (200, "status 200"), (forgotten, outputs)

    for route in ["/fortune-delegate", "/fortune-delegate-polled", "/fortune-task"]:
        server = [s for s in spans if s.name == f"GET {route}" and s.kind == "server"]
        assert len(server) == 1, (route, spans)
        clients = [s for s in spans if s.parent_span_id == server[0].span_id and s.kind == "client"]
        assert len(clients) == 1, (route, spans)
        client = clients[0]
        assert client.name == "GET" and client.attributes["http.response.status_code"] == 200, client
        assert client.attributes["url.full"] == f"http://127.0.0.1:{last_port}/fortune", client
        downstream = [s for s in spans if s.resource["service.name"] == "fortunes" and s.parent_span_id == client.span_id]
        assert len(downstream) == 1 and downstream[0].name == "GET /fortune", (route, spans)
        # The client span lasts the exchange: it ends after the downstream service had the request, not when the task
        # was made or resumed.
        assert client.start <= downstream[0].start < client.end, (client, downstream[0])
        # ... and ends when it completed: within the poll's 10 ms (and the machine's scheduling) of the exchange's end.
        assert client.end - downstream[0].end < 200_000_000, (route, client.end - downstream[0].end)


def test_vapors_client_continues_the_trace(example):
    """Vapor's `req.client` (AsyncHTTPClient's EventLoopFuture API): one CLIENT span under the server span, and the next
    service continues it — AsyncHTTPClient alone starts that span without the caller's context and sends none."""
    from test_example_service import start_service, stop as stop_service

    with Receiver() as receiver:
        exporting = {"OTEL_EXPORTER_OTLP_ENDPOINT": receiver.endpoint}
        last, last_port = start_service(example["bin"], dict(exporting, OTEL_SERVICE_NAME="fortunes"))
        vapor, vapor_port = start_vapor(example["bin"], dict(
            exporting, OTEL_SERVICE_NAME="vapor-gateway", DOWNSTREAM_URL=f"http://127.0.0.1:{last_port}/fortune"))
        status, body = get(vapor_port, "/fortune-client", {"traceparent": f"00-{TRACE_ID}-{CALLER_SPAN}-01"})
        outputs = {"vapor-gateway": stop(vapor)[1], "fortunes": stop_service(last)[2]}
        receiver.wait_for(3)
        spans = list(receiver.spans)
    assert status == 200 and body.startswith("fortune: "), (body, outputs)
    gateway = [s for s in spans if s.resource["service.name"] == "vapor-gateway"]
    [server] = [s for s in gateway if s.kind == "server" and s.name == "GET /fortune-client"]
    clients = [s for s in gateway if s.kind == "client"]
    assert len(clients) == 1, clients
    [client] = clients
    [last_server] = [s for s in spans if s.resource["service.name"] == "fortunes" and s.name == "GET /fortune"]
    assert server.trace_id == client.trace_id == last_server.trace_id == TRACE_ID
    assert server.parent_span_id == CALLER_SPAN and client.parent_span_id == server.span_id
    assert last_server.parent_span_id == client.span_id
    a = client.attributes
    assert client.name == "GET" and a["http.request.method"] == "GET" and a["url.full"] == f"http://127.0.0.1:{last_port}/fortune"
    assert a["server.address"] == "127.0.0.1" and a["server.port"] == last_port and a["http.response.status_code"] == 200


def test_a_client_configured_not_to_trace_is_left_alone(example):
    """`configuration.tracing.tracer = nil` on Vapor's HTTP client: no CLIENT span and no trace context sent."""
    from test_example_service import start_service, stop as stop_service

    with Receiver() as receiver:
        exporting = {"OTEL_EXPORTER_OTLP_ENDPOINT": receiver.endpoint}
        last, last_port = start_service(example["bin"], dict(exporting, OTEL_SERVICE_NAME="fortunes"))
        vapor, vapor_port = start_vapor(example["bin"], dict(
            exporting, OTEL_SERVICE_NAME="vapor-gateway", DOWNSTREAM_URL=f"http://127.0.0.1:{last_port}/fortune",
            VAPOR_CLIENT_UNTRACED="1"))
        status, body = get(vapor_port, "/fortune-client", {"traceparent": f"00-{TRACE_ID}-{CALLER_SPAN}-01"})
        stop(vapor)
        stop_service(last)
        receiver.wait_for(2)
        spans = list(receiver.spans)
    assert status == 200 and body.startswith("fortune: "), body
    assert not [s for s in spans if s.resource["service.name"] == "vapor-gateway" and s.kind == "client"], spans
    [last_server] = [s for s in spans if s.resource["service.name"] == "fortunes" and s.name == "GET /fortune"]
    assert last_server.trace_id != TRACE_ID


def test_vapors_client_span_records_a_failed_request(example):
    """A request of Vapor's `req.client` that cannot connect: its one CLIENT span ends with the error."""
    from conftest import free_port

    with Receiver() as receiver:
        vapor, vapor_port = start_vapor(example["bin"], {
            "OTEL_EXPORTER_OTLP_ENDPOINT": receiver.endpoint, "OTEL_SERVICE_NAME": "vapor-gateway",
            "DOWNSTREAM_URL": f"http://127.0.0.1:{free_port()}/fortune"})
        # AsyncHTTPClient retries a refused connection until its connect timeout (10 s by default) before failing.
        status, body = get(vapor_port, "/fortune-client", timeout=60)
        output = stop(vapor)[1]
        receiver.wait_for(2)
        spans = list(receiver.spans)
    assert status >= 500, (status, body, output)
    [server] = [s for s in spans if s.kind == "server" and s.name == "GET /fortune-client"]
    [client] = [s for s in spans if s.kind == "client"]
    assert client.parent_span_id == server.span_id and client.status_code == 2, client
    assert client.attributes.get("error.type") and "http.response.status_code" not in client.attributes, client


@pytest.mark.parametrize("route", ["/ask", "/ask-task", "/ask-delegate", "/ask-upload-file", "/ask-download",
                                   "/ask-download-delegate"])
def test_a_model_call_over_urlsession_is_a_genai_span_over_its_http_span(example, route):
    """`data(for:)` (`/ask`), and a streamed request with a task whose completion handler (`/ask-task`) or session
    delegate (`/ask-delegate`, chunks as they arrive) reads the body, whose request is uploaded from a file
    (`upload(for:fromFile:)`: model and parameters read from the file), or whose answer a download task writes to a file
    (read from the file before the app's handler runs, or its session delegate's: `/ask-download-delegate`)."""
    import sys
    from conftest import ROOT
    sys.path.insert(0, str(ROOT / "scripts"))
    import fake_llm

    model = fake_llm.FakeModel(ttft=0.05, tpot=0.01).start()
    try:
        with Receiver() as receiver:
            process, port = start_vapor(example["bin"], {
                "OTEL_EXPORTER_OTLP_ENDPOINT": receiver.endpoint, "LLM_URL": model.url + "/v1",
                "OPENAI_API_KEY": "sk-test-urlsession-do-not-export"})
            request = urllib.request.Request(f"http://127.0.0.1:{port}{route}", data=b"What is a span?", method="POST")
            with urllib.request.urlopen(request, timeout=30) as response:
                answer = response.read().decode()
            code, output = stop(process)
            receiver.wait_for(4)
            spans = list(receiver.spans)
            raw = b"".join(receiver.raw_bodies)
    finally:
        model.close()
    assert code == 0 and answer, output
    [server] = [s for s in spans if s.name == f"POST {route}"]
    [chat] = [s for s in spans if s.name == "chat gpt-4o-mini"]
    http_spans = [s for s in spans if s.kind == "client" and s.name == "POST"]
    assert len(http_spans) == 1, spans
    http = http_spans[0]
    assert chat.kind == "client" and chat.parent_span_id == server.span_id and http.parent_span_id == chat.span_id
    a = chat.attributes
    assert a["gen_ai.operation.name"] == "chat" and a["gen_ai.provider.name"] == "openai"
    assert a["gen_ai.request.model"] == "gpt-4o-mini" and a["gen_ai.request.max_tokens"] == 64
    assert a["gen_ai.usage.input_tokens"] > 0 and a["gen_ai.usage.output_tokens"] > 0
    assert http.attributes["http.response.status_code"] == 200
    if route != "/ask":
        # The stream's usage chunk gave the tokens; its chunks were timed as the body was read.
        assert a["gen_ai.request.stream"] is True and "gen_ai.response.time_to_first_chunk" in a, a
        assert chat.start <= http.start and http.end <= chat.end, (chat, http)
    if route == "/ask-delegate":
        # The delegate read the chunks as the model sent them: the first after the model's 50 ms, well before the end.
        duration = (chat.end - chat.start) / 1e9
        assert 0.04 <= a["gen_ai.response.time_to_first_chunk"] < duration - 0.02, (a, duration)
    # The request's Authorization header and the prompt are exported nowhere.
    assert b"sk-test-urlsession" not in raw and b"What is a span?" not in raw
