"""Runs last (file order): every attribute and metric name the instrumented Swift programs exported during this
session — built-in packs, the runtime's own, resource attributes — is in the OpenTelemetry semantic conventions
(PyPI's opentelemetry-semantic-conventions registry) or under the runtime's documented `instswift.` prefix."""

import pytest

import semantic_conventions as conventions


def test_every_exported_name_is_in_the_semantic_conventions():
    if not conventions.emitted_attributes:
        # Only spans whose resource says `telemetry.sdk.language=swift` are noted: without it this test checked nothing.
        pytest.skip("no suite of this session exported anything from Swift")
    attributes, templates, metrics = conventions.registry()
    assert len(attributes) > 500 and "db.query.summary" in attributes and "gen_ai.client.token.usage" in metrics
    assert conventions.unknown(conventions.emitted_attributes, attributes, templates) == {}
    assert conventions.unknown(conventions.emitted_metrics, metrics | conventions.NEWER_GENAI_METRICS) == {}
