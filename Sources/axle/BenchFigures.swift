import Foundation

/// Durations of many operations, and their percentiles.
struct Latencies: Sendable {
    private(set) var samples: [Duration] = []

    mutating func record(_ duration: Duration) {
        samples.append(duration)
    }

    mutating func merge(_ other: Latencies) {
        samples += other.samples
    }

    var count: Int { samples.count }

    /// The nearest-rank percentile, in milliseconds (0 when there are no samples).
    func percentile(_ percent: Double) -> Double {
        guard !samples.isEmpty else { return 0 }
        let sorted = samples.sorted()
        let rank = min(sorted.count, max(1, Int((percent / 100 * Double(sorted.count)).rounded(.up))))
        return sorted[rank - 1].milliseconds
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
    var milliseconds: Double { seconds * 1_000 }
}

/// Numbers as people read them: `2,345`, `0.92`.
enum Figure {
    static func count(_ value: Int) -> String {
        var digits = String(value.magnitude)
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(Substring(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(Substring(digits), at: 0)
        return (value < 0 ? "-" : "") + groups.joined(separator: ",")
    }

    static func rate(_ value: Double) -> String {
        count(Int(value.rounded()))
    }

    static func decimal(_ value: Double, _ digits: Int = 2) -> String {
        String(format: "%.\(digits)f", value)
    }
}
