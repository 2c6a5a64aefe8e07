"""The GenAI pack against real AsyncHTTPClient calls: the example service's LLM agent and single model calls of every
shape (OpenAI-compatible, Anthropic and Ollama's native API, streamed and not, with and without usage, failing), made
to the repository's deterministic fake model server (scripts/fake_llm.py) with set time-to-first-chunk and per-chunk
delays, exported over OTLP and decoded with the official classes."""

import sys
import urllib.error
import urllib.request

import pytest

from conftest import ROOT
from otlp_receiver import Receiver
from test_example_service import start_service, stop

sys.path.insert(0, str(ROOT / "scripts"))
import fake_llm  # noqa: E402

TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
CALLER_SPAN = "00f067aa0ba902b7"
QUESTION = "How many greetings are there in the database?"
TTFT, TPOT = 0.2, 0.03

# Every gen_ai.* attribute of the OpenTelemetry GenAI conventions v1.41 (model/gen-ai/registry.yaml): nothing else
# may be emitted under that prefix.
GEN_AI_V1_41 = set("""
gen_ai.provider.name gen_ai.request.model gen_ai.request.max_tokens gen_ai.request.choice.count gen_ai.request.temperature
gen_ai.request.top_p gen_ai.request.top_k gen_ai.request.stop_sequences gen_ai.request.frequency_penalty
gen_ai.request.presence_penalty gen_ai.request.encoding_formats gen_ai.request.seed gen_ai.request.stream gen_ai.response.id
gen_ai.response.model gen_ai.response.finish_reasons gen_ai.response.time_to_first_chunk gen_ai.usage.input_tokens
gen_ai.usage.cache_read.input_tokens gen_ai.usage.cache_creation.input_tokens gen_ai.usage.output_tokens
gen_ai.usage.reasoning.output_tokens gen_ai.token.type gen_ai.conversation.id gen_ai.agent.id gen_ai.agent.name
gen_ai.agent.description gen_ai.agent.version gen_ai.tool.name gen_ai.tool.call.id gen_ai.tool.description gen_ai.tool.type
gen_ai.tool.call.arguments gen_ai.tool.call.result gen_ai.tool.definitions gen_ai.data_source.id gen_ai.operation.name
gen_ai.output.type gen_ai.embeddings.dimension.count gen_ai.retrieval.documents gen_ai.retrieval.query.text
gen_ai.system_instructions gen_ai.input.messages gen_ai.output.messages gen_ai.evaluation.name gen_ai.evaluation.score.value
gen_ai.evaluation.score.label gen_ai.evaluation.explanation gen_ai.prompt.name gen_ai.workflow.name
""".split())
# instswift's own keys (the conventions have no cost attribute).
INSTSWIFT_GEN_AI = {"instswift.gen_ai.cost.usd", "instswift.gen_ai.time_per_output_chunk.mean", "instswift.gen_ai.usage.missing"}
# gpt-4o-mini list prices per million tokens (input, output), as in the runtime's table.
GPT_4O_MINI = (0.15, 0.60)


@pytest.fixture
def model():
    server = fake_llm.FakeModel(ttft=TTFT, tpot=TPOT).start()
    yield server
    server.close()


def post(port, path, body=b"", headers=None):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body, headers=headers or {}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def run(example, model, requests, **env):
    """Starts the service against the fake model, makes `requests` [(path, body, headers)], stops it; returns the
    responses, the receiver (spans and raw bodies) and the service's output."""
    with Receiver() as receiver:
        process, port = start_service(example["bin"], dict({
            "OTEL_EXPORTER_OTLP_ENDPOINT": receiver.endpoint, "OTEL_SERVICE_NAME": "agent-service",
            "LLM_URL": model.url + "/v1", "OPENAI_API_KEY": "sk-test-4f9a0c-do-not-export",
        }, **env))
        responses = [post(port, path, body, headers) for path, body, headers in requests]
        code, _, output = stop(process)
        receiver.wait_for(1)
    assert code == 0, output
    return responses, receiver, output


def model_spans(spans):
    return sorted((s for s in spans if s.attributes.get("gen_ai.operation.name") == "chat"), key=lambda s: s.start)


