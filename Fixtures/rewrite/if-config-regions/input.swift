#if DEBUG
func debugOnly() -> Int { 1 }
#endif

func platformName() -> String {
    #if os(Linux)
    return "linux"
    #else
    return "other"
    #endif
}
