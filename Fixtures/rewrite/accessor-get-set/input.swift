struct Temperature {
    var kelvin: Double

    var celsius: Double {
        get { kelvin - 273.15 }
        set { kelvin = newValue + 273.15 }
    }
}
