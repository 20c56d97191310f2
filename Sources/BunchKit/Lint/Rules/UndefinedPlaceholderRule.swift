/// A placeholder with nothing to fill it: undeclared in the template, unset by the campaign, or
/// asking a field its value lacks.
public struct UndefinedPlaceholderRule: LintRule {
    public static let id = "undefined-placeholder"
    public static let summary = "A {{placeholder}} with no variable, no value, or no such field"
    public static let severity = Severity.error
    public static let examples: [RuleExample] = [
        .triggering(["templates/t.yaml": "variables: {product: {}}\nsections:\n  subject: \"Show {{product}} on ↓{{surfac}}\"\n"]),
        .triggering(["templates/t.yaml": "variables: {product: {}}\nsections:\n  subject: \"🍌 {{product}} on ↓{{surface}}\"\n"]),
        .triggering(["campaigns/c.yaml": "template: basic\nmatrix:\n  product: [{name: a}, ↓plain words]\nstages:\n  draft: {model: nano-banana-2}\n"]),
        .triggering(["campaigns/c.yaml": "template: basic\nvars: {product: {name: a}}\nname: \"{{product}}-↓{{color}}\"\nstages:\n  draft: {model: nano-banana-2}\n"]),
        .nonTriggering(["templates/t.yaml": "variables: {product: {}}\nsections:\n  subject: \"{{product}} in {{aspect_ratio}}, $19.99\"\n"]),
    ]

    public init() {}

    public func check(_ subject: LintSubject, context: LintContext) -> [Diagnostic] {
        switch subject {
        case .template(_, let composed):
            return composed.placeholders.compactMap { placeholder in
                guard composed.variables[placeholder.variable] == nil,
                      !ResolvedCampaign.builtInVariables.contains(placeholder.variable) else { return nil }
                return Diagnostic(.error, code: Self.id, undeclaredMessage(placeholder, among: Array(composed.variables.keys)),
                                  at: placeholder.location)
            }
        case .campaign(let campaign):
            return campaignProblems(campaign)
        case .brand:
            return []
        }
    }

    private func undeclaredMessage(_ placeholder: Placeholder, among names: [String]) -> String {
        var message = "\(placeholder.spelling) names no declared variable"
        if let suggestion = KeySuggester.suggestion(for: placeholder.variable,
                                                    among: names + ResolvedCampaign.builtInVariables.sorted()) {
            message += "; did you mean '\(suggestion)'?"
        } else {
            message += "; declare '\(placeholder.variable)' under variables"
        }
        return message
    }

    private func campaignProblems(_ campaign: ResolvedCampaign) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var reported: Set<String> = []
        let declared = campaign.composed.map { Set($0.variables.keys) } ?? []
        for placeholder in campaign.allPlaceholders where reported.insert(placeholder.spelling).inserted {
            let variable = placeholder.variable
            if ResolvedCampaign.builtInVariables.contains(variable) && !campaign.provides(variable) { continue }
            guard campaign.provides(variable) else {
                // Template-level problems are reported on the template; here only what the campaign lacks.
                let inNamePattern = campaign.namePattern?.placeholders.contains(placeholder) ?? false
                if declared.contains(variable) || inNamePattern {
                    found.append(Diagnostic(
                        .error, code: Self.id,
                        "\(placeholder.spelling) has no value: the campaign does not set '\(variable)' and the template gives no default",
                        at: inNamePattern ? placeholder.location : campaign.templateLocation,
                        notes: inNamePattern ? [] : [Diagnostic.Note("used here", at: placeholder.location)]))
                }
                continue
            }
            guard let field = placeholder.field else { continue }
            for (value, location) in campaign.values(of: variable) where value.text(field: field) == nil {
                let what = if case .scalar = value { "'\(value.label)' is a plain value" } else { "'\(value.label)' has no field '\(field)'" }
                found.append(Diagnostic(
                    .error, code: Self.id, "\(placeholder.spelling) cannot be filled: \(what)",
                    at: location ?? campaign.templateLocation, notes: [Diagnostic.Note("used here", at: placeholder.location)]))
            }
        }
        return found
    }
}
