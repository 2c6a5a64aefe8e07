/*<instswift>*/import InstSwiftOTel; /*</instswift>*/@main
struct Service {
    static func main() async throws {/*<instswift>*/ InstSwiftOTel.bootstrapIfNeeded(); /*</instswift>*/
        try await Task.sleep(for: .milliseconds(1))
        print("served")
    }
}
