"""Real packages nobody here wrote, from the local mirror, each run through its own test suite under
`instswift swift test` with every function a rule can reach instrumented: the same tests pass as under plain
`swift test`, and the instrumented code produces spans (the test runner bootstraps tracing on the first span).

- apple/swift-algorithms 1.2.1: every Swift function of its `Algorithms` module (nearly all `@inlinable` generics).
- jpsim/Yams 6.2.2: every C function of its `CYaml` target (libyaml), through libclang. CI rewrites and compiles each
  libyaml file (seconds); the full run also builds the package instrumented and runs its suite (~9 min here, most of
  it building the runtime's exporter dependencies cold in a package of its own).
"""

import json
import re
import shutil
import subprocess

import pytest

from conftest import ROOT, clone, instswift, suite_summary, trace_file_spans

RUNTIME_C_HEADER = ROOT / "Runtime" / "Sources" / "CInstSwiftRuntime" / "include" / "instswift.h"

SWIFT_RULES = """\
rules:
  - id: algorithms.every-function
    description: Every function, method, initializer, accessor and subscript body of the Algorithms module.
    modules: [Algorithms]
    where:
      function:
        kinds: [function, method, initializer, accessor, subscript]
    advice:
      - span: {}
"""

C_RULES = """\
rules:
  - id: yams.libyaml
    description: Every C function defined in libyaml's sources (CYaml).
    language: c
    modules: [CYaml]
    where:
      function: {}
    advice:
      - span: {}
"""


def plain_and_instrumented(package, rules_text, pinned_lines, test_arguments=(), env=None):
    plain = subprocess.run(["swift", "test", "--scratch-path", str(package / ".build-plain"), *test_arguments], cwd=package,
                           text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=3000)
    expected = suite_summary(plain.stdout)
    assert expected[0] > 50, plain.stdout[-3000:]

    rules = package.parent / "rules.yml"
    rules.write_text(rules_text)
    # The runtime folder of this checkout (test_install.py pins the installed runtime's repository by URL).
    pinned = instswift("pin", "--rules", str(rules), "--runtime-path", str(ROOT / "Runtime"), cwd=package).stdout
    for line in pinned_lines:
        assert line in pinned, pinned

    traces, report = package.parent / "traces.jsonl", package.parent / "report.json"
    result = instswift("swift", "test", "--rules", str(rules), "--report", str(report), *test_arguments, cwd=package, check=False,
                       env={"INSTSWIFT_TRACE_FILE": str(traces), **(env or {})})
    assert (result.returncode == 0) == (plain.returncode == 0), result.stdout[-6000:]
    assert suite_summary(result.stdout) == expected
    return json.loads(report.read_text())["instrumented"], trace_file_spans(traces)


@pytest.mark.slow  # ~6 min here (its suite makes tens of millions of instrumented calls); Yams' suite covers CI
def test_swift_algorithms_suite_passes_instrumented(tmp_path):
    package = clone("apple/swift-algorithms", "1.2.1", tmp_path / "swift-algorithms")
    # swift-otel -> async-http-client -> swift-nio-extras depends on swift-algorithms: pinning makes a package cycle,
    # which SwiftPM accepts from tools 6.0 on, so pin raises the manifest (tools 5.7) and keeps the Swift 5 mode.
    # Every span is still started and ended; the sampler keeps 5% of the traces for the file, which is otherwise
    # gigabytes (the suite makes tens of millions of calls to instrumented functions).
    instrumented, spans = plain_and_instrumented(package, SWIFT_RULES, [
        "added InstSwiftRuntime to target Algorithms", "added InstSwiftOTel to target SwiftAlgorithmsTests",
        "raised Package.swift to swift-tools-version 6.0, keeping the Swift 5 language mode"],
        env={"OTEL_TRACES_SAMPLER": "parentbased_traceidratio", "OTEL_TRACES_SAMPLER_ARG": "0.05"})
    assert len([site for site in instrumented if site["module"] == "Algorithms"]) > 100
    assert len(spans) > 1000, len(spans)
    assert any("chunk" in name.lower() for name in spans), sorted(set(spans))[:50]


def test_every_libyaml_file_is_rewritten_and_compiles(tmp_path):
    package = clone("jpsim/Yams", "6.2.2", tmp_path / "Yams")
    rules = tmp_path / "rules.yml"
    rules.write_text(C_RULES)
    sources = package / "Sources" / "CYaml" / "src"
    rewritten = tmp_path / "rewritten"
    rewritten.mkdir()
    functions = set()
    for source in sorted(sources.glob("*.c")):
        output = instswift("rewrite", "--rules", str(rules), "--module", "CYaml", str(source)).stdout
        functions |= set(re.findall(r'instswift_span_begin\("(yaml_\w+)"', output))
        # Spans name the original file, not the copy.
        assert f'"{source}", ' in output, output[:2000]
        (rewritten / source.name).write_text(output)
        # Compiled as SwiftPM compiles the target (its public headers, its own folder for the private header), with the
        # runtime's C span API that the build puts in front of the copy.
        compiled = subprocess.run([shutil.which("clang") or "clang", "-fsyntax-only", "-Werror=implicit-function-declaration",
                                   "-include", str(RUNTIME_C_HEADER), "-DYAML_DECLARE_STATIC", "-I", str(sources.parent / "include"),
                                   "-I", str(sources), str(rewritten / source.name)], capture_output=True, text=True)
        assert compiled.returncode == 0, compiled.stderr[-4000:]
    assert {"yaml_parser_parse", "yaml_emitter_emit"} <= functions, sorted(functions)[:40]
    assert len(functions) > 100, len(functions)


@pytest.mark.slow  # ~9 min here; the test above rewrites and compiles the same sources in seconds
def test_yams_suite_passes_with_libyaml_instrumented(tmp_path):
    package = clone("jpsim/Yams", "6.2.2", tmp_path / "Yams")
    # Both runs skip PerformanceTests: they fail on timing spread (XCTest's 10% deviation limit), and with every
    # libyaml function traced they record millions of spans; every other test of the suite runs in both.
    instrumented, spans = plain_and_instrumented(package, C_RULES, [
        "added InstSwiftRuntime to target CYaml", "added InstSwiftOTel to target YamsTests"],
        test_arguments=("--skip", "PerformanceTests"))
    # Report names read "function yaml_parser_parse(_:_:)".
    functions = {re.sub(r"^function (\w+)\(.*$", r"\1", site["declaration"]) for site in instrumented if site["module"] == "CYaml"}
    assert {"yaml_parser_parse", "yaml_emitter_emit"} <= functions, sorted(functions)[:40]
    assert len(functions) > 100
    assert any(name.startswith("yaml_parser_") for name in spans), sorted(set(spans))[:40]
