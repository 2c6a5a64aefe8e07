public func api() -> Int { 1 }
package func shared() -> Int { 2 }
func internalHelper() -> Int { 3 }
private func secret() -> Int { 4 }