def test_agent_turn_is_one_trace_from_the_request_to_the_model_calls_and_sql(example, model):
    traceparent = {"traceparent": f"00-{TRACE_ID}-{CALLER_SPAN}-01", "baggage": "tenant=acme,gen_ai.conversation.id=conv%2042"}
    [(status, answer)], receiver, output = run(example, model, [("/chat", QUESTION.encode(), traceparent)])
    assert status == 200 and answer.startswith("The database says"), (answer, output)
    spans = [s for s in receiver.wait_for(9) if s.trace_id == TRACE_ID]
    by_id = {s.span_id: s for s in spans}
    children = lambda span: sorted((s for s in spans if s.parent_span_id == span.span_id), key=lambda s: s.start)

    server = next(s for s in spans if s.name == "POST /chat")
    assert server.kind == "server" and server.parent_span_id == CALLER_SPAN
    [agent] = children(server)
    assert agent.name == "invoke_agent example-agent" and agent.attributes["gen_ai.agent.name"] == "example-agent"
    assert agent.attributes["gen_ai.operation.name"] == "invoke_agent"
    assert agent.attributes["gen_ai.conversation.id"] == "conv 42"
    first, tool, second = children(agent)
    assert [first.name, tool.name, second.name] == ["chat gpt-4o-mini", "execute_tool run_sql", "chat gpt-4o-mini"]
    assert tool.attributes["gen_ai.tool.name"] == "run_sql"
    assert [s.name for s in children(tool)] == ["SELECT greetings"]

    # What the model server received, in order: the tool-calling turn, then the answer with the tool result.
    bodies = [body for path, _, body in model.requests]
    headers = [h for _, h, _ in model.requests]
    assert len(bodies) == 2
    for span, body, request_headers, finish, output_tokens in [
        (first, bodies[0], headers[0], ["tool_calls"], 1),
        (second, bodies[1], headers[1], ["stop"], 4),
    ]:
        a = span.attributes
        assert span.kind == "client"
        assert a["gen_ai.operation.name"] == "chat" and a["gen_ai.provider.name"] == "openai"
        assert a["gen_ai.request.model"] == "gpt-4o-mini"
        assert a["gen_ai.response.model"] == "gpt-4o-mini-2024-07-18"
        assert a["gen_ai.response.id"] == "chatcmpl-fake-1"
        assert a["gen_ai.request.stream"] is True
        assert a["gen_ai.response.finish_reasons"] == finish
        # Tokens are what the server reported in its final usage chunk.
        assert a["gen_ai.usage.input_tokens"] == fake_llm.input_tokens(body)
        assert a["gen_ai.usage.output_tokens"] == output_tokens
        assert a["server.address"] == "127.0.0.1" and a["server.port"] == model.server_address[1]
        assert abs(a["gen_ai.response.time_to_first_chunk"] - TTFT) < 0.02, a
        assert abs(a["instswift.gen_ai.time_per_output_chunk.mean"] - TPOT) < 0.005, a
        cost = (fake_llm.input_tokens(body) * GPT_4O_MINI[0] + output_tokens * GPT_4O_MINI[1]) / 1e6
        assert a["instswift.gen_ai.cost.usd"] == pytest.approx(cost)
        # The span lasts until the stream ended, not until the response head: TTFT plus every chunk.
        assert (span.end - span.start) / 1e9 >= TTFT + TPOT * output_tokens
        # AsyncHTTPClient's own HTTP span is the only child, and its context is what the model server received.
        [http] = children(span)
        assert http.name == "POST" and http.kind == "client"
        # Its attributes follow the HTTP conventions' stable names (the pack sets AsyncHTTPClient's defaults).
        assert http.attributes["http.response.status_code"] == 200 and "http.status_code" not in http.attributes, http.attributes
        assert request_headers.get("traceparent", "").split("-")[1:3] == [TRACE_ID, http.span_id]
    # The agent's span carries the tokens of the model calls beneath it: which turn spent them is one query.
    assert agent.attributes["gen_ai.usage.input_tokens"] == sum(fake_llm.input_tokens(b) for b in bodies)
    assert agent.attributes["gen_ai.usage.output_tokens"] == 1 + 4
    assert agent.attributes["instswift.gen_ai.cost.usd"] == pytest.approx(
        first.attributes["instswift.gen_ai.cost.usd"] + second.attributes["instswift.gen_ai.cost.usd"])
    assert first.attributes["gen_ai.conversation.id"] == "conv 42"
    assert all(s.resource["service.name"] == "agent-service" for s in spans)
    assert by_id  # every span above belongs to the caller's trace


