/// One fully resolved generation. Its id is a hash of exactly what is sent (stage, model id,
/// prompt text, ratio, size, variant and reference hashes), so it is stable across runs and
/// machines and changes whenever anything sent changes.
public struct PlannedRequest: Sendable, Hashable, Codable {
    /// One variable of the combination and the label of its value.
    public struct Variable: Sendable, Hashable {
        /// The variable's name.
        public var name: String
        /// Its value's label (a map's `name` field, or the scalar).
        public var label: String

        /// Creates a variable and its label.
        public init(name: String, label: String) {
            self.name = name
            self.label = label
        }
    }

    /// 32 lower-case hex digits: the first 128 bits of the SHA-256 of the request.
    public var id: String
    /// Draft or final.
    public var stage: Stage
    /// The model id sent on the wire.
    public var model: String
    /// The aspect ratio.
    public var aspectRatio: String
    /// The image size, nil for a single-size model.
    public var imageSize: String?
    /// 1-based variant number.
    public var variant: Int
    /// The axis variables of the combination, in declaration order.
    public var variables: [Variable]
    /// The sanitized file-name stem (`perfume-bottle-wet-basalt-4-5`).
    public var slug: String
    /// The rendered prompt.
    public var prompt: String
    /// The reference images, by content hash.
    public var references: [ReferenceDigest]
    /// For a final sent with its draft as a reference: the draft request's id.
    public var draftID: String?
    /// The row per dimension this request came from (not part of the id).
    public var combination: [Int]

    enum CodingKeys: String, CodingKey {
        case id, stage, model, variant, slug, prompt, references
        case aspectRatio = "aspect_ratio"
        case imageSize = "image_size"
        case variables = "vars"
        case draftID = "draft_id"
    }

    /// Creates a request.
    public init(id: String, stage: Stage, model: String, aspectRatio: String, imageSize: String?, variant: Int,
                variables: [Variable], slug: String, prompt: String, references: [ReferenceDigest], draftID: String?,
                combination: [Int]) {
        self.id = id
        self.stage = stage
        self.model = model
        self.aspectRatio = aspectRatio
        self.imageSize = imageSize
        self.variant = variant
        self.variables = variables
        self.slug = slug
        self.prompt = prompt
        self.references = references
        self.draftID = draftID
        self.combination = combination
    }

    /// Encodes as in `bunch plan --format jsonl`: `vars` is an object of labels by name; the
    /// combination's row indices are internal and not written.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(stage, forKey: .stage)
        try container.encode(model, forKey: .model)
        try container.encode(aspectRatio, forKey: .aspectRatio)
        try container.encode(imageSize, forKey: .imageSize)
        try container.encode(variant, forKey: .variant)
        var labels = container.nestedContainer(keyedBy: NameKey.self, forKey: .variables)
        for variable in variables { try labels.encode(variable.label, forKey: NameKey(variable.name)) }
        try container.encode(slug, forKey: .slug)
        try container.encode(prompt, forKey: .prompt)
        try container.encode(references, forKey: .references)
        try container.encodeIfPresent(draftID, forKey: .draftID)
    }

    /// Decodes what `encode(to:)` writes; variables come back sorted by name and the
    /// combination empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let labels = try container.decode([String: String].self, forKey: .variables)
        self.init(
            id: try container.decode(String.self, forKey: .id), stage: try container.decode(Stage.self, forKey: .stage),
            model: try container.decode(String.self, forKey: .model),
            aspectRatio: try container.decode(String.self, forKey: .aspectRatio),
            imageSize: try container.decodeIfPresent(String.self, forKey: .imageSize),
            variant: try container.decode(Int.self, forKey: .variant),
            variables: labels.keys.sorted().map { Variable(name: $0, label: labels[$0]!) },
            slug: try container.decode(String.self, forKey: .slug), prompt: try container.decode(String.self, forKey: .prompt),
            references: try container.decode([ReferenceDigest].self, forKey: .references),
            draftID: try container.decodeIfPresent(String.self, forKey: .draftID), combination: [])
    }

    private struct NameKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The output folder name: `<slug>--<first 8 of id>`.
    public var folderName: String { "\(slug)--\(id.prefix(8))" }
}

/// A reference image identified by its content.
public struct ReferenceDigest: Sendable, Hashable, Codable {
    /// The path relative to the project root, or the URL.
    public var source: String
    /// SHA-256 of the file's bytes (for URLs: of the URL text, until it is downloaded).
    public var sha256: String
    /// True for an https reference.
    public var isURL: Bool

    enum CodingKeys: String, CodingKey {
        case source, sha256
        case isURL = "is_url"
    }
}
