/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/struct Temperature {
    var kelvin: Double

    var celsius: Double {
        get {/*<instswift>*/ return InstSwift.syncSpan("Temperature.celsius") { (instswiftSpan) throws(Never) -> Double in /*</instswift>*/ kelvin - 273.15 /*<instswift>*/}/*</instswift>*/}
        set {/*<instswift>*/ return InstSwift.syncSpan("Temperature.celsius") { (instswiftSpan) throws(Never) -> Void in /*</instswift>*/ kelvin = newValue + 273.15 /*<instswift>*/}/*</instswift>*/}
    }
}