def test_an_agent_tool_called_over_mcp_is_one_trace_across_processes(example, model):
    """The agent's SQL tool served by another process over MCP (MCPToolServer, stdio): one trace from the HTTP request
    through the agent, its tool span, the MCP client and server spans, down to the server process's SQL."""
    traceparent = {"traceparent": f"00-{TRACE_ID}-{CALLER_SPAN}-01"}
    server = f"OTEL_SERVICE_NAME=sql-tools {example['bin'] / 'MCPToolServer'}"
    [(status, answer)], receiver, output = run(example, model, [("/chat", QUESTION.encode(), traceparent)], AGENT_MCP_SERVER=server)
    assert status == 200 and answer.startswith("The database says"), (answer, output)
    spans = [s for s in receiver.wait_for(12) if s.trace_id == TRACE_ID]
    children = lambda span: sorted((s for s in spans if s.parent_span_id == span.span_id), key=lambda s: s.start)
    [agent] = [s for s in spans if s.name == "invoke_agent example-agent"]
    first, tool, second = children(agent)
    assert [first.name, tool.name, second.name] == ["chat gpt-4o-mini", "execute_tool run_sql", "chat gpt-4o-mini"]
    [client] = [s for s in children(tool) if s.name == "tools/call run_sql"]
    assert client.kind == "client" and client.resource["service.name"] == "agent-service"
    [served] = children(client)
    assert served.name == "tools/call run_sql" and served.kind == "server"
    assert served.resource["service.name"] == "sql-tools" and served.attributes["gen_ai.tool.name"] == "run_sql"
    sql = [s for s in children(served) if s.name == "SELECT greetings"]
    assert len(sql) == 1 and sql[0].attributes["db.system.name"] == "sqlite", children(served)


def test_no_prompt_completion_or_key_is_exported(example, model):
    _, receiver, _ = run(example, model, [("/chat", QUESTION.encode(), {})])
    assert receiver.wait_for(9)
    exported = b"".join(receiver.raw_bodies)
    # (The SQL the tool runs is database telemetry — db.query.text, literal values redacted — not model content.)
    for secret in [QUESTION.encode(), b"Answer with data", b"The database says", b"sk-test-4f9a0c", b"Bearer"]:
        assert secret not in exported, secret


def test_every_emitted_gen_ai_name_is_in_the_conventions(example, model):
    requests = [("/chat", QUESTION.encode(), {})] + [
        (f"/model-call?api={api}&stream={stream}", b"", {}) for api in ["openai", "anthropic"] for stream in ["true", "false"]
    ]
    _, receiver, _ = run(example, model, requests)
    spans = receiver.wait_for(16)
    keys = {k for s in spans for k in s.attributes}
    assert {k for k in keys if k.startswith("gen_ai.")} <= GEN_AI_V1_41
    assert {k for k in keys if k.startswith("instswift.")} <= INSTSWIFT_GEN_AI
    # The deprecated and invented spellings the Go tools emit never appear.
    assert not keys & {"gen_ai.system", "gen_ai.usage.prompt_tokens", "gen_ai.usage.completion_tokens",
                       "gen_ai.usage.total_tokens", "gen_ai.response.time_to_first_token", "gen_ai.request.is_stream"}


