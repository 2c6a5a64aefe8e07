/// Why a step of the build layer stopped: what the user reads, kept apart by kind so callers can tell a failed tool
/// from a bad argument without reading the message.
public enum BuildError: Error, CustomStringConvertible {
    /// A command-line argument or option that cannot be used as given.
    case invalidArgument(String)
    /// Something the step needs and did not find (a toolchain, the packs, a package, a file).
    case missing(String)
    /// A tool instswift ran (`swift package`, `git`) exited unsuccessfully, with what it printed.
    case commandFailed(command: String, output: String)
    /// Reading, writing or running something failed in the operating system.
    case system(String)
    /// The rules could not be loaded (their diagnostics, each located).
    case rules(String)
    /// The runtime instswift would pin cannot be used from here.
    case runtimeUnavailable(String)

    public var description: String {
        switch self {
        case .invalidArgument(let message), .missing(let message), .system(let message), .rules(let message),
            .runtimeUnavailable(let message):
            message
        case .commandFailed(let command, let output):
            output.isEmpty ? "\(command) failed" : "\(command) failed:\n\(output)"
        }
    }
}
