@testable import InstSwiftRuntime
import Testing
import Tracing

/// What the database packs record about a statement.
@Suite struct DatabaseQueryTests {
    @Test func summariesNameTheOperationAndTable() {
        #expect(InstSwift.dbQuerySummary("SELECT COUNT(*) AS n FROM greetings WHERE name = ?") == "SELECT greetings")
        #expect(InstSwift.dbQuerySummary("insert into greetings (name) values ($1)") == "INSERT greetings")
        #expect(InstSwift.dbQuerySummary("CREATE TABLE IF NOT EXISTS t (x INT)") == "CREATE t")
        #expect(InstSwift.dbQuerySummary("UPDATE accounts SET x = 1") == "UPDATE accounts")
        #expect(InstSwift.dbQuerySummary("BEGIN") == "BEGIN")
        #expect(InstSwift.dbQuerySummary("  ") == nil)
    }

    @Test func queryTextKeepsParametersAndNamesAndRedactsLiterals() {
        #expect(InstSwift.dbQueryText("SELECT * FROM t WHERE a = $1 AND b = ?") == "SELECT * FROM t WHERE a = $1 AND b = ?")
        #expect(InstSwift.dbQueryText("SELECT * FROM users WHERE name = 'O''Brien' AND age > 42") == "SELECT * FROM users WHERE name = ? AND age > ?")
        #expect(InstSwift.dbQueryText("SELECT col1, t2.c3 FROM t2 LIMIT 10") == "SELECT col1, t2.c3 FROM t2 LIMIT ?")
        #expect(InstSwift.dbQueryText("INSERT INTO t VALUES ('a', 3.14, -7)") == "INSERT INTO t VALUES (?, ?, -?)")
        #expect(InstSwift.dbQueryText("SELECT 'unterminated") == "SELECT ?")
    }
}

/// How a layer that runs in the caller's task covers the statement it hands to a layer on another thread, and gives
/// that layer the span to annotate. (Each `take` is read into a constant first: `#expect` cannot call a mutating method.)
@Suite struct StatementClaimTests {
    private func operation() -> LinkedSpan { LinkedSpan(NoOpTracer.NoOpSpan(context: .topLevel)) }

    @Test func aClaimedStatementIsTakenOnceAndOnlyItsOwnText() {
        var claims = StatementClaims()
        let owner = operation()
        let claim = claims.claim("SELECT 1", for: owner)
        let other = claims.take("SELECT 2"), first = claims.take("SELECT 1"), second = claims.take("SELECT 1")
        #expect(other == nil && first === owner && second == nil)
        claims.release(claim)  // after it was taken: nothing left, nothing breaks
        let afterRelease = claims.take("SELECT 1")
        #expect(afterRelease == nil)
    }

    @Test func identicalStatementsInFlightEachCoverOneCallInOrder() {
        var claims = StatementClaims()
        let (older, newer) = (operation(), operation())
        let first = claims.claim("SELECT n FROM t", for: older)
        let second = claims.claim("SELECT n FROM t", for: newer)
        let taken = claims.take("SELECT n FROM t")
        claims.release(first)
        claims.release(second)
        let left = claims.take("SELECT n FROM t")
        #expect(taken === older && left == nil)
    }

    @Test func aReleasedClaimNoLongerCovers() {
        var claims = StatementClaims()
        let claim = claims.claim("DELETE FROM t", for: operation())
        claims.release(claim)
        let taken = claims.take("DELETE FROM t")
        #expect(taken == nil)
    }

    /// The layer below gets the operation's box as a pointer that must stay valid while the statement runs: the table
    /// holds the box from the claim to its release, taken or not.
    @Test func aTakenClaimKeepsItsOperationUntilReleased() {
        var claims = StatementClaims()
        weak var watched: LinkedSpan?
        let claim: UInt64
        do {
            let owner = operation()
            watched = owner
            claim = claims.claim("SELECT 2", for: owner)
        }
        _ = claims.take("SELECT 2")
        #expect(watched != nil)
        claims.release(claim)
        #expect(watched == nil)
    }
}
