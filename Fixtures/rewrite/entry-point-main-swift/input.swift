import Foundation

let started = Date()
print("ran in", Date().timeIntervalSince(started))
