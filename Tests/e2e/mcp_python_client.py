"""An MCP client made with the Python SDK (PyPI `mcp` 2.x): starts the server command it is given over stdio and calls
its `add` tool inside a span of its own, exporting its spans (the SDK makes a CLIENT span per request and writes the
context into `params._meta`) to OTEL_EXPORTER_OTLP_ENDPOINT. Prints the tool's answer."""

import asyncio
import os
import sys

from opentelemetry import trace
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor

provider = TracerProvider(resource=Resource.create({"service.name": "python-mcp-client"}))
provider.add_span_processor(SimpleSpanProcessor(OTLPSpanExporter()))
trace.set_tracer_provider(provider)

from mcp import ClientSession, StdioServerParameters, stdio_client  # noqa: E402


async def main(command):
    parameters = StdioServerParameters(command=command[0], args=command[1:], env=dict(os.environ))
    async with stdio_client(parameters) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            with trace.get_tracer("test").start_as_current_span("python-agent"):
                result = await session.call_tool("add", {"a": 20, "b": 22})
            print("add:", result.content[0].text, "isError:", result.is_error)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
    provider.shutdown()
