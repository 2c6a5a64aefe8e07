// Reduced from swift-configuration 1.4.0's AsyncCombineLatestManySequence: inside the iterator's bodies, `Element` is the
// iterator's own `Element` (inferred from `next()`: `[Element]`), not the sequence's generic parameter the signatures
// name, so the span closures do not restate these result types.
/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/public struct CombineLatestMany<Element: Sendable, Failure: Error>: AsyncSequence {
    let bases: [Element]

    public func makeAsyncIterator() -> Iterator {/*<instswift>*/ return InstSwift.syncSpan("CombineLatestMany.makeAsyncIterator") { (instswiftSpan) throws(Never) -> Iterator in /*</instswift>*/
        Iterator(values: bases)
    /*<instswift>*/}/*</instswift>*/}

    // Restated: no conforming type lies between the parameter's declaration and the method.
    func first() -> Element? {/*<instswift>*/ return InstSwift.syncSpan("CombineLatestMany.first") { (instswiftSpan) throws(Never) -> Element? in /*</instswift>*/
        bases.first
    /*<instswift>*/}/*</instswift>*/}

    public struct Iterator: AsyncIteratorProtocol {
        final class Storage {
            var values: [Element]?

            init(values: [Element]) {
                self.values = values
            }

            func next() async throws(Failure) -> [Element]? {/*<instswift>*/ return try await InstSwift.asyncSpan("Storage.next") { (instswiftSpan) async throws(Failure) in /*</instswift>*/
                guard let values else {
                    return nil
                }
                self.values = nil
                return values
            /*<instswift>*/}/*</instswift>*/}
        }

        let storage: Storage

        init(values: [Element]) {
            self.storage = Storage(values: values)
        }

        public mutating func next() async throws(Failure) -> [Element]? {/*<instswift>*/ return try await InstSwift.asyncSpan("Iterator.next") { (instswiftSpan) async throws(Failure) in /*</instswift>*/
            try await storage.next()
        /*<instswift>*/}/*</instswift>*/}

        // Restated: names no generic parameter.
        func count() -> Int {/*<instswift>*/ return InstSwift.syncSpan("Iterator.count") { (instswiftSpan) throws(Never) -> Int in /*</instswift>*/
            storage.values?.count ?? 0
        /*<instswift>*/}/*</instswift>*/}
    }
}
