import Foundation/*<instswift>*/; import Dispatch/*</instswift>*/

func stamp() -> Int {/*<instswift>*/ _ = DispatchTime.now(); /*</instswift>*/
    /*<instswift>*/return /*</instswift>*/42
}
