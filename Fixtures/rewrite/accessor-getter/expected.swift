/*<instswift>*/import InstSwiftRuntime; /*</instswift>*/struct Circle {
    var radius: Double

    var area: Double {/*<instswift>*/ return InstSwift.syncSpan("Circle.area") { (instswiftSpan) -> Double in /*</instswift>*/
        Double.pi * radius * radius
    /*<instswift>*/}/*</instswift>*/}

    var diameter: Double {/*<instswift>*/ return InstSwift.syncSpan("Circle.diameter") { (instswiftSpan) -> Double in /*</instswift>*/ radius * 2 /*<instswift>*/}/*</instswift>*/}
}
