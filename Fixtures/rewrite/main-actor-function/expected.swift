/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/@MainActor
final class ViewModel {
    var title = ""
}

@MainActor
func refresh(_ model: ViewModel) async {/*<instswift>*/ return await InstSwift.asyncSpan("refresh") { (instswiftSpan) async throws(Never) -> Void in /*</instswift>*/
    await Task.yield()
    model.title = "done"
/*<instswift>*/}/*</instswift>*/}

@MainActor
func rename(_ model: ViewModel, to title: String) {/*<instswift>*/ return InstSwift.syncSpan("rename") { (instswiftSpan) throws(Never) -> Void in /*</instswift>*/
    model.title = title
/*<instswift>*/}/*</instswift>*/}
