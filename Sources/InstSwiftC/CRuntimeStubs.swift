/// Definitions of the C span API that ``CPrelude`` declares, for programs that link an instrumented C module but not
/// the runtime (a plugin's tool, a package that uses an instrumented dependency without tracing): every call does what
/// the runtime's does when nothing traces — `instswift_span_begin` returns NULL and the others ignore it.
public enum CRuntimeStubs {
    /// Swift source, compiled beside the Swift link-time stubs (`@_cdecl` gives the functions their C names).
    public static let swiftSource = """
        // instswift: the C span API for a program that does not link InstSwiftRuntime; C bodies run untraced.
        @_cdecl("instswift_span_begin") public func instswiftCStubSpanBegin(
            _ name: UnsafePointer<CChar>?, _ kind: Int32, _ function: UnsafePointer<CChar>?, _ file: UnsafePointer<CChar>?, _ line: Int32
        ) -> OpaquePointer? { nil }
        @_cdecl("instswift_span_set_int") public func instswiftCStubSpanSetInt(
            _ span: OpaquePointer?, _ key: UnsafePointer<CChar>?, _ value: Int64) {}
        @_cdecl("instswift_span_set_string") public func instswiftCStubSpanSetString(
            _ span: OpaquePointer?, _ key: UnsafePointer<CChar>?, _ value: UnsafePointer<CChar>?) {}
        @_cdecl("instswift_span_end") public func instswiftCStubSpanEnd(_ span: OpaquePointer?) {}

        """
}
