import Foundation
import InstSwiftCore
import InstSwiftSwift
import Synchronization

/// Loads every rules file of a run, reporting all problems of all files (and ids used twice) before failing.
public enum RuleLoading {
    public static func load(_ paths: [String], validator: any CodeValidator) throws(Diagnostics) -> RuleSet {
        let loader = RuleFileLoader(validator: validator)
        var set = RuleSet()
        var problems = Diagnostics()
        var ids: [String: SourceLocation] = [:]
        for path in paths {
            do throws(Diagnostics) {
                let loaded = try loader.load(path: path)
                for rule in loaded.rules {
                    if let first = ids[rule.id] {
                        problems.error("duplicate rule id '\(rule.id)' (first defined at \(first))", at: rule.location, rule: rule.id)
                    }
                    ids[rule.id] = rule.location
                }
                set.append(loaded)
            } catch { problems.append(contentsOf: error) }
        }
        if problems.hasErrors { throw problems }
        return set
    }
}
