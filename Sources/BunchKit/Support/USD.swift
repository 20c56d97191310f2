import Foundation

/// Formats US dollar amounts for people: `$0.0448`, `$2.15`, `$1,204.50`.
public enum USD {
    /// Two decimals from a dollar up, four below (image prices are fractions of a cent apart).
    public static func format(_ amount: Double) -> String {
        if amount == 0 { return "$0.00" }
        if amount < 1 { return String(format: "$%.4f", amount) }
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.minimumFractionDigits = 2
        formatter.maximumFractionDigits = 2
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.usesGroupingSeparator = true
        formatter.groupingSeparator = ","
        formatter.groupingSize = 3
        return "$" + (formatter.string(from: NSNumber(value: amount)) ?? String(format: "%.2f", amount))
    }
}
