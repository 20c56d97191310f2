/// YAML that cannot be parsed, including tab indentation and absurd nesting.
public struct YAMLSyntaxRule: LintRule {
    public static let id = "yaml-syntax"
    public static let summary = "YAML that cannot be parsed, including tab indentation and absurd nesting"
    public static let severity = Severity.error
    public static let isFoundWhileReading = true
    public static let examples: [RuleExample] = [
        .triggering(["templates/t.yaml": "sections:\n  subject: [a, b\n↓"]),
        .triggering(["templates/t.yaml": "sections:\n↓\tsubject: x\n"]),
        .nonTriggering(["templates/t.yaml": "sections:\n  subject: [a, b]\n"]),
    ]

    public init() {}
}
