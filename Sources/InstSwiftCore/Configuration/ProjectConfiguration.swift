import Yams

/// `.instswift.yml` at a package's root: built-in packs to turn on and off, more rules files, model prices. Read like a
/// rules file: every mistake is reported at its file, line and column, all of them in one run.
///
/// ```yaml
/// packs: [my-extra-pack]
/// disable-packs: [swift-log]
/// rules: [instrumentation/rules.yml]
/// genai-prices:
///   team-model: {input: 0.5, output: 1.5}
/// ```
public struct ProjectConfiguration: Sendable, Equatable {
    /// The file's name at the package root.
    public static let fileName = ".instswift.yml"
    /// Its top-level keys.
    public static let keys = ["packs", "disable-packs", "rules", "genai-prices"]

    /// Built-in packs to turn on, each where the file names it.
    public var packs: [Located<String>] = []
    /// Built-in packs to turn off.
    public var disabledPacks: [Located<String>] = []
    /// More rules files, relative to the package root.
    public var ruleFiles: [Located<String>] = []
    /// `genai-prices:`, model prices for the estimated cost of GenAI calls, in file order.
    public var genAIPrices: [GenAIPrice] = []

    public init() {}

    /// Reads `.instswift.yml` in `packageRoot`; an empty configuration when there is none.
    public static func load(packageRoot: String) throws(Diagnostics) -> ProjectConfiguration {
        let path = packageRoot + "/" + fileName
        guard let text = try YAMLDocument.text(atPath: path, fileName) else { return ProjectConfiguration() }
        return try parse(text, file: path)
    }

    /// Reads the configuration from text; `file` is used in diagnostics.
    public static func parse(_ text: String, file: String) throws(Diagnostics) -> ProjectConfiguration {
        let reader = YAMLReader(file: file, text: text)
        // An empty file configures nothing.
        guard let root = try YAMLDocument.compose(text, reader: reader) else { return ProjectConfiguration() }
        var configuration = ProjectConfiguration()
        if let top = reader.mapping(root, fileName, allowed: keys) {
            configuration.packs = top["packs"].map { reader.locatedStrings($0, "packs") } ?? []
            configuration.disabledPacks = top["disable-packs"].map { reader.locatedStrings($0, "disable-packs") } ?? []
            configuration.ruleFiles = top["rules"].map { reader.locatedStrings($0, "rules") } ?? []
            configuration.genAIPrices = top["genai-prices"].map { GenAIPrice.read($0, reader) } ?? []
        }
        guard reader.diagnostics.hasErrors else { return configuration }
        var inFileOrder = Diagnostics()
        let position = { (diagnostic: Diagnostic) in (diagnostic.location?.line ?? 0, diagnostic.location?.column ?? 0) }
        for diagnostic in reader.diagnostics.all.sorted(by: { position($0) < position($1) }) { inFileOrder.emit(diagnostic) }
        if reader.unreportedErrors > 0 {
            inFileOrder.error("\(reader.unreportedErrors) more error(s) not shown", at: SourceLocation(file: file, line: 1, column: 1))
        }
        throw inFileOrder
    }
}

/// A value with where it was written.
public struct Located<Value: Sendable & Equatable>: Sendable, Equatable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension YAMLReader {
    /// One string or a list of strings, each with its location; every item that is not a string is reported.
    func locatedStrings(_ node: Node, _ what: String) -> [Located<String>] {
        if node.scalar != nil { return nonEmptyString(node, what).map { [Located($0, at: location(of: node))] } ?? [] }
        guard let sequence = node.sequence else {
            error("\(what) must be a name or a list of names", at: node)
            return []
        }
        return sequence.compactMap { item in nonEmptyString(item, "each item of \(what)").map { Located($0, at: location(of: item)) } }
    }
}
