// A task that inherits the actor and captures `[self]`, inside a function with an `isolated` parameter: wrapped in a
// span closure that keeps the parameter, Swift 6.3's compiler crashes (swift-async-algorithms 1.1's AsyncShareSequence).
/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/final class Iteration: Sendable {
    func loop() async {/*<instswift>*/ return await InstSwift.asyncSpan("Iteration.loop") { (instswiftSpan) async throws(Never) -> Void in /*</instswift>*//*<instswift>*/}/*</instswift>*/}

    func next(isolation actor: isolated (any Actor)?, id: Int) async -> Int? {
        let task = Task { [self] in
            await loop()
        }
        _ = task
        return id
    }

    // Other captures compile: these are wrapped.
    func weakly(isolation actor: isolated (any Actor)?) async {/*<instswift>*/ return await InstSwift.asyncSpan("Iteration.weakly") { (instswiftSpan) async throws(Never) -> Void in _ = actor; /*</instswift>*/
        let task = Task { [weak self] in
            await self?.loop()
        }
        _ = task
    /*<instswift>*/}/*</instswift>*/}

    func renamed(isolation actor: isolated (any Actor)?) async {/*<instswift>*/ return await InstSwift.asyncSpan("Iteration.renamed") { (instswiftSpan) async throws(Never) -> Void in _ = actor; /*</instswift>*/
        let task = Task { [owner = self] in
            await owner.loop()
        }
        _ = task
    /*<instswift>*/}/*</instswift>*/}

    // Without an isolated parameter nothing is captured: wrapped.
    func plain() async {/*<instswift>*/ return await InstSwift.asyncSpan("Iteration.plain") { (instswiftSpan) async throws(Never) -> Void in /*</instswift>*/
        let task = Task { [self] in
            await loop()
        }
        _ = task
    /*<instswift>*/}/*</instswift>*/}
}
