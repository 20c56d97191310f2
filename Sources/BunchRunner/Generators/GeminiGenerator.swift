import BunchKit
import Foundation

/// The official Gemini REST API: `POST {base}/v1beta/models/{model}:generateContent` with the
/// key in `x-goog-api-key`.
public struct GeminiGenerator: Generator {
    /// The official host; `GEMINI_BASE_URL` overrides it (proxies, gateways, tests).
    public static let defaultBaseURL = "https://generativelanguage.googleapis.com"

    public let name = "gemini"
    public var host: String? { URL(string: baseURL)?.host }
    /// The base URL, without a trailing slash.
    public let baseURL: String
    private let apiKey: String
    private let transport: any Transport
    private let timeout: Duration
    private let redactor: Redactor

    /// Creates the generator. The key is only ever put in the request header.
    public init(apiKey: String, baseURL: String = defaultBaseURL, transport: any Transport,
                timeout: Duration = .seconds(300)) {
        self.apiKey = apiKey
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.transport = transport
        self.timeout = timeout
        redactor = Redactor(secrets: [apiKey])
    }

    /// The endpoint for a model.
    public func endpoint(model: String) -> String {
        "\(baseURL)/v1beta/models/\(model):generateContent"
    }

    public func generate(_ job: GenerationJob) async -> GenerationResult {
        let request = job.request
        let body = GeminiWire.requestBody(prompt: request.prompt, references: job.references,
                                          aspectRatio: request.aspectRatio, imageSize: request.imageSize)
        let exchange = HTTPRequestData(
            method: "POST", url: endpoint(model: request.model),
            headers: [("content-type", "application/json"), ("x-goog-api-key", apiKey), ("user-agent", "bunch")],
            body: body, timeout: timeout)
        switch await transport.send(exchange) {
        case .failure(let error):
            return GenerationResult.failure(error.failure).redacted(by: redactor)
        case .success(let response):
            return GeminiWire.decode(status: response.status, headers: response.headers, body: response.body)
                .redacted(by: redactor)
        }
    }
}

extension GenerationResult {
    /// The same result with every secret scrubbed from its texts and reasons.
    func redacted(by redactor: Redactor) -> GenerationResult {
        var copy = self
        copy.texts = texts.map(redactor.scrub)
        switch outcome {
        case .refused(let text): copy.outcome = .refused(redactor.scrub(text))
        case .blocked(let reason): copy.outcome = .blocked(reason: redactor.scrub(reason))
        case .failed(.retryable(let reason, let after)):
            copy.outcome = .failed(.retryable(reason: redactor.scrub(reason), after: after))
        case .failed(.permanent(let reason)): copy.outcome = .failed(.permanent(reason: redactor.scrub(reason)))
        case .quotaExhausted(let reason): copy.outcome = .quotaExhausted(redactor.scrub(reason))
        case .succeeded: break
        }
        return copy
    }
}
