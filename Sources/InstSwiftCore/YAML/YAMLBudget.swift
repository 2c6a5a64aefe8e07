import Yams

/// Bounds what reading a rules file may cost. YAML aliases let a small file stand for a huge tree (30 nested aliases
/// of an `all-of` pair made 2^30 join points from 754 bytes: 3.85 GB, then a crash), so the tree is measured as it
/// would be read — aliases expanded — stopping as soon as it passes a limit no real rules file comes near.
enum YAMLBudget {
    /// Nodes in the expanded tree: the largest pack has a few thousand.
    static let maxNodes = 100_000
    /// Characters of scalars in the expanded tree.
    static let maxScalarCharacters = 8 << 20
    /// Depth of nested collections.
    static let maxDepth = 100

    /// Why the tree is too large to read, or nil.
    static func problem(in root: Node) -> String? {
        var nodes = 0
        var characters = 0
        var tooDeep = false
        func visit(_ node: Node, depth: Int) -> Bool {
            nodes += 1
            guard nodes <= maxNodes, characters <= maxScalarCharacters else { return false }
            guard depth <= maxDepth else { tooDeep = true; return false }
            switch node {
            case .scalar(let scalar): characters += scalar.string.count
            case .mapping(let mapping):
                for (key, value) in mapping {
                    guard visit(key, depth: depth + 1), visit(value, depth: depth + 1) else { return false }
                }
            case .sequence(let sequence):
                for item in sequence { guard visit(item, depth: depth + 1) else { return false } }
            case .alias: break
            }
            return true
        }
        guard !visit(root, depth: 0) else { return nil }
        if tooDeep { return "the rules file nests collections deeper than \(maxDepth) levels" }
        return "the rules file is too large to read: it has more than "
            + (nodes > maxNodes ? "\(maxNodes) nodes" : "\(maxScalarCharacters) characters of text")
            + ", counting what its aliases expand to; split it into several files, and do not nest aliases into each other"
    }
}
