func normalize(_ values: inout [Double]) {
    let total = values.reduce(0, +)
    guard total > 0 else { return }
    for index in values.indices { values[index] /= total }
}
