"""Where an instrumented body runs: the span must not move it to another executor. A dependency module built with
`NonisolatedNonsendingByDefault` reaches the runtime at link time, and its nonisolated async functions run on their
caller's actor; instrumented and traced, their bodies must still (docs/adr/0016). So must those of a function written
`nonisolated(nonsending)` in a module without the feature, and those of a root module built with it, which imports the
runtime (its spans take the runtime's `nonsending` entries)."""

import pathlib

from conftest import instswift

ROOT = pathlib.Path(__file__).resolve().parents[2]


def reports_isolation(declaration):
    """A function that tells whether its body runs on an actor, after a suspension."""
    return f"{declaration} async -> Bool {{\n    await Task.yield()\n    return (#isolation as (any Actor)?) != nil\n}}\n"


def test_a_nonsending_dependency_function_runs_on_its_callers_actor_inside_its_span(tmp_path):
    dependency = tmp_path / "nsdep"
    (dependency / "Sources" / "NSDep").mkdir(parents=True)
    (dependency / "Package.swift").write_text(
        '// swift-tools-version:6.1\nimport PackageDescription\n'
        'let package = Package(name: "nsdep", products: [.library(name: "NSDep", targets: ["NSDep", "NSExplicit"])], targets: [\n'
        '    .target(name: "NSDep", swiftSettings: [.enableUpcomingFeature("NonisolatedNonsendingByDefault")]),\n'
        '    .target(name: "NSExplicit")])\n')
    (dependency / "Sources" / "NSExplicit").mkdir(parents=True)
    (dependency / "Sources" / "NSExplicit" / "Explicit.swift").write_text(
        "/// Written nonisolated(nonsending) in a module without the feature.\n"
        + reports_isolation("public nonisolated(nonsending) func explicitOnCaller()")
        + "/// A plain nonisolated async function still runs on the global executor.\n"
        + reports_isolation("public func concurrentByDefault()"))
    (dependency / "Sources" / "NSDep" / "Where.swift").write_text(
        "/// Nonisolated and async in a module built with NonisolatedNonsendingByDefault: it runs on its caller's actor.\n"
        + reports_isolation("public func runsOnCaller()"))
    app = tmp_path / "app"
    (app / "Sources" / "App").mkdir(parents=True)
    (app / "Package.swift").write_text(
        '// swift-tools-version:6.1\nimport PackageDescription\n'
        'let package = Package(name: "app", dependencies: [\n'
        '    .package(path: "../nsdep"), .package(name: "Runtime", path: "' + str(ROOT / "Runtime") + '"),\n'
        '    .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.7.3")],\n'
        '  targets: [.executableTarget(name: "App", dependencies: [\n'
        '    "AppNonsending", .product(name: "NSDep", package: "nsdep"), .product(name: "InstSwiftRuntime", package: "Runtime"),\n'
        '    .product(name: "Tracing", package: "swift-distributed-tracing"),\n'
        '    .product(name: "InMemoryTracing", package: "swift-distributed-tracing")]),\n'
        '    .target(name: "AppNonsending", dependencies: [.product(name: "InstSwiftRuntime", package: "Runtime")],\n'
        '            swiftSettings: [.enableUpcomingFeature("NonisolatedNonsendingByDefault")])])\n')
    (app / "Sources" / "AppNonsending").mkdir(parents=True)
    (app / "Sources" / "AppNonsending" / "Root.swift").write_text(
        "/// Nonisolated and async in a root module built with NonisolatedNonsendingByDefault, which imports the runtime.\n"
        + reports_isolation("public func rootOnCaller()"))
    (app / "Sources" / "App" / "main.swift").write_text(
        "import AppNonsending\nimport InMemoryTracing\nimport InstSwiftRuntime\nimport NSDep\nimport NSExplicit\nimport Tracing\n"
        "let tracer = InMemoryTracer()\n"
        "InstrumentationSystem.bootstrap(tracer)\n"
        "print(\"on the caller's actor: \\(await runsOnCaller())\")\n"
        "print(\"explicit on the caller's actor: \\(await explicitOnCaller())\")\n"
        "print(\"concurrent on the caller's actor: \\(await concurrentByDefault())\")\n"
        "print(\"root on the caller's actor: \\(await rootOnCaller())\")\n"
        "print(\"spans: \\(tracer.finishedSpans.map(\\.operationName))\")\n")
    (app / ".instswift.yml").write_text("disable-packs: [bootstrap]\n")
    (app / "rules.yml").write_text(
        "rules:\n  - id: dep.where\n    package: {name: nsdep}\n    where:\n      function: {}\n"
        "    advice:\n      - span: {}\n"
        "  - id: root.where\n    where:\n      function: {name: rootOnCaller}\n    advice:\n      - span: {}\n")
    out = instswift("swift", "run", "--rules", "rules.yml", "App", cwd=app).stdout
    assert 'spans: ["runsOnCaller", "explicitOnCaller", "concurrentByDefault", "rootOnCaller"]' in out, out
    assert "on the caller's actor: true" in out, out
    assert "explicit on the caller's actor: true" in out, out
    assert "concurrent on the caller's actor: false" in out, out
    assert "root on the caller's actor: true" in out, out
