/// A stage model past its reported retirement date; the API answers retired ids with 404.
public struct RetiredModelRule: LintRule {
    public static let id = "retired-model"
    public static let summary = "A stage model past the retirement date the catalog reports"
    public static let severity = Severity.warning
    public static let examples: [RuleExample] = [
        .triggering(["campaigns/c.yaml": "template: basic\nvars: {product: {name: a}}\nstages:\n  draft: {model: ↓gemini-3-pro-image-preview}\n"]),
        .nonTriggering(["campaigns/c.yaml": "template: basic\nvars: {product: {name: a}}\nstages:\n  draft: {model: gemini-3-pro-image}\n"]),
    ]

    public init() {}

    public func check(_ subject: LintSubject, context: LintContext) -> [Diagnostic] {
        guard case .campaign(let campaign) = subject else { return [] }
        return campaign.stages.compactMap { stage in
            guard let model = stage.model, let name = stage.spec.model, model.isRetired(on: context.today),
                  let date = model.retires else { return nil }
            var message = "\(model.id) was reported retired on \(date); requests to it may fail with 404"
            let current = context.catalog.models.filter { !$0.isRetired(on: context.today) }.map(\.id)
            if !current.isEmpty { message += " (current models: \(current.joined(separator: ", ")))" }
            return Diagnostic(.warning, code: Self.id, message, at: campaign.spec.file.location(name.position),
                              notes: model.notes.map { [Diagnostic.Note($0)] } ?? [])
        }
    }
}
