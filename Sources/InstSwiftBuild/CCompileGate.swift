import InstSwiftCore

/// Which C compiles the `instswift-cc` script hands to instswift. It is decided in the script, from the compile's
/// command line, so that the C files of targets no rule names (a server's dependencies hold hundreds: BoringSSL twice)
/// go straight to the compiler without an instswift start-up each (~15-40 ms of CPU).
enum CCompileGate {
    /// Bash `case` patterns for the targets that C rules are limited to, or nil when some C rule may touch any target
    /// (no `modules:`), or names one with characters a target name cannot hold: then every C compile goes to instswift.
    /// Bash's `*` also matches `/`, so a pattern can only let more compiles through to instswift, never fewer.
    static func targetPatterns(_ rules: [Rule]) -> [String]? {
        var patterns: [String] = []
        for rule in rules where rule.language == .c {
            guard !rule.modules.isEmpty else { return nil }
            var alternatives: [String] = []
            for module in rule.modules {
                guard let expanded = module.expandedAlternatives else { return nil }
                alternatives += expanded
            }
            for alternative in alternatives {
                guard !alternative.isEmpty, alternative.allSatisfy(isPatternCharacter) else { return nil }
                patterns.append(alternative.replacingOccurrences(of: "**", with: "*"))
            }
        }
        return patterns
    }

    /// What a target-name pattern may hold and still be put in a bash `case` unquoted.
    private static func isPatternCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "_*?".contains(character))
    }

    /// The `instswift-cc` script. Without patterns it hands everything to instswift; with them, a compile goes to
    /// instswift when its `-fmodule-name=` or the `<Target>.build` folder of its `-o` path matches one, or when the
    /// command line says neither (instswift then decides); every other call goes to `$INSTSWIFT_REAL_CC`.
    static func script(instswift: String, targetPatterns: [String]?) -> String {
        let toInstswift = "exec -a \"$0\" \(instswift) \"$@\""
        guard let patterns = targetPatterns, !patterns.isEmpty else { return "#!/bin/bash\n\(toInstswift)\n" }
        let moduleFlags = patterns.map { "-fmodule-name=\($0)" }.joined(separator: "|")
        let outputs = patterns.map { "*/\($0).build/*" }.joined(separator: "|")
        return """
            #!/bin/bash
            # Only compiles of the targets that C rules name go to instswift; the others go straight to the compiler.
            [ -n "$INSTSWIFT_REAL_CC" ] || \(toInstswift)
            output=
            previous=
            for argument in "$@"; do
                case "$argument" in \(moduleFlags)) \(toInstswift) ;; esac
                [ "$previous" = -o ] && output=$argument
                previous=$argument
            done
            case "$output" in
                \(outputs)) \(toInstswift) ;;
                *.build/*) exec "$INSTSWIFT_REAL_CC" "$@" ;;
            esac
            \(toInstswift)

            """
    }
}
