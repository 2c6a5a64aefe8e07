// Reduced from vapor/routing-kit 4.9.3, whose targets enable MemberImportVisibility: an initializer's span is ended by
// `InstSwift.end(_:)`, as a member call (`span.end()`) would need `import Tracing` in the file.
/*<instswift>*/import InstSwiftRuntime; import Tracing; /*</instswift>*/public final class TrieRouter<Output> {
    let options: Set<String>

    public init(_ type: Output.Type = Output.self, options: Set<String> = []) {/*<instswift>*/ let instswiftSpan = InstSwift.startSpan("TrieRouter.init"); defer { InstSwift.end(instswiftSpan) }; /*</instswift>*/
        self.options = options
    }

    public func register(_ output: Output, at path: [String]) {/*<instswift>*/ return InstSwift.syncSpan("TrieRouter.register") { (instswiftSpan) throws(Never) -> Void in /*</instswift>*/
        _ = path.count
    /*<instswift>*/}/*</instswift>*/}
}
