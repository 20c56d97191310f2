import Foundation

/// Decodes templates, brand kits and campaigns by hand from the positioned YAML tree, so every
/// problem keeps its line and column. Collects every problem and still returns a best-effort spec.
public struct SpecDecoder {
    var sink: DiagnosticSink

    init(file: SourceFile) {
        sink = DiagnosticSink(file: file)
    }

    /// What kind of document a file holds.
    public enum DocumentKind: Sendable {
        case template
        case campaign
    }

    /// Guesses a document's kind from its top-level keys, for files outside the usual folders.
    public static func guessKind(of root: YAMLNode?) -> DocumentKind {
        let keys = Set(root?.pairs?.map(\.keyText) ?? [])
        return keys.contains("campaign") || keys.contains("matrix") || keys.contains("stages") ? .campaign : .template
    }

    /// The file's stem: `templates/studio-product.yaml` → `studio-product`.
    static func stem(of path: String) -> String {
        let last = path.split(separator: "/").last.map(String.init) ?? path
        for suffix in [".yaml", ".yml"] where last.hasSuffix(suffix) {
            return String(last.dropLast(suffix.count))
        }
        return last
    }

    /// Parses a file and reports an empty document.
    mutating func root(of parse: YAMLParseResult) -> YAMLNode? {
        for diagnostic in parse.diagnostics { sink.append(diagnostic) }
        guard let root = parse.root else {
            if parse.diagnostics.isEmpty {
                sink.error("wrong-type", "the file is empty; expected a mapping of keys", at: .start)
            }
            return nil
        }
        return root
    }

    // MARK: - Scalars

    mutating func string(_ node: YAMLNode, what: String) -> Located<String>? {
        guard let scalar = node.scalar else {
            sink.error("wrong-type", "\(what) must be a string, not \(node.shapeDescription)", at: node.position)
            return nil
        }
        if scalar.isNull {
            sink.error("wrong-type", "\(what) must not be empty", at: node.position)
            return nil
        }
        return Located(scalar.text, at: node.position)
    }

    mutating func integer(_ node: YAMLNode, what: String, range: ClosedRange<Int>) -> Located<Int>? {
        guard let scalar = node.scalar, !scalar.isQuoted,
              let value = Int(scalar.text.replacingOccurrences(of: "_", with: "")) else {
            sink.error("wrong-type", "\(what) must be a whole number, not \(describe(node))", at: node.position)
            return nil
        }
        guard range.contains(value) else {
            sink.error("wrong-type", "\(what) must be between \(range.lowerBound) and \(range.upperBound), not \(value)",
                       at: node.position)
            return nil
        }
        return Located(value, at: node.position)
    }

    mutating func number(_ node: YAMLNode, what: String) -> Located<Double>? {
        guard let scalar = node.scalar, !scalar.isQuoted, let value = Double(scalar.text), value.isFinite, value >= 0 else {
            sink.error("wrong-type", "\(what) must be a number of zero or more, not \(describe(node))", at: node.position)
            return nil
        }
        return Located(value, at: node.position)
    }

    mutating func boolean(_ node: YAMLNode, what: String) -> Bool? {
        switch node.scalar.map({ $0.isQuoted ? "" : $0.text }) {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default:
            sink.error("wrong-type", "\(what) must be true or false, not \(describe(node))", at: node.position)
            return nil
        }
    }

    /// A string or a list of strings, as sections, `avoid` and palettes are written.
    mutating func stringList(_ node: YAMLNode, what: String) -> (lines: [Located<String>], isList: Bool) {
        if let items = node.items {
            return (items.compactMap { string($0, what: "each item of \(what)") }, true)
        }
        if node.isNull { return ([], false) }
        return (string(node, what: what).map { [$0] } ?? [], false)
    }

    /// A variable value: a string, or a map of string fields.
    mutating func promptValue(_ node: YAMLNode, what: String) -> Located<PromptValue>? {
        switch node.kind {
        case .scalar(let scalar):
            if scalar.isNull {
                sink.error("wrong-type", "\(what) must not be empty", at: node.position)
                return nil
            }
            return Located(.scalar(scalar.text), at: node.position)
        case .mapping(let pairs):
            var fields: [PromptValue.Field] = []
            for pair in pairs {
                if pair.value.isNull {
                    sink.error("wrong-type", "field '\(pair.keyText)' of \(what) has no value; "
                        + "inside {…} a comma starts a new field, so quote values that contain commas",
                               at: pair.key.position)
                    continue
                }
                guard let field = string(pair.value, what: "field '\(pair.keyText)' of \(what)") else { continue }
                fields.append(PromptValue.Field(name: pair.keyText, value: field.value))
            }
            if fields.isEmpty, pairs.isEmpty {
                sink.error("wrong-type", "\(what) must not be an empty mapping", at: node.position)
                return nil
            }
            return Located(.map(fields), at: node.position)
        case .sequence:
            sink.error("wrong-type", "\(what) must be a string or a mapping of fields, not a list", at: node.position)
            return nil
        }
    }

    /// One value or a list of values ("any of").
    mutating func promptValues(_ node: YAMLNode, what: String) -> [Located<PromptValue>] {
        if let items = node.items {
            if items.isEmpty { sink.error("wrong-type", "\(what) must not be an empty list", at: node.position) }
            return items.compactMap { promptValue($0, what: "each value of \(what)") }
        }
        return promptValue(node, what: what).map { [$0] } ?? []
    }

    func describe(_ node: YAMLNode) -> String {
        if let scalar = node.scalar {
            return scalar.isNull ? "an empty value" : "'\(scalar.text)'"
        }
        return node.shapeDescription
    }

    /// Warns about user-chosen names (variables, axes, sections) that are not snake_case.
    mutating func checkSnakeCase(_ name: Located<String>, what: String) {
        let scalars = name.value.unicodeScalars
        let valid = !scalars.isEmpty && scalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
            && ("a"..."z").contains(scalars.first!)
        if !valid {
            sink.warning("key-style", "\(what) '\(name.value)' should be snake_case (lower-case letters, digits and _)",
                         at: name.position)
        }
    }
}
