import Foundation/*<instswift>*/; import InstSwiftOTel/*</instswift>*/

/*<instswift>*/ InstSwiftOTel.bootstrapIfNeeded(); /*</instswift>*/let started = Date()
print("ran in", Date().timeIntervalSince(started))
