import Foundation
import InstSwiftTestSupport
import InstSwiftCore
import InstSwiftSwift
import SwiftParser
import SwiftSyntax
import Testing

/// The link-time contract is written twice, on either side of the link: the runtime's definitions and the declarations
/// instswift adds to dependency modules. A mismatch would link and then misbehave, so the two are compared here.
@Suite struct LinkTimeContractTests {
    /// `@_silgen_name` symbol -> (Swift name, signature with whitespace collapsed) of the runtime's definitions.
    static func runtimeDefinitions() throws -> [String: (name: String, signature: String)] {
        let folder = repositoryRoot.appendingPathComponent("Runtime/Sources/InstSwiftRuntime")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("LinkTimeEntryPoints") }
        var definitions: [String: (String, String)] = [:]
        for file in files {
            let tree = Parser.parse(source: try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8))
            for statement in tree.statements {
                guard let function = statement.item.as(FunctionDeclSyntax.self) else { continue }
                for case .attribute(let attribute) in function.attributes where attribute.attributeName.trimmedDescription == "_silgen_name" {
                    let symbol = attribute.arguments?.trimmedDescription.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) ?? ""
                    definitions[symbol] = (function.name.text, collapse(function.signature.trimmedDescription))
                }
            }
        }
        return definitions
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ").replacingOccurrences(of: "( ", with: "(")
            .replacingOccurrences(of: ", )", with: ")").replacingOccurrences(of: " )", with: ")")
    }

    @Test func runtimeDefinesEveryEntryWithTheSameSignature() throws {
        let definitions = try Self.runtimeDefinitions()
        #expect(Set(definitions.keys) == Set(LinkTimeContract.entries.map(\.symbol)))
        for entry in LinkTimeContract.entries {
            let definition = try #require(definitions[entry.symbol], "the runtime does not define \(entry.symbol)")
            #expect(definition.name == entry.name)
            #expect(definition.signature == Self.collapse(entry.signature), "\(entry.symbol)")
        }
    }

    @Test func everySymbolIsVersioned() {
        for entry in LinkTimeContract.entries {
            #expect(entry.symbol.hasPrefix("instswift_v1_") || entry.symbol.hasPrefix("instswift_v2_"))
            #expect(entry.name == "instswiftV" + entry.symbol.dropFirst("instswift_v".count).prefix(1) + entry.name.dropFirst("instswiftV1".count))
        }
    }

    /// The names of the static functions `source` declares in `enum InstSwift` or its extensions.
    static func instSwiftFunctions(in source: String) -> Set<String> {
        final class Finder: SyntaxVisitor {
            var names = Set<String>()
            var depth = 0
            override func visit(_ node: EnumDeclSyntax) -> SyntaxVisitorContinueKind { enter(node.name.text == "InstSwift") }
            override func visitPost(_ node: EnumDeclSyntax) { leave(node.name.text == "InstSwift") }
            override func visit(_ node: ExtensionDeclSyntax) -> SyntaxVisitorContinueKind { enter(node.extendedType.trimmedDescription == "InstSwift") }
            override func visitPost(_ node: ExtensionDeclSyntax) { leave(node.extendedType.trimmedDescription == "InstSwift") }
            override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind {
                if depth > 0, node.modifiers.contains(where: { $0.name.text == "static" }) { names.insert(node.name.text) }
                return .skipChildren
            }
            func enter(_ matches: Bool) -> SyntaxVisitorContinueKind {
                if matches { depth += 1 }
                return .visitChildren
            }
            func leave(_ matches: Bool) { if matches { depth -= 1 } }
        }
        let finder = Finder(viewMode: .sourceAccurate)
        finder.walk(Parser.parse(source: source))
        return finder.names
    }

    /// Rendered code calls the runtime by the names of ``RuntimeFunction``: the runtime declares every one, and the
    /// link-time support every one a dependency's module may call.
    @Test func everyRuntimeFunctionRenderedCodeCallsIsDeclaredOnBothSides() throws {
        let folder = repositoryRoot.appendingPathComponent("Runtime/Sources/InstSwiftRuntime")
        let runtime = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }.reduce(into: Set<String>()) {
            $0.formUnion(Self.instSwiftFunctions(in: try String(contentsOf: folder.appendingPathComponent($1), encoding: .utf8)))
        }
        let support = Self.instSwiftFunctions(in: SwiftFrontend.appendingLinkTimeSupport(to: "", moduleImports: ["HTTPTypes", "NIOHTTP1"]))
        for function in RuntimeFunction.allCases {
            #expect(runtime.contains(function.rawValue), "the runtime declares no InstSwift.\(function.rawValue)")
            if function.isLinkTime {
                #expect(support.contains(function.rawValue), "the link-time support declares no InstSwift.\(function.rawValue)")
            }
        }
    }

    /// The stubs programs without the runtime link compile on their own.
    @Test func stubsCompile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("instswift-stubs-\(UUID().uuidString).swift")
        try LinkTimeContract.stubSource.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = run(["swiftc", "-emit-sil", "-o", "/dev/null", "-swift-version", "6", "-parse-as-library", file.path])
        #expect(result.status == 0 && !result.output.contains("warning:"), "\(result.output)")
    }

    /// Support code for every combination of carrier imports compiles in both language modes, and in modules that turn
    /// on `NonisolatedNonsendingByDefault` (PostgresNIO does), whose async function types have another convention.
    @Test(arguments: [Set<String>(), ["NIOHTTP1"], ["HTTPTypes", "NIOHTTP1"]], ["5", "6", "6+NonisolatedNonsendingByDefault"])
    func supportCompiles(_ imports: Set<String>, _ mode: String) throws {
        let languageMode = String(mode.prefix(1))
        let features = mode.contains("+") ? ["-enable-upcoming-feature", String(mode.split(separator: "+")[1])] : []
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("instswift-support-\(UUID().uuidString).swift")
        try SwiftFrontend.appendingLinkTimeSupport(to: "let x = 1\n", moduleImports: imports).write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = run(
            ["swiftc", "-emit-sil", "-o", "/dev/null", "-swift-version", languageMode, "-parse-as-library", "-I", FixtureCompileTests.modulesDirectory.path]
                + features + FixtureCompileTests.clangModuleFlags + [file.path]
        )
        #expect(result.status == 0 && !result.output.contains("warning:"), "\(result.output)")
    }
}
