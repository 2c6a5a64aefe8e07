import ArgumentParser
import Foundation
import InstSwiftCore
import InstSwiftSwift

/// `instswift rules validate|list|schema`.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "Validate, list or describe rules files.",
        subcommands: [Validate.self, List.self, Schema.self])

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check rules files; print every problem compiler-style (exit 2 on errors).")
        @Argument(help: "Rules files (default: those the build of the package here reads).") var files: [String] = []
        func run() throws {
            let set = try rules(files)
            print("\(set.rules.count) rule(s)\(files.isEmpty ? "" : " in \(files.count) file(s)"): ok")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the rules of rules files.")
        @Argument(help: "Rules files (default: those the build of the package here reads).") var files: [String] = []
        func run() throws {
            for rule in try rules(files).rules {
                let advice = rule.advice.map(\.key).joined(separator: ", ")
                print("\(rule.id)\t\(advice)\t\(rule.location)\(rule.description.map { "\t\($0)" } ?? "")")
            }
        }
    }

    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the JSON Schema of the rules format.")
        func run() throws {
            print(RulesSchema.json)
        }
    }
}

/// The rules of `files`, or with none, of the build of the package around the current folder.
private func rules(_ files: [String]) throws -> RuleSet {
    guard files.isEmpty else { return try CLIRules.load(files, frontend: SwiftFrontend()) }
    return try BuildRules.load(
        near: nil,
        whenOutside:
            "name rules files, or run inside a Swift package to use the rules its build reads (the packs that are on, .instswift.yml's rules files, INSTSWIFT_RULES)"
    )
}
