// A file without imports.

func one() -> Int { 1 }
