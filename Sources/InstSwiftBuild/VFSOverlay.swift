import Foundation

/// A clang-style VFS overlay: the compiler reads each original path from its copy, and names the original everywhere
/// (diagnostics, `#fileID`, `#filePath`, debug info, dependency files).
enum VFSOverlay {
    /// Writes the overlay mapping each original to its copy, named after the mapping and `content` (the copies' text).
    static func write(_ files: [String: String], content: String, directory: String) throws -> String {
        let roots = files.keys.sorted().map { ["type": "file", "name": $0, "external-contents": files[$0]!] }
        let overlay: [String: Any] = ["version": 0, "case-sensitive": "true", "use-external-names": false, "roots": roots]
        let data = try JSONSerialization.data(withJSONObject: overlay, options: [.sortedKeys])
        let name = "vfs-\(WorkDirectory.fnv1a(String(decoding: data, as: UTF8.self) + content)).json"
        let path = directory + "/" + name
        for stale in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where stale.hasPrefix("vfs-") && stale != name {
            try? FileManager.default.removeItem(atPath: directory + "/" + stale)
        }
        try AtomicFile.writeIfChanged(String(decoding: data, as: UTF8.self), to: path)
        return path
    }
}
