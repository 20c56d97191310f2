/// A campaign's combinations, never materialised: the cartesian product of its dimensions in
/// declaration order (last dimension fastest), minus `exclude`, plus `include`. Counting is
/// arithmetic over boxes (inclusion–exclusion), so 10^12 combinations are counted at once.
public struct CombinationSpace: Sendable {
    /// The dimensions: matrix axes, then linked groups.
    public let dimensions: [Dimension]
    let excludes: [CombinationBox]
    let includes: [CombinationBox]

    init(dimensions: [Dimension], excludes: [CombinationBox], includes: [CombinationBox]) {
        self.dimensions = dimensions
        self.excludes = excludes.compactMap { $0.restrictedToProduct(dimensions) }
        self.includes = includes
    }

    /// The raw cartesian product size, before exclude and include.
    public func productCount() throws(ExpansionError) -> Int {
        guard let size = CombinationBox(rows: dimensions.map { _ in nil }).size(dimensions) else { throw .tooLarge }
        return size
    }

    /// How many combinations the product keeps after `exclude`.
    public func keptProductCount() throws(ExpansionError) -> Int {
        try productCount() - unionSize(excludes)
    }

    /// How many combinations `include` adds that the kept product does not already hold.
    public func addedByIncludeCount() throws(ExpansionError) -> Int {
        let all = try unionSize(includes)
        let insideProduct = includes.compactMap { $0.restrictedToProduct(dimensions) }
        let insideAndExcluded = insideProduct.flatMap { box in excludes.compactMap { box.intersection($0) } }
        return all - (try unionSize(insideProduct)) + (try unionSize(insideAndExcluded))
    }

    /// The number of combinations, exactly, without visiting them.
    public func count() throws(ExpansionError) -> Int {
        let (sum, overflow) = try keptProductCount().addingReportingOverflow(try addedByIncludeCount())
        if overflow { throw .tooLarge }
        return sum
    }

    /// Whether a product combination is removed by `exclude`.
    func isExcluded(_ combination: [Int]) -> Bool {
        excludes.contains { $0.contains(combination) }
    }

    /// Whether a combination lies in the product (every row is a product row).
    func isInProduct(_ combination: [Int]) -> Bool {
        for (row, dimension) in zip(combination, dimensions) where row >= dimension.productCount { return false }
        return true
    }

    /// Whether the include box at `index` yields this combination (rather than the product or an
    /// earlier include box).
    func includeEmits(_ combination: [Int], box index: Int) -> Bool {
        if isInProduct(combination) && !isExcluded(combination) { return false }
        return !includes[..<index].contains { $0.contains(combination) }
    }

    /// The size of a union of boxes by inclusion–exclusion, pruning empty intersections.
    func unionSize(_ boxes: [CombinationBox]) throws(ExpansionError) -> Int {
        var total = 0
        var work = 0
        let dimensions = self.dimensions
        func visit(from start: Int, current: CombinationBox?, sign: Int) throws(ExpansionError) {
            for index in start..<boxes.count {
                work += 1
                if work > 2_000_000 { throw .tooManyOverlaps(entries: boxes.count) }
                guard let next = current.map({ $0.intersection(boxes[index]) }) ?? boxes[index] else { continue }
                guard let size = next.size(dimensions) else { throw .tooLarge }
                total += sign * size
                try visit(from: index + 1, current: next, sign: -sign)
            }
        }
        try visit(from: 0, current: nil, sign: 1)
        return total
    }
}
