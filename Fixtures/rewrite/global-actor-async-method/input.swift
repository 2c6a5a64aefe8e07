@MainActor
final class Screen {
    var lines: [String] = []

    func render() async -> Int {
        await Task.yield()
        lines.append("frame")
        return lines.count
    }
}
