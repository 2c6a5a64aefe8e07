func fast() -> Int { 1 }
func slow() async -> Int { 2 }
