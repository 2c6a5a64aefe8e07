func invoice() -> Int { 1 }
