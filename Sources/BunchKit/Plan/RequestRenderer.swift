import Crypto

/// Turns combinations into requests for one stage. Everything that does not depend on the
/// combination is prepared once as byte programs (the prompt, the hash header, the slug and the
/// whole JSON line), so rendering a request is range copies plus one SHA-256.
public struct RequestRenderer: Sendable {
    /// The stage rendered.
    public let stage: Stage
    /// The stage's model.
    public let model: ModelInfo
    /// The reference images every request of this stage carries (the draft is added per request).
    public let references: [ReferenceDigest]

    private let ratio: ParameterSource
    private let size: ParameterSource
    private let columns: [Column]
    private let prompt: ByteProgram
    private let slugSource: ByteProgram
    private let hashHeader: ByteProgram
    private let line: ByteProgram
    private let draft: DraftLink?

    /// Where a request parameter's value comes from.
    enum ParameterSource: Sendable {
        case fixed(String?)
        case axis(dimension: Int, values: [String?])

        func value(_ combination: [Int]) -> String? {
            switch self {
            case .fixed(let value): value
            case .axis(let dimension, let values): values[combination[dimension]]
            }
        }

        /// Appends the value to a program: `none` stands for a missing value. With `quoted`, the
        /// value is wrapped in JSON quotes (which are syntax, not text, in both forms).
        func append(to program: inout ByteProgram, none: String, quoted: Bool) {
            let quote: [UInt8] = quoted ? [UInt8(ascii: "\"")] : []
            switch self {
            case .fixed(let value?):
                program.bytes(raw: quote, json: quote)
                program.text(value)
                program.bytes(raw: quote, json: quote)
            case .fixed(nil):
                program.bytes(raw: Array(none.utf8), json: Array(none.utf8))
            case .axis(let dimension, let values):
                program.bytes(raw: quote, json: quote)
                program.row(dimension: dimension, texts: values.map { $0 ?? none })
                program.bytes(raw: quote, json: quote)
            }
        }
    }

    /// One axis variable as it appears in `vars` and the table.
    struct Column: Sendable {
        var name: String
        var dimension: Int
        var labels: [String]
    }

    final class DraftLink: Sendable {
        let renderer: RequestRenderer
        init(_ renderer: RequestRenderer) { self.renderer = renderer }
    }

    /// Prepares a stage of a resolved campaign.
    public init(campaign: ResolvedCampaign, stage: Stage, references: [ReferenceDigest]) throws(PlanError) {
        guard let composed = campaign.composed else {
            throw .unknownTemplate(campaign.spec.template?.value ?? "")
        }
        guard let resolved = campaign.stage(stage) else { throw .missingStage(stage) }
        guard let model = resolved.model else { throw .unknownModel(resolved.spec.model?.value ?? "") }
        self.stage = stage
        self.model = model
        self.references = references
        let ratio = Self.parameter("aspect_ratio", campaign: campaign, stageValue: resolved.spec.aspectRatio?.value,
                                   fallback: "1:1")
        let sizeSource = Self.parameter("image_size", campaign: campaign, stageValue: resolved.spec.imageSize?.value,
                                        fallback: model.defaultImageSize)
        let size: ParameterSource = model.imageSizes.isEmpty ? .fixed(nil) : sizeSource
        self.ratio = ratio
        self.size = size
        let values = ValueSources(campaign: campaign, stage: stage, model: model, ratio: ratio, size: size)
        prompt = Self.promptProgram(composed, values: values)
        columns = campaign.space.dimensions.enumerated().flatMap { dimension, info in
            info.variables.enumerated().map { member, name in
                Column(name: name, dimension: dimension, labels: info.rows.map { $0[member].label })
            }
        }
        slugSource = campaign.namePattern.map { Self.program(of: $0, values: values) }
            ?? Self.defaultSlugProgram(columns)
        let draft: DraftLink? = if stage == .final, resolved.spec.fromDraft == .reference, campaign.stage(.draft) != nil {
            DraftLink(try RequestRenderer(campaign: campaign, stage: .draft, references: references))
        } else {
            nil
        }
        self.draft = draft
        hashHeader = Self.hashHeaderProgram(stage: stage, model: model, ratio: ratio, size: size, references: references,
                                            hasDraft: draft != nil)
        line = Self.lineProgram(stage: stage, model: model, ratio: ratio, size: size, columns: columns,
                                references: references, hasDraft: draft != nil)
    }

    // MARK: - Rendering

