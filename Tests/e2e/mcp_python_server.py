"""An MCP server made with the Python SDK (PyPI `mcp` 2.x), over stdio (or Streamable HTTP with `--http PORT`), exporting its own OpenTelemetry spans (the SDK
makes a SERVER span per request, parented by `params._meta`) to OTEL_EXPORTER_OTLP_ENDPOINT. Tools: `add`, `fail`,
and `echo_meta`, which answers with the `_meta` the request carried (so tests see what the client sent)."""

import atexit

from opentelemetry import trace
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor

provider = TracerProvider(resource=Resource.create({"service.name": "python-mcp-server"}))
provider.add_span_processor(SimpleSpanProcessor(OTLPSpanExporter()))
trace.set_tracer_provider(provider)
atexit.register(provider.shutdown)

import json  # noqa: E402

from mcp.server.mcpserver import Context, MCPServer  # noqa: E402  (after the tracer provider is set)

server = MCPServer("python-tools")


@server.tool()
def add(a: int, b: int) -> int:
    """Add two integers."""
    return a + b


@server.tool()
def fail() -> str:
    """Always fails."""
    raise ValueError("this tool always fails")


@server.tool()
def echo_meta(ctx: Context) -> str:
    """The request's `_meta`, as JSON."""
    meta = ctx.request_context.meta
    if meta is not None and hasattr(meta, "model_dump"):
        meta = meta.model_dump(by_alias=True, exclude_none=True)
    return json.dumps(meta, sort_keys=True, default=str)


if __name__ == "__main__":
    import sys

    if len(sys.argv) == 3 and sys.argv[1] == "--http":
        # Streamable HTTP on 127.0.0.1:PORT/mcp, answering each POST with JSON.
        server.run("streamable-http", port=int(sys.argv[2]), json_response=True, stateless_http=False)
    else:
        server.run("stdio")
