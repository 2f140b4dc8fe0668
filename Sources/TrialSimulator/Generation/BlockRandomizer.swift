/// Allocates arms in permuted blocks: each block holds every arm `ratio` times, shuffled.
struct BlockRandomizer {
    private let template: [Int]
    private var block: [Int] = []
    private var rng: RandomSource

    /// `ratio` per arm (in arm order) and the block size (rounded down to a multiple of the ratio sum).
    init(ratio: [Int], blockSize: Int, rng: RandomSource) {
        let unit = ratio.enumerated().flatMap { Array(repeating: $0.offset, count: max($0.element, 0)) }
        let repeats = max(1, blockSize / max(unit.count, 1))
        template = Array(repeating: unit, count: repeats).flatMap { $0 }
        self.rng = rng
    }

    /// The arm index of the next randomized subject.
    mutating func next() -> Int {
        if block.isEmpty {
            block = template
            for i in stride(from: block.count - 1, to: 0, by: -1) {
                block.swapAt(i, rng.int(0...i))
            }
        }
        return block.removeLast()
    }
}
