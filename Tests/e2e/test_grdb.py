"""The GRDB pack against a real database file: a span per statement with the database conventions — sync and async
accesses, record requests, a cursor dropped early — under the caller's span; statement arguments never exported; a
broken constraint recorded with SQLite's result code."""

import os
import subprocess

from otlp_receiver import Receiver


def test_a_span_per_statement_with_the_database_conventions(example, tmp_path):
    database = tmp_path / "dir with space ü" / "players.sqlite"
    database.parent.mkdir()
    with Receiver() as receiver:
        env = dict(os.environ, OTEL_EXPORTER_OTLP_ENDPOINT=receiver.endpoint, OTEL_SERVICE_NAME="grdb-cli")
        result = subprocess.run([str(example["bin"] / "GRDBCLI"), str(database)], env=env, capture_output=True, text=True, timeout=120)
        spans = receiver.wait_for(6)
        raw = b"".join(receiver.raw_bodies)
    assert result.returncode == 0 and "players: 2" in result.stdout and "first score: 10" in result.stdout, result.stdout + result.stderr
    assert "failed as expected: 19" in result.stdout, result.stdout
    [workflow] = [s for s in spans if s.name == "invoke_workflow grdb-demo"]
    children = {s.parent_span_id for s in spans}
    queries = sorted((s for s in spans if s.attributes.get("db.system.name") == "sqlite"), key=lambda s: s.start)
    by_name = [q.name for q in queries if q.parent_span_id == workflow.span_id]
    # The app's statements, in order, each under the workflow span (GRDB's own BEGIN/COMMIT and schema reads too).
    app = [n for n in by_name if n.split(" ")[0] in ("CREATE", "INSERT", "SELECT")]
    assert app[:2] == ["CREATE player", "INSERT player"], by_name
    assert app.count("INSERT player") == 3 and app.count("SELECT player") >= 2, by_name
    for query in queries:
        a = query.attributes
        assert query.kind == "client" and a["db.namespace"] == "players.sqlite", (query.name, a)
        assert query.span_id not in children, "database spans are leaves"
        assert query.end >= query.start
    insert = next(q for q in queries if q.name == "INSERT player")
    assert insert.attributes["db.query.text"] == "INSERT INTO player (name, score) VALUES (?, ?)"
    assert insert.attributes["db.query.summary"] == "INSERT player"
    # Statement arguments are never read: the value the program bound is in no exported byte.
    assert b"bob-secret-value" not in raw
    failed = [q for q in queries if q.status_code == 2]
    assert [q.name for q in failed] == ["INSERT player"], [(q.name, q.attributes) for q in failed]
    assert failed[0].attributes["error.type"] == "SQLITE_CONSTRAINT" and failed[0].attributes["db.response.status_code"] == "2067"
    assert failed[0].attributes["db.query.text"] == "INSERT INTO player (name, score) VALUES (?, ?)"
    assert not [q for q in queries if q.attributes["db.query.text"].startswith("PRAGMA query_only")], "GRDB's read toggles are not traced"
    assert {"BEGIN", "COMMIT", "ROLLBACK"} <= set(by_name), by_name
    # The cursor dropped after its first row still ends its span.
    assert any(q.attributes["db.query.text"] == "SELECT score FROM player ORDER BY score" for q in queries)
