#!/usr/bin/env python3
"""Semantic preservation at scale: instrument every function of real packages and check they still build and pass.

For each package of a list (`scripts/corpus-packages.txt`: `owner/name version` per line), from the local mirror:
clone it at its version, build it plain (with its tests; without them when only they fail to build here), run its tests; then instrument every Swift function,
method, initializer, accessor and subscript of its own modules (and every C function of its own C targets), build it
with `instswift swift build --build-tests`, and when its plain tests passed, run them instrumented. One row per
package: modules and declarations instrumented, build results with the first error (file:line), test counts plain
vs instrumented, time. A package the instswift runtime itself depends on cannot depend on the runtime: its library
products are then built instrumented as the dependencies of a generated package, the way a user instruments them
(a rule that names the package), and that package's program is run; its own tests cannot run that way.

    scripts/corpus.py                      # every package of the list (hours; resumable)
    scripts/corpus.py --slice ci --no-export   # the fixed small slice CI runs
    scripts/corpus.py kylef/PathKit        # some packages
    scripts/corpus.py --table              # print the results table (markdown) and stop

Results go to `.build/corpus/results.json` (one entry per package, kept between runs: a package already there is
skipped unless --force; a package's build folders are deleted once it passes, unless --keep-builds). Each step is
bounded (--timeout per build or test run). Exit status 1 when a package whose plain build passes fails to build
instrumented, or whose plain tests pass fails them instrumented.
"""

import argparse
import json
import os
import pathlib
import re
import shutil
import signal
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
WORK = ROOT / ".build" / "corpus"
RESULTS = WORK / "results.json"
INSTSWIFT = pathlib.Path(os.environ.get("INSTSWIFT_BIN", ROOT / ".build" / "release" / "instswift"))
PACKAGES = ROOT / "scripts" / "corpus-packages.txt"

# Small packages with their own tests, chosen to build in a few minutes here: what CI runs.
# Packages whose plain suites pass here, so CI compares test counts (kylef/PathKit, whose plain suite has 3 failures
# here, runs in the full corpus only): mxcl/Version, and apple/swift-system for the newest language features the corpus
# found (~Copyable and ~Escapable results, typed throws with do-catch, C targets; ~3 min). CI runs them with --no-export:
# the exporter (swift-otel with its HTTP client and TLS) is the bulk of a cold instrumented build, ~6 min on 2 cores,
# and the end-to-end suites build it already. apple/swift-http-types is in the runtime's own graph, so it exercises the
# build from a generated dependent (~1 min).
CI_SLICE = ["mxcl/Version", "apple/swift-system", "apple/swift-http-types"]

# What instswift says when the package is in its runtime's own dependency graph (ResolutionHint.runtimeDependsOnRoot).
RUNTIME_DEPENDENCY = "the instswift runtime's own dependencies use this package"

RULES = """\
rules:
  - id: corpus.every-function
    description: Every Swift body of the package's own modules.
    package:
      name: {identity}
    where:
      function:
        kinds: [function, method, initializer, accessor, subscript]
    advice:
      - span: {{}}
  - id: corpus.every-c-function
    description: Every C function of the package's own C targets.
    language: c
    package:
      name: {identity}
    where:
      function: {{}}
    advice:
      - span: {{}}
"""


