@MainActor
final class ViewModel {
    var title = ""
}

@MainActor
func refresh(_ model: ViewModel) async {
    await Task.yield()
    model.title = "done"
}

@MainActor
func rename(_ model: ViewModel, to title: String) {
    model.title = title
}
