import Crypto

/// Turns combinations into requests for one stage. Everything that does not depend on the
/// combination is prepared once as bytes (literal prompt runs, JSON-escaped twins, value tables
/// per axis row), so rendering a request is concatenation plus one SHA-256.
public struct RequestRenderer: Sendable {
    /// The stage rendered.
    public let stage: Stage
    /// The stage's model.
    public let model: ModelInfo
    /// The reference images every request of this stage carries (the draft is added per request).
    public let references: [ReferenceDigest]

    private let pieces: [Piece]
    private let namePieces: [Piece]?
    private let slots: [SlotSource]
    private let ratio: ParameterSource
    private let size: ParameterSource
    private let columns: [Column]
    private let hashHeader: [UInt8]
    private let hashReferences: [UInt8]
    private let referencesJSON: [UInt8]
    private let lineHeader: [UInt8]
    private let draft: DraftLink?

    enum Piece: Sendable {
        case literal(raw: [UInt8], json: [UInt8])
        case slot(Int)
    }

    enum SlotSource: Sendable {
        case fixed(raw: [UInt8], json: [UInt8])
        case axis(dimension: Int, raw: [[UInt8]], json: [[UInt8]])
        case variant
    }

    enum ParameterSource: Sendable {
        case fixed(String?)
        case axis(dimension: Int, values: [String?])

        func value(_ combination: [Int]) -> String? {
            switch self {
            case .fixed(let value): value
            case .axis(let dimension, let values): values[combination[dimension]]
            }
        }
    }

    /// One axis variable as it appears in `vars`, the table and the default slug.
    struct Column: Sendable {
        var name: String
        var dimension: Int
        var labels: [String]
        var labelsJSON: [[UInt8]]
        var slugs: [[UInt8]]
        var nameJSON: [UInt8]
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

        ratio = Self.parameter("aspect_ratio", campaign: campaign, stageValue: resolved.spec.aspectRatio?.value,
                               fallback: "1:1")
        let sizeSource = Self.parameter("image_size", campaign: campaign, stageValue: resolved.spec.imageSize?.value,
                                        fallback: model.defaultImageSize)
        size = model.imageSizes.isEmpty ? .fixed(nil) : sizeSource

        var slotIndex: [String: Int] = [:]
        var slots: [SlotSource] = []
        let ratio = self.ratio
        let size = self.size
        func slot(for placeholder: Placeholder) -> Int {
            let key = placeholder.variable + "." + (placeholder.field ?? "")
            if let existing = slotIndex[key] { return existing }
            slots.append(Self.source(for: placeholder, campaign: campaign, stage: stage, model: model,
                                     ratio: ratio, size: size))
            slotIndex[key] = slots.count - 1
            return slots.count - 1
        }
        pieces = Self.program(composed, slot: slot)
        namePieces = campaign.namePattern.map { Self.pieces(of: $0, slot: slot) }
        self.slots = slots

        columns = campaign.space.dimensions.enumerated().flatMap { dimension, info in
            info.variables.enumerated().map { member, name in
                let labels = info.rows.map { $0[member].label }
                return Column(name: name, dimension: dimension, labels: labels, labelsJSON: labels.map(ByteText.jsonEscaped),
                              slugs: labels.map { label in
                                  var out: [UInt8] = []
                                  SlugSanitizer.sanitize(Array(label.utf8), into: &out)
                                  return out
                              }, nameJSON: ByteText.jsonEscaped(name))
            }
        }
        hashHeader = Array("bunch-request/1\n\(stage.rawValue)\n\(model.id)\n".utf8)
        hashReferences = Array(references.map { $0.sha256 + "\n" }.joined().utf8)
        var referencesJSON: [UInt8] = []
        for (index, reference) in references.enumerated() {
            if index > 0 { referencesJSON.append(UInt8(ascii: ",")) }
            referencesJSON += Array("{\"source\":\"".utf8) + ByteText.jsonEscaped(reference.source)
                + Array("\",\"sha256\":\"\(reference.sha256)\",\"is_url\":\(reference.isURL)}".utf8)
        }
        self.referencesJSON = referencesJSON
        lineHeader = Array("\"stage\":\"\(stage.rawValue)\",\"model\":\"".utf8) + ByteText.jsonEscaped(model.id)
        if stage == .final, resolved.spec.fromDraft == .reference, campaign.stage(.draft) != nil {
            draft = DraftLink(try RequestRenderer(campaign: campaign, stage: .draft, references: references))
        } else {
            draft = nil
        }
    }