def run(command, cwd, timeout, env=None):
    """(exit status or 'timeout', output, seconds)."""
    started = time.time()
    # A session of its own, so that a timeout stops the whole tree (swift-build, swift-test and the test runner under
    # instswift): a test runner left behind holds SwiftPM's lock on the package's build folder.
    process = subprocess.Popen(command, cwd=cwd, env=dict(os.environ, **(env or {})), text=True, errors="replace",
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        output, _ = process.communicate(timeout=timeout)
        return process.returncode, output, time.time() - started
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        output, _ = process.communicate()
        return "timeout", output or "", time.time() - started


def first_error(output):
    """The first compiler-style error (file:line: error: ...), or the last lines."""
    for line in output.splitlines():
        match = re.match(r"^(/[^:]+):(\d+):\d+: error: (.*)$", line)
        if match:
            return f"{match.group(1).split('/.build/corpus/')[-1]}:{match.group(2)}: {match.group(3)[:160]}"
    for line in output.splitlines():
        if "error:" in line:
            return line.strip()[:200]
    return output.strip().splitlines()[-1][:200] if output.strip() else ""


def test_counts(output):
    """(executed, failures) over XCTest's last summary and swift-testing's, or None."""
    executed = failures = 0
    found = False
    # "Executed 2777 tests, with 50 tests skipped and 1 failure (0 unexpected)" when some are skipped.
    xctest = re.findall(r"Executed (\d+) tests?, with (?:\d+ tests? skipped and )?(\d+) failures?", output)
    if xctest:
        executed, failures, found = int(xctest[-1][0]), int(xctest[-1][1]), True
    testing = re.search(r"Test run with (\d+) tests?(?: in \d+ suites?)? (passed|failed)(?: after [\d.]+ seconds)?(?: with (\d+) issues?)?", output)
    if testing:
        executed += int(testing.group(1))
        failures += int(testing.group(3) or 0)
        found = True
    spectre = re.findall(r"(\d+) passes?(?: (\d+) skipped,?)? and (\d+) failures?", output)
    if spectre:
        passes, _, failed = spectre[-1]
        executed, failures, found = executed + int(passes) + int(failed), failures + int(failed), True
    return [executed, failures] if found else None


def failed_tests(output):
    """The names of the tests a run reports failed: XCTest's `Test Case '...' failed` and swift-testing's `✘ Test ...
    failed` (its issue lines say `recorded an issue`, not `failed`)."""
    names = set(re.findall(r"^Test Case '(.+?)' failed", output, re.M))
    names.update(name for name in re.findall(r"^\S*\s*Test (.+?) failed after", output, re.M)
                 if not re.match(r"run with \d+ tests?", name))
    return sorted(names)


def clone(repository, version, destination):
    if destination.exists():
        shutil.rmtree(destination)
    for tag in (version, "v" + version):
        status, output, _ = run(["git", "clone", "-q", "--depth", "1", "--branch", tag, f"https://github.com/{repository}",
                                 str(destination)], cwd=WORK, timeout=600)
        if status == 0:
            return None
    return first_error(output) or "clone failed"


def build_from_dependent(repository, version, identity, package, rules, report, timeout, export):
    """Builds every library product of `package` instrumented, as a dependency of a generated package that uses them
    all, and runs that package's program: (exit status or 'timeout', output, seconds)."""
    status, output, seconds = run(["swift", "package", "dump-package"], package, timeout)
    if status != 0:
        return status, output, seconds
    products = [product["name"] for product in json.loads(output)["products"] if "library" in product["type"]]
    dependent = WORK / "dependents" / f"{identity}-dependent"  # its folder name is its identity
    if dependent.exists():
        shutil.rmtree(dependent)
    (dependent / "Sources" / "Dependent").mkdir(parents=True)
    uses = ", ".join(f'.product(name: "{product}", package: "{identity}")' for product in products)
    (dependent / "Package.swift").write_text(f"""// swift-tools-version:6.0
import PackageDescription

// Generated by scripts/corpus.py: every library product of {repository} {version}, instrumented as a dependency.
let package = Package(
    name: "corpus-dependent",
    dependencies: [.package(url: "https://github.com/{repository}", exact: "{version}")],
    targets: [.executableTarget(name: "Dependent", dependencies: [{uses}])]
)
""")
    (dependent / "Sources" / "Dependent" / "main.swift").write_text('print("corpus-dependent: built")\n')
    if not export:
        (dependent / ".instswift.yml").write_text("disable-packs: [bootstrap]\n")
    status, output, more = run([str(INSTSWIFT), "pin", "--rules", str(rules), "--runtime-path", str(ROOT / "Runtime")],
                               dependent, timeout)
    seconds += more
    if status != 0:
        return status, output, seconds
    status, output, more = run([str(INSTSWIFT), "swift", "build", "--rules", str(rules), "--report", str(report)],
                               dependent, timeout)
    seconds += more
    if status != 0:
        return status, output, seconds
    status, output, more = run([str(INSTSWIFT), "swift", "run", "--rules", str(rules), "Dependent"], dependent, timeout)
    if status == 0 and "corpus-dependent: built" not in output:
        status = "no output"
    return status, output, seconds + more


def study(repository, version, timeout, with_tests, export):
    name = repository.split("/")[-1]
    package = WORK / "packages" / name
    row = {"package": f"{repository} {version}", "started": time.strftime("%Y-%m-%d %H:%M")}
    problem = clone(repository, version, package)
    if problem:
        row["plain_build"] = "clone failed: " + problem
        return row
    identity = name.lower()
    status, output, seconds = run(["swift", "build", "--build-tests", "--scratch-path", ".build-plain"], package, timeout)
    row["plain_build"] = "ok" if status == 0 else f"failed ({status}): {first_error(output)}"
    build_tests = ["--build-tests"]
    if status != 0:
        # Test targets that no longer build here (a LinuxMain.swift of old XCTest): the modules alone still count.
        tests_error = first_error(output)
        status, output, more = run(["swift", "build", "--scratch-path", ".build-plain"], package, timeout)
        seconds += more
        if status == 0:
            row["plain_build"] = f"ok without tests (tests: {tests_error})"
            build_tests, with_tests = [], False
    row["plain_build_seconds"] = round(seconds)
    if status != 0:
        return row
    if with_tests and repository in SKIPPED_SUITES:
        row["skipped_suite"] = "%s: %s" % SKIPPED_SUITES[repository]
    if with_tests:
        status, output, seconds = run(["swift", "test", "--skip-build", "--scratch-path", ".build-plain", *skip_arguments(repository)],
                                      package, timeout)
        row["plain_tests"] = test_counts(output)
        row["plain_tests_passed"] = status == 0
        row["plain_test_seconds"] = round(seconds)
        if status != 0:
            row["plain_failed_tests"] = failed_tests(output)
            row["plain_test_failure"] = first_error(output)

    rules = WORK / "rules" / f"{identity}.yml"
    rules.parent.mkdir(parents=True, exist_ok=True)
    rules.write_text(RULES.format(identity=identity))
    if not export:
        # Without the bootstrap pack nothing links the exporter: spans go to swift-distributed-tracing's no-op tracer,
        # every instrumented body still runs through the runtime's span calls.
        (package / ".instswift.yml").write_text("disable-packs: [bootstrap]\n")
    row["export"] = export
    # The runtime folder of this checkout: the corpus builds instswift from source (no installed runtime repository).
    status, output, _ = run([str(INSTSWIFT), "pin", "--rules", str(rules), "--runtime-path", str(ROOT / "Runtime")], package, timeout)
    if status != 0:
        row["instrumented_build"] = f"pin failed: {first_error(output)}"
        return row
    report = WORK / "reports" / f"{identity}.json"
    report.parent.mkdir(parents=True, exist_ok=True)
    status, output, seconds = run([str(INSTSWIFT), "swift", "build", *build_tests, "--rules", str(rules),
                                   "--report", str(report)], package, timeout)
    row["instrumented_build"] = "ok" if status == 0 else f"failed ({status}): {first_error(output)}"
    row["instrumented_build_seconds"] = round(seconds)
    if status != 0 and RUNTIME_DEPENDENCY in output:
        # Its modules cannot depend on the runtime (a cycle); instswift says so and how to instrument it from a
        # dependent, which is what a user does: the package's library products, built instrumented for a package that
        # depends on it (its modules reach the runtime through link-time symbols). Its own tests cannot run that way.
        status, output, seconds = build_from_dependent(repository, version, identity, package, rules, report, timeout,
                                                       export)
        row["instrumented_build"] = ("ok from a dependent" if status == 0
                                     else f"failed from a dependent ({status}): {first_error(output)}")
        row["instrumented_build_seconds"] += round(seconds)
        with_tests = False
    if report.exists():
        sites = json.loads(report.read_text()).get("instrumented", [])
        row["declarations"] = len(sites)
        row["modules"] = sorted({site["module"] for site in sites})
    if status != 0 or not with_tests or not row.get("plain_tests"):
        return row
    # Every span is started and ended; 1% of traces are written, so the suite's time is the code's, not the disk's.
    status, output, seconds = run([str(INSTSWIFT), "swift", "test", "--skip-build", "--rules", str(rules), *skip_arguments(repository)],
                                  package, timeout,
                                  env={"OTEL_TRACES_SAMPLER": "traceidratio", "OTEL_TRACES_SAMPLER_ARG": "0.01",
                                       "INSTSWIFT_TRACE_FILE": str(WORK / "traces" / f"{identity}.jsonl")})
    row["instrumented_tests"] = test_counts(output)
    row["instrumented_tests_passed"] = status == 0
    row["instrumented_test_seconds"] = round(seconds)
    if status != 0:
        row["instrumented_test_failure"] = first_error(output)
        row["instrumented_failed_tests"] = failed_tests(output)
    if status != 0 and not row["plain_tests_passed"] and not failures_as_plain(row):
        # Some plain failures are timing-dependent: a second plain run tells a flaky test from one instrumenting broke.
        status, output, _ = run(["swift", "test", "--skip-build", "--scratch-path", ".build-plain", *skip_arguments(repository)],
                                package, timeout)
        row["plain_failed_tests"] = sorted(set(row["plain_failed_tests"]) | set(failed_tests(output)))
        row["plain_test_reruns"] = 1
    return row


def remove_builds(repository):
    """Deletes a studied package's plain, instrumented and dependent builds (1-3 GB each for the NIO families; a full
    run would fill the disk). Its small checkout stays for reading."""
    name = repository.split("/")[-1]
    package = WORK / "packages" / name
    for folder in [package / ".build", package / ".build-plain", WORK / "dependents" / f"{name.lower()}-dependent"]:
        shutil.rmtree(folder, ignore_errors=True)


def failures_as_plain(row):
    """Whether an instrumented suite whose plain run also fails ran as many tests and failed only tests that failed plain
    (named; a run whose failures no name was read for compares nothing, so it is not counted as the same)."""
    plain, instrumented = row.get("plain_tests"), row.get("instrumented_tests")
    if not plain or not instrumented or plain[0] != instrumented[0]:
        return False
    failed = set(row.get("instrumented_failed_tests", []))
    if instrumented[1] and not failed:
        return False
    return failed <= set(row.get("plain_failed_tests", []))


# Tests whose result depends on what instrumenting may change without changing the program's meaning, each with why.
# Such a test failing instrumented is reported, and not counted against the package.
# Test suites left out of the plain and the instrumented run alike, each with why it cannot pass instrumented by
# construction; the row says so.
SKIPPED_SUITES = {
    "swift-otel/swift-otel": (
        "EndToEndTests",
        "each test bootstraps swift-otel in a child process and checks the exact spans it exports; with every function "
        "of swift-otel's own module instrumented, the tracer's own code (its batch processor, its exporter) makes spans "
        "that the same tracer exports, so those tests see spans they do not expect (the rest of the suite passes)",
    ),
}


def skip_arguments(repository):
    """`swift test` arguments that leave out the package's SKIPPED_SUITES entry."""
    suite = SKIPPED_SUITES.get(repository)
    return ["--skip", suite[0]] if suite else []


EXPLAINED_FAILURES = {
    "apple/swift-nio-ssl": {
        "TLSConfigurationTest.testCorrectSetUpOfMTLSContext":
            "`bestEffortEquals` compares the raw bytes of two nil `Optional` enums (`withUnsafeBytes(of: "
            "_pskClientIdentityProvider)`); a nil's payload bytes are whatever the stack held, and instrumented code "
            "leaves other bytes there (both are nil; the bytes differ)",
    },
}


def explained_failures(row):
    """The failed tests of an instrumented run that EXPLAINED_FAILURES explains: {test: why}."""
    explained = EXPLAINED_FAILURES.get(row["package"].split(" ")[0], {})
    return {test: explained[test] for test in row.get("instrumented_failed_tests", []) if test in explained}


def verdict(row):
    if not str(row.get("plain_build", "")).startswith("ok"):
        return "skipped (plain build fails here)"
    if str(row.get("instrumented_build", "")).startswith("skipped"):
        return "skipped (the instswift runtime depends on it)"
    if row.get("instrumented_build") == "ok from a dependent":
        return "ok (built from a dependent: the instswift runtime depends on it)"
    if row.get("instrumented_build") != "ok":
        return "FAIL: instrumented build"
    if row.get("plain_tests_passed") and (not row.get("instrumented_tests_passed")
                                           or row.get("instrumented_tests") != row.get("plain_tests")):
        explained = explained_failures(row)
        plain, instrumented = row.get("plain_tests"), row.get("instrumented_tests")
        if (explained and instrumented and plain[0] == instrumented[0] and instrumented[1] == len(explained)
                and set(explained) == set(row.get("instrumented_failed_tests", []))):
            return "ok (the same tests ran; failed only: " + "; ".join(f"{t}: {why}" for t, why in explained.items()) + ")"
        return "FAIL: instrumented tests"
    if row.get("plain_tests") == [0, 0] and not row.get("plain_tests_passed"):
        # Nothing to compare: the plain test process ends (a crash, a missing service) before any test is counted.
        return "builds; suite not compared (the plain test run ends before any test here)"
    if row.get("plain_tests") and not row.get("plain_tests_passed") and "instrumented_tests" in row:
        if not failures_as_plain(row):
            return "FAIL: instrumented tests (failures the plain runs do not have)"
        return f"ok (the same tests ran; only tests that fail plain failed: {len(row.get('instrumented_failed_tests', []))})"
    return f"ok (suite {row['skipped_suite'].split(':')[0]} left out of both runs)" if row.get("skipped_suite") else "ok"


def table(results):
    lines = ["| package | modules | declarations | plain build | instrumented build | tests plain / instrumented | verdict |",
             "|---|---|---|---|---|---|---|"]
    for row in results.values():
        tests = "—"
        if row.get("plain_tests") is not None:
            tests = f"{row['plain_tests']} / {row.get('instrumented_tests', '—')}"
        build = row.get("instrumented_build", "—")
        lines.append(f"| {row['package']} | {', '.join(row.get('modules', [])) or '—'} | {row.get('declarations', '—')} "
                     f"| {row.get('plain_build', '—')[:60]} ({row.get('plain_build_seconds', '?')} s) "
                     f"| {build[:80]} ({row.get('instrumented_build_seconds', '?')} s) | {tests} | {verdict(row)} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("packages", nargs="*", help="owner/name entries of the list (default: all of it)")
    parser.add_argument("--slice", choices=["ci"], help="a fixed subset")
    parser.add_argument("--timeout", type=int, default=1800, help="seconds per build or test run")
    parser.add_argument("--no-tests", action="store_true", help="build only")
    parser.add_argument("--force", action="store_true", help="study packages that already have results")
    parser.add_argument("--no-export", action="store_true",
                        help="leave the bootstrap pack off: spans are made but not exported (no exporter to build)")
    parser.add_argument("--keep-builds", action="store_true",
                        help="keep every package's build folders (by default only a failing package's are kept)")
    parser.add_argument("--table", action="store_true", help="print the results table and stop")
    parser.add_argument("--results", type=pathlib.Path, default=RESULTS)
    arguments = parser.parse_args()

    WORK.mkdir(parents=True, exist_ok=True)
    results = json.loads(arguments.results.read_text()) if arguments.results.exists() else {}
    if arguments.table:
        print(table(results))
        return 0
    listed = [line.split() for line in PACKAGES.read_text().splitlines() if line.strip() and not line.startswith("#")]
    wanted = CI_SLICE if arguments.slice == "ci" else arguments.packages
    if wanted:
        listed = [entry for entry in listed if entry[0] in wanted]
        missing = set(wanted) - {entry[0] for entry in listed}
        if missing:
            print(f"corpus: not in {PACKAGES.name}: {', '.join(sorted(missing))}", file=sys.stderr)
            return 2
    if not INSTSWIFT.exists():
        print(f"corpus: {INSTSWIFT} is missing; build it with: swift build -c release --product instswift", file=sys.stderr)
        return 2
    for repository, version in listed:
        key = f"{repository} {version}"
        if key in results and not arguments.force:
            print(f"== {key}: kept from an earlier run ({verdict(results[key])})")
            continue
        print(f"== {key}", flush=True)
        row = study(repository, version, arguments.timeout, not arguments.no_tests, not arguments.no_export)
        results[key] = row
        arguments.results.parent.mkdir(parents=True, exist_ok=True)
        partial = arguments.results.with_name(arguments.results.name + ".partial")  # never a half-written results file
        partial.write_text(json.dumps(results, indent=1, sort_keys=True))
        partial.replace(arguments.results)
        print(f"   {verdict(row)}: {json.dumps(row)}", flush=True)
        if not arguments.keep_builds and not verdict(row).startswith("FAIL"):
            remove_builds(repository)
    print(table({key: results[key] for key in (f"{r} {v}" for r, v in listed) if key in results}))
    studied = [key for key in (f"{r} {v}" for r, v in listed) if key in results]
    failures = [key for key in studied if verdict(results[key]).startswith("FAIL")]
    print(f"corpus: {len(studied) - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
