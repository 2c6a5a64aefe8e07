import Synchronization

extension InstSwift {
    private static let marks = Mutex<Set<String>>([])

    /// Remembers, for the whole process, that something happened: a pack marks that the app registered a library's
    /// own tracing (Hummingbird's `TracingMiddleware`, say), and its span steps aside (`unless: InstSwift.isMarked(...)`).
    public static func mark(_ name: String) {
        _ = marks.withLock { $0.insert(name) }
    }

    /// Whether ``mark(_:)`` was called with `name`.
    public static func isMarked(_ name: String) -> Bool {
        marks.withLock { $0.contains(name) }
    }
}
