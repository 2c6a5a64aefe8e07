/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/class Connection {
    let host: String
    let port: Int

    init(host: String, port: Int) {/*<instswift>*/ let instswiftSpan = InstSwift.startSpan("Connection.init"); defer { InstSwift.end(instswiftSpan) }; /*</instswift>*/
        self.host = host
        self.port = port
    }

    convenience init(host: String) {/*<instswift>*/ let instswiftSpan = InstSwift.startSpan("Connection.init"); defer { InstSwift.end(instswiftSpan) }; /*</instswift>*/
        self.init(host: host, port: 80)
    }
}
