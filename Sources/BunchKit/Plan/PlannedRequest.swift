/// One fully resolved generation. Its id is a hash of exactly what is sent (stage, model id,
/// prompt text, ratio, size, variant and reference hashes), so it is stable across runs and
/// machines and changes whenever anything sent changes.
public struct PlannedRequest: Sendable, Hashable, Codable {
    /// One variable of the combination and the label of its value.
    public struct Variable: Sendable, Hashable, Codable {
        /// The variable's name.
        public var name: String
        /// Its value's label (a map's `name` field, or the scalar).
        public var label: String
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
        case id, stage, model, variant, slug, prompt, references, combination
        case aspectRatio = "aspect_ratio"
        case imageSize = "image_size"
        case variables = "vars"
        case draftID = "draft_id"
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
