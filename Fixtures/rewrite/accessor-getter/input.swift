struct Circle {
    var radius: Double

    var area: Double {
        Double.pi * radius * radius
    }

    var diameter: Double { radius * 2 }
}
