/// A piece of text with its `{{placeholders}}` parsed once, so rendering is concatenation.
public struct CompiledText: Sendable, Hashable {
    /// A literal run or a placeholder.
    public enum Segment: Sendable, Hashable {
        case literal(String)
        case placeholder(Placeholder)
    }

    /// The segments, in order.
    public var segments: [Segment]

    /// Creates compiled text from segments.
    public init(segments: [Segment]) {
        self.segments = segments
    }

    /// The placeholders it uses, in order.
    public var placeholders: [Placeholder] {
        segments.compactMap { if case .placeholder(let placeholder) = $0 { placeholder } else { nil } }
    }

    /// The literal text with placeholders left out, for text checks.
    public var literalText: String {
        segments.map { if case .literal(let text) = $0 { text } else { " " } }.joined()
    }
}

/// One `{{name}}` or `{{name.field}}`.
public struct Placeholder: Sendable, Hashable {
    /// The variable's name.
    public var variable: String
    /// The field of a map value, if any.
    public var field: String?
    /// Where the `{{` stands.
    public var location: SourceLocation

    /// Creates a placeholder.
    public init(variable: String, field: String?, location: SourceLocation) {
        self.variable = variable
        self.field = field
        self.location = location
    }

    /// The placeholder as written, normalised: `{{product.name}}`.
    public var spelling: String { "{{" + variable + (field.map { "." + $0 } ?? "") + "}}" }
}
