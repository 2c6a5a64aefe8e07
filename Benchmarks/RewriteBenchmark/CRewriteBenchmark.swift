import Foundation
import InstSwiftC
import InstSwiftCore

/// About `target` lines of C: functions with several returns, loops, string and memory calls, system headers.
func generatedCSource(lines target: Int) -> String {
    var text = "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n\n"
    var index = 0
    while text.split(separator: "\n", omittingEmptySubsequences: false).count < target {
        text += """
            /* Parser number \(index). */
            static int parse_\(index)(const char *input, size_t length, int *out) {
                if (input == NULL || length == 0) {
                    return -1;
                }
                int total = 0;
                for (size_t i = 0; i < length; i++) {
                    if (input[i] == ';') break;
                    total = total * 31 + input[i];
                }
                *out = total;
                return 0;
            }

            int handle_\(index)(const char *name, int flags) {
                char buffer[64];
                int value = 0;
                snprintf(buffer, sizeof buffer, "%s-%d", name, flags);
                if (parse_\(index)(buffer, strlen(buffer), &value) != 0) {
                    goto failed;
                }
                return value;
            failed:
                fprintf(stderr, "handle_\(index): %s\\n", name);
                return -1;
            }


            """
        index += 1
    }
    return text
}

let everyCFunction = """
    rules:
      - id: every-c-function
        language: c
        where:
          function: {}
        advice:
          - span: {}

    """

/// The toolchain's clang, which compiles C targets in SwiftPM builds.
func toolchainClang() -> String {
    let candidates =
        [ProcessInfo.processInfo.environment["CLANG"]].compactMap { $0 }
        + (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { $0 + "/clang" }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? "clang"
}

/// Wall time of one `clang -fsyntax-only` run, in seconds.
func clangSyntaxOnly(_ path: String, arguments: [String]) -> Double {
    let clang = URL(fileURLWithPath: toolchainClang())
    return measure(5) {
        let process = Process()
        process.executableURL = clang
        process.arguments = ["-fsyntax-only", "-w"] + arguments + [path]
        process.standardError = FileHandle.nullDevice
        try? process.run()
        process.waitUntilExit()
    }
}

/// C: libclang parse + collect + match + rewrite of every function, per 1,000 lines, against `clang -fsyntax-only`
/// of the same file (target <= 1.5). `files` default to a generated ~10k-line file; `arguments` are compile flags.
func runCBenchmark(files given: [String], arguments: [String]) throws {
    var files = given
    if files.isEmpty {
        let generated = FileManager.default.temporaryDirectory.appendingPathComponent("instswift-bench-\(getpid()).c").path
        try generatedCSource(lines: 10_000).write(toFile: generated, atomically: true, encoding: .utf8)
        files = [generated]
    }
    let rules = try RuleFileLoader(validator: CFrontend().codeValidator).parse(everyCFunction, file: "bench.yml").rules
    var options = RewriteOptions()
    options.compilerArguments = arguments
    print("C rewrite (every function instrumented) vs \(toolchainClang()) -fsyntax-only, best of 5")
    print("  file                          lines  functions   rewrite ms  fsyntax ms  ms/1k lines  ratio")
    var totalLines = 0, totalRewrite = 0.0, totalClang = 0.0
    for path in files {
        let source = try String(contentsOfFile: path, encoding: .utf8)
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).count
        var functions = 0
        let rewrite = measure(5) {
            let result = CFrontend().rewrite(source, file: FileContext(path: path, module: "Bench"), rules: rules, options: options)
            functions = result.reports.count
        }
        let clang = clangSyntaxOnly(path, arguments: arguments)
        totalLines += lines; totalRewrite += rewrite; totalClang += clang
        let name = URL(fileURLWithPath: path).lastPathComponent.padding(toLength: 28, withPad: " ", startingAt: 0)
        print(
            name.withCString {
                String(
                    format: "  %s %6d %10d %12.1f %11.1f %12.2f %6.2f", $0,
                    lines, functions, rewrite * 1000, clang * 1000, rewrite * 1_000_000 / Double(lines), rewrite / clang)
            })
    }
    print(
        String(
            format: "  all: %d lines, rewrite %.2f ms per 1k lines, clang -fsyntax-only %.2f ms per 1k lines, ratio %.2f (target <= 1.5)",
            totalLines, totalRewrite * 1_000_000 / Double(totalLines), totalClang * 1_000_000 / Double(totalLines), totalRewrite / totalClang))
}
