/// Everything Bunch knows about one model id, from the catalog data file.
public struct ModelInfo: Sendable, Hashable {
    /// Flash models are fast and cheap; pro models render text and detail better.
    public enum Tier: String, Sendable, Codable {
        case flash
        case pro
    }

    /// USD per million tokens, at standard and batch prices.
    public struct Rate: Sendable, Hashable, Codable {
        /// The interactive price.
        public var standard: Double
        /// The batch price.
        public var batch: Double
    }

    /// The rates that make up a call's cost.
    public struct Rates: Sendable, Hashable, Codable {
        /// Image output tokens.
        public var imageOutput: Rate
        /// Text and thinking output tokens.
        public var textOutput: Rate
        /// Input tokens, text and images.
        public var input: Rate

        enum CodingKeys: String, CodingKey {
            case imageOutput = "image_output"
            case textOutput = "text_output"
            case input
        }
    }

    /// The id sent on the wire.
    public var id: String
    /// The marketing name ("Nano Banana Pro").
    public var brand: String
    /// Other names that resolve to this id.
    public var aliases: [String]
    /// Flash or pro.
    public var tier: Tier
    /// The reported retirement date (`YYYY-MM-DD`), if any.
    public var retires: String?
    /// A remark about the figures or the date.
    public var notes: String?
    /// Accepted aspect ratios (`4:5`).
    public var aspectRatios: [String]
    /// Accepted image sizes (`512`, `1K` …); empty for a model with a single size.
    public var imageSizes: [String]
    /// The size used when none is given; nil for a single-size model.
    public var defaultImageSize: String?
    /// Output tokens per image by size (key "" for a single-size model).
    public var imageTokens: [String: Int]
    /// Pixel dimensions by size (key "" for a single-size model), then by ratio.
    public var pixels: [String: [String: PixelSize]]
    /// Prices.
    public var rates: Rates
    /// Input tokens one reference image costs, where documented.
    public var inputImageTokens: Int?
    /// The most reference images one request may carry.
    public var maxReferenceImages: Int
    /// Whether the model always thinks (thinking tokens are billed).
    public var thinking: Bool

    /// The catalog key for a requested size: "" for single-size models.
    public func sizeKey(_ size: String?) -> String {
        imageSizes.isEmpty ? "" : (size ?? defaultImageSize ?? "")
    }

    /// The pixel size an image of this ratio and size has, if the model offers it.
    public func pixelSize(ratio: String, size: String?) -> PixelSize? {
        pixels[sizeKey(size)]?[ratio]
    }

    /// Output tokens for one image of a size.
    public func tokensPerImage(size: String?) -> Int? {
        imageTokens[sizeKey(size)]
    }

    /// Whether the model is past its reported retirement date on a day (`YYYY-MM-DD`).
    public func isRetired(on day: String) -> Bool {
        guard let retires else { return false }
        return retires <= day
    }
}

/// An image's width and height in pixels.
public struct PixelSize: Sendable, Hashable, CustomStringConvertible {
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int

    /// Creates a size.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Parses `1024x768`.
    public init?(_ text: String) {
        let parts = text.split(separator: "x")
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]), width > 0, height > 0 else {
            return nil
        }
        self.init(width: width, height: height)
    }

    public var description: String { "\(width)x\(height)" }
}
