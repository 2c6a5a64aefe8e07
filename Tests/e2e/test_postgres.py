"""The PostgresNIO pack against a real PostgreSQL (a throwaway cluster made with initdb for this module): a span per
query with the database conventions, bound values never exported, the SQLSTATE of a failed query recorded."""

import glob
import os
import shutil
import subprocess
import tempfile

import pytest

from conftest import free_port
from otlp_receiver import Receiver


def postgres_bin():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if not found:
        pytest.fail("PostgreSQL is not installed (Debian: apt-get install -y postgresql); scripts/test.sh installs it as root")
    return os.path.dirname(found[-1])


@pytest.fixture(scope="module")
def postgres():
    """A PostgreSQL server on a free port, trust authentication, removed afterwards. Run as the `postgres` user when
    the tests run as root (initdb refuses root)."""
    binaries = postgres_bin()
    directory = tempfile.mkdtemp(prefix="instswift-pg-")
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_user:
        shutil.chown(directory, "postgres")
    data = os.path.join(directory, "data")
    port = free_port()
    subprocess.run(as_user + [f"{binaries}/initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8"],
                   check=True, capture_output=True)
    subprocess.run(as_user + [f"{binaries}/pg_ctl", "-D", data, "-l", os.path.join(directory, "log"), "-w", "-o",
                              f"-p {port} -k {directory} -c listen_addresses=127.0.0.1", "start"], check=True, capture_output=True)
    yield port
    subprocess.run(as_user + [f"{binaries}/pg_ctl", "-D", data, "-m", "immediate", "stop"], capture_output=True)
    shutil.rmtree(directory, ignore_errors=True)


def test_a_span_per_query_with_the_database_conventions(example, postgres):
    with Receiver() as receiver:
        env = dict(os.environ, OTEL_EXPORTER_OTLP_ENDPOINT=receiver.endpoint, PG_PORT=str(postgres), OTEL_SERVICE_NAME="pg-cli")
        result = subprocess.run([str(example["bin"] / "PostgresCLI")], env=env, capture_output=True, text=True, timeout=120)
        spans = receiver.wait_for(8)
        raw = b"".join(receiver.raw_bodies)
    assert result.returncode == 0 and "count: 1" in result.stdout, result.stdout + result.stderr
    [workflow] = [s for s in spans if s.name == "invoke_workflow pg-demo"]
    queries = sorted((s for s in spans if s.parent_span_id == workflow.span_id), key=lambda s: s.start)
    assert [q.name for q in queries] == ["CREATE greetings", "INSERT greetings", "SELECT greetings", "SELECT greetings",
                                         "SELECT generate_series", "SELECT generate_series", "SELECT missing_table"], \
        [q.name for q in queries]
    for query in queries:
        a = query.attributes
        assert query.kind == "client" and a["db.system.name"] == "postgresql" and a["db.namespace"] == "postgres"
        assert a["server.address"] == "127.0.0.1" and a["server.port"] == postgres
        assert a["db.query.summary"] == query.name
    assert queries[1].attributes["db.query.text"] == "INSERT INTO greetings (name) VALUES ($1)"
    # Bound values are never read: the value the program bound is in no exported byte.
    assert b"alice-secret-value" not in raw
    failed = queries[6]
    assert failed.status_code == 2 and failed.attributes["db.response.status_code"] == "42P01"
    assert failed.attributes["error.type"] == "42P01"
    assert all(q.status_code != 2 for q in queries[:6])
    # A query's span lasts until its rows are read, and counts them; statements that return no rows have no count.
    assert "series: 6" in result.stdout and "first: 1" in result.stdout, result.stdout
    count, prepared, series, dropped = queries[2], queries[3], queries[4], queries[5]
    assert count.attributes["db.response.returned_rows"] == 1
    # A prepared statement: its SQL as declared, its bound value nowhere (checked above over every byte).
    assert "prepared count: 1" in result.stdout, result.stdout
    assert prepared.attributes["db.query.text"] == "SELECT count(*) FROM greetings WHERE name = $1"
    assert prepared.attributes["db.response.returned_rows"] == 1
    assert series.attributes["db.response.returned_rows"] == 3
    assert series.end - series.start >= 150_000_000, (series.end - series.start)
    assert "db.response.returned_rows" not in queries[1].attributes and "db.response.returned_rows" not in queries[0].attributes
    # The reader stopped after one row: the span ended then, not failed, with no count (the rows were not all read).
    assert dropped.status_code != 2 and "db.response.returned_rows" not in dropped.attributes
    assert dropped.end - dropped.start < series.end - series.start
