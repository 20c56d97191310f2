/// More than one YAML document in a file.
public struct MultipleDocumentsRule: LintRule {
    public static let id = "multiple-documents"
    public static let summary = "More than one YAML document in a file"
    public static let severity = Severity.error
    public static let isFoundWhileReading = true
    public static let examples: [RuleExample] = [
        .triggering(["templates/t.yaml": "name: a\n↓---\nname: b\n"]),
        .nonTriggering(["templates/t.yaml": "---\nname: a\n"]),
    ]

    public init() {}
}
