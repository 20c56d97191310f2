/// Text rendering (a headline, a tagline, quoted words) asked only of flash models: pro models
/// render legible text far better, so finals belong there.
public struct TextOnFlashRule: LintRule {
    public static let id = "text-on-flash"
    public static let summary = "Text rendering asked of a campaign whose finals (or only stage) run on a flash model"
    public static let severity = Severity.warning
    public static let examples: [RuleExample] = [
        .triggering([
            "templates/poster.yaml": "variables: {headline: {}}\nsections:\n  subject: \"A poster with the headline {{headline}}\"\n",
            "campaigns/c.yaml": "template: poster\nvars: {headline: Bloom bold}\nstages:\n  draft: {model: nano-banana-2}\n  final: {model: ↓nano-banana-2, image_size: 2K}\n",
        ]),
        .nonTriggering([
            "templates/poster.yaml": "variables: {headline: {}}\nsections:\n  subject: \"A poster with the headline {{headline}}\"\n",
            "campaigns/c.yaml": "template: poster\nvars: {headline: Bloom bold}\nstages:\n  draft: {model: nano-banana-2}\n  final: {model: nano-banana-pro, image_size: 2K}\n",
        ]),
    ]

    /// Words that ask the model to draw legible text.
    static let cues = ["headline", "tagline", "caption", "text reading", "the words", "lettering", "typography", "slogan"]

    public init() {}

    public func check(_ subject: LintSubject, context: LintContext) -> [Diagnostic] {
        guard case .campaign(let campaign) = subject, let composed = campaign.composed else { return [] }
        let text = composed.allLines.map { $0.text.value.lowercased() }.joined(separator: "\n")
        guard Self.cues.contains(where: text.contains) else { return [] }
        guard let last = campaign.stage(.final) ?? campaign.stage(.draft), let model = last.model,
              model.tier == .flash, let name = last.spec.model else { return [] }
        return [Diagnostic(
            .warning, code: Self.id,
            "the template asks for rendered text, but the \(last.stage.rawValue) stage runs on flash model \(model.id); pro models render text far better",
            at: campaign.spec.file.location(name.position))]
    }
}
