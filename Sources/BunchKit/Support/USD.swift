import Foundation

/// Formats US dollar amounts for people: `$0.0448`, `$2.15`, `$1,204.50`.
public enum USD {
    /// Two decimals from a dollar up, four below (image prices are fractions of a cent apart).
    public static func format(_ amount: Double) -> String {
        if amount == 0 { return "$0.00" }
        if amount < 1 { return String(format: "$%.4f", amount) }
        let cents = Int((amount * 100).rounded())
        var whole = String(cents / 100)
        var groups: [String] = []
        while whole.count > 3 {
            groups.insert(String(whole.suffix(3)), at: 0)
            whole.removeLast(3)
        }
        groups.insert(whole, at: 0)
        return "$" + groups.joined(separator: ",") + String(format: ".%02d", cents % 100)
    }
}
