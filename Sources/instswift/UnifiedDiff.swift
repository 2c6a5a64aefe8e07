/// A minimal unified diff (LCS over lines) with three lines of context.
enum UnifiedDiff {
    static func render(old: String, new: String, path: String) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Longest common subsequence table, from the end.
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        enum Line { case same(String), removed(String), added(String) }
        var lines: [(Line, Int, Int)] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                lines.append((.same(a[i]), i, j)); i += 1; j += 1
            } else if j < b.count, i == a.count || table[i][j + 1] >= table[i + 1][j] {
                lines.append((.added(b[j]), i, j)); j += 1
            } else {
                lines.append((.removed(a[i]), i, j)); i += 1
            }
        }
        var output = "--- \(path)\n+++ \(path) (instrumented)\n"
        let changed = lines.indices.filter { if case .same = lines[$0].0 { return false } else { return true } }
        var index = 0
        while index < changed.count {
            let start = max(0, changed[index] - 3)
            var end = min(lines.count, changed[index] + 4)
            while index + 1 < changed.count, changed[index + 1] - 3 <= end { index += 1; end = min(lines.count, changed[index] + 4) }
            index += 1
            let hunk = lines[start..<end]
            let oldCount = hunk.filter { if case .added = $0.0 { return false } else { return true } }.count
            let newCount = hunk.filter { if case .removed = $0.0 { return false } else { return true } }.count
            output += "@@ -\(hunk.first!.1 + 1),\(oldCount) +\(hunk.first!.2 + 1),\(newCount) @@\n"
            for (line, _, _) in hunk {
                switch line {
                case .same(let text): output += " \(text)\n"
                case .removed(let text): output += "-\(text)\n"
                case .added(let text): output += "+\(text)\n"
                }
            }
        }
        return output
    }
}
