import Foundation

/// SwiftPM's code coverage export (the `llvm-cov export` JSON that `swift test --show-codecov-path` names), told about
/// the user's files instead of the rewritten copies the compiler saw: each copy's entries name the original, with the
/// original's lines and columns; the span closures instswift wrapped around bodies are folded into the functions they
/// wrap, and code instswift injected counts for nothing — so the summaries are those of the user's code.
enum CoverageExport {
    /// Maps the export at `path` in place (written whole or not at all); returns how many files it maps.
    static func mapFile(at path: String, copies: (String) -> CoverageSourceCopy?) throws -> Int {
        let (output, count) = try map(Array(try Data(contentsOf: URL(fileURLWithPath: path))), copies: copies)
        guard count > 0 else { return 0 }
        try AtomicFile.write(Data(output), to: path)
        return count
    }

    /// Maps the exports a `swift test --enable-code-coverage` that started at `started` wrote under `scratchPath`
    /// (`<triple>/<configuration>/codecov/<package>.json`), reading copies from `workDirectory`; returns their paths.
    static func mapExports(scratchPath: String, workDirectory: String, since started: Date) throws -> [String] {
        let fileManager = FileManager.default
        var exports: [String] = []
        for triple in (try? fileManager.contentsOfDirectory(atPath: scratchPath)) ?? [] {
            for configuration in (try? fileManager.contentsOfDirectory(atPath: scratchPath + "/" + triple)) ?? [] {
                let folder = "\(scratchPath)/\(triple)/\(configuration)/codecov"
                for name in (try? fileManager.contentsOfDirectory(atPath: folder)) ?? [] where name.hasSuffix(".json") {
                    let path = folder + "/" + name
                    guard let modified = (try? fileManager.attributesOfItem(atPath: path))?[.modificationDate] as? Date, modified >= started else { continue }
                    if try mapFile(at: path, copies: { CoverageSourceCopy.locate($0, workDirectory: workDirectory) }) > 0 { exports.append(path) }
                }
            }
        }
        return exports
    }

