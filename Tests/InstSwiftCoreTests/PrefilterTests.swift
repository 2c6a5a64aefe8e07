import InstSwiftCore
import Testing

/// The cheap tests that let a frontend skip work: call interest and line tables.
@Suite struct PrefilterTests {
    func interest(_ whereClause: String) throws -> CallInterest {
        let yaml = "rules:\n  - id: r\n    where: \(whereClause)\n    advice: [{span: {}}]\n"
        return CallInterest(try RuleFileLoader(validator: nil).parse(yaml, file: "rules.yml").rules)
    }

    @Test func declarationRulesSelectNoCalls() throws {
        #expect(try interest("{function: {name: handle}}") == .none)
        #expect(try interest("{directive: span}") == .none)
    }

    @Test func callRulesBoundTheCallees() throws {
        let calls = try interest("{call: {callee: 'load*'}}")
        #expect(calls.admits(callee: "loadAll"))
        #expect(!calls.admits(callee: "save"))
        #expect(calls.requiredSubstrings == ["load"])
    }

    @Test func allOfIsBoundedByItsCallPart() throws {
        #expect(try interest("{all-of: [{call: {callee: fetch}}, {call: {labels: [_]  , callee: '*'}}]}").requiredSubstrings == ["fetch"])
        #expect(try interest("{all-of: [{call: {callee: fetch}}, {function: {}}]}") == .none)
    }

    @Test func unboundedPatternsAdmitEveryCall() throws {
        #expect(try interest("{not: {function: {}}}") == .any)
        #expect(try interest("{call: {callee: '*'}}").requiredSubstrings == nil)
        #expect(try interest("{one-of: [{call: {callee: a}}, {call: {callee: 'x{b,c}'}}]}").requiredSubstrings == nil)
    }

    func declarations(_ whereClauses: String...) throws -> DeclarationInterest {
        let yaml = "rules:\n" + whereClauses.enumerated().map { "  - id: r\($0)\n    where: \($1)\n    advice: [{span: {}}]\n" }.joined()
        return DeclarationInterest(try RuleFileLoader(validator: nil).parse(yaml, file: "rules.yml").rules)
    }

    @Test func namedFunctionRulesBoundTheDeclarations() throws {
        let named = try declarations("{function: {name: 'handle*'}}", "{function: {name: load}}", "{call: {callee: save}}")
        #expect(named.admits(name: "handleRequest") && named.admits(name: "load"))
        #expect(!named.admits(name: "save") && !named.admits(name: "compute"))
        #expect(try !declarations("{call: {callee: save}}").admits(name: "save"))
    }

    /// Prefixes are looked up by their length: several of one length, of several lengths, names shorter than a prefix,
    /// and a name whose prefix ends inside a character.
    @Test func prefixPatternsAdmitByTheirPrefixes() throws {
        let named = try declarations("{function: {name: 'get*'}}", "{function: {name: 'set*'}}", "{function: {name: 'handleé*'}}")
        #expect(named.admits(name: "get") && named.admits(name: "setValue") && named.admits(name: "handleéTout"))
        #expect(!named.admits(name: "ge") && !named.admits(name: "reset") && !named.admits(name: "handle") && !named.admits(name: "handleè"))
    }

    @Test func unboundedRulesAdmitEveryDeclaration() throws {
        #expect(try declarations("{function: {name: a}}", "{function: {type: Store}}").admits(name: "b"))
        #expect(try declarations("{all-of: [{function: {name: a}}, {function: {}}]}").admits(name: "b"))
        #expect(try declarations("{directive: span}").admits(name: "b"))
    }

    /// A file is parsed for a call rule only when it could call the callee: a call pack without a package filter (the
    /// URLSession pack) must not make every file of every dependency parse.
    @Test func callJoinPointsSkipFilesThatCannotCallTheCallee() throws {
        let rules = try RuleFileLoader(validator: nil).parse(
            "rules:\n  - id: r\n    where: {call: {callee: dataTask}}\n    advice: [{span: {}}]\n", file: "rules.yml"
        ).rules
        let joinPoint = try #require(rules.first?.joinPoint)
        #expect(joinPoint.mayOccur(inFileNamed: "A.swift", text: "session.dataTask(with: r)"))
        #expect(joinPoint.mayOccur(inFileNamed: "A.swift", text: "session.dataTask { _ in }"))
        #expect(!joinPoint.mayOccur(inFileNamed: "A.swift", text: "let dataTask = 1 // a dataTask"))
    }

    @Test func lineTableCountsEveryNewlineConvention() {
        let table = LineTable(Array("a\nbc\r\nd\re".utf8))
        #expect(table.position(of: 0) == (1, 1))
        #expect(table.position(of: 3) == (2, 2))
        #expect(table.position(of: 6) == (3, 1))
        #expect(table.position(of: 8) == (4, 1))
    }
}
