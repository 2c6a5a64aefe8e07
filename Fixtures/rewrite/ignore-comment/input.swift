// instswift:ignore
func hot(_ x: Int) -> Int {
    x + 1
}

func cold(_ x: Int) -> Int {
    x - 1
}
