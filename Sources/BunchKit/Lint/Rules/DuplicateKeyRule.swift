/// A key written twice in one mapping, where the later value would silently win.
public struct DuplicateKeyRule: LintRule {
    public static let id = "duplicate-key"
    public static let summary = "A key written twice in one mapping, where the later value would silently win"
    public static let severity = Severity.error
    public static let isFoundWhileReading = true
    public static let examples: [RuleExample] = [
        .triggering(["templates/t.yaml": "name: a\nsections:\n  subject: x\n  ↓subject: y\n"]),
        .nonTriggering(["templates/t.yaml": "name: a\nsections:\n  subject: x\n  scene: y\n"]),
    ]

    public init() {}
}
