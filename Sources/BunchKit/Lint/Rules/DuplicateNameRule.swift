/// Two templates, or two brand kits, with the same name.
public struct DuplicateNameRule: LintRule {
    public static let id = "duplicate-name"
    public static let summary = "Two templates, or two brand kits, with the same name"
    public static let severity = Severity.error
    public static let isFoundWhileReading = true
    public static let examples: [RuleExample] = [
        .triggering(["templates/a.yaml": "name: same\nsections: {subject: x}\n", "templates/b.yaml": "name: ↓same\nsections: {subject: y}\n"]),
        .nonTriggering(["templates/a.yaml": "name: one\nsections: {subject: x}\n", "templates/b.yaml": "name: two\nsections: {subject: y}\n"]),
    ]

    public init() {}
}
