// Reduced from apple/swift-system 1.8.1 (IORing): functions that return or consume values of types that are not
// Copyable or not Escapable are left alone; borrowing and mutating them inside the span closure is fine.
/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/struct Request: ~Copyable {
    var fileDescriptor: Int32 = 0
}

extension Request {
    consuming func submitted() -> Request {
        self
    }

    func descriptor() -> Int32 {/*<instswift>*/ return InstSwift.syncSpan("Request.descriptor") { (instswiftSpan) throws(Never) -> Int32 in /*</instswift>*/
        fileDescriptor
    /*<instswift>*/}/*</instswift>*/}
}

func makeRequest(file: Int32, request: consuming Request) -> Request {
    request.fileDescriptor = file
    return request
}

func freshRequest() -> Request {
    Request()
}

func read(_ request: borrowing Request) -> Int32 {/*<instswift>*/ return InstSwift.syncSpan("read") { (instswiftSpan) throws(Never) -> Int32 in /*</instswift>*/
    request.fileDescriptor
/*<instswift>*/}/*</instswift>*/}

func reset(_ request: inout Request) {/*<instswift>*/ return InstSwift.syncSpan("reset") { (instswiftSpan) throws(Never) -> Void in /*</instswift>*/
    request.fileDescriptor = 0
/*<instswift>*/}/*</instswift>*/}

struct Buffer {
    var storage: UnsafeMutableRawBufferPointer

    var bytes: RawSpan {
        @_lifetime(borrow self)
        get {
            let span = RawSpan(_unsafeBytes: UnsafeRawBufferPointer(storage))
            return unsafe _overrideLifetime(span, borrowing: self)
        }
    }

    func count(of span: Span<UInt8>) -> Int {/*<instswift>*/ return InstSwift.syncSpan("Buffer.count") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/
        span.count
    /*<instswift>*/}/*</instswift>*/}
}
