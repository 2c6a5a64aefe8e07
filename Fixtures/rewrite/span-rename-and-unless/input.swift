final class Box { var value: String?; init() {} }

struct OwnTracing {
    init() {}
}

struct Router {
    let route = Box()

    func respond(to path: String) async throws -> Int {
        route.value = path == "/" ? nil : "/items/{id}"
        return 200
    }

    func respond(quick path: String) -> Int {
        route.value = path
        return 204
    }
}

extension Router {
    var routeName: String? { route.value }
}
