import BunchKit
import Foundation

/// The official Gemini REST API: `POST {base}/v1beta/models/{model}:generateContent` with the
/// key in `x-goog-api-key`.
public struct GeminiGenerator: Generator {
    /// The official host; `GEMINI_BASE_URL` overrides it (proxies, gateways, tests).
    public static let defaultBaseURL = "https://generativelanguage.googleapis.com"

    public let name = "gemini"
    public var host: String? { endpoint.host }
    /// The base URL, without a trailing slash.
    public var baseURL: String { endpoint.baseURL }
    private let endpoint: ServiceEndpoint

    /// Creates the generator. The key is only ever put in the request header.
    public init(apiKey: String, baseURL: String = defaultBaseURL, transport: any Transport,
                timeout: Duration = .seconds(300)) {
        endpoint = ServiceEndpoint(baseURL: baseURL, apiKey: apiKey, transport: transport, timeout: timeout)
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
            headers: [("content-type", "application/json"), ("x-goog-api-key", endpoint.apiKey), ("user-agent", "bunch")],
            body: body, timeout: endpoint.timeout)
        switch await endpoint.transport.send(exchange) {
        case .failure(let error):
            return GenerationResult.failure(error.failure).redacted(by: endpoint.redactor)
        case .success(let response):
            return GeminiWire.decode(status: response.status, headers: response.headers, body: response.body)
                .redacted(by: endpoint.redactor)
        }
    }
}
