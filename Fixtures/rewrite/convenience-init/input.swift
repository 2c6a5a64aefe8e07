class Connection {
    let host: String
    let port: Int

    init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    convenience init(host: String) {
        self.init(host: host, port: 80)
    }
}
