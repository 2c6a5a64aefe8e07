import Foundation

/// Validates the `OTEL_*` values swift-otel would stop the process on (`fatalError`) or spin on, before swift-otel reads
/// them: telemetry configuration must never kill or stall the app. A value it cannot honour is replaced by the closest
/// supported one (or removed, so swift-otel's default applies) and reported once on standard error.
struct EnvironmentCheck: Equatable {
    /// Variables to set (a value) or remove (`nil`) before swift-otel reads the environment.
    var changes: [String: String?] = [:]
    /// One line per value that was not honoured as written.
    var warnings: [String] = []

    static let propagators = "OTEL_PROPAGATORS"
    static let sampler = "OTEL_TRACES_SAMPLER"
    static let samplerArgument = "OTEL_TRACES_SAMPLER_ARG"
    static let scheduleDelay = "OTEL_BSP_SCHEDULE_DELAY"
    static let exportTimeout = "OTEL_BSP_EXPORT_TIMEOUT"
    static let maxQueueSize = "OTEL_BSP_MAX_QUEUE_SIZE"
    static let maxExportBatchSize = "OTEL_BSP_MAX_EXPORT_BATCH_SIZE"
    static let spanPipeline = "INSTSWIFT_SPAN_PIPELINE"

    /// Samplers swift-otel implements (it stops the process on `jaeger_remote`, `parentbased_jaeger_remote`, `xray`).
    static let supportedSamplers: Set<String> = [
        "always_on", "always_off", "traceidratio", "parentbased_always_on", "parentbased_always_off",
        "parentbased_traceidratio",
    ]

    init(environment: [String: String]) {
        checkPropagators(environment[Self.propagators])
        checkSampler(environment[Self.sampler], argument: environment[Self.samplerArgument])
        checkBatchProcessor(environment)
        checkSpanPipeline(environment[Self.spanPipeline])
    }

    /// `instswift` (the default: instswift's own pipeline where it serves) or `swift-otel`; a misspelt value would
    /// otherwise be ignored without a word.
    private mutating func checkSpanPipeline(_ value: String?) {
        guard let value else { return }
        let name = value.trimmingCharacters(in: .whitespaces).lowercased()
        guard !["", "instswift", "swift-otel"].contains(name) else { return }
        remove(Self.spanPipeline, value, because: "it is 'instswift' (the default) or 'swift-otel'; using instswift")
    }

    /// W3C trace context is propagated by the tracer, W3C `baggage` by the runtime itself (inbound baggage is forwarded
    /// on the requests its rules instrument), so the OpenTelemetry default `tracecontext,baggage` is honoured as written
    /// and swift-otel is handed `tracecontext` alone. `b3`, `b3multi`, `jaeger`, `xray` and `ottrace` stopped swift-otel.
    private mutating func checkPropagators(_ value: String?) {
        guard let value else { return }
        let names = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        if names.contains("none") {
            if names != ["none"] { replace(Self.propagators, value, with: "none", because: "'none' turns every propagator off") }
            return
        }
        let unsupported = names.filter { $0 != "tracecontext" && $0 != "baggage" }
        if names.isEmpty || !unsupported.isEmpty {
            let list = unsupported.map(Self.quoted).joined(separator: ", ")
            let reason = names.isEmpty ? "no propagator is named" : "only W3C trace context and baggage are propagated, not \(list)"
            replace(Self.propagators, value, with: Self.honoured(names), because: reason)
        } else if !names.contains("tracecontext") {
            replace(Self.propagators, value, with: "tracecontext,baggage", because: "W3C trace context is always propagated with baggage")
        }
        // swift-otel is handed trace context alone (baggage is the runtime's; spaces, case and repeats are dropped).
        changes[Self.propagators] = value == "tracecontext" ? nil : "tracecontext"
    }

    /// What is propagated of `names` (as the warning says it): trace context, and baggage when it was asked for.
    private static func honoured(_ names: [String]) -> String {
        names.contains("baggage") ? "tracecontext,baggage" : "tracecontext"
    }

