"""`instswift pin` adds exactly the runtime the rules need, once; a build that needs it and lacks it stops with one
message naming the fix."""

import json
import shutil
import subprocess

import pytest

from conftest import ROOT, clone, instswift


@pytest.fixture
def package(tmp_path):
    (tmp_path / "Runtime").symlink_to(ROOT / "Runtime")
    target = tmp_path / "Fixtures" / "packages" / "pin-me"
    shutil.copytree(ROOT / "Fixtures" / "packages" / "pin-me", target, ignore=shutil.ignore_patterns(".build", "Package.resolved"))
    return target


def test_build_without_the_runtime_names_the_fix(package):
    result = instswift("swift", "build", cwd=package, check=False)
    assert result.returncode != 0
    assert "error: [pin.greet] module 'PinMe' uses InstSwiftRuntime but cannot import it; run 'instswift pin'" in result.stdout, result.stdout


def test_pin_from_a_checkout_without_a_runtime_repository_says_how_to_pin(package):
    result = instswift("pin", cwd=package, check=False, env={"INSTSWIFT_RUNTIME_URL": "https://github.com/instswift/instswift-runtime"})
    assert result.returncode != 0
    assert "the runtime https://github.com/instswift/instswift-runtime has no version" in result.stdout, result.stdout
    assert "scripts/install.sh" in result.stdout and "--runtime-path" in result.stdout, result.stdout
    assert "InstSwiftRuntime" not in (package / "Package.swift").read_text()


def test_pin_adds_the_runtime_once_and_the_package_graph_then_loads(package):
    runtime = ["--runtime-path", str(package.parents[2] / "Runtime")]
    out = instswift("pin", *runtime, cwd=package).stdout
    relative = out.split('.package(path: "')[1].split('"')[0]
    assert (package / relative).resolve() == (ROOT / "Runtime").resolve(), out
    assert "added InstSwiftRuntime to target PinMe" in out
    manifest = (package / "Package.swift").read_text()
    assert "InstSwiftRuntime" in manifest

    again = instswift("pin", *runtime, cwd=package).stdout
    assert "nothing to do" in again
    assert (package / "Package.swift").read_text() == manifest

    # SwiftPM loads the graph: the folder resolves and every product reference names a product of the runtime. (The
    # instrumented build and run of a pinned pin-me is test_install.py's; building it cold twice costs minutes.)
    graph = subprocess.run(["swift", "package", "show-dependencies", "--format", "json"], cwd=package, text=True,
                           capture_output=True, timeout=900)
    assert graph.returncode == 0, graph.stdout + graph.stderr
    assert any(dependency["name"] == "instswift-runtime" for dependency in json.loads(graph.stdout)["dependencies"]), graph.stdout


def test_pin_raises_the_tools_version_of_a_package_pinned_before(tmp_path):
    """swift-algorithms is in the runtime's own dependency graph (via swift-nio-extras): once it depends on the runtime,
    SwiftPM needs tools 6.0 for the package cycle. A package pinned by an older instswift (runtime present, tools 5.7)
    gets the raise from a pin that has nothing else to add."""
    package = clone("apple/swift-algorithms", "1.2.1", tmp_path / "swift-algorithms")
    (tmp_path / "Runtime").symlink_to(ROOT / "Runtime")
    rules = tmp_path / "rules.yml"
    rules.write_text("rules:\n  - id: algorithms.chunked\n    modules: [Algorithms]\n    where:\n"
                     "      function: {name: 'chunked*'}\n    advice:\n      - span: {}\n")
    env = {"INSTSWIFT_RUNTIME_PATH": str(tmp_path / "Runtime")}
    first = instswift("pin", "--rules", str(rules), "--runtime-path", str(tmp_path / "Runtime"), cwd=package, env=env).stdout
    assert "raised Package.swift to swift-tools-version 6.0" in first, first

    manifest = package / "Package.swift"
    older = manifest.read_text().replace("// swift-tools-version:6.0", "// swift-tools-version:5.7", 1)
    older = older.split("\n// Added by `instswift pin`")[0] + "\n"
    manifest.write_text(older)
    again = instswift("pin", "--rules", str(rules), "--runtime-path", str(tmp_path / "Runtime"), cwd=package, env=env).stdout
    assert "raised Package.swift to swift-tools-version 6.0, keeping the Swift 5 language mode" in again, again
    assert "added" not in again, again
    assert manifest.read_text().startswith("// swift-tools-version:6.0")

    settled = instswift("pin", "--rules", str(rules), "--runtime-path", str(tmp_path / "Runtime"), cwd=package, env=env).stdout
    assert "nothing to do" in settled, settled


def test_pin_leaves_the_exporter_out_of_test_targets_when_the_bootstrap_pack_is_off(tmp_path):
    """With `disable-packs: [bootstrap]` the package bootstraps tracing itself (or not at all): pin adds the runtime
    API where rules apply, and no exporter to its test targets."""
    package = tmp_path / "lib"
    (package / "Sources" / "Lib").mkdir(parents=True)
    (package / "Tests" / "LibTests").mkdir(parents=True)
    (package / "Package.swift").write_text(
        '// swift-tools-version:6.1\nimport PackageDescription\n\nlet package = Package(\n    name: "lib",\n'
        '    targets: [\n        .target(name: "Lib"),\n        .testTarget(name: "LibTests", dependencies: ["Lib"]),\n    ]\n)\n')
    (package / "Sources" / "Lib" / "Lib.swift").write_text("public func greet() -> String { \"hello\" }\n")
    (package / "Tests" / "LibTests" / "LibTests.swift").write_text("import Lib\nimport Testing\n\n@Test func greets() { #expect(greet() == \"hello\") }\n")
    (package / "rules.yml").write_text("rules:\n  - id: lib.greet\n    where:\n      function: {name: greet}\n    advice:\n      - span: {}\n")
    (package / ".instswift.yml").write_text("rules: [rules.yml]\ndisable-packs: [bootstrap]\n")
    out = instswift("pin", "--runtime-path", str(ROOT / "Runtime"), cwd=package).stdout
    assert "added InstSwiftRuntime to target Lib" in out, out
    assert "InstSwiftOTel" not in out and "InstSwiftOTel" not in (package / "Package.swift").read_text(), out

    (package / ".instswift.yml").write_text("rules: [rules.yml]\n")
    out = instswift("pin", "--runtime-path", str(ROOT / "Runtime"), cwd=package).stdout
    assert "added InstSwiftOTel to target LibTests" in out, out


def test_pin_leaves_a_build_plugins_tool_alone(tmp_path):
    """A build plugin's tool runs during the build, not in the service: pin adds no runtime to it (the build, for its
    part, compiles the tool untouched; test_build_wrapper builds it)."""
    (tmp_path / "Runtime").symlink_to(ROOT / "Runtime")
    packages = tmp_path / "Fixtures" / "packages"
    for name in ["wrapper-app", "wrapper-dep"]:
        shutil.copytree(ROOT / "Fixtures" / "packages" / name, packages / name, ignore=shutil.ignore_patterns(".build", "Package.resolved"))
    package = packages / "wrapper-app"
    # The fixture's .instswift.yml names its rules.
    out = instswift("pin", "--runtime-path", str(tmp_path / "Runtime"), cwd=package).stdout
    assert "version-file-tool" not in out, out
    manifest = (package / "Package.swift").read_text()
    tool = manifest.split('name: "version-file-tool"')[1].split("),")[0]
    assert "InstSwift" not in tool, tool
