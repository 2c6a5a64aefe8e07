@testable import InstSwiftSwift
import Testing

/// The byte scan that finds generic types whose parameters are not all required to be `Sendable`.
@Suite struct GenericTypeScanTests {
    @Test func parametersNotRequiredToBeSendableAreListed() {
        let text = """
            public struct Gen<Value, Seed: Sendable> {}
            final class Cache<Key: Hashable & Sendable, Element: Collection<Int>> where Element: Sendable {}
            enum Tree<Leaf> where Leaf == Int { case leaf }
            actor Pool<Item: Codable, Other> {}
            struct Plain {}
            let ordered = a < b && c > d
            func generic<T>(_ t: T) {}
            """
        #expect(GenericTypeScan.declared(in: text) == ["Gen<Value>", "Pool<Item,Other>"])
    }

    @Test func theTableMergesDeclarationsOfOneName() {
        #expect(GenericTypeScan.table(["Gen<Value>"]) == ["Gen": ["Value"]])
        #expect(GenericTypeScan.table(["Pool<Item,Other>"])["Pool"] == ["Item", "Other"])
    }

    @Test func whereClauseRequirementsAreReadPerParameter() {
        #expect(EnclosingGenericResults.requires("where R: Codable & Sendable", "R"))
        #expect(EnclosingGenericResults.requires("where R == Int", "R"))
        #expect(!EnclosingGenericResults.requires("where R.Element: Sendable", "R"))
        #expect(!EnclosingGenericResults.requires("where XR: Sendable", "R"))
        #expect(!EnclosingGenericResults.requires("where R: Codable, S: Sendable", "R"))
    }
}
