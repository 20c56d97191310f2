import Yams

/// What parsing one file produced: a tree (when the text is well-formed) and the problems found.
public struct YAMLParseResult: Sendable {
    /// The document's root, or nil when the file is empty or could not be parsed.
    public var root: YAMLNode?
    /// Syntax and structure problems, positioned.
    public var diagnostics: [Diagnostic]
}

/// The bounds the parser enforces on hostile input.
public enum YAMLLimits {
    /// The most nodes a document may hold once aliases are expanded. A "billion laughs" file
    /// stops here, in time and memory proportional to its text, not to its expansion.
    public static let maximumExpandedNodes = 200_000
}

/// Parses a file into Bunch's positioned YAML tree, mapping every Yams error to a positioned
/// diagnostic. Never throws and never prints Yams' own error text (which embeds the file).
public func parseYAML(_ file: SourceFile) -> YAMLParseResult {
    var sink = DiagnosticSink(file: file)
    if let position = YAMLNestingGuard.firstExcess(in: file.text) {
        sink.error("yaml-syntax", "nesting is deeper than \(YAMLNestingGuard.maximumDepth) levels", at: position)
        return YAMLParseResult(root: nil, diagnostics: sink.diagnostics)
    }
    let node: Node?
    do {
        let parser = try Parser(yaml: file.text)
        node = try parser.singleRoot()
    } catch let error as YamlError {
        sink.append(YAMLErrorMapper(file: file).diagnostic(for: error))
        return YAMLParseResult(root: nil, diagnostics: sink.diagnostics)
    } catch {
        sink.error("yaml-syntax", "the YAML parser failed", at: .start)
        return YAMLParseResult(root: nil, diagnostics: sink.diagnostics)
    }
    guard let node else {
        return YAMLParseResult(root: nil, diagnostics: [])
    }
    var sizer = ExpandedSizeCounter(bound: YAMLLimits.maximumExpandedNodes)
    if sizer.size(of: node) > YAMLLimits.maximumExpandedNodes {
        let position = sizer.lowestExcess(in: node)
        sink.error(
            "alias-limit",
            "aliases expand this value beyond \(YAMLLimits.maximumExpandedNodes) nodes; refusing to expand it",
            at: position)
        return YAMLParseResult(root: nil, diagnostics: sink.diagnostics)
    }
    let root = convert(node, sink: &sink)
    return YAMLParseResult(root: root, diagnostics: sink.diagnostics)
}

private func position(of mark: Mark?) -> SourcePosition {
    guard let mark else { return .start }
    return SourcePosition(line: max(1, mark.line), column: max(1, mark.column))
}

private func convert(_ node: Node, sink: inout DiagnosticSink) -> YAMLNode {
    let at = position(of: node.mark)
    switch node {
    case .scalar(let scalar):
        return YAMLNode(.scalar(YAMLScalar(text: scalar.string, isQuoted: scalar.style != .plain)), at: at)
    case .sequence(let sequence):
        return YAMLNode(.sequence(sequence.map { convert($0, sink: &sink) }), at: at)
    case .mapping(let mapping):
        var pairs: [YAMLPair] = []
        pairs.reserveCapacity(mapping.count)
        for (key, value) in mapping {
            let keyNode = convert(key, sink: &sink)
            if let scalar = keyNode.scalar, scalar.text == "<<", !scalar.isQuoted {
                sink.error("merge-key", "merge keys (`<<`) are not supported; write the keys out, or use `extends`",
                           at: keyNode.position)
                continue
            }
            if keyNode.scalar == nil {
                sink.error("wrong-type", "a key must be a plain string, not \(keyNode.shapeDescription)",
                           at: keyNode.position)
                continue
            }
            pairs.append(YAMLPair(key: keyNode, value: convert(value, sink: &sink)))
        }
        return YAMLNode(.mapping(pairs), at: at)
    case .alias(let alias):
        // Yams' parser resolves aliases itself; this case only arises for emitter-built trees.
        return YAMLNode(.scalar(YAMLScalar(text: "*\(alias.anchor.rawValue)", isQuoted: false)), at: at)
    }
}

/// Counts how many nodes a Yams tree holds once every alias is expanded, in time proportional
/// to the distinct nodes: aliased subtrees are shared in Yams' tree and memoized here.
private struct ExpandedSizeCounter {
    let bound: Int
    var memo: [String: Int] = [:]

    init(bound: Int) {
        self.bound = bound
    }

    mutating func size(of node: Node) -> Int {
        let key = node.anchor.map { "\($0.rawValue)@\(position(of: node.mark))" }
        if let key, let known = memo[key] { return known }
        var total = 1
        switch node {
        case .scalar, .alias:
            break
        case .sequence(let sequence):
            for child in sequence where total <= bound {
                total = min(bound + 1, total + size(of: child))
            }
        case .mapping(let mapping):
            for (key, value) in mapping where total <= bound {
                total = min(bound + 1, total + size(of: key) + size(of: value))
            }
        }
        if let key { memo[key] = total }
        return total
    }

    /// The position of the innermost node whose expansion exceeds the bound.
    mutating func lowestExcess(in node: Node) -> SourcePosition {
        var current = node
        while true {
            let children: [Node]
            switch current {
            case .scalar, .alias: children = []
            case .sequence(let sequence): children = Array(sequence)
            case .mapping(let mapping): children = mapping.flatMap { [$0.key, $0.value] }
            }
            guard let heavy = children.first(where: { size(of: $0) > bound }) else {
                return position(of: current.mark)
            }
            current = heavy
        }
    }
}
