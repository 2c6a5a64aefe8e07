import Foundation
import InstSwiftTestSupport
import InstSwiftCore
import Testing

/// The credential headers are listed twice, on either side of the tool/runtime boundary: the rules loader refuses rules
/// that record or read them, the runtime never copies them. The two lists must not drift apart.
@Suite struct CredentialHeadersTests {
    @Test func theRuntimeNeverRecordsWhatTheLoaderRefuses() throws {
        let source = try String(contentsOf: repositoryRoot.appendingPathComponent("Runtime/Sources/InstSwiftRuntime/Propagation.swift"), encoding: .utf8)
        let line = try #require(source.split(separator: "\n").first { $0.contains("static let sensitiveHeaders") })
        let runtime = Set(line.matches(of: /"([^"]+)"/).map { String($0.1) })
        #expect(runtime == Set(RuleFileLoader.credentialHeaders))
    }
}
