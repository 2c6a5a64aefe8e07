// Reduced from apple/swift-system 1.8.1 (IORing): functions that return or consume values of types that are not
// Copyable or not Escapable are left alone; borrowing and mutating them inside the span closure is fine.
struct Request: ~Copyable {
    var fileDescriptor: Int32 = 0
}

extension Request {
    consuming func submitted() -> Request {
        self
    }

    func descriptor() -> Int32 {
        fileDescriptor
    }
}

func makeRequest(file: Int32, request: consuming Request) -> Request {
    request.fileDescriptor = file
    return request
}

func freshRequest() -> Request {
    Request()
}

func read(_ request: borrowing Request) -> Int32 {
    request.fileDescriptor
}

func reset(_ request: inout Request) {
    request.fileDescriptor = 0
}

struct Buffer {
    var storage: UnsafeMutableRawBufferPointer

    var bytes: RawSpan {
        @_lifetime(borrow self)
        get {
            let span = RawSpan(_unsafeBytes: UnsafeRawBufferPointer(storage))
            return unsafe _overrideLifetime(span, borrowing: self)
        }
    }

    func count(of span: Span<UInt8>) -> Int {
        span.count
    }
}
