import Foundation

struct Declined: Error {
    var code: Int
}

func charge(amount: Int) throws(Declined) -> Bool {
    guard amount < 100 else { throw Declined(code: 51) }
    return true
}
