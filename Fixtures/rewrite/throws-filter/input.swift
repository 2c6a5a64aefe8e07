struct Failure: Error {}
func safe() -> Int { 1 }
func risky() throws -> Int { throw Failure() }
