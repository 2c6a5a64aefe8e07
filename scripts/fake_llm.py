#!/usr/bin/env python3
"""A deterministic fake of OpenAI-compatible and Anthropic model APIs, for the demo and the tests (no model runs here).

POST /v1/chat/completions (OpenAI), POST /v1/messages (Anthropic), streamed (Server-Sent Events) or not, and POST
/api/chat (Ollama's native API, streamed as JSON lines unless `"stream": false`). A streamed
response waits `ttft` seconds before its first chunk and `tpot` seconds between chunks; a usage chunk ends an OpenAI
stream when the request asked for it (`stream_options.include_usage`). With a tool list and no tool result yet, the
model calls the first tool (`{"query": "SELECT COUNT(*) AS n FROM greetings"}`); after a tool result it answers with
words built from that result. Token counts are deterministic: input = characters of the messages / 4, output = the
number of content chunks. Models named `fail-429` / `fail-500` answer with that error; `cut-stream` closes the
connection in the middle of its stream. With `words`, an answer without tools is that many words (the GenAI benchmark's
long streams); `/bench/stream` answers as `/chat/completions` does at a path no GenAI instrumentation recognises.

Usage: fake_llm.py [--port N] [--ttft S] [--tpot S] [--words N]  (prints "listening on http://127.0.0.1:N")
"""

import argparse
import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

RESPONSE_MODELS = {"gpt-4o-mini": "gpt-4o-mini-2024-07-18", "claude-sonnet-4": "claude-sonnet-4-20250514"}


