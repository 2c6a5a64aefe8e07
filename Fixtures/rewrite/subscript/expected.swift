/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/struct Grid {
    var cells: [Int]
    let width: Int

    subscript(row: Int, column: Int) -> Int {
        get {/*<instswift>*/ return InstSwift.syncSpan("Grid.subscript") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/ cells[row * width + column] /*<instswift>*/}/*</instswift>*/}
        set {/*<instswift>*/ return InstSwift.syncSpan("Grid.subscript") { (instswiftSpan) throws(Never) -> Void in /*</instswift>*/ cells[row * width + column] = newValue /*<instswift>*/}/*</instswift>*/}
    }
}
