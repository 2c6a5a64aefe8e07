// Reduced from swift-collections 1.6.0's `RigidDeque`: a generic parameter declared without `Copyable` (on the type, or
// in an extension's where clause) is as non-copyable as a ~Copyable type: a span closure cannot return its values. An
// extension that does not write the constraint has `Element: Copyable`, and its methods are wrapped.
public struct Box<Element: ~Copyable>: ~Copyable {
    var storage: [Int] = []
    var item: Element

    public init(_ item: consuming Element) { self.item = item }

    public consuming func take() -> Element { item }

    public func count() -> Int { storage.count }
}

extension Box where Element: ~Copyable {
    public mutating func exchange(_ other: inout Element) -> Int {
        swap(&item, &other)
        return storage.count
    }

    public borrowing func first() -> Element? where Element: Copyable { item }

    public mutating func removeItem() -> Element {
        fatalError("not here")
    }

    public func isEmpty() -> Bool { storage.isEmpty }
}

extension Box {
    public func peek() -> Element { item }
}
