import ArgumentParser
import Foundation
import InstSwiftCore
import InstSwiftSwift

/// Lists, for every declaration and call a rule matched or came close to, what happened and why.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Explain which rule applies where, and why the closest ones do not.")

    @OptionGroup var inputs: RewriteInputs

    func run() throws {
        try inputs.rewriteEach(matchOnly: true) { path, _, result in
            if let reason = result.fileSkipReason {
                print("\(path): skipped: \(reason)")
                return
            }
            for report in result.reports {
                print("\(report.site.location): \(report.site.displayName)")
                for rule in report.matched {
                    if let skip = report.skipped.first(where: { $0.rule.id == rule.id }) {
                        print("  skipped [\(rule.id)]: \(skip.reason)")
                    } else {
                        print("  applied [\(rule.id)]")
                    }
                }
                for miss in report.nearMisses { print("  not applied [\(miss.ruleID)]: \(miss.reason)") }
            }
        }
    }
}
