import Foundation

/// How much the build prints.
public enum LogLevel: String, Codable, Sendable, CaseIterable, Comparable {
    case quiet, error, warning, info, debug, trace

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}
