internal import CClang
import Foundation

/// One C file parsed by libclang from its text in memory. Owns the index and the translation unit.
final class TranslationUnit {
    let index: CXIndex
    let unit: CXTranslationUnit
    let path: String
    let mainFile: CXFile?

    /// Parses `source` as the file at `path`, or returns the reason it could not.
    static func parse(_ source: String, path: String, arguments: [String]) -> Result<TranslationUnit, ParseFailure> {
        guard let index = clang_createIndex(0, 0) else { return .failure(ParseFailure(message: "libclang could not create an index")) }
        var bytes = Array(source.utf8)
        bytes.append(0)
        var unit: CXTranslationUnit?
        let code: CXErrorCode = path.withCString { cPath in
            bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { contents in
                    var unsaved = CXUnsavedFile(Filename: cPath, Contents: contents, Length: UInt(buffer.count - 1))
                    return withCStrings(arguments) { argv in
                        clang_parseTranslationUnit2(
                            index, cPath, argv, Int32(arguments.count), &unsaved, 1,
                            UInt32(CXTranslationUnit_None.rawValue), &unit
                        )
                    }
                }
            }
        }
        guard code == CXError_Success, let unit else {
            clang_disposeIndex(index)
            return .failure(ParseFailure(message: "libclang could not parse the file (error \(code.rawValue))"))
        }
        let parsed = TranslationUnit(index: index, unit: unit, path: path)
        if let error = parsed.firstError { return .failure(error) }
        return .success(parsed)
    }

    private init(index: CXIndex, unit: CXTranslationUnit, path: String) {
        self.index = index
        self.unit = unit
        self.path = path
        self.mainFile = clang_getFile(unit, path)
    }

    deinit {
        clang_disposeTranslationUnit(unit)
        clang_disposeIndex(index)
    }

    /// The first error or fatal diagnostic, formatted as clang prints it.
    var firstError: ParseFailure? {
        for i in 0..<clang_getNumDiagnostics(unit) {
            guard let diagnostic = clang_getDiagnostic(unit, i) else { continue }
            defer { clang_disposeDiagnostic(diagnostic) }
            let severity = clang_getDiagnosticSeverity(diagnostic)
            guard severity == CXDiagnostic_Error || severity == CXDiagnostic_Fatal else { continue }
            let options = CXDiagnostic_DisplaySourceLocation.rawValue | CXDiagnostic_DisplayColumn.rawValue
            return ParseFailure(message: string(clang_formatDiagnostic(diagnostic, options)))
        }
        return nil
    }

    /// Top-level declarations of the translation unit.
    var topLevelCursors: [CXCursor] { children(of: clang_getTranslationUnitCursor(unit)) }
}

/// Why a C file was not rewritten.
struct ParseFailure: Error {
    var message: String
}

/// The direct children of a cursor.
func children(of cursor: CXCursor) -> [CXCursor] {
    final class Collector { var cursors: [CXCursor] = [] }
    let collector = Collector()
    _ = clang_visitChildren(
        cursor,
        { child, _, data in
            Unmanaged<Collector>.fromOpaque(data!).takeUnretainedValue().cursors.append(child)
            return CXChildVisit_Continue
        }, Unmanaged.passUnretained(collector).toOpaque())
    return collector.cursors
}

/// A Swift string from a libclang string, which it disposes of.
func string(_ value: CXString) -> String {
    defer { clang_disposeString(value) }
    guard let text = clang_getCString(value) else { return "" }
    return String(cString: text)
}

/// Calls `body` with `strings` as a C `argv`.
func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    let pointers = copies.map { UnsafePointer<CChar>($0) }
    return pointers.withUnsafeBufferPointer { body($0.baseAddress) }
}
