import ArgumentParser
import Foundation
import InstSwiftBuild

/// Prints recorded spans (OTLP/JSON lines) as a tree per trace, with durations and key attributes.
struct TracesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "traces", abstract: "Print recorded traces as a waterfall (reads OTLP/JSON lines).")

    @Argument(help: "OTLP/JSON lines files (default: $INSTSWIFT_TRACE_FILE, else the package's .build/instswift/traces.jsonl).")
    var files: [String] = []

    @Option(help: "Show only the last N traces.")
    var last: Int?

    @Flag(help: "Colour the output even when it is not a terminal.")
    var color = false

    func run() throws {
        let paths = files.isEmpty ? [try Self.defaultFile(environment: ProcessInfo.processInfo.environment)] : files
        var spans: [TraceSpan] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("\(path): no trace file; \(Self.whereSpansGo)")
            }
            spans += TraceSpan.decode(lines: String(decoding: data, as: UTF8.self))
        }
        let useColor = color || isatty(STDOUT_FILENO) == 1
        print(Waterfall.render(spans, lastTraces: last, color: useColor), terminator: "")
    }
}

extension TracesCommand {
    /// Where spans were written without an endpoint: `INSTSWIFT_TRACE_FILE`; else the file in the scratch path of the
    /// package around the current folder (`instswift swift run|test` and a program started in the package root write
    /// there), or the temporary folder's (a program started where there is no `.build`).
    static func defaultFile(environment: [String: String], currentDirectory: String = FileManager.default.currentDirectoryPath) throws -> String {
        if let path = environment["INSTSWIFT_TRACE_FILE"] { return path }
        let inPackage = (BuildSession.nearestPackageRoot(from: currentDirectory) ?? currentDirectory) + "/.build/instswift/traces.jsonl"
        let temporary = NSTemporaryDirectory() + "instswift-traces.jsonl"
        for candidate in [inPackage, temporary] where FileManager.default.fileExists(atPath: candidate) { return candidate }
        throw ValidationError("no trace file at \(inPackage) or \(temporary); \(whereSpansGo), or name the file (INSTSWIFT_TRACE_FILE)")
    }

    static let whereSpansGo = "run an instrumented program first (spans go there when no OTLP endpoint is set)"
}

/// One span as read back from OTLP/JSON.
struct TraceSpan {
    var traceID, spanID: String
    var parentSpanID: String?
    var name: String
    var kind: Int
    var start, end: UInt64
    var attributes: [(String, String)]
    var isError: Bool
    var service: String

    var kindName: String { ["unspecified", "internal", "server", "client", "producer", "consumer"][min(max(kind, 0), 5)] }

    static func decode(lines: String) -> [TraceSpan] {
        var result: [TraceSpan] = []
        for line in lines.split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
            for resourceSpans in object["resourceSpans"] as? [[String: Any]] ?? [] {
                let resourceAttributes = (resourceSpans["resource"] as? [String: Any])?["attributes"] as? [[String: Any]] ?? []
                let service = attributes(resourceAttributes).first { $0.0 == "service.name" }?.1 ?? "?"
                for scope in resourceSpans["scopeSpans"] as? [[String: Any]] ?? [] {
                    for span in scope["spans"] as? [[String: Any]] ?? [] {
                        result.append(
                            TraceSpan(
                                traceID: span["traceId"] as? String ?? "", spanID: span["spanId"] as? String ?? "",
                                parentSpanID: (span["parentSpanId"] as? String).flatMap { $0.isEmpty ? nil : $0 },
                                name: span["name"] as? String ?? "", kind: span["kind"] as? Int ?? 0,
                                start: UInt64(span["startTimeUnixNano"] as? String ?? "") ?? 0,
                                end: UInt64(span["endTimeUnixNano"] as? String ?? "") ?? 0,
                                attributes: attributes(span["attributes"] as? [[String: Any]] ?? [])
                                    + exceptions(span["events"] as? [[String: Any]] ?? []),
                                isError: ((span["status"] as? [String: Any])?["code"] as? Int) == 2, service: service
                            ))
                    }
                }
            }
        }
        return result
    }

    /// The attributes of the span's `exception` events (`exception.type`, `exception.message`), shown as the span's.
    static func exceptions(_ events: [[String: Any]]) -> [(String, String)] {
        events.filter { $0["name"] as? String == "exception" }.flatMap { attributes($0["attributes"] as? [[String: Any]] ?? []) }
    }

    static func attributes(_ list: [[String: Any]]) -> [(String, String)] {
        list.compactMap { item in
            guard let key = item["key"] as? String, let value = item["value"] as? [String: Any] else { return nil }
            return (key, text(of: value))
        }
    }

    /// An OTLP/JSON `AnyValue` as text: numbers short, arrays comma-separated.
    static func text(of value: [String: Any]) -> String {
        if let double = value["doubleValue"] as? Double { return String(format: "%.4g", double) }
        if let bool = value["boolValue"] as? Bool { return bool ? "true" : "false" }
        if let array = (value["arrayValue"] as? [String: Any])?["values"] as? [[String: Any]] {
            return array.map(text(of:)).joined(separator: ",")
        }
        return value.first.map { "\($0.value)" } ?? ""
    }

    /// The attributes most worth a glance come first: model calls' tokens, timing and cost, then errors and routes.
    static let highlighted = [
        "gen_ai.response.model", "gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens",
        "gen_ai.response.time_to_first_chunk", "instswift.gen_ai.time_per_output_chunk.mean", "instswift.gen_ai.cost.usd",
        "gen_ai.response.finish_reasons", "error.type", "exception.type", "exception.message", "http.route",
        "http.response.status_code",
    ]

    /// `attributes` with the highlighted ones first (in that order), the rest as recorded.
    static func ordered(_ attributes: [(String, String)]) -> [(String, String)] {
        let first = highlighted.compactMap { key in attributes.first { $0.0 == key } }
        return first + attributes.filter { !highlighted.contains($0.0) }
    }
}

