"""The MCP pack against modelcontextprotocol/swift-sdk 0.12.1 and the Python SDK (PyPI `mcp` 2.x), over stdio: client
and server spans on both sides of the process boundary share one trace through `params._meta`, whichever side is
Swift. Spans are exported over OTLP to one loopback receiver and decoded with the official classes."""

import json
import os
import re
import socket
import subprocess
import sys
import time

import pytest

from conftest import ROOT, free_port
from otlp_receiver import Receiver

PYTHON_SERVER = [sys.executable, str(ROOT / "Tests" / "e2e" / "mcp_python_server.py")]
PYTHON_CLIENT = [sys.executable, str(ROOT / "Tests" / "e2e" / "mcp_python_client.py")]


def run(command, receiver, expected_spans):
    env = dict(os.environ, OTEL_EXPORTER_OTLP_ENDPOINT=receiver.endpoint)
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout, receiver.wait_for(expected_spans)


def start_http_server(command, receiver):
    """Starts `command PORT` on a free port, exporting to `receiver`; returns (process, port) once it accepts."""
    port = free_port()
    server = subprocess.Popen([*command, str(port)], env=dict(os.environ, OTEL_EXPORTER_OTLP_ENDPOINT=receiver.endpoint),
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.time() + 30
    while socket.socket().connect_ex(("127.0.0.1", port)) != 0:
        if time.time() > deadline or server.poll() is not None:
            server.kill()
            raise AssertionError(f"{command[-2]} did not start:\n{server.communicate()[0]}")
        time.sleep(0.1)
    return server, port


def server_spans_named(receiver, names, timeout=15):
    """Every span received once SERVER spans with all of `names` have arrived (a server exports as it goes), or after
    `timeout` seconds."""
    deadline = time.time() + timeout
    while not names <= {s.name for s in receiver.wait_for(0) if s.kind == "server"} and time.time() < deadline:
        time.sleep(0.1)
    return receiver.wait_for(0)


def by_request_id(spans, kind):
    return {s.attributes["jsonrpc.request.id"]: s for s in spans if s.kind == kind and "jsonrpc.request.id" in s.attributes}


def assert_client_server_pairs(spans, client_service, server_service):
    clients = by_request_id([s for s in spans if s.resource["service.name"].endswith(client_service)], "client")
    servers = by_request_id([s for s in spans if s.resource["service.name"].endswith(server_service)], "server")
    assert clients and set(clients) <= set(servers), (clients, servers)
    for request_id, client in clients.items():
        server = servers[request_id]
        # The server's span is the child of the client's, in the client's trace.
        assert server.trace_id == client.trace_id and server.parent_span_id == client.span_id, (client, server)
        assert server.attributes["mcp.method.name"] == client.attributes["mcp.method.name"]
    return clients, servers


def test_swift_client_and_swift_server_share_one_trace(example):
    binary = example["bin"]
    with Receiver() as receiver:
        output, spans = run([str(binary / "MCPToolClient"), str(binary / "MCPToolServer")], receiver, 9)
    assert "add: 5 isError: false" in output and "isError: true" in output, output
    clients, servers = assert_client_server_pairs(spans, "MCPToolClient", "MCPToolServer")
    [agent] = [s for s in spans if s.name == "invoke_agent mcp-client"]
    assert all(c.parent_span_id == agent.span_id and c.trace_id == agent.trace_id for c in clients.values())
    names = sorted(s.name for s in clients.values())
    assert names == ["initialize", "tools/call add", "tools/call fail", "tools/list"], names
    for side in (clients, servers):
        add = next(s for s in side.values() if s.name == "tools/call add")
        assert add.attributes["gen_ai.tool.name"] == "add" and add.attributes["gen_ai.operation.name"] == "execute_tool"
        assert add.attributes["network.transport"] == "pipe" and "error.type" not in add.attributes
        assert "mcp.session.id" not in add.attributes  # stdio has no session id
        fail = next(s for s in side.values() if s.name == "tools/call fail")
        assert fail.attributes["error.type"] == "tool_error"
    assert next(s for s in clients.values() if s.name == "initialize").kind == "client"
    # The protocol version the server answered initialize with, on every later client span.
    assert "mcp.protocol.version" not in next(s for s in clients.values() if s.name == "initialize").attributes
    assert all(s.attributes["mcp.protocol.version"] >= "2025-" for s in clients.values() if s.name != "initialize")
    # The server knows the version it negotiated from its answer to initialize on: that span and every later one.
    negotiated = {s.attributes["mcp.protocol.version"] for s in clients.values() if s.name != "initialize"}
    assert {s.attributes.get("mcp.protocol.version") for s in servers.values()} == negotiated, servers


def test_python_server_spans_are_children_of_the_swift_client_spans(example):
    with Receiver() as receiver:
        output, spans = run([str(example["bin"] / "MCPToolClient"), *PYTHON_SERVER], receiver, 12)
    assert "add: 5 isError: false" in output, output
    clients, servers = assert_client_server_pairs(spans, "MCPToolClient", "python-mcp-server")
    assert {"initialize", "tools/list", "tools/call add", "tools/call fail", "tools/call echo_meta"} <= {s.name for s in servers.values()}
    # The caller's own _meta key survives beside the trace context, which names the client span.
    meta = json.loads(output.split("meta:", 1)[1].strip().splitlines()[0])
    echo = next(s for s in clients.values() if s.name == "tools/call echo_meta")
    assert meta["caller.key"] == "kept"
    assert meta["traceparent"].split("-")[1:3] == [echo.trace_id, echo.span_id]
    # Notifications carry the context too: the Python server's span for notifications/initialized is in the trace.
    initialized = [s for s in spans if s.name == "notifications/initialized"]
    assert initialized and initialized[0].trace_id == echo.trace_id


def test_python_client_spans_parent_the_swift_server_spans(example):
    with Receiver() as receiver:
        output, spans = run([*PYTHON_CLIENT, str(example["bin"] / "MCPToolServer")], receiver, 4)
    assert "add: 42 isError: False" in output, output
    [agent] = [s for s in spans if s.name == "python-agent"]
    [server] = [s for s in spans if s.resource["service.name"] == "unknown_service:MCPToolServer" and s.name == "tools/call add"]
    # The Swift server's span is the child of the Python SDK's client span for that request, under the Python agent.
    [client] = [s for s in spans if s.span_id == server.parent_span_id]
    assert client.resource["service.name"] == "python-mcp-client" and client.kind == "client", client
    assert client.parent_span_id == agent.span_id and server.kind == "server" and server.trace_id == agent.trace_id


def test_malformed_meta_traceparent_starts_a_fresh_trace_and_the_call_succeeds(example):
    messages = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "raw", "version": "1"}}},
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
        {"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {
            "name": "add", "arguments": {"a": 1, "b": 1},
            "_meta": {"traceparent": "00-not-a-trace-zz", "tracestate": "=" * 600, "baggage": 7}}},
    ]
    with Receiver() as receiver:
        env = dict(os.environ, OTEL_EXPORTER_OTLP_ENDPOINT=receiver.endpoint)
        server = subprocess.Popen([str(example["bin"] / "MCPToolServer")], env=env, stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        answers = []
        for message in messages:
            server.stdin.write(json.dumps(message) + "\n")
            server.stdin.flush()
            if "id" in message:
                answers.append(json.loads(server.stdout.readline()))
        server.stdin.close()
        server.wait(timeout=30)
        spans = receiver.wait_for(2)
    assert answers[1]["result"]["content"][0]["text"] == "2", answers
    [call] = [s for s in spans if s.name == "tools/call add"]
    assert call.parent_span_id is None and call.trace_id != "0" * 32


MCP_BUCKETS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30, 60, 120, 300]


