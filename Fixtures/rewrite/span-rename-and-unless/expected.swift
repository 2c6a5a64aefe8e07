/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/final class Box { var value: String?; init() {} }

struct OwnTracing {
    init() {/*<instswift>*/ InstSwift.mark("router.own-tracing"); /*</instswift>*/}
}

struct Router {
    let route = Box()

    func respond(to path: String) async throws -> Int {/*<instswift>*/ return try await InstSwift.span("HTTP", kind: .server, enabled: !(InstSwift.isMarked("router.own-tracing")), onResult: { instswiftSpan, instswiftResult in InstSwift.record("http.response.status_code", instswiftResult, on: instswiftSpan); InstSwift.rename(instswiftSpan, route.value.map { "GET \($0)" } ?? "GET") }, onError: { instswiftSpan, instswiftError in InstSwift.rename(instswiftSpan, route.value.map { "GET \($0)" } ?? "GET") }) { (instswiftSpan) async throws -> Int in /*</instswift>*/
        route.value = path == "/" ? nil : "/items/{id}"
        return 200
    /*<instswift>*/}/*</instswift>*/}

    func respond(quick path: String) -> Int {/*<instswift>*/ return InstSwift.span("HTTP", kind: .server, enabled: !(InstSwift.isMarked("router.own-tracing")), onResult: { instswiftSpan, instswiftResult in InstSwift.record("http.response.status_code", instswiftResult, on: instswiftSpan); InstSwift.rename(instswiftSpan, route.value.map { "GET \($0)" } ?? "GET") }) { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/
        route.value = path
        return 204
    /*<instswift>*/}/*</instswift>*/}
}

extension Router {
    var routeName: String? { route.value }
}
