// A witness is built by the result builder of the protocol requirement it implements, an attribute its own syntax does
// not show (hummingbird 2.28's `RouterController.body`, `@MiddlewareFixedTypeBuilder` on the requirement; SwiftUI's
// `View.body`). Those bodies are left alone; bodies with a `return` are instrumented.
@resultBuilder
enum RouteBuilder {
    static func buildBlock(_ routes: String...) -> [String] { routes }
    static func buildExpression(_ route: String) -> String { route }
    static func buildOptional(_ routes: [String]?) -> String { routes?.joined(separator: ",") ?? "" }
    static func buildBlock(_ routes: [String]) -> [String] { routes }
}

protocol Controller {
    @RouteBuilder var routes: [String] { get }
}

func route(_ path: String, _ handler: (String) -> String) -> String {
    handler(path)
}

struct Users: Controller {
    var admin = false

    var routes: [String] {
        route("list") { path in
            return path.uppercased()
        }
        route("show") { $0 }
        if admin {
            route("delete") { $0 }
        }
    }

    func names() -> [String] {
        let all = routes
        return all.sorted()
    }
}
