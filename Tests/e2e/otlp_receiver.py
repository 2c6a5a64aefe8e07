"""A loopback OTLP/HTTP receiver that decodes with the official opentelemetry-proto classes.

It accepts `POST /v1/traces` and `POST /v1/metrics` as protobuf (`application/x-protobuf`) or JSON
(`application/json`), and keeps every span it received, flattened with its resource attributes, every metric data
point, and every raw request body (for tests that no secret or content was exported), for tests to assert on.
"""

import gzip
import http.server
import threading
import time

from google.protobuf import json_format
from opentelemetry.proto.collector.metrics.v1 import metrics_service_pb2
from opentelemetry.proto.collector.trace.v1 import trace_service_pb2

import semantic_conventions


def attribute_value(value):
    kind = value.WhichOneof("value")
    if kind == "array_value":
        return [attribute_value(v) for v in value.array_value.values]
    return getattr(value, kind) if kind else None


class Span:
    """One received span, with ids in hex and attributes as a dict."""

    KINDS = {0: "unspecified", 1: "internal", 2: "server", 3: "client", 4: "producer", 5: "consumer"}

    def __init__(self, span, resource):
        self.trace_id = span.trace_id.hex()
        self.span_id = span.span_id.hex()
        self.parent_span_id = span.parent_span_id.hex() or None
        self.name = span.name
        self.kind = self.KINDS.get(span.kind, str(span.kind))
        self.start = span.start_time_unix_nano
        self.end = span.end_time_unix_nano
        self.attributes = {a.key: attribute_value(a.value) for a in span.attributes}
        self.status_code = span.status.code
        self.events = [e.name for e in span.events]
        self.links = [(link.trace_id.hex(), link.span_id.hex()) for link in span.links]
        self.resource = resource

    def __repr__(self):
        return f"Span({self.name!r}, {self.kind}, {self.span_id} <- {self.parent_span_id}, {self.attributes})"


class Receiver:
    """Runs on 127.0.0.1 on a free port (or `port`); `endpoint` is what OTEL_EXPORTER_OTLP_ENDPOINT should be."""

    def __init__(self, count_only=False, port=0):
        self.spans = []
        self.metrics = []  # Metric messages as received, each with its resource attributes: (resource, metric)
        self.raw_bodies = []
        self.count_only = count_only
        self.span_count = 0
        self.requests = 0
        self.lock = threading.Lock()
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if self.headers.get("Content-Encoding") == "gzip":
                    body = gzip.decompress(body)
                is_metrics = self.path.endswith("/v1/metrics")
                service = metrics_service_pb2 if is_metrics else trace_service_pb2
                request = service.ExportMetricsServiceRequest() if is_metrics else service.ExportTraceServiceRequest()
                response = service.ExportMetricsServiceResponse() if is_metrics else service.ExportTraceServiceResponse()
                if "json" in (self.headers.get("Content-Type") or ""):
                    json_format.Parse(body, request)
                    reply = b"{}"
                    content_type = "application/json"
                else:
                    request.ParseFromString(body)
                    reply = response.SerializeToString()
                    content_type = "application/x-protobuf"
                with receiver.lock:
                    receiver.raw_bodies.append(body)
                if is_metrics:
                    receiver.add_metrics(request)
                else:
                    receiver.add(request)
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def endpoint(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def add(self, request):
        with self.lock:
            self.requests += 1
            if self.count_only:
                self.span_count += sum(len(s.spans) for r in request.resource_spans for s in r.scope_spans)
                return
            for resource_spans in request.resource_spans:
                resource = {a.key: attribute_value(a.value) for a in resource_spans.resource.attributes}
                for scope_spans in resource_spans.scope_spans:
                    for span in scope_spans.spans:
                        received = Span(span, resource)
                        semantic_conventions.note_span(resource, received.name, received.attributes)
                        self.spans.append(received)

    def add_metrics(self, request):
        with self.lock:
            for resource_metrics in request.resource_metrics:
                resource = {a.key: attribute_value(a.value) for a in resource_metrics.resource.attributes}
                for scope_metrics in resource_metrics.scope_metrics:
                    for metric in scope_metrics.metrics:
                        self.metrics.append((resource, metric))
                        kind = metric.WhichOneof("data")
                        points = getattr(metric, kind).data_points if kind else []
                        semantic_conventions.note_metric(resource, metric.name, {a.key for p in points for a in p.attributes})

    def metric_points(self, name):
        """The histogram data points received for metric `name`: (attributes dict, point), latest export last."""
        with self.lock:
            found = [m for _, m in self.metrics if m.name == name]
        points = []
        for metric in found:
            for point in metric.histogram.data_points:
                points.append(({a.key: attribute_value(a.value) for a in point.attributes}, point))
        return points

    def wait_for(self, count, timeout=15):
        deadline = time.time() + timeout
        while time.time() < deadline:
            with self.lock:
                if len(self.spans) >= count:
                    return list(self.spans)
            time.sleep(0.05)
        with self.lock:
            return list(self.spans)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
