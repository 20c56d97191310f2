/// An image size the stage's model does not offer (a lowercase `k` is its own rule).
public struct UnsupportedImageSizeRule: LintRule {
    public static let id = "unsupported-image-size"
    public static let summary = "An image size the stage's model does not offer, such as 4K on a single-size model"
    public static let severity = Severity.error
    public static let examples: [RuleExample] = [
        .triggering(["campaigns/c.yaml": "template: basic\nvars: {product: {name: a}}\nstages:\n  draft: {model: gemini-2.5-flash-image, image_size: ↓4K}\n"]),
        .triggering(["campaigns/c.yaml": "template: basic\nvars: {product: {name: a}}\nstages:\n  final: {model: nano-banana-pro, image_size: ↓\"512\"}\n"]),
        .nonTriggering(["campaigns/c.yaml": "template: basic\nvars: {product: {name: a}}\nstages:\n  draft: {model: nano-banana-2, image_size: \"512\"}\n  final: {model: nano-banana-pro, image_size: 4K}\n"]),
    ]

    public init() {}

    public func check(_ subject: LintSubject, context: LintContext) -> [Diagnostic] {
        guard case .campaign(let campaign) = subject else { return [] }
        var found: [Diagnostic] = []
        for (stage, model, size, location) in campaign.parameterValuesByStage("image_size")
        where !model.imageSizes.contains(size) && !LowercaseImageSizeRule.isLowercaseForm(size, of: model) {
            var message: String
            if model.imageSizes.isEmpty {
                message = "\(model.id) has a single image size and takes no image_size; remove '\(size)'"
            } else {
                message = "image size '\(size)' is not offered by \(model.id) (\(stage.stage.rawValue) stage); it offers \(model.imageSizes.joined(separator: ", "))"
                if size.hasSuffix("px") { message += " (write 512, not 512px)" }
            }
            found.append(Diagnostic(.error, code: Self.id, message, at: location))
        }
        return found
    }
}
