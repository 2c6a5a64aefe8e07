import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The file spans are written to when no collector is configured (`INSTSWIFT_TRACE_FILE`, else the default location),
/// open for appending. Only the default location's folder is created: a folder named by `INSTSWIFT_TRACE_FILE` that
/// does not exist is an error, not something to create wherever the path points.
final class TraceFile: Sendable {
    let path: String
    private let descriptor: Int32

    init(path: String, createFolder: Bool) throws(TraceFileError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if createFolder {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw TraceFileError(path: path, reason: "its folder \(folder) does not exist")
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw TraceFileError(path: path, reason: String(cString: strerror(errno))) }
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Appends all of `bytes`, or returns why it could not (disk full, a path that takes no writes).
    func write(_ bytes: [UInt8]) -> String? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            if written == 0 { return "nothing was written" }
            offset += written
        }
        return nil
    }

    /// What is said, once, when spans cannot be written (after `instswift: `).
    func failureWarning(_ reason: String) -> String {
        "cannot write spans to \(path): \(reason); spans are dropped until it can"
    }
}

/// Why the trace file cannot be used.
struct TraceFileError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "cannot write spans to \(path): \(reason)" }
}
