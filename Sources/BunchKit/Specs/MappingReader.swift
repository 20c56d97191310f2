/// Walks the keys of one YAML mapping, remembering which were read so the rest can be reported
/// as unknown with a suggestion.
struct MappingReader {
    let node: YAMLNode
    let pairs: [YAMLPair]
    private var taken: Set<String> = []

    /// Reads a mapping node; reports `wrong-type` and returns nil for anything else.
    init?(_ node: YAMLNode, what: String, sink: inout DiagnosticSink) {
        guard let pairs = node.pairs else {
            if !node.isNull {
                sink.error("wrong-type", "\(what) must be a mapping of keys, not \(node.shapeDescription)", at: node.position)
            }
            return nil
        }
        self.node = node
        self.pairs = pairs
    }

    /// The pair for a key, marking it read.
    mutating func take(_ key: String) -> YAMLPair? {
        taken.insert(key)
        return pairs.first { $0.keyText == key }
    }

    /// Reports every key that was not read as `unknown-key`, suggesting the closest known one.
    func reportUnknown(known: [String], in context: String, sink: inout DiagnosticSink) {
        for pair in pairs where !taken.contains(pair.keyText) {
            let key = pair.keyText
            var message = "unknown key '\(key)' in \(context)"
            if let suggestion = KeySuggester.suggestion(for: key, among: known) {
                message += "; did you mean '\(suggestion)'?"
            } else {
                message += " (expected one of: \(known.joined(separator: ", ")))"
            }
            sink.error("unknown-key", message, at: pair.key.position)
        }
    }
}
