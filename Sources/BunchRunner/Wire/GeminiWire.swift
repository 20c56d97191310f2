import BunchKit
import Foundation

/// The Gemini `generateContent` wire format (api-reference §1), as pure functions over bytes.
public enum GeminiWire {
    /// The request body for one planned request: reference images as `inlineData` parts, then
    /// the prompt text; `responseModalities` and `imageConfig` with the aspect ratio, and the
    /// image size only for models that take one.
    public static func requestBody(prompt: String, references: [ReferenceImage], aspectRatio: String,
                                   imageSize: String?) -> [UInt8] {
        var parts: [String] = []
        for reference in references {
            guard case .inline(let bytes, let mimeType) = reference else { continue }
            parts.append(JSONText.object([("inlineData", JSONText.object([
                ("mimeType", JSONText.string(mimeType)), ("data", JSONText.string(Data(bytes).base64EncodedString())),
            ]))]))
        }
        parts.append(JSONText.object([("text", JSONText.string(prompt))]))
        var imageConfig = [("aspectRatio", JSONText.string(aspectRatio))]
        if let imageSize { imageConfig.append(("imageSize", JSONText.string(imageSize))) }
        let body = JSONText.object([
            ("contents", JSONText.array([JSONText.object([("role", JSONText.string("user")),
                                                          ("parts", JSONText.array(parts))])])),
            ("generationConfig", JSONText.object([
                ("responseModalities", JSONText.array([JSONText.string("TEXT"), JSONText.string("IMAGE")])),
                ("imageConfig", JSONText.object(imageConfig)),
            ])),
        ])
        return Array(body.utf8)
    }

    /// Finish reasons that mean the image was withheld or not produced.
    static let blockingFinishReasons: Set<String> = [
        "IMAGE_SAFETY", "IMAGE_PROHIBITED_CONTENT", "IMAGE_RECITATION", "IMAGE_OTHER", "SAFETY", "PROHIBITED_CONTENT",
        "NO_IMAGE", "RECITATION", "BLOCKLIST", "SPII",
    ]

    /// Reads an answer: a 200 by the decision table of §1.5, anything else as an error envelope.
    public static func decode(status: Int, headers: [(String, String)], body: [UInt8]) -> GenerationResult {
        guard status == 200 else { return decodeError(status: status, headers: headers, body: body) }
        let response: Response
        do {
            response = try JSONDecoder().decode(Response.self, from: Data(body))
        } catch {
            return .failure(.retryable(reason: "the answer was not complete JSON (\(body.count) bytes)", after: nil),
                            status: status)
        }
        let usage = response.usageMetadata.map { $0.tokenUsage }
        guard let candidate = response.candidates?.first else {
            if let block = response.promptFeedback?.blockReason {
                let detail = response.promptFeedback?.blockReasonMessage.map { ": \($0)" } ?? ""
                return GenerationResult(outcome: .blocked(reason: "prompt blocked (\(block))\(detail)"), usage: usage,
                                        httpStatus: status)
            }
            return GenerationResult(outcome: .failed(.retryable(reason: "the answer had no candidates", after: nil)),
                                    usage: usage, httpStatus: status)
        }
        let parts = (candidate.content?.parts ?? []).filter { $0.thought != true }
        let texts = parts.compactMap(\.text).filter { !$0.isEmpty }
        var images: [GeneratedImage] = []
        for part in parts {
            guard let blob = part.inlineData, blob.mimeType?.hasPrefix("image/") ?? true else { continue }
            guard let data = Data(base64Encoded: blob.data, options: .ignoreUnknownCharacters),
                  let (format, size) = ImageSniffer.sniff([UInt8](data)) else {
                return GenerationResult(outcome: .failed(.retryable(reason: "an image part is not a valid image", after: nil)),
                                        texts: texts, usage: usage, httpStatus: status)
            }
            images.append(GeneratedImage(bytes: [UInt8](data), format: format, size: size))
        }
        var resolvedUsage = usage
        if var reported = resolvedUsage, reported.imageTokens == 0, !images.isEmpty,
           response.usageMetadata?.candidatesTokensDetails == nil {
            reported.imageTokens = reported.candidatesTokens
            resolvedUsage = reported
        }
        if !images.isEmpty {
            return GenerationResult(outcome: .succeeded, images: images, texts: texts, usage: resolvedUsage, httpStatus: status)
        }
        let finish = candidate.finishReason ?? "FINISH_REASON_UNSPECIFIED"
        if blockingFinishReasons.contains(finish) {
            return GenerationResult(outcome: .blocked(reason: "no image (\(finish))"), texts: texts, usage: usage,
                                    httpStatus: status)
        }
        if finish == "STOP", !texts.isEmpty {
            return GenerationResult(outcome: .refused(texts.joined(separator: "\n")), texts: texts, usage: usage,
                                    httpStatus: status)
        }
        return GenerationResult(outcome: .failed(.permanent(reason: "no image and no explanation (finish reason \(finish))")),
                                texts: texts, usage: usage, httpStatus: status)
    }

