/// What a rewritten C file starts with: the runtime's C API (`Runtime/Sources/CInstSwiftRuntime/include/instswift.h`,
/// which a test keeps identical), so the copy needs no include path to the runtime. `#line` follows it.
enum CPrelude {
    static let text = """
        #ifndef INSTSWIFT_H
        #define INSTSWIFT_H

        /* C spans that join the Swift trace. instswift's C rewriter declares these for the code it instruments; C code may
         * also call them by hand. A span begun here is the child of the span current where the C code was called from (the
         * calling Swift task's, or an enclosing C span's), and Swift spans started from C callbacks nest under it.
         * When nothing traces, instswift_span_begin returns NULL and the other calls do nothing. */

        typedef struct instswift_span instswift_span;

        enum instswift_span_kind {
            INSTSWIFT_SPAN_INTERNAL = 0,
            INSTSWIFT_SPAN_SERVER = 1,
            INSTSWIFT_SPAN_CLIENT = 2,
            INSTSWIFT_SPAN_PRODUCER = 3,
            INSTSWIFT_SPAN_CONSUMER = 4
        };

        /* Starts a span and makes it current on this thread until it ends. */
        instswift_span *instswift_span_begin(const char *name, int kind, const char *function, const char *file, int line);
        void instswift_span_set_int(instswift_span *span, const char *key, long long value);
        /* NULL values are recorded as absent. */
        void instswift_span_set_string(instswift_span *span, const char *key, const char *value);
        void instswift_span_end(instswift_span *span);

        /* For `__attribute__((cleanup(instswift_span_end_at_scope_exit)))`: ends the span on every return path. */
        static inline void instswift_span_end_at_scope_exit(instswift_span **span) {
            instswift_span_end(*span);
        }

        #endif

        """
}
