/// A stage naming a model the catalog does not know.
public struct UnknownModelRule: LintRule {
    public static let id = "unknown-model"
    public static let summary = "A stage model that is neither a catalog id nor an alias"
    public static let severity = Severity.error
    public static let examples: [RuleExample] = [
        .triggering(["campaigns/c.yaml": "template: basic\nvars: {product: {name: a}}\nstages:\n  draft: {model: ↓nano-banana-3}\n"]),
        .nonTriggering(["campaigns/c.yaml": "template: basic\nvars: {product: {name: a}}\nstages:\n  draft: {model: gemini-3.1-flash-image}\n  final: {model: nano-banana-pro}\n"]),
    ]

    public init() {}

    public func check(_ subject: LintSubject, context: LintContext) -> [Diagnostic] {
        guard case .campaign(let campaign) = subject else { return [] }
        return campaign.stages.compactMap { stage in
            guard stage.model == nil, let name = stage.spec.model else { return nil }
            var message = "unknown model '\(name.value)' in the \(stage.stage.rawValue) stage"
            if let suggestion = KeySuggester.suggestion(for: name.value, among: context.catalog.allNames) {
                message += "; did you mean '\(suggestion)'?"
            } else {
                message += " (known: \(context.catalog.allNames.joined(separator: ", ")))"
            }
            return Diagnostic(.error, code: Self.id, message, at: campaign.spec.file.location(name.position))
        }
    }
}
