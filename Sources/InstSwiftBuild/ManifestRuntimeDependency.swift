import Foundation
import SwiftParser
import SwiftSyntax

/// The runtime dependency a manifest declares (`.package(url: ".../instswift-runtime", exact: "0.1.0")`, or the
/// `.package(path: ".../Runtime")` of an older instswift), and the edit that moves it to another source: how `pin`
/// upgrades a package pinned before.
struct ManifestRuntimeDependency {
    enum Source: Equatable {
        /// A repository; `exactVersion` when the requirement is `exact:`.
        case url(String, exactVersion: String?)
        case path(String)
    }

    var source: Source
    /// The `.package(...)` call's bytes in the manifest.
    var callRange: Range<Int>
    var callText: String
    /// The `package:` string literals of `.product(name: "InstSwiftRuntime" | "InstSwiftOTel", package: ...)`.
    var productPackages: [(range: Range<Int>, value: String)]

    /// The runtime dependency of `manifest`, if it has one. A URL names the runtime by its identity
    /// (`instswift-runtime`); a path, by the `name:` of the manifest in that folder (relative to `packageRoot`).
    static func find(in manifest: String, packageRoot: String) -> ManifestRuntimeDependency? {
        let finder = RuntimeCallFinder(packageRoot: packageRoot)
        finder.walk(Parser.parse(source: manifest))
        guard let call = finder.runtimeCall, let source = finder.source else { return nil }
        let range = call.positionAfterSkippingLeadingTrivia.utf8Offset..<call.endPositionBeforeTrailingTrivia.utf8Offset
        return ManifestRuntimeDependency(source: source, callRange: range, callText: call.trimmedDescription, productPackages: finder.productPackages)
    }

    /// `manifest` with its runtime dependency replaced by `replacement` and the runtime products naming `identity`,
    /// or nil when the manifest has no runtime dependency or already reads so.
    static func retargeting(_ manifest: String, packageRoot: String, to replacement: String, identity: String) -> String? {
        guard let found = find(in: manifest, packageRoot: packageRoot) else { return nil }
        var edits: [(range: Range<Int>, text: String)] = []
        if found.callText != replacement { edits.append((found.callRange, replacement)) }
        for product in found.productPackages where product.value != identity {
            edits.append((product.range, "\"\(identity)\""))
        }
        guard !edits.isEmpty else { return nil }
        var bytes = Array(manifest.utf8)
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            bytes.replaceSubrange(edit.range, with: Array(edit.text.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether the folder holds the runtime package (its manifest is named `instswift-runtime`).
    static func isRuntimeFolder(_ path: String) -> Bool {
        guard let text = try? String(contentsOfFile: path + "/Package.swift", encoding: .utf8) else { return false }
        return text.contains("name: \"\(RuntimeSource.manifestName)\"")
    }
}

private final class RuntimeCallFinder: SyntaxVisitor {
    let packageRoot: String
    var runtimeCall: FunctionCallExprSyntax?
    var source: ManifestRuntimeDependency.Source?
    var productPackages: [(range: Range<Int>, value: String)] = []

    init(packageRoot: String) {
        self.packageRoot = packageRoot
        super.init(viewMode: .sourceAccurate)
    }

    override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind {
        guard let member = node.calledExpression.as(MemberAccessExprSyntax.self) else { return .visitChildren }
        switch member.declName.baseName.text {
        case "package" where runtimeCall == nil:
            if let url = string(node, "url"), RuntimeSource.identity(ofURL: url) == RuntimeSource.manifestName {
                runtimeCall = node
                source = .url(url, exactVersion: string(node, "exact"))
            } else if let path = string(node, "path"),
                ManifestRuntimeDependency.isRuntimeFolder(path.hasPrefix("/") ? path : packageRoot + "/" + path)
            {
                runtimeCall = node
                source = .path(path)
            }
        case "product":
            if let name = string(node, "name"), RuntimeSource.products.contains(name),
                let package = node.arguments.first(where: { $0.label?.text == "package" })?.expression.as(StringLiteralExprSyntax.self),
                let value = package.representedLiteralValue
            {
                productPackages.append((package.positionAfterSkippingLeadingTrivia.utf8Offset..<package.endPositionBeforeTrailingTrivia.utf8Offset, value))
            }
        default: break
        }
        return .visitChildren
    }

    private func string(_ call: FunctionCallExprSyntax, _ label: String) -> String? {
        call.arguments.first(where: { $0.label?.text == label })?.expression.as(StringLiteralExprSyntax.self)?.representedLiteralValue
    }
}
