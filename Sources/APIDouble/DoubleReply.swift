import BunchKit
import BunchRunner
import Foundation

/// What the double answers to one request, in the services' exact wire formats
/// (api-reference §1.8, §1.9, §4).
public indirect enum DoubleReply: Sendable {
    /// A Gemini 200 with `count` images of a size and format, an optional text part, optional
    /// thought parts (a thought text and an interim thought image, never outputs), and usage.
    /// `paddedTo` grows a JPEG to that many bytes, like a real 4K JPEG.
    case geminiImages(count: Int = 1, format: ImageFormat = .png, size: PixelSize = PixelSize(width: 64, height: 64),
                      text: String? = "Here is your image.", thoughts: Bool = false, imageTokens: Int = 1290,
                      paddedTo: Int = 0)
    /// A 200 with text only, `finishReason: STOP` (§1.8 d).
    case geminiRefusal(String)
    /// A 200 with no candidates and `promptFeedback.blockReason` (§1.8 g).
    case geminiPromptBlocked(String)
    /// A 200 whose candidate ends with a finish reason and no image, with `content: {parts: []}`
    /// or no content at all (§1.8 e, f).
    case geminiFinish(String, content: Bool)
    /// An error envelope with a status and message (§1.9).
    case geminiError(status: Int, statusName: String, message: String)
    /// A 429 with `RetryInfo` and "Please retry in" (§1.9, the current format).
    case rateLimited(retryDelay: String)
    /// The permanent 429 with `limit: 0`.
    case quotaZero
    /// TTAPI `SUCCESS` pointing at an image the double serves under `/files/`.
    case ttapiImage(format: ImageFormat = .png, size: PixelSize = PixelSize(width: 64, height: 64))
    /// TTAPI's `FAILED` envelope with an HTTP status.
    case ttapiFailed(status: Int, message: String)
    /// Any status, headers and body.
    case raw(status: Int, headers: [(String, String)], body: [UInt8])
    /// Headers promising a body, half of it, then the connection closes.
    case dropMidBody
    /// The connection closes as soon as the request has arrived.
    case dropBeforeAnswer
    /// A complete HTTP answer whose JSON body is cut in half.
    case truncatedJSON
    /// Another reply after a delay.
    case delayed(Duration, DoubleReply)
}

