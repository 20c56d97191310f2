/// A campaign expanded without generating: its counts, its combinations (lazily), a renderer per
/// stage and cost estimates.
public struct CampaignPlan: Sendable {
    /// How the count came about.
    public struct Counts: Sendable, Hashable, Codable {
        /// The raw cartesian product.
        public var product: Int
        /// Product combinations removed by `exclude`.
        public var excluded: Int
        /// Combinations `include` adds.
        public var included: Int
        /// Combinations after exclude and include (before sampling).
        public var combinations: Int
        /// Combinations kept by `sample`, when sampling.
        public var sampled: Int?
        /// Images per combination.
        public var variants: Int
        /// Requests per stage: (sampled or all) combinations × variants.
        public var requests: Int
    }

    /// The estimated size and cost of one stage.
    public struct StageEstimate: Sendable, Hashable, Codable {
        /// Draft or final.
        public var stage: Stage
        /// The model id.
        public var model: String
        /// Requests if every one is sent.
        public var requests: Int
        /// True for finals gated on approvals: the figures are the most it can be.
        public var isUpperBound: Bool
        /// Image output tokens.
        public var imageTokens: Int
        /// Input tokens (prompt text estimated at four bytes a token, plus reference images).
        public var inputTokens: Int
        /// US dollars at standard prices.
        public var usd: Double

        enum CodingKeys: String, CodingKey {
            case stage, model, requests
            case isUpperBound = "upper_bound"
            case imageTokens = "image_tokens"
            case inputTokens = "input_tokens"
            case usd
        }
    }

    /// The resolved campaign.
    public let campaign: ResolvedCampaign
    /// The counts.
    public let counts: Counts
    /// The reference images every request carries.
    public let references: [ReferenceDigest]
    private let sampled: [[Int]]?

    init(campaign: ResolvedCampaign, counts: Counts, references: [ReferenceDigest], sampled: [[Int]]?) {
        self.campaign = campaign
        self.counts = counts
        self.references = references
        self.sampled = sampled
    }

    /// Calls `body` with every combination in expansion order, until it returns false.
    public func forEachCombination(_ body: ([Int]) throws -> Bool) rethrows {
        if let sampled {
            for combination in sampled where try !body(combination) { return }
        } else {
            for combination in CombinationSequence(space: campaign.space) where try !body(combination) { return }
        }
    }

    /// The renderer of a stage.
    public func renderer(for stage: Stage) throws(PlanError) -> RequestRenderer {
        try RequestRenderer(campaign: campaign, stage: stage, references: references)
    }

    /// The first `count` requests of a stage, in order.
    public func firstRequests(_ count: Int, stage: Stage) throws(PlanError) -> [PlannedRequest] {
        let renderer = try renderer(for: stage)
        var result: [PlannedRequest] = []
        let variants = counts.variants
        forEachCombination { combination in
            for variant in 1...variants where result.count < count {
                result.append(renderer.request(for: combination, variant: variant))
            }
            return result.count < count
        }
        return result
    }

    /// Every request of a stage, for callers that need them all (run). Bounded by `limit`.
    public func allRequests(stage: Stage) throws(PlanError) -> [PlannedRequest] {
        try firstRequests(counts.requests, stage: stage)
    }

    /// Streams every request of a stage as JSON lines (`bunch plan --format jsonl`), handing
    /// `write` chunks of about `chunkBytes` in order. Memory stays flat whatever the count.
    public func streamJSONLines(stage: Stage, chunkBytes: Int = 1 << 20, write: ([UInt8]) throws -> Void) throws {
        let renderer = try renderer(for: stage)
        var scratch = RequestRenderer.Scratch()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(chunkBytes + 8192)
        let variants = counts.variants
        try forEachCombination { combination in
            for variant in 1...variants {
                renderer.appendJSONLine(combination, variant: variant, scratch: &scratch, to: &buffer)
            }
            if buffer.count >= chunkBytes {
                try write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
            return true
        }
        if !buffer.isEmpty { try write(buffer) }
    }

    /// Tokens and dollars for a stage if every request is sent.
    public func estimate(_ stage: Stage) throws(PlanError) -> StageEstimate {
        let renderer = try renderer(for: stage)
        let model = renderer.model
        var imageTokens = 0
        var promptBytes = 0
        var rendered = 0
        var prompt: [UInt8] = []
        forEachCombination { combination in
            imageTokens += (model.tokensPerImage(size: renderer.imageSize(combination)) ?? 0) * counts.variants
            if rendered < 64 {
                renderer.renderPrompt(combination, variant: 1, into: &prompt, json: false)
                promptBytes += prompt.count
                rendered += 1
            }
            return true
        }
        let averagePromptBytes = rendered == 0 ? 0 : promptBytes / rendered
        let referenceCount = references.count + (stage == .final && campaign.stage(.final)?.spec.fromDraft == .reference
            && campaign.stage(.draft) != nil ? 1 : 0)
        let perRequest = CostEstimator.estimatedUsage(model: model, imageSize: nil, promptBytes: averagePromptBytes,
                                                      referenceCount: referenceCount)
        let inputTokens = perRequest.promptTokens * counts.requests
        let usage = TokenUsage(promptTokens: inputTokens, candidatesTokens: imageTokens, thoughtsTokens: 0,
                               imageTokens: imageTokens)
        let gated = stage == .final && campaign.stage(.final)?.spec.gate == .approved
        return StageEstimate(stage: stage, model: model.id, requests: counts.requests, isUpperBound: gated,
                             imageTokens: imageTokens, inputTokens: inputTokens,
                             usd: CostEstimator.cost(of: usage, model: model))
    }
}
