/// A shell-style pattern: `*` matches any run of characters except `/`, `**` any run including `/`, `?` one
/// character, `{a,b}` either alternative (groups may nest). A pattern with none of these matches itself only.
///
/// Matching runs the pattern as a small automaton over the text: time is linear in the text for a given pattern and
/// nothing is expanded, so `*a*a*a*a*a*b` or thirty `{a,b}` groups cost what their length costs (they took seconds and
/// gigabytes when matched by backtracking and brace expansion).
public struct Glob: Hashable, Sendable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String
    private let program: [Instruction]
    /// The common shapes, matched without allocating: `*`, `abc`, `abc*`, `*abc`.
    enum Shape: Hashable, Sendable { case any, exact(String), prefix(String), suffix(String), general }
    let shape: Shape

    /// Compiles a pattern.
    public init(_ pattern: String) {
        self.pattern = pattern
        self.program = GlobCompiler.compile(Array(pattern))
        let body = pattern.dropFirst().dropLast()
        let special: (Character) -> Bool = { "*?{}".contains($0) }
        if pattern == "*" || pattern == "**" {
            shape = .any
        } else if !pattern.contains(where: special) {
            shape = .exact(pattern)
        } else if pattern.hasSuffix("*"), !pattern.dropLast().contains(where: special) {
            shape = .prefix(String(pattern.dropLast()))
        } else if pattern.hasPrefix("*"), !pattern.dropFirst().contains(where: special), !body.contains("/") {
            shape = .suffix(String(pattern.dropFirst()))
        } else {
            shape = .general
        }
    }

    public var description: String { pattern }

    /// The most alternatives ``expandedAlternatives`` spells out.
    public static let alternativeLimit = 64

    /// The pattern with its `{a,b}` alternatives spelled out (`C{Yaml,Json}` -> `CYaml`, `CJson`), or nil when there
    /// would be more than ``alternativeLimit``.
    public var expandedAlternatives: [String]? {
        GlobCompiler.expand(Array(pattern)[...], limit: Self.alternativeLimit)
    }

    /// Whether the pattern is a literal (no wildcard).
    public var isLiteral: Bool { !pattern.contains { "*?{".contains($0) } }

    /// Text that every match contains, when the pattern's shape tells it (for prefiltering source bytes).
    public var requiredSubstring: String? {
        switch shape {
        case .exact(let text), .prefix(let text), .suffix(let text): text.isEmpty ? nil : text
        case .any, .general: nil
        }
    }

    /// Whether `text` matches the whole pattern.
    public func matches(_ text: String) -> Bool {
        // The common shapes compare UTF-8 bytes: names are matched once per declaration and rule, millions of times
        // in a large build.
        let slash = UInt8(ascii: "/")
        switch shape {
        case .any: return pattern == "**" || !text.utf8.contains(slash)
        case .exact(let literal): return text == literal
        case .prefix(let prefix):
            let bytes = text.utf8, count = prefix.utf8.count
            return bytes.starts(with: prefix.utf8) && !bytes.dropFirst(count).contains(slash)
        case .suffix(let suffix):
            let bytes = text.utf8, count = suffix.utf8.count
            return bytes.count >= count && bytes.dropFirst(bytes.count - count).elementsEqual(suffix.utf8) && !bytes.dropLast(count).contains(slash)
        case .general: return GlobCompiler.run(program, on: text)
        }
    }
}

/// One step of a compiled pattern; `next` and `targets` are indices into the program.
private enum Instruction: Hashable, Sendable {
    case character(Character, next: Int)
    /// `?`: one character other than `/`.
    case one(next: Int)
    /// `*` (not across `/`) or `**`: stay on any character, or move on without consuming.
    case star(crossesSlash: Bool, next: Int)
    /// The start of a `{...}` group: go on with any alternative.
    case split(targets: [Int])
    case accept
}

/// Compiles glob patterns into ``Instruction`` programs and runs them.
private enum GlobCompiler {
    indirect enum Atom {
        case character(Character)
        case one
        case star(crossesSlash: Bool)
        case group([[Atom]])
    }

    static func compile(_ pattern: [Character]) -> [Instruction] {
        var index = 0
        let atoms = parseSequence(pattern, &index, inGroup: false)
        var program: [Instruction] = [.accept]
        _ = emit(atoms[...], next: 0, into: &program)
        return program
    }