    // MARK: - Rendering

    /// Reusable buffers, so rendering a million requests allocates nothing per request.
    public struct Scratch: Sendable {
        var prompt: [UInt8] = []
        var id: [UInt8] = []
        var draftID: [UInt8] = []
        var draftPrompt: [UInt8] = []
        var number: [UInt8] = []

        /// Creates empty buffers.
        public init() {
            prompt.reserveCapacity(4096)
            draftPrompt.reserveCapacity(4096)
        }
    }

    /// The aspect ratio of a combination.
    public func aspectRatio(_ combination: [Int]) -> String { ratio.value(combination) ?? "1:1" }

    /// The image size of a combination (nil for a single-size model).
    public func imageSize(_ combination: [Int]) -> String? { size.value(combination) }

    /// Renders the prompt bytes of a combination into `out`.
    func renderPrompt(_ combination: [Int], variant: Int, into out: inout [UInt8], json: Bool) {
        out.removeAll(keepingCapacity: true)
        for piece in pieces {
            switch piece {
            case .literal(let raw, let escaped): out.append(contentsOf: json ? escaped : raw)
            case .slot(let index): appendSlot(index, combination: combination, variant: variant, into: &out, json: json)
            }
        }
    }

    private func appendSlot(_ index: Int, combination: [Int], variant: Int, into out: inout [UInt8], json: Bool) {
        switch slots[index] {
        case .fixed(let raw, let escaped): out.append(contentsOf: json ? escaped : raw)
        case .axis(let dimension, let raw, let escaped):
            out.append(contentsOf: json ? escaped[combination[dimension]] : raw[combination[dimension]])
        case .variant: ByteText.appendDecimal(variant, to: &out)
        }
    }

    /// Computes the id (32 hex bytes) of a rendered prompt.
    func computeID(_ combination: [Int], variant: Int, prompt: [UInt8], draftID: [UInt8], into out: inout [UInt8]) {
        var hasher = SHA256()
        hasher.update(data: hashHeader)
        var line: [UInt8] = []
        line.reserveCapacity(32)
        line.append(contentsOf: aspectRatio(combination).utf8)
        line.append(UInt8(ascii: "\n"))
        line.append(contentsOf: (imageSize(combination) ?? "-").utf8)
        line.append(UInt8(ascii: "\n"))
        ByteText.appendDecimal(variant, to: &line)
        line.append(UInt8(ascii: "\n"))
        hasher.update(data: line)
        hasher.update(data: hashReferences)
        if !draftID.isEmpty {
            hasher.update(data: Array("draft:".utf8))
            hasher.update(data: draftID)
        }
        hasher.update(data: [UInt8(ascii: "\n")])
        hasher.update(data: prompt)
        out.removeAll(keepingCapacity: true)
        ByteText.appendHex(hasher.finalize().prefix(16), to: &out)
    }

    private func render(_ combination: [Int], variant: Int, scratch: inout Scratch) {
        scratch.draftID.removeAll(keepingCapacity: true)
        if let draft {
            draft.renderer.renderPrompt(combination, variant: variant, into: &scratch.draftPrompt, json: false)
            draft.renderer.computeID(combination, variant: variant, prompt: scratch.draftPrompt, draftID: [],
                                     into: &scratch.draftID)
        }
        renderPrompt(combination, variant: variant, into: &scratch.prompt, json: false)
        computeID(combination, variant: variant, prompt: scratch.prompt, draftID: scratch.draftID, into: &scratch.id)
    }

