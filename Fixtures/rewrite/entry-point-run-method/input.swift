protocol AsyncCommand {
    init()
    func run() async throws
}

extension AsyncCommand {
    static func main() async throws {
        try await Self().run()
    }
}

@main
struct Tool: AsyncCommand {
    func run() async throws {
        print("tool")
    }
}
