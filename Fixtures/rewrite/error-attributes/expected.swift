import Foundation/*<instswift>*/; import InstSwiftRuntime/*</instswift>*/

struct Declined: Error {
    var code: Int
}

func charge(amount: Int) throws(Declined) -> Bool {/*<instswift>*/ return try InstSwift.span("charge", onError: { instswiftSpan, instswiftError in InstSwift.record("error.message", instswiftError.localizedDescription, on: instswiftSpan); InstSwift.record("payment.declined", instswiftError.code, on: instswiftSpan) }) { (instswiftSpan) throws(Declined) -> Bool in /*</instswift>*/
    guard amount < 100 else { throw Declined(code: 51) }
    return true
/*<instswift>*/}/*</instswift>*/}
