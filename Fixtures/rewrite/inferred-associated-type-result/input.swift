// Reduced from swift-configuration 1.4.0's AsyncCombineLatestManySequence: inside the iterator's bodies, `Element` is the
// iterator's own `Element` (inferred from `next()`: `[Element]`), not the sequence's generic parameter the signatures
// name, so the span closures do not restate these result types.
public struct CombineLatestMany<Element: Sendable, Failure: Error>: AsyncSequence {
    let bases: [Element]

    public func makeAsyncIterator() -> Iterator {
        Iterator(values: bases)
    }

    // Restated: no conforming type lies between the parameter's declaration and the method.
    func first() -> Element? {
        bases.first
    }

    public struct Iterator: AsyncIteratorProtocol {
        final class Storage {
            var values: [Element]?

            init(values: [Element]) {
                self.values = values
            }

            func next() async throws(Failure) -> [Element]? {
                guard let values else {
                    return nil
                }
                self.values = nil
                return values
            }
        }

        let storage: Storage

        init(values: [Element]) {
            self.storage = Storage(values: values)
        }

        public mutating func next() async throws(Failure) -> [Element]? {
            try await storage.next()
        }

        // Restated: names no generic parameter.
        func count() -> Int {
            storage.values?.count ?? 0
        }
    }
}
