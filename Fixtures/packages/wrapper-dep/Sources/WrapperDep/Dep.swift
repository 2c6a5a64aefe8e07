/// Arithmetic from a dependency package.
public enum Dep {
    public static func triple(_ value: Int) -> Int {
        value * 3
    }
}
