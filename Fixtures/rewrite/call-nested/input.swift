func encode(_ text: String) -> [UInt8] { Array(text.utf8) }
func compress(_ bytes: [UInt8]) -> [UInt8] { bytes }

func pack(_ text: String) -> Int {
    compress(encode(text)).count
}
