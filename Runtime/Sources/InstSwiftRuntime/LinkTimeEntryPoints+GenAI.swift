// The GenAI observer (`InstSwift.genAIExchange`) as modules reach it at link time: an exchange travels as an opaque
// pointer that holds one reference, given up with `instswift_v1_genai_release`. See LinkTimeEntryPoints.swift.

/// Starts observing a model call; nil when `url` is not a model API or nothing traces.
@_silgen_name("instswift_v1_genai_start")
public func instswiftV1GenAIStart(_ method: String, _ url: String, _ body: UnsafeRawBufferPointer?) -> UnsafeMutableRawPointer? {
    InstSwift.genAIExchange(method: method, url: url, requestBody: body).map { Unmanaged.passRetained($0).toOpaque() }
}

/// Runs the request in the exchange's context.
@_silgen_name("instswift_v2_genai_run")
public func instswiftV2GenAIRun(
    _ exchange: UnsafeMutableRawPointer, _ isolation: isolated (any Actor)?, _ body: nonisolated(nonsending) () async throws -> Void
) async throws {
    try await linkedExchange(exchange).run(isolation: isolation) {
        _ = isolation; try await body()
    }
}

/// Runs a synchronous body that starts the request in the exchange's context.
@_silgen_name("instswift_v1_genai_run_sync")
public func instswiftV1GenAIRunSync(_ exchange: UnsafeMutableRawPointer, _ body: () -> Void) {
    linkedExchange(exchange).runSynchronously(body)
}

/// The request's body, shown after the exchange started.
@_silgen_name("instswift_v1_genai_request_body")
public func instswiftV1GenAIRequestBody(_ exchange: UnsafeMutableRawPointer, _ bytes: UnsafeRawBufferPointer) {
    linkedExchange(exchange).requestBody(bytes)
}

@_silgen_name("instswift_v1_genai_response_head")
public func instswiftV1GenAIResponseHead(_ exchange: UnsafeMutableRawPointer, _ status: Int, _ contentType: String?) {
    linkedExchange(exchange).responseHead(status: status, contentType: contentType)
}

@_silgen_name("instswift_v1_genai_received")
public func instswiftV1GenAIReceived(_ exchange: UnsafeMutableRawPointer, _ bytes: UnsafeRawBufferPointer) {
    linkedExchange(exchange).received(bytes)
}

@_silgen_name("instswift_v1_genai_finish")
public func instswiftV1GenAIFinish(_ exchange: UnsafeMutableRawPointer, _ error: (any Error)?) {
    linkedExchange(exchange).finish(error: error)
}

/// Gives up the reference `instswift_v1_genai_start` returned (an exchange not yet finished finishes now).
@_silgen_name("instswift_v1_genai_release")
public func instswiftV1GenAIRelease(_ exchange: UnsafeMutableRawPointer) {
    Unmanaged<GenAIExchange>.fromOpaque(exchange).release()
}

/// Hands the body `task`'s session delegate receives to the exchange (`InstSwift.watchGenAITask`).
@_silgen_name("instswift_v1_genai_watch_task")
public func instswiftV1GenAIWatchTask(_ exchange: UnsafeMutableRawPointer, _ task: UnsafeMutableRawPointer) {
    InstSwift.watchGenAITask(linkedObject(task), linkedExchange(exchange))
}

/// Bytes a session delegate received for a task (`InstSwift.genAITaskReceived`).
@_silgen_name("instswift_v1_genai_task_received")
public func instswiftV1GenAITaskReceived(
    _ task: UnsafeMutableRawPointer, _ bytes: UnsafeRawBufferPointer, _ head: () -> (status: Int, contentType: String?)
) {
    InstSwift.genAITaskReceived(linkedObject(task), bytes, head: head)
}

/// The file a download task's session delegate was given (`InstSwift.genAITaskDownloaded`).
@_silgen_name("instswift_v1_genai_task_downloaded")
public func instswiftV1GenAITaskDownloaded(
    _ task: UnsafeMutableRawPointer, _ path: () -> String, _ head: () -> (status: Int, contentType: String?)
) {
    InstSwift.genAITaskDownloaded(linkedObject(task), path: path(), head: head)
}

/// Ends the model call that waits for a task's body (`InstSwift.finishGenAITask`).
@_silgen_name("instswift_v1_genai_finish_task")
public func instswiftV1GenAIFinishTask(_ task: UnsafeMutableRawPointer, _ status: Int, _ contentType: String?, _ error: (any Error)?) {
    InstSwift.finishGenAITask(linkedObject(task), status: status, contentType: contentType, error: error)
}

private func linkedObject(_ pointer: UnsafeMutableRawPointer) -> AnyObject {
    Unmanaged<AnyObject>.fromOpaque(pointer).takeUnretainedValue()
}

private func linkedExchange(_ pointer: UnsafeMutableRawPointer) -> GenAIExchange {
    Unmanaged<GenAIExchange>.fromOpaque(pointer).takeUnretainedValue()
}

/// Records a histogram value through ``InstSwiftMetrics`` (the metric packs' durations).
@_silgen_name("instswift_v1_record_histogram")
public func instswiftV1RecordHistogram(_ name: String, _ value: Double, _ unit: String, _ dimensions: [String: String]) {
    InstSwiftMetrics.recordHistogram(name, value, unit: unit, dimensions: dimensions)
}
