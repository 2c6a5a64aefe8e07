"""An app that already traces by hand — it bootstraps swift-otel itself, adds Hummingbird's TracingMiddleware and makes
a span of its own — built with `instswift swift build` and every default pack: it exports exactly the spans its code
makes (no second server span, no second bootstrap), decoded with the official OTLP classes."""

import os
import signal
import subprocess
import time
import urllib.request

from conftest import free_port
from otlp_receiver import Receiver

TRACE_ID = "5bf92f3577b34da6a3ce929d0e0e4737"
CALLER_SPAN = "10f067aa0ba902b8"


def test_an_app_that_traces_by_hand_keeps_exactly_its_own_spans(example):
    # The build report: the entry point is left to the app's own bootstrap, and the app's module gets nothing.
    sites = [s for s in example["report"]["instrumented"] if s["module"] == "SelfTracedService"]
    assert sites == [], sites

    port = free_port()
    with Receiver() as receiver:
        env = dict(os.environ, PORT=str(port), OTEL_EXPORTER_OTLP_ENDPOINT=receiver.endpoint,
                   OTEL_EXPORTER_OTLP_PROTOCOL="http/protobuf", OTEL_BSP_SCHEDULE_DELAY="100")
        process = subprocess.Popen([str(example["bin"] / "SelfTracedService")], env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        deadline = time.time() + 30
        while True:
            try:
                request = urllib.request.Request(f"http://127.0.0.1:{port}/hello/dana",
                                                 headers={"traceparent": f"00-{TRACE_ID}-{CALLER_SPAN}-01"})
                with urllib.request.urlopen(request, timeout=2) as response:
                    body = response.read().decode()
                break
            except OSError:
                assert time.time() < deadline, "the service did not start"
                time.sleep(0.1)
        receiver.wait_for(2)
        time.sleep(1)  # anything more would arrive now
        process.send_signal(signal.SIGTERM)
        output = process.communicate(timeout=30)[0]
        spans = [s for s in receiver.spans if s.trace_id == TRACE_ID]
    assert body == "Hello, dana!" and process.returncode == 0, output
    # Exactly the app's spans: TracingMiddleware's server span (named by the route alone, as the middleware names it)
    # and the handler's own span beneath it.
    assert sorted((s.name, s.kind) for s in spans) == [("/hello/{name}", "server"), ("lookup", "internal")], spans
    server = next(s for s in spans if s.kind == "server")
    lookup = next(s for s in spans if s.name == "lookup")
    assert server.parent_span_id == CALLER_SPAN and lookup.parent_span_id == server.span_id
    assert lookup.attributes["lookup.name"] == "dana"
    # The app's own bootstrap, not instswift's: its service name, and no instswift exporter message.
    assert all(s.resource["service.name"] == "self-traced" for s in spans)
    assert "instswift:" not in output, output
