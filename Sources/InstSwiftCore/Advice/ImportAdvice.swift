/// Add `import Module` to the file unless it already imports it.
public struct ImportAdvice: Sendable {
    public var module: String

    public init(module: String) { self.module = module }
}