/// Bodies in the services' formats.
enum DoubleBodies {
    static func geminiImages(image: [UInt8], count: Int, format: ImageFormat, text: String?, thoughts: Bool,
                             imageTokens: Int) -> [UInt8] {
        let data = JSONText.string(Data(image).base64EncodedString())
        var parts: [String] = []
        if thoughts {
            parts.append(#"{"text": "**Composing the scene**\n\nI'm planning the layout.", "thought": true}"#)
            let interim = JSONText.string(Data(DoubleImages.jpeg(size: PixelSize(width: 32, height: 32)))
                .base64EncodedString())
            parts.append(#"{"inlineData": {"mimeType": "image/jpeg", "data": \#(interim)}, "thought": true}"#)
        }
        if let text { parts.append(#"{"text": \#(JSONText.string(text))\#(thoughts ? #", "thoughtSignature": "c2lnbmF0dXJl""# : "")}"#) }
        for _ in 0..<count {
            parts.append(#"{"inlineData": {"mimeType": "\#(format.mimeType)", "data": \#(data)}\#(thoughts ? #", "thoughtSignature": "c2lnbmF0dXJl""# : "")}"#)
        }
        let total = imageTokens * count
        return Array("""
            {"candidates": [{"content": {"role": "model", "parts": [\(parts.joined(separator: ", "))]}, "finishReason": "STOP", "index": 0}],
             "usageMetadata": {"promptTokenCount": 17, "candidatesTokenCount": \(total + 16), "totalTokenCount": \(total + 33 + (thoughts ? 337 : 0)),
                               "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 17}],
                               "candidatesTokensDetails": [{"modality": "IMAGE", "tokenCount": \(total)}]\(thoughts ? #", "thoughtsTokenCount": 337"# : ""), "serviceTier": "standard"},
             "modelVersion": "gemini-3.1-flash-image", "responseId": "deO6aLeTE4fYvdIPuIm_kQQ"}
            """.utf8)
    }

    static func refusal(_ text: String) -> [UInt8] {
        Array("""
            {"candidates": [{"content": {"role": "model", "parts": [{"text": \(JSONText.string(text))}]},
                             "finishReason": "STOP", "index": 0}],
             "usageMetadata": {"promptTokenCount": 9, "candidatesTokenCount": 14, "totalTokenCount": 23,
                               "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 9}]},
             "modelVersion": "gemini-2.5-flash-image", "responseId": "r1"}
            """.utf8)
    }

    static func promptBlocked(_ reason: String) -> [UInt8] {
        Array("""
            {"promptFeedback": {"blockReason": "\(reason)"},
             "usageMetadata": {"promptTokenCount": 9, "totalTokenCount": 9,
                               "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 9}]},
             "modelVersion": "gemini-3.1-flash-image", "responseId": "b1"}
            """.utf8)
    }

    static func finish(_ reason: String, content: Bool) -> [UInt8] {
        let candidate = content
            ? #"{"content": {"role": "model", "parts": []}, "finishReason": "\#(reason)", "index": 0}"#
            : #"{"finishReason": "\#(reason)", "index": 0}"#
        return Array("""
            {"candidates": [\(candidate)],
             "usageMetadata": {"promptTokenCount": 17, "totalTokenCount": 17,
                               "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 17}], "serviceTier": "standard"},
             "modelVersion": "gemini-3.1-flash-image", "responseId": "f1"}
            """.utf8)
    }

    static func error(status: Int, statusName: String, message: String) -> [UInt8] {
        Array(#"{"error":{"code":\#(status),"message":\#(JSONText.string(message)),"status":"\#(statusName)"}}"#.utf8)
    }

    static func rateLimited(retryDelay: String) -> [UInt8] {
        let seconds = retryDelay.dropLast()
        return Array("""
            {
              "error": {
                "code": 429,
                "message": "You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits. To monitor your current usage, head to: https://ai.dev/rate-limit. \\n* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_requests, limit: 5, model: gemini-3.8-flash\\nPlease retry in \(seconds)s.",
                "status": "RESOURCE_EXHAUSTED",
                "details": [
                  {"@type": "type.googleapis.com/google.rpc.Help",
                   "links": [{"description": "Learn more about Gemini API quotas", "url": "https://ai.google.dev/gemini-api/docs/rate-limits"}]},
                  {"@type": "type.googleapis.com/google.rpc.QuotaFailure",
                   "violations": [{"quotaMetric": "generativelanguage.googleapis.com/generate_content_free_tier_requests",
                                   "quotaId": "GenerateRequestsPerMinutePerProjectPerModel-FreeTier",
                                   "quotaDimensions": {"location": "global", "model": "gemini-3.8-flash"},
                                   "quotaValue": "5"}]},
                  {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "\(retryDelay)"}
                ]
              }
            }
            """.utf8)
    }

    static let quotaZero: [UInt8] = Array("""
        {"error": {"code": 429, "message": "You exceeded your current quota, please check your plan and billing details.\\n* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_requests, limit: 0, model: gemini-3-pro-image\\nPlease retry in 41.2s.", "status": "RESOURCE_EXHAUSTED",
          "details": [{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "41s"}]}}
        """.utf8)

    static func ttapiSuccess(imageURL: String) -> [UInt8] {
        Array(#"{"status": "SUCCESS", "message": "success", "data": {"prompt": "a cute cat", "refer_images": null, "image_url": \#(JSONText.string(imageURL)), "quota": 2}}"#.utf8)
    }

    static func ttapiFailed(_ message: String) -> [UInt8] {
        Array(#"{"status": "FAILED", "message": \#(JSONText.string(message)), "data": null}"#.utf8)
    }
}

/// Images the double hands out.
enum DoubleImages {
    /// A PNG with a simple pattern, of any size.
    static func png(size: PixelSize) -> [UInt8] {
        PNGEncoder.encode(size: size) { y, row in
            for index in row.indices { row[index] = UInt8(truncatingIfNeeded: (index / 3 + y) & 0xFF) }
        }
    }

    /// A JPEG stand-in: SOI, a JFIF APP0, a baseline SOF0 with the size, EOI. Its header is real
    /// (sniffers read the size from it); it carries no scan.
    /// `paddedTo` adds comment segments of pseudo-random bytes (incompressible, like image data)
    /// until the file is that large.
    static func jpeg(size: PixelSize, paddedTo: Int = 0) -> [UInt8] {
        var bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8)
            + [0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]
        var random = SeededRandom(seed: UInt64(size.width * 31 + size.height))
        while bytes.count + 4 + 21 < paddedTo {
            let length = min(65_533, paddedTo - bytes.count - 4 - 21)
            bytes += [0xFF, 0xFE, UInt8((length + 2) >> 8), UInt8((length + 2) & 0xFF)]
            for _ in 0..<length { bytes.append(UInt8(truncatingIfNeeded: random.next()) & 0x7F) }
        }
        return bytes + [0xFF, 0xC0, 0x00, 0x11, 0x08, UInt8(size.height >> 8), UInt8(size.height & 0xFF),
            UInt8(size.width >> 8), UInt8(size.width & 0xFF), 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
            0xFF, 0xD9]
    }

    static func make(format: ImageFormat, size: PixelSize, paddedTo: Int = 0) -> [UInt8] {
        format == .jpeg ? jpeg(size: size, paddedTo: paddedTo) : png(size: size)
    }
}
