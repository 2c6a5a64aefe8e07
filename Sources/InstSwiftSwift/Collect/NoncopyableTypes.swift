import InstSwiftCore
import SwiftSyntax

/// Types that are not `Copyable` or not `Escapable`: a span closure can borrow and mutate their values, but can neither
/// return one (its result is a copyable, escapable generic) nor consume one it captured. Syntax alone does not say
/// which types these are, so the names come from the standard library and from the module's own declarations.
public enum NoncopyableTypes {
    /// The standard library's and Synchronization's (Swift 6.2+).
    public static let standardLibrary: Set<String> = [
        "Span", "RawSpan", "MutableSpan", "MutableRawSpan", "OutputSpan", "OutputRawSpan", "UTF8Span", "Mutex", "Atomic",
    ]

    /// The types `text` declares `~Copyable` or `~Escapable` in their inheritance clause: a textual scan, cheap enough
    /// to run on every file of a module before any is parsed.
    public static func declared(in text: String) -> Set<String> {
        guard containsBytes(text, "~Copyable") || containsBytes(text, "~Escapable") else { return [] }
        let declaration = /\b(?:struct|enum|class|protocol|actor)\s+([A-Za-z_][A-Za-z0-9_]*)(?:<[^>{]*>)?\s*:[^{]*?~(?:Copyable|Escapable)/
        return Set(text.matches(of: declaration).map { String($0.output.1) })
    }

    /// Whether the type a declaration belongs to is one of `names`; an extension names its type as written
    /// (`extension Outer.Machine` of `struct Machine: ~Copyable`).
    static func isOwnType(of site: DeclarationSite, in names: Set<String>) -> Bool {
        guard let type = site.enclosingTypes.last else { return false }
        return !names.isEmpty && names.contains(lastComponent(of: type))
    }

    /// Whether a type as written names one of `names` (`consuming RawIORequest`, `Span<UInt8>?`).
    static func mentions(_ type: String, anyOf names: Set<String>) -> Bool {
        // Words are runs of identifier bytes (non-ASCII bytes count as letters); no array of words is built.
        let utf8 = type.utf8
        var start: String.Index?
        for index in utf8.indices {
            let byte = utf8[index]
            if isIdentifierByte(byte) {
                if start == nil { start = index }
            } else if let wordStart = start {
                if names.contains(String(type[wordStart..<index])) { return true }
                start = nil
            }
        }
        return start.map { names.contains(String(type[$0...])) } ?? false
    }

    /// The generic parameters a type or extension declares without `Copyable` or `Escapable` (`struct Box<Element:
    /// ~Copyable>`, `extension RigidDeque where Element: ~Copyable`): inside it, values of those types are as
    /// non-copyable as the module's own such types (swift-collections 1.6's `RigidDeque.remove(at:) -> Element`). An
    /// extension that does not write the constraint has `Element: Copyable`, so only what each declaration writes counts.
    static func suppressedParameters(_ generics: GenericParameterClauseSyntax?, where clause: GenericWhereClauseSyntax?) -> [String] {
        // `if let`, not `?? []`: an empty syntax collection is a new tree of its own, ~5% of a rewrite when made per type.
        var names: [String] = []
        if let parameters = generics?.parameters {
            for parameter in parameters where parameter.inheritedType.map({ suppresses($0.trimmedDescription) }) == true {
                names.append(parameter.name.text)
            }
        }
        if let requirements = clause?.requirements {
            for requirement in requirements {
                if case .conformanceRequirement(let conformance) = requirement.requirement, suppresses(conformance.rightType.trimmedDescription) {
                    names.append(conformance.leftType.trimmedDescription)
                }
            }
        }
        return names
    }

    static func suppresses(_ constraint: String) -> Bool {
        constraint.contains("~Copyable") || constraint.contains("~Escapable")
    }
}

/// The last `.`-separated part of a qualified name (`Outer.Inner` -> `Inner`).
func lastComponent(of name: String) -> String {
    guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")) else { return name }
    return String(name[name.utf8.index(after: dot)...])
}
