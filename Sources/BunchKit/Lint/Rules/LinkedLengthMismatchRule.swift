/// Linked axes of unequal length.
public struct LinkedLengthMismatchRule: LintRule {
    public static let id = "linked-length-mismatch"
    public static let summary = "Linked axes of unequal length"
    public static let severity = Severity.error
    public static let isFoundWhileReading = true
    public static let examples: [RuleExample] = [
        .triggering(["campaigns/c.yaml": "template: basic\nmatrix:\n  product: [{name: a}]\nlinked:\n  - ↓surface: [white paper, wet basalt]\n    locale: [en]\nstages:\n  draft: {model: nano-banana-2}\n"]),
        .nonTriggering(["campaigns/c.yaml": "template: basic\nmatrix:\n  product: [{name: a}]\nlinked:\n  - surface: [white paper, wet basalt]\n    locale: [en, de]\nname: \"{{product}}-{{locale}}\"\nstages:\n  draft: {model: nano-banana-2}\n"]),
    ]

    public init() {}
}
