struct Failure: Error {}

func fetchOne(url: String) async throws -> Int {
    if url.isEmpty { throw Failure() }
    return url.count
}

func fetchTwo(url: String) async -> String { url.uppercased() }

func unrelated() -> Int { 1 }
