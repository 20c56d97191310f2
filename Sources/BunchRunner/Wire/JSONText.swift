import Foundation

/// Writes JSON with a fixed key order, so request bodies are byte-for-byte reproducible and
/// golden-testable.
package enum JSONText {
    /// A JSON string literal.
    package static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// `{"a":…,"b":…}` from ordered pairs of already-encoded values.
    package static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    /// `[…]` from already-encoded values.
    package static func array(_ values: [String]) -> String {
        "[" + values.joined(separator: ",") + "]"
    }
}

/// Removes secrets from text that may have come from a server (an echoing proxy could repeat
/// a key), before it reaches a manifest, a journal, a log or a terminal.
public struct Redactor: Sendable {
    /// The values never to show.
    public let secrets: [String]

    /// Creates a redactor; empty secrets are ignored.
    public init(secrets: [String]) {
        self.secrets = secrets.filter { $0.count >= 4 }
    }

    /// The text with every secret replaced by `[redacted]`.
    public func scrub(_ text: String) -> String {
        secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "[redacted]") }
    }
}
