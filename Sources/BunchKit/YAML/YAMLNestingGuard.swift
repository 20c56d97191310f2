/// A quick scan that refuses absurdly deep nesting before Yams sees the text.
///
/// Yams builds its tree recursively, so a file of a million `[` would exhaust the stack and
/// crash the process. No template or campaign needs more than a few levels; this bound is far
/// above any real file and far below any stack limit.
struct YAMLNestingGuard {
    /// The deepest nesting accepted, counting flow brackets, block-sequence dashes on one line and
    /// indentation.
    static let maximumDepth = 128

    /// Returns the position where nesting first exceeds the bound, if it does.
    static func firstExcess(in text: String) -> SourcePosition? {
        var line = 1
        var column = 0
        var flowDepth = 0
        var quote: Unicode.Scalar?
        var inComment = false
        var atLineStart = true
        var indentation = 0
        var dashes = 0
        var previous: Unicode.Scalar = "\n"
        for scalar in text.unicodeScalars {
            column += 1
            if scalar == "\n" {
                line += 1
                column = 0
                inComment = false
                atLineStart = true
                indentation = 0
                dashes = 0
                previous = scalar
                continue
            }
            if atLineStart {
                if scalar == " " {
                    indentation += 1
                    if indentation > maximumDepth * 4 { return SourcePosition(line: line, column: column) }
                    previous = scalar
                    continue
                }
                if scalar == "-" {
                    dashes += 1
                    if dashes > maximumDepth { return SourcePosition(line: line, column: column) }
                    previous = scalar
                    continue
                }
                atLineStart = false
            }
            if inComment { continue }
            if let open = quote {
                if scalar == open { quote = nil }
                previous = scalar
                continue
            }
            switch scalar {
            case "#" where previous == " " || previous == "\n" || previous == "\t":
                inComment = true
            case "\"", "'":
                if " [{,:\n-".unicodeScalars.contains(previous) { quote = scalar }
            case "[", "{":
                flowDepth += 1
                if flowDepth > maximumDepth { return SourcePosition(line: line, column: column) }
            case "]", "}":
                flowDepth = max(0, flowDepth - 1)
            default:
                break
            }
            previous = scalar
        }
        return nil
    }
}
