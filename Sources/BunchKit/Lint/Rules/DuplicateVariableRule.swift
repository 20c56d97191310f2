/// A variable given twice: as two axes, or as an axis and a fixed var.
public struct DuplicateVariableRule: LintRule {
    public static let id = "duplicate-variable"
    public static let summary = "A variable given twice: as two axes, or as an axis and a fixed var"
    public static let severity = Severity.error
    public static let isFoundWhileReading = true
    public static let examples: [RuleExample] = [
        .triggering(["campaigns/c.yaml": "template: basic\nvars: {surface: white paper}\nmatrix:\n  product: [{name: a}]\n  ↓surface: [wet basalt]\nstages:\n  draft: {model: nano-banana-2}\n"]),
        .nonTriggering(["campaigns/c.yaml": "template: basic\nmatrix:\n  product: [{name: a}]\n  surface: [wet basalt]\nstages:\n  draft: {model: nano-banana-2}\n"]),
    ]

    public init() {}
}
