/// One dimension of a campaign's product: a matrix axis (one variable) or a linked group
/// (several variables advancing together).
public struct Dimension: Sendable {
    /// The variables this dimension sets, in declaration order.
    public var variables: [String]
    /// Rows of values, one value per variable. The first `productCount` rows take part in the
    /// cartesian product; later rows exist only for `include` entries that name new values.
    public var rows: [[PromptValue]]
    /// How many rows take part in the product.
    public var productCount: Int
    /// Where the axis or group is declared.
    public var location: SourceLocation

    /// Creates a dimension whose rows all take part in the product.
    public init(variables: [String], rows: [[PromptValue]], location: SourceLocation) {
        self.variables = variables
        self.rows = rows
        self.productCount = rows.count
        self.location = location
    }
}

/// A set of combinations shaped as a box: for each dimension, the rows it allows (nil = every
/// product row). `exclude` and `include` entries are boxes.
struct CombinationBox: Sendable, Hashable {
    var rows: [[Int]?]

    func contains(_ combination: [Int]) -> Bool {
        for (dimension, allowed) in rows.enumerated() {
            guard let allowed else { continue }
            if !allowed.contains(combination[dimension]) { return false }
        }
        return true
    }

    /// The intersection of two boxes, or nil when it is empty.
    func intersection(_ other: CombinationBox) -> CombinationBox? {
        var result: [[Int]?] = []
        result.reserveCapacity(rows.count)
        for (mine, theirs) in zip(rows, other.rows) {
            switch (mine, theirs) {
            case (nil, nil): result.append(nil)
            case (let set?, nil), (nil, let set?): result.append(set)
            case (let a?, let b?):
                let common = a.filter(b.contains)
                if common.isEmpty { return nil }
                result.append(common)
            }
        }
        return CombinationBox(rows: result)
    }

    /// The part of the box inside the product, or nil when none is.
    func restrictedToProduct(_ dimensions: [Dimension]) -> CombinationBox? {
        var result: [[Int]?] = []
        for (allowed, dimension) in zip(rows, dimensions) {
            guard let allowed else {
                result.append(nil)
                continue
            }
            let inside = allowed.filter { $0 < dimension.productCount }
            if inside.isEmpty { return nil }
            result.append(inside)
        }
        return CombinationBox(rows: result)
    }

    /// How many combinations the box holds, or nil on overflow.
    func size(_ dimensions: [Dimension]) -> Int? {
        var total = 1
        for (allowed, dimension) in zip(rows, dimensions) {
            let (product, overflow) = total.multipliedReportingOverflow(by: allowed?.count ?? dimension.productCount)
            if overflow { return nil }
            total = product
        }
        return total
    }
}
