/// An `avoid` list so long the model stops weighing it.
public struct OverlongAvoidRule: LintRule {
    public static let id = "overlong-avoid"
    public static let summary = "An avoid list longer than 12 items, which dilutes every item in it"
    public static let severity = Severity.warning
    /// The longest list that passes.
    public static let maximumItems = 12
    public static let examples: [RuleExample] = [
        .triggering(["templates/t.yaml": "sections: {subject: x}\navoid: [↓a, b, c, d, e, f, g, h, i, j, k, l, m]\n"]),
        .nonTriggering(["templates/t.yaml": "sections: {subject: x}\navoid: [blurry, distorted proportions]\n"]),
    ]

    public init() {}

    public func check(_ subject: LintSubject, context: LintContext) -> [Diagnostic] {
        guard case .template(let spec, let composed) = subject, !spec.avoid.isEmpty, composed.avoid.count > Self.maximumItems else { return [] }
        let position = spec.avoid.first?.position ?? spec.position
        return [Diagnostic(.warning, code: Self.id,
                           "avoid lists \(composed.avoid.count) items; keep it to \(Self.maximumItems) or fewer, or move them into constraints",
                           at: spec.file.location(position))]
    }
}
