/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/func tight() {/*<instswift>*/ return InstSwift.syncSpan("tight") { (instswiftSpan) throws(Never) -> Void in /*</instswift>*//*<instswift>*/}/*</instswift>*/}
func spaced() {/*<instswift>*/ return InstSwift.syncSpan("spaced") { (instswiftSpan) throws(Never) -> Void in /*</instswift>*/ /*<instswift>*/}/*</instswift>*/}
func multiline() {/*<instswift>*/ return InstSwift.syncSpan("multiline") { (instswiftSpan) throws(Never) -> Void in /*</instswift>*/
/*<instswift>*/}/*</instswift>*/}
func throwing() throws {/*<instswift>*/ return try InstSwift.syncSpan("throwing") { (instswiftSpan) throws -> Void in /*</instswift>*//*<instswift>*/}/*</instswift>*/}
func asynchronous() async {/*<instswift>*/ return await InstSwift.asyncSpan("asynchronous") { (instswiftSpan) async throws(Never) -> Void in /*</instswift>*//*<instswift>*/}/*</instswift>*/}
func closingAfterCode() {/*<instswift>*/ return InstSwift.syncSpan("closingAfterCode") { (instswiftSpan) throws(Never) -> Void in /*</instswift>*/ let _ = 1 /*<instswift>*/}/*</instswift>*/}
func withDefault(_ body: () -> Void = {}) {/*<instswift>*/ return InstSwift.syncSpan("withDefault") { (instswiftSpan) throws(Never) -> Void in /*</instswift>*/ body() /*<instswift>*/}/*</instswift>*/}

protocol Named {
    func name() -> String
    func reset()
}

extension Named {
    func reset() {/*<instswift>*/ return InstSwift.syncSpan("Named.reset") { (instswiftSpan) throws(Never) -> Void in /*</instswift>*//*<instswift>*/}/*</instswift>*/}
}

struct Counter {
    var count = 0
    init() {/*<instswift>*/ let instswiftSpan = InstSwift.startSpan("Counter.init"); defer { InstSwift.end(instswiftSpan) }; /*</instswift>*/}
    mutating func bump() throws {/*<instswift>*/ return try InstSwift.syncSpan("Counter.bump") { (instswiftSpan) throws -> Void in /*</instswift>*//*<instswift>*/}/*</instswift>*/}
    var value: Int {
        get {/*<instswift>*/ return InstSwift.syncSpan("Counter.value") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/ count /*<instswift>*/}/*</instswift>*/}
        set {/*<instswift>*/ return InstSwift.syncSpan("Counter.value") { (instswiftSpan) throws(Never) -> Void in /*</instswift>*//*<instswift>*/}/*</instswift>*/}
    }
    var observed: Int = 0 {
        willSet {/*<instswift>*/ return InstSwift.syncSpan("Counter.observed") { (instswiftSpan) throws(Never) -> Void in /*</instswift>*//*<instswift>*/}/*</instswift>*/}
        didSet {/*<instswift>*/ return InstSwift.syncSpan("Counter.observed") { (instswiftSpan) throws(Never) -> Void in /*</instswift>*//*<instswift>*/}/*</instswift>*/}
    }
    subscript(index: Int) -> Int {
        get {/*<instswift>*/ return InstSwift.syncSpan("Counter.subscript") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/ index /*<instswift>*/}/*</instswift>*/}
        set {/*<instswift>*/ return InstSwift.syncSpan("Counter.subscript") { (instswiftSpan) throws(Never) -> Void in /*</instswift>*//*<instswift>*/}/*</instswift>*/}
    }
}

final class Resource {
    init() {/*<instswift>*/ let instswiftSpan = InstSwift.startSpan("Resource.init"); defer { InstSwift.end(instswiftSpan) }; /*</instswift>*/}
    deinit {}
    func close() {/*<instswift>*/ return InstSwift.syncSpan("Resource.close") { (instswiftSpan) throws(Never) -> Void in /*</instswift>*//*<instswift>*/}/*</instswift>*/}; func open() {/*<instswift>*/ return InstSwift.syncSpan("Resource.open") { (instswiftSpan) throws(Never) -> Void in /*</instswift>*//*<instswift>*/}/*</instswift>*/}
}