@pytest.mark.parametrize("api, stream, usage, expected", [
    ("openai", "true", "true", {"gen_ai.provider.name": "openai", "gen_ai.response.finish_reasons": ["stop"],
                                "gen_ai.usage.output_tokens": 5}),
    ("openai", "false", "true", {"gen_ai.provider.name": "openai", "gen_ai.response.finish_reasons": ["stop"],
                                 "gen_ai.usage.output_tokens": 5}),
    # A stream that did not ask for usage says so instead of reporting nothing silently.
    ("openai", "true", "false", {"instswift.gen_ai.usage.missing": "not_requested"}),
    ("anthropic", "true", "true", {"gen_ai.provider.name": "anthropic", "gen_ai.response.id": "msg_fake_1",
                                   "gen_ai.response.finish_reasons": ["end_turn"], "gen_ai.usage.output_tokens": 5,
                                   "gen_ai.usage.cache_read.input_tokens": 0}),
    ("anthropic", "false", "true", {"gen_ai.provider.name": "anthropic", "gen_ai.response.finish_reasons": ["end_turn"],
                                    "gen_ai.usage.output_tokens": 5}),
    # Ollama's native /api/chat: JSON lines, usage in the last line, sampling parameters under "options".
    ("ollama", "true", "true", {"gen_ai.provider.name": "ollama", "gen_ai.response.finish_reasons": ["stop"],
                                "gen_ai.usage.output_tokens": 5}),
    ("ollama", "false", "true", {"gen_ai.provider.name": "ollama", "gen_ai.response.finish_reasons": ["stop"],
                                 "gen_ai.usage.output_tokens": 5}),
])
def test_each_api_and_response_shape(example, model, api, stream, usage, expected):
    [(status, body)], receiver, output = run(example, model, [(f"/model-call?api={api}&stream={stream}&usage={usage}", b"", {})])
    assert status == 200 and body.startswith("200 "), (body, output)
    [span] = model_spans(receiver.wait_for(3))
    a = span.attributes
    assert span.name == "chat gpt-4o-mini" and span.status_code != 2
    assert a["gen_ai.request.max_tokens"] == 64 and a["gen_ai.request.temperature"] == 0.5
    assert a["gen_ai.response.model"] == "gpt-4o-mini-2024-07-18"
    if usage == "true":
        assert a["gen_ai.usage.input_tokens"] == fake_llm.input_tokens(model.requests[0][2])
    for key, value in expected.items():
        assert a.get(key) == value, (key, a)
    if stream == "true":
        assert abs(a["gen_ai.response.time_to_first_chunk"] - TTFT) < 0.02, a
    else:
        assert "gen_ai.response.time_to_first_chunk" not in a and "gen_ai.request.stream" not in a
    if usage == "false":
        assert "gen_ai.usage.output_tokens" not in a and "instswift.gen_ai.cost.usd" not in a
        assert "stream_options" in output and output.count("did not ask for token usage") == 1


@pytest.mark.parametrize("stream", ["true", "false"])
def test_the_event_loop_future_api_is_observed_too(example, model, stream):
    """`HTTPClient.execute(request:)` (and Vapor's Client, which uses it): one GenAI span in the caller's trace, named
    after the model read from the request body as it is sent, with the response's usage and timing, the parent of the
    request's one HTTP span (the async-http-client pack's; AsyncHTTPClient's own for this API is left out)."""
    [(status, body)], receiver, output = run(example, model, [(f"/model-call?api=openai&stream={stream}&client=future", b"", {})])
    assert status == 200 and body.startswith("200 "), (body, output)
    spans = receiver.wait_for(3)
    [span] = model_spans(spans)
    a = span.attributes
    assert span.name == "chat gpt-4o-mini" and span.status_code != 2, (span.name, a)
    assert a["gen_ai.request.max_tokens"] == 64 and a["gen_ai.request.temperature"] == 0.5
    assert a["gen_ai.response.model"] == "gpt-4o-mini-2024-07-18" and a["gen_ai.response.finish_reasons"] == ["stop"]
    assert a["gen_ai.usage.input_tokens"] == fake_llm.input_tokens(model.requests[0][2]) and a["gen_ai.usage.output_tokens"] == 5
    [server] = [s for s in spans if s.span_id == span.parent_span_id]
    assert server.kind == "server" and server.trace_id == span.trace_id, server
    http_spans = [s for s in spans if s.kind == "client" and "http.request.method" in s.attributes]
    assert len(http_spans) == 1, http_spans
    [http] = http_spans
    assert http.name == "POST" and http.parent_span_id == span.span_id and http.trace_id == span.trace_id, http
    assert http.attributes["http.response.status_code"] == 200 and http.attributes["server.address"] == "127.0.0.1"
    # The model server received the HTTP span's context.
    headers = {name.lower(): value for name, value in model.requests[0][1].items()}
    assert headers.get("traceparent", "").split("-")[1:3] == [span.trace_id, http.span_id], headers
    if stream == "true":
        assert abs(a["gen_ai.response.time_to_first_chunk"] - TTFT) < 0.02, a


def test_a_future_api_request_failed_before_any_callback_ends_its_spans(example, model):
    """A request made on a client already shut down fails before any delegate callback: the GenAI span and the
    async-http-client pack's span still end, with the error."""
    [(status, body)], receiver, output = run(example, model, [("/model-call?api=openai&stream=false&client=future-closed", b"", {})])
    assert status == 200 and body.startswith("failed: "), (body, output)
    spans = receiver.wait_for(3)
    [chat] = [s for s in spans if s.attributes.get("gen_ai.operation.name") == "chat"]
    [http] = [s for s in spans if s.kind == "client" and "http.request.method" in s.attributes]
    assert chat.status_code == 2 and chat.attributes.get("error.type"), chat
    assert http.status_code == 2 and http.parent_span_id == chat.span_id, http
    assert not model.requests


