/// Why a campaign's combinations cannot be counted or drawn.
public enum ExpansionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The product does not fit in a 64-bit count.
    case tooLarge
    /// So many overlapping `exclude`/`include` entries that counting them exactly is too much work.
    case tooManyOverlaps(entries: Int)
    /// `sample` could not find enough combinations that survive `exclude`.
    case sampleExhausted(wanted: Int)

    public var description: String {
        switch self {
        case .tooLarge:
            "the matrix has more than 9.2 × 10^18 combinations"
        case .tooManyOverlaps(let entries):
            "\(entries) overlapping exclude/include entries are too many to count exactly; merge some of them"
        case .sampleExhausted(let wanted):
            "sample could not draw \(wanted) combinations that survive exclude"
        }
    }
}
