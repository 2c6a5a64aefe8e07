// A task that inherits the actor and captures `[self]`, inside a function with an `isolated` parameter: wrapped in a
// span closure that keeps the parameter, Swift 6.3's compiler crashes (swift-async-algorithms 1.1's AsyncShareSequence).
final class Iteration: Sendable {
    func loop() async {}

    func next(isolation actor: isolated (any Actor)?, id: Int) async -> Int? {
        let task = Task { [self] in
            await loop()
        }
        _ = task
        return id
    }

    // Other captures compile: these are wrapped.
    func weakly(isolation actor: isolated (any Actor)?) async {
        let task = Task { [weak self] in
            await self?.loop()
        }
        _ = task
    }

    func renamed(isolation actor: isolated (any Actor)?) async {
        let task = Task { [owner = self] in
            await owner.loop()
        }
        _ = task
    }

    // Without an isolated parameter nothing is captured: wrapped.
    func plain() async {
        let task = Task { [self] in
            await loop()
        }
        _ = task
    }
}
