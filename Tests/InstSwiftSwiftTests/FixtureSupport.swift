import Foundation
import InstSwiftCore
import InstSwiftSwift
import InstSwiftTestSupport
import Testing

/// One `Fixtures/rewrite/<case>/` folder: `rules.yml`, `input.swift`, `expected.swift` (or `<no changes>`), and an
/// optional `context` line `module=M package=P version=1.2.3 features=Lifetimes`.
struct RewriteCase: CustomTestStringConvertible, Sendable {
    let folder: FixtureFolder
    init(name: String) { folder = FixtureFolder(suite: "rewrite", name: name) }

    var name: String { folder.name }
    var directory: URL { folder.directory }
    var testDescription: String { name }

    static let noChanges = FixtureFolder.noChanges

    static var all: [RewriteCase] { FixtureFolder.all(in: "rewrite").map { RewriteCase(name: $0.name) } }

    func read(_ file: String) throws -> String { try folder.read(file) }

    var fileContext: FileContext {
        var context = FileContext(path: "input.swift", module: "App", package: "app")
        for (key, value) in folder.context {
            switch key {
            case "module": context.module = value
            case "package": context.package = value
            case "version": context.packageVersion = SemanticVersion(value)
            case "path": context.path = value
            default: continue  // `runtime`, `support`, `features`, `upcoming`: see the properties of those names
            }
        }
        return context
    }

    /// `runtime=link-time` in `context`: the file belongs to a dependency's module, which reaches the runtime at link
    /// time; the expected output then ends with the support code the compiler shim appends to one file per module.
    var runtimeAccess: RuntimeAccess {
        folder.contextText.contains("runtime=link-time") ? .linkTime : .importing
    }

    /// `features=A,B` in `context`: experimental compiler features the input needs (`Lifetimes` for `@_lifetime`).
    var features: [String] {
        folder.context.filter { $0.key == "features" }.flatMap { $0.value.split(separator: ",").map(String.init) }
    }

    /// `upcoming=A,B` in `context`: upcoming language features the module enables (`InternalImportsByDefault`).
    var upcomingFeatures: [String] {
        folder.context.filter { $0.key == "upcoming" }.flatMap { $0.value.split(separator: ",").map(String.init) }
    }

    /// Whether the expected output carries the link-time support code in full (`support=full` in `context`: one
    /// fixture does). The other link-time fixtures end with ``supportPlaceholder`` instead, so a change to the support
    /// code re-records one fixture; the compile test puts the code back.
    var carriesLinkTimeSupport: Bool { folder.contextText.contains("support=full") }

    static let supportPlaceholder = InjectedRegion.wrap(
        "\n// (the link-time support code the compiler shim appends: see link-time-dependency-module/expected.swift)\n"
    )

    /// Rewrites the input; returns the output or the no-changes marker.
    func run() throws -> (output: String, result: RewriteResult) {
        let frontend = SwiftFrontend()
        let rules = try RuleFileLoader(validator: frontend.codeValidator).parse(try read("rules.yml"), file: "rules.yml")
        var options = RewriteOptions()
        options.runtimeAccess = runtimeAccess
        options.enableUpcomingFeatures(upcomingFeatures)
        var result = frontend.rewrite(try read("input.swift"), file: fileContext, rules: rules.rules, options: options)
        if runtimeAccess == .linkTime, let output = result.output {
            result.output =
                carriesLinkTimeSupport
                ? SwiftFrontend.appendingLinkTimeSupport(to: output, moduleImports: result.fileImports)
                : output + Self.supportPlaceholder
        }
        if let output = result.output, !result.moduleDeclarations.isEmpty {
            let imports = SwiftFrontend.declarationImports(
                result.moduleDeclarations, access: runtimeAccess, membersNeedTheirModuleImported: options.membersNeedTheirModuleImported)
            result.output = SwiftFrontend.appendingDeclarations(to: output, result.moduleDeclarations, imports: imports)
        }
        return (result.output ?? Self.noChanges, result)
    }
}
