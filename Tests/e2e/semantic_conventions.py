"""Every telemetry name the instrumented Swift programs of these suites export, collected by the OTLP receiver, and
the OpenTelemetry semantic-conventions registry to check them against — PyPI's `opentelemetry-semantic-conventions`
(stable and incubating attributes and metrics), code we did not write.

Checked by test_zz_semantic_conventions.py, which runs after every other suite of the session.
"""

import importlib
import pkgutil
import threading

# Names the runtime documents under its own prefix (README, "Telemetry"), outside the conventions by design.
OWN_PREFIX = "instswift."
# Names a fixture app records on spans of its own (SelfTracedService's hand-made span), which instswift does not emit.
APP_OWN = {"lookup.name"}
# The GenAI client metrics of the conventions after v1.41 (their development branch), which the runtime emits only when
# asked (`OTEL_SEMCONV_STABILITY_OPT_IN=gen_ai_latest_experimental`, the switch
# the conventions prescribe); the PyPI registry has not released them yet.
NEWER_GENAI_METRICS = {
    "gen_ai.client.inference.duration", "gen_ai.client.inference.time_to_first_chunk",
    "gen_ai.client.inference.time_per_output_chunk", "gen_ai.client.inference.usage.input_tokens",
    "gen_ai.client.inference.usage.output_tokens", "gen_ai.client.inference.usage.cache_read.input_tokens",
    "gen_ai.client.inference.usage.cache_write.input_tokens", "gen_ai.client.inference.usage.reasoning.output_tokens",
}

_lock = threading.Lock()
# name -> where it was first seen ("span 'GET /hello/{name}'", "metric 'gen_ai.client.token.usage'")
emitted_attributes = {}
emitted_metrics = {}


def note_span(resource, name, attributes):
    if resource.get("telemetry.sdk.language") != "swift":
        return
    with _lock:
        for key in list(attributes) + list(resource):
            emitted_attributes.setdefault(key, f"span {name!r}")


def note_metric(resource, name, point_attributes):
    if resource.get("telemetry.sdk.language") != "swift":
        return
    with _lock:
        emitted_metrics.setdefault(name, "metrics export")
        for key in point_attributes:
            emitted_attributes.setdefault(key, f"metric {name!r}")


def _constants(package_name):
    package = importlib.import_module(package_name)
    values, templates = set(), set()
    for module in pkgutil.iter_modules(package.__path__):
        for constant, value in vars(importlib.import_module(f"{package_name}.{module.name}")).items():
            if constant.isupper() and isinstance(value, str):
                (templates if constant.endswith("_TEMPLATE") else values).add(value)
    return values, templates


def registry():
    """(attribute names, attribute templates such as `http.request.header`, metric names) of the conventions."""
    attributes, templates, metrics = set(), set(), set()
    for package in ["opentelemetry.semconv.attributes", "opentelemetry.semconv._incubating.attributes"]:
        values, found = _constants(package)
        attributes |= values
        templates |= found
    for package in ["opentelemetry.semconv.metrics", "opentelemetry.semconv._incubating.metrics"]:
        metrics |= _constants(package)[0]
    return attributes, templates, metrics


def unknown(emitted, names, templates=()):
    return {key: where for key, where in emitted.items()
            if key not in names and key not in APP_OWN and not key.startswith(OWN_PREFIX)
            and not any(key.startswith(t + ".") for t in templates)}