    /// Atoms up to the end, or (in a group) up to the `,` or `}` that ends this alternative. A `{` without its `}`
    /// is a literal character.
    static func parseSequence(_ pattern: [Character], _ index: inout Int, inGroup: Bool) -> [Atom] {
        var atoms: [Atom] = []
        while index < pattern.count {
            let character = pattern[index]
            if inGroup, character == "," || character == "}" { return atoms }
            index += 1
            switch character {
            case "*":
                let double = index < pattern.count && pattern[index] == "*"
                if double { index += 1 }
                atoms.append(.star(crossesSlash: double))
            case "?": atoms.append(.one)
            case "{" where closes(pattern, from: index):
                var alternatives: [[Atom]] = []
                while true {
                    alternatives.append(parseSequence(pattern, &index, inGroup: true))
                    let separator = pattern[index]
                    index += 1
                    if separator == "}" { break }
                }
                atoms.append(.group(alternatives))
            default: atoms.append(.character(character))
            }
        }
        return atoms
    }

    /// Whether the `{` before `start` has its `}` (groups nest).
    static func closes(_ pattern: [Character], from start: Int) -> Bool {
        var depth = 1
        for character in pattern[start...] {
            if character == "{" { depth += 1 } else if character == "}" { depth -= 1; if depth == 0 { return true } }
        }
        return false
    }

    /// Emits `atoms` followed by the instruction at `next`; returns where they start.
    static func emit(_ atoms: ArraySlice<Atom>, next: Int, into program: inout [Instruction]) -> Int {
        var next = next
        for atom in atoms.reversed() {
            switch atom {
            case .character(let character): program.append(.character(character, next: next))
            case .one: program.append(.one(next: next))
            case .star(let crossesSlash): program.append(.star(crossesSlash: crossesSlash, next: next))
            case .group(let alternatives):
                let targets = alternatives.map { emit($0[...], next: next, into: &program) }
                program.append(.split(targets: targets))
            }
            next = program.count - 1
        }
        return next
    }

    /// Runs the program over `text`, tracking every live instruction at once.
    static func run(_ program: [Instruction], on text: String) -> Bool {
        let start = program.count - 1
        var current: [Int] = []
        var seen = [Bool](repeating: false, count: program.count)
        add(start, program, &current, &seen)
        for character in text {
            var following: [Int] = []
            var followingSeen = [Bool](repeating: false, count: program.count)
            for index in current {
                switch program[index] {
                case .character(let expected, let next) where expected == character:
                    add(next, program, &following, &followingSeen)
                case .one(let next) where character != "/":
                    add(next, program, &following, &followingSeen)
                case .star(let crossesSlash, _) where crossesSlash || character != "/":
                    add(index, program, &following, &followingSeen)
                default: continue
                }
            }
            if following.isEmpty { return false }
            current = following
        }
        return current.contains { program[$0] == .accept }
    }

    /// Adds an instruction and everything reachable from it without consuming a character.
    static func add(_ index: Int, _ program: [Instruction], _ states: inout [Int], _ seen: inout [Bool]) {
        guard !seen[index] else { return }
        seen[index] = true
        states.append(index)
        switch program[index] {
        case .star(_, let next): add(next, program, &states, &seen)
        case .split(let targets): for target in targets { add(target, program, &states, &seen) }
        default: break
        }
    }

    /// The pattern's alternatives spelled out, or nil past `limit`.
    static func expand(_ pattern: ArraySlice<Character>, limit: Int) -> [String]? {
        var index = pattern.startIndex
        var results = [""]
        while index < pattern.endIndex {
            let character = pattern[index]
            index += 1
            guard character == "{", closes(Array(pattern), from: index - pattern.startIndex) else {
                results = results.map { $0 + String(character) }
                continue
            }
            // The group's alternatives, split at top-level commas.
            var depth = 0, parts: [ArraySlice<Character>] = [], partStart = index
            while true {
                let c = pattern[index]
                if c == "{" {
                    depth += 1
                } else if c == "}" {
                    if depth == 0 { parts.append(pattern[partStart..<index]); index += 1; break }
                    depth -= 1
                } else if c == ",", depth == 0 {
                    parts.append(pattern[partStart..<index]); partStart = index + 1
                }
                index += 1
            }
            var choices: [String] = []
            for part in parts {
                guard let expanded = expand(part, limit: limit), choices.count + expanded.count <= limit else { return nil }
                choices += expanded
            }
            guard results.count * choices.count <= limit else { return nil }
            results = results.flatMap { prefix in choices.map { prefix + $0 } }
        }
        return results
    }
}

extension Array where Element == Glob {
    /// True when the list is empty (no constraint) or any pattern matches.
    func allows(_ text: String?) -> Bool {
        isEmpty || text.map { t in contains { $0.matches(t) } } ?? false
    }
}
