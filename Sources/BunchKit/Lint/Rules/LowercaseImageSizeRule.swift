/// `1k` instead of `1K`: the API rejects lowercase sizes.
public struct LowercaseImageSizeRule: LintRule {
    public static let id = "lowercase-image-size"
    public static let summary = "An image size written with a lowercase k, which the API rejects"
    public static let severity = Severity.error
    public static let examples: [RuleExample] = [
        .triggering(["campaigns/c.yaml": "template: basic\nvars: {product: {name: a}}\nstages:\n  draft: {model: nano-banana-2, image_size: ↓1k}\n"]),
        .nonTriggering(["campaigns/c.yaml": "template: basic\nvars: {product: {name: a}}\nstages:\n  draft: {model: nano-banana-2, image_size: 1K}\n"]),
    ]

    public init() {}

    /// Whether a size is an offered size written in lowercase.
    static func isLowercaseForm(_ size: String, of model: ModelInfo) -> Bool {
        size != size.uppercased() && model.imageSizes.contains(size.uppercased())
    }

    public func check(_ subject: LintSubject, context: LintContext) -> [Diagnostic] {
        guard case .campaign(let campaign) = subject else { return [] }
        return campaign.parameterValuesByStage("image_size").filter { Self.isLowercaseForm($0.value, of: $0.model) }
            .map { _, _, size, location in
                Diagnostic(.error, code: Self.id, "image size '\(size)' must use an uppercase K: '\(size.uppercased())'",
                           at: location)
            }
    }
}
