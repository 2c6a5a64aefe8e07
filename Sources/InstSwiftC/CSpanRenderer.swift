import InstSwiftCore

/// Renders the span advice of the rules that apply to one C function: on the line of the body's `{`, one declaration
/// per span whose cleanup attribute ends it on every return path, then one call per attribute. No line moves.
struct CSpanRenderer {
    let function: CFunction
    let rules: [Rule]
    let file: FileContext
    /// Numbers the spans of a file, so nested spans of one function get distinct variables.
    let sequence: Int

    struct Output {
        var edits: [TextEdit] = []
        var diagnostics = Diagnostics()
    }

    func render() -> Output {
        var output = Output()
        var text = ""
        var index = sequence
        for rule in rules {
            for case .span(let span) in rule.advice {
                let variable = "instswift_span_\(index)"
                index += 1
                let name = Placeholders.fill(
                    span.name ?? "{function}",
                    [
                        "function": function.site.name, "signature": function.site.name, "module": file.module ?? "",
                        "file": file.path.split(separator: "/").last.map(String.init) ?? file.path,
                        "line": String(function.site.location.line), "rule": rule.id, "type": "", "callee": "", "receiver": "",
                    ])
                text += " __attribute__((cleanup(instswift_span_end_at_scope_exit), unused)) instswift_span *\(variable) = "
                text += "instswift_span_begin(\(cString(name)), \(kindConstant(span.kind)), \(cString(function.site.name)), "
                text += "\(cString(file.path)), \(function.site.location.line));"
                for binding in span.attributes {
                    let parameter = binding.value.code
                    switch function.attributeKinds[parameter] {
                    case .integer?:
                        text += " instswift_span_set_int(\(variable), \(cString(binding.key)), (long long)(\(parameter)));"
                    case .string?:
                        text += " instswift_span_set_string(\(variable), \(cString(binding.key)), \(parameter));"
                    case nil:
                        let known = function.site.parameters.first { $0.name == parameter }
                        output.diagnostics.warning(
                            known.map {
                                "attribute '\(binding.key)': parameter '\(parameter)' of \(function.site.name) is a '\($0.type)', not an integer or a string; not recorded"
                            }
                                ?? "attribute '\(binding.key)': \(function.site.name) has no parameter '\(parameter)'; not recorded",
                            at: function.site.location, rule: rule.id)
                    }
                }
            }
        }
        if !text.isEmpty {
            output.edits.append(TextEdit(offset: function.afterOpenBrace, text: InjectedRegion.wrap(text + " ")))
        }
        return output
    }

    private func kindConstant(_ kind: SpanAdvice.Kind) -> String {
        "INSTSWIFT_SPAN_" + kind.rawValue.uppercased()
    }
}

/// A C string literal.
func cString(_ text: String) -> String {
    var escaped = "\""
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "\\"): escaped += "\\\\"
        case UInt8(ascii: "\""): escaped += "\\\""
        case 0x20..<0x7f: escaped.unicodeScalars.append(Unicode.Scalar(byte))
        default: escaped += "\\" + String(byte, radix: 8).leftPadded(to: 3)
        }
    }
    return escaped + "\""
}

extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
