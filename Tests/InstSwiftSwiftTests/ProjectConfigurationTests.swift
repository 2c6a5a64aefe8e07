import Foundation
import InstSwiftTestSupport
@testable import InstSwiftBuild
import InstSwiftCore
import Testing

/// `.instswift.yml`, read by the core's located YAML reader: every mistake at its line and column, all in one run.
@Suite struct ProjectConfigurationTests {
    func parse(_ yaml: String) throws(Diagnostics) -> ProjectConfiguration {
        try ProjectConfiguration.parse(yaml, file: ".instswift.yml")
    }

    func errors(_ yaml: String) -> [String] {
        do {
            _ = try parse(yaml)
            return []
        } catch {
            return error.all.map(\.description)
        }
    }

    @Test func namesAreReadWithWhereTheyAre() throws {
        let configuration = try parse("packs: [grpc]\ndisable-packs: swift-log\nrules:\n  - a.yml\n  - sub/b.yml\n")
        #expect(configuration.packs == [Located("grpc", at: SourceLocation(file: ".instswift.yml", line: 1, column: 9))])
        #expect(configuration.disabledPacks.map(\.value) == ["swift-log"])
        #expect(configuration.ruleFiles.map(\.value) == ["a.yml", "sub/b.yml"])
        #expect(configuration.ruleFiles.map(\.location.line) == [4, 5])
    }

    @Test func anEmptyFileConfiguresNothing() throws {
        #expect(try parse("") == ProjectConfiguration())
        #expect(try parse("# only a comment\n") == ProjectConfiguration())
    }

    /// In file order, whichever check found them.
    @Test func everyMistakeIsReportedAtOnce() {
        let found = errors(
            """
            packs: [grpc, 42x, {a: b}]
            rulez: [a.yml]
            rules: ''
            genai-prices:
              m: {input: x, output: 2}
              n: {input: 1}
            """)
        #expect(
            found == [
                ".instswift.yml:1:20: error: each item of packs must be a string",
                ".instswift.yml:2:1: error: unknown key 'rulez' in .instswift.yml (did you mean 'rules'?)",
                ".instswift.yml:3:8: error: rules must not be empty",
                ".instswift.yml:5:14: error: input of 'm' must be a non-negative number of US dollars per million tokens",
                ".instswift.yml:6:6: error: the price of 'n' needs both input and output",
            ])
    }

    @Test func theShapeOfTheFileAndItsListsIsChecked() {
        #expect(
            errors("- packs\n") == [
                ".instswift.yml:1:1: error: .instswift.yml must be a mapping with the keys 'packs', 'disable-packs', 'rules', 'genai-prices'"
            ])
        #expect(errors("packs: {grpc: true}\n") == [".instswift.yml:1:8: error: packs must be a name or a list of names"])
        #expect(errors("packs: [grpc\n").first?.hasPrefix(".instswift.yml:") == true)
        #expect(errors("rules: [a.yml]\nrules: [b.yml]\n") == [".instswift.yml:2:1: error: duplicate key 'rules'"])
    }

    /// A package folder, and beside it a `Rules` folder with every default pack (each empty).
    func packageWithPacks() throws -> (root: String, packs: String) {
        let root = try scratch.subfolder().path
        let packs = root + "/Rules"
        try FileManager.default.createDirectory(atPath: packs, withIntermediateDirectories: true)
        for pack in RuleSources.defaultPacks { try "rules: []\n".write(toFile: "\(packs)/\(pack).yml", atomically: true, encoding: .utf8) }
        return (root, packs)
    }

    let scratch = TemporaryFolder("instswift-configuration")

    /// Packs and rules files that do not exist are reported where the file names them.
    @Test func missingPacksAndRulesFilesAreErrorsAtTheirNames() throws {
        let (root, packs) = try packageWithPacks()
        let configuration = try parse("packs: [grpcc]\ndisable-packs: [swift_log]\nrules: [missing.yml]\n")
        let sources = RuleSources(builtinDirectory: packs, projectConfiguration: configuration, environmentFiles: [], commandLineFiles: [])
        #expect(throws: Diagnostics.self) { try sources.files(packageRoot: root) }
        do {
            _ = try sources.files(packageRoot: root)
        } catch let diagnostics as Diagnostics {
            let lines = diagnostics.all.map(\.description)
            #expect(lines.count == 3)
            #expect(lines[0].hasPrefix(".instswift.yml:1:9: error: no built-in rule pack 'grpcc' (did you mean 'grpc'?); packs: "))
            #expect(lines[1].hasPrefix(".instswift.yml:2:17: error: no built-in rule pack 'swift_log' (did you mean 'swift-log'?)"))
            #expect(lines[2] == ".instswift.yml:3:9: error: rules file 'missing.yml' does not exist (paths are relative to the package root, \(root))")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    /// A rules file named twice — in `.instswift.yml` and with `--rules`, by another spelling of its path — is read once.
    @Test func aRulesFileNamedTwiceIsReadOnce() throws {
        let (root, packs) = try packageWithPacks()
        try "rules: []\n".write(toFile: root + "/mine.yml", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root + "/link.yml", withDestinationPath: root + "/mine.yml")
        let sources = RuleSources(
            builtinDirectory: packs, projectConfiguration: try parse("rules: [mine.yml]\n"), environmentFiles: [root + "/./mine.yml"],
            commandLineFiles: [root + "/link.yml", root + "/Rules/../mine.yml"])
        let files = try sources.files(packageRoot: root)
        #expect(files.count == RuleSources.defaultPacks.count + 1)
        #expect(files.last == root + "/mine.yml")
    }
}