@pytest.mark.parametrize("model_name, error_type", [("fail-429", "rate_limit_exceeded"), ("fail-500", "server_error")])
def test_model_errors_mark_the_span(example, model, model_name, error_type):
    [(status, body)], receiver, _ = run(example, model, [("/model-call?api=openai&stream=true", b"", {})], LLM_MODEL=model_name)
    assert body.startswith(model_name[5:]), body
    spans = receiver.wait_for(3)
    [span] = [s for s in spans if s.attributes.get("gen_ai.operation.name") == "chat"]
    assert span.name == f"chat {model_name}"
    assert span.status_code == 2 and span.attributes["error.type"] == error_type
    # AsyncHTTPClient's own span beneath it: an error, with the status code as `error.type` (the HTTP conventions).
    [http] = [s for s in spans if s.parent_span_id == span.span_id]
    status = int(model_name[5:])
    assert http.status_code == 2 and http.attributes["http.response.status_code"] == status, http.attributes
    assert http.attributes["error.type"] == str(status), http.attributes


def test_prices_from_the_projects_instswift_yml_and_the_environment(example, model):
    """The example's .instswift.yml prices `team-model` (2 / 8 dollars per million tokens); INSTSWIFT_GENAI_PRICES wins."""
    for environment, (input_price, output_price) in [({}, (2, 8)), ({"INSTSWIFT_GENAI_PRICES": "team-model=3/9"}, (3, 9))]:
        model.requests.clear()
        [(status, body)], receiver, _ = run(example, model, [("/model-call?api=openai&stream=true", b"", {})],
                                            LLM_MODEL="team-model", **environment)
        assert status == 200, body
        [span] = [s for s in receiver.wait_for(3) if s.attributes.get("gen_ai.operation.name") == "chat"]
        a = span.attributes
        cost = (a["gen_ai.usage.input_tokens"] * input_price + a["gen_ai.usage.output_tokens"] * output_price) / 1e6
        assert a["gen_ai.request.model"] == "team-model" and a["instswift.gen_ai.cost.usd"] == pytest.approx(cost), a


def test_a_stream_cut_midway_ends_the_span_with_an_error(example, model):
    [(status, _)], receiver, output = run(example, model, [("/model-call?api=openai&stream=true", b"", {})], LLM_MODEL="cut-stream")
    assert status >= 400, output
    [span] = [s for s in receiver.wait_for(3) if s.attributes.get("gen_ai.operation.name") == "chat"]
    assert span.status_code == 2 and span.attributes["error.type"], span
    assert "gen_ai.usage.output_tokens" not in span.attributes


def test_requests_to_other_urls_are_not_observed(example, model):
    # The /hello route's outbound call goes to a URL that is no model API: no GenAI span, no wrapped body.
    _, receiver, _ = run(example, model, [], DOWNSTREAM_URL=model.url + "/fortune")
    assert not [s for s in receiver.wait_for(1, timeout=2) if "gen_ai.operation.name" in s.attributes]


DURATION_BUCKETS = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92]
TOKEN_BUCKETS = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864]


def latest_points(receiver, name):
    """The last (cumulative) data point of each attribute set of metric `name`, with the metric's unit."""
    with receiver.lock:
        metrics = [m for _, m in receiver.metrics if m.name == name]
    points = {}
    for metric in metrics:
        for point in metric.histogram.data_points:
            attributes = tuple(sorted((a.key, str(a.value)) for a in point.attributes))
            if attributes not in points or point.time_unix_nano >= points[attributes][1].time_unix_nano:
                points[attributes] = ({a.key: a.value.string_value for a in point.attributes}, point, metric.unit)
    return list(points.values())


