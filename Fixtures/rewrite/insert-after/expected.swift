func work(items: Int) {/*<instswift>*/ defer { print("leaving work(items:)") }; /*</instswift>*/
    print(items)
}