    /// Reads `{"error":{code,message,status,details}}` and classifies the status (§1.9–§1.10).
    static func decodeError(status: Int, headers: [(String, String)], body: [UInt8]) -> GenerationResult {
        let envelope = try? JSONDecoder().decode(ErrorEnvelope.self, from: Data(body))
        let message = envelope?.error.message ?? "HTTP \(status) with no error body"
        let statusName = envelope?.error.status.map { " \($0)" } ?? ""
        let reason = "HTTP \(status)\(statusName): \(message.prefix(500))"
        let retryAfter = HTTPRetryAfter.parse(headers)
        switch status {
        case 429:
            let noQuota = message.contains("limit: 0")
                || (envelope?.error.details ?? []).contains { $0.violations?.contains { $0.quotaValue == "0" } ?? false }
            if noQuota {
                return GenerationResult(
                    outcome: .quotaExhausted("no quota for this model (429 with limit: 0): enable billing for the key's project; \(reason)"),
                    httpStatus: status)
            }
            return .failure(.retryable(reason: reason, after: retryDelay(envelope, message: message) ?? retryAfter),
                            status: status)
        case 404:
            return .failure(.permanent(reason: "unknown or retired model: \(reason)"), status: status)
        case 408, 500, 502, 503, 504:
            return .failure(.retryable(reason: reason, after: retryAfter), status: status)
        case 500...599:
            return .failure(.retryable(reason: reason, after: retryAfter), status: status)
        default:
            return .failure(.permanent(reason: reason), status: status)
        }
    }

    /// `RetryInfo.retryDelay` found by `@type` (detail order varies), else "Please retry in Ns".
    static func retryDelay(_ envelope: ErrorEnvelope?, message: String) -> Duration? {
        if let delay = envelope?.error.details?.first(where: { $0.type?.hasSuffix("google.rpc.RetryInfo") ?? false })?
            .retryDelay, let parsed = parseDuration(delay) {
            return parsed
        }
        guard let range = message.range(of: "Please retry in ") else { return nil }
        let rest = message[range.upperBound...]
        let number = rest.prefix { $0.isNumber || $0 == "." }
        return Double(number).map { .milliseconds(Int64($0 * 1000)) }
    }

    /// A protobuf Duration string: `14s`, `14.455s`.
    static func parseDuration(_ text: String) -> Duration? {
        guard text.hasSuffix("s"), let seconds = Double(text.dropLast()), seconds >= 0 else { return nil }
        return .milliseconds(Int64(seconds * 1000))
    }

    // MARK: - Response shapes (unknown keys are ignored)

    struct Response: Decodable {
        var candidates: [Candidate]?
        var promptFeedback: PromptFeedback?
        var usageMetadata: UsageMetadata?
    }

    struct Candidate: Decodable {
        var content: Content?
        var finishReason: String?
    }

    struct Content: Decodable {
        var parts: [Part]?
    }

    struct Part: Decodable {
        var text: String?
        var inlineData: Blob?
        var thought: Bool?

        enum CodingKeys: String, CodingKey {
            case text, thought, inlineData
            case inlineDataSnake = "inline_data"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            text = try container.decodeIfPresent(String.self, forKey: .text)
            thought = try container.decodeIfPresent(Bool.self, forKey: .thought)
            inlineData = try container.decodeIfPresent(Blob.self, forKey: .inlineData)
                ?? container.decodeIfPresent(Blob.self, forKey: .inlineDataSnake)
        }
    }

    struct Blob: Decodable {
        var mimeType: String?
        var data: String

        enum CodingKeys: String, CodingKey {
            case data, mimeType
            case mimeTypeSnake = "mime_type"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            data = try container.decode(String.self, forKey: .data)
            mimeType = try container.decodeIfPresent(String.self, forKey: .mimeType)
                ?? container.decodeIfPresent(String.self, forKey: .mimeTypeSnake)
        }
    }

    struct PromptFeedback: Decodable {
        var blockReason: String?
        var blockReasonMessage: String?
    }

    struct UsageMetadata: Decodable {
        var promptTokenCount: Int?
        var candidatesTokenCount: Int?
        var thoughtsTokenCount: Int?
        var candidatesTokensDetails: [ModalityCount]?

        var tokenUsage: TokenUsage {
            TokenUsage(promptTokens: promptTokenCount ?? 0, candidatesTokens: candidatesTokenCount ?? 0,
                       thoughtsTokens: thoughtsTokenCount ?? 0,
                       imageTokens: candidatesTokensDetails?.filter { $0.modality == "IMAGE" }.reduce(0) { $0 + ($1.tokenCount ?? 0) } ?? 0)
        }
    }

    struct ModalityCount: Decodable {
        var modality: String?
        var tokenCount: Int?
    }

    struct ErrorEnvelope: Decodable {
        var error: ErrorBody
    }

    struct ErrorBody: Decodable {
        var code: Int?
        var message: String?
        var status: String?
        var details: [ErrorDetail]?
    }

    struct ErrorDetail: Decodable {
        var type: String?
        var retryDelay: String?
        var violations: [QuotaViolation]?

        enum CodingKeys: String, CodingKey {
            case type = "@type"
            case retryDelay, violations
        }
    }

    struct QuotaViolation: Decodable {
        var quotaValue: String?
    }
}

/// The `Retry-After` header: seconds (an HTTP date is treated as absent).
enum HTTPRetryAfter {
    static func parse(_ headers: [(String, String)]) -> Duration? {
        guard let value = headers.first(where: { $0.0.lowercased() == "retry-after" })?.1,
              let seconds = Double(value.trimmingCharacters(in: .whitespaces)), seconds >= 0 else { return nil }
        return .milliseconds(Int64(seconds * 1000))
    }
}
