struct Request {
    var method: String
    var path: String
    var headers: [String: String]
}

func handle(_ request: Request) async throws -> Int {
    await Task.yield()
    return 200
}
