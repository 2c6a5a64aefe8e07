import Foundation
import InstSwiftCore
import InstSwiftSwift
import Synchronization

/// Where rewritten copies live: one folder per module, a hashed folder per original folder, and a distinct basename
/// (`Foo.instswift.swift`) so `#fileID` never collides with the original.
public enum WorkDirectory {
    public static func copyPath(for original: String, module: String, in work: String) -> String {
        let url = URL(fileURLWithPath: original)
        let folder = fnv1a(url.deletingLastPathComponent().path)
        return "\(work)/sources/\(module)/\(folder)/\(url.deletingPathExtension().lastPathComponent).instswift.swift"
    }

    /// A C file's copy keeps its name: its `#line` directive already makes the compiler name the original.
    static func cCopyPath(for original: String, module: String, in work: String) -> String {
        let url = URL(fileURLWithPath: original)
        return "\(work)/sources/\(module)/\(fnv1a(url.deletingLastPathComponent().path))/\(url.lastPathComponent)"
    }

    static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16)
    }
}
