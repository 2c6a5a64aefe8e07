/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/struct Circle {
    var radius: Double

    var area: Double {/*<instswift>*/ return InstSwift.syncSpan("Circle.area") { (instswiftSpan) throws(Never) -> Double in /*</instswift>*/
        Double.pi * radius * radius
    /*<instswift>*/}/*</instswift>*/}

    var diameter: Double {/*<instswift>*/ return InstSwift.syncSpan("Circle.diameter") { (instswiftSpan) throws(Never) -> Double in /*</instswift>*/ radius * 2 /*<instswift>*/}/*</instswift>*/}
}
