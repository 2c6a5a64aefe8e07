func apply() -> [Int] {
    let double = { (x: Int) -> Int in x * 2 }
    return [1, 2].map(double)
}
