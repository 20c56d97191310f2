/// A matrix or linked axis that no placeholder uses: it multiplies requests without changing them.
public struct UnusedAxisRule: LintRule {
    public static let id = "unused-axis"
    public static let summary = "A matrix axis the template never uses, which multiplies identical prompts"
    public static let severity = Severity.warning
    public static let examples: [RuleExample] = [
        .triggering(["campaigns/c.yaml": "template: basic\nmatrix:\n  product: [{name: a}]\n  ↓mood: [calm, loud]\nstages:\n  draft: {model: nano-banana-2}\n"]),
        .nonTriggering(["campaigns/c.yaml": "template: basic\nmatrix:\n  product: [{name: a}]\n  aspect_ratio: [\"1:1\", \"4:5\"]\nstages:\n  draft: {model: nano-banana-2}\n"]),
    ]

    public init() {}

    public func check(_ subject: LintSubject, context: LintContext) -> [Diagnostic] {
        guard case .campaign(let campaign) = subject, campaign.composed != nil else { return [] }
        let used = campaign.usedVariables
        return (campaign.spec.matrix + campaign.spec.linked.flatMap(\.axes)).compactMap { axis in
            let name = axis.name.value
            guard !used.contains(name), !ResolvedCampaign.requestParameters.contains(name) else { return nil }
            return Diagnostic(.warning, code: Self.id,
                              "axis '\(name)' is not used by any placeholder; its \(axis.values.count) values make identical prompts",
                              at: campaign.spec.file.location(axis.name.position))
        }
    }
}
