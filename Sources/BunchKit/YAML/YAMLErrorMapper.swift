import Yams

/// Turns a Yams error into one positioned diagnostic, in Bunch's words.
struct YAMLErrorMapper {
    let file: SourceFile

    func diagnostic(for error: YamlError) -> Diagnostic {
        var sink = DiagnosticSink(file: file)
        switch error {
        case .scanner(let context, let problem, let mark, _):
            let at = Self.position(mark)
            if character(at: at) == "\t" || problem.contains("tab") {
                sink.error("yaml-syntax", "tab character where YAML expects indentation or a value; indent with spaces",
                           at: at)
            } else {
                sink.error("yaml-syntax", problem + contextSuffix(context), at: at, notes: contextNotes(context))
            }
        case .parser(let context, let problem, let mark, _):
            let at = Self.position(mark)
            let hint = character(at: at) == "\t" ? "; a tab cannot indent YAML, use spaces" : ""
            sink.error("yaml-syntax", problem + contextSuffix(context) + hint, at: at, notes: contextNotes(context))
        case .composer(let context, let problem, let mark, _):
            let at = Self.position(mark)
            if problem.contains("another document") {
                sink.error("multiple-documents", "the file holds more than one YAML document; Bunch reads exactly one",
                           at: at)
            } else if problem.contains("undefined alias") {
                sink.error("yaml-syntax", "alias refers to an anchor that is not defined before it", at: at)
            } else {
                sink.error("yaml-syntax", problem + contextSuffix(context), at: at, notes: contextNotes(context))
            }
        case .reader(let problem, let offset, _, _):
            let at = offset.map { file.position(ofUTF8Offset: $0) } ?? .start
            sink.error("yaml-syntax", problem, at: at)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? "?"
            let first = Self.position(context.mark)
            let repeated = repeatedKeyPosition(key, after: first) ?? first
            sink.error(
                "duplicate-key", "duplicate key '\(key)' in this mapping; the later value would silently win",
                at: repeated, notes: repeated == first ? [] : [sink.note("first defined here", at: first)])
        default:
            sink.error("yaml-syntax", "the YAML could not be read", at: .start)
        }
        return sink.diagnostics[0]
    }

    private static func position(_ mark: Mark) -> SourcePosition {
        SourcePosition(line: max(1, mark.line), column: max(1, mark.column))
    }

    private func contextSuffix(_ context: YamlError.Context?) -> String {
        guard let context, !context.text.isEmpty else { return "" }
        return " (\(context.text) at \(Self.position(context.mark)))"
    }

    private func contextNotes(_ context: YamlError.Context?) -> [Diagnostic.Note] {
        guard let context, !context.text.isEmpty else { return [] }
        return [Diagnostic.Note(context.text, at: file.location(Self.position(context.mark)))]
    }

    private func character(at position: SourcePosition) -> Unicode.Scalar? {
        guard let line = file.line(position.line) else { return nil }
        let scalars = Array(line.unicodeScalars)
        let index = position.column - 1
        return scalars.indices.contains(index) ? scalars[index] : nil
    }

    /// Finds where a key is written again after its first occurrence: Yams reports only the first.
    private func repeatedKeyPosition(_ key: String, after first: SourcePosition) -> SourcePosition? {
        let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
        let candidates = [key, "\"\(key)\"", "'\(key)'"]
        for lineIndex in (first.line - 1)..<lines.count {
            let scalars = Array(lines[lineIndex].unicodeScalars)
            var column = lineIndex == first.line - 1 ? first.column : 0
            while column < scalars.count {
                let boundaryBefore = column == 0 || " \t{,-?".unicodeScalars.contains(scalars[column - 1])
                if boundaryBefore {
                    for candidate in candidates {
                        let keyScalars = Array(candidate.unicodeScalars)
                        guard column + keyScalars.count <= scalars.count,
                              Array(scalars[column..<(column + keyScalars.count)]) == keyScalars else { continue }
                        var next = column + keyScalars.count
                        while next < scalars.count, scalars[next] == " " { next += 1 }
                        if next < scalars.count, scalars[next] == ":" {
                            return SourcePosition(line: lineIndex + 1, column: column + 1)
                        }
                    }
                }
                column += 1
            }
        }
        return nil
    }
}
