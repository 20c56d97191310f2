import BunchKit

/// Turns one planned request into a typed result. Implementations: `GeminiGenerator` (the
/// official REST API), `TTAPIGenerator` (the TTAPI gateway) and `PreviewGenerator` (offline).
///
/// A generator never throws: every failure, from a refusal to a dropped connection, is an
/// outcome the scheduler can classify, retry or record.
public protocol Generator: Sendable {
    /// `gemini`, `ttapi` or `preview`, as written in manifests.
    var name: String { get }
    /// The host requests go to (never a key), for manifests; nil for offline generators.
    var host: String? { get }

    /// Generates the images of one request.
    func generate(_ job: GenerationJob) async -> GenerationResult
}

/// What a generator is asked to do: the planned request plus its reference images, loaded.
public struct GenerationJob: Sendable {
    /// The planned request.
    public var request: PlannedRequest
    /// Reference images in the order sent: local files read into memory, or URLs.
    public var references: [ReferenceImage]
    /// The brand palette as `#RRGGBB` (the preview generator paints with it).
    public var palette: [String]
    /// The catalog entry of the request's model.
    public var model: ModelInfo

    /// Creates a job.
    public init(request: PlannedRequest, references: [ReferenceImage], palette: [String], model: ModelInfo) {
        self.request = request
        self.references = references
        self.palette = palette
        self.model = model
    }
}

/// A reference image ready to send.
public enum ReferenceImage: Sendable, Hashable {
    /// Bytes read from a file (or downloaded), with the MIME type sniffed from them.
    case inline(bytes: [UInt8], mimeType: String)
    /// An https URL, for generators that take URLs (TTAPI).
    case url(String)
}

/// One image a generator returned.
public struct GeneratedImage: Sendable, Hashable {
    /// The image's bytes, as returned.
    public var bytes: [UInt8]
    /// What the bytes are (sniffed from them, not taken from the wire).
    public var format: ImageFormat
    /// Width and height read from the image header.
    public var size: PixelSize

    /// Creates an image.
    public init(bytes: [UInt8], format: ImageFormat, size: PixelSize) {
        self.bytes = bytes
        self.format = format
        self.size = size
    }
}

/// Everything one generation produced.
public struct GenerationResult: Sendable {
    /// How it ended.
    public var outcome: GenerationOutcome
    /// The images (non-thought), in order.
    public var images: [GeneratedImage]
    /// Text parts (non-thought), in order.
    public var texts: [String]
    /// Token usage, when the service reported it.
    public var usage: TokenUsage?
    /// The HTTP status of the answer, when there was one.
    public var httpStatus: Int?

    /// Creates a result.
    public init(outcome: GenerationOutcome, images: [GeneratedImage] = [], texts: [String] = [],
                usage: TokenUsage? = nil, httpStatus: Int? = nil) {
        self.outcome = outcome
        self.images = images
        self.texts = texts
        self.usage = usage
        self.httpStatus = httpStatus
    }

    /// A failure with no answer body.
    public static func failure(_ failure: GenerationOutcome.Failure, status: Int? = nil) -> GenerationResult {
        GenerationResult(outcome: .failed(failure), httpStatus: status)
    }
}

/// How a generation ended.
public enum GenerationOutcome: Sendable, Hashable {
    /// One or more images came back.
    case succeeded
    /// Text only: the model answered without drawing (a refusal or a question).
    case refused(String)
    /// A safety or policy block: `promptFeedback.blockReason` or an `IMAGE_*`/`SAFETY`/
    /// `PROHIBITED_CONTENT`/`NO_IMAGE` finish reason. Final, like success.
    case blocked(reason: String)
    /// The request failed.
    case failed(Failure)
    /// A 429 saying there is no quota at all (`limit: 0`): the run must stop.
    case quotaExhausted(String)

    /// Why a request failed, and whether sending it again may help.
    public enum Failure: Sendable, Hashable {
        /// Worth retrying (429, 408, 5xx, timeouts, dropped connections, truncated answers),
        /// after the server's suggested delay when it gave one.
        case retryable(reason: String, after: Duration?)
        /// Sending it again would fail the same way (400, 401, 403, 404).
        case permanent(reason: String)
    }

    /// The manifest's status word: succeeded, refused, blocked or failed.
    public var status: String {
        switch self {
        case .succeeded: "succeeded"
        case .refused: "refused"
        case .blocked: "blocked"
        case .failed, .quotaExhausted: "failed"
        }
    }

    /// A one-line reason for manifests and status.
    public var reason: String? {
        switch self {
        case .succeeded: nil
        case .refused(let text): "refused: " + String(text.prefix(200))
        case .blocked(let reason): reason
        case .failed(.retryable(let reason, _)), .failed(.permanent(let reason)): reason
        case .quotaExhausted(let reason): reason
        }
    }
}
