// A witness is built by the result builder of the protocol requirement it implements, an attribute its own syntax does
// not show (hummingbird 2.28's `RouterController.body`, `@MiddlewareFixedTypeBuilder` on the requirement; SwiftUI's
// `View.body`). Those bodies are left alone; bodies with a `return` are instrumented.
/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/@resultBuilder
enum RouteBuilder {
    static func buildBlock(_ routes: String...) -> [String] {/*<instswift>*/ return InstSwift.syncSpan("RouteBuilder.buildBlock") { (instswiftSpan) throws(Never) -> [String] in /*</instswift>*/ routes /*<instswift>*/}/*</instswift>*/}
    static func buildExpression(_ route: String) -> String {/*<instswift>*/ return InstSwift.syncSpan("RouteBuilder.buildExpression") { (instswiftSpan) throws(Never) -> String in /*</instswift>*/ route /*<instswift>*/}/*</instswift>*/}
    static func buildOptional(_ routes: [String]?) -> String {/*<instswift>*/ return InstSwift.syncSpan("RouteBuilder.buildOptional") { (instswiftSpan) throws(Never) -> String in /*</instswift>*/ routes?.joined(separator: ",") ?? "" /*<instswift>*/}/*</instswift>*/}
    static func buildBlock(_ routes: [String]) -> [String] {/*<instswift>*/ return InstSwift.syncSpan("RouteBuilder.buildBlock") { (instswiftSpan) throws(Never) -> [String] in /*</instswift>*/ routes /*<instswift>*/}/*</instswift>*/}
}

protocol Controller {
    @RouteBuilder var routes: [String] { get }
}

func route(_ path: String, _ handler: (String) -> String) -> String {/*<instswift>*/ return InstSwift.syncSpan("route") { (instswiftSpan) throws(Never) -> String in /*</instswift>*/
    handler(path)
/*<instswift>*/}/*</instswift>*/}

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

    func names() -> [String] {/*<instswift>*/ return InstSwift.syncSpan("Users.names") { (instswiftSpan) throws(Never) -> [String] in /*</instswift>*/
        let all = routes
        return all.sorted()
    /*<instswift>*/}/*</instswift>*/}
}
