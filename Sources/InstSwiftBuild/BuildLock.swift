import Foundation

/// Serialises `instswift swift ...` runs that share a scratch folder: each writes the shim toolchain and the build
/// configuration that its compiler shims read, so a second run must not rewrite them under a first one's compiles.
/// (SwiftPM locks the scratch folder too, but only once `swift` starts — after instswift has written its files.)
/// An advisory `flock` on `<scratch>/instswift/lock`, released when the run ends or its process dies.
final class BuildLock {
    private let descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    /// Takes the lock, calling `waiting` once first if another run holds it.
    static func acquire(_ path: String, waiting: () -> Void) throws -> BuildLock {
        try FileManager.default.createDirectory(
            atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true
        )
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw BuildLockError(path: path, reason: String(cString: strerror(errno))) }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                close(descriptor)
                throw BuildLockError(path: path, reason: String(cString: strerror(errno)))
            }
            waiting()
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    close(descriptor)
                    throw BuildLockError(path: path, reason: String(cString: strerror(errno)))
                }
            }
        }
        return BuildLock(descriptor: descriptor)
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

struct BuildLockError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "cannot lock \(path): \(reason)" }
}
