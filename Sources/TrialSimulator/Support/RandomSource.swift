import Foundation

/// A seeded xoshiro256** generator: the simulator's only source of randomness.
///
/// Seeded through SplitMix64 so that any 64-bit seed gives a well-mixed state; the output is
/// the same on every platform and Swift version, unlike the standard library's `random(in:)`.
struct RandomSource {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    init(seed: UInt64) {
        var mixer = seed
        s0 = RandomSource.splitMix(&mixer)
        s1 = RandomSource.splitMix(&mixer)
        s2 = RandomSource.splitMix(&mixer)
        s3 = RandomSource.splitMix(&mixer)
    }

    /// An independent stream for one purpose (e.g. one subject), derived from a seed and a key.
    init(seed: UInt64, stream: UInt64) {
        var mixer = seed ^ (stream &* 0x9E37_79B9_7F4A_7C15)
        self.init(seed: RandomSource.splitMix(&mixer))
    }

    private static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// A uniform double in [0, 1).
    mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform double in `range`.
    mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + uniform() * (range.upperBound - range.lowerBound)
    }

    /// A uniform integer in `range` (modulo bias is negligible for the small ranges used here).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % width)
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        uniform() < p
    }

    /// A normal deviate (Box-Muller).
    mutating func normal(mean: Double, sd: Double) -> Double {
        let u1 = max(uniform(), 1e-12)
        let u2 = uniform()
        return mean + sd * (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// An exponential deviate with the given mean.
    mutating func exponential(mean: Double) -> Double {
        -mean * log(max(1 - uniform(), 1e-12))
    }

    /// An index drawn with probability proportional to `weights` (all zero: the first index).
    mutating func index(weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        guard total > 0 else { return 0 }
        var target = uniform() * total
        for (i, w) in weights.enumerated() {
            target -= w
            if target < 0 { return i }
        }
        return weights.count - 1
    }

    /// A random element of a non-empty array.
    mutating func pick<T>(_ values: [T]) -> T {
        values[int(0...(values.count - 1))]
    }
}
