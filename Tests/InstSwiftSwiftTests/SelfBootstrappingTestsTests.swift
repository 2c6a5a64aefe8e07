import Foundation
import InstSwiftTestSupport
@testable import InstSwiftBuild
@testable import InstSwiftRuntime
import Testing

/// A test module that bootstraps tracing itself keeps `instswift swift test` from bootstrapping its processes first.
@Suite struct SelfBootstrappingTestsTests {
    let work = TemporaryFolder("instswift-self-bootstrap")

    @Test func onlyATestFileThatBootstrapsTracingIsFound() {
        let library = "import Tracing\nfunc setUp() { InstrumentationSystem.bootstrap(NoOpTracer()) }\n"
        let test = "import Testing\nimport OTel\n\n@Test func export() throws {\n    let o = try OTel.bootstrap(configuration: .default)\n}\n"
        let commented = "import XCTest\n// InstrumentationSystem.bootstrap(x)\n"
        #expect(SelfBootstrappingTests.find(paths: ["Lib.swift"], texts: [library]) == nil)
        #expect(SelfBootstrappingTests.find(paths: ["C.swift"], texts: [commented]) == nil)
        #expect(SelfBootstrappingTests.find(paths: ["Lib.swift", "T.swift"], texts: [library, test]) == "T.swift:5")
    }

    @Test func theRecordFollowsTheModuleAndTheRuntimeReadsIt() throws {
        let folder = SelfBootstrappingTests.folder(in: work.path)
        #expect(InstSwift.firstRecord(in: folder) == nil)
        try SelfBootstrappingTests.record("/p/Tests/ü T/A.swift:12", module: "ATests", workDirectory: work.path)
        #expect(InstSwift.firstRecord(in: folder) == "/p/Tests/ü T/A.swift:12")
        // The module changed and no longer bootstraps: its record goes.
        try SelfBootstrappingTests.record(nil, module: "ATests", workDirectory: work.path)
        #expect(InstSwift.firstRecord(in: folder) == nil)
        try SelfBootstrappingTests.record(nil, module: "Other", workDirectory: work.path)
    }
}
