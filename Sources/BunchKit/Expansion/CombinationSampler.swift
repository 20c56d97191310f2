/// Draws `sample.count` combinations deterministically from a space, keeping expansion order.
///
/// Small spaces are walked once with selection sampling (Knuth's algorithm S, exactly uniform).
/// Spaces too large to walk are sampled by drawing positions at random and rejecting the ones
/// `exclude` removes, so a 10^12 matrix samples in time proportional to the sample.
public enum CombinationSampler {
    /// Spaces up to this many product-plus-include positions are walked.
    static let walkLimit = 5_000_000

    /// The chosen combinations, in expansion order.
    public static func sample(_ space: CombinationSpace, count wanted: Int, seed: UInt64) throws(ExpansionError)
        -> [[Int]] {
        let total = try space.count()
        if wanted >= total { return Array(CombinationSequence(space: space)) }
        var random = SeededRandom(seed: seed)
        let positions = try positionCount(space)
        if positions <= walkLimit {
            var chosen: [[Int]] = []
            chosen.reserveCapacity(wanted)
            var remaining = UInt64(total)
            for combination in CombinationSequence(space: space) where chosen.count < wanted {
                if random.below(remaining) < UInt64(wanted - chosen.count) { chosen.append(combination) }
                remaining -= 1
            }
            return chosen
        }
        return try reject(space, wanted: wanted, positions: positions, random: &random)
    }

    private static func positionCount(_ space: CombinationSpace) throws(ExpansionError) -> Int {
        var total = try space.productCount()
        for box in space.includes {
            guard let size = box.size(space.dimensions) else { throw .tooLarge }
            let (sum, overflow) = total.addingReportingOverflow(size)
            if overflow { throw .tooLarge }
            total = sum
        }
        return total
    }

    private static func reject(_ space: CombinationSpace, wanted: Int, positions: Int,
                               random: inout SeededRandom) throws(ExpansionError) -> [[Int]] {
        struct Draw: Hashable {
            var part: Int
            var position: Int
            var combination: [Int]
        }
        let product = try space.productCount()
        let radices = space.dimensions.map(\.productCount)
        var chosen: Set<Draw> = []
        var attempts = 0
        while chosen.count < wanted {
            attempts += 1
            if attempts > 100 * wanted + 1_000_000 { throw .sampleExhausted(wanted: wanted) }
            var position = Int(random.below(UInt64(positions)))
            if position < product {
                let combination = Odometer.digits(of: position, radices: radices)
                if !space.isExcluded(combination) {
                    chosen.insert(Draw(part: -1, position: position, combination: combination))
                }
                continue
            }
            position -= product
            for (index, box) in space.includes.enumerated() {
                let choices = zip(box.rows, space.dimensions).map { $0 ?? Array(0..<$1.productCount) }
                let size = choices.reduce(1) { $0 * $1.count }
                if position >= size {
                    position -= size
                    continue
                }
                let digits = Odometer.digits(of: position, radices: choices.map(\.count))
                let combination = zip(digits, choices).map { $1[$0] }
                if space.includeEmits(combination, box: index) {
                    chosen.insert(Draw(part: index, position: position, combination: combination))
                }
                break
            }
        }
        return chosen.sorted { ($0.part, $0.position) < ($1.part, $1.position) }.map(\.combination)
    }
}
