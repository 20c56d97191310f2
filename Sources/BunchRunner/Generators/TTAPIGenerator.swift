import BunchKit
import Foundation

/// The TTAPI gateway: a synchronous `POST {base}/gemini/image/generate` with `TT-API-KEY`,
/// then a GET of `data.image_url` (checked to be an image by its bytes). References must be
/// https URLs: TTAPI takes no uploads.
public struct TTAPIGenerator: Generator {
    /// The host TTAPI recommends for long synchronous image calls; `TTAPI_BASE_URL` overrides it.
    public static let defaultBaseURL = "https://api.ttapi.org"

    public let name = "ttapi"
    public var host: String? { endpoint.host }
    /// The base URL, without a trailing slash.
    public var baseURL: String { endpoint.baseURL }
    private let endpoint: ServiceEndpoint

    /// Creates the generator. The key is only ever put in the generate call's header, never in
    /// the image download.
    public init(apiKey: String, baseURL: String = defaultBaseURL, transport: any Transport,
                timeout: Duration = .seconds(600)) {
        endpoint = ServiceEndpoint(baseURL: baseURL, apiKey: apiKey, transport: transport, timeout: timeout)
    }

    public func generate(_ job: GenerationJob) async -> GenerationResult {
        let request = job.request
        let urls = job.references.compactMap { reference -> String? in
            if case .url(let url) = reference { return url }
            return nil
        }
        let body = TTAPIWire.requestBody(model: request.model, prompt: request.prompt, referenceURLs: urls,
                                         aspectRatio: request.aspectRatio, imageSize: request.imageSize)
        let call = HTTPRequestData(method: "POST", url: "\(baseURL)/gemini/image/generate",
                                   headers: [("content-type", "application/json"), ("TT-API-KEY", endpoint.apiKey),
                                             ("user-agent", "bunch")],
                                   body: body, timeout: endpoint.timeout)
        let answer: HTTPResponseData
        switch await endpoint.transport.send(call) {
        case .failure(let error): return GenerationResult.failure(error.failure).redacted(by: endpoint.redactor)
        case .success(let response): answer = response
        }
        let imageURL: String
        switch TTAPIWire.decode(status: answer.status, headers: answer.headers, body: answer.body) {
        case .failed(let outcome): return GenerationResult(outcome: outcome, httpStatus: answer.status).redacted(by: endpoint.redactor)
        case .imageURL(let url): imageURL = url
        }
        let download = HTTPRequestData(method: "GET", url: imageURL, headers: [("user-agent", "bunch")], timeout: endpoint.timeout)
        switch await endpoint.transport.send(download) {
        case .failure(let error):
            return GenerationResult.failure(error.failure).redacted(by: endpoint.redactor)
        case .success(let response) where response.status != 200:
            let failure: GenerationOutcome.Failure = response.status >= 500 || response.status == 429
                ? .retryable(reason: "image download answered HTTP \(response.status)", after: nil)
                : .permanent(reason: "image download answered HTTP \(response.status)")
            return .failure(failure, status: response.status)
        case .success(let response):
            guard let (format, size) = ImageSniffer.sniff(response.body) else {
                return .failure(.retryable(reason: "the downloaded file is not an image", after: nil), status: 200)
            }
            // TTAPI reports no tokens; the catalog's figure for one image stands in, so budgets hold.
            let tokens = job.model.tokensPerImage(size: request.imageSize) ?? 0
            return GenerationResult(
                outcome: .succeeded, images: [GeneratedImage(bytes: response.body, format: format, size: size)],
                usage: TokenUsage(promptTokens: 0, candidatesTokens: tokens, thoughtsTokens: 0, imageTokens: tokens),
                httpStatus: 200)
        }
    }
}
