@testable import InstSwiftBuild
import Testing

/// `instswift pin` raises a manifest's tools version to 6.0 when the runtime's dependencies lead back to the package.
@Suite struct ManifestToolsVersionTests {
    @Test func raisesTheVersionAndKeepsSwift5() throws {
        let manifest = "// swift-tools-version:5.7\nimport PackageDescription\n\nlet package = Package(name: \"A\")\n"
        let raised = try ManifestToolsVersion.raisedTo6(manifest, manifestName: "Package.swift")
        #expect(raised.hasPrefix("// swift-tools-version:6.0\nimport PackageDescription\n"))
        #expect(raised.hasSuffix("package.swiftLanguageModes = [.v5]\n"))
    }

    @Test func keepsLanguageModesTheManifestNames() throws {
        let manifest = "// swift-tools-version: 5.9.2\nlet package = Package(name: \"A\", swiftLanguageVersions: [.v5])"
        let raised = try ManifestToolsVersion.raisedTo6(manifest, manifestName: "Package.swift")
        #expect(raised == "// swift-tools-version:6.0\nlet package = Package(name: \"A\", swiftLanguageVersions: [.v5])")
    }

    @Test func leavesSixAndLaterAlone() throws {
        let manifest = "// swift-tools-version:6.1\nlet package = Package(name: \"A\")\n"
        #expect(try ManifestToolsVersion.raisedTo6(manifest, manifestName: "Package.swift") == manifest)
    }

    @Test func explainsAManifestItCannotEdit() {
        #expect(throws: ManifestToolsVersion.EditError.self) {
            try ManifestToolsVersion.raisedTo6("import PackageDescription\n", manifestName: "Package.swift")
        }
        let error = #expect(throws: ManifestToolsVersion.EditError.self) {
            try ManifestToolsVersion.raisedTo6("// swift-tools-version:5.8\nvar p = Package(name: \"A\")\n", manifestName: "Package@swift-5.8.swift")
        }
        #expect(error?.description.hasPrefix("Package@swift-5.8.swift:1:1: error:") == true)
    }
}

/// Only code counts when looking for the language modes a manifest names.
@Suite struct ManifestCodeOnlyTests {
    @Test func aCommentNamingLanguageModesDoesNotCount() throws {
        let manifest =
            "// swift-tools-version:5.9\n// we may set swiftLanguageModes later\n/* swiftLanguageVersions /* nested */ too */\n"
            + "let url = \"https://example.com/swiftLanguageModes\"\nlet package = Package(name: \"A\")\n"
        let raised = try ManifestToolsVersion.raisedTo6(manifest, manifestName: "Package.swift")
        #expect(raised.hasSuffix("package.swiftLanguageModes = [.v5]\n"))
    }

    @Test func blanksCommentsAndStrings() {
        #expect(ManifestToolsVersion.codeOnly("a // b\nc /* d */ e \"f\\\"g\" h \"\"\"\ni\n\"\"\" j") == "a  \nc   e   h   j")
    }
}

/// `pin` adds the runtime to targets SwiftPM's manifest editor cannot find: those appended after `Package(...)`
/// (mxcl/Version 2.2.1: `pkg.targets.append(.testTarget(name: "Tests.Version.mxcl", ...))`).
@Suite struct ManifestTargetEditorTests {
    static let manifest = """
        let pkg = Package(name: "Version", targets: [.target(name: "Version", path: "Sources")])
        #if swift(>=5.4)
        pkg.targets.append(.testTarget(name: "Tests.Version.mxcl", dependencies: ["Version"], path: "Tests"))
        pkg.targets.append(.testTarget(name: "Bare", path: "Tests2"))
        pkg.targets.append(.testTarget(name: "Empty", dependencies: [], path: "Tests3"))
        #endif
        """

    @Test func appendsToAnExistingDependencyList() {
        let edited = ManifestTargetEditor.addingProduct("InstSwiftRuntime", package: "Runtime", toTarget: "Tests.Version.mxcl", in: Self.manifest)
        #expect(edited?.contains(#"dependencies: ["Version", .product(name: "InstSwiftRuntime", package: "Runtime")], path: "Tests")"#) == true)
    }

