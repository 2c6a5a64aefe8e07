"""C through the wrapper: a Swift executable calls an instrumented C function that calls back into instrumented Swift.
Its spans (printed by the app's own tracer as they end) show Swift -> C -> Swift; the C build keeps original lines,
file names and exact incremental rebuilds. The C targets live in the build wrapper's fixture package (built once)."""

import json
import os
import subprocess

import pytest

from conftest import bin_path, build_with_edit, instswift


@pytest.fixture
def bridge(wrapper_app):
    instswift("swift", "build", cwd=wrapper_app)
    return wrapper_app


def run_app(bridge, env=None):
    binary = bin_path(bridge) / "CBridgeApp"
    return subprocess.run([str(binary)], env=dict(os.environ, **(env or {})), text=True, capture_output=True, timeout=60)


def printed_spans(output):
    """(name, parent name, attributes text) of each `span <name> parent=<name or -> <attributes>` line."""
    spans = []
    for line in output.splitlines():
        if line.startswith("span "):
            name, parent, *attributes = line[len("span "):].split(" ", 2)
            spans.append((name, parent.removeprefix("parent="), " ".join(attributes)))
    return spans


def test_trace_nests_swift_c_swift(bridge):
    result = run_app(bridge)
    assert result.returncode == 0, result.stderr
    assert "total 24" in result.stdout  # 1 + 2*2 + 3 + 4*4
    # SpanPrinting's generated file, from a build-tool plugin whose tool links Tracing as the targets do.
    assert "printer 1 (NoOpTracer)" in result.stdout, result.stdout
    spans = printed_spans(result.stdout)
    by_name = {}
    for name, parent, attributes in spans:
        by_name.setdefault(name, []).append((parent, attributes))
    assert set(by_name) >= {"swift.run", "c.cbridge_sum", "c.cbridge_is_even", "swift.square"}, result.stdout
    assert by_name["swift.run"] == [("-", "")], result.stdout
    # The C span's attributes keep their C types: an int and a string.
    assert by_name["c.cbridge_sum"] == [("swift.run", "bridge.count=int64(4) bridge.label=string(\"squares of evens\")")], result.stdout
    # Every span ended, on every return path (the early return of cbridge_is_even included), inside its parent.
    assert by_name["c.cbridge_is_even"] == [("c.cbridge_sum", "")] * 4, result.stdout
    assert by_name["swift.square"] == [("c.cbridge_sum", "")] * 2, result.stdout
    # cbridge_location/cbridge_line are called from top-level code, outside any span: spans of their own.
    assert by_name["c.cbridge_location"] == [("-", "")] and by_name["c.cbridge_line"] == [("-", "")], result.stdout


def test_file_and_line_macros_name_the_original(bridge):
    result = run_app(bridge)
    source = bridge / "Sources" / "CBridge" / "bridge.c"
    line = next(number for number, text in enumerate(source.read_text().splitlines(), 1) if "return __LINE__" in text)
    assert f"c location {source}:{line}" in result.stdout, result.stdout


def test_c_error_is_reported_at_the_original_location(bridge):
    source = bridge / "Sources" / "CBridge" / "bridge.c"
    result = build_with_edit(bridge, source, "    int total = 0;", "    int total = undeclared_name;")
    assert result.returncode != 0
    assert f"{source}:11:17: error: use of undeclared identifier 'undeclared_name'" in result.stdout, result.stdout


def test_c_incremental_builds_are_exact(bridge):
    instswift("swift", "build", cwd=bridge)
    noop = instswift("swift", "build", cwd=bridge).stdout
    assert "bridge.c" not in noop, noop
    # Make-style dependency files escape spaces in paths ("\\ "); the fixture's path has some.
    depfiles = [path.read_text().replace("\\ ", " ") for path in (bridge / ".build" / "instswift" / "debug" / "CBridge.build").glob("*.d")]
    assert depfiles and all(str(bridge / "Sources" / "CBridge" / "bridge.c") in text for text in depfiles), depfiles
    assert not any("/instswift/work/" in text for text in depfiles), depfiles
    (bridge / "Sources" / "CBridge" / "bridge.c").touch()
    touched = instswift("swift", "build", cwd=bridge).stdout
    assert "Compiling CBridge bridge.c" in touched, touched


