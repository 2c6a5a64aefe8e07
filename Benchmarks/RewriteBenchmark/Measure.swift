import Foundation

/// Peak resident memory of this process.
func peakMemoryMiB() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// The best wall time of `repetitions` runs, in seconds.
func measure(_ repetitions: Int, _ body: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<repetitions {
        let start = ContinuousClock.now
        body()
        let elapsed = ContinuousClock.now - start
        best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    return best
}

/// Wall times of `baseline` and `candidate` run alternately `rounds` times (so drift on a shared machine hits both),
/// as the median of each and the median, lowest and highest of the per-round ratios.
func compare(rounds: Int, baseline: () -> Void, candidate: () -> Void) -> Comparison {
    var baselines: [Double] = [], candidates: [Double] = [], ratios: [Double] = []
    for _ in 0..<rounds {
        let base = measure(1, baseline), next = measure(1, candidate)
        baselines.append(base)
        candidates.append(next)
        ratios.append(next / base)
    }
    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    return Comparison(
        baseline: median(baselines), candidate: median(candidates), ratio: median(ratios), lowest: ratios.min() ?? 0,
        highest: ratios.max() ?? 0)
}

/// Two alternating timings: the median wall seconds of each and the median, lowest and highest per-round ratio.
struct Comparison {
    var baseline, candidate, ratio, lowest, highest: Double
}