    @Test func addsADependencyListAfterTheName() {
        let edited = ManifestTargetEditor.addingProduct("InstSwiftRuntime", package: "Runtime", toTarget: "Bare", in: Self.manifest)
        #expect(
            edited?.contains(#".testTarget(name: "Bare", dependencies: [.product(name: "InstSwiftRuntime", package: "Runtime")], path: "Tests2")"#) == true,
            "\(edited ?? "")")
    }

    @Test func fillsAnEmptyList() {
        let edited = ManifestTargetEditor.addingProduct("InstSwiftRuntime", package: "Runtime", toTarget: "Empty", in: Self.manifest)
        #expect(edited?.contains(#"dependencies: [.product(name: "InstSwiftRuntime", package: "Runtime")], path: "Tests3""#) == true)
    }

    /// Regression (corpus, weichsel/ZIPFoundation 0.9.20): the target is declared once per `#if` branch; the first one
    /// was edited, and Linux builds the other.
    @Test func everyBranchThatDeclaresTheTargetIsEdited() throws {
        let manifest = """
            #if canImport(Compression)
            let targets: [Target] = [.target(name: "Zip")]
            #else
            let targets: [Target] = [.systemLibrary(name: "CZLib"), .target(name: "Zip", dependencies: ["CZLib"])]
            #endif
            """
        let edited = try #require(ManifestTargetEditor.addingProduct("P", package: "R", toTarget: "Zip", in: manifest))
        #expect(edited.contains(#".target(name: "Zip", dependencies: [.product(name: "P", package: "R")])"#), "\(edited)")
        #expect(edited.contains(#".target(name: "Zip", dependencies: ["CZLib", .product(name: "P", package: "R")])"#), "\(edited)")
    }

    /// Regression (corpus, Quick/Nimble 14.0.0): `dependencies:` is a variable.
    @Test func dependenciesInAVariableGetTheProductAppended() throws {
        let manifest = #"let helpers: [Target.Dependency] = ["Nimble"]\#nlet t: [Target] = [.target(name: "Helpers", dependencies: helpers)]\#n"#
        let edited = try #require(ManifestTargetEditor.addingProduct("P", package: "R", toTarget: "Helpers", in: manifest))
        #expect(edited.contains(#".target(name: "Helpers", dependencies: helpers + [.product(name: "P", package: "R")])"#), "\(edited)")
    }

    /// Regression (corpus, vapor/console-kit 4.16.2): another target's `dependencies:` names the target first
    /// (`.target(name: "Commands")`); SwiftPM's editor added the product to that reference.
    @Test func aReferenceInAnotherTargetsDependenciesIsNotEdited() throws {
        let manifest = """
            let package = Package(name: "K", targets: [
                .target(name: "Kit", dependencies: [.target(name: "Commands")]),
                .target(name: "Commands", dependencies: [.target(name: "Terminal")]),
            ])
            """
        let edited = try #require(ManifestTargetEditor.addingProduct("P", package: "R", toTarget: "Commands", in: manifest))
        #expect(edited.contains(#".target(name: "Kit", dependencies: [.target(name: "Commands")]),"#), "\(edited)")
        #expect(edited.contains(#".target(name: "Commands", dependencies: [.target(name: "Terminal"), .product(name: "P", package: "R")])"#), "\(edited)")
    }

    /// Regression (corpus, apple/swift-crypto 4.5.2): target dependencies kept in a variable,
    /// `dependencies = [.target(name: "CXKCP", condition: .when(platforms: platforms))]`, are references too.
    @Test func aConditionalTargetDependencyIsNotEdited() throws {
        let manifest = """
            var dependencies: [Target.Dependency] = []
            dependencies = [.target(name: "CXKCP", condition: .when(platforms: [.linux]))]
            let package = Package(name: "C", targets: [.target(name: "CXKCP", exclude: ["x"]), .target(name: "Crypto", dependencies: dependencies)])
            """
        let edited = try #require(ManifestTargetEditor.addingProduct("P", package: "R", toTarget: "CXKCP", in: manifest))
        #expect(edited.contains(#"dependencies = [.target(name: "CXKCP", condition: .when(platforms: [.linux]))]"#), "\(edited)")
        #expect(edited.contains(#".target(name: "CXKCP", dependencies: [.product(name: "P", package: "R")], exclude: ["x"])"#), "\(edited)")
    }

