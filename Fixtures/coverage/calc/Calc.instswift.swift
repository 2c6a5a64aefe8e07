/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/#sourceLocation(file: "/original/Sources/Calc/Calc.swift", line: 1)
public struct Calc {
    public init() {/*<instswift>*/ let instswiftSpan = InstSwift.startSpan("Calc.init"); defer { InstSwift.end(instswiftSpan) }; /*</instswift>*/}
    public func add(_ a: Int, _ b: Int) -> Int {/*<instswift>*/ return InstSwift.syncSpan("Calc.add") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/
        a + b
    /*<instswift>*/}/*</instswift>*/}
    public func divide(_ a: Int, _ b: Int) throws -> Int {/*<instswift>*/ return try InstSwift.syncSpan("Calc.divide") { (instswiftSpan) throws -> Int in /*</instswift>*/
        guard b != 0 else { throw CalcError.divisionByZero }
        return a / b
    /*<instswift>*/}/*</instswift>*/}
    func unused() -> Int {/*<instswift>*/ return InstSwift.syncSpan("Calc.unused") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/ 42 /*<instswift>*/}/*</instswift>*/}
}

public enum CalcError: Error { case divisionByZero }
