import AxleApplication
import AxleDomain
import Foundation

/// The demo's only source of randomness: xoshiro256** seeded through SplitMix64.
///
/// The standard library's `random(in:using:)` and `shuffled(using:)` may change their
/// algorithms between Swift releases, so ranges and picks are computed here from raw
/// 64-bit draws: the same seed gives the same dataset on every toolchain and platform.
struct DemoRandom: RandomNumberGenerator {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// One independent stream per purpose (`"parts"`, `"vehicles"`), so that changing how
    /// one entity kind is generated leaves every other kind's data unchanged.
    init(seed: UInt64, stream: String) {
        var splitMix = seed ^ DemoRandom.fnv1a(stream)
        func nextSplitMix() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (nextSplitMix(), nextSplitMix(), nextSplitMix(), nextSplitMix())
    }

    mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, by: 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, by: 45)
        return result
    }

    /// A uniform integer in the range (the modulo bias over 2^64 is far below anything visible).
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % span)
    }

    mutating func int64(in range: ClosedRange<Int64>) -> Int64 {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int64(next() % span)
    }

    /// A uniform value in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// True with the given probability.
    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    mutating func pick<Element>(_ elements: [Element]) -> Element {
        precondition(!elements.isEmpty, "demo tables are never empty")
        return elements[int(in: 0...(elements.count - 1))]
    }

    private func rotateLeft(_ value: UInt64, by amount: UInt64) -> UInt64 {
        (value << amount) | (value >> (64 - amount))
    }

    /// FNV-1a over UTF-8: a stable hash, unlike `Hasher`, which is seeded per process.
    private static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}

/// Deterministic time-ordered identifiers: UUID version 7 whose timestamp advances one
/// millisecond per identifier from a fixed origin, so identifiers sort in creation order
/// and the same seed always gives the same identifiers.
struct DemoIdentifiers {
    /// 2026-01-01T00:00:00Z: a fixed origin, never the clock.
    private var milliseconds: UInt64 = 1_767_225_600_000
    private var random: DemoRandom

    init(seed: UInt64) {
        random = DemoRandom(seed: seed, stream: "identifiers")
    }

    mutating func next<Entity>() -> Identifier<Entity> {
        milliseconds += 1
        return Identifier(UUID.version7(milliseconds: milliseconds, using: &random))
    }
}

extension Weighted: Sendable where Element: Sendable {}

/// A table to draw from with given relative weights.
struct Weighted<Element> {
    private let elements: [Element]
    private let cumulative: [Int]

    init(_ pairs: [(Element, Int)]) {
        precondition(!pairs.isEmpty && pairs.allSatisfy { $0.1 > 0 }, "weights are positive")
        elements = pairs.map(\.0)
        var total = 0
        cumulative = pairs.map { pair in
            total += pair.1
            return total
        }
    }

    func draw(using random: inout DemoRandom) -> Element {
        let target = random.int(in: 0...(cumulative[cumulative.count - 1] - 1))
        // Tables are short (tens of rows): a linear scan is as fast as a binary search here.
        let index = cumulative.firstIndex { target < $0 } ?? (elements.count - 1)
        return elements[index]
    }
}
