func fallback() -> Int { 0 }

func value(_ cached: Int?) -> Int {
    cached ?? fallback()
}
