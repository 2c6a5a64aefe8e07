/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/@MainActor
final class ViewModel {
    var title = ""
}

@MainActor
func refresh(_ model: ViewModel) async {/*<instswift>*/ return await InstSwift.span("refresh") { (instswiftSpan) async -> Void in /*</instswift>*/
    await Task.yield()
    model.title = "done"
/*<instswift>*/}/*</instswift>*/}

@MainActor
func rename(_ model: ViewModel, to title: String) {/*<instswift>*/ return InstSwift.span("rename") { (instswiftSpan) -> Void in /*</instswift>*/
    model.title = title
/*<instswift>*/}/*</instswift>*/}
