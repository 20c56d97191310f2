/// A value a variable takes: a string, or a map of named string fields addressed as
/// `{{axis.field}}`.
public enum PromptValue: Sendable, Hashable {
    case scalar(String)
    case map([Field])

    /// One named field of a map value, in the order written.
    public struct Field: Sendable, Hashable {
        /// The field name.
        public var name: String
        /// The field's text.
        public var value: String

        /// Creates a field.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The text that stands for the value in file names, plans, sheets and selectors: the
    /// scalar itself, or a map's `name` field, else its first field.
    public var label: String {
        switch self {
        case .scalar(let text): text
        case .map(let fields): fields.first { $0.name == "name" }?.value ?? fields.first?.value ?? ""
        }
    }

    /// The text a placeholder renders: the label without a field, the field's value with one.
    /// Nil when the field does not exist or a field is asked of a scalar.
    public func text(field: String?) -> String? {
        guard let field else { return label }
        guard case .map(let fields) = self else { return nil }
        return fields.first { $0.name == field }?.value
    }

    /// Whether a selector value (from `exclude`, `include`, `--where` or approvals) names this
    /// value: by its label, or by being equal to it.
    public func isNamed(by selector: PromptValue) -> Bool {
        if self == selector { return true }
        if case .scalar(let text) = selector { return text == label }
        return false
    }
}
