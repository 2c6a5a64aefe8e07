import Foundation

// Rewrite speed benchmarks; run them with scripts/bench-rewrite.sh (release build). Prints ratios and peak memory.
//   instswift-benchmarks [swift] [PACKAGE_SOURCES]          Swift: parse+rewrite vs parse; files/s over a package
//   instswift-benchmarks c [FILE.c ...] [-- CLANG_FLAGS]     C: libclang rewrite vs clang -fsyntax-only per 1k lines
//   instswift-benchmarks large-file FOLDER                   writes the Swift benchmark's file and rules there
//   instswift-benchmarks swift-stages [RULES.yml]            the Swift large file's rewrite time by stage (collect,
//                                                            match, render, apply) against its parse
//   instswift-benchmarks swift-part parse|rewrite [ROUNDS]   one side of the Swift comparison only, for a profiler
var arguments = Array(CommandLine.arguments.dropFirst())
let mode = ["c", "swift", "large-file", "swift-part", "swift-stages"].contains(arguments.first) ? arguments.removeFirst() : "swift"
if mode == "large-file", let folder = arguments.first {
    try writeLargeFile(to: folder)
    exit(0)
} else if mode == "swift-stages" {
    try runSwiftStages(rulesFile: arguments.first)
} else if mode == "swift-part", let part = arguments.first {
    try runSwiftBenchmarkPart(part, rounds: arguments.dropFirst().first.flatMap { Int($0) } ?? 20)
} else if mode == "c" {
    let split = arguments.firstIndex(of: "--") ?? arguments.endIndex
    try runCBenchmark(files: Array(arguments[..<split]), arguments: Array(arguments[min(split + 1, arguments.endIndex)...]))
} else {
    try runSwiftBenchmark(packageRoot: arguments.first)
}
print(String(format: "peak memory %.0f MiB", peakMemoryMiB()))