def input_tokens(body):
    return max(1, len(json.dumps(body.get("messages", []))) // 4)


def answer_words(body, count=None):
    """The words of the model's answer: built from the last tool result when there is one; `count` words if given."""
    messages = body.get("messages", [])
    tool_results = [m for m in messages if m.get("role") == "tool"]
    if tool_results:
        return ["The", "database", "says", str(tool_results[-1].get("content", "")).strip() + "."]
    if count:
        return [f"word{number}" for number in range(count)]
    return ["Hello", "from", "the", "fake", "model."]


def wants_tool(body):
    return bool(body.get("tools")) and not any(m.get("role") == "tool" for m in body.get("messages", []))


class FakeModel(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port=0, ttft=0.05, tpot=0.01, words=None):
        super().__init__(("127.0.0.1", port), Handler)
        self.ttft, self.tpot, self.words = ttft, tpot, words
        self.requests = []  # (path, headers dict, body dict)
        self.lock = threading.Lock()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}"

    def start(self):
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def close(self):
        self.shutdown()
        self.server_close()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else self.read_chunked()
        body = json.loads(raw or b"{}")
        with self.server.lock:
            self.server.requests.append((self.path, dict(self.headers), body))
        model = body.get("model", "")
        if model.startswith("fail-"):
            return self.fail(int(model[5:]))
        if self.path.endswith("/chat/completions") or self.path.endswith("/bench/stream"):
            return self.openai(body)
        if self.path.endswith("/v1/messages"):
            return self.anthropic(body)
        if self.path.endswith("/api/chat"):
            return self.ollama(body)
        self.send_json(404, {"error": {"message": "no such endpoint", "type": "not_found"}})

    def read_chunked(self):
        data = b""
        while True:
            size = int(self.rfile.readline().strip() or b"0", 16)
            if size == 0:
                self.rfile.readline()
                return data
            data += self.rfile.read(size)
            self.rfile.readline()

    # --- responses -------------------------------------------------------------------------------------------------

    def fail(self, status):
        kinds = {429: ("rate_limit_exceeded", "Rate limit reached"), 500: ("server_error", "The server had an error")}
        code, message = kinds.get(status, ("error", "error"))
        self.send_json(status, {"error": {"message": message, "type": "requests", "code": code}})

    def send_json(self, status, payload):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def start_stream(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()

    def event(self, payload, name=None):
        self.chunk((f"event: {name}\n" if name else "") + "data: " + (payload if isinstance(payload, str) else json.dumps(payload)) + "\n\n")

    def end_stream(self):
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def cut(self):
        self.wfile.flush()
        self.connection.shutdown(socket.SHUT_RDWR)
        self.close_connection = True

    def openai(self, body):
        model = body.get("model", "")
        response_model = RESPONSE_MODELS.get(model, model)
        words = answer_words(body, self.server.words)
        tool = wants_tool(body)
        tool_call = None
        if tool:
            name = body["tools"][0]["function"]["name"]
            tool_call = {"id": "call_1", "type": "function",
                         "function": {"name": name, "arguments": json.dumps({"query": "SELECT COUNT(*) AS n FROM greetings"})}}
        usage = {"prompt_tokens": input_tokens(body), "completion_tokens": 1 if tool else len(words),
                 "total_tokens": 0, "prompt_tokens_details": {"cached_tokens": 0}}
        usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
        finish = "tool_calls" if tool else "stop"
        base = {"id": "chatcmpl-fake-1", "object": "chat.completion.chunk", "created": 0, "model": response_model}
        if not body.get("stream"):
            message = {"role": "assistant", "content": None if tool else " ".join(words)}
            if tool_call:
                message["tool_calls"] = [tool_call]
            return self.send_json(200, dict(base, object="chat.completion",
                                            choices=[{"index": 0, "message": message, "finish_reason": finish}], usage=usage))
        self.start_stream()
        time.sleep(self.server.ttft)
        self.event(dict(base, choices=[{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}]))
        deltas = [{"tool_calls": [dict(tool_call, index=0)]}] if tool else [{"content": w + " "} for w in words]
        for number, delta in enumerate(deltas):
            time.sleep(self.server.tpot)
            if model == "cut-stream" and number == 2:
                return self.cut()
            self.event(dict(base, choices=[{"index": 0, "delta": delta, "finish_reason": None}]))
        time.sleep(self.server.tpot)
        self.event(dict(base, choices=[{"index": 0, "delta": {}, "finish_reason": finish}]))
        if (body.get("stream_options") or {}).get("include_usage"):
            self.event(dict(base, choices=[], usage=usage))
        self.event("[DONE]")
        self.end_stream()

    def anthropic(self, body):
        model = body.get("model", "")
        response_model = RESPONSE_MODELS.get(model, model)
        words = answer_words(body)
        usage_in = {"input_tokens": input_tokens(body), "cache_read_input_tokens": 0, "cache_creation_input_tokens": 0}
        if not body.get("stream"):
            return self.send_json(200, {"id": "msg_fake_1", "type": "message", "role": "assistant", "model": response_model,
                                        "content": [{"type": "text", "text": " ".join(words)}], "stop_reason": "end_turn",
                                        "usage": dict(usage_in, output_tokens=len(words))})
        self.start_stream()
        time.sleep(self.server.ttft)
        self.event({"type": "message_start", "message": {"id": "msg_fake_1", "type": "message", "role": "assistant",
                                                         "model": response_model, "content": [], "usage": dict(usage_in, output_tokens=1)}},
                   "message_start")
        self.event({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}, "content_block_start")
        for number, word in enumerate(words):
            if number:
                time.sleep(self.server.tpot)
            if model == "cut-stream" and number == 2:
                return self.cut()
            self.event({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": word + " "}},
                       "content_block_delta")
        self.event({"type": "content_block_stop", "index": 0}, "content_block_stop")
        self.event({"type": "message_delta", "delta": {"stop_reason": "end_turn"}, "usage": {"output_tokens": len(words)}},
                   "message_delta")
        self.event({"type": "message_stop"}, "message_stop")
        self.end_stream()

    def ollama(self, body):
        model = body.get("model", "")
        response_model = RESPONSE_MODELS.get(model, model)
        words = answer_words(body)

        def line(content, done):
            chunk = {"model": response_model, "created_at": "2026-01-01T00:00:00Z",
                     "message": {"role": "assistant", "content": content}, "done": done}
            if done:
                chunk.update(done_reason="stop", prompt_eval_count=input_tokens(body), eval_count=len(words),
                             total_duration=0, eval_duration=0)
            return chunk

        if body.get("stream") is False:
            return self.send_json(200, line(" ".join(words), True))
        self.send_response(200)
        self.send_header("Content-Type", "application/x-ndjson")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        time.sleep(self.server.ttft)
        for number, word in enumerate(words):
            if number:
                time.sleep(self.server.tpot)
            if model == "cut-stream" and number == 2:
                return self.cut()
            self.chunk(json.dumps(line(word + " ", False)) + "\n")
        self.chunk(json.dumps(line("", True)) + "\n")
        self.end_stream()

    def chunk(self, text):
        data = text.encode()
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.flush()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--ttft", type=float, default=0.05)
    parser.add_argument("--tpot", type=float, default=0.01)
    parser.add_argument("--words", type=int, default=None)
    arguments = parser.parse_args()
    server = FakeModel(arguments.port, arguments.ttft, arguments.tpot, arguments.words)
    print(f"listening on {server.url}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
