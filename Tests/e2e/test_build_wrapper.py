"""`instswift swift build|test|run` on a fixture with executables, a library, a test target, C targets and a path
dependency whose module a rule instruments — all built for real by SwiftPM through the release instswift."""

import hashlib
import json
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, build_with_edit, instswift


@pytest.fixture
def app(wrapper_app):
    return wrapper_app


def tree_digest(package):
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        # SwiftPM itself writes Package.resolved, with or without instswift.
        if ".build" in path.parts or not path.is_file() or path.name == "Package.resolved":
            continue
        digest.update(str(path.relative_to(package)).encode() + path.read_bytes())
    return digest.hexdigest()


def compiled_modules(output):
    """Modules SwiftPM compiled. With or without instswift (seen with plain `swift build`), SwiftPM recompiles package
    plugins, relinks a build plugin's tool and regenerates its output on every run, so SpanPrinting, the target the
    VersionFile plugin generates a file for, is compiled every time too."""
    lines = output.splitlines()
    return {line.split()[2] for line in lines if " Compiling " in line and line.startswith("[")} - {"plugin", "SpanPrinting"}


def test_run_produces_nested_spans_from_app_library_and_dependency(app):
    before = tree_digest(app)
    out = instswift("swift", "run", "WrapperApp", cwd=app).stdout
    assert "span dep.triple parent=lib.compute input=int64(4)" in out, out
    assert "span lib.compute parent=app.report" in out
    assert "span app.report parent=-" in out
    # The app's tracer is instrumented too (rule wrapper.tracer): it neither recursed nor printed spans of its own.
    assert "tracer." not in out, out
    # A function isolated by its parameter stays on the caller's actor inside its span (swift-service-lifecycle).
    assert "span lib.isolatedToCaller parent=-" in out, out
    assert "isolated to the caller: true" in out, out
    # A nonisolated(nonsending) function's body stays on its caller's actor inside its span (the nonsending entry).
    assert "span lib.nonsendingOnCaller parent=-" in out, out
    assert "nonsending on the caller: true" in out, out
    # #fileID and #line name the original file and line, not the rewritten copy, and the compiler sees no second path
    # for main.swift (it is compiled under its own path, its copy read through a VFS overlay).
    assert "result 13 at WrapperApp/main.swift:7" in out
    assert "#fileID" not in out, out
    assert tree_digest(app) == before, "instswift wrote into the package's tree"


def test_noop_rebuild_compiles_nothing(app):
    instswift("swift", "build", cwd=app)
    out = instswift("swift", "build", cwd=app).stdout
    assert compiled_modules(out) == set(), out


def test_touching_a_file_rebuilds_only_its_module(app):
    instswift("swift", "build", cwd=app)
    (app / "Sources" / "WrapperLib" / "Lib.swift").touch()
    out = instswift("swift", "build", cwd=app).stdout
    assert compiled_modules(out) <= {"WrapperLib", "WrapperApp", "WrapperLibTests"}, out


def object_times(app, module):
    return {path.name: path.stat().st_mtime_ns for path in (app / ".build" / "instswift" / "debug" / f"{module}.build").glob("*.o")}


def test_rule_change_rebuilds_with_the_new_rules(app):
    instswift("swift", "build", cwd=app)
    before = {module: object_times(app, module) for module in ["WrapperLib", "WrapperDep", "InstSwiftRuntime"]}
    assert all(before.values()), before
    rules = app / "wrapper-rules.yml"
    original = rules.read_text()
    rules.write_text(original.replace('name: "lib.{function}"', 'name: "library.{function}"')
                     .replace('name: "app.{function}"', 'name: "application.{function}"'))
    try:
        out = instswift("swift", "run", "WrapperApp", cwd=app).stdout
        # main.swift's copy changed too: never a stale main.
        assert "span library.compute parent=application.report" in out, out
        # Only what the changed rule's output touches is recompiled, not every module of the build.
        after = {module: object_times(app, module) for module in before}
        assert after["WrapperLib"] != before["WrapperLib"]
        for module in ["WrapperDep", "InstSwiftRuntime"]:
            assert after[module] == before[module], module
    finally:
        rules.write_text(original)
    out = instswift("swift", "run", "WrapperApp", cwd=app).stdout
    assert "span lib.compute parent=app.report" in out, out


def test_type_error_is_reported_at_the_original_location(app):
    source = app / "Sources" / "WrapperLib" / "Lib.swift"
    result = build_with_edit(app, source, "        Int(cwrap_add", "        let broken: String = 42\n        return Int(cwrap_add")
    assert result.returncode != 0
    assert f"{source}:9:30: error: cannot convert value of type 'Int' to specified type 'String'" in result.stdout, result.stdout


