#!/usr/bin/env bash
# The README's first command: build instswift, instrument and run the bundled example service, send it a request and
# ask its LLM agent a question (against the repository's fake model server: no model or key needed), and print the
# traces it recorded — no collector needed (spans go to a local file, `instswift traces` prints them).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
prerequisites demo

example=Fixtures/packages/example-service
echo "== building instswift (release; the first time ~5 min on 2 cores: swift-syntax is compiled with optimisations)"
swift build -c release --product instswift
instswift=$PWD/.build/release/instswift

echo "== building the example service with instrumentation: instswift swift build (the first time ~4 min: Hummingbird, swift-otel)"
"$instswift" swift build --package-path "$example" --product ExampleService

bin=$(swift build --package-path "$example" --scratch-path "$example/.build/instswift" --show-bin-path)
trace_file=$PWD/$example/.build/instswift/demo-traces.jsonl
rm -f "$trace_file"
port=${PORT:-8080}

model_port=${MODEL_PORT:-8081}
echo "== starting the fake model server (scripts/fake_llm.py: OpenAI-compatible, 200 ms to the first chunk, 30 ms per chunk)"
python3 scripts/fake_llm.py --port "$model_port" --ttft 0.2 --tpot 0.03 >/dev/null &
model=$!

echo "== running the service; GET /hello/world, then POST /chat (an agent: model call with a SQL tool, the tool, model call)"
env -u OTEL_EXPORTER_OTLP_ENDPOINT OTEL_SERVICE_NAME=example-service INSTSWIFT_TRACE_FILE="$trace_file" PORT="$port" DOWNSTREAM_URL="http://127.0.0.1:$port/fortune" \
    LLM_URL="http://127.0.0.1:$model_port/v1" "$bin/ExampleService" &
service=$!
trap 'kill $service $model 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$port/hello/world" -H 'traceparent: 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' && break
    sleep 0.2
done
curl -sf -X POST "http://127.0.0.1:$port/chat" -d 'How many greetings are in the database?' \
    -H 'baggage: gen_ai.conversation.id=demo-conversation'
kill -TERM $service; wait $service || true
kill $model 2>/dev/null || true
trap - EXIT

echo
echo "== the traces (instswift traces $trace_file)"
"$instswift" traces "$trace_file"
