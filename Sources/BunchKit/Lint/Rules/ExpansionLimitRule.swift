/// A campaign expanding to more requests than its `limit`, counted without materialising it.
public struct ExpansionLimitRule: LintRule {
    public static let id = "expansion-limit"
    public static let summary = "A campaign that expands to more requests than its limit (counted, never materialised)"
    public static let severity = Severity.error
    public static let examples: [RuleExample] = [
        .triggering(["campaigns/c.yaml": "template: basic\nmatrix:\n  product: [{name: a}, {name: b}, {name: c}]\n  surface: [white paper, wet basalt]\nvariants: 2\nlimit: ↓10\nstages:\n  draft: {model: nano-banana-2}\n"]),
        .nonTriggering(["campaigns/c.yaml": "template: basic\nmatrix:\n  product: [{name: a}, {name: b}, {name: c}]\n  surface: [white paper, wet basalt]\nvariants: 2\nlimit: 12\nstages:\n  draft: {model: nano-banana-2}\n"]),
    ]

    public init() {}

    public func check(_ subject: LintSubject, context: LintContext) -> [Diagnostic] {
        guard case .campaign(let campaign) = subject else { return [] }
        let location = campaign.spec.file.location(campaign.spec.limit?.position ?? campaign.spec.position)
        let counts: CampaignPlan.Counts
        do {
            counts = try Planner.counts(of: campaign)
        } catch {
            return [Diagnostic(.error, code: Self.id, "cannot expand the campaign: \(error)", at: location)]
        }
        guard counts.requests > campaign.limit else { return [] }
        let combinations = counts.sampled ?? counts.combinations
        return [Diagnostic(
            .error, code: Self.id,
            "the campaign expands to \(Count.format(counts.requests, "request")) (\(Count.format(combinations, "combination")) × \(Count.format(counts.variants, "variant"))), beyond its limit of \(Count.format(campaign.limit))",
            at: location)]
    }
}
