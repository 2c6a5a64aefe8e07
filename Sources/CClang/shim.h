// libclang's C API, from Debian's libclang-dev (headers in /usr/lib/llvm-14/include, added by Package.swift).
#include <clang-c/Index.h>
