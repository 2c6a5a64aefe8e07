"""The gRPC pack (grpc-swift 2 over the NIO HTTP/2 transport): a client and a server generated from echo.proto by
grpc-swift-protobuf's generator (code committed), two processes; one trace across them, with the RPC conventions on both sides;
unary, server-streaming, client-streaming and bidirectional calls; an error status; the handler's own spans under the server span; no second span
when the app registers a tracing interceptor of its own. Also: an instrumented server that handles no signal itself
still stops on SIGTERM."""

import os
import select
import signal
import subprocess
import time

import pytest

from conftest import free_port
from otlp_receiver import Receiver


# The client's calls, in order: one of each kind, then a unary call that fails.
CALLS = ["echo.Echo/Get", "echo.Echo/Expand", "echo.Echo/Collect", "echo.Echo/Update", "echo.Echo/Get"]


def start_echo_server(binary, env):
    port = free_port()
    server = subprocess.Popen([str(binary / "GRPCEchoServer"), str(port)], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    ready, _, _ = select.select([server.stdout], [], [], 60)
    line = server.stdout.readline() if ready else ""
    if "listening on" not in line:
        server.kill()
        pytest.fail(f"the gRPC server did not start: {line}{server.stdout.read()}")
    return server, port


def stop(server):
    """SIGTERM; the server handles no signal itself, so the runtime's exit hook flushes and then lets it end."""
    started = time.time()
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=20)
    return time.time() - started


def run_client(binary, port, env):
    result = subprocess.run([str(binary / "GRPCEchoClient"), str(port)], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "get: hello" in result.stdout and "expand: one,two,three" in result.stdout, result.stdout
    assert "collect: a b c" in result.stdout and "update: X,Y" in result.stdout, result.stdout
    assert "failed as expected: notFound" in result.stdout, result.stdout


def test_one_trace_across_client_and_server_with_the_rpc_conventions(example):
    with Receiver() as receiver:
        env = dict(os.environ, OTEL_EXPORTER_OTLP_ENDPOINT=receiver.endpoint)
        server, port = start_echo_server(example["bin"], dict(env, OTEL_SERVICE_NAME="echo-server"))
        try:
            run_client(example["bin"], port, dict(env, OTEL_SERVICE_NAME="echo-client"))
            spans = receiver.wait_for(13)
        finally:
            took = stop(server)
    assert took < 10, f"the server took {took:.1f} s to stop on SIGTERM"

    [workflow] = [s for s in spans if s.name == "invoke_workflow grpc-demo"]
    clients = sorted((s for s in spans if s.kind == "client"), key=lambda s: s.start)
    servers = {s.parent_span_id: s for s in spans if s.kind == "server"}
    assert [c.name for c in clients] == CALLS, [c.name for c in clients]
    assert all(c.parent_span_id == workflow.span_id and c.trace_id == workflow.trace_id for c in clients)
    for client in clients:
        server_span = servers[client.span_id]  # the server continued the client's context from the metadata
        assert server_span.name == client.name and server_span.trace_id == client.trace_id
        for span, peer in ((client, "server"), (server_span, "client")):
            a = span.attributes
            assert a["rpc.system"] == "grpc" and a["rpc.service"] == "echo.Echo" and a["rpc.method"] == client.name.split("/")[1]
            assert a[f"{peer}.address"] == "127.0.0.1" and isinstance(a[f"{peer}.port"], int)
        assert client.attributes["server.port"] == port
        # A span lasts the whole RPC: the client's ends after the server's (it ends when the response stream does).
        assert client.end >= server_span.end

    ok_get, expand, collect, update, failed_get = clients
    assert ok_get.attributes["rpc.grpc.status_code"] == 0 and ok_get.status_code != 2
    for streaming in (expand, collect, update):
        assert streaming.attributes["rpc.grpc.status_code"] == 0 and streaming.status_code != 2
        assert servers[streaming.span_id].attributes["rpc.grpc.status_code"] == 0
    # NOT_FOUND: an error for the client; for the server, not one of the codes the conventions call server errors.
    assert failed_get.attributes["rpc.grpc.status_code"] == 5 and failed_get.status_code == 2
    assert servers[failed_get.span_id].attributes["rpc.grpc.status_code"] == 5 and servers[failed_get.span_id].status_code != 2
    # The handler runs in the server span's context: its tool span nests under it.
    tools = [s for s in spans if s.name == "execute_tool echo-lookup"]
    assert {t.parent_span_id for t in tools} == {servers[ok_get.span_id].span_id, servers[failed_get.span_id].span_id}


def test_an_app_with_its_own_tracing_interceptor_gets_no_second_server_span(example):
    with Receiver() as receiver:
        env = dict(os.environ, OTEL_EXPORTER_OTLP_ENDPOINT=receiver.endpoint)
        server, port = start_echo_server(example["bin"], dict(env, OTEL_SERVICE_NAME="echo-server", ECHO_APP_TRACING="1"))
        try:
            run_client(example["bin"], port, dict(env, OTEL_SERVICE_NAME="echo-client"))
            spans = receiver.wait_for(len(CALLS) + 1)
            time.sleep(1)
        finally:
            stop(server)
            spans = receiver.wait_for(100, timeout=2)
    assert [s.name for s in sorted(spans, key=lambda s: s.start) if s.kind == "client"] == CALLS
    assert not [s for s in spans if s.kind == "server"], [s.name for s in spans]
