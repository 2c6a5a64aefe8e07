"""Installing instswift (scripts/install.sh) into a prefix: `instswift` on PATH finds its packs and runtime with no
environment variable, `doctor` says so, `pin` names the installed runtime, and uninstall removes what install put."""

import os
import shutil
import subprocess

from conftest import ROOT


def run(command, **kwargs):
    return subprocess.run(command, capture_output=True, text=True, timeout=1200, **kwargs)


def test_install_doctor_pin_and_uninstall(tmp_path):
    prefix = tmp_path / "prefix with space ü"
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSTSWIFT_")}
    installed = run([str(ROOT / "scripts" / "install.sh"), str(prefix)], env=env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    tool = prefix / "bin" / "instswift"
    assert os.readlink(tool) == "../lib/instswift/bin/instswift"
    assert "ok      built-in packs:" in installed.stdout and "ok      runtime package:" in installed.stdout

    # A package that does not link the runtime: doctor names the fix and fails; pin then adds the installed runtime.
    package = tmp_path / "app"
    shutil.copytree(ROOT / "Fixtures" / "packages" / "pin-me", package, ignore=shutil.ignore_patterns(".build"))
    doctor = run([str(tool), "doctor", "--package-path", str(package)], env=env)
    assert doctor.returncode == 1 and f"fix: instswift pin --package-path {package}" in doctor.stdout, doctor.stdout
    pinned = run([str(tool), "pin", "--package-path", str(package), "--dry-run"], env=env)
    assert pinned.returncode == 0 and str(prefix / "lib" / "instswift" / "Runtime") in pinned.stdout, pinned.stdout + pinned.stderr

    removed = run([str(ROOT / "scripts" / "install.sh"), "--uninstall", str(prefix)], env=env)
    assert removed.returncode == 0, removed.stderr
    assert not (prefix / "lib" / "instswift").exists() and not os.path.lexists(tool)
