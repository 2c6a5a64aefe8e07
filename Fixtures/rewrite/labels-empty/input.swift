func now() -> Int { 0 }
func later(_ delay: Int) -> Int { delay }
