/// A function's signature and its body look names up differently: inside the body, a member type that an enclosing
/// type gets from a protocol conformance (an associated type whose witness the compiler inferred, such as an iterator's
/// `Element`) hides a generic parameter of the same name declared further out, which the signature sees. So
/// `-> [Element]?` restated on the span closure can name another type than the function's result:
///
/// ```swift
/// struct CombineLatest<Element, Failure: Error>: AsyncSequence {
///     struct Iterator: AsyncIteratorProtocol {
///         func next() async throws(Failure) -> [Element]? { ... }   // Iterator.Element is [Element]
///     }
/// }
/// ```
///
/// (found by the corpus in swift-configuration's `AsyncCombineLatestManySequence`). Such a result type is not restated.
enum ShadowedResultTypes {
    /// Whether `result` names a generic parameter of an enclosing type (`enclosing`, outermost first) inside which a
    /// type conforms to something (at or around the function); the function's own generic parameters (`own`) shadow
    /// every other name in both places. Leaving a result type out costs only compile time, so any such name counts.
    static func mayBeShadowed(result: String, own: Set<Substring>, enclosing: [(genericParameters: [String], inherits: [String])]) -> Bool {
        let words = Set(typeIdentifiers(result)).subtracting(own)
        guard let outermost = enclosing.firstIndex(where: { $0.genericParameters.contains { words.contains(Substring($0)) } }) else { return false }
        return enclosing[(outermost + 1)...].contains { !$0.inherits.isEmpty }
    }
}
