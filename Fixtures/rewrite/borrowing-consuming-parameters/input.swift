func measure(_ text: borrowing String) -> Int {
    text.count
}

func keep(_ text: consuming String) -> String {
    text + "!"
}
