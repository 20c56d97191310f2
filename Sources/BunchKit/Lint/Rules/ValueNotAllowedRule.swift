/// A value outside a variable's declared `values`.
public struct ValueNotAllowedRule: LintRule {
    public static let id = "value-not-allowed"
    public static let summary = "A value outside the closed set a template variable declares in values"
    public static let severity = Severity.error
    public static let examples: [RuleExample] = [
        .triggering(["campaigns/c.yaml": "template: basic\nmatrix:\n  product: [{name: a}]\n  surface: [white paper, ↓gold foil]\nstages:\n  draft: {model: nano-banana-2}\n"]),
        .triggering(["templates/t.yaml": "variables:\n  tone: {default: ↓loud, values: [calm, warm]}\nsections: {subject: \"{{tone}}\"}\n"]),
        .nonTriggering(["campaigns/c.yaml": "template: basic\nmatrix:\n  product: [{name: a}]\n  surface: [white paper, pink marble]\nstages:\n  draft: {model: nano-banana-2}\n"]),
    ]

    public init() {}

    public func check(_ subject: LintSubject, context: LintContext) -> [Diagnostic] {
        switch subject {
        case .template(let spec, _):
            return spec.variables.compactMap { variable in
                guard let allowed = variable.allowedValues, let value = variable.defaultValue,
                      !allowed.contains(where: { value.value.isNamed(by: $0.value) || $0.value.isNamed(by: value.value) })
                else { return nil }
                return diagnostic(value.value, variable: variable.name.value, allowed: allowed,
                                  at: spec.file.location(value.position))
            }
        case .campaign(let campaign):
            guard let composed = campaign.composed else { return [] }
            var found: [Diagnostic] = []
            for variable in composed.variables.values.sorted(by: { $0.name.value < $1.name.value }) {
                guard let allowed = variable.allowedValues, campaign.axes[variable.name.value] != nil
                    || campaign.fixed[variable.name.value]?.isCampaignVar == true else { continue }
                for (value, location) in campaign.values(of: variable.name.value)
                where !allowed.contains(where: { value.isNamed(by: $0.value) || $0.value.isNamed(by: value) }) {
                    found.append(diagnostic(value, variable: variable.name.value, allowed: allowed,
                                            at: location ?? campaign.templateLocation))
                }
            }
            return found
        case .brand:
            return []
        }
    }

    private func diagnostic(_ value: PromptValue, variable: String, allowed: [Located<PromptValue>],
                            at location: SourceLocation) -> Diagnostic {
        let labels = allowed.map(\.value.label)
        var message = "'\(value.label)' is not one of the values '\(variable)' allows (\(labels.joined(separator: ", ")))"
        if let suggestion = KeySuggester.suggestion(for: value.label, among: labels) {
            message += "; did you mean '\(suggestion)'?"
        }
        return Diagnostic(.error, code: Self.id, message, at: location)
    }
}
