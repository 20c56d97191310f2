/// An exclude or include entry naming an axis the campaign does not have.
public struct UnknownAxisRule: LintRule {
    public static let id = "unknown-axis"
    public static let summary = "An exclude or include entry naming an axis the campaign does not have"
    public static let severity = Severity.error
    public static let isFoundWhileReading = true
    public static let examples: [RuleExample] = [
        .triggering(["campaigns/c.yaml": "template: basic\nmatrix:\n  product: [{name: a}, {name: b}]\n  surface: [white paper, wet basalt]\nexclude:\n  - {↓surfce: wet basalt}\nstages:\n  draft: {model: nano-banana-2}\n"]),
        .nonTriggering(["campaigns/c.yaml": "template: basic\nmatrix:\n  product: [{name: a}, {name: b}]\n  surface: [white paper, wet basalt]\nexclude:\n  - {surface: wet basalt, product: a}\nstages:\n  draft: {model: nano-banana-2}\n"]),
    ]

    public init() {}
}
