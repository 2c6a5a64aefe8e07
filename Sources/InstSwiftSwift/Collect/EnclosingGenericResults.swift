import SwiftSyntax

/// A method of a generic type may name, in its signature, a generic type whose parameters must be `Sendable` applied to
/// the enclosing type's parameters, which are not (`enum Builder<R> { func f(_ c: Component<R>) -> Component<R> }` where
/// `Component<R: Sendable>`): the compiler lets the signature through, but in Swift 6 checks the requirement wherever
/// the body spells or substitutes the type — and the span closure's result is that type (found by the corpus in
/// Graphiti's `ComponentBuilder`). Such a function is left alone, with this reason. Which generic types require
/// `Sendable` is not known from syntax: any application of a type other than the standard library's common generics
/// to such a parameter counts.
enum EnclosingGenericResults {
    /// The standard library's generic types, whose parameters need no `Sendable`.
    static let standardGenerics: Set<String> = [
        "Array", "ContiguousArray", "ArraySlice", "Optional", "Dictionary", "Set", "Result", "Slice", "Range", "ClosedRange",
        "UnsafePointer", "UnsafeMutablePointer", "UnsafeBufferPointer", "UnsafeMutableBufferPointer", "KeyPath",
        "WritableKeyPath", "ReferenceWritableKeyPath", "AnyIterator", "AnySequence", "AnyCollection", "EnumeratedSequence",
        "Zip2Sequence", "LazySequence", "AsyncStream", "AsyncThrowingStream", "CheckedContinuation", "UnsafeContinuation",
    ]

    /// The generic parameters of a type declaration that are not required to be `Sendable`.
    static func nonSendableParameters(_ clause: GenericParameterClauseSyntax?, where whereClause: GenericWhereClauseSyntax?) -> [String] {
        guard let clause else { return [] }
        let requirements = whereClause?.trimmedDescription ?? ""
        return clause.parameters.compactMap { parameter in
            let name = parameter.name.text
            let inherited = parameter.inheritedType?.trimmedDescription ?? ""
            return inherited.contains("Sendable") || requires(requirements, name) ? nil : name
        }
    }

    /// The non-`Sendable` parameters of the generic type an extension extends (its last name component, as
    /// ``GenericTypeScan`` recorded it), less those the extension's `where` clause requires to be `Sendable` or fixes.
    static func nonSendableParameters(of node: ExtensionDeclSyntax, extendedType: String, genericTypes: [String: [String]]) -> [String] {
        let name = extendedType.split(separator: ".").last.map { String($0.prefix { $0 != "<" }) } ?? extendedType
        guard let parameters = genericTypes[name], !extendedType.contains("<") else { return [] }
        let requirements = node.genericWhereClause?.trimmedDescription ?? ""
        return parameters.filter { !requires(requirements, $0) }
    }

    /// Whether a `where` clause requires `parameter` to be `Sendable` (`R: Sendable`, `R: Codable & Sendable`) or makes
    /// it a concrete type (`R == Int`), whose requirements the compiler checks in the signature itself.
    static func requires(_ requirements: String, _ parameter: String) -> Bool {
        guard !requirements.isEmpty else { return false }
        var rest = requirements[...]
        while let range = rest.range(of: parameter) {
            let before = range.lowerBound == requirements.startIndex ? nil : requirements[requirements.index(before: range.lowerBound)]
            let after = requirements[range.upperBound...].drop { $0 == " " }
            rest = requirements[range.upperBound...]
            guard before.map({ !($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") }) ?? true else { continue }
            if after.hasPrefix("==") { return true }
            if after.hasPrefix(":") {
                let constraint = after.dropFirst().prefix { $0 != "," }
                if constraint.contains("Sendable") { return true }
            }
        }
        return false
    }

    /// Why a function whose result type is `result`, declared with generic parameters `own` inside types whose
    /// non-`Sendable` parameters are `enclosing`, cannot return its result from a span closure, if it cannot.
    static func reason(result: String, own: Set<String>, enclosing: [String]) -> String? {
        let parameters = Set(enclosing).subtracting(own)
        guard !parameters.isEmpty, result.contains("<") else { return nil }
        var words: [(word: Substring, opensArguments: Bool)] = []
        var index = result.startIndex
        while index < result.endIndex {
            guard result[index].isLetter || result[index] == "_" else {
                index = result.index(after: index)
                continue
            }
            let start = index
            while index < result.endIndex, result[index].isLetter || result[index].isNumber || result[index] == "_" { index = result.index(after: index) }
            words.append((result[start..<index], index < result.endIndex && result[index] == "<"))
        }
        guard let applied = words.first(where: { $0.opensArguments && !standardGenerics.contains(String($0.word)) }),
            let parameter = words.first(where: { parameters.contains(String($0.word)) })
        else { return nil }
        return "its result type '\(result)' applies '\(applied.word)' to the enclosing type's parameter '\(parameter.word)', "
            + "which is not required to be Sendable: inside the span closure Swift 6 checks the Sendable requirements the signature did not"
    }
}
