struct InvalidName: Error {}

struct User {
    let name: String

    init(name: String) throws {
        guard !name.isEmpty else { throw InvalidName() }
        self.name = name
    }
}
