/// Line coverage counted as `llvm-cov` counts it: per function, from the function's regions (`LineCoverageStats`); a
/// file's is the sum over its functions (so a closure's lines count in the closure and in the function around it).
/// A line is executable when a region with a count starts on it or one it lies in has a count (and it does not start a
/// skipped region); it is covered when the largest of those counts is not zero.
struct CoverageLineSummary {
    private(set) var lines = 0
    private(set) var covered = 0

    init() {}

    /// One function's: `regions` are `[line, column, end line, end column, count, file id, expanded file id, kind]`;
    /// those of file id `fileID` count.
    init(regions: [[Any]], fileID: Int = 0) {
        struct Region {
            let start: (Int, Int), end: (Int, Int), count: Int, kind: Int
        }
        let all = regions.compactMap { region -> Region? in
            guard region.count >= 8, let line = region[0] as? Int, let column = region[1] as? Int, let endLine = region[2] as? Int,
                let endColumn = region[3] as? Int, let count = region[4] as? Int, region[5] as? Int == fileID, let kind = region[7] as? Int,
                [Self.code, Self.skipped, Self.gap].contains(kind)
            else { return nil }
            return Region(start: (line, column), end: (endLine, endColumn), count: count, kind: kind)
        }
        guard let first = all.map(\.start.0).min(), let last = all.map(\.end.0).max() else { return }
        for line in first...last {
            let starting = all.filter { $0.start.0 == line }
            let counted = starting.filter { $0.kind == Self.code }
            // What the line wraps into: the innermost region that began on an earlier line and ends on it or later.
            let wrapped = all.filter { $0.start.0 < line && $0.end.0 >= line }.max { $0.start < $1.start }
            let startsSkipped = starting.min { $0.start.1 < $1.start.1 }?.kind == Self.skipped
            let wrappedCount = wrapped.flatMap { $0.kind == Self.skipped ? nil : $0.count }
            let entersCounted = starting.contains { $0.kind != Self.skipped }
            guard (!startsSkipped && (wrappedCount != nil || !counted.isEmpty)) || entersCounted else { continue }
            lines += 1
            if max(wrappedCount ?? 0, counted.map(\.count).max() ?? 0) > 0 { covered += 1 }
        }
    }

    static let code = 0, skipped = 2, gap = 3

    static func + (first: CoverageLineSummary, second: CoverageLineSummary) -> CoverageLineSummary {
        var sum = first
        sum.lines += second.lines
        sum.covered += second.covered
        return sum
    }

    /// The summary as the export writes it.
    var json: [String: Any] {
        var summary: [String: Any] = [:]
        return CoverageExport.summaryJSON(count: lines, covered: covered, notCovered: false, into: &summary)
    }
}
