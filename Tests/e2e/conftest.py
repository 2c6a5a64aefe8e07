"""Shared helpers for the end-to-end suites: they build real packages with the release-built instswift, run them,
and decode what they export with the official OTLP classes.

Enabled by INSTSWIFT_E2E=1 (scripts/test.sh and .ci/run set it).
"""

import json
import os
import re
import shutil
import socket
import subprocess
import pathlib
import time
import urllib.error
import urllib.request

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
INSTSWIFT = pathlib.Path(os.environ.get("INSTSWIFT_BIN", ROOT / ".build" / "release" / "instswift"))


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: runs only with INSTSWIFT_E2E_SLOW=1 (the full run; CI keeps to its budget)")


def pytest_collection_modifyitems(config, items):
    if os.environ.get("INSTSWIFT_E2E") != "1":
        skip = pytest.mark.skip(reason="end-to-end suites run with INSTSWIFT_E2E=1")
        for item in items:
            item.add_marker(skip)
    elif os.environ.get("INSTSWIFT_E2E_SLOW") != "1":
        slow = pytest.mark.skip(reason="slow suites run with INSTSWIFT_E2E_SLOW=1")
        for item in items:
            if "slow" in item.keywords:
                item.add_marker(slow)


@pytest.fixture(scope="session")
def wrapper_app(tmp_path_factory):
    """A private copy of wrapper-app and wrapper-dep, laid out as in the repository (the runtime is linked in), under
    folders whose names have spaces and non-ASCII letters, with such files in it too: SwiftPM single-quotes these paths
    in its response files, and a package folder with a space was once built but silently not instrumented. One copy
    for the build wrapper's and the C bridge's suites, so the package builds once."""
    root = tmp_path_factory.mktemp("wrapper") / "spaced root ü"
    root.mkdir()
    (root / "Runtime").symlink_to(ROOT / "Runtime")
    packages = ROOT / "Fixtures" / "packages"
    app = root / "Fixtures" / "packages" / "wrapper app ü"
    shutil.copytree(packages / "wrapper-app", app, ignore=shutil.ignore_patterns(".build", "Package.resolved"))
    shutil.copytree(packages / "wrapper-dep", root / "Fixtures" / "packages" / "wrapper-dep",
                    ignore=shutil.ignore_patterns(".build", "Package.resolved"))
    (app / "Sources" / "WrapperLib" / "Core Types").mkdir()
    (app / "Sources" / "WrapperLib" / "Core Types" / "Number Parsing.swift").write_text(
        "public func parseNumber(_ text: String) -> Int { Int(text) ?? 0 }\n")
    (app / "Sources" / "WrapperLib" / "Grüße.swift").write_text("public func greet() -> String { \"hallo\" }\n")
    return app


EXAMPLE = ROOT / "Fixtures" / "packages" / "example-service"


@pytest.fixture(scope="session")
def example(tmp_path_factory):
    """The example package built once for every suite: its services and CLIs share Hummingbird, Vapor, gRPC, the
    database drivers, MCP and swift-otel, which take ~15 min to build cold here, and even a no-op build of it costs
    about a minute (its plugins run on every build)."""
    report = tmp_path_factory.mktemp("report") / "report.json"
    built = instswift("swift", "build", "--package-path", str(EXAMPLE), "--report", str(report))
    return {"bin": bin_path(EXAMPLE), "report": json.loads(report.read_text()), "output": built.stdout}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(executable, env, probe="/", name=None, output=None):
    """Starts an HTTP server program on a free port (PORT) and waits until it answers `probe` (any status); returns
    the process (output captured, or written to the open file `output`: a pipe nobody reads fills up and blocks a
    server that logs every request) and the port."""
    port = free_port()
    process = subprocess.Popen([str(executable)], env=dict(os.environ, PORT=str(port), **env),
                               stdout=output or subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{probe}", timeout=1)
            return process, port
        except urllib.error.HTTPError:
            return process, port
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise AssertionError(f"{name or executable} did not start:\n" + (process.communicate()[0] or ""))


def instswift(*args, cwd=None, env=None, check=True, timeout=3000):
    """Runs the release instswift; returns the CompletedProcess (output captured as text)."""
    environment = dict(os.environ, **(env or {}))
    result = subprocess.run([str(INSTSWIFT), *args], cwd=cwd, env=environment, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout)
    if check and result.returncode != 0:
        raise AssertionError(f"instswift {' '.join(args)} exited {result.returncode}:\n{result.stdout[-6000:]}")
    return result


def build_with_edit(package, source, old, new):
    """`instswift swift build` of `package` with `old` replaced by `new` in `source`, which is put back afterwards."""
    original = source.read_text()
    assert old in original, old
    source.write_text(original.replace(old, new))
    try:
        return instswift("swift", "build", cwd=package, check=False)
    finally:
        source.write_text(original)


def bin_path(package, configuration="debug"):
    out = subprocess.run(["swift", "build", "--show-bin-path", "-c", configuration, "--scratch-path",
                          str(package / ".build" / "instswift")], cwd=package, text=True, capture_output=True, check=True)
    return pathlib.Path(out.stdout.strip())


def clone(repository, tag, destination):
    """A real package from the local mirror (git resolves github.com URLs to it)."""
    subprocess.run(["git", "clone", "-q", "--branch", tag, f"https://github.com/{repository}", str(destination)], check=True)
    return destination


def suite_summary(output):
    """(executed, failures) over XCTest's last summary line and swift-testing's, so both kinds of suites count."""
    executed = failures = 0
    xctest = re.findall(r"Executed (\d+) tests?, with (\d+) failures?", output)
    if xctest:
        executed, failures = int(xctest[-1][0]), int(xctest[-1][1])
    testing = re.search(r"Test run with (\d+) tests?(?: in \d+ suites?)? (passed|failed)(?: after [\d.]+ seconds)?(?: with (\d+) issues?)?", output)
    if testing:
        executed += int(testing.group(1))
        failures += int(testing.group(3) or 0)
    assert xctest or testing, output[-4000:]
    return executed, failures


def trace_file_spans(path):
    """Span names from an instswift OTLP/JSON-lines trace file."""
    names = []
    for line in path.read_text().splitlines():
        for resource_spans in json.loads(line).get("resourceSpans", []):
            for scope_spans in resource_spans.get("scopeSpans", []):
                names += [span["name"] for span in scope_spans.get("spans", [])]
    return names
