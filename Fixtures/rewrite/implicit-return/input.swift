func square(_ x: Int) -> Int { x * x }

func sign(_ x: Int) -> String {
    if x < 0 { "negative" } else { "positive" }
}
