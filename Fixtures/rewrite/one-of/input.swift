func saveUser() -> Bool { true }
func deleteUser() -> Bool { true }
func listUsers() -> [String] { [] }