def test_diff_and_explain_work_on_c_files(bridge):
    source = bridge / "Sources" / "CBridge" / "bridge.c"
    rules = bridge / "wrapper-rules.yml"
    diff = instswift("diff", "--rules", str(rules), "--module", "CBridge", str(source), check=False)
    assert diff.returncode == 1 and "instswift_span_begin(\"c.cbridge_sum\"" in diff.stdout, diff.stdout
    explain = instswift("explain", "--rules", str(rules), "--module", "CBridge", str(source)).stdout
    assert "cbridge_is_even" in explain and "bridge.c" in explain, explain


def test_a_missing_libclang_stops_the_build_at_the_c_file(bridge):
    source = bridge / "Sources" / "CBridge" / "bridge.c"
    source.touch()
    result = instswift("swift", "build", cwd=bridge, env={"INSTSWIFT_LIBCLANG": "/nonexistent/libclang.so"}, check=False)
    assert result.returncode != 0, result.stdout
    assert (f"{source}:1:1: error: [bridge.sum] C rules cannot be applied: INSTSWIFT_LIBCLANG=/nonexistent/libclang.so "
            "could not be loaded") in result.stdout, result.stdout
    # Nothing was compiled from the failed file: the next build with libclang compiles it and links.
    rebuilt = instswift("swift", "build", "-v", cwd=bridge).stdout
    assert "bridge.c" in rebuilt, rebuilt[-3000:]


def test_c_target_without_the_runtime_stops_before_compiling(bridge):
    manifest = bridge / "Package.swift"
    original = manifest.read_text()
    manifest.write_text(original.replace(
        'name: "CBridge",\n            dependencies: [.product(name: "InstSwiftRuntime", package: "Runtime")]', 'name: "CBridge"'))
    assert manifest.read_text() != original
    try:
        result = instswift("swift", "build", cwd=bridge, check=False)
    finally:
        manifest.write_text(original)
    assert result.returncode != 0
    source = bridge / "Sources" / "CBridge" / "bridge.c"
    assert (f"{source}:3:1: error: [bridge.c] target 'CBridge' is instrumented but does not depend on InstSwiftRuntime, which "
            "implements the C span API; run 'instswift pin'") in result.stdout, result.stdout
    # It stopped at the compile: no link errors about the runtime's C functions.
    assert "undefined reference" not in result.stdout, result.stdout
    instswift("swift", "build", cwd=bridge)


def test_a_program_without_the_runtime_links_an_instrumented_dependency_c_target(tmp_path):
    """A package that uses a dependency whose C target a rule instruments, and does not trace itself (no runtime, no
    bootstrap), links the C span API's stubs and runs as before. Regression (corpus, apple/swift-atomics built from a
    dependent): "undefined reference to 'instswift_span_begin'"."""
    dependency = tmp_path / "odd päth" / "cdep"
    (dependency / "Sources" / "CAdd" / "include").mkdir(parents=True)
    (dependency / "Package.swift").write_text(
        '// swift-tools-version:6.0\nimport PackageDescription\n'
        'let package = Package(name: "cdep", products: [.library(name: "CAdd", targets: ["CAdd"])], targets: [.target(name: "CAdd")])\n')
    (dependency / "Sources" / "CAdd" / "include" / "cadd.h").write_text("int cadd(int a, int b);\n")
    (dependency / "Sources" / "CAdd" / "add.c").write_text('#include "cadd.h"\nint cadd(int a, int b) {\n    return a + b;\n}\n')
    app = tmp_path / "odd päth" / "app"
    (app / "Sources" / "App").mkdir(parents=True)
    (app / "Package.swift").write_text(
        '// swift-tools-version:6.0\nimport PackageDescription\n'
        'let package = Package(name: "app", dependencies: [.package(path: "../cdep")], '
        'targets: [.executableTarget(name: "App", dependencies: [.product(name: "CAdd", package: "cdep")])])\n')
    (app / "Sources" / "App" / "main.swift").write_text('import CAdd\nprint("sum \\(cadd(2, 3))")\n')
    (app / ".instswift.yml").write_text("disable-packs: [bootstrap]\n")
    (app / "rules.yml").write_text(
        "rules:\n  - id: dep.c\n    language: c\n    package: {name: cdep}\n    where:\n      function: {name: cadd}\n"
        "    advice:\n      - span: {}\n")
    result = instswift("swift", "run", "--rules", "rules.yml", "--report", str(tmp_path / "report.json"), "App", cwd=app)
    assert "sum 5" in result.stdout, result.stdout
    sites = json.loads((tmp_path / "report.json").read_text())["instrumented"]
    assert any("cadd" in site["declaration"] for site in sites), sites
