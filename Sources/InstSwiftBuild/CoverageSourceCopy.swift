import Foundation
import InstSwiftCore

/// A rewritten copy of a source file read back: which of its bytes are the original's and where each of its positions
/// was in the original, so that what the compiler recorded about the copy (code coverage) can name the original.
///
/// The copy is a header (Swift: `#sourceLocation(file: "<original>", line: 1)`, after the imports it adds; C: the
/// runtime's prelude and `#line 1 "<original>"`), then the original with injected regions inserted. A copy is only
/// read back when removing its header and regions gives the original file's current text.
struct CoverageSourceCopy {
    let originalPath: String
    /// Stretches of the copy in order: `original` ones hold the original's bytes from `originalStart`; the others are
    /// injected at `originalStart`.
    private let runs: [Run]
    private let copyLines: LineTable
    private let originalLines: LineTable

    private struct Run {
        let copyStart: Int
        let originalStart: Int
        let original: Bool
    }

    /// A position in the original: `injected` when the copy's position was in inserted text (then it is where that
    /// text was inserted).
    struct Position: Equatable {
        let line: Int
        let column: Int
        let injected: Bool
    }

    /// Reads `copy` back against `originalPath` (by default the path its header names); nil when it is no copy of
    /// that file as it is now.
    init?(copy: [UInt8], originalPath: String? = nil, readFile: (String) -> [UInt8]? = Self.bytes(atPath:)) {
        let regions = InjectedRegion.ranges(in: copy)
        var stripped: [UInt8] = []
        var stretches: [(copy: Range<Int>, strippedStart: Int)] = []
        var kept = 0
        for region in regions + [copy.count..<copy.count] {
            stretches.append((kept..<region.lowerBound, stripped.count))
            stripped += copy[kept..<region.lowerBound]
            kept = region.upperBound
        }
        guard let path = originalPath ?? Self.firstDirectivePath(stripped), let original = readFile(path), stripped.count >= original.count,
            stripped.suffix(original.count).elementsEqual(original)
        else { return nil }
        let headerLength = stripped.count - original.count
        guard headerLength == 0 || Self.headerPath(Array(stripped.prefix(headerLength))) != nil else { return nil }

        // Bytes of the stripped text before `headerLength` are the header's: injected, at the original's start.
        var runs: [Run] = []
        for (stretch, strippedStart) in stretches {
            var copyStart = stretch.lowerBound, start = strippedStart
            if start < headerLength, !stretch.isEmpty {
                runs.append(Run(copyStart: copyStart, originalStart: 0, original: false))
                let inHeader = min(stretch.count, headerLength - start)
                copyStart += inHeader
                start += inHeader
            }
            if copyStart < stretch.upperBound { runs.append(Run(copyStart: copyStart, originalStart: start - headerLength, original: true)) }
            if stretch.upperBound < copy.count {
                let insertedAt = max(0, strippedStart + stretch.count - headerLength)
                runs.append(Run(copyStart: stretch.upperBound, originalStart: insertedAt, original: false))
            }
        }
        self.originalPath = path
        self.runs = runs
        self.copyLines = LineTable(copy)
        self.originalLines = LineTable(original)
    }

    /// The copy the compiler read for `filename`, a path the coverage export names: a copy in `workDirectory`, or an
    /// original `main.swift` that the compiler read from its copy through an overlay.
    static func locate(_ filename: String, workDirectory: String) -> CoverageSourceCopy? {
        if filename.hasPrefix(workDirectory + "/sources/") {
            return bytes(atPath: filename).flatMap { CoverageSourceCopy(copy: $0) }
        }
        guard ModuleRewrite.compilesThroughOverlay(filename) else { return nil }
        // `WorkDirectory.copyPath` without the module: each module's folder is tried.
        let modules = (try? FileManager.default.contentsOfDirectory(atPath: workDirectory + "/sources")) ?? []
        for module in modules.sorted() {
            let copy = WorkDirectory.copyPath(for: filename, module: module, in: workDirectory)
            if let text = bytes(atPath: copy), let source = CoverageSourceCopy(copy: text, originalPath: filename) { return source }
        }
        return nil
    }

    static func bytes(atPath path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map(Array.init)
    }

    /// Where the copy's 1-based `line` and byte `column` (one past a line's end included) were in the original.
    func position(line: Int, column: Int) -> Position {
        let lineStart = copyLines.range(ofLine: min(max(line, 1), copyLines.lineCount))?.lowerBound ?? 0
        let offset = lineStart + max(column - 1, 0)
        var low = 0, high = runs.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if runs[middle].copyStart <= offset { low = middle } else { high = middle - 1 }
        }
        let run = runs.isEmpty ? Run(copyStart: 0, originalStart: 0, original: true) : runs[low]
        let originalOffset = run.original ? run.originalStart + (offset - run.copyStart) : run.originalStart
        let (originalLine, originalColumn) = originalLines.position(of: originalOffset)
        return Position(line: originalLine, column: originalColumn, injected: !run.original)
    }

    /// The original named by a header's last line: `#sourceLocation(file: "...", line: 1)` or `#line 1 "..."`.
    static func headerPath(_ header: [UInt8]) -> String? {
        guard header.last == UInt8(ascii: "\n") else { return nil }
        return directivePath(header.dropLast().split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).last ?? [])
    }

    /// The original named by the first directive line of a copy without its injected regions (a C copy's header
    /// starts with the runtime's prelude).
    static func firstDirectivePath(_ text: [UInt8]) -> String? {
        for line in text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).prefix(200) {
            if let path = directivePath(line) { return path }
        }
        return nil
    }

    private static func directivePath(_ line: ArraySlice<UInt8>) -> String? {
        let text = String(decoding: line, as: UTF8.self)
        for (prefix, suffix) in [("#sourceLocation(file: \"", "\", line: 1)"), ("#line 1 \"", "\"")] where text.hasPrefix(prefix) && text.hasSuffix(suffix) {
            return unescaped(Array(line.dropFirst(prefix.utf8.count).dropLast(suffix.utf8.count)))
        }
        return nil
    }

    /// The text of a Swift or C string literal's contents (`\\`, `\"`, `\n`, `\r`, `\t` and C's octal escapes).
    static func unescaped(_ literal: [UInt8]) -> String {
        var bytes: [UInt8] = []
        var index = 0
        while index < literal.count {
            guard literal[index] == UInt8(ascii: "\\"), index + 1 < literal.count else {
                bytes.append(literal[index])
                index += 1
                continue
            }
            let next = literal[index + 1]
            let octal = literal[(index + 1)...].prefix(3).prefix { (UInt8(ascii: "0")...UInt8(ascii: "7")).contains($0) }
            if !octal.isEmpty {
                bytes.append(UInt8(truncatingIfNeeded: octal.reduce(0) { $0 * 8 + Int($1 - UInt8(ascii: "0")) }))
                index += 1 + octal.count
                continue
            }
            switch next {
            case UInt8(ascii: "n"): bytes.append(UInt8(ascii: "\n"))
            case UInt8(ascii: "r"): bytes.append(UInt8(ascii: "\r"))
            case UInt8(ascii: "t"): bytes.append(UInt8(ascii: "\t"))
            default: bytes.append(next)
            }
            index += 2
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
