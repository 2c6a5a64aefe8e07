public import Tracing

extension InstSwift {
    /// A low-cardinality summary of a SQL statement, for `db.query.summary` and the span name of database packs: its
    /// first keyword and the table it names (`SELECT greetings`, `INSERT greetings`), or the keyword alone; never a
    /// value. Nil for a statement with no words.
    public static func dbQuerySummary(_ sql: String) -> String? {
        let words = sql.split(whereSeparator: { $0.isWhitespace || $0 == "(" || $0 == ";" || $0 == "," }).prefix(64)
        guard let first = words.first else { return nil }
        let operation = first.uppercased()
        let markers: Set<String> = ["FROM", "INTO", "UPDATE", "TABLE", "JOIN"]
        var index = words.startIndex
        if operation == "UPDATE" { index = words.index(after: index) }
        while index < words.endIndex {
            if operation == "UPDATE" || markers.contains(words[index].uppercased()) {
                var target = operation == "UPDATE" ? index : words.index(after: index)
                while target < words.endIndex, ["IF", "NOT", "EXISTS", "ONLY"].contains(words[target].uppercased()) {
                    target = words.index(after: target)
                }
                guard target < words.endIndex else { break }
                let table = words[target].filter { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
                return table.isEmpty ? operation : "\(operation) \(table)"
            }
            index = words.index(after: index)
        }
        return operation
    }
}

extension InstSwift {
    /// A statement for `db.query.text` with its literal values replaced by `?` (string literals, numbers outside
    /// identifiers), as the database conventions ask of query text that is not parameterized: bound parameters (`$1`,
    /// `?`) and names are kept.
    public static func dbQueryText(_ sql: String) -> String {
        var result = ""
        result.reserveCapacity(sql.utf8.count)
        var characters = sql.makeIterator()
        var previous: Character = " "
        var pending: Character?
        while let character = pending ?? characters.next() {
            pending = nil
            if character == "'" {
                // A string literal, '' inside it an escaped quote.
                while let next = characters.next() {
                    guard next == "'" else { continue }
                    if let after = characters.next() {
                        if after == "'" { continue }
                        pending = after
                    }
                    break
                }
                result.append("?")
                previous = "?"
                continue
            }
            if character.isNumber, !(previous.isLetter || previous.isNumber || previous == "_" || previous == "$" || previous == "." || previous == "?") {
                while let next = characters.next() {
                    if next.isNumber || next == "." || next == "e" || next == "E" { continue }
                    pending = next
                    break
                }
                result.append("?")
                previous = "?"
                continue
            }
            result.append(character)
            previous = character
        }
        return result
    }
}

extension InstSwift {
    /// Records what the database conventions ask of a SQL statement's span — `db.system.name`, `db.query.text` (literal
    /// values replaced) and `db.query.summary` — and names the span by the summary, when the statement has one.
    public static func describeQuery(_ sql: String, system: String, on span: any Span) {
        let summary = dbQuerySummary(sql)
        rename(span, summary)
        record("db.system.name", system, on: span)
        record("db.query.text", dbQueryText(sql), on: span)
        record("db.query.summary", summary, on: span)
    }
}
