// A module built with MemberImportVisibility (swift-openapi-generator 1.14.3): a span kind (`.client`) and a span's
// members are visible only where Tracing is imported, in the rewritten file and in the file that receives a rule's
// declarations (the URLSession pack's `kind: .client` stopped the build).
/*<instswift>*/import InstSwiftRuntime; import Tracing; /*</instswift>*/func fetch(_ url: String) -> Int {/*<instswift>*/ return InstSwift.span("fetch", kind: .client, attributes: { instswiftSpan in InstSwift.record("url.full", url, on: instswiftSpan) }) { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/
    url.count
/*<instswift>*/}/*</instswift>*/}

func serve(_ path: String) -> String {/*<instswift>*/ return Observer.observe(path) { () throws(Never) -> String in /*</instswift>*/
    path.uppercased()
/*<instswift>*/}/*</instswift>*/}
/*<instswift>*/
import InstSwiftRuntime
import Tracing
/*</instswift>*//*<instswift>*/
// instswift: declarations of rule 'pack-declarations'
#sourceLocation(file: "rules.yml", line: 18)
/// A pack's declarations use members of Tracing's types: a span kind and a span's attributes.
enum Observer {
    static func observe<T>(_ path: String, _ body: () throws -> T) rethrows -> T {
        let span = InstSwift.startSpan(path, kind: .server, attributes: { span in span.attributes["url.path"] = path })
        defer { InstSwift.end(span) }
        return try body()
    }
}

#sourceLocation()
/*</instswift>*/