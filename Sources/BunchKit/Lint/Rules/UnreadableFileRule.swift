/// A file that cannot be read, is not UTF-8, or is too large.
public struct UnreadableFileRule: LintRule {
    public static let id = "unreadable-file"
    public static let summary = "A file that cannot be read, is not UTF-8, or is too large"
    public static let severity = Severity.error
    public static let isFoundWhileReading = true
    public static let examples: [RuleExample] = [
        .nonTriggering(["templates/t.yaml": "name: t\n"]),
    ]

    public init() {}
}
