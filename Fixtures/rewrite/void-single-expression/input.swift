func greet(_ name: String) { print("hi", name) }
