/// A campaign naming a brand kit that does not exist.
public struct UnknownBrandRule: LintRule {
    public static let id = "unknown-brand"
    public static let summary = "A campaign's brand kit that does not exist"
    public static let severity = Severity.error
    public static let examples: [RuleExample] = [
        .triggering(["campaigns/c.yaml": "template: basic\nbrand: ↓acne\nvars: {product: {name: x}}\nstages:\n  draft: {model: nano-banana-2}\n"]),
        .nonTriggering(["campaigns/c.yaml": "template: basic\nbrand: acme\nvars: {product: {name: x}}\nstages:\n  draft: {model: nano-banana-2}\n"]),
    ]

    public init() {}

    public func check(_ subject: LintSubject, context: LintContext) -> [Diagnostic] {
        guard case .campaign(let campaign) = subject, let name = campaign.spec.brand,
              context.library.brands[name.value] == nil else { return [] }
        var message = "no brand kit named '\(name.value)'"
        if let suggestion = KeySuggester.suggestion(for: name.value, among: context.library.brandNames) {
            message += "; did you mean '\(suggestion)'?"
        }
        return [Diagnostic(.error, code: Self.id, message, at: campaign.spec.file.location(name.position))]
    }
}
