// Reduced from GRDB 7.10's ValueObservation.start(in:scheduling:onError:onChange:): the `@MainActor` overload hands its
// scheduler to the general one through an opaque local. Inside a span closure the compiler sees through the local's type
// and the call chose the same overload again (it recursed until the stack overflowed), so that function is left alone.
protocol Scheduler {}
protocol MainScheduler: Scheduler {}

struct Observation {
    // Instrumented.
    func start(scheduling scheduler: some Scheduler) -> String {
        "general"
    }

    // Left alone: its local `general` has an opaque type.
    @MainActor func start(scheduling scheduler: some MainScheduler) -> String {
        let general: some Scheduler = scheduler
        return start(scheduling: general)
    }

    // Instrumented: the opaque local is inside a closure of the body, which keeps the semantics it had.
    func deferred() -> () -> Int {
        let count = {
            let values: some Collection = [1, 2]
            return values.count
        }
        return count
    }

    // Instrumented: `some` only in a parameter and in a comment (some text).
    func describe(_ value: some CustomStringConvertible) -> String {
        let text: String = value.description
        return text
    }
}