    /// `export` (the JSON's bytes) with every file `copies` reads back mapped to its original, and how many files that
    /// is. Only the entries of those files, the functions in them and the totals are read as objects: an export holds
    /// every dependency's files too (tens of megabytes for a server), which stay bytes.
    static func map(_ export: [UInt8], copies: (String) -> CoverageSourceCopy?) throws -> (bytes: [UInt8], mappedFiles: Int) {
        var cache: [String: CoverageSourceCopy?] = [:]
        func copy(_ name: String) -> CoverageSourceCopy? {
            if let known = cache[name] { return known }
            let found = copies(name)
            cache[name] = found
            return found
        }
        let scanner = JSONByteScanner(bytes: export)
        guard let data = try scanner.members(of: try scanner.value(at: 0)).first(where: { $0.key == "data" })?.value else { return (export, 0) }
        var edits: [(range: Range<Int>, bytes: [UInt8])] = []
        var mappedFiles = 0
        for element in try scanner.elements(of: data) {
            let members = try scanner.members(of: element)
            func member(_ key: String) -> Range<Int>? { members.first { $0.key == key }?.value }
            guard let filesArray = member("files") else { continue }
            let files = try scanner.elements(of: filesArray)
            var entries: [Int: [String: Any]] = [:]
            for (index, file) in files.enumerated() {
                guard let name = try scanner.members(of: file).first(where: { $0.key == "filename" }).flatMap({ scanner.string($0.value) }),
                    copy(name) != nil
                else { continue }
                entries[index] = try scanner.object(file) as? [String: Any]
            }
            guard !entries.isEmpty else { continue }
            let functions = try member("functions").map { try scanner.elements(of: $0) } ?? []
            var touching: [Int: [String: Any]] = [:]
            for (index, function) in functions.enumerated() {
                guard let names = try scanner.members(of: function).first(where: { $0.key == "filenames" })?.value,
                    try scanner.elements(of: names).contains(where: { scanner.string($0).flatMap(copy) != nil })
                else { continue }
                touching[index] = try scanner.object(function) as? [String: Any]
            }
            let totals = try member("totals").map { try scanner.object($0) } as? [String: Any]
            let result = mapElement(files: entries, functions: touching, totals: totals, copy: copy)
            mappedFiles += entries.count
            edits.append((filesArray, try array(files, in: export, replacing: result.files.mapValues { Optional($0) })))
            if let functionsArray = member("functions") { edits.append((functionsArray, try array(functions, in: export, replacing: result.functions))) }
            if let totalsRange = member("totals"), let totals = result.totals {
                edits.append((totalsRange, Array(try JSONSerialization.data(withJSONObject: totals))))
            }
        }
        guard !edits.isEmpty else { return (export, 0) }
        var output: [UInt8] = []
        output.reserveCapacity(export.count)
        var copied = 0
        for edit in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            output += export[copied..<edit.range.lowerBound]
            output += edit.bytes
            copied = edit.range.upperBound
        }
        output += export[copied...]
        return (output, mappedFiles)
    }

    /// A JSON array of `elements` (ranges in `bytes`), each replaced by its entry in `replacements` when it has one (a
    /// nil entry leaves it out).
    private static func array(_ elements: [Range<Int>], in bytes: [UInt8], replacing replacements: [Int: [String: Any]?]) throws -> [UInt8] {
        var output: [UInt8] = [UInt8(ascii: "[")]
        var first = true
        for (index, element) in elements.enumerated() {
            let replacement = replacements[index]
            if case .some(.none) = replacement { continue }
            if !first { output.append(UInt8(ascii: ",")) }
            first = false
            if case .some(.some(let object)) = replacement {
                output += try JSONSerialization.data(withJSONObject: object)
            } else {
                output += bytes[element]
            }
        }
        output.append(UInt8(ascii: "]"))
        return output
    }

    /// What was taken out of a file's functions: injected span closures folded into the functions they wrap, and
    /// regions entirely in injected code.
    private struct Removed {
        var functions = 0, coveredFunctions = 0, regions = 0, coveredRegions = 0

        /// A function of the export taken out (its `count` says whether it ran).
        mutating func remove(function json: [String: Any]) {
            functions += 1
            if (json["count"] as? Int ?? 0) > 0 { coveredFunctions += 1 }
        }

        /// A function's region taken out; only code regions count in the region summary.
        mutating func remove(region: [Any]) {
            guard CoverageExport.isCodeRegion(region) else { return }
            regions += 1
            if (region.count > 4 ? region[4] as? Int ?? 0 : 0) > 0 { coveredRegions += 1 }
        }
    }

    /// The mapped `files` (each a copy's entry), `functions` (those with a region in one; nil: folded into another) and
    /// `totals`, by their indices in the export.
    private static func mapElement(
        files: [Int: [String: Any]], functions: [Int: [String: Any]], totals: [String: Any]?, copy: (String) -> CoverageSourceCopy?
    ) -> (files: [Int: [String: Any]], functions: [Int: [String: Any]?], totals: [String: Any]?) {
        var removed: [String: Removed] = [:]
        let order = functions.keys.sorted()
        let mapped = mapFunctions(order.map { functions[$0]! }, copy: copy, removed: &removed)
        // A file's line summary is the sum of its functions' (`llvm-cov`'s way): those of the mapped files again.
        let mappedNames = Set(files.values.compactMap { ($0["filename"] as? String).flatMap(copy)?.originalPath })
        var lines: [String: CoverageLineSummary] = [:]
        for function in mapped.compactMap({ $0 }) {
            let regions = function["regions"] as? [[Any]] ?? []
            for (id, name) in (function["filenames"] as? [String] ?? []).enumerated() where mappedNames.contains(name) {
                lines[name, default: CoverageLineSummary()] = lines[name, default: CoverageLineSummary()] + CoverageLineSummary(regions: regions, fileID: id)
            }
        }
        var totals = totals
        var mappedFiles: [Int: [String: Any]] = [:]
        for (index, entry) in files {
            guard let name = entry["filename"] as? String, let source = copy(name) else { continue }
            let old = entry["summary"] as? [String: Any] ?? [:]
            let new = mapFileEntry(entry, source: source, removed: removed[name] ?? Removed(), lines: lines[source.originalPath] ?? CoverageLineSummary())
            mappedFiles[index] = new
            let summary = new["summary"] as? [String: Any] ?? [:]
            for key in ["lines", "functions", "instantiations", "regions"] {
                let total = totals?[key]
                totals?[key] = adjusted(total, by: summary[key], minus: old[key])
            }
        }
        var mappedFunctions: [Int: [String: Any]?] = [:]
        for (position, index) in order.enumerated() { mappedFunctions[index] = mapped[position] }
        return (mappedFiles, mappedFunctions, totals)
    }

    // MARK: Files

    private static func mapFileEntry(_ entry: [String: Any], source: CoverageSourceCopy, removed: Removed, lines: CoverageLineSummary) -> [String: Any] {
        var entry = entry
        entry["filename"] = source.originalPath
        var segments: [[Any]] = []
        for segment in entry["segments"] as? [[Any]] ?? [] {
            guard segment.count >= 2, let line = segment[0] as? Int, let column = segment[1] as? Int else { continue }
            let position = source.position(line: line, column: column)
            var mapped = segment
            mapped[0] = position.line
            mapped[1] = position.column
            // A later segment at the same place decides what follows it, as in llvm's own segment lists.
            if let last = segments.last, last[0] as? Int == position.line, last[1] as? Int == position.column { segments.removeLast() }
            segments.append(mapped)
        }
        entry["segments"] = segments
        for key in ["branches", "mcdc_records"] {
            if let regions = entry[key] as? [[Any]] { entry[key] = regions.compactMap { mapRegion($0, source: source) } }
        }
        if let expansions = entry["expansions"] as? [[String: Any]] {
            entry["expansions"] = expansions.map { expansion in
                var expansion = expansion
                if let region = expansion["source_region"] as? [Any] { expansion["source_region"] = mapRegion(region, source: source) ?? region }
                return expansion
            }
        }
        var summary = entry["summary"] as? [String: Any] ?? [:]
        summary["lines"] = lines.json
        for key in ["functions", "instantiations"] {
            summary[key] = reduced(summary[key], count: removed.functions, covered: removed.coveredFunctions)
        }
        summary["regions"] = reduced(summary["regions"], count: removed.regions, covered: removed.coveredRegions, notCovered: true)
        entry["summary"] = summary
        return entry
    }

    /// A region (`[line, column, end line, end column, ...]`) in the original; nil when all of it is injected.
    private static func mapRegion(_ region: [Any], source: CoverageSourceCopy) -> [Any]? {
        guard region.count >= 4, let line = region[0] as? Int, let column = region[1] as? Int, let endLine = region[2] as? Int,
            let endColumn = region[3] as? Int
        else { return region }
        let start = source.position(line: line, column: column), end = source.position(line: endLine, column: endColumn)
        if start.injected, end.injected, start == end { return nil }
        var mapped = region
        (mapped[0], mapped[1], mapped[2], mapped[3]) = (start.line, start.column, end.line, end.column)
        return mapped
    }

    // MARK: Functions

    /// One function of the export, with the copy its first region is in.
    private struct Function {
        var json: [String: Any]
        let file: String?
        /// Its first region in the copy: line, column, end line, end column.
        let extent: (Int, Int, Int, Int)?
        /// Whether its first region starts and ends in injected text: a closure instswift wrapped a body in.
        let isInjectedClosure: Bool
    }

    /// `functions` mapped, in their order; nil for a closure folded into the function around it.
    private static func mapFunctions(
        _ functions: [[String: Any]], copy: (String) -> CoverageSourceCopy?, removed: inout [String: Removed]
    ) -> [[String: Any]?] {
        var all = functions.map { json -> Function in
            let filenames = json["filenames"] as? [String] ?? []
            let first = (json["regions"] as? [[Any]])?.first
            guard let first, first.count >= 6, let fileID = first[5] as? Int, fileID < filenames.count, let source = copy(filenames[fileID]),
                let line = first[0] as? Int, let column = first[1] as? Int, let endLine = first[2] as? Int, let endColumn = first[3] as? Int
            else { return Function(json: json, file: nil, extent: nil, isInjectedClosure: false) }
            let injected = source.position(line: line, column: column).injected && source.position(line: endLine, column: endColumn).injected
            return Function(json: json, file: filenames[fileID], extent: (line, column, endLine, endColumn), isInjectedClosure: injected)
        }
        // Each injected closure's regions go to the innermost function that encloses it; the closure itself goes.
        var byFile: [String: [Int]] = [:]
        for (index, function) in all.enumerated() where !function.isInjectedClosure {
            if let file = function.file { byFile[file, default: []].append(index) }
        }
        var dropped = Set<Int>()
        for (index, closure) in all.enumerated() where closure.isInjectedClosure {
            guard let file = closure.file, let extent = closure.extent,
                let parent = (byFile[file] ?? []).filter({ all[$0].extent.map { contains($0, extent) } == true })
                    .min(by: { contains(all[$1].extent!, all[$0].extent!) })
            else { continue }
            let closureFiles = closure.json["filenames"] as? [String] ?? []
            var parentFiles = all[parent].json["filenames"] as? [String] ?? []
            var parentRegions = all[parent].json["regions"] as? [[Any]] ?? []
            for var region in (closure.json["regions"] as? [[Any]] ?? []).dropFirst() {
                // File ids index the function's own `filenames`.
                for slot in [5, 6] where region.count > slot {
                    guard let id = region[slot] as? Int, id < closureFiles.count else { continue }
                    if let existing = parentFiles.firstIndex(of: closureFiles[id]) {
                        region[slot] = existing
                    } else {
                        parentFiles.append(closureFiles[id])
                        region[slot] = parentFiles.count - 1
                    }
                }
                parentRegions.append(region)
            }
            all[parent].json["regions"] = parentRegions
            all[parent].json["filenames"] = parentFiles
            dropped.insert(index)
            removed[file, default: Removed()].remove(function: closure.json)
            if let first = (closure.json["regions"] as? [[Any]])?.first { removed[file, default: Removed()].remove(region: first) }
        }
        return all.indices.map { index -> [String: Any]? in
            guard !dropped.contains(index) else { return nil }
            var json = all[index].json
            let filenames = json["filenames"] as? [String] ?? []
            if let regions = json["regions"] as? [[Any]] {
                json["regions"] = regions.compactMap { region -> [Any]? in
                    guard region.count >= 6, let fileID = region[5] as? Int, fileID < filenames.count, let source = copy(filenames[fileID]) else {
                        return region
                    }
                    guard let mapped = mapRegion(region, source: source) else {
                        removed[filenames[fileID], default: Removed()].remove(region: region)
                        return nil
                    }
                    return mapped
                }
                // A function all of whose code instswift injected (a rule's `declare` helpers): not the user's.
                if !regions.isEmpty, (json["regions"] as? [[Any]])?.isEmpty == true, let file = all[index].file {
                    removed[file, default: Removed()].remove(function: json)
                    return nil
                }
            }
            // A branch region: line, column, end line, end column, true count, false count, file id, ...
            if let branches = json["branches"] as? [[Any]] {
                json["branches"] = branches.compactMap { region -> [Any]? in
                    guard region.count > 6, let fileID = region[6] as? Int, fileID < filenames.count, let source = copy(filenames[fileID]) else {
                        return region
                    }
                    return mapRegion(region, source: source)
                }
            }
            json["filenames"] = filenames.map { copy($0)?.originalPath ?? $0 }
            return json
        }
    }

    /// Whether a function's region (line, column, end line, end column, count, file id, expanded file id, kind) is a
    /// code region (kind 0), which the region summary counts.
    private static func isCodeRegion(_ region: [Any]) -> Bool {
        (region.count > 7 ? region[7] as? Int : 0) == 0
    }

    private static func contains(_ outer: (Int, Int, Int, Int), _ inner: (Int, Int, Int, Int)) -> Bool {
        (outer.0, outer.1) <= (inner.0, inner.1) && (inner.2, inner.3) <= (outer.2, outer.3)
    }

    // MARK: Summaries

    /// A summary (`count`, `covered`, `percent`, maybe `notcovered`) less what was removed.
    private static func reduced(_ summary: Any?, count: Int, covered: Int, notCovered: Bool = false) -> Any? {
        guard var summary = summary as? [String: Any], let total = summary["count"] as? Int, let hit = summary["covered"] as? Int else { return summary }
        return summaryJSON(count: max(0, total - count), covered: max(0, hit - covered), notCovered: notCovered || summary["notcovered"] != nil, into: &summary)
    }

    /// `total` changed by the difference between a file's new and old summary.
    private static func adjusted(_ total: Any?, by new: Any?, minus old: Any?) -> Any? {
        guard var total = total as? [String: Any], let count = total["count"] as? Int, let covered = total["covered"] as? Int,
            let new = new as? [String: Any], let old = old as? [String: Any]
        else { return total }
        let deltaCount = (new["count"] as? Int ?? 0) - (old["count"] as? Int ?? 0)
        let deltaCovered = (new["covered"] as? Int ?? 0) - (old["covered"] as? Int ?? 0)
        return summaryJSON(count: count + deltaCount, covered: covered + deltaCovered, notCovered: total["notcovered"] != nil, into: &total)
    }

    static func summaryJSON(count: Int, covered: Int, notCovered: Bool, into summary: inout [String: Any]) -> [String: Any] {
        summary["count"] = count
        summary["covered"] = covered
        summary["percent"] = count == 0 ? 0 : Double(covered) / Double(count) * 100
        if notCovered { summary["notcovered"] = count - covered }
        return summary
    }
}
