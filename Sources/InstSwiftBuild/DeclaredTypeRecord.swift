import Foundation

/// Names of types of one kind that each module compiled so far declares (`~Copyable` or `~Escapable` types, result
/// builders), kept in the work directory: a module is compiled after the modules it imports, so their types are known
/// when its own functions are looked at (a test target whose helper returns its library's `~Copyable` type, or whose
/// property is built by its library's result builder).
struct DeclaredTypeRecord {
    /// The kinds recorded, each in a folder of its own.
    enum Kind: String {
        case noncopyable
        case resultBuilders = "result-builders"
        case genericTypes = "generic-types"
    }

    let directory: String

    init(_ kind: Kind, workDirectory: String) {
        directory = workDirectory + "/" + kind.rawValue
    }

    /// Records `types` as `module`'s (an empty set removes its record) and returns them with every recorded module's.
    func recording(_ types: Set<String>, of module: String) throws -> Set<String> {
        let file = directory + "/" + module
        if types.isEmpty {
            if FileManager.default.fileExists(atPath: file) { try FileManager.default.removeItem(atPath: file) }
        } else {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            _ = try AtomicFile.writeIfChanged(types.sorted().joined(separator: "\n") + "\n", to: file)
        }
        let recorded = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return recorded.reduce(into: types) { all, name in
            guard let text = try? String(contentsOfFile: directory + "/" + name, encoding: .utf8) else { return }
            all.formUnion(text.split(separator: "\n").map(String.init))
        }
    }
}
