import Foundation

/// A tool run to its end with its standard output and error kept (in files beside the compile's other arguments), to be
/// passed on or dropped afterwards.
struct CapturedRun {
    let status: Int32
    let standardOutput: Data
    let standardError: Data

    /// Both outputs, as text.
    var output: String { String(decoding: standardOutput, as: UTF8.self) + "\n" + String(decoding: standardError, as: UTF8.self) }

    init(tool: String, arguments: [String], directory: String) throws {
        let outputPath = "\(directory)/attempt-\(getpid()).stdout", errorPath = "\(directory)/attempt-\(getpid()).stderr"
        guard FileManager.default.createFile(atPath: outputPath, contents: nil), FileManager.default.createFile(atPath: errorPath, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: outputPath])
        }
        defer {
            try? FileManager.default.removeItem(atPath: outputPath)
            try? FileManager.default.removeItem(atPath: errorPath)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        try process.run()
        process.waitUntilExit()
        status = process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
        standardOutput = FileManager.default.contents(atPath: outputPath) ?? Data()
        standardError = FileManager.default.contents(atPath: errorPath) ?? Data()
    }

    /// Writes what the tool wrote to this process's standard output and error.
    func forward() {
        FileHandle.standardOutput.write(standardOutput)
        FileHandle.standardError.write(standardError)
    }
}
