/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/struct Planner {
    // instswift:agent "trip-planner"
    func plan(_ question: String) async throws -> String {/*<instswift>*/ return try await InstSwift.invokeAgent("trip-planner") { () async throws -> String in /*</instswift>*/
        let weather = try await forecast(for: question)
        return "Take an umbrella: \(weather)"
    /*<instswift>*/}/*</instswift>*/}

    // instswift:tool "forecast"
    func forecast(for city: String) async throws -> String {/*<instswift>*/ return try await InstSwift.executeTool("forecast") { () async throws -> String in /*</instswift>*/ "rain in \(city)" /*<instswift>*/}/*</instswift>*/}

    // instswift:workflow "nightly-report"
    func report() async -> Int {/*<instswift>*/ return await InstSwift.invokeWorkflow("nightly-report") { () async throws(Never) -> Int in /*</instswift>*/
        await Task.yield()
        return 3
    /*<instswift>*/}/*</instswift>*/}

    /// A synchronous tool that cannot throw.
    // instswift:tool "add"
    func add(_ a: Int, _ b: Int) -> Int {/*<instswift>*/ return InstSwift.executeTool("add") { () throws(Never) -> Int in /*</instswift>*/ a + b /*<instswift>*/}/*</instswift>*/}
}
