/// A YAML scalar as written: its text, and whether it was quoted.
///
/// Bunch interprets scalars by its own schema rather than YAML 1.1's resolver, so `on`, `yes`
/// and `1.10` stay strings unless the key wants a number or a boolean.
public struct YAMLScalar: Sendable, Hashable {
    /// The scalar's value after YAML unescaping.
    public var text: String
    /// True for single-quoted, double-quoted, literal and folded scalars.
    public var isQuoted: Bool

    /// Creates a scalar.
    public init(text: String, isQuoted: Bool) {
        self.text = text
        self.isQuoted = isQuoted
    }

    /// True for a plain `~`, `null` or empty scalar.
    public var isNull: Bool {
        !isQuoted && (text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL")
    }
}

/// A node of Bunch's own positioned YAML tree. Every node and key keeps its 1-based position.
public struct YAMLNode: Sendable, Hashable {
    /// The shape of a node.
    public indirect enum Kind: Sendable, Hashable {
        case scalar(YAMLScalar)
        case mapping([YAMLPair])
        case sequence([YAMLNode])
    }

    /// What the node holds.
    public var kind: Kind
    /// Where the node starts.
    public var position: SourcePosition

    /// Creates a node.
    public init(_ kind: Kind, at position: SourcePosition) {
        self.kind = kind
        self.position = position
    }

    /// The scalar, when the node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = kind { return scalar }
        return nil
    }

    /// The pairs, when the node is a mapping.
    public var pairs: [YAMLPair]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }

    /// The items, when the node is a sequence.
    public var items: [YAMLNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// True for a null scalar.
    public var isNull: Bool { scalar?.isNull ?? false }

    /// A word for the node's shape, for messages ("a mapping", "a list", "a string").
    public var shapeDescription: String {
        switch kind {
        case .scalar(let scalar): scalar.isNull ? "null" : "a scalar"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }
}

/// A key and its value in a mapping.
public struct YAMLPair: Sendable, Hashable {
    /// The key node; a scalar in every file Bunch accepts.
    public var key: YAMLNode
    /// The value node.
    public var value: YAMLNode

    /// Creates a pair.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }

    /// The key's text, or a description of a non-scalar key.
    public var keyText: String { key.scalar?.text ?? "<\(key.shapeDescription)>" }
}
