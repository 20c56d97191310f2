/// Byte-level helpers for the request hot path: JSON escaping, hex and slugs without
/// intermediate Strings.
enum ByteText {
    /// Appends `text` JSON-escaped (without quotes).
    static func appendJSONEscaped(_ bytes: some Sequence<UInt8>, to out: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(byte)
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(byte)
            case UInt8(ascii: "\n"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            case UInt8(ascii: "\t"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            case 0..<0x20, 0x7F:
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
    }

    /// The JSON-escaped bytes of a string.
    static func jsonEscaped(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        appendJSONEscaped(text.utf8, to: &out)
        return out
    }

    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends lower-case hex of bytes.
    static func appendHex(_ bytes: some Sequence<UInt8>, to out: inout [UInt8]) {
        for byte in bytes {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0xF)])
        }
    }

    /// Appends a non-negative integer in decimal.
    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value < 10 {
            out.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        out.append(contentsOf: Array(String(value).utf8))
    }
}

/// Makes file-name stems from labels: ASCII letters and digits, `.`, `_` and `-` only (every
/// other run becomes one `-`), lower-case, no leading dot, at most `maximumLength` bytes. So no
/// `/`, `..` or control character can reach a path.
public enum SlugSanitizer {
    /// The longest slug.
    public static let maximumLength = 60

    /// The sanitized form of a text; "request" when nothing is left.
    public static func sanitize(_ text: String) -> String {
        var out: [UInt8] = []
        sanitize(Array(text.utf8), into: &out)
        return out.isEmpty ? "request" : String(decoding: out, as: UTF8.self)
    }

    /// Appends the sanitized form of bytes.
    static func sanitize(_ bytes: [UInt8], into out: inout [UInt8]) {
        let start = out.count
        var pendingDash = false
        for byte in bytes {
            let lower = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
            let keep = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lower)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(lower)
                || lower == UInt8(ascii: "_")
                || (lower == UInt8(ascii: ".") && out.count > start && out.last != UInt8(ascii: ".") && !pendingDash)
            if lower == UInt8(ascii: "."), !keep, !pendingDash { continue }
            if keep {
                if pendingDash && out.count > start { out.append(UInt8(ascii: "-")) }
                pendingDash = false
                if out.count - start < maximumLength { out.append(lower) }
            } else {
                pendingDash = true
            }
        }
        while out.count > start, out.last == UInt8(ascii: ".") || out.last == UInt8(ascii: "-") { out.removeLast() }
        if out.count - start > maximumLength { out.removeLast(out.count - start - maximumLength) }
    }
}
