/// A value of the wrong shape: a list where a string belongs, a word where a number belongs.
public struct WrongTypeRule: LintRule {
    public static let id = "wrong-type"
    public static let summary = "A value of the wrong shape: a list where a string belongs, a word where a number belongs"
    public static let severity = Severity.error
    public static let isFoundWhileReading = true
    public static let examples: [RuleExample] = [
        .triggering(["campaigns/c.yaml": "template: basic\nvars: {product: {name: x}}\nvariants: ↓two\nstages:\n  draft: {model: nano-banana-2}\n"]),
        .triggering(["templates/t.yaml": "name: t\nsections:\n  subject: ↓{a: [1]}\n"]),
        .nonTriggering(["campaigns/c.yaml": "template: basic\nvars: {product: {name: x}}\nvariants: 2\nstages:\n  draft: {model: nano-banana-2}\n"]),
    ]

    public init() {}
}
