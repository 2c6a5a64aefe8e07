import ArgumentParser
import Foundation
import InstSwiftCore
import InstSwiftSwift

/// Prints a unified diff of what the rules would change; exits 1 when anything would.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff", abstract: "Show what the rules would inject, as a unified diff (exit 1 when something would change).")

    @OptionGroup var inputs: RewriteInputs

    func run() throws {
        var changed = false
        try inputs.rewriteEach { path, source, result in
            guard result.output != nil else { return }
            changed = true
            print(UnifiedDiff.render(old: source, edits: result.edits, path: path), terminator: "")
        }
        if changed { throw ExitCode(1) }
    }
}

/// Prints the rewritten file (what the compiler would see).
struct RewriteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rewrite", abstract: "Print the rewritten source of one file.", shouldDisplay: false)

    @OptionGroup var inputs: RewriteInputs

    func run() throws {
        try inputs.rewriteEach { _, source, result in print(result.output ?? source, terminator: "") }
    }
}
