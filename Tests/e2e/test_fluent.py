"""The Fluent pack with its drivers, against a SQLite file and a real PostgreSQL: one database span per statement under
the caller's span — Fluent's own `fluent.query` span replaced, no second span from SQLKit, PostgresKit/SQLiteKit or the
wire client below, no orphan from the connection pool's thread — with the SQL each model query ran, and bound values
never exported."""

import os
import subprocess

from otlp_receiver import Receiver
from test_postgres import postgres  # noqa: F401 (a throwaway PostgreSQL cluster for this module)

STATEMENTS = ["CREATE planets", "INSERT planets", "SELECT planets", "SELECT planets", "SELECT moons"]


def test_one_span_per_statement_under_the_caller_with_either_driver(example, postgres, tmp_path):
    with Receiver() as receiver:
        env = dict(os.environ, OTEL_EXPORTER_OTLP_ENDPOINT=receiver.endpoint, PG_PORT=str(postgres),
                   SQLITE_PATH=str(tmp_path / "planets.sqlite"), OTEL_SERVICE_NAME="fluent-cli")
        result = subprocess.run([str(example["bin"] / "FluentCLI")], env=env, capture_output=True, text=True, timeout=120)
        spans = receiver.wait_for(2 + 2 * len(STATEMENTS) + 1)
        raw = b"".join(receiver.raw_bodies)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("found: 1") == 2 and result.stdout.count("failed as expected") == 2, result.stdout
    # Every span is a workflow or a statement directly under one: nothing from Fluent's own tracing, no nested span
    # from a lower layer, no orphan from the pool's event loop.
    assert not [s for s in spans if s.name == "fluent.query" or any(k.startswith("fluent.") for k in s.attributes)]
    workflows = {s.span_id: s for s in spans if s.name.startswith("invoke_workflow ")}
    assert sorted(w.name for w in workflows.values()) == ["invoke_workflow fluent-postgres", "invoke_workflow fluent-sqlite"]
    # Fluent's SQLite driver turns foreign keys on as it opens a connection, outside any caller: that statement is a
    # trace of its own (a root span, not an orphan).
    setup = [s for s in spans if s.attributes.get("db.query.text") == "PRAGMA foreign_keys = ON"]
    assert all(s.parent_span_id is None for s in setup), setup
    strays = [s for s in spans if s.span_id not in workflows and s.parent_span_id not in workflows and s not in setup]
    assert not strays, strays

    for workflow, system, failure in [("fluent-sqlite", "sqlite", "SQLITE_ERROR"), ("fluent-postgres", "postgresql", "42P01")]:
        [parent] = [w for w in workflows.values() if w.name == f"invoke_workflow {workflow}"]
        statements = sorted((s for s in spans if s.parent_span_id == parent.span_id), key=lambda s: s.start)
        assert [s.name for s in statements] == STATEMENTS, (workflow, [s.name for s in statements])
        for statement in statements:
            a = statement.attributes
            assert statement.kind == "client" and statement.trace_id == parent.trace_id, statement
            assert a["db.system.name"] == system and a["db.query.summary"] == statement.name, (workflow, statement)
            assert "db.query.text" in a, (workflow, statement)
        # The pooled connection names its database on the statement's span: SQLite's from its own thread, on the span
        # that claimed the statement; PostgreSQL's with the server it was started with.
        namespace = "planets.sqlite" if system == "sqlite" else "postgres"
        assert all(s.attributes.get("db.namespace") == namespace for s in statements), (workflow, [(s.name, s.attributes.get("db.namespace"), s.attributes.get("server.address")) for s in statements])
        if system == "postgresql":
            assert all(s.attributes.get("server.address") == "127.0.0.1" and s.attributes.get("server.port") == postgres
                       for s in statements), [s.attributes for s in statements]
        create, insert, select, count, missing = statements
        assert create.attributes["db.query.text"].startswith("CREATE TABLE"), create.attributes
        # Model queries carry what Fluent knew (the table, the operation) beside the SQL the driver ran.
        assert select.attributes["db.collection.name"] == "planets" and select.attributes["db.operation.name"] == "SELECT"
        placeholder = "$1" if system == "postgresql" else "?"
        assert placeholder in select.attributes["db.query.text"], select.attributes["db.query.text"]
        assert count.attributes["db.collection.name"] == "planets" and "COUNT" in count.attributes["db.query.text"].upper()
        assert insert.attributes["db.query.text"].startswith("INSERT INTO"), insert.attributes
        assert all(s.status_code != 2 for s in statements[:4]), (workflow, statements)
        assert missing.status_code == 2 and missing.attributes["error.type"] == failure, (workflow, missing.attributes)
        assert missing.attributes["db.collection.name"] == "moons"
    # Bound values are never read: the name the program bound is in no exported byte.
    assert b"europa-secret-value" not in raw
