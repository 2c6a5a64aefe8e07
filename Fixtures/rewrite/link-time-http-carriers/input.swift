import HTTPTypes
import NIOHTTP1

struct Request {
    var headers: HTTPFields
}

struct Client {
    func serve(_ request: Request) async -> Int {
        request.headers.count
    }

    func execute(headers: HTTPHeaders) -> Int {
        headers.count
    }

    func executeFields(headers: inout HTTPFields) -> Int {
        headers.count
    }
}