    private mutating func checkSampler(_ value: String?, argument: String?) {
        if let value {
            let name = value.trimmingCharacters(in: .whitespaces).lowercased()
            if !Self.supportedSamplers.contains(name) {
                remove(Self.sampler, value, because: "swift-otel does not implement it; using parentbased_always_on")
            } else if name != value {
                changes[Self.sampler] = name
            }
        }
        if let argument, !(Double(argument.trimmingCharacters(in: .whitespaces)).map { (0...1).contains($0) } ?? false) {
            remove(Self.samplerArgument, argument, because: "a sampling ratio is a number from 0 to 1; using 1")
        }
    }

    /// A batch size of 0 made swift-otel spin at 100% CPU and grow without bound at shutdown, exporting nothing.
    private mutating func checkBatchProcessor(_ environment: [String: String]) {
        func integer(_ key: String, minimum: Int) -> Int? {
            guard let value = environment[key] else { return nil }
            guard let number = Int(value.trimmingCharacters(in: .whitespaces)), number >= minimum else {
                remove(key, value, because: "it must be an integer of at least \(minimum); using the default")
                return nil
            }
            return number
        }
        _ = integer(Self.scheduleDelay, minimum: 1)
        _ = integer(Self.exportTimeout, minimum: 1)
        let queue = integer(Self.maxQueueSize, minimum: 1)
        let batch = integer(Self.maxExportBatchSize, minimum: 1)
        let effectiveQueue = queue ?? InstSwiftOTelDefaults.maxQueueSize
        if let batch, batch > effectiveQueue {
            replace(
                Self.maxExportBatchSize, String(batch), with: String(effectiveQueue),
                because: "a batch cannot exceed the queue (\(Self.maxQueueSize)=\(effectiveQueue))"
            )
        } else if batch == nil, InstSwiftOTelDefaults.maxExportBatchSize > effectiveQueue {
            // A small queue asked for by itself: instswift's default batch shrinks to it.
            changes[Self.maxExportBatchSize] = String(effectiveQueue)
        }
    }

    private mutating func replace(_ key: String, _ value: String, with replacement: String, because reason: String) {
        changes[key] = replacement
        warnings.append("\(key)=\(Self.quoted(value)) is not supported: \(reason); using \(replacement)")
    }

    private mutating func remove(_ key: String, _ value: String, because reason: String) {
        changes[key] = .some(nil)
        warnings.append("\(key)=\(Self.quoted(value)) is not supported: \(reason)")
    }

    /// A value as printed: control characters escaped, at most 80 characters.
    static func quoted(_ value: String) -> String {
        var text = ""
        for scalar in value.unicodeScalars.prefix(80) {
            text += scalar.properties.generalCategory == .control ? scalar.escaped(asASCII: true) : String(scalar)
        }
        return "'" + text + (value.unicodeScalars.count > 80 ? "...'" : "'")
    }

    /// Writes the changes into this process's environment, where swift-otel reads it.
    func apply() {
        for (key, value) in changes {
            if let value { setenv(key, value, 1) } else { unsetenv(key) }
        }
        for warning in warnings {
            FileHandle.standardError.write(Data("instswift: \(warning)\n".utf8))
        }
    }
}

/// The batch settings instswift starts from (see `Lifecycle.start`).
enum InstSwiftOTelDefaults {
    /// How often spans are exported when fewer than a batch end in between (`OTEL_BSP_SCHEDULE_DELAY` as seen from
    /// outside; ``SpanEndBatching``).
    static let exportInterval = Duration.milliseconds(1000)
    /// swift-otel's own batch delay: short, so that it keeps up with full batches (``SpanEndBatching``).
    static let scheduleDelay = Duration.milliseconds(50)
    static let maxExportBatchSize = 4096
    static let maxQueueSize = 16384
}
