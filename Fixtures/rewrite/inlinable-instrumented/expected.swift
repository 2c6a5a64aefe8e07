/// Inlinable bodies are emitted into clients; the span they get calls only public runtime API.
/*<instswift>*/import InstSwiftRuntime; import Tracing; /*</instswift>*/@inlinable
public func double(_ x: Int) -> Int {/*<instswift>*/ return InstSwift.syncSpan("double") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/
    x * 2
/*<instswift>*/}/*</instswift>*/}

public struct Window<Base: Collection> {
    @usableFromInline let base: Base

    @inlinable
    public init(_ base: Base) {/*<instswift>*/ let instswiftSpan = InstSwift.startSpan("Window.init"); defer { InstSwift.end(instswiftSpan) }; /*</instswift>*/
        self.base = base
    }

    @_alwaysEmitIntoClient
    public func first(_ count: Int) -> Base.SubSequence {/*<instswift>*/ return InstSwift.syncSpan("Window.first") { (instswiftSpan) throws(Never) -> Base.SubSequence in /*</instswift>*/
        base.prefix(count)
    /*<instswift>*/}/*</instswift>*/}

    @usableFromInline
    internal func isEmpty() -> Bool {/*<instswift>*/ return InstSwift.syncSpan("Window.isEmpty") { (instswiftSpan) throws(Never) -> Bool in /*</instswift>*/
        base.isEmpty
    /*<instswift>*/}/*</instswift>*/}
}
