// Reduced from apple/swift-system 1.8.1 (IORing._enter): in a function that throws a typed error, a `do` whose catch
// clauses leave some errors uncaught rethrows them as that type; inside the span closure it says so. A `do` that relies
// on the type the function body infers for it in another way leaves the function alone (explain says why); one that
// does not, or one inside a closure of the body, changes nothing.
enum RingError: Error, Equatable {
    case again
    case badDescriptor
}

func submit(_ count: Int) throws(RingError) -> Int {
    if count < 0 { throw .badDescriptor }
    return count
}

func enter(_ count: Int) throws(RingError) -> Int {
    while true {
        do {
            return try submit(count)
        } catch RingError.again {
            continue
        }
    }
}

func enterNested(_ count: Int) throws(RingError) -> Int {
    do {
        // Caught by the outer catch-all: left as it is.
        do {
            return try submit(count)
        } catch .again {
            return 0
        }
    } catch {
        do {
            return try submit(-count)
        } catch .again where count > 1 {
            return 1
        }
    }
}

func enterAll(_ count: Int) throws(RingError) -> Int {
    do {
        return try submit(count)
    } catch let error {
        throw error
    }
}

func enterUntyped(_ count: Int) throws -> Int {
    do {
        return try submit(count)
    } catch .again {
        return 0
    }
}

func enterLogging(_ count: Int) throws(RingError) -> Int {
    do {
        return try submit(count)
    } catch {
        print("failed")
        return 0
    }
}

func enterLater(_ count: Int) -> () -> Int {
    let attempt = { () -> Int in
        do {
            return try submit(count)
        } catch RingError.again {
            return 0
        } catch {
            return 1
        }
    }
    return attempt
}

// Reduced from swiftlang/swift-subprocess 1.0.2: a function that does not throw stores the caught error in a variable
// of the type the `do` body throws; inside the span closure the error would be `any Error`. Left alone.
func shutdown() {
    var closeError: RingError? = nil
    do {
        _ = try submit(1)
    } catch {
        closeError = error
    }
    if closeError != nil { print("failed") }
}

// Comparing is not storing: instrumented.
func check() {
    do {
        _ = try submit(1)
    } catch {
        if String(describing: error) == "" { print("empty") }
    }
}

// Reduced from modelcontextprotocol/swift-sdk 0.12.1 (Server.handleRequest): a value made from the error has a type
// of its own, whatever the error's type. Instrumented.
func respond() -> String {
    do {
        return String(try submit(1))
    } catch {
        let reply = error as? RingError ?? RingError.again
        return String(describing: reply)
    }
}

// Reduced from grpc/grpc-swift-nio-transport 2.9.2 (GRPCClientStreamHandler.channelRead): the caught error is handed to
// an initializer that takes a protocol its type conforms to (`RPCError(invalidState)`); inside the span closure it would
// be `any Error`, which does not conform. Left alone. Handing it to a function is not converting it: instrumented.
protocol ReportSource {}
extension RingError: ReportSource {}
struct Report {
    init(_ source: some ReportSource) {}
}

func receive() {
    do {
        _ = try submit(1)
    } catch let invalidState {
        _ = Report(invalidState)
    }
}

// And one handed to a case of the result's type (`GRPCMessageFramer.nextResult`'s `.failure(rpcError)`). Left alone.
func encodeAll() -> Result<Int, RingError> {
    do {
        return .success(try submit(1))
    } catch let rpcError {
        return .failure(rpcError)
    }
}

func receiveLogging() {
    do {
        _ = try submit(1)
    } catch {
        print(error)
    }
}
