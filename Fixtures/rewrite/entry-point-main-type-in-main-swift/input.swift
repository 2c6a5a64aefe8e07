import Foundation

/// An executable whose main.swift holds an @main type: SwiftPM compiles it as a library file.
@main
struct Tool {
    static func main() async throws {
        try await Task.sleep(for: .milliseconds(1))
        print("ran")
    }
}
