"""Installing instswift (scripts/install.sh) and adopting it in a team's repository, as CI would: `instswift` on PATH
finds its packs and runtime with no environment variable; `pin` names the runtime by URL and version, so a committed
manifest builds in another clone instrumented (scripts/ci-build.sh, the README's CI recipe) and plain SwiftPM resolves
it to the same commit (and builds it, with INSTSWIFT_E2E_SLOW=1); a pin of another version is moved by `pin`;
uninstall removes what install put."""

import json
import os
import shutil
import subprocess
import uuid

from conftest import ROOT

# A URL of its own per run: SwiftPM remembers the revision of every URL and version it resolved (its fingerprint
# store), and this checkout's runtime may have changed since the last run without a new version.
RUNTIME_URL = f"https://github.com/instswift-e2e-{uuid.uuid4().hex[:12]}/instswift-runtime"


def run(command, **kwargs):
    return subprocess.run(command, capture_output=True, text=True, timeout=3000, **kwargs)


def git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_install_adopt_in_a_repository_and_uninstall(tmp_path):
    prefix = tmp_path / "prefix with space ü"
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSTSWIFT_")}
    installed = run([str(ROOT / "scripts" / "install.sh"), str(prefix)], env=env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    tool = prefix / "bin" / "instswift"
    assert os.readlink(tool) == "../lib/instswift/bin/instswift"
    assert "ok      built-in packs:" in installed.stdout, installed.stdout
    assert "(builds resolve https://github.com/instswift/instswift-runtime 0.1.0 from it)" in installed.stdout, installed.stdout
    env["PATH"] = f"{prefix / 'bin'}:{env['PATH']}"

    # A team's repository: a package that does not depend on the runtime yet, with its own rules.
    repository = tmp_path / "team" / "app"
    shutil.copytree(ROOT / "Fixtures" / "packages" / "pin-me", repository, ignore=shutil.ignore_patterns(".build"))
    (repository / ".instswift.yml").write_text("rules: [pin-rules.yml]\n")
    (repository / ".gitignore").write_text(".build/\ninstswift-report.json\n")
    doctor = run(["instswift", "doctor", "--package-path", str(repository)], env=env)
    assert doctor.returncode == 1 and f"fix: instswift pin --package-path {repository}" in doctor.stdout, doctor.stdout
    git("init", "-q", cwd=repository)
    git("add", "-A", cwd=repository)
    git("commit", "-q", "-m", "app", cwd=repository)

    # The team names its own mirror of the runtime; builds and later pins keep it without being told again.
    pinned = run(["instswift", "pin", "--runtime-url", RUNTIME_URL], cwd=repository, env=env)
    assert pinned.returncode == 0, pinned.stdout + pinned.stderr
    dependency = f'.package(url: "{RUNTIME_URL}", exact: "0.1.0")'
    assert f"added the package dependency {dependency}" in pinned.stdout, pinned.stdout
    manifest = (repository / "Package.swift").read_text()
    assert dependency in manifest and '.product(name: "InstSwiftRuntime", package: "instswift-runtime")' in manifest, manifest
    git("add", "-A", cwd=repository)
    git("commit", "-q", "-m", "instswift pin", cwd=repository)

    # CI: a fresh clone elsewhere, built by the recipe script with the installed instswift.
    checkout = tmp_path / "ci" / "app"
    git("clone", "-q", str(repository), str(checkout), cwd=tmp_path)
    recipe = run([str(ROOT / "scripts" / "ci-build.sh")], cwd=checkout, env=env)
    assert recipe.returncode == 0, recipe.stdout[-6000:] + recipe.stderr[-6000:]
    assert f"pins the runtime {RUNTIME_URL} 0.1.0" in recipe.stdout, recipe.stdout
    report = json.loads((checkout / "instswift-report.json").read_text())
    assert {(site["module"], site["declaration"]) for site in report["instrumented"]} >= {("PinMe", "function greet(_:)")}, report
    assert "declarations instrumented in" in recipe.stdout and "PinMe" in recipe.stdout, recipe.stdout
    program = run([str(checkout / ".build" / "instswift" / "debug" / "PinMe")], env=env)
    assert program.stdout == "hello pin\n", program.stdout + program.stderr

    # Plain SwiftPM on the same clone resolves the URL from the published repository, which the installed copy stands
    # in for here through git's insteadOf, to the very commit the instrumented build used: the reproducible runtime
    # commit is what lets Package.resolved hold on every machine; and it builds the committed manifest, whose program
    # runs as before (a teammate without instswift is not stopped by the pin).
    resolved = checkout / "Package.resolved"
    instrumented_pins = json.loads(resolved.read_text())["pins"]
    resolved.unlink()
    published = dict(env, GIT_CONFIG_COUNT="1", GIT_CONFIG_KEY_0=f"url.{prefix}/lib/instswift/Runtime.insteadOf",
                     GIT_CONFIG_VALUE_0=RUNTIME_URL)
    plain = run(["swift", "package", "resolve"], cwd=checkout, env=published)
    assert plain.returncode == 0, plain.stdout[-6000:] + plain.stderr[-6000:]
    plain_pins = json.loads(resolved.read_text())["pins"]
    runtime_pin = [pin for pin in plain_pins if pin["location"] == RUNTIME_URL]
    assert runtime_pin and runtime_pin[0]["state"]["version"] == "0.1.0", plain_pins
    assert plain_pins == instrumented_pins
    # The plain build compiles the runtime's whole graph (swift-otel, swift-protobuf, swift-nio-ssl) a second time, ~4
    # minutes here, to show what the resolve above (the same commit), the instrumented build of that commit and this
    # repository's own plain build of Runtime/ already show; it runs with the slow suites (INSTSWIFT_E2E_SLOW=1), so
    # that CI keeps to its budget.
    if os.environ.get("INSTSWIFT_E2E_SLOW") == "1":
        plain_build = run(["swift", "build"], cwd=checkout, env=published)
        assert plain_build.returncode == 0, plain_build.stdout[-6000:] + plain_build.stderr[-6000:]
        plain_program = run([str(checkout / ".build" / "debug" / "PinMe")], env=env)
        assert plain_program.stdout == "hello pin\n", plain_program.stdout + plain_program.stderr

    # A pin written by an older instswift — another version, or the runtime folder it used to pin — fails the build
    # with the fix, and `pin` moves it to this version; the manifest is then what this version pinned.
    older = manifest.replace('exact: "0.1.0"', 'exact: "0.0.9"')
    (checkout / "Package.swift").write_text(older)
    failed = run(["instswift", "swift", "build"], cwd=checkout, env=env)
    assert failed.returncode != 0
    assert "pins the instswift runtime 0.0.9, and this instswift is 0.1.0: run 'instswift pin'" in failed.stderr, failed.stderr[-3000:]
    moved = run(["instswift", "pin"], cwd=checkout, env=env)
    assert f'moved the runtime dependency .package(url: "{RUNTIME_URL}", exact: "0.0.9") to {dependency}' in moved.stdout, moved.stdout + moved.stderr
    assert (checkout / "Package.swift").read_text() == manifest
    folder = manifest.replace(dependency, f'.package(name: "Runtime", path: "{prefix}/lib/instswift/Runtime")') \
        .replace('package: "instswift-runtime"', 'package: "Runtime"')
    (checkout / "Package.swift").write_text(folder)
    moved = run(["instswift", "pin", "--runtime-url", RUNTIME_URL], cwd=checkout, env=env)
    assert "moved the runtime dependency .package(name: \"Runtime\", path:" in moved.stdout, moved.stdout + moved.stderr
    assert (checkout / "Package.swift").read_text() == manifest

    # A runtime made for another instswift (here: a copy whose declared API version is older) stops the build as that
    # runtime compiles, with one error at its declaration that names the fix, before injected code calls it.
    stale = tmp_path / "stale runtime ü"
    shutil.copytree(prefix / "lib" / "instswift" / "Runtime", stale, symlinks=True)
    declaration = stale / "Sources" / "InstSwiftRuntime" / "RuntimeAPIVersion.swift"
    declaration.write_text(declaration.read_text().replace("static let apiVersion = ", "static let apiVersion = 0 * "))
    (checkout / "Package.swift").write_text(manifest.replace(dependency, f'.package(name: "Runtime", path: "{stale}")')
                                            .replace('package: "instswift-runtime"', 'package: "Runtime"'))
    refused = run(["instswift", "swift", "build"], cwd=checkout, env=env)
    assert refused.returncode != 0
    output = refused.stdout + refused.stderr
    assert f"{declaration}:" in output and ": error: this instswift runtime offers API version 0, made for an older instswift" in output, output[-6000:]
    assert "run 'instswift pin' to move the package to this instswift's runtime" in output, output[-6000:]
    assert "cannot find 'InstSwift" not in output and "has no member" not in output, output[-6000:]

    removed = run([str(ROOT / "scripts" / "install.sh"), "--uninstall", str(prefix)], env=env)
    assert removed.returncode == 0, removed.stderr
    assert not (prefix / "lib" / "instswift").exists() and not os.path.lexists(tool)
