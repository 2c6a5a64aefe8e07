// instswift:span
func checkout(cart: [Int]) -> Int {
    cart.reduce(0, +)
}

func untouched() -> Int { 0 }
