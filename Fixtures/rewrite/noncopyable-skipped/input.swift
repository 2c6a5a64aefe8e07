struct Token: ~Copyable {
    let id: Int

    consuming func redeem() -> Int {
        id
    }
}
