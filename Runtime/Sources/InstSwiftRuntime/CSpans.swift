import CInstSwiftRuntime
import Instrumentation
import Tracing
#if canImport(Glibc)
import Glibc
#endif

// The C API of `instswift.h`, for spans in C code. A C function runs synchronously on its caller's thread, so the spans
// it opens are kept on a per-thread stack: the innermost one is the parent of spans started below it, C or Swift.

/// A C span handle: the Swift span behind `instswift_span *`.
final class CSpan {
    let span: any Span
    init(_ span: any Span) { self.span = span }
}

@_cdecl("instswift_span_begin")
func cSpanBegin(
    _ name: UnsafePointer<CChar>?, _ kind: Int32, _ function: UnsafePointer<CChar>?, _ file: UnsafePointer<CChar>?, _ line: Int32
) -> OpaquePointer? {
    guard let name, InstSwift.shouldTrace else { return nil }
    let span = InstSwift.start(
        String(cString: name), kind: SpanKind(cKind: kind), context: nil,
        function: function.map { String(cString: $0) } ?? "", file: file.map { String(cString: $0) } ?? "", line: UInt(max(0, line))
    )
    ThreadSpanStack.push(span.context)
    return OpaquePointer(Unmanaged.passRetained(CSpan(span)).toOpaque())
}

@_cdecl("instswift_span_set_int")
func cSpanSetInt(_ handle: OpaquePointer?, _ key: UnsafePointer<CChar>?, _ value: Int64) {
    guard let handle, let key else { return }
    Unmanaged<CSpan>.fromOpaque(UnsafeRawPointer(handle)).takeUnretainedValue().span.attributes[String(cString: key)] = Int(value)
}

@_cdecl("instswift_span_set_string")
func cSpanSetString(_ handle: OpaquePointer?, _ key: UnsafePointer<CChar>?, _ value: UnsafePointer<CChar>?) {
    guard let handle, let key, let value else { return }
    Unmanaged<CSpan>.fromOpaque(UnsafeRawPointer(handle)).takeUnretainedValue().span.attributes[String(cString: key)] = String(cString: value)
}

@_cdecl("instswift_span_end")
func cSpanEnd(_ handle: OpaquePointer?) {
    guard let handle else { return }
    let box = Unmanaged<CSpan>.fromOpaque(UnsafeRawPointer(handle)).takeRetainedValue()
    ThreadSpanStack.pop()
    TracerCall.end(box.span)
}

extension SpanKind {
    init(cKind: Int32) {
        switch cKind {
        case 1: self = .server
        case 2: self = .client
        case 3: self = .producer
        case 4: self = .consumer
        default: self = .internal
        }
    }
}

/// Contexts of the spans open on this thread while C code (and Swift code it calls back) runs, innermost last.
/// Empty whenever no C span is open, which is the only case Swift-only code ever sees.
@usableFromInline
enum ThreadSpanStack {
    final class Storage {
        var contexts: [InstrumentationContext] = []
    }

    static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            #if os(Linux)
            guard let pointer else { return }
            #endif
            Unmanaged<Storage>.fromOpaque(pointer).release()
        }
        return key
    }()

    static var storage: Storage? {
        pthread_getspecific(key).map { Unmanaged<Storage>.fromOpaque($0).takeUnretainedValue() }
    }

    /// The innermost open span's context on this thread, if a C span is open.
    @usableFromInline
    static var top: InstrumentationContext? { storage?.contexts.last }

    @usableFromInline
    static func push(_ context: InstrumentationContext) {
        if let storage {
            storage.contexts.append(context)
        } else {
            let storage = Storage()
            storage.contexts.append(context)
            pthread_setspecific(key, Unmanaged.passRetained(storage).toOpaque())
        }
    }

    @usableFromInline
    static func pop() {
        _ = storage?.contexts.popLast()
    }
}
