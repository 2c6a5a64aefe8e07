"""Where an instrumented body runs: the span must not move it to another executor. A dependency module built with
`NonisolatedNonsendingByDefault` reaches the runtime at link time, and its nonisolated async functions run on their
caller's actor; instrumented and traced, their bodies must still (docs/adr/0016)."""

import pathlib

from conftest import instswift

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_a_nonsending_dependency_function_runs_on_its_callers_actor_inside_its_span(tmp_path):
    dependency = tmp_path / "nsdep"
    (dependency / "Sources" / "NSDep").mkdir(parents=True)
    (dependency / "Package.swift").write_text(
        '// swift-tools-version:6.1\nimport PackageDescription\n'
        'let package = Package(name: "nsdep", products: [.library(name: "NSDep", targets: ["NSDep"])], targets: [\n'
        '    .target(name: "NSDep", swiftSettings: [.enableUpcomingFeature("NonisolatedNonsendingByDefault")])])\n')
    (dependency / "Sources" / "NSDep" / "Where.swift").write_text(
        "/// Nonisolated and async in a module built with NonisolatedNonsendingByDefault: it runs on its caller's actor.\n"
        "public func runsOnCaller() async -> Bool {\n"
        "    await Task.yield()\n"
        "    return (#isolation as (any Actor)?) != nil\n"
        "}\n")
    app = tmp_path / "app"
    (app / "Sources" / "App").mkdir(parents=True)
    (app / "Package.swift").write_text(
        '// swift-tools-version:6.1\nimport PackageDescription\n'
        'let package = Package(name: "app", dependencies: [\n'
        '    .package(path: "../nsdep"), .package(name: "Runtime", path: "' + str(ROOT / "Runtime") + '"),\n'
        '    .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.7.3")],\n'
        '  targets: [.executableTarget(name: "App", dependencies: [\n'
        '    .product(name: "NSDep", package: "nsdep"), .product(name: "InstSwiftRuntime", package: "Runtime"),\n'
        '    .product(name: "Tracing", package: "swift-distributed-tracing"),\n'
        '    .product(name: "InMemoryTracing", package: "swift-distributed-tracing")])])\n')
    (app / "Sources" / "App" / "main.swift").write_text(
        "import InMemoryTracing\nimport InstSwiftRuntime\nimport NSDep\nimport Tracing\n"
        "let tracer = InMemoryTracer()\n"
        "InstrumentationSystem.bootstrap(tracer)\n"
        "print(\"on the caller's actor: \\(await runsOnCaller())\")\n"
        "print(\"spans: \\(tracer.finishedSpans.map(\\.operationName))\")\n")
    (app / ".instswift.yml").write_text("disable-packs: [bootstrap]\n")
    (app / "rules.yml").write_text(
        "rules:\n  - id: dep.where\n    package: {name: nsdep}\n    where:\n      function: {name: runsOnCaller}\n"
        "    advice:\n      - span: {}\n")
    out = instswift("swift", "run", "--rules", "rules.yml", "App", cwd=app).stdout
    assert 'spans: ["runsOnCaller"]' in out, out
    assert "on the caller's actor: true" in out, out
