public func a() async -> Int { 1 }
public func b() -> Int { 2 }
func c() async -> Int { 3 }
