import Foundation
import InstSwiftTestSupport
import InstSwiftCore
import InstSwiftSwift
import Testing

/// Every malformed rules file in `Fixtures/rule-errors/` produces exactly the diagnostics in its `.diagnostics` file.
/// Record with `INSTSWIFT_RECORD=1`.
@Suite struct RuleDiagnosticsTests {
    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("Fixtures/rule-errors").path)) ?? []
        return names.filter { $0.hasSuffix(".yml") }.map { String($0.dropLast(4)) }.sorted()
    }

    @Test(arguments: cases)
    func malformedRulesFileIsReportedPrecisely(_ name: String) throws {
        let directory = repositoryRoot.appendingPathComponent("Fixtures/rule-errors")
        var rendered = ""
        do throws(Diagnostics) {
            // Loaded from disk as the tool does, so unreadable and non-UTF-8 files are covered too.
            _ = try RuleFileLoader(validator: SwiftCodeValidator()).load(path: directory.appendingPathComponent("\(name).yml").path)
            Issue.record("\(name).yml loaded without errors")
        } catch {
            rendered = error.description.replacingOccurrences(of: directory.path + "/", with: "") + "\n"
        }
        let expectedURL = directory.appendingPathComponent("\(name).diagnostics")
        if isRecording {
            try rendered.write(to: expectedURL, atomically: true, encoding: .utf8)
            Issue.record("recorded \(name).diagnostics: review it with git diff, then run the tests without INSTSWIFT_RECORD")
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(rendered == expected, "\(diff(expected: expected, actual: rendered))")
    }

    @Test func thereAreEnoughCases() {
        #expect(Self.cases.count >= 25)
    }

    @Test func everyDiagnosticIsCompilerStyle() throws {
        let pattern = /^[^:]+\.yml:\d+:\d+: error: (\[[^\]]+\] )?[a-z'{$].*$/
        for name in Self.cases {
            let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Fixtures/rule-errors/\(name).diagnostics"), encoding: .utf8)
            for line in text.split(separator: "\n") {
                #expect(line.wholeMatch(of: pattern) != nil, "\(name): \(line)")
            }
        }
    }
}

/// The published JSON Schema is exactly what the model generates, and every fixture's rules validate against it.
@Suite struct RulesSchemaTests {
    @Test func publishedSchemaMatchesTheModel() throws {
        let published = try String(contentsOf: repositoryRoot.appendingPathComponent("Rules/instswift-rules.schema.json"), encoding: .utf8)
        #expect(published == RulesSchema.json + "\n", "regenerate with: swift run instswift rules schema > Rules/instswift-rules.schema.json")
    }

    @Test func fixtureRulesValidateAgainstTheSchema() throws {
        guard run(["python3", "-c", "import jsonschema, yaml"]).status == 0 else {
            Issue.record("python3 with jsonschema and PyYAML is needed (pip install jsonschema pyyaml)")
            return
        }
        let script = """
            import glob, json, sys, yaml, jsonschema
            schema = json.load(open('Rules/instswift-rules.schema.json'))
            files = sorted(glob.glob('Fixtures/rewrite/*/rules.yml') + glob.glob('Rules/*.yml'))
            bad = []
            for path in files:
                try:
                    jsonschema.validate(yaml.safe_load(open(path)), schema)
                except jsonschema.ValidationError as error:
                    bad.append(f"{path}: {error.message}")
            print("\\n".join(bad)); print(len(files), "files checked")
            sys.exit(1 if bad else 0)
            """
        let result = run(["python3", "-c", script], in: repositoryRoot)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func schemaRejectsUnknownKeys() throws {
        let script = """
            import json, yaml, jsonschema
            schema = json.load(open('Rules/instswift-rules.schema.json'))
            try:
                jsonschema.validate(yaml.safe_load(open('Fixtures/rule-errors/unknown-join-point-key.yml')), schema)
                print("accepted"); raise SystemExit(1)
            except jsonschema.ValidationError:
                pass
            """
        #expect(run(["python3", "-c", script], in: repositoryRoot).status == 0)
    }
}
