import HTTPTypes
import NIOHTTP1

struct Request {
    var headers: HTTPFields
}

struct Client {
    func serve(_ request: Request) async -> Int {/*<instswift>*/ return await InstSwift.span("Client.serve", kind: .server, context: InstSwift.extract(from: request.headers), onResult: { instswiftSpan, instswiftResult in InstSwift.record("http.response.status_code", instswiftResult, on: instswiftSpan) }) { (instswiftSpan) async throws(Never) -> Int in /*</instswift>*/
        request.headers.count
    /*<instswift>*/}/*</instswift>*/}

    func execute(headers: HTTPHeaders) -> Int {/*<instswift>*/ return InstSwift.span("Client.execute", kind: .client) { (instswiftSpan) throws(Never) -> Int in var headers = headers; InstSwift.inject(into: &headers); /*</instswift>*/
        /*<instswift>*/return /*</instswift>*/headers.count
    /*<instswift>*/}/*</instswift>*/}

    func executeFields(headers: inout HTTPFields) -> Int {/*<instswift>*/ return InstSwift.span("Client.executeFields", kind: .client) { (instswiftSpan) throws(Never) -> Int in InstSwift.inject(into: &headers); /*</instswift>*/
        /*<instswift>*/return /*</instswift>*/headers.count
    /*<instswift>*/}/*</instswift>*/}
}
/*<instswift>*/
// (the link-time support code the compiler shim appends: see link-time-dependency-module/expected.swift)
/*</instswift>*/