/// Renders traces as indented trees with a bar per span on the trace's time axis.
enum Waterfall {
    static let barWidth = 24

    static func render(_ spans: [TraceSpan], lastTraces: Int?, color: Bool) -> String {
        var byTrace: [String: [TraceSpan]] = [:]
        for span in spans { byTrace[span.traceID, default: []].append(span) }
        var traces = byTrace.values.sorted { ($0.map(\.start).min() ?? 0) < ($1.map(\.start).min() ?? 0) }
        if let lastTraces { traces = Array(traces.suffix(lastTraces)) }
        var output = ""
        for trace in traces {
            let start = trace.map(\.start).min() ?? 0, end = trace.map(\.end).max() ?? start
            let total = max(end - start, 1)
            let ids = Set(trace.map(\.spanID))
            let children = Dictionary(grouping: trace.filter { $0.parentSpanID.map(ids.contains) == true }, by: { $0.parentSpanID! })
            let roots = trace.filter { $0.parentSpanID.map(ids.contains) != true }.sorted { $0.start < $1.start }
            let services = Set(trace.map(\.service)).sorted().joined(separator: ", ")
            output += bold("trace \(trace[0].traceID)", color) + "  \(trace.count) span(s), \(milliseconds(total)), \(services)\n"
            func walk(_ span: TraceSpan, prefix: String, isLast: Bool, depth: Int) {
                let branch = depth == 0 ? "" : (isLast ? "└─ " : "├─ ")
                let label = (prefix + branch + span.name).padding(toLength: 44, withPad: " ", startingAt: 0)
                let offset = Int(Double(span.start - start) / Double(total) * Double(barWidth))
                let width = max(1, Int(Double(span.end - span.start) / Double(total) * Double(barWidth)))
                let bar =
                    String(repeating: " ", count: min(offset, barWidth - 1)) + String(repeating: "█", count: min(width, barWidth - min(offset, barWidth - 1)))
                let shownBar = bar.padding(toLength: barWidth, withPad: " ", startingAt: 0)
                let attributes = TraceSpan.ordered(span.attributes).prefix(6).map { "\($0.0)=\($0.1.prefix(60))" }.joined(separator: " ")
                var line = "\(label) \(span.kindName.padding(toLength: 8, withPad: " ", startingAt: 0)) "
                line += milliseconds(span.end - span.start).padding(toLength: 10, withPad: " ", startingAt: 0)
                line += " " + (color ? (span.isError ? "\u{1B}[31m" : "\u{1B}[36m") + shownBar + "\u{1B}[0m" : shownBar)
                line += span.isError ? (color ? " \u{1B}[31mERROR\u{1B}[0m" : " ERROR") : ""
                output += line + (attributes.isEmpty ? "" : "  " + (color ? "\u{1B}[2m\(attributes)\u{1B}[0m" : attributes)) + "\n"
                let kids = (children[span.spanID] ?? []).sorted { $0.start < $1.start }
                for (index, child) in kids.enumerated() {
                    walk(child, prefix: depth == 0 ? "" : prefix + (isLast ? "   " : "│  "), isLast: index == kids.count - 1, depth: depth + 1)
                }
            }
            for root in roots { walk(root, prefix: "", isLast: true, depth: 0) }
            output += "\n"
        }
        return output
    }

    static func milliseconds(_ nanoseconds: UInt64) -> String {
        String(format: "%.2f ms", Double(nanoseconds) / 1_000_000)
    }

    static func bold(_ text: String, _ color: Bool) -> String { color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
}