    /// Reusable buffers, so rendering a million requests allocates nothing per request.
    public struct Scratch: Sendable {
        var prompt: [UInt8] = []
        var jsonPrompt: [UInt8] = []
        var id: [UInt8] = []
        var draftID: [UInt8] = []
        var draftPrompt: [UInt8] = []
        var hashLine: [UInt8] = []
        var slugSource: [UInt8] = []
        var slug: [UInt8] = []

        /// Creates empty buffers.
        public init() {
            prompt.reserveCapacity(4096)
            jsonPrompt.reserveCapacity(4096)
            draftPrompt.reserveCapacity(4096)
        }
    }

    /// The aspect ratio of a combination.
    public func aspectRatio(_ combination: [Int]) -> String { ratio.value(combination) ?? "1:1" }

    /// The image size of a combination (nil for a single-size model).
    public func imageSize(_ combination: [Int]) -> String? { size.value(combination) }

    /// Renders the prompt bytes of a combination into `out`, replacing its contents.
    func renderPrompt(_ combination: [Int], variant: Int, into out: inout [UInt8], json: Bool) {
        out.removeAll(keepingCapacity: true)
        prompt.render(combination, variant: variant, json: json, into: &out)
    }

    /// Computes the id (32 hex bytes): SHA-256 over the header (stage, model, ratio, size,
    /// variant, reference hashes, draft id) and then the prompt.
    private func computeID(_ combination: [Int], variant: Int, prompt: [UInt8], draftID: [UInt8],
                           line: inout [UInt8], into out: inout [UInt8]) {
        line.removeAll(keepingCapacity: true)
        hashHeader.render(combination, variant: variant, json: false, draftID: draftID, into: &line)
        var hasher = SHA256()
        line.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        prompt.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        out.removeAll(keepingCapacity: true)
        hasher.finalize().withUnsafeBytes { digest in
            ByteText.appendHex(digest.prefix(16), to: &out)
        }
    }

    private func render(_ combination: [Int], variant: Int, scratch: inout Scratch) {
        scratch.draftID.removeAll(keepingCapacity: true)
        if let draft {
            draft.renderer.renderPrompt(combination, variant: variant, into: &scratch.draftPrompt, json: false)
            draft.renderer.computeID(combination, variant: variant, prompt: scratch.draftPrompt, draftID: [],
                                     line: &scratch.hashLine, into: &scratch.draftID)
        }
        renderPrompt(combination, variant: variant, into: &scratch.prompt, json: false)
        computeID(combination, variant: variant, prompt: scratch.prompt, draftID: scratch.draftID,
                  line: &scratch.hashLine, into: &scratch.id)
        scratch.slugSource.removeAll(keepingCapacity: true)
        slugSource.render(combination, variant: variant, json: false, into: &scratch.slugSource)
        scratch.slug.removeAll(keepingCapacity: true)
        SlugSanitizer.sanitize(scratch.slugSource, into: &scratch.slug)
        if scratch.slug.isEmpty { scratch.slug.append(contentsOf: "request".utf8) }
    }

    /// The full request for a combination and variant.
    public func request(for combination: [Int], variant: Int) -> PlannedRequest {
        var scratch = Scratch()
        render(combination, variant: variant, scratch: &scratch)
        return PlannedRequest(
            id: String(decoding: scratch.id, as: UTF8.self), stage: stage, model: model.id,
            aspectRatio: aspectRatio(combination), imageSize: imageSize(combination), variant: variant,
            variables: columns.map { .init(name: $0.name, label: $0.labels[combination[$0.dimension]]) },
            slug: String(decoding: scratch.slug, as: UTF8.self), prompt: String(decoding: scratch.prompt, as: UTF8.self),
            references: references,
            draftID: scratch.draftID.isEmpty ? nil : String(decoding: scratch.draftID, as: UTF8.self),
            combination: combination)
    }

    /// Appends one JSON line for a request (`--format jsonl`), reusing `scratch`.
    public func appendJSONLine(_ combination: [Int], variant: Int, scratch: inout Scratch, to out: inout [UInt8]) {
        render(combination, variant: variant, scratch: &scratch)
        renderPrompt(combination, variant: variant, into: &scratch.jsonPrompt, json: true)
        line.render(combination, variant: variant, json: true, id: scratch.id, prompt: scratch.jsonPrompt,
                    slug: scratch.slug, draftID: scratch.draftID, into: &out)
    }
}
