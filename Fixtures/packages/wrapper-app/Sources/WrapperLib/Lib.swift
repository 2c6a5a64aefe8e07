import CWrap
import WrapperDep

/// Library code: calls C and the dependency.
public struct Calculator: Sendable {
    public init() {}

    public func compute(_ value: Int) -> Int {
        Int(cwrap_add(Int32(Dep.triple(value)), 1))
    }
}

/// Whether a function isolated by its parameter runs on an actor when called from one. The body does not name the
/// parameter, so only the span closure's own capture of it keeps the body on the actor (`#isolation` would be nil).
public func isolatedToCaller(isolation: isolated (any Actor)? = #isolation) async -> Bool {
    await Task.yield()
    return (#isolation as (any Actor)?) != nil
}

/// Whether a `nonisolated(nonsending)` function runs on its caller's actor inside its span, as it does without one:
/// a span closure of the plain async type would run the body on the global executor (`#isolation` nil there).
public nonisolated(nonsending) func nonsendingOnCaller() async -> Bool {
    await Task.yield()
    return (#isolation as (any Actor)?) != nil
}