def test_type_error_in_an_instrumented_main_swift_is_reported_at_the_original_location(app):
    source = app / "Sources" / "WrapperApp" / "main.swift"
    result = build_with_edit(app, source, '    let location = "', '    let wrong: Int = "x"\n    let location = "')
    assert result.returncode != 0
    assert f"{source}:7:22: error: cannot convert value of type 'String' to specified type 'Int'" in result.stdout, result.stdout


def test_a_wrong_rules_file_stops_the_build_before_compiling(app, tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("rules:\n  - id: x\n    where: {function: {nme: a}}\n    advice: [{span: {}}]\n")
    result = instswift("swift", "build", "--rules", str(bad), cwd=app, check=False)
    assert result.returncode == 2
    assert f"{bad}:3:24: error: [x] unknown key 'nme' in 'function' (did you mean 'name'?)" in result.stdout
    assert "Compiling" not in result.stdout


def build_with_configuration(app, text):
    """The build's errors with `.instswift.yml` replaced by `text` (the file is put back after)."""
    configuration = app / ".instswift.yml"
    original = configuration.read_text()
    configuration.write_text(text)
    try:
        result = instswift("swift", "build", cwd=app, check=False)
    finally:
        configuration.write_text(original)
    assert result.returncode == 2 and "Compiling" not in result.stdout, result.stdout
    assert not result.stdout.startswith("error:"), result.stdout  # located diagnostics are printed as they are
    return [line for line in result.stdout.splitlines() if ": error: " in line]


def test_every_mistake_in_instswift_yml_is_reported_where_it_is_before_compiling(app):
    configuration = app / ".instswift.yml"
    assert build_with_configuration(app, "rules:\n  - wrapper-rules.yml\n  - missing.yml\npacks: [grpcc]\ndisable-pack: [swift-log]\n") == [
        f"{configuration}:5:1: error: unknown key 'disable-pack' in .instswift.yml (did you mean 'disable-packs'?)",
    ]
    # Once the file reads, what it names is checked: each name that is not there, at its place.
    lines = build_with_configuration(app, "rules:\n  - wrapper-rules.yml\n  - missing.yml\npacks: [grpcc]\n")
    assert len(lines) == 2 and lines[0].startswith(f"{configuration}:4:9: error: no built-in rule pack 'grpcc' (did you mean 'grpc'?)"), lines
    assert lines[1] == f"{configuration}:3:5: error: rules file 'missing.yml' does not exist (paths are relative to the package root, {app})"


def test_swift_test_passes_under_instrumentation(app):
    out = instswift("swift", "test", cwd=app).stdout
    assert "Test run with 2 tests" in out and "passed" in out, out
    # SelfTracedTests bootstraps tracing after instrumented code ran: the runtime did not bootstrap first (the process
    # would stop on the second bootstrap), and says why.
    test_file = app / "Tests" / "SelfTracedTests" / "SelfTracedTests.swift"
    assert f"the tests bootstrap tracing themselves ({test_file}:10)" in out, out


def test_works_from_a_subdirectory_and_writes_a_report(app, tmp_path):
    report = tmp_path / "report.json"
    instswift("swift", "build", "--report", str(report), cwd=app / "Sources" / "WrapperApp")
    document = json.loads(report.read_text())
    modules = {m["module"]: m for m in document["modules"]}
    assert {"WrapperApp", "WrapperLib", "WrapperDep"} <= set(modules), modules
    sites = {(s["module"], s["declaration"], tuple(s["rules"])) for s in document["instrumented"]}
    assert ("WrapperDep", "method Dep.triple(_:)", ("wrapper.dep",)) in sites
    assert all(not s["file"].startswith(str(app / ".build")) for s in document["instrumented"])


def test_keep_work_prints_where_the_rewritten_sources_are(app):
    out = instswift("swift", "build", "--keep-work", cwd=app).stdout
    work = app / ".build" / "instswift" / "instswift" / "work" / "sources"
    assert f"rewritten sources are in {work}" in out
    copies = list(work.rglob("*.instswift.swift"))
    assert any(c.read_text().startswith(f'#sourceLocation(file: "{app}/Sources/WrapperLib/Lib.swift", line: 1)') for c in copies)


def test_release_build_runs(app):
    instswift("swift", "build", "-c", "release", cwd=app)
    out = instswift("swift", "run", "-c", "release", "WrapperApp", cwd=app).stdout
    assert "span dep.triple parent=lib.compute" in out and "result 13" in out, out


def test_exit_code_is_swifts(app):
    result = instswift("swift", "build", "--product", "NoSuchProduct", cwd=app, check=False)
    assert result.returncode == 1, result.stdout


def test_two_concurrent_builds_of_one_package_wait_for_each_other(app):
    """The second run waits for the first instead of rewriting the shim toolchain and configuration under it."""
    import subprocess
    import time
    from conftest import INSTSWIFT

    first = subprocess.Popen([str(INSTSWIFT), "swift", "build"], cwd=app, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    time.sleep(0.2)
    second = subprocess.Popen([str(INSTSWIFT), "swift", "build"], cwd=app, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    outputs = [first.communicate(timeout=900)[0], second.communicate(timeout=900)[0]]
    assert first.returncode == 0 and second.returncode == 0, outputs
    assert "another instswift run is using" in outputs[1], outputs[1]
    # Both builds left a working program behind.
    out = instswift("swift", "run", "WrapperApp", cwd=app).stdout
    assert "span app.report parent=-" in out, out


def test_paths_with_spaces_and_non_ascii_are_instrumented(app, tmp_path):
    """The fixture's folders and some of its files have spaces and non-ASCII letters in their names."""
    assert " " in str(app) and "ü" in str(app)
    report = tmp_path / "report.json"
    out = instswift("swift", "run", "--report", str(report), "WrapperApp", cwd=app).stdout
    assert "span lib.compute parent=app.report" in out, out
    declarations = {site["declaration"] for site in json.loads(report.read_text())["instrumented"]}
    assert "function parseNumber(_:)" in declarations and "function greet()" in declarations, declarations


def coverage_export(path):
    """The files and functions of a `swift test --enable-code-coverage` export, by file name."""
    data = json.loads(Path(path).read_text())["data"][0]
    functions = {}
    for function in data["functions"]:
        functions.setdefault(function["filenames"][0], []).append(
            (function["name"], function["count"], function["regions"], function["filenames"]))
    return {f["filename"]: f for f in data["files"]}, functions


def test_code_coverage_of_instrumented_tests_is_that_of_the_sources(app, tmp_path):
    """`instswift swift test --enable-code-coverage`: the export SwiftPM writes (the file `--show-codecov-path` names,
    what CI uploads) is about the package's files with the plain run's lines, functions and regions — not about the
    rewritten copies the compiler read (their paths in the build folder, a header line, span closures as functions)."""
    plain = subprocess.run(["swift", "test", "--enable-code-coverage", "--scratch-path", str(tmp_path / "plain")], cwd=app,
                           text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert plain.returncode == 0, plain.stdout[-4000:]
    plain_path = subprocess.run(["swift", "test", "--show-codecov-path", "--scratch-path", str(tmp_path / "plain")], cwd=app,
                                text=True, stdout=subprocess.PIPE, check=True).stdout.strip().splitlines()[-1]
    plain_files, plain_functions = coverage_export(plain_path)

    out = instswift("swift", "test", "--enable-code-coverage", "--log-level", "info", cwd=app).stdout
    assert "names your sources, not the instrumented copies" in out, out
    path = instswift("swift", "test", "--show-codecov-path", cwd=app).stdout.strip().splitlines()[-1]
    files, functions = coverage_export(path)
    assert not [name for name in files if "/instswift/work/" in name], sorted(files)
    dependency = app.parent / "wrapper-dep" / "Sources" / "WrapperDep" / "Dep.swift"
    for source in [app / "Sources" / "WrapperLib" / "Lib.swift", app / "Sources" / "WrapperLib" / "Grüße.swift", dependency]:
        name = str(source)
        assert name in files and name in plain_files, (name, sorted(files))
        for key in ("lines", "functions", "regions"):
            assert files[name]["summary"][key] == plain_files[name]["summary"][key], (name, key, files[name]["summary"])
        assert functions[name] == plain_functions[name], name
    # Instrumented for real: the library's functions ran in their spans.
    assert instswift("explain", str(app / "Sources" / "WrapperLib" / "Lib.swift"), cwd=app).stdout.count("applied [wrapper.lib]") >= 2


def test_explain_without_rules_uses_the_rules_the_build_uses(tmp_path):
    """`instswift explain FILE` with no --rules explains with the rules the build of the package holding the file uses:
    the packs that are on and the rules files `.instswift.yml` names. Outside any package it says what to give."""
    package = ROOT / "Fixtures" / "packages" / "wrapper-app"
    out = instswift("explain", str(package / "Sources" / "WrapperLib" / "Lib.swift"), cwd=tmp_path).stdout
    assert "applied [wrapper.lib]" in out and f"the rules of {package}'s build: packs bootstrap," in out, out
    out = instswift("explain", str(package / "Sources" / "WrapperApp" / "main.swift"), cwd=tmp_path).stdout
    assert "applied [instswift.bootstrap]" in out, out
    listed = instswift("rules", "list", cwd=package).stdout
    assert "instswift.bootstrap\t" in listed and "wrapper.lib\t" in listed, listed
    outside = tmp_path / "a.swift"
    outside.write_text("func f() {}\n")
    result = instswift("explain", str(outside), cwd=tmp_path, check=False)
    assert result.returncode == 64 and "or name files inside a Swift package" in result.stdout, result.stdout
