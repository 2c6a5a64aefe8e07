/// Inlinable bodies are emitted into clients; the span they get calls only public runtime API.
@inlinable
public func double(_ x: Int) -> Int {
    x * 2
}

public struct Window<Base: Collection> {
    @usableFromInline let base: Base

    @inlinable
    public init(_ base: Base) {
        self.base = base
    }

    @_alwaysEmitIntoClient
    public func first(_ count: Int) -> Base.SubSequence {
        base.prefix(count)
    }

    @usableFromInline
    internal func isEmpty() -> Bool {
        base.isEmpty
    }
}
