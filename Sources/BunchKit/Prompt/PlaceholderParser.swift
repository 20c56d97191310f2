import Foundation

/// Parses `{{name}}`, `{{ name.field }}` and the literal `{{ "{{" }}` in one line of text.
/// Nothing else is a template language: a `{{` that is none of these is an error, and so is
/// a `{{` never closed. A lone `}}` and `$19.99` are plain text.
public enum PlaceholderParser {
    /// Compiles a located string from a file, reporting malformed placeholders at their column.
    public static func compile(_ text: Located<String>, in file: SourceFile, diagnostics: inout [Diagnostic])
        -> CompiledText {
        let origin = TextOrigin(text: text, file: file)
        let scalars = Array(text.value.unicodeScalars)
        var segments: [CompiledText.Segment] = []
        var literal = String.UnicodeScalarView()
        var index = 0
        func flushLiteral() {
            if !literal.isEmpty {
                segments.append(.literal(String(literal)))
                literal = String.UnicodeScalarView()
            }
        }
        while index < scalars.count {
            guard scalars[index] == "{", index + 1 < scalars.count, scalars[index + 1] == "{" else {
                literal.append(scalars[index])
                index += 1
                continue
            }
            if let end = literalBracesEnd(in: scalars, from: index + 2) {
                literal.append(contentsOf: "{{".unicodeScalars)
                index = end
                continue
            }
            guard let close = closingBraces(in: scalars, from: index + 2) else {
                diagnostics.append(Diagnostic(
                    .error, code: "malformed-placeholder",
                    "'{{' is never closed with '}}'; write {{ \"{{\" }} for a literal '{{'",
                    at: origin.location(ofOffset: index)))
                literal.append(contentsOf: scalars[index...])
                break
            }
            let inner = String(String.UnicodeScalarView(scalars[(index + 2)..<close]))
                .trimmingCharacters(in: .whitespaces)
            if let (variable, field) = parseReference(inner) {
                flushLiteral()
                segments.append(.placeholder(Placeholder(variable: variable, field: field,
                                                         location: origin.location(ofOffset: index))))
            } else {
                diagnostics.append(Diagnostic(
                    .error, code: "malformed-placeholder",
                    "'{{\(inner)}}' is not a placeholder; write {{name}} or {{name.field}}, or {{ \"{{\" }} for a literal '{{'",
                    at: origin.location(ofOffset: index)))
                literal.append(contentsOf: scalars[index..<(close + 2)])
            }
            index = close + 2
        }
        flushLiteral()
        return CompiledText(segments: segments)
    }

    /// The index after `{{ "{{" }}` (or `{{ '{{' }}`) when one starts just before `start`.
    private static func literalBracesEnd(in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        func skipSpaces() { while index < scalars.count, scalars[index] == " " { index += 1 } }
        skipSpaces()
        guard index + 3 < scalars.count, scalars[index] == "\"" || scalars[index] == "'" else { return nil }
        let quote = scalars[index]
        guard scalars[index + 1] == "{", scalars[index + 2] == "{", scalars[index + 3] == quote else { return nil }
        index += 4
        skipSpaces()
        guard index + 1 < scalars.count, scalars[index] == "}", scalars[index + 1] == "}" else { return nil }
        return index + 2
    }

    private static func closingBraces(in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        while index + 1 < scalars.count {
            if scalars[index] == "}" && scalars[index + 1] == "}" { return index }
            if scalars[index] == "{" && scalars[index + 1] == "{" { return nil }
            index += 1
        }
        return nil
    }

    private static func parseReference(_ inner: String) -> (String, String?)? {
        let parts = inner.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(parts.count), parts.allSatisfy(isIdentifier) else { return nil }
        return (parts[0], parts.count == 2 ? parts[1] : nil)
    }

    private static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil
            || $0 == "_" || $0 == "-" }
    }
}

/// Maps an offset inside a scalar's text back to a file position. Exact for single-line plain
/// and quoted scalars (the common case); multi-line scalars point at their first line.
struct TextOrigin {
    let text: Located<String>
    let file: SourceFile

    func location(ofOffset offset: Int) -> SourceLocation {
        let start = text.position
        guard !text.value.contains("\n"), let line = file.line(start.line) else { return file.location(start) }
        let scalars = Array(line.unicodeScalars)
        let first = start.column - 1
        let quoteWidth = scalars.indices.contains(first) && (scalars[first] == "\"" || scalars[first] == "'") ? 1 : 0
        return file.location(SourcePosition(line: start.line, column: start.column + quoteWidth + offset))
    }
}
