/// Variable, axis and section names that are not snake_case.
public struct KeyStyleRule: LintRule {
    public static let id = "key-style"
    public static let summary = "Variable, axis and section names that are not snake_case"
    public static let severity = Severity.warning
    public static let isFoundWhileReading = true
    public static let examples: [RuleExample] = [
        .triggering(["templates/t.yaml": "variables:\n  ↓productName: {}\nsections:\n  subject: \"{{productName}}\"\n"]),
        .nonTriggering(["templates/t.yaml": "variables:\n  product_name: {}\nsections:\n  subject: \"{{product_name}}\"\n"]),
    ]

    public init() {}
}
