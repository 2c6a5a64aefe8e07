/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/struct InvalidName: Error {}

struct User {
    let name: String

    init(name: String) throws {/*<instswift>*/ let instswiftSpan = InstSwift.startSpan("User.init"); defer { InstSwift.end(instswiftSpan) }; /*</instswift>*/
        guard !name.isEmpty else { throw InvalidName() }
        self.name = name
    }
}
