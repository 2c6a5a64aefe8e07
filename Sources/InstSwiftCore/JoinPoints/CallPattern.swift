/// Matches call expressions by callee name, argument labels and receiver.
public struct CallPattern: Sendable {
    public var callee: Glob
    /// Argument labels, `_` for none; nil matches any.
    public var labels: [String]?
    /// The receiver as written, or its type where the source states it.
    public var receiver: Glob?

    public init(callee: Glob) { self.callee = callee }

    /// The keys of `call:`.
    public static let keys = ["callee", "labels", "receiver"]

    func match(_ site: Site, in file: FileContext) -> MatchOutcome {
        guard case .call(let call) = site else { return .missed("not a call", progress: 0) }
        var check = CriteriaCheck()
        check.require(callee.matches(call.callee), "callee '\(call.callee)' does not match '\(callee.pattern)'")
        check.require(
            labels.map { $0 == call.labels } ?? true,
            "labels differ: (\(call.labels.map { $0 + ":" }.joined())) is not (\((labels ?? []).map { $0 + ":" }.joined()))"
        )
        if let receiver {
            let candidates = [call.receiver, call.receiverType].compactMap { $0 }
            check.require(
                candidates.contains { receiver.matches($0) },
                "receiver '\(call.receiverType ?? call.receiver ?? "<none>")' does not match '\(receiver.pattern)'"
            )
        }
        return check.outcome
    }
}
