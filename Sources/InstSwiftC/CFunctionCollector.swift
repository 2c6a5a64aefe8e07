internal import CClang
import InstSwiftCore

/// A C function definition found in the compiled file, with where its body starts.
struct CFunction {
    var site: DeclarationSite
    /// Byte offset just after the body's `{`, in the compiled file.
    var afterOpenBrace: Int
    /// Parameters usable as attributes: name to how the runtime records it.
    var attributeKinds: [String: CValueKind]
}

/// How a C parameter can be recorded as an attribute.
enum CValueKind {
    case integer
    case string
}

/// Collects the function definitions of one translation unit: those of the compiled file, each with the reason it
/// cannot be instrumented if there is one (made by a macro, defined in a header, naked, never returning).
struct CFunctionCollector {
    let unit: TranslationUnit
    let bytes: [UInt8]
    let lines: LineTable

    init(unit: TranslationUnit, source: String) {
        self.unit = unit
        self.bytes = Array(source.utf8)
        self.lines = LineTable(bytes)
    }

    func collect() -> [CFunction] {
        unit.topLevelCursors.compactMap { cursor in
            guard clang_getCursorKind(cursor) == CXCursor_FunctionDecl, clang_isCursorDefinition(cursor) != 0 else { return nil }
            return function(cursor)
        }
    }

    private func function(_ cursor: CXCursor) -> CFunction? {
        let start = clang_getRangeStart(clang_getCursorExtent(cursor))
        guard clang_Location_isInSystemHeader(start) == 0 else { return nil }
        let expansion = position(start, expansion: true)
        let name = string(clang_getCursorSpelling(cursor))
        var site = DeclarationSite(
            kind: .function, name: name,
            location: SourceLocation(file: expansion.file ?? unit.path, line: expansion.line, column: expansion.column)
        )
        site.language = .c
        let storage = clang_Cursor_getStorageClass(cursor)
        site.access = storage == CX_SC_Static ? "private" : "public"
        if storage == CX_SC_Static { site.modifiers.append("static") }
        if clang_Cursor_isFunctionInlined(cursor) != 0 { site.modifiers.append("inline") }
        let resultType = string(clang_getTypeSpelling(clang_getCursorResultType(cursor)))
        site.returnType = resultType == "void" ? nil : resultType
        var kinds: [String: CValueKind] = [:]
        let parts = children(of: cursor)
        for parameter in parts where clang_getCursorKind(parameter) == CXCursor_ParmDecl {
            let type = clang_getCursorType(parameter)
            let parameterName = string(clang_getCursorSpelling(parameter))
            site.parameters.append(.init(label: "_", name: parameterName, type: string(clang_getTypeSpelling(type))))
            if let kind = valueKind(type) { kinds[parameterName] = kind }
        }
        if clang_Cursor_isVariadic(cursor) != 0, clang_getCursorType(cursor).kind == CXType_FunctionProto {
            site.modifiers.append("variadic")
        }

        let body = parts.last { clang_getCursorKind($0) == CXCursor_CompoundStmt }
        let bodyStart = body.map { position(clang_getRangeStart(clang_getCursorExtent($0)), expansion: true) }
        let afterOpenBrace = (bodyStart?.offset ?? -1) + 1
        // C advice is statements at the body's start; what rules it out rules out every edit.
        site.unsupported = unsupportedReason(cursor, name: name, expansion: expansion, bodyStart: bodyStart).map(UnsupportedConstruct.everyEdit)
        site.isIgnored = isIgnored(line: expansion.line)
        return CFunction(site: site, afterOpenBrace: afterOpenBrace, attributeKinds: kinds)
    }

    private func unsupportedReason(
        _ cursor: CXCursor, name: String, expansion: Position, bodyStart: Position?
    ) -> String? {
        guard let mainFile = unit.mainFile, let file = expansion.cxFile, clang_File_isEqual(file, mainFile) != 0 else {
            return "defined in the header \(expansion.file ?? "?"), which instswift does not rewrite (only the compiled file)"
        }
        // A macro-made function's name is not written where the macro is expanded (libclang's spelling locations
        // do not tell reliably, so compare the text).
        let nameAt = position(clang_getCursorLocation(cursor), expansion: true).offset
        if nameAt < 0 || nameAt + name.utf8.count > bytes.count || !bytes[nameAt..<nameAt + name.utf8.count].elementsEqual(name.utf8) {
            return "the function is produced by a macro"
        }
        guard let bodyStart, bodyStart.offset >= 0, bodyStart.offset < bytes.count, bytes[bodyStart.offset] == UInt8(ascii: "{") else {
            return "the function's body comes from a macro"
        }
        let signature = String(decoding: bytes[expansion.offset..<bodyStart.offset], as: UTF8.self)
        let type = string(clang_getTypeSpelling(clang_getCursorType(cursor)))
        if signature.contains("naked") { return "a naked function has no prologue to start a span in" }
        if ["noreturn", "_Noreturn", "__noreturn__"].contains(where: { signature.contains($0) || type.contains($0) }) {
            return "the function never returns, so its span would never end"
        }
        return nil
    }

    /// `// instswift:ignore` on the line above the definition (or on its first line).
    private func isIgnored(line: Int) -> Bool {
        let text = lineText(line) + (line > 1 ? lineText(line - 1) : "")
        return text.contains("instswift:ignore")
    }

    private func lineText(_ line: Int) -> String {
        guard let range = lines.range(ofLine: line) else { return "" }
        return String(decoding: bytes[range.lowerBound..<min(range.upperBound, bytes.count)], as: UTF8.self)
    }

    private func valueKind(_ type: CXType) -> CValueKind? {
        let canonical = clang_getCanonicalType(type)
        switch canonical.kind {
        case CXType_Bool, CXType_Char_U, CXType_UChar, CXType_UShort, CXType_UInt, CXType_ULong, CXType_ULongLong,
            CXType_Char_S, CXType_SChar, CXType_Short, CXType_Int, CXType_Long, CXType_LongLong, CXType_Enum:
            return .integer
        case CXType_Pointer:
            let pointee = clang_getCanonicalType(clang_getPointeeType(canonical)).kind
            return [CXType_Char_S, CXType_Char_U, CXType_SChar, CXType_UChar].contains(pointee) ? .string : nil
        default:
            return nil
        }
    }

    struct Position {
        var cxFile: CXFile?
        var file: String?
        var line: Int
        var column: Int
        var offset: Int
    }

    private func position(_ location: CXSourceLocation, expansion: Bool) -> Position {
        var file: CXFile?
        var line: UInt32 = 0, column: UInt32 = 0, offset: UInt32 = 0
        if expansion {
            clang_getExpansionLocation(location, &file, &line, &column, &offset)
        } else {
            clang_getSpellingLocation(location, &file, &line, &column, &offset)
        }
        return Position(cxFile: file, file: file.map { string(clang_getFileName($0)) }, line: Int(line), column: Int(column), offset: Int(offset))
    }
}
