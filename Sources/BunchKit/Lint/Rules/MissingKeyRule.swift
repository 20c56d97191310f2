/// A key that must be present: a campaign's template, a stage's model.
public struct MissingKeyRule: LintRule {
    public static let id = "missing-key"
    public static let summary = "A key that must be present: a campaign's template, a stage's model"
    public static let severity = Severity.error
    public static let isFoundWhileReading = true
    public static let examples: [RuleExample] = [
        .triggering(["campaigns/c.yaml": "template: basic\nvars: {product: {name: x}}\nstages:\n  draft: ↓{image_size: 1K}\n"]),
        .nonTriggering(["campaigns/c.yaml": "template: basic\nvars: {product: {name: x}}\nstages:\n  draft: {model: nano-banana-2}\n"]),
    ]

    public init() {}
}
