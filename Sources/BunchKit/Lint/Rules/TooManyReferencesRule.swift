/// More reference images than the stage's model takes.
public struct TooManyReferencesRule: LintRule {
    public static let id = "too-many-references"
    public static let summary = "More reference images than the stage's model accepts"
    public static let severity = Severity.error
    public static let examples: [RuleExample] = [
        .triggering([
            "templates/refs.yaml": "variables: {product: {}}\nsections: {subject: \"{{product}}\"}\nreferences: [https://e.com/1.png, https://e.com/2.png, https://e.com/3.png, https://e.com/4.png]\n",
            "campaigns/c.yaml": "template: refs\nvars: {product: a}\nstages:\n  draft: {model: ↓gemini-2.5-flash-image}\n",
        ]),
        .nonTriggering([
            "templates/refs.yaml": "variables: {product: {}}\nsections: {subject: \"{{product}}\"}\nreferences: [https://e.com/1.png, https://e.com/2.png]\n",
            "campaigns/c.yaml": "template: refs\nvars: {product: a}\nstages:\n  draft: {model: gemini-2.5-flash-image}\n",
        ]),
    ]

    public init() {}

    public func check(_ subject: LintSubject, context: LintContext) -> [Diagnostic] {
        guard case .campaign(let campaign) = subject, let composed = campaign.composed else { return [] }
        return campaign.stages.compactMap { stage in
            guard let model = stage.model, let name = stage.spec.model else { return nil }
            let fromDraft = stage.stage == .final && stage.spec.fromDraft == .reference && campaign.stage(.draft) != nil
            let count = composed.references.count + (fromDraft ? 1 : 0)
            guard count > model.maxReferenceImages else { return nil }
            return Diagnostic(
                .error, code: Self.id,
                "the \(stage.stage.rawValue) stage sends \(count) reference images\(fromDraft ? " (including the approved draft)" : ""); \(model.id) takes at most \(model.maxReferenceImages)",
                at: campaign.spec.file.location(name.position))
        }
    }
}