    @Test func packageDependenciesInAVariableGetTheRuntimeAppended() throws {
        // swiftlang/swift-subprocess 1.0.2: `var dep: [Package.Dependency] = [...]` ... `Package(dependencies: dep, ...)`.
        let manifest = #"var dep: [Package.Dependency] = []\#nlet package = Package(name: "S", dependencies: dep, targets: [])\#n"#
        let edited = try #require(ManifestTargetEditor.addingPackageDependency(#".package(path: "../R")"#, in: manifest))
        #expect(edited.contains(#"Package(name: "S", dependencies: dep + [.package(path: "../R")], targets: [])"#), "\(edited)")
        // A literal array is SwiftPM's to edit.
        #expect(ManifestTargetEditor.addingPackageDependency(".package(path: \"R\")", in: "let p = Package(name: \"S\", dependencies: [])") == nil)
    }

    @Test func anUnknownTargetIsNil() {
        #expect(ManifestTargetEditor.addingProduct("P", package: "R", toTarget: "Nope", in: Self.manifest) == nil)
    }

}

/// Which manifest SwiftPM reads, so that `pin` edits that one.
@Suite struct VersionedManifestChoiceTests {
    func choice(_ manifests: [String: String], current: [Int] = [6, 3, 1]) -> String? {
        Pinning.versionedManifest(among: Array(manifests.keys), current: current) { manifests[$0].flatMap(ManifestToolsVersion.version(of:)) }
    }

    @Test func aNewerPackageSwiftWinsOverOlderVersionedManifests() {
        // apple/swift-system 1.8.1, drmohundro/SWXMLHash 8.1.1: SwiftPM 6 reads Package.swift.
        let manifests = [
            "Package.swift": "// swift-tools-version:6.0\n", "Package@swift-5.10.swift": "// swift-tools-version:5.10\n",
            "Package@swift-5.9.swift": "// swift-tools-version:5.9\n",
        ]
        #expect(choice(manifests) == nil)
        #expect(choice(manifests, current: [5, 10, 1]) == "Package@swift-5.10.swift")
    }

    @Test func aVersionedManifestWithANewerToolsVersionWins() {
        let manifests = ["Package.swift": "// swift-tools-version:5.7\n", "Package@swift-6.0.swift": "// swift-tools-version: 6.0\n"]
        #expect(choice(manifests) == "Package@swift-6.0.swift")
        #expect(choice(manifests, current: [5, 10, 0]) == nil, "a manifest for a newer Swift than the toolchain is not read")
    }

    @Test func aPackageSwiftForANewerToolchainGivesWayToTheClosestVersionedManifest() {
        // pointfreeco/swift-clocks 1.1.1: a tools-6.4 Package.swift beside Package@swift-6.0.swift; SwiftPM 6.3 reads the latter.
        let manifests = ["Package.swift": "// swift-tools-version: 6.4\n", "Package@swift-6.0.swift": "// swift-tools-version: 6.0\n"]
        #expect(choice(manifests) == "Package@swift-6.0.swift")
        #expect(choice(manifests, current: [6, 4, 0]) == nil)
    }

    @Test func aManifestNamedForThisToolchainWinsWhateverItsToolsVersion() {
        let manifests = ["Package.swift": "// swift-tools-version:6.2\n", "Package@swift-6.3.swift": "// swift-tools-version:5.9\n"]
        #expect(choice(manifests) == "Package@swift-6.3.swift")
        #expect(choice(["Package.swift": "// swift-tools-version:6.2\n", "Package@swift-6.swift": "// swift-tools-version:5.9\n"]) == "Package@swift-6.swift")
        #expect(choice(["Package.swift": "// swift-tools-version:6.2\n", "Package@swift-6.x.swift": "// swift-tools-version:6.3\n"]) == nil)
    }
}
