@main
struct Service {
    static func main() async throws {
        try await Task.sleep(for: .milliseconds(1))
        print("served")
    }
}
