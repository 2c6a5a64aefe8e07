// `borrowing` and `consuming` values of copyable types are not implicitly copyable, and a closure's capture copies a
// borrowed value or borrows a consumed one: each shape below compiles as a function body and not inside the span
// closure (hummingbird 2.28's `ResponseBody.write(_ writer: consuming any ResponseBodyWriter)`), so all are left alone.
/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/protocol Writer {
    var count: Int { get }
    mutating func write(_ value: Int)
    consuming func finish() -> Int
}

enum Mode { case fast, slow }

func measure(_ text: borrowing String) -> Int {
    text.count
}

func keep(_ text: consuming String) -> String {
    text + "!"
}

func finish(_ writer: consuming any Writer) -> Int {
    writer.write(1)
    return writer.finish()
}

func pass(_ text: consuming String) -> String {
    return text
}

func read(_ writer: borrowing any Writer) -> Int {
    writer.count
}

func isFast(_ mode: borrowing Mode?) -> Bool {
    mode == .fast
}

struct Body {
    var size: Int

    consuming func taken() -> Body {
        self
    }

    borrowing func doubled() -> Int {
        size * 2
    }

    func plain() -> Int {/*<instswift>*/ return InstSwift.syncSpan("Body.plain") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/
        size
    /*<instswift>*/}/*</instswift>*/}
}
