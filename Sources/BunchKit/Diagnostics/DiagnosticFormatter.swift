import Foundation

/// Formats diagnostics for people and machines. Formatting only: deciding what is wrong is
/// the stages' work, printing is the CLI's.
public enum DiagnosticFormatter {
    /// The output formats of `bunch lint --format`.
    public enum Format: String, Sendable, CaseIterable {
        case text
        case json
        case github
    }

    /// Formats diagnostics. `source` gives a file's text by display path, for the quoted line
    /// and caret of the text format.
    public static func format(_ diagnostics: [Diagnostic], as format: Format, colour: Bool = false,
                              source: (String) -> SourceFile? = { _ in nil }) -> String {
        switch format {
        case .text: diagnostics.map { text($0, colour: colour, source: source) }.joined()
        case .json: json(diagnostics)
        case .github: diagnostics.map(github).joined()
        }
    }

    /// `path:line:col: error: message [code]`, the source line, a caret, then notes.
    static func text(_ diagnostic: Diagnostic, colour: Bool, source: (String) -> SourceFile?) -> String {
        let severity = diagnostic.severity.rawValue
        let painted = colour ? (diagnostic.severity == .error ? "\u{1B}[31;1m\(severity)\u{1B}[0m"
            : "\u{1B}[33;1m\(severity)\u{1B}[0m") : severity
        var out = "\(diagnostic.location): \(painted): \(diagnostic.message) [\(diagnostic.code)]\n"
        if let file = source(diagnostic.location.path), let line = file.line(diagnostic.location.position.line) {
            let shown = String(line.unicodeScalars.map { $0 == "\t" ? " " : Character($0) })
            out += "    \(shown)\n"
            let prefix = line.unicodeScalars.prefix(max(0, diagnostic.location.position.column - 1))
            let pad = String(repeating: " ", count: prefix.reduce(0) { $0 + DisplayWidth.of($1) })
            out += "    \(pad)^\n"
        }
        for note in diagnostic.notes {
            out += note.location.map { "\($0): note: \(note.message)\n" } ?? "    note: \(note.message)\n"
        }
        return out
    }

    /// A JSON array of objects with file, line, column, severity, code, message and notes.
    static func json(_ diagnostics: [Diagnostic]) -> String {
        struct Note: Encodable {
            var message: String
            var file: String?
            var line: Int?
            var column: Int?
        }
        struct Entry: Encodable {
            var file: String
            var line: Int
            var column: Int
            var severity: String
            var code: String
            var message: String
            var notes: [Note]
        }
        let entries = diagnostics.map { diagnostic in
            Entry(file: diagnostic.location.path, line: diagnostic.location.position.line,
                  column: diagnostic.location.position.column, severity: diagnostic.severity.rawValue,
                  code: diagnostic.code, message: diagnostic.message,
                  notes: diagnostic.notes.map {
                      Note(message: $0.message, file: $0.location?.path, line: $0.location?.position.line,
                           column: $0.location?.position.column)
                  })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(entries)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=code::message`.
    static func github(_ diagnostic: Diagnostic) -> String {
        func escapeProperty(_ text: String) -> String {
            escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
        }
        func escapeData(_ text: String) -> String {
            text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
                .replacingOccurrences(of: "\n", with: "%0A")
        }
        let location = diagnostic.location
        return "::\(diagnostic.severity.rawValue) file=\(escapeProperty(location.path)),line=\(location.position.line),"
            + "col=\(location.position.column),title=\(escapeProperty(diagnostic.code))::\(escapeData(diagnostic.message))\n"
    }
}
