/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/struct Stack {
    private var items: [Int] = []

    mutating func push(_ item: Int) {/*<instswift>*/ return InstSwift.syncSpan("Stack.push") { (instswiftSpan) throws(Never) -> Void in /*</instswift>*/
        items.append(item)
    /*<instswift>*/}/*</instswift>*/}

    mutating func pop() -> Int? {/*<instswift>*/ return InstSwift.syncSpan("Stack.pop") { (instswiftSpan) throws(Never) -> Int? in /*</instswift>*/
        items.popLast()
    /*<instswift>*/}/*</instswift>*/}

    func peek() -> Int? { items.last }
}
