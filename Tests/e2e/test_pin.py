"""`instswift pin` adds exactly the runtime the rules need, once; a build that needs it and lacks it stops with one
message naming the fix."""

import shutil

import pytest

from conftest import ROOT, instswift


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


def test_pin_adds_the_runtime_once_and_the_build_then_runs(package):
    out = instswift("pin", cwd=package).stdout
    relative = out.split('.package(path: "')[1].split('"')[0]
    assert (package / relative).resolve() == (ROOT / "Runtime").resolve(), out
    assert "added InstSwiftRuntime to target PinMe" in out
    manifest = (package / "Package.swift").read_text()
    assert "InstSwiftRuntime" in manifest

    again = instswift("pin", cwd=package).stdout
    assert "nothing to do" in again
    assert (package / "Package.swift").read_text() == manifest

    run = instswift("swift", "run", "PinMe", cwd=package).stdout
    assert "hello pin" in run
