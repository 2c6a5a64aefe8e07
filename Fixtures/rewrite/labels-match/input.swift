func route(path: String, method: String) -> String { method + " " + path }
func route(_ path: String) -> String { path }
