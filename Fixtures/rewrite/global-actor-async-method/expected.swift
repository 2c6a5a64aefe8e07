/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/@MainActor
final class Screen {
    var lines: [String] = []

    func render() async -> Int {/*<instswift>*/ return await InstSwift.asyncSpan("Screen.render") { (instswiftSpan) async throws(Never) -> Int in /*</instswift>*/
        await Task.yield()
        lines.append("frame")
        return lines.count
    /*<instswift>*/}/*</instswift>*/}
}
