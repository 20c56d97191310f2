import BunchKit
import Foundation

/// The TTAPI gateway's wire format (api-reference §4): a synchronous `POST
/// /gemini/image/generate` answering with an image URL, fetched with a second GET.
public enum TTAPIWire {
    /// The request body: model, prompt, reference URLs, aspect ratio and (when the model takes
    /// one) image size.
    public static func requestBody(model: String, prompt: String, referenceURLs: [String], aspectRatio: String,
                                   imageSize: String?) -> [UInt8] {
        var pairs: [(String, String)] = [("prompt", JSONText.string(prompt)), ("model", JSONText.string(model))]
        if !referenceURLs.isEmpty { pairs.append(("refer_images", JSONText.array(referenceURLs.map(JSONText.string)))) }
        pairs.append(("aspect_ratio", JSONText.string(aspectRatio)))
        if let imageSize { pairs.append(("image_size", JSONText.string(imageSize))) }
        return Array(JSONText.object(pairs).utf8)
    }

    /// What the first call said.
    public enum Answer: Sendable, Equatable {
        /// `SUCCESS`: the image is at this URL.
        case imageURL(String)
        /// Anything else, classified.
        case failed(GenerationOutcome)
    }

    /// Reads the generate call's answer: `{"status":"SUCCESS","data":{"image_url":…}}` or the
    /// `{"status":"FAILED","message":…}` envelope, classified by HTTP status.
    public static func decode(status: Int, headers: [(String, String)], body: [UInt8]) -> Answer {
        let envelope = try? JSONDecoder().decode(Envelope.self, from: Data(body))
        if status == 200, envelope?.status == "SUCCESS", let url = envelope?.data?.imageURL, !url.isEmpty {
            return .imageURL(url)
        }
        let message = envelope?.message ?? (body.isEmpty ? "no body" : "unreadable body")
        let reason = "TTAPI HTTP \(status) \(envelope?.status ?? ""): \(message.prefix(300))"
        let retryAfter = HTTPRetryAfter.parse(headers)
        switch status {
        case 200:
            return .failed(.failed(.permanent(reason: reason)))
        case 402:
            return .failed(.quotaExhausted("TTAPI: insufficient balance (402); top up the account. \(message.prefix(200))"))
        case 429, 499, 500, 502, 503, 504:
            return .failed(.failed(.retryable(reason: reason, after: retryAfter)))
        default:
            return .failed(.failed(.permanent(reason: reason)))
        }
    }

    struct Envelope: Decodable {
        var status: String?
        var message: String?
        var data: Payload?
    }

    struct Payload: Decodable {
        var imageURL: String?

        enum CodingKeys: String, CodingKey {
            case imageURL = "image_url"
        }
    }
}
