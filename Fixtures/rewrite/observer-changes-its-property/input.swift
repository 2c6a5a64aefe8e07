// Reduced from grpc-swift-2 2.4.3's `RetryPolicy`: an observer that changes its own property is left alone (in the span
// closure the change would run the observer again, without end); observers that only read it are wrapped.
func validate(_ value: Int) throws -> Int { min(value, 5) }

public struct RetryPolicy {
    public var maxAttempts: Int {
        didSet { self.maxAttempts = try! validate(self.maxAttempts) }
    }

    public var limit: Int {
        didSet { if limit < 0 { limit = 0 } }
    }

    public var total: Int {
        willSet { print("total", newValue) }
        didSet { total += 0 }
    }

    public var names: [String] {
        didSet { names.append("x") }
    }

    public var sizes: [Int] {
        didSet { sizes[0] = 1 }
    }

    public var logged: Int {
        didSet { print("changed from", oldValue, "to", logged, self.logged == 1) }
    }
}
