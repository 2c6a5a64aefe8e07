enum OTel {
    static func bootstrap() throws -> Int { 0 }
}

@main
struct Service {
    static func main() throws {
        _ = try OTel.bootstrap()
    }
}
