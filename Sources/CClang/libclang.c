// The libclang functions instswift uses, as trampolines into a libclang that is loaded with dlopen on first use.
//
// Linking libclang (and with it LLVM) into instswift made every process start pay for its static initializers and
// relocations: ~60 ms and ~57 MiB per compiler-shim invocation, though only C compiles that a C rule touches need it.

#include "CClang.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// X(return type, name, parameters, arguments) for each function, and X_VOID for those returning nothing.
#define LIBCLANG_FUNCTIONS(X, X_VOID) \
    X(CXIndex, clang_createIndex, (int pch, int diagnostics), (pch, diagnostics)) \
    X_VOID(clang_disposeIndex, (CXIndex index), (index)) \
    X(enum CXErrorCode, clang_parseTranslationUnit2, \
      (CXIndex index, const char *path, const char *const *args, int argc, struct CXUnsavedFile *unsaved, unsigned unsavedCount, unsigned options, CXTranslationUnit *unit), \
      (index, path, args, argc, unsaved, unsavedCount, options, unit)) \
    X_VOID(clang_disposeTranslationUnit, (CXTranslationUnit unit), (unit)) \
    X(CXCursor, clang_getTranslationUnitCursor, (CXTranslationUnit unit), (unit)) \
    X(CXFile, clang_getFile, (CXTranslationUnit unit, const char *path), (unit, path)) \
    X(unsigned, clang_getNumDiagnostics, (CXTranslationUnit unit), (unit)) \
    X(CXDiagnostic, clang_getDiagnostic, (CXTranslationUnit unit, unsigned index), (unit, index)) \
    X(enum CXDiagnosticSeverity, clang_getDiagnosticSeverity, (CXDiagnostic diagnostic), (diagnostic)) \
    X(CXString, clang_formatDiagnostic, (CXDiagnostic diagnostic, unsigned options), (diagnostic, options)) \
    X_VOID(clang_disposeDiagnostic, (CXDiagnostic diagnostic), (diagnostic)) \
    X(const char *, clang_getCString, (CXString string), (string)) \
    X_VOID(clang_disposeString, (CXString string), (string)) \
    X(unsigned, clang_visitChildren, (CXCursor parent, CXCursorVisitor visitor, CXClientData data), (parent, visitor, data)) \
    X(enum CXCursorKind, clang_getCursorKind, (CXCursor cursor), (cursor)) \
    X(CXString, clang_getCursorSpelling, (CXCursor cursor), (cursor)) \
    X(CXSourceRange, clang_getCursorExtent, (CXCursor cursor), (cursor)) \
    X(CXSourceLocation, clang_getCursorLocation, (CXCursor cursor), (cursor)) \
    X(CXType, clang_getCursorType, (CXCursor cursor), (cursor)) \
    X(CXType, clang_getCursorResultType, (CXCursor cursor), (cursor)) \
    X(unsigned, clang_isCursorDefinition, (CXCursor cursor), (cursor)) \
    X(unsigned, clang_Cursor_isVariadic, (CXCursor cursor), (cursor)) \
    X(unsigned, clang_Cursor_isFunctionInlined, (CXCursor cursor), (cursor)) \
    X(enum CX_StorageClass, clang_Cursor_getStorageClass, (CXCursor cursor), (cursor)) \
    X(CXType, clang_getCanonicalType, (CXType type), (type)) \
    X(CXType, clang_getPointeeType, (CXType type), (type)) \
    X(CXString, clang_getTypeSpelling, (CXType type), (type)) \
    X(CXSourceLocation, clang_getRangeStart, (CXSourceRange range), (range)) \
    X_VOID(clang_getExpansionLocation, (CXSourceLocation location, CXFile *file, unsigned *line, unsigned *column, unsigned *offset), \
      (location, file, line, column, offset)) \
    X_VOID(clang_getSpellingLocation, (CXSourceLocation location, CXFile *file, unsigned *line, unsigned *column, unsigned *offset), \
      (location, file, line, column, offset)) \
    X(int, clang_Location_isInSystemHeader, (CXSourceLocation location), (location)) \
    X(CXString, clang_getFileName, (CXFile file), (file)) \
    X(int, clang_File_isEqual, (CXFile a, CXFile b), (a, b))

#define POINTER(ret, name, params, args) static ret (*loaded_##name) params;
#define POINTER_VOID(name, params, args) static void (*loaded_##name) params;
LIBCLANG_FUNCTIONS(POINTER, POINTER_VOID)

/// Where libclang is looked for: INSTSWIFT_LIBCLANG first, then the names Debian's libclang-dev (LLVM 14) installs.
static const char *const candidates[] = {
    "libclang-14.so.1", "libclang-14.so.13", "libclang-14.so", "/usr/lib/llvm-14/lib/libclang.so.1", "libclang.so.1", "libclang.so",
};

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char failure[1024];
static const char *load_error = NULL;

static void load(void) {
    void *library = NULL;
    const char *chosen = getenv("INSTSWIFT_LIBCLANG");
    if (chosen && *chosen) {
        library = dlopen(chosen, RTLD_NOW | RTLD_LOCAL);
        if (!library) {
            snprintf(failure, sizeof failure, "INSTSWIFT_LIBCLANG=%s could not be loaded: %s", chosen, dlerror());
            load_error = failure;
            return;
        }
    }
    for (size_t i = 0; !library && i < sizeof candidates / sizeof *candidates; i++) {
        library = dlopen(candidates[i], RTLD_NOW | RTLD_LOCAL);
    }
    if (!library) {
        snprintf(failure, sizeof failure, "libclang was not found (looked for %s and others); install it with "
                 "'apt-get install libclang-dev' or name the library in INSTSWIFT_LIBCLANG", candidates[0]);
        load_error = failure;
        return;
    }
#define RESOLVE(ret, name, params, args) \
    if (!(loaded_##name = (ret (*) params)dlsym(library, #name))) { \
        snprintf(failure, sizeof failure, "the loaded libclang lacks %s; install libclang-dev (LLVM 14 or later)", #name); \
        load_error = failure; \
        return; \
    }
#define RESOLVE_VOID(name, params, args) RESOLVE(void, name, params, args)
    LIBCLANG_FUNCTIONS(RESOLVE, RESOLVE_VOID)
}

const char *instswift_libclang_load(void) {
    pthread_once(&once, load);
    return load_error;
}

/// A libclang function called before a successful load is a bug in instswift: say so instead of crashing on NULL.
static void require(const char *name) {
    const char *error = instswift_libclang_load();
    if (error) {
        fprintf(stderr, "instswift: internal error: %s called without libclang: %s\n", name, error);
        abort();
    }
}

#define TRAMPOLINE(ret, name, params, args) \
    ret name params { require(#name); return loaded_##name args; }
#define TRAMPOLINE_VOID(name, params, args) \
    void name params { require(#name); loaded_##name args; }
LIBCLANG_FUNCTIONS(TRAMPOLINE, TRAMPOLINE_VOID)
