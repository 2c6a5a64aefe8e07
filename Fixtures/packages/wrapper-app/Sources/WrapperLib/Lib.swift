import CWrap
import WrapperDep

/// Library code: calls C and the dependency.
public struct Calculator: Sendable {
    public init() {}

    public func compute(_ value: Int) -> Int {
        Int(cwrap_add(Int32(Dep.triple(value)), 1))
    }
}
