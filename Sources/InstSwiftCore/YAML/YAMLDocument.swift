import Foundation
import Yams

/// The steps every YAML file instswift reads shares — rules files and `.instswift.yml`: its UTF-8 text from disk, and
/// its composed tree within ``YAMLBudget``, each failure a located diagnostic.
enum YAMLDocument {
    /// The file's text, or nil when it does not exist. `what` names it in diagnostics ("the rules file").
    static func text(atPath path: String, _ what: String) throws(Diagnostics) -> String? {
        var diagnostics = Diagnostics()
        guard let data = FileManager.default.contents(atPath: path) else {
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            diagnostics.error("cannot read \(what) (permission denied, or not a file)", at: SourceLocation(file: path, line: 1, column: 1))
            throw diagnostics
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            let (offset, location) = RuleFileLoader.firstInvalidUTF8(in: Array(data), file: path)
            diagnostics.error("\(what) is not UTF-8 text: byte \(offset) is not valid UTF-8", at: location)
            throw diagnostics
        }
        return text
    }

    /// The composed tree of `reader`'s text (nil for an empty document); a syntax error, or a tree past the budget,
    /// is thrown with the reader's diagnostics.
    static func compose(_ text: String, reader: YAMLReader) throws(Diagnostics) -> Node? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            reader.diagnostics.emit(RuleFileLoader.diagnostic(for: error, file: reader.file, text: text))
            throw reader.diagnostics
        } catch {
            reader.diagnostics.error("\(error)", at: SourceLocation(file: reader.file, line: 1, column: 1))
            throw reader.diagnostics
        }
        if let root, let problem = YAMLBudget.problem(in: root) {
            reader.error(problem, at: root)
            throw reader.diagnostics
        }
        return root
    }
}
