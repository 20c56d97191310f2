/// Which price list a request is billed at.
public enum PriceTier: String, Sendable {
    case standard
    case batch
}

/// Token counts a generator reports for one call (Gemini's `usageMetadata`).
public struct TokenUsage: Sendable, Hashable, Codable {
    /// Input tokens (text and images).
    public var promptTokens: Int
    /// All candidate tokens, image and text.
    public var candidatesTokens: Int
    /// Thinking tokens, billed at the text-output rate.
    public var thoughtsTokens: Int
    /// The IMAGE share of the candidate tokens.
    public var imageTokens: Int

    /// Creates a usage record.
    public init(promptTokens: Int, candidatesTokens: Int, thoughtsTokens: Int, imageTokens: Int) {
        self.promptTokens = promptTokens
        self.candidatesTokens = candidatesTokens
        self.thoughtsTokens = thoughtsTokens
        self.imageTokens = imageTokens
    }
}

/// Turns tokens into US dollars with the catalog's rates (api-reference §2.5).
public enum CostEstimator {
    /// The cost of a call from its reported usage:
    /// `image × imageRate + (candidates − image + thoughts) × textRate + prompt × inputRate`, per 1e6.
    public static func cost(of usage: TokenUsage, model: ModelInfo, tier: PriceTier = .standard) -> Double {
        let textTokens = max(0, usage.candidatesTokens - usage.imageTokens) + usage.thoughtsTokens
        return (Double(usage.imageTokens) * rate(model.rates.imageOutput, tier)
            + Double(textTokens) * rate(model.rates.textOutput, tier)
            + Double(usage.promptTokens) * rate(model.rates.input, tier)) / 1_000_000
    }

    /// The expected tokens of one request before it is sent: its image output, its prompt text
    /// (about four bytes a token) and its reference images where the catalog prices them.
    public static func estimatedUsage(model: ModelInfo, imageSize: String?, promptBytes: Int, referenceCount: Int)
        -> TokenUsage {
        let image = model.tokensPerImage(size: imageSize) ?? 0
        let prompt = (promptBytes + 3) / 4 + referenceCount * (model.inputImageTokens ?? 0)
        return TokenUsage(promptTokens: prompt, candidatesTokens: image, thoughtsTokens: 0, imageTokens: image)
    }

    private static func rate(_ rate: ModelInfo.Rate, _ tier: PriceTier) -> Double {
        tier == .standard ? rate.standard : rate.batch
    }
}