SESSION_METRICS = {"mcp.client.session.duration": "MCPToolClient", "mcp.server.session.duration": "MCPToolServer"}


def test_operation_and_session_duration_metrics_on_both_sides(example):
    binary = example["bin"]
    with Receiver() as receiver:
        env = dict(os.environ, OTEL_EXPORTER_OTLP_ENDPOINT=receiver.endpoint, OTEL_METRIC_EXPORT_INTERVAL="200")
        result = subprocess.run([str(binary / "MCPToolClient"), str(binary / "MCPToolServer")], env=env,
                                capture_output=True, text=True, timeout=120)
        receiver.wait_for(9)
        deadline = time.time() + 10
        while time.time() < deadline:
            with receiver.lock:
                names = {m.name for _, m in receiver.metrics}
            if {"mcp.client.operation.duration", "mcp.server.operation.duration", *SESSION_METRICS} <= names:
                break
            time.sleep(0.1)
        with receiver.lock:
            metrics = list(receiver.metrics)
    assert result.returncode == 0, result.stdout + result.stderr
    for name, service in [("mcp.client.operation.duration", "MCPToolClient"), ("mcp.server.operation.duration", "MCPToolServer")]:
        found = [(r, m) for r, m in metrics if m.name == name]
        assert found, (name, {m.name for _, m in metrics})
        assert all(r["service.name"].endswith(service) and m.unit == "s" for r, m in found)
        points = {}
        for _, metric in found:
            for point in metric.histogram.data_points:
                attributes = {a.key: a.value.string_value for a in point.attributes}
                points[tuple(sorted(attributes.items()))] = (attributes, point)
        by_tool = {a.get("gen_ai.tool.name"): (a, p) for a, p in points.values() if a["mcp.method.name"] == "tools/call"}
        add_attributes, add_point = by_tool["add"]
        assert list(add_point.explicit_bounds) == MCP_BUCKETS and add_point.count >= 1
        assert add_attributes["gen_ai.operation.name"] == "execute_tool" and "error.type" not in add_attributes
        assert by_tool["fail"][0]["error.type"] == "tool_error"
        assert any(a["mcp.method.name"] == "tools/list" for a, _ in points.values())
    # One session each, over stdio: the client's from connect to disconnect, the server's until its client has gone.
    for name, service in SESSION_METRICS.items():
        found = [(r, m) for r, m in metrics if m.name == name]
        assert found, (name, {m.name for _, m in metrics})
        points = [p for r, m in found if r["service.name"].endswith(service) and m.unit == "s" for p in m.histogram.data_points]
        # Cumulative: each export repeats the one session.
        assert points and all(p.count == 1 for p in points), (name, points)
        point = points[-1]
        attributes = {a.key: a.value.string_value for a in point.attributes}
        assert attributes["network.transport"] == "pipe" and attributes["mcp.protocol.version"], attributes
        assert list(point.explicit_bounds) == MCP_BUCKETS and 0 < point.sum < 60, point


