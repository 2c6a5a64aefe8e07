// A program that exits right after its work: every span must still reach the collector.
struct Job {
    func step(_ index: Int) -> Int {
        index * index
    }

    func runAll(count: Int) -> Int {
        (0..<count).map(step).reduce(0, +)
    }
}

print("sum:", Job().runAll(count: 5))
