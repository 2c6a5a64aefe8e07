func visible() -> Int { 1 }
func _helper() -> Int { 2 }
