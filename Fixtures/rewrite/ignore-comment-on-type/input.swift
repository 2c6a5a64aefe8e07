// instswift:ignore
struct Hot {
    func run() -> Int { 1 }
}

struct Cold {
    func run() -> Int { 2 }
}
