struct Stack {
    private var items: [Int] = []

    mutating func push(_ item: Int) {
        items.append(item)
    }

    mutating func pop() -> Int? {
        items.popLast()
    }

    func peek() -> Int? { items.last }
}
