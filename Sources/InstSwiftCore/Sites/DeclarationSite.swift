/// A declaration with a body that a rule may instrument, described independently of the language.
public struct DeclarationSite: Sendable {
    /// What kind of declaration it is.
    public enum Kind: String, Sendable, CaseIterable {
        /// A free function (Swift or C).
        case function
        /// A method of a type or extension.
        case method
        /// An initializer.
        case initializer
        /// A getter, setter or other accessor of a property.
        case accessor
        /// A subscript's accessor.
        case `subscript`
        /// The top-level code of `main.swift`.
        case topLevelCode = "top-level-code"
    }

    /// How the declaration throws.
    public enum Throwing: String, Sendable {
        case none, `throws`, `rethrows`, typed
    }

    /// One parameter.
    public struct Parameter: Sendable, Hashable {
        /// The argument label (`_` when there is none).
        public var label: String
        /// The name the body uses.
        public var name: String
        /// The type as written.
        public var type: String
        /// Whether it is `inout`.
        public var isInout: Bool

        public init(label: String, name: String, type: String, isInout: Bool = false) {
            self.label = label
            self.name = name
            self.type = type
            self.isInout = isInout
        }
    }

    public var kind: Kind
    /// The language it is written in.
    public var language: Rule.Language = .swift
    /// The declaration's base name (`handle`, `init`, a property name for accessors).
    public var name: String
    /// Enclosing type names, outermost first (an extension contributes the type it extends).
    public var enclosingTypes: [String]
    /// Names in the enclosing type's (or extension's) inheritance clause.
    public var enclosingInherits: [String]
    public var parameters: [Parameter]
    public var isAsync: Bool
    public var throwing: Throwing
    /// The thrown type of a typed-throws declaration.
    public var thrownType: String?
    /// The result type as written, nil for `Void` functions and initializers.
    public var returnType: String?
    /// Attribute names without `@` (`MainActor`, `discardableResult`, ...).
    public var attributes: [String]
    /// The effective access level word (`internal` when none is written).
    public var access: String
    /// Other modifiers (`static`, `mutating`, `nonisolated`, ...).
    public var modifiers: [String]
    /// For accessors: which one (`get`, `set`, `willSet`, `didSet`, or another word such as `_modify`).
    public var accessorKind: String?
    /// A `// instswift:span` directive on the declaration, if any.
    public var directive: Directive?
    /// Why some advice (or all) cannot apply to this declaration, if it cannot.
    public var unsupported: UnsupportedConstruct?
    /// Whether an `// instswift:ignore` comment opts it out.
    public var isIgnored: Bool
    /// Where the declaration starts.
    public var location: SourceLocation
    /// Whether the program starts here: `static func main()` of the `@main` type (or its `run()` when it has no
    /// `main`), or the top-level code of `main.swift`.
    public var isEntryPoint = false
    /// The line where the file bootstraps tracing itself (`OTel.bootstrap`, `InstrumentationSystem.bootstrap`).
    public var selfBootstrapLine: Int?

    public init(
        kind: Kind, name: String, enclosingTypes: [String] = [], enclosingInherits: [String] = [],
        parameters: [Parameter] = [], isAsync: Bool = false, throwing: Throwing = .none, thrownType: String? = nil,
        returnType: String? = nil, attributes: [String] = [], access: String = "internal", modifiers: [String] = [],
        directive: Directive? = nil, unsupported: UnsupportedConstruct? = nil, isIgnored: Bool = false, location: SourceLocation
    ) {
        self.kind = kind
        self.name = name
        self.enclosingTypes = enclosingTypes
        self.enclosingInherits = enclosingInherits
        self.parameters = parameters
        self.isAsync = isAsync
        self.throwing = throwing
        self.thrownType = thrownType
        self.returnType = returnType
        self.attributes = attributes
        self.access = access
        self.modifiers = modifiers
        self.directive = directive
        self.unsupported = unsupported
        self.isIgnored = isIgnored
        self.location = location
    }

    /// The innermost enclosing type, if any.
    public var typeName: String? { enclosingTypes.last }

    /// `name(label:label:)`.
    public var signature: String {
        if kind == .accessor, let accessorKind { return "\(name).\(accessorKind)" }
        return "\(name)(\(parameters.map { "\($0.label):" }.joined()))"
    }
}

/// A `// instswift:span [name] [key=expr ...]` comment attached to a declaration.
public struct Directive: Sendable, Hashable {
    /// The directive word after `instswift:` (`span`).
    public var verb: String
    /// The span name given in the comment, if any.
    public var spanName: String?
    /// `key=expression` attributes given in the comment.
    public var attributes: [String: String]

    public init(verb: String, spanName: String? = nil, attributes: [String: String] = [:]) {
        self.verb = verb
        self.spanName = spanName
        self.attributes = attributes
    }
}
