import Foundation

/// The model catalog: ids, aliases, sizes, pixels, tokens and prices. Lint, plan, cost, budget
/// and the preview generator read it; nothing else hard-codes a model fact.
public struct ModelCatalog: Sendable {
    /// Every model, in the order of the data file.
    public let models: [ModelInfo]
    /// Where the catalog came from ("built-in" or a file path), for messages.
    public let source: String

    /// Creates a catalog from models.
    public init(models: [ModelInfo], source: String) {
        self.models = models
        self.source = source
    }

    /// Resolves an id or alias, case-sensitively as the API does.
    public func model(named name: String) -> ModelInfo? {
        models.first { $0.id == name } ?? models.first { $0.aliases.contains(name) }
    }

    /// Every id and alias, for suggestions.
    public var allNames: [String] {
        models.flatMap { [$0.id] + $0.aliases }
    }

    /// The catalog shipped with Bunch (`Sources/BunchKit/Resources/models.json`).
    public static let builtIn: ModelCatalog = {
        do {
            return try decode(Data(PackageResources.models_json), source: "built-in catalog")
        } catch {
            preconditionFailure("the built-in model catalog is invalid: \(error)")
        }
    }()

    /// Loads a catalog file given with `--models`.
    public static func load(contentsOf url: URL) throws(CatalogError) -> ModelCatalog {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw CatalogError(message: "cannot read model catalog \(url.path)")
        }
        return try decode(data, source: url.path)
    }

    /// Decodes and checks a catalog: every ratio has pixels at every size, aliases are unique.
    public static func decode(_ data: Data, source: String) throws(CatalogError) -> ModelCatalog {
        let file: CatalogFile
        do {
            file = try JSONDecoder().decode(CatalogFile.self, from: data)
        } catch let error as DecodingError {
            throw CatalogError(message: "\(source): \(CatalogError.describe(error))")
        } catch {
            throw CatalogError(message: "\(source): not a model catalog")
        }
        var models: [ModelInfo] = []
        for entry in file.models {
            let base: CatalogFile.Entry
            if let from = entry.figuresFrom {
                guard let found = file.models.first(where: { $0.id == from && $0.figuresFrom == nil }) else {
                    throw CatalogError(message: "\(source): \(entry.id) takes its figures from unknown model \(from)")
                }
                base = found
            } else {
                base = entry
            }
            models.append(try model(entry: entry, figures: base, source: source))
        }
        var seen: Set<String> = []
        for name in models.flatMap({ [$0.id] + $0.aliases }) where !seen.insert(name).inserted {
            throw CatalogError(message: "\(source): the name \(name) is given to more than one model")
        }
        return ModelCatalog(models: models, source: source)
    }

    private static func model(entry: CatalogFile.Entry, figures: CatalogFile.Entry, source: String)
        throws(CatalogError) -> ModelInfo {
        func missing(_ key: String) -> CatalogError {
            CatalogError(message: "\(source): model \(entry.id) has no \(key)")
        }
        guard let ratios = figures.aspectRatios else { throw missing("aspect_ratios") }
        guard let sizes = figures.imageSizes else { throw missing("image_sizes") }
        guard let tokens = figures.imageTokens else { throw missing("image_tokens") }
        guard let rawPixels = figures.pixels else { throw missing("pixels") }
        guard let rates = figures.rates else { throw missing("usd_per_million_tokens") }
        guard let tier = figures.tier else { throw missing("tier") }
        var pixels: [String: [String: PixelSize]] = [:]
        for sizeKey in sizes.isEmpty ? [""] : sizes {
            guard tokens[sizeKey] != nil else { throw missing("image_tokens for size '\(sizeKey)'") }
            for ratio in ratios {
                guard let text = rawPixels[sizeKey]?[ratio], let size = PixelSize(text) else {
                    throw missing("pixels for \(ratio) at size '\(sizeKey)'")
                }
                pixels[sizeKey, default: [:]][ratio] = size
            }
        }
        if let defaultSize = figures.defaultImageSize, !sizes.contains(defaultSize) {
            throw CatalogError(message: "\(source): \(entry.id)'s default size \(defaultSize) is not among its sizes")
        }
        return ModelInfo(
            id: entry.id, brand: entry.brand ?? figures.brand ?? entry.id, aliases: entry.aliases ?? [], tier: tier,
            retires: entry.retires, notes: entry.notes, aspectRatios: ratios, imageSizes: sizes,
            defaultImageSize: figures.defaultImageSize, imageTokens: tokens, pixels: pixels, rates: rates,
            inputImageTokens: figures.inputImageTokens, maxReferenceImages: figures.maxReferenceImages ?? 14,
            thinking: figures.thinking ?? false)
    }
}

/// A catalog file that cannot be used.
public struct CatalogError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, naming the file.
    public let message: String
    public var description: String { message }

    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing key '\(key.stringValue)' at \(path(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type at \(path(context.codingPath))"
        case .dataCorrupted(let context): return "invalid JSON at \(path(context.codingPath))"
        @unknown default: return "invalid catalog"
        }
    }
}

/// The JSON shape of the catalog data file.
private struct CatalogFile: Decodable {
    struct Entry: Decodable {
        var id: String
        var figuresFrom: String?
        var brand: String?
        var aliases: [String]?
        var tier: ModelInfo.Tier?
        var retires: String?
        var notes: String?
        var aspectRatios: [String]?
        var imageSizes: [String]?
        var defaultImageSize: String?
        var imageTokens: [String: Int]?
        var pixels: [String: [String: String]]?
        var rates: ModelInfo.Rates?
        var inputImageTokens: Int?
        var maxReferenceImages: Int?
        var thinking: Bool?

        enum CodingKeys: String, CodingKey {
            case id, brand, aliases, tier, retires, notes, pixels, thinking
            case figuresFrom = "figures_from"
            case aspectRatios = "aspect_ratios"
            case imageSizes = "image_sizes"
            case defaultImageSize = "default_image_size"
            case imageTokens = "image_tokens"
            case rates = "usd_per_million_tokens"
            case inputImageTokens = "input_image_tokens"
            case maxReferenceImages = "max_reference_images"
        }
    }

    var models: [Entry]
}
