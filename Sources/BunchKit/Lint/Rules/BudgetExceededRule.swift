/// A plan whose estimated cost is above `budget.max_usd`: the run would refuse to start.
public struct BudgetExceededRule: LintRule {
    public static let id = "budget-exceeded"
    public static let summary = "An estimated cost above budget.max_usd (drafts: error; drafts plus every final: warning)"
    public static let severity = Severity.error
    public static let examples: [RuleExample] = [
        .triggering(["campaigns/c.yaml": "template: basic\nmatrix:\n  product: [{name: a}, {name: b}, {name: c}, {name: d}]\nvariants: 4\nstages:\n  draft: {model: nano-banana-pro, image_size: 4K}\nbudget: {max_usd: ↓1}\n"]),
        .nonTriggering(["campaigns/c.yaml": "template: basic\nmatrix:\n  product: [{name: a}, {name: b}]\nstages:\n  draft: {model: nano-banana-2, image_size: \"512\"}\nbudget: {max_usd: 1}\n"]),
    ]

    public init() {}

    public func check(_ subject: LintSubject, context: LintContext) -> [Diagnostic] {
        guard case .campaign(let campaign) = subject, let cap = campaign.spec.maxUSD,
              let plan = try? Planner.plan(campaign, references: context.references) else { return [] }
        let location = campaign.spec.file.location(cap.position)
        let draft = campaign.stage(.draft)?.model == nil ? nil : try? plan.estimate(.draft)
        let final = campaign.stage(.final)?.model == nil ? nil : try? plan.estimate(.final)
        let first = draft ?? final
        if let first, first.usd > cap.value {
            return [Diagnostic(
                .error, code: Self.id,
                "the \(first.stage.rawValue) stage is estimated at \(USD.format(first.usd)) for \(first.requests) requests, above max_usd \(USD.format(cap.value))",
                at: location)]
        }
        if let draft, let final, draft.usd + final.usd > cap.value {
            return [Diagnostic(
                .warning, code: Self.id,
                "drafts (\(USD.format(draft.usd))) plus finals of every draft (\(USD.format(final.usd))) would exceed max_usd \(USD.format(cap.value)); approve selectively",
                at: location)]
        }
        return []
    }
}
