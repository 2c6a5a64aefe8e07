import InstSwiftRuntime

func one() -> Int { 1 }
