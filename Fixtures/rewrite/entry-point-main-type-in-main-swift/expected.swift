import Foundation/*<instswift>*/; import InstSwiftOTel/*</instswift>*/

/// An executable whose main.swift holds an @main type: SwiftPM compiles it as a library file.
@main
struct Tool {
    static func main() async throws {/*<instswift>*/ InstSwiftOTel.bootstrapIfNeeded(); /*</instswift>*/
        try await Task.sleep(for: .milliseconds(1))
        print("ran")
    }
}
