// libclang's C API (Debian's libclang-dev headers, found through the package's -I flag), loaded on first use.
#include <clang-c/Index.h>

/// Loads libclang once. Returns NULL when it is ready, or a message saying why it could not be loaded. Every
/// `clang_*` function this target defines forwards to the loaded library; call this before the first of them.
const char *instswift_libclang_load(void);