def test_over_streamable_http_the_transport_requests_are_traced_in_the_same_trace(example):
    """The Swift client over Streamable HTTP (swift-sdk's HTTPClientTransport, URLSession): each MCP CLIENT span has the
    URLSession pack's HTTP CLIENT span beneath it, the Python server's span is the MCP client span's child, and every
    client span carries the session the server assigned (`Mcp-Session-Id`) as `mcp.session.id`."""
    with Receiver() as receiver:
        server, port = start_http_server([*PYTHON_SERVER, "--http"], receiver)
        try:
            output, spans = run([str(example["bin"] / "MCPToolClient"), f"http://127.0.0.1:{port}/mcp"], receiver, 14)
        finally:
            server.terminate()
            server_output, _ = server.communicate(timeout=30)
    assert "add: 5 isError: false" in output, output
    clients, servers = assert_client_server_pairs(spans, "MCPToolClient", "python-mcp-server")
    add = next(s for s in clients.values() if s.name == "tools/call add")
    assert add.attributes["network.transport"] == "tcp"
    http = [s for s in spans if s.kind == "client" and s.name == "POST" and s.parent_span_id == add.span_id]
    assert len(http) == 1, spans
    a = http[0].attributes
    assert a["url.full"] == f"http://127.0.0.1:{port}/mcp" and a["http.response.status_code"] == 200
    assert a["server.port"] == port and http[0].trace_id == add.trace_id
    # The server names its session in its log; the initialize span already has it (read when the response is checked).
    sessions = re.findall(r"Created new transport with session ID: ([0-9a-f]+)", server_output)
    assert len(sessions) == 1, server_output
    assert {s.attributes.get("mcp.session.id") for s in clients.values()} == {sessions[0]}, clients


@pytest.mark.parametrize("transport", ["--http", "--http-stateless"])
def test_swift_server_over_streamable_http_continues_the_http_context_and_names_the_session(example, transport):
    """MCPToolServer over Streamable HTTP (swift-sdk's stateful and stateless HTTP server transports served by
    Hummingbird), called by the Python SDK with no tracing of its own: `_meta` carries no context, so each MCP SERVER
    span continues the `traceparent` header of the HTTP request that brought it (the transport hands the message to the
    server's own task, where Hummingbird's span is not current), and names the session a stateful transport assigned."""
    trace_id, parent_id = "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"
    with Receiver() as receiver:
        server, port = start_http_server([str(example["bin"] / "MCPToolServer"), transport], receiver)
        try:
            client = subprocess.run([*PYTHON_CLIENT, "--http", f"http://127.0.0.1:{port}/mcp",
                                     f"00-{trace_id}-{parent_id}-01"], capture_output=True, text=True, timeout=120)
            assert client.returncode == 0, client.stdout + client.stderr
            spans = server_spans_named(receiver, {"initialize", "tools/call add"})
        finally:
            server.terminate()
            server.communicate(timeout=30)
    assert "add: 42 isError: False" in client.stdout, client.stdout
    mcp = {s.name: s for s in spans if s.kind == "server" and "mcp.method.name" in s.attributes}
    assert {"initialize", "tools/call add"} <= set(mcp), spans
    for span in mcp.values():
        assert span.trace_id == trace_id and span.parent_span_id == parent_id, span
        assert span.attributes["network.transport"] == "tcp"
        assert not span.links  # `_meta` had no context: nothing to link
    sessions = re.findall(r"session: (\S+)", client.stdout)
    if transport == "--http-stateless":
        assert not sessions and not any("mcp.session.id" in s.attributes for s in mcp.values()), mcp
    else:
        # The initialize request carries no session header; its span has the id the transport assigned handling it.
        assert mcp["initialize"].attributes["mcp.session.id"] == sessions[0]
        assert mcp["tools/call add"].attributes["mcp.session.id"] == sessions[0]
    # Hummingbird's server span of each POST continues the same header (the Hummingbird pack).
    posts = [s for s in spans if s.kind == "server" and s.attributes.get("http.request.method") == "POST"]
    assert posts and all(s.trace_id == trace_id and s.parent_span_id == parent_id for s in posts), posts


