func query(_ sql: String) -> [String] { [sql] }
