import Foundation
import PackagePlugin

/// Generates `SpanPrintingVersion.swift` for the target it is applied to. Its tool links a module the package's own
/// targets link too (Tracing), so SwiftPM builds that module for the host tool and for the targets in one build.
@main
struct VersionFile: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "SpanPrintingVersion.swift")
        return [
            .buildCommand(
                displayName: "Generating SpanPrintingVersion.swift",
                executable: try context.tool(named: "version-file-tool").url,
                arguments: [output.path],
                outputFiles: [output]
            )
        ]
    }
}