def test_swift_server_over_streamable_http_is_parented_by_meta_and_links_the_http_context(example):
    """A traced Python client over Streamable HTTP behind a gateway: `_meta` carries the client's context, the HTTP
    header the gateway's. Each MCP SERVER span is the child of the Python client's span (the MCP conventions: `_meta`
    wins) and links the HTTP request's context, so neither trace loses the call."""
    gateway_trace, gateway_span = "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331"
    with Receiver() as receiver:
        server, port = start_http_server([str(example["bin"] / "MCPToolServer"), "--http"], receiver)
        try:
            env = dict(os.environ, OTEL_EXPORTER_OTLP_ENDPOINT=receiver.endpoint)
            client = subprocess.run([*PYTHON_CLIENT, "--http-traced", f"http://127.0.0.1:{port}/mcp",
                                     f"00-{gateway_trace}-{gateway_span}-01"],
                                    env=env, capture_output=True, text=True, timeout=120)
            assert client.returncode == 0, client.stdout + client.stderr
            spans = server_spans_named(receiver, {"tools/call add"})
        finally:
            server.terminate()
            server.communicate(timeout=30)
    assert "add: 42 isError: False" in client.stdout, client.stdout
    python = {s.span_id: s for s in spans if s.resource["service.name"] == "python-mcp-client"}
    [add] = [s for s in spans if s.kind == "server" and s.name == "tools/call add"]
    parent = python.get(add.parent_span_id)
    assert parent is not None and parent.trace_id == add.trace_id != gateway_trace, (add, python)
    assert add.links == [(gateway_trace, gateway_span)], add.links
    # Hummingbird's span of the POST continues the gateway's header (the HTTP pack), so the gateway's trace reaches it.
    posts = [s for s in spans if s.kind == "server" and s.attributes.get("http.request.method") == "POST"]
    assert posts and all(s.trace_id == gateway_trace for s in posts), posts


def test_swift_client_and_swift_server_over_streamable_http(example):
    """MCPToolClient -> MCPToolServer over Streamable HTTP: each MCP SERVER span is the child of its MCP CLIENT span
    (`_meta`) and links the context of the HTTP request that carried it (the URLSession pack's POST span). The server
    uses swift-sdk's stateless transport, which answers in JSON: on Linux, swift-sdk 0.12.1's client cannot read the
    SSE responses of its stateful one ("SSE responses aren't fully supported on Linux"), so the pair only talks so."""
    with Receiver() as receiver:
        server, port = start_http_server([str(example["bin"] / "MCPToolServer"), "--http-stateless"], receiver)
        try:
            output, spans = run([str(example["bin"] / "MCPToolClient"), f"http://127.0.0.1:{port}/mcp"], receiver, 0)
            spans = server_spans_named(receiver, {"tools/call fail"})
        finally:
            server.terminate()
            server.communicate(timeout=30)
    assert "add: 5 isError: false" in output, output
    clients, servers = assert_client_server_pairs(spans, "MCPToolClient", "MCPToolServer")
    posts = {s.span_id: s for s in spans if s.kind == "client" and s.name == "POST"}
    for request_id, client in clients.items():
        server = servers[request_id]
        [(trace_id, span_id)] = server.links
        post = posts[span_id]  # the HTTP request that carried this message, beneath the MCP client span
        assert trace_id == client.trace_id and post.parent_span_id == client.span_id, (client, server, post)
    assert not any("mcp.session.id" in s.attributes for s in [*clients.values(), *servers.values()])  # stateless
