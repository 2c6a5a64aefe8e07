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
        @Argument(help: "Rules files.") var files: [String]
        func run() throws {
            let set = try CLIRules.load(files, frontend: SwiftFrontend())
            print("\(set.rules.count) rule(s) in \(files.count) file(s): ok")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the rules of rules files.")
        @Argument(help: "Rules files.") var files: [String]
        func run() throws {
            for rule in try CLIRules.load(files, frontend: SwiftFrontend()).rules {
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
