func route(path: String) -> String { path }
