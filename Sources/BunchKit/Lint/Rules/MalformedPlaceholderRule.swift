/// A {{ that is not a placeholder, or is never closed.
public struct MalformedPlaceholderRule: LintRule {
    public static let id = "malformed-placeholder"
    public static let summary = "A {{ that is not a placeholder, or is never closed"
    public static let severity = Severity.error
    public static let isFoundWhileReading = true
    public static let examples: [RuleExample] = [
        .triggering(["templates/t.yaml": "sections:\n  subject: \"Price ↓{{ price + 1 }}\"\n"]),
        .triggering(["templates/t.yaml": "sections:\n  subject: Open ↓{{ never closed\n"]),
        .nonTriggering(["templates/t.yaml": "sections:\n  subject: \"Costs $19.99, braces {{ \\\"{{\\\" }} and }} stay\"\n"]),
    ]

    public init() {}
}
