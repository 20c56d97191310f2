/// YAML merge keys (<<), which Bunch does not expand.
public struct MergeKeyRule: LintRule {
    public static let id = "merge-key"
    public static let summary = "YAML merge keys (<<), which Bunch does not expand"
    public static let severity = Severity.error
    public static let isFoundWhileReading = true
    public static let examples: [RuleExample] = [
        .triggering(["templates/t.yaml": "base: &b {x: 1}\nsections:\n  ↓<<: *b\n"]),
        .nonTriggering(["templates/t.yaml": "sections:\n  subject: \"<<: not a key\"\n"]),
    ]

    public init() {}
}
