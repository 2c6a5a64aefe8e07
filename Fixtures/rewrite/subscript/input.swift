struct Grid {
    var cells: [Int]
    let width: Int

    subscript(row: Int, column: Int) -> Int {
        get { cells[row * width + column] }
        set { cells[row * width + column] = newValue }
    }
}
