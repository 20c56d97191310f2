/// An exclude entry naming a value its axis does not have (it excludes nothing).
public struct UnknownValueRule: LintRule {
    public static let id = "unknown-value"
    public static let summary = "An exclude entry naming a value its axis does not have (it excludes nothing)"
    public static let severity = Severity.warning
    public static let isFoundWhileReading = true
    public static let examples: [RuleExample] = [
        .triggering(["campaigns/c.yaml": "template: basic\nmatrix:\n  product: [{name: a}, {name: b}]\n  surface: [white paper, wet basalt]\nexclude:\n  - {surface: ↓pink marble}\nstages:\n  draft: {model: nano-banana-2}\n"]),
        .nonTriggering(["campaigns/c.yaml": "template: basic\nmatrix:\n  product: [{name: a}, {name: b}]\n  surface: [white paper, wet basalt]\nexclude:\n  - {product: b}\nstages:\n  draft: {model: nano-banana-2}\n"]),
    ]

    public init() {}
}
