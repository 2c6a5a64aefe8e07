func route() -> String { "/" }
