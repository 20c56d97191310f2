import BunchKit

/// Text with `↓` markers saying where diagnostics must point, as in SwiftLint's examples.
public struct MarkedText: Sendable {
    /// The text with every marker removed.
    public let text: String
    /// The position of the character after each marker, in Unicode-scalar columns.
    public let markers: [SourcePosition]

    /// The marker character.
    public static let marker: Unicode.Scalar = "↓"

    /// Parses a marked text.
    public init(_ marked: String) {
        var clean = String.UnicodeScalarView()
        var markers: [SourcePosition] = []
        var line = 1
        var column = 1
        for scalar in marked.unicodeScalars {
            if scalar == Self.marker {
                markers.append(SourcePosition(line: line, column: column))
                continue
            }
            clean.append(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        text = String(clean)
        self.markers = markers
    }

    /// The same text with a line of emoji before it, so byte-counting column bugs show; the
    /// markers move down one line.
    public func withEmojiLine() -> MarkedText {
        MarkedText(text: "# 🍌🧪👩‍👩‍👧 emoji line\n" + text,
                   markers: markers.map { SourcePosition(line: $0.line + 1, column: $0.column) })
    }

    private init(text: String, markers: [SourcePosition]) {
        self.text = text
        self.markers = markers
    }
}
