/// Templates that extend each other in a circle.
public struct ExtendsCycleRule: LintRule {
    public static let id = "extends-cycle"
    public static let summary = "Templates that extend each other in a circle"
    public static let severity = Severity.error
    public static let isFoundWhileReading = true
    public static let examples: [RuleExample] = [
        .triggering(["templates/a.yaml": "name: a\nextends: ↓b\nsections: {subject: x}\n", "templates/b.yaml": "name: b\nextends: ↓a\nsections: {scene: y}\n"]),
        .nonTriggering(["templates/a.yaml": "name: a\nextends: b\nsections: {subject: x}\n", "templates/b.yaml": "name: b\nsections: {scene: y}\n"]),
    ]

    public init() {}
}
