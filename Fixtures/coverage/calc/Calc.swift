public struct Calc {
    public init() {}
    public func add(_ a: Int, _ b: Int) -> Int {
        a + b
    }
    public func divide(_ a: Int, _ b: Int) throws -> Int {
        guard b != 0 else { throw CalcError.divisionByZero }
        return a / b
    }
    func unused() -> Int { 42 }
}

public enum CalcError: Error { case divisionByZero }
