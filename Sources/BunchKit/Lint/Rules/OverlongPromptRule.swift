/// A rendered prompt longer than the models follow well.
public struct OverlongPromptRule: LintRule {
    public static let id = "overlong-prompt"
    public static let summary = "A rendered prompt longer than 4,000 characters"
    public static let severity = Severity.warning
    /// The longest prompt that passes, in characters.
    public static let maximumCharacters = 4_000
    public static let examples: [RuleExample] = [
        .triggering(["campaigns/c.yaml": "template: ↓basic\nvars: {product: {name: \(String(repeating: "very ", count: 900))long}}\nstages:\n  draft: {model: nano-banana-2}\n"]),
        .nonTriggering(["campaigns/c.yaml": "template: basic\nvars: {product: {name: short}}\nstages:\n  draft: {model: nano-banana-2}\n"]),
    ]

    public init() {}

    public func check(_ subject: LintSubject, context: LintContext) -> [Diagnostic] {
        guard case .campaign(let campaign) = subject,
              let counts = try? Planner.counts(of: campaign), counts.requests <= campaign.limit,
              let plan = try? Planner.plan(campaign, references: context.references),
              let stage = campaign.stages.first(where: { $0.model != nil }),
              let renderer = try? plan.renderer(for: stage.stage) else { return [] }
        var longest = 0
        var checked = 0
        var prompt: [UInt8] = []
        plan.forEachCombination { combination in
            renderer.renderPrompt(combination, variant: 1, into: &prompt, json: false)
            longest = max(longest, String(decoding: prompt, as: UTF8.self).count)
            checked += 1
            return checked < 1_000
        }
        guard longest > Self.maximumCharacters else { return [] }
        return [Diagnostic(.warning, code: Self.id,
                           "a rendered prompt is \(longest) characters; keep prompts under \(Self.maximumCharacters)",
                           at: campaign.templateLocation)]
    }
}
