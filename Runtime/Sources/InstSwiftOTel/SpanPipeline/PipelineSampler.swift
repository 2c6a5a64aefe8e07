import Foundation

/// The samplers of the OpenTelemetry SDK specification, named by `OTEL_TRACES_SAMPLER` / `OTEL_TRACES_SAMPLER_ARG`
/// (validated by ``EnvironmentCheck`` before they are read; the default is `parentbased_always_on`).
struct PipelineSampler: Sendable, Equatable {
    enum Root: Sendable, Equatable {
        case alwaysOn
        case alwaysOff
        /// Sampled when the trace id's low 63 bits fall under `bound` (ratio x 2^63), as the Go and Java SDKs decide.
        case ratio(bound: UInt64)
    }

    let root: Root
    /// Whether a child follows its parent's sampled flag (`parentbased_*`) instead of the root rule.
    let followsParent: Bool

    init(root: Root, followsParent: Bool) {
        self.root = root
        self.followsParent = followsParent
    }

    /// The sampler `OTEL_TRACES_SAMPLER` names, with `argument` as the ratio (default 1).
    init(name: String?, argument: String?) {
        let ratio = argument.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }.map { min(max($0, 0), 1) } ?? 1
        let bound = ratio >= 1 ? UInt64.max : UInt64(ratio * Double(UInt64(1) << 63))
        switch name ?? "parentbased_always_on" {
        case "always_on": self.init(root: .alwaysOn, followsParent: false)
        case "always_off": self.init(root: .alwaysOff, followsParent: false)
        case "traceidratio": self.init(root: .ratio(bound: bound), followsParent: false)
        case "parentbased_always_off": self.init(root: .alwaysOff, followsParent: true)
        case "parentbased_traceidratio": self.init(root: .ratio(bound: bound), followsParent: true)
        default: self.init(root: .alwaysOn, followsParent: true)
        }
    }

    /// Whether a span of trace `traceLow` under `parent` (nil: a root) is sampled.
    func samples(traceLow: UInt64, parent: SpanIdentity?) -> Bool {
        if followsParent, let parent { return parent.isSampled }
        switch root {
        case .alwaysOn: return true
        case .alwaysOff: return false
        case .ratio(let bound): return bound == .max || (traceLow & 0x7fff_ffff_ffff_ffff) < bound
        }
    }
}
