/// A key Bunch does not know, with the closest known key suggested.
public struct UnknownKeyRule: LintRule {
    public static let id = "unknown-key"
    public static let summary = "A key Bunch does not know, with the closest known key suggested"
    public static let severity = Severity.error
    public static let isFoundWhileReading = true
    public static let examples: [RuleExample] = [
        .triggering(["templates/t.yaml": "name: t\n↓sectons:\n  subject: x\n"]),
        .triggering(["campaigns/c.yaml": "template: basic\nvars: {product: {name: x}}\nstages:\n  draft: {model: nano-banana-2, ↓imageSize: 1K}\n"]),
        .nonTriggering(["templates/t.yaml": "name: t\nsections:\n  subject: x\n"]),
    ]

    public init() {}
}
