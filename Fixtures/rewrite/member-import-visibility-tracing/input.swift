// A module built with MemberImportVisibility (swift-openapi-generator 1.14.3): a span kind (`.client`) and a span's
// members are visible only where Tracing is imported, in the rewritten file and in the file that receives a rule's
// declarations (the URLSession pack's `kind: .client` stopped the build).
func fetch(_ url: String) -> Int {
    url.count
}

func serve(_ path: String) -> String {
    path.uppercased()
}
