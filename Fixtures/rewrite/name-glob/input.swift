func handleLogin() -> Bool { true }
func handleLogout() -> Bool { true }
func render() -> String { "" }
