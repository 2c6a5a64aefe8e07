import Foundation
import InstSwiftRuntime

import Logging
import OTel
import ServiceLifecycle
import Synchronization
import Tracing

/// Zero-code tracing setup for instrumented programs: the entry-point rule calls ``bootstrapIfNeeded()`` first thing.
///
/// - With `OTEL_EXPORTER_OTLP_ENDPOINT` (or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, or `OTEL_TRACES_EXPORTER`) set, spans
///   are exported over OTLP as the standard `OTEL_*` variables say: to a plain `http://` collector over http/protobuf
///   through instswift's own span pipeline (ADR 0022), otherwise through swift-otel's exporters.
/// - Otherwise spans are written as OTLP/JSON lines to `INSTSWIFT_TRACE_FILE` (default
///   `.build/instswift/traces.jsonl`) through the same pipeline; `instswift traces` prints the file as a tree.
/// - `OTEL_SDK_DISABLED=true` turns everything off; a program that bootstrapped tracing itself is left alone.
///
/// Spans still buffered are flushed when the process exits (normal return, `exit()`, SIGINT, SIGTERM), waiting at most
/// the exporter timeout, so short programs deliver every span and a missing collector never hangs the exit.
public enum InstSwiftOTel {
    private static let state = Mutex<Lifecycle?>(nil)

    /// Bootstraps tracing once; later calls, and calls after the app bootstrapped tracing itself, do nothing.
    public static func bootstrapIfNeeded() {
        let settings = Settings(environment: ProcessInfo.processInfo.environment)
        guard !settings.sdkDisabled else { return }
        // swift-otel stops the process (fatalError) when asked for a protocol whose trait is off: say so and trace nothing.
        if settings.wantsGRPC, settings.hasExporter, !grpcAvailable {
            FileHandle.standardError.write(
                Data(
                    """
                    instswift: tracing is off: OTEL_EXPORTER_OTLP_PROTOCOL=grpc needs the runtime's OTLPGRPC trait; \
                    depend on it with `traits: ["OTLPGRPC"]` (or build with `--traits OTLPGRPC`), or use http/protobuf

                    """.utf8))
            return
        }
        InstSwift.withoutTracing {
            state.withLock { current in
                guard current == nil else { return }
                guard InstrumentationSystem.tracer is NoOpTracer else { return }
                // Baggage is the runtime's: decided from the value as written, before swift-otel is handed trace context alone.
                InstSwift.propagateBaggage(asIn: ProcessInfo.processInfo.environment[EnvironmentCheck.propagators])
                EnvironmentCheck(environment: ProcessInfo.processInfo.environment).apply()
                do {
                    current = try Lifecycle.start(settings)
                } catch {
                    FileHandle.standardError.write(Data("instswift: tracing is off: \(error)\n".utf8))
                }
            }
        }
    }

    /// Whether this build can export over OTLP/gRPC (the package's `OTLPGRPC` trait).
    #if OTLPGRPC
    static let grpcAvailable = true
    #else
    static let grpcAvailable = false
    #endif

    /// Exports what is buffered and stops the exporter, waiting at most the export timeout. Called at exit.
    public static func shutdown() {
        let lifecycle = state.withLock { $0 }
        InstSwift.withoutTracing { lifecycle?.shutdown() }
    }
}

/// The running exporter and how to stop it.
final class Lifecycle: Sendable {
    private let group: ServiceGroup
    private let finished = DispatchSemaphore(value: 0)
    private let recorder: TraceFileRecorder?
    private let admission: SpanAdmission?
    private let endBatching: SpanEndBatching?
    private let pipeline: SpanExporter?
    private let timeout: Duration
    private let stopped = Mutex(false)

    private init(
        group: ServiceGroup, recorder: TraceFileRecorder?, admission: SpanAdmission?, endBatching: SpanEndBatching?,
        pipeline: SpanExporter?, timeout: Duration
    ) {
        self.group = group
        self.recorder = recorder
        self.admission = admission
        self.endBatching = endBatching
        self.pipeline = pipeline
        self.timeout = timeout
    }

