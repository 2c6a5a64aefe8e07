final class Counter {
    private var count = 0

    func increment(by step: Int) -> Int {
        count += step
        return count
    }
}
