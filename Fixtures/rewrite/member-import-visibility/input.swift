// Reduced from vapor/routing-kit 4.9.3, whose targets enable MemberImportVisibility: an initializer's span is ended by
// `InstSwift.end(_:)`, as a member call (`span.end()`) would need `import Tracing` in the file.
public final class TrieRouter<Output> {
    let options: Set<String>

    public init(_ type: Output.Type = Output.self, options: Set<String> = []) {
        self.options = options
    }

    public func register(_ output: Output, at path: [String]) {
        _ = path.count
    }
}
