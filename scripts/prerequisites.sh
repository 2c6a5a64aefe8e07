#!/usr/bin/env bash
# Checks (and, as root, installs) what instswift's demo and tests need on a Debian machine with the Swift toolchain.
# Sourced by scripts/demo.sh and scripts/test.sh:  prerequisites demo|test
# Without root it installs nothing: it stops at the first missing piece with one line naming the command that adds it.

prerequisites() {
    local purpose=$1
    local missing_debian=() missing_python=()

    if ! command -v swift >/dev/null; then
        echo "instswift: the Swift toolchain is missing (swift is not on PATH); install Swift 6.3 from swift.org and add its usr/bin to PATH" >&2
        exit 1
    fi
    # libclang-dev: the C frontend's headers (the tool does not compile without them).
    [ -f /usr/lib/llvm-14/include/clang-c/Index.h ] || missing_debian+=(libclang-dev)
    command -v curl >/dev/null || missing_debian+=(curl)
    # libsqlite3-dev: GRDB (in the example package) links the system SQLite.
    [ -f /usr/include/sqlite3.h ] || missing_debian+=(libsqlite3-dev)
    if [ "$purpose" = test ]; then
        command -v python3 >/dev/null || missing_debian+=(python3 python3-pip)
        command -v wrk >/dev/null || missing_debian+=(wrk)
        # PostgreSQL server binaries (initdb, pg_ctl): the PostgresNIO suite starts a throwaway cluster.
        compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing_debian+=(postgresql)
    fi

    if [ ${#missing_debian[@]} -gt 0 ]; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            echo "== installing Debian packages: ${missing_debian[*]}"
            DEBIAN_FRONTEND=noninteractive apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing_debian[@]}" >/dev/null
        else
            echo "instswift: missing Debian packages: ${missing_debian[*]}; install them with: sudo apt-get install -y ${missing_debian[*]}" >&2
            exit 1
        fi
    fi

    if [ "$purpose" = test ]; then
        local module
        for module in opentelemetry.proto google.protobuf jsonschema yaml pytest mcp opentelemetry.sdk opentelemetry.exporter.otlp.proto.http; do
            python3 -c "import $module" 2>/dev/null || missing_python+=("$module")
        done
        if [ ${#missing_python[@]} -gt 0 ]; then
            local requirements
            requirements="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/requirements.txt"
            if [ "$(id -u)" = 0 ] || [ -n "${VIRTUAL_ENV:-}" ]; then
                echo "== installing Python packages for the tests (${missing_python[*]})"
                python3 -m pip install -q --root-user-action=ignore -r "$requirements" 2>/dev/null \
                    || python3 -m pip install -q -r "$requirements"
            else
                echo "instswift: missing Python modules ${missing_python[*]}; install them with: python3 -m pip install -r $requirements" >&2
                exit 1
            fi
        fi
    fi
}
