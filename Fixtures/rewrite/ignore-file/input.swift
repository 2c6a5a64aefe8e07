// instswift:ignore-file
func anything() -> Int {
    42
}
