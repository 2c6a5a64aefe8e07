struct Worker {
    func work() {/*<instswift>*/ print("entering work in Worker"); /*</instswift>*/
        print("working")
    }
}
