/// A unified diff with three lines of context, made from the rewrite's insertions rather than by comparing texts:
/// rewrites only insert, so the changed lines are those the insertions fall on. Time and memory are linear in the file
/// (an LCS table of lines x lines took 3 GiB for a 20k-line file). Lines end at `\n` bytes, so a CRLF file keeps its
/// lines (its `\r` stays part of each line's text).
public enum UnifiedDiff {
    /// Unchanged lines shown around each change.
    public static let context = 3

    /// The diff of `old` against `old` with `edits` applied, its headers naming `path`.
    public static func render(old: String, edits: [TextEdit], path: String) -> String {
        let bytes = Array(old.utf8)
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(index + 1) }
        // The segment after a final newline is a line only when something is inserted there.
        let lastOffset = starts.last!
        let editsByLine = Dictionary(grouping: EditApplier.ordered(edits)) { edit in lineIndex(of: edit.offset, starts: starts) }
        let lineCount = lastOffset == bytes.count && editsByLine[starts.count - 1] == nil ? starts.count - 1 : starts.count

        func text(ofLine line: Int) -> String {
            let end = line + 1 < starts.count ? starts[line + 1] - 1 : bytes.count
            return String(decoding: bytes[starts[line]..<end], as: UTF8.self)
        }
        /// The line as instrumented: its insertions applied, split where they add newlines.
        func newLines(ofLine line: Int) -> [String] {
            let lineStart = starts[line]
            let end = line + 1 < starts.count ? starts[line + 1] - 1 : bytes.count
            let shifted = (editsByLine[line] ?? []).map { TextEdit(offset: $0.offset - lineStart, text: $0.text, role: $0.role, sequence: $0.sequence) }
            let applied = EditApplier.apply(shifted, to: String(decoding: bytes[lineStart..<end], as: UTF8.self))
            return applied.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }

        let changed = editsByLine.keys.filter { $0 < lineCount }.sorted()
        var output = "--- \(path)\n+++ \(path) (instrumented)\n"
        var shift = 0  // lines added before the current hunk
        var index = 0
        while index < changed.count {
            let first = max(0, changed[index] - context)
            var last = min(lineCount - 1, changed[index] + context)
            var members = [changed[index]]
            while index + 1 < changed.count, changed[index + 1] - context <= last + 1 {
                index += 1
                members.append(changed[index])
                last = min(lineCount - 1, changed[index] + context)
            }
            index += 1
            var body = ""
            var newCount = 0
            let changedSet = Set(members)
            for line in first...last {
                if changedSet.contains(line) {
                    body += "-" + text(ofLine: line) + "\n"
                    for added in newLines(ofLine: line) { body += "+" + added + "\n"; newCount += 1 }
                } else {
                    body += " " + text(ofLine: line) + "\n"
                    newCount += 1
                }
            }
            let oldCount = last - first + 1
            output += "@@ -\(first + 1),\(oldCount) +\(first + 1 + shift),\(newCount) @@\n" + body
            shift += newCount - oldCount
        }
        return output
    }

    /// The 0-based line holding byte `offset`.
    static func lineIndex(of offset: Int, starts: [Int]) -> Int {
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
