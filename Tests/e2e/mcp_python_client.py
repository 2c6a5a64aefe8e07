"""An MCP client made with the Python SDK (PyPI `mcp` 2.x) that calls its server's `add` tool and prints the answer.

  mcp_python_client.py COMMAND...          starts the server command over stdio and calls `add` inside a span of its
                                           own, exporting its spans (the SDK makes a CLIENT span per request and writes
                                           the context into `params._meta`) to OTEL_EXPORTER_OTLP_ENDPOINT;
  mcp_python_client.py --http URL TRACEPARENT
                                           Streamable HTTP to URL with no tracing of its own (so `_meta` carries no
                                           context), every HTTP request sending the `traceparent` header given, as an
                                           instrumented HTTP client or a gateway in front of the server would;
  mcp_python_client.py --http-traced URL TRACEPARENT
                                           the same with the client's own tracing on: `_meta` carries the context of
                                           its spans, the HTTP header the one given (a gateway's).
"""

import asyncio
import os
import sys

from opentelemetry import trace

HTTP_MODE = len(sys.argv) == 4 and sys.argv[1] in ("--http", "--http-traced")
TRACED = not HTTP_MODE or sys.argv[1] == "--http-traced"
if TRACED:
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor

    provider = TracerProvider(resource=Resource.create({"service.name": "python-mcp-client"}))
    provider.add_span_processor(SimpleSpanProcessor(OTLPSpanExporter()))
    trace.set_tracer_provider(provider)

from mcp import ClientSession, StdioServerParameters, stdio_client  # noqa: E402


async def call_add(session):
    await session.initialize()
    with trace.get_tracer("test").start_as_current_span("python-agent"):
        result = await session.call_tool("add", {"a": 20, "b": 22})
    print("add:", result.content[0].text, "isError:", result.is_error)


async def over_stdio(command):
    parameters = StdioServerParameters(command=command[0], args=command[1:], env=dict(os.environ))
    async with stdio_client(parameters) as (read, write):
        async with ClientSession(read, write) as session:
            await call_add(session)


async def over_http(url, traceparent):
    from mcp.client.streamable_http import streamable_http_client
    from mcp.shared._httpx_utils import create_mcp_http_client

    async def print_session(response):
        if "mcp-session-id" in response.headers and not sessions:
            sessions.append(response.headers["mcp-session-id"])
            print("session:", sessions[0])

    sessions = []
    async with create_mcp_http_client(headers={"traceparent": traceparent}) as http:
        http.event_hooks["response"].append(print_session)
        async with streamable_http_client(url, http_client=http) as streams:
            async with ClientSession(streams[0], streams[1]) as session:
                await call_add(session)


if __name__ == "__main__":
    if HTTP_MODE:
        asyncio.run(over_http(sys.argv[2], sys.argv[3]))
    else:
        asyncio.run(over_stdio(sys.argv[1:]))
    if TRACED:
        provider.shutdown()
