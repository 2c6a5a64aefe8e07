"""What bench_postgres.py and bench_http.py share: the benchmark programs of Fixtures/packages/benchmarks, built
release twice — with SwiftPM alone and with instswift (the built-in packs and the bootstrap, as a user gets them) —
so the package's dependencies are built once per kind; and a free loopback port."""

import os
import socket
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
PACKAGE = os.path.join(ROOT, "Fixtures", "packages", "benchmarks")
INSTSWIFT = os.path.join(ROOT, ".build", "release", "instswift")


def build(product):
    """(plain binary, instrumented binary) of `product`; stops with the build's output when a build fails."""
    plain = subprocess.run(["swift", "build", "-c", "release", "--product", product, "--package-path", PACKAGE,
                            "--scratch-path", os.path.join(PACKAGE, ".build-plain")], capture_output=True, text=True)
    if plain.returncode != 0:
        sys.exit(f"swift build failed:\n{plain.stdout[-4000:]}\n{plain.stderr[-4000:]}")
    built = subprocess.run([INSTSWIFT, "swift", "build", "-c", "release", "--product", product, "--package-path", PACKAGE],
                           capture_output=True, text=True)
    if built.returncode != 0:
        sys.exit(f"instswift swift build failed:\n{built.stdout[-4000:]}\n{built.stderr[-4000:]}")

    def binary(scratch):
        path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path", "--package-path", PACKAGE,
                               "--scratch-path", os.path.join(PACKAGE, scratch)], capture_output=True, text=True,
                              check=True).stdout.strip()
        return os.path.join(path, product)
    return binary(".build-plain"), binary(os.path.join(".build", "instswift"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