    /// The slug of a combination: the `name:` pattern, or the axis labels joined by `-`.
    func slug(_ combination: [Int], variant: Int) -> String {
        var out: [UInt8] = []
        appendSlug(combination, variant: variant, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the slug's bytes; they need no JSON escaping, being `[a-z0-9._-]` only.
    private func appendSlug(_ combination: [Int], variant: Int, to out: inout [UInt8]) {
        let start = out.count
        if let namePieces {
            var raw: [UInt8] = []
            for piece in namePieces {
                switch piece {
                case .literal(let bytes, _): raw += bytes
                case .slot(let index): appendSlot(index, combination: combination, variant: variant, into: &raw, json: false)
                }
            }
            SlugSanitizer.sanitize(raw, into: &out)
        } else {
            for column in columns {
                let slug = column.slugs[combination[column.dimension]]
                if slug.isEmpty { continue }
                if out.count > start { out.append(UInt8(ascii: "-")) }
                out += slug
            }
            if out.count - start > SlugSanitizer.maximumLength {
                let clipped = Array(out[start..<(start + SlugSanitizer.maximumLength)])
                out.removeSubrange(start...)
                SlugSanitizer.sanitize(clipped, into: &out)
            }
        }
        if out.count == start { out.append(contentsOf: "request".utf8) }
    }

    /// The full request for a combination and variant.
    public func request(for combination: [Int], variant: Int) -> PlannedRequest {
        var scratch = Scratch()
        render(combination, variant: variant, scratch: &scratch)
        return PlannedRequest(
            id: String(decoding: scratch.id, as: UTF8.self), stage: stage, model: model.id,
            aspectRatio: aspectRatio(combination), imageSize: imageSize(combination), variant: variant,
            variables: columns.map { .init(name: $0.name, label: $0.labels[combination[$0.dimension]]) },
            slug: slug(combination, variant: variant), prompt: String(decoding: scratch.prompt, as: UTF8.self),
            references: references,
            draftID: scratch.draftID.isEmpty ? nil : String(decoding: scratch.draftID, as: UTF8.self),
            combination: combination)
    }

    /// Appends one JSON line for a request (`--format jsonl`), reusing `scratch`.
    public func appendJSONLine(_ combination: [Int], variant: Int, scratch: inout Scratch, to out: inout [UInt8]) {
        render(combination, variant: variant, scratch: &scratch)
        out.append(contentsOf: "{\"id\":\"".utf8)
        out += scratch.id
        out.append(contentsOf: "\",".utf8)
        out += lineHeader
        out.append(contentsOf: "\",\"aspect_ratio\":\"".utf8)
        out += Array(aspectRatio(combination).utf8)
        out.append(contentsOf: "\",\"image_size\":".utf8)
        if let size = imageSize(combination) {
            out.append(UInt8(ascii: "\""))
            out += Array(size.utf8)
            out.append(UInt8(ascii: "\""))
        } else {
            out.append(contentsOf: "null".utf8)
        }
        out.append(contentsOf: ",\"variant\":".utf8)
        ByteText.appendDecimal(variant, to: &out)
        out.append(contentsOf: ",\"vars\":{".utf8)
        for (index, column) in columns.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\""))
            out += column.nameJSON
            out.append(contentsOf: "\":\"".utf8)
            out += column.labelsJSON[combination[column.dimension]]
            out.append(UInt8(ascii: "\""))
        }
        out.append(contentsOf: "},\"slug\":\"".utf8)
        appendSlug(combination, variant: variant, to: &out)
        out.append(contentsOf: "\",\"prompt\":\"".utf8)
        renderPrompt(combination, variant: variant, into: &scratch.prompt, json: true)
        out += scratch.prompt
        out.append(contentsOf: "\",\"references\":[".utf8)
        out += referencesJSON
        out.append(contentsOf: "]".utf8)
        if !scratch.draftID.isEmpty {
            out.append(contentsOf: ",\"draft_id\":\"".utf8)
            out += scratch.draftID
            out.append(UInt8(ascii: "\""))
        }
        out.append(contentsOf: "}\n".utf8)
    }
}
