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
from test_example_service import example  # noqa: F401 (the module fixture builds the package, PostgresCLI included)


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
        spans = receiver.wait_for(5)
        raw = b"".join(receiver.raw_bodies)
    assert result.returncode == 0 and "count: 1" in result.stdout, result.stdout + result.stderr
    [workflow] = [s for s in spans if s.name == "invoke_workflow pg-demo"]
    queries = sorted((s for s in spans if s.parent_span_id == workflow.span_id), key=lambda s: s.start)
    assert [q.name for q in queries] == ["CREATE greetings", "INSERT greetings", "SELECT greetings", "SELECT missing_table"]
    for query in queries:
        a = query.attributes
        assert query.kind == "client" and a["db.system.name"] == "postgresql" and a["db.namespace"] == "postgres"
        assert a["server.address"] == "127.0.0.1" and a["server.port"] == postgres
        assert a["db.query.summary"] == query.name
    assert queries[1].attributes["db.query.text"] == "INSERT INTO greetings (name) VALUES ($1)"
    # Bound values are never read: the value the program bound is in no exported byte.
    assert b"alice-secret-value" not in raw
    failed = queries[3]
    assert failed.status_code == 2 and failed.attributes["db.response.status_code"] == "42P01"
    assert failed.attributes["error.type"] == "42P01"
    assert all(q.status_code != 2 for q in queries[:3])
