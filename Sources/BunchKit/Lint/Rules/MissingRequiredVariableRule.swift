/// A required template variable that the campaign gives no value.
public struct MissingRequiredVariableRule: LintRule {
    public static let id = "missing-required-variable"
    public static let summary = "A required template variable the campaign does not set in vars, matrix or linked"
    public static let severity = Severity.error
    public static let examples: [RuleExample] = [
        .triggering(["campaigns/c.yaml": "template: ↓basic\nmatrix:\n  surface: [white paper]\nstages:\n  draft: {model: nano-banana-2}\n"]),
        .nonTriggering(["campaigns/c.yaml": "template: basic\nmatrix:\n  product: [{name: a}]\nstages:\n  draft: {model: nano-banana-2}\n"]),
    ]

    public init() {}

    public func check(_ subject: LintSubject, context: LintContext) -> [Diagnostic] {
        guard case .campaign(let campaign) = subject, let composed = campaign.composed else { return [] }
        return composed.variables.values
            .filter { $0.isRequired && $0.defaultValue == nil && !campaign.provides($0.name.value) }
            .sorted { $0.name.value < $1.name.value }
            .map { variable in
                let declaring = composed.chain.last { $0.variables.contains { $0.name.value == variable.name.value } }
                return Diagnostic(
                    .error, code: Self.id,
                    "template '\(composed.template.name.value)' requires '\(variable.name.value)'; set it under vars or matrix",
                    at: campaign.templateLocation,
                    notes: declaring.map { [Diagnostic.Note("declared here", at: $0.file.location(variable.name.position))] } ?? [])
            }
    }
}
