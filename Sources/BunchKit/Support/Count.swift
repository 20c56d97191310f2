/// Formats counts for people: `1,000,000,000,000`, and "1 variant" against "2 variants".
public enum Count {
    /// Digits grouped by thousands.
    public static func format(_ value: Int) -> String {
        var digits = String(value.magnitude)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        return (value < 0 ? "-" : "") + groups.joined(separator: ",")
    }

    /// `1 variant`, `2 variants`, with the count grouped.
    public static func format(_ value: Int, _ noun: String) -> String {
        "\(format(value)) \(noun)\(value == 1 ? "" : "s")"
    }
}
