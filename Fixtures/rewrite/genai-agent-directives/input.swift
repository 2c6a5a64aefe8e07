struct Planner {
    // instswift:agent "trip-planner"
    func plan(_ question: String) async throws -> String {
        let weather = try await forecast(for: question)
        return "Take an umbrella: \(weather)"
    }

    // instswift:tool "forecast"
    func forecast(for city: String) async throws -> String { "rain in \(city)" }

    // instswift:workflow "nightly-report"
    func report() async -> Int {
        await Task.yield()
        return 3
    }

    /// A synchronous tool that cannot throw.
    // instswift:tool "add"
    func add(_ a: Int, _ b: Int) -> Int { a + b }
}