    static func start(_ settings: Settings) throws -> Lifecycle {
        var configuration = OTel.Configuration.default
        configuration.logs.enabled = false
        configuration.metrics.enabled = false
        configuration.diagnosticLogLevel = .error
        // The specification's fallback is `unknown_service:<executable>`; swift-otel's is `unknown_service` alone, which
        // makes the spans of a client and a server started without OTEL_SERVICE_NAME indistinguishable.
        if !settings.namesService { configuration.serviceName = "unknown_service:" + ProcessInfo.processInfo.processName }
        // The SDK's own resource attributes (swift-otel sets none): `OTEL_RESOURCE_ATTRIBUTES` is merged over them.
        configuration.resourceAttributes = TelemetrySDK.resourceAttributes
        // swift-otel's batch processor exports one batch per tick (timer, or a full queue), so its throughput is about
        // batch size / delay: the OTel defaults (512 per 5 s) drop spans above ~10k/s. These keep up with what swift-otel
        // can produce here (scripts/bench-export.sh); OTEL_BSP_* variables still override them, except that the
        // schedule delay is the export interval of `SpanEndBatching` and swift-otel keeps its short tick.
        let cadence = ExportCadence(environment: ProcessInfo.processInfo.environment)
        configuration.traces.batchSpanProcessor.scheduleDelay = cadence.processorTick
        configuration.traces.batchSpanProcessor.maxExportBatchSize = InstSwiftOTelDefaults.maxExportBatchSize
        configuration.traces.batchSpanProcessor.maxQueueSize = InstSwiftOTelDefaults.maxQueueSize
        let environment = ProcessInfo.processInfo.environment
        if settings.hasExporter, let pipeline = SpanPipeline.make(environment: environment, settings: settings, cadence: cadence) {
            return startPipeline(pipeline, settings: settings, configuration: configuration)
        }
        if !settings.hasExporter, let pipeline = try SpanPipeline.makeTraceFile(environment: environment, settings: settings, cadence: cadence) {
            announceTraceFile(settings)
            return startPipeline(pipeline, settings: settings, configuration: configuration)
        }
        var recorder: TraceFileRecorder?
        var admission: SpanAdmission?
        var endBatching: SpanEndBatching?
        if !settings.hasExporter {
            configuration.traces.exporter = .none
            let file = try TraceFile(path: settings.traceFile, createFolder: settings.traceFileIsDefault)
            recorder = TraceFileRecorder(file: file, serviceName: settings.serviceName)
        }
        let backend = try cadence.whileSwiftOTelReadsTheEnvironment { try OTel.makeTracingBackend(configuration: configuration) }
        // Before the tracer exists: AsyncHTTPClient, which the OTLP exporters send with, traces every request of a
        // client configured after the bootstrap — the metrics exporter's own requests would become spans.
        let metrics = settings.exportsMetrics ? makeMetricsBackend(configuration) : nil
        // Read after EnvironmentCheck normalized it, as swift-otel reads it.
        let sampling = SamplingPolicy(sampler: getenv(EnvironmentCheck.sampler).map { String(cString: $0) })
        // swift-otel's pipeline runs under the trace file too (its exporter set to none): spans pass admission and their
        // ends reach it in batches either way, so its streams stay bounded and a span end wakes no thread.
        admission = SpanAdmission(environment: ProcessInfo.processInfo.environment, queueSize: configuration.traces.batchSpanProcessor.maxQueueSize)
        endBatching = cadence.batchesEnds ? SpanEndBatching(interval: cadence.exportInterval, batchSize: cadence.batchSize) : nil
        let tracer = AdmittingTracer(base: backend.factory, admission: admission!, endBatching: endBatching)
        if let recorder {
            InstrumentationSystem.bootstrap(SamplingFront(base: RecordingTracer(base: tracer, recorder: recorder), policy: sampling))
            announceTraceFile(settings)
        } else {
            InstrumentationSystem.bootstrap(SamplingFront(base: tracer, policy: sampling))
        }
        InstSwift.tracingDidChange()
        var services: [any Service] = [backend.service]
        if let metrics { services.append(metrics) }
        let group = serviceGroup(services)
        let lifecycle = Lifecycle(
            group: group, recorder: recorder, admission: admission, endBatching: endBatching, pipeline: nil,
            timeout: settings.exportTimeout
        )
        lifecycle.run()
        return lifecycle
    }