def test_client_metrics_have_the_conventions_names_units_buckets_and_values(example, model):
    _, receiver, _ = run(example, model, [("/chat", QUESTION.encode(), {})], OTEL_METRIC_EXPORT_INTERVAL="300")
    bodies = [body for _, _, body in model.requests]
    with receiver.lock:
        names = {m.name for _, m in receiver.metrics}
    assert {n for n in names if n.startswith("gen_ai.")} == {
        "gen_ai.client.operation.duration", "gen_ai.client.operation.time_to_first_chunk",
        "gen_ai.client.operation.time_per_output_chunk", "gen_ai.client.token.usage"}, names

    [(attributes, duration, unit)] = latest_points(receiver, "gen_ai.client.operation.duration")
    assert unit == "s" and list(duration.explicit_bounds) == DURATION_BUCKETS and duration.count == 2
    assert attributes["gen_ai.operation.name"] == "chat" and attributes["gen_ai.provider.name"] == "openai"
    assert attributes["gen_ai.request.model"] == "gpt-4o-mini" and attributes["gen_ai.response.model"] == "gpt-4o-mini-2024-07-18"
    assert attributes["server.address"] == "127.0.0.1" and "error.type" not in attributes

    [(_, ttft, unit)] = latest_points(receiver, "gen_ai.client.operation.time_to_first_chunk")
    assert unit == "s" and list(ttft.explicit_bounds) == DURATION_BUCKETS
    assert ttft.count == 2 and abs(ttft.sum / ttft.count - TTFT) < 0.02
    [(_, tpot, _)] = latest_points(receiver, "gen_ai.client.operation.time_per_output_chunk")
    # One interval per chunk after the first: the tool-call turn streams 3 chunks, the answer 6.
    assert tpot.count == 2 + 5 and abs(tpot.sum / tpot.count - TPOT) < 0.005

    tokens = {a["gen_ai.token.type"]: (p, u) for a, p, u in latest_points(receiver, "gen_ai.client.token.usage")}
    assert set(tokens) == {"input", "output"} and all(u == "{token}" for _, u in tokens.values())
    assert list(tokens["input"][0].explicit_bounds) == TOKEN_BUCKETS
    assert tokens["input"][0].sum == sum(fake_llm.input_tokens(b) for b in bodies) and tokens["input"][0].count == 2
    assert tokens["output"][0].sum == 1 + 4


def test_latest_experimental_metric_names_on_opt_in(example, model):
    _, receiver, _ = run(example, model, [("/chat", QUESTION.encode(), {})], OTEL_METRIC_EXPORT_INTERVAL="300",
                         OTEL_SEMCONV_STABILITY_OPT_IN="http,gen_ai_latest_experimental")
    with receiver.lock:
        metrics = {m.name: m for _, m in receiver.metrics}
    assert {n for n in metrics if n.startswith("gen_ai.")} == {
        "gen_ai.client.inference.duration", "gen_ai.client.inference.time_to_first_chunk",
        "gen_ai.client.inference.time_per_output_chunk", "gen_ai.client.inference.usage.input_tokens",
        "gen_ai.client.inference.usage.output_tokens", "gen_ai.client.inference.usage.cache_read.input_tokens"}, metrics
    output = metrics["gen_ai.client.inference.usage.output_tokens"]
    assert output.unit == "{token}" and output.sum.data_points[-1].as_int == 1 + 4


def test_content_is_captured_redacted_and_cut_only_on_opt_in(example, model):
    import json
    question = "How many greetings? My key is sk-test-abcdefghijklmnop123 and my token Bearer abc.def-ghi"
    _, receiver, _ = run(example, model, [("/chat", question.encode(), {})],
                         OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT="true", INSTSWIFT_GENAI_REDACT="database;;[0-9]+ greetings")
    first, second = model_spans(receiver.wait_for(9))
    inputs = json.loads(first.attributes["gen_ai.input.messages"])
    assert [m["role"] for m in inputs] == ["system", "user"]
    user = inputs[1]["parts"][0]
    assert user["type"] == "text" and user["content"].startswith("How many greetings? My key is [REDACTED]")
    assert "sk-test" not in first.attributes["gen_ai.input.messages"] and "abc.def" not in first.attributes["gen_ai.input.messages"]
    # A pattern of the user's own (INSTSWIFT_GENAI_REDACT) applies too.
    assert "database" not in first.attributes["gen_ai.input.messages"]
    tool_turn = json.loads(first.attributes["gen_ai.output.messages"])
    assert tool_turn == [{"role": "assistant", "finish_reason": "tool_calls", "parts": [{"type": "tool_call", "name": "run_sql"}]}]
    answer = json.loads(second.attributes["gen_ai.output.messages"])
    assert answer[0]["parts"][0]["content"].startswith("The [REDACTED] says"), answer
    # The tool's result went into the second request as a tool message.
    assert json.loads(second.attributes["gen_ai.input.messages"])[-1]["role"] == "tool"


def test_no_content_attribute_without_opt_in(example, model):
    _, receiver, _ = run(example, model, [("/chat", QUESTION.encode(), {})])
    assert not [s for s in receiver.wait_for(9) if "gen_ai.input.messages" in s.attributes or "gen_ai.output.messages" in s.attributes]
