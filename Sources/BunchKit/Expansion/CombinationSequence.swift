/// The combinations of a space in order: the kept product (last dimension fastest), then each
/// include box's new combinations. Each combination is a row index per dimension.
public struct CombinationSequence: Sequence, Sendable {
    let space: CombinationSpace

    /// Creates the sequence over a space.
    public init(space: CombinationSpace) {
        self.space = space
    }

    public func makeIterator() -> Iterator {
        Iterator(space: space)
    }

    /// Walks the product with an odometer, then the include boxes, in constant memory.
    public struct Iterator: IteratorProtocol {
        let space: CombinationSpace
        /// -1 while in the product, else the include box being walked.
        var part = -1
        var odometer: Odometer?

        init(space: CombinationSpace) {
            self.space = space
            odometer = Odometer(space.dimensions.map { Array(0..<$0.productCount) })
        }

        public mutating func next() -> [Int]? {
            while true {
                if let combination = odometer?.next() {
                    if part < 0 {
                        if !space.isExcluded(combination) { return combination }
                    } else if space.includeEmits(combination, box: part) {
                        return combination
                    }
                    continue
                }
                part += 1
                guard part < space.includes.count else { return nil }
                let box = space.includes[part]
                odometer = Odometer(zip(box.rows, space.dimensions).map { $0 ?? Array(0..<$1.productCount) })
            }
        }
    }
}

/// Counts through every choice of one item per list, last list fastest.
struct Odometer: Sendable {
    let choices: [[Int]]
    var digits: [Int]
    var started = false
    var finished: Bool

    init(_ choices: [[Int]]) {
        self.choices = choices
        digits = Array(repeating: 0, count: choices.count)
        finished = choices.contains { $0.isEmpty }
    }

    /// The choices at a linear position (mixed radix, last list fastest).
    static func digits(of position: Int, radices: [Int]) -> [Int] {
        var remainder = position
        var result = Array(repeating: 0, count: radices.count)
        for index in radices.indices.reversed() {
            result[index] = remainder % radices[index]
            remainder /= radices[index]
        }
        return result
    }

    mutating func next() -> [Int]? {
        if finished { return nil }
        if started {
            var index = digits.count - 1
            while index >= 0 {
                digits[index] += 1
                if digits[index] < choices[index].count { break }
                digits[index] = 0
                index -= 1
            }
            if index < 0 {
                finished = true
                return nil
            }
        }
        started = true
        var combination = digits
        for index in combination.indices { combination[index] = choices[index][digits[index]] }
        return combination
    }
}
