/// A campaign naming a template (or a template extending one) that does not exist.
public struct UnknownTemplateRule: LintRule {
    public static let id = "unknown-template"
    public static let summary = "A campaign's template, or a template's parent, that does not exist"
    public static let severity = Severity.error
    public static let examples: [RuleExample] = [
        .triggering(["campaigns/c.yaml": "template: ↓basik\nstages:\n  draft: {model: nano-banana-2}\n"]),
        .triggering(["templates/t.yaml": "extends: ↓nothing\nsections: {subject: x}\n"]),
        .nonTriggering(["campaigns/c.yaml": "template: basic\nvars: {product: {name: x}}\nstages:\n  draft: {model: nano-banana-2}\n"]),
    ]

    public init() {}

    public func check(_ subject: LintSubject, context: LintContext) -> [Diagnostic] {
        guard case .campaign(let campaign) = subject, let name = campaign.spec.template,
              context.library.templates[name.value] == nil else { return [] }
        var message = "no template named '\(name.value)'"
        if context.library.brands[name.value] != nil {
            message = "'\(name.value)' is a brand kit; name it under `brand:` and give a template under `template:`"
        } else if let suggestion = KeySuggester.suggestion(for: name.value, among: context.library.templateNames) {
            message += "; did you mean '\(suggestion)'?"
        } else if !context.library.templateNames.isEmpty {
            message += " (templates: \(context.library.templateNames.joined(separator: ", ")))"
        }
        return [Diagnostic(.error, code: Self.id, message, at: campaign.templateLocation)]
    }
}
