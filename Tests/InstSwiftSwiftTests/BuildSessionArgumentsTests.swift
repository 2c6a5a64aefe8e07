@testable import InstSwiftBuild
import Testing

/// How `instswift swift ...` splits its own options from SwiftPM's.
@Suite struct BuildSessionArgumentsTests {
    func session(_ arguments: [String]) throws -> BuildSession {
        try BuildSession(arguments: arguments, environment: [:], version: "test")
    }

    /// instswift's options are taken out wherever they appear; the rest, and everything after `--`, goes to SwiftPM.
    @Test func ownOptionsAreTakenOutAndTheRestPassedOn() throws {
        let built = try session(["run", "--rules", "a.yml", "-c", "release", "App", "--", "--rules", "b.yml"])
        #expect(built.options.ruleFiles == ["a.yml"])
        #expect(built.swiftArguments == ["run", "-c", "release", "App", "--", "--rules", "b.yml"])
    }

    /// A misspelt subcommand is named with what was meant; a SwiftPM command that compiles nothing is sent back to swift.
    @Test func aCommandInstswiftDoesNotWrapSaysWhatToRun() throws {
        func message(_ arguments: [String]) -> String {
            do {
                _ = try session(arguments)
                return ""
            } catch {
                return "\(error)"
            }
        }
        #expect(message(["bulid"]).hasPrefix("'bulid' is not a command instswift wraps (did you mean 'instswift swift build'?)"))
        #expect(message(["package", "resolve"]).hasPrefix("instswift instruments what compiles — swift build, test and run; run 'swift package' as it is"))
        #expect(message([]).hasPrefix("usage: instswift swift build|test|run"))
        #expect(message(["--rules", "a.yml"]).hasPrefix("usage: instswift swift build|test|run"))
    }

    /// A build system whose compiles instswift cannot stand in for stops at once with what to do, in either spelling;
    /// `native` is passed on, and a program's own `--build-system` argument is the program's.
    @Test func onlyTheNativeBuildSystemIsAccepted() throws {
        for arguments in [["build", "--build-system", "swiftbuild"], ["test", "--build-system=swiftbuild"], ["build", "--build-system", "xcode"]] {
            #expect {
                try session(arguments)
            } throws: { error in
                "\(error)".hasPrefix("'--build-system \(arguments.last!.split(separator: "=").last ?? "")' is not supported")
                    && "\(error)".contains("leave the option out")
            }
        }
        #expect(try session(["build", "--build-system", "native"]).swiftArguments == ["build", "--build-system", "native"])
        #expect(try session(["build", "--build-system=native"]).swiftArguments == ["build", "--build-system=native"])
        #expect(try session(["run", "App", "--", "--build-system", "swiftbuild"]).swiftArguments.count == 5)
        #expect(throws: BuildError.self) { try session(["build", "--build-system"]) }
    }
}
