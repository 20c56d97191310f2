/// An aspect ratio the stage's model does not accept.
public struct UnsupportedAspectRatioRule: LintRule {
    public static let id = "unsupported-aspect-ratio"
    public static let summary = "An aspect ratio the stage's model does not accept"
    public static let severity = Severity.error
    public static let examples: [RuleExample] = [
        .triggering(["campaigns/c.yaml": "template: basic\nvars: {product: {name: a}}\nmatrix:\n  aspect_ratio: [\"4:5\", ↓\"1:8\"]\nstages:\n  draft: {model: nano-banana-2}\n  final: {model: nano-banana-pro}\n"]),
        .triggering(["campaigns/c.yaml": "template: basic\nvars: {product: {name: a}}\nstages:\n  draft: {model: nano-banana-2, aspect_ratio: ↓\"5:7\"}\n"]),
        .nonTriggering(["campaigns/c.yaml": "template: basic\nvars: {product: {name: a}}\nmatrix:\n  aspect_ratio: [\"4:5\", \"9:16\", \"16:9\"]\nstages:\n  draft: {model: nano-banana-2}\n  final: {model: nano-banana-pro}\n"]),
    ]

    public init() {}

    public func check(_ subject: LintSubject, context: LintContext) -> [Diagnostic] {
        guard case .campaign(let campaign) = subject else { return [] }
        return campaign.parameterValuesByStage("aspect_ratio").filter { !$0.model.aspectRatios.contains($0.value) }
            .map { stage, model, ratio, location in
                Diagnostic(
                    .error, code: Self.id,
                    "aspect ratio '\(ratio)' is not accepted by \(model.id) (\(stage.stage.rawValue) stage); it takes \(model.aspectRatios.joined(separator: ", "))",
                    at: location)
            }
    }
}