    /// Spans through instswift's own pipeline (ADR 0022); metrics, when exported, through swift-otel.
    private static func startPipeline(_ pipeline: SpanPipeline, settings: Settings, configuration: OTel.Configuration) -> Lifecycle {
        let metrics = settings.exportsMetrics ? makeMetricsBackend(configuration) : nil
        let sampling = SamplingPolicy(sampler: getenv(EnvironmentCheck.sampler).map { String(cString: $0) })
        pipeline.exporter.start()
        InstrumentationSystem.bootstrap(SamplingFront(base: pipeline.tracer, policy: sampling))
        InstSwift.tracingDidChange()
        let group = serviceGroup(metrics.map { [$0] } ?? [])
        let lifecycle = Lifecycle(
            group: group, recorder: nil, admission: nil, endBatching: nil, pipeline: pipeline.exporter, timeout: settings.exportTimeout
        )
        lifecycle.run()
        return lifecycle
    }

    /// Says where spans go when the default trace file takes them.
    private static func announceTraceFile(_ settings: Settings) {
        guard settings.traceFileIsDefault else { return }
        FileHandle.standardError.write(
            Data("instswift: no OTLP endpoint set; writing spans to \(settings.traceFile) (view: instswift traces \(settings.traceFile))\n".utf8))
    }

    /// The services that run until exit, their own logging silenced.
    private static func serviceGroup(_ services: [any Service]) -> ServiceGroup {
        ServiceGroup(configuration: .init(services: services, logger: Logger(label: "instswift", factory: { _ in SwiftLogNoOpLogHandler() })))
    }

    private func run() {
        let group = self.group
        Task.detached {
            try? await group.run()
            self.finished.signal()
        }
        ExitHooks.install()
    }

    /// The OTLP metrics exporter for the runtime's metrics (registered with `InstSwiftMetrics`, never bootstrapped as
    /// the process's swift-metrics backend), with the conventions' histogram buckets; nil, with a warning, when it
    /// cannot be made (tracing goes on).
    private static func makeMetricsBackend(_ tracing: OTel.Configuration) -> (any Service)? {
        var configuration = tracing
        configuration.metrics.enabled = true
        configuration.metrics.valueHistogramBuckets.merge(InstSwiftMetrics.histogramBuckets) { _, advised in advised }
        do {
            let backend = try OTel.makeMetricsBackend(configuration: configuration)
            InstSwiftMetrics.register(backend.factory)
            return backend.service
        } catch {
            FileHandle.standardError.write(Data("instswift: metrics are off: \(error)\n".utf8))
            return nil
        }
    }

    /// Every caller waits until the exporter has flushed (or the timeout passed): the signal handler and `atexit`
    /// may both call this, and the process must not end while the first call is still exporting.
    func shutdown() {
        let first = stopped.withLock { stopped in
            defer { stopped = true }
            return !stopped
        }
        if first {
            endBatching?.stop()
            let group = self.group
            Task.detached { await group.triggerGracefulShutdown() }
        }
        // The pipeline and swift-otel's metrics flush side by side, both within one export timeout.
        let deadline = ContinuousClock.now + timeout
        pipeline?.shutdown(deadline: deadline)
        let left = max(.zero, deadline - ContinuousClock.now)
        let seconds = Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18
        if finished.wait(timeout: .now() + seconds) == .success {
            finished.signal()  // pass the baton to the next waiter
        }
        recorder?.flush()
        if first {
            admission?.reportAtExit()
            recorder?.reportAtExit()
        }
    }
}

/// What the runtime's lazy bootstrap calls (`INSTSWIFT_AUTO_BOOTSTRAP=1`, set for `instswift swift test`).
@_cdecl("instswift_otel_bootstrap")
public func instswiftOTelBootstrap() {
    InstSwiftOTel.bootstrapIfNeeded()
}
