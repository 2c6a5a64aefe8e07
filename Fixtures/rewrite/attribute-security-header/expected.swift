/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func handle(method: String, authorization: String) -> Int {/*<instswift>*/ return InstSwift.span("handle", kind: .server, attributes: { instswiftSpan in InstSwift.record("http.request.method", method, on: instswiftSpan) }) { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/
    authorization.isEmpty ? 401 : 200
/*<instswift>*/}/*</instswift>*/}
