import BunchKit
@testable import BunchRunner
import BunchTestSupport
import Foundation
import Testing

@Suite("Request bodies, byte for byte")
struct RequestBodyTests {
    private func check(_ body: [UInt8], _ name: String) {
        if let difference = Golden.check(String(decoding: body, as: UTF8.self) + "\n", named: name) {
            Issue.record("\(difference)")
        }
        #expect((try? JSONSerialization.jsonObject(with: Data(body))) != nil, "\(name) is valid JSON")
    }

    @Test func textOnlyWithImageConfig() {
        let request = Fixtures.request()
        check(GeminiWire.requestBody(prompt: request.prompt, references: [], aspectRatio: "4:5", imageSize: "1K"),
              "gemini-text-only.json")
    }

    @Test func withReferencesInlineBeforeTheText() {
        check(GeminiWire.requestBody(prompt: "Match the label", references: [.inline(bytes: Fixtures.tinyPNG,
                                                                                      mimeType: "image/png")],
                                     aspectRatio: "1:1", imageSize: "2K"),
              "gemini-with-reference.json")
    }

    @Test func aSingleSizeModelGetsNoImageSize() throws {
        let body = GeminiWire.requestBody(prompt: "x", references: [], aspectRatio: "16:9", imageSize: nil)
        check(body, "gemini-no-image-size.json")
        #expect(!String(decoding: body, as: UTF8.self).contains("imageSize"))
    }

    @Test(arguments: ["nano-banana", "nano-banana-2", "nano-banana-pro"])
    func perModelTheSizeFollowsTheCatalog(_ alias: String) throws {
        let model = try #require(ModelCatalog.builtIn.model(named: alias))
        let body = GeminiWire.requestBody(prompt: "x", references: [], aspectRatio: "1:1",
                                          imageSize: model.imageSizes.isEmpty ? nil : model.defaultImageSize)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
        let config = (json["generationConfig"] as? [String: Any])?["imageConfig"] as? [String: String]
        #expect(config?["aspectRatio"] == "1:1")
        #expect(config?["imageSize"] == (model.imageSizes.isEmpty ? nil : "1K"))
    }

    @Test func ttapiBody() {
        check(TTAPIWire.requestBody(model: "gemini-3-pro-image-preview", prompt: "a cute cat",
                                    referenceURLs: ["https://cdn.example.com/ref.png"], aspectRatio: "16:9",
                                    imageSize: "2K"),
              "ttapi.json")
    }
}

@Suite("Every answer of the reference decodes to its outcome")
struct GeminiDecodeTests {
    private func decode(_ body: String, status: Int = 200, headers: [(String, String)] = []) -> GenerationResult {
        GeminiWire.decode(status: status, headers: headers, body: Array(body.utf8))
    }

    @Test func successWithOneImageAndText() throws {
        let result = decode("""
            {"candidates": [{"content": {"parts": [
                {"text": "Here is your nano banana dish in a fancy restaurant with a Gemini theme: "},
                {"inlineData": {"mimeType": "image/png", "data": "\(Fixtures.tinyPNGBase64)"}}], "role": "model"},
              "finishReason": "STOP"}],
             "usageMetadata": {"promptTokenCount": 17, "candidatesTokenCount": 1306, "totalTokenCount": 1323,
                               "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 17}],
                               "candidatesTokensDetails": [{"modality": "IMAGE", "tokenCount": 1290}]},
             "modelVersion": "gemini-2.5-flash-image-preview", "responseId": "deO6aLeTE4fYvdIPuIm_kQQ"}
            """)
        #expect(result.outcome == .succeeded)
        #expect(result.images.count == 1)
        #expect(result.images.first?.format == .png)
        #expect(result.images.first?.size == PixelSize(width: 1, height: 1))
        #expect(result.texts == ["Here is your nano banana dish in a fancy restaurant with a Gemini theme: "])
        #expect(result.usage == TokenUsage(promptTokens: 17, candidatesTokens: 1306, thoughtsTokens: 0, imageTokens: 1290))
    }

    @Test func thoughtPartsAndInterimImagesAreNeverOutputs() {
        let interim = Data(BunchRunner.PNGEncoder.encode(size: PixelSize(width: 3, height: 2)) { _, row in
            for index in row.indices { row[index] = 9 }
        }).base64EncodedString()
        let result = decode("""
            {"candidates": [{"content": {"role": "model", "parts": [
                {"text": "**Composing the scene**\\n\\nI'm planning ...", "thought": true},
                {"inlineData": {"mimeType": "image/png", "data": "\(interim)"}, "thought": true},
                {"text": "Here is the image.", "thoughtSignature": "c2ln"},
                {"inlineData": {"mimeType": "image/png", "data": "\(Fixtures.tinyPNGBase64)"}, "thoughtSignature": "c2ln"}]},
              "finishReason": "STOP", "index": 0}],
             "usageMetadata": {"promptTokenCount": 9, "candidatesTokenCount": 1466, "totalTokenCount": 1812,
                               "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 9}],
                               "candidatesTokensDetails": [{"modality": "IMAGE", "tokenCount": 1120}],
                               "thoughtsTokenCount": 337, "serviceTier": "standard"},
             "modelVersion": "gemini-3.1-flash-image", "responseId": "Xy0BafKqLJ-WjMcPnNvI8QE"}
            """)
        #expect(result.outcome == .succeeded)
        #expect(result.images.map(\.size) == [PixelSize(width: 1, height: 1)])
        #expect(result.texts == ["Here is the image."])
        #expect(result.usage?.thoughtsTokens == 337)
    }

    @Test func severalImagesAreAllKept() {
        let result = decode("""
            {"candidates": [{"content": {"role": "model", "parts": [
                {"text": "Step 1: pipe the batter"}, {"inlineData": {"mimeType": "image/png", "data": "\(Fixtures.tinyPNGBase64)"}},
                {"text": "Step 2: bake"}, {"inlineData": {"mimeType": "image/png", "data": "\(Fixtures.tinyPNGBase64)"}}]},
              "finishReason": "STOP", "index": 0}],
             "usageMetadata": {"promptTokenCount": 12, "candidatesTokenCount": 2584, "totalTokenCount": 2596,
               "candidatesTokensDetails": [{"modality": "IMAGE", "tokenCount": 2580}, {"modality": "TEXT", "tokenCount": 4}]},
             "modelVersion": "gemini-2.5-flash-image", "responseId": "..."}
            """)
        #expect(result.images.count == 2)
        #expect(result.texts == ["Step 1: pipe the batter", "Step 2: bake"])
        #expect(result.usage?.imageTokens == 2580)
    }

    @Test func textOnlyIsARefusal() {
        let result = decode("""
            {"candidates": [{"content": {"role": "model", "parts": [{"text": "I can't create images of that. Can I help with something else?"}]},
                             "finishReason": "STOP", "index": 0}],
             "usageMetadata": {"promptTokenCount": 9, "candidatesTokenCount": 14, "totalTokenCount": 23,
                               "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 9}]},
             "modelVersion": "gemini-2.5-flash-image", "responseId": "..."}
            """)
        #expect(result.outcome == .refused("I can't create images of that. Can I help with something else?"))
        #expect(result.images.isEmpty)
    }

    @Test(arguments: ["IMAGE_SAFETY", "IMAGE_PROHIBITED_CONTENT", "IMAGE_RECITATION", "IMAGE_OTHER", "SAFETY",
                      "PROHIBITED_CONTENT", "NO_IMAGE"])
    func withheldImagesAreBlockedWithOrWithoutContent(_ reason: String) {
        let withEmptyParts = decode("""
            {"candidates": [{"content": {"role": "model", "parts": []}, "finishReason": "\(reason)", "index": 0}],
             "usageMetadata": {"promptTokenCount": 17, "totalTokenCount": 17,
                               "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 17}], "serviceTier": "standard"},
             "modelVersion": "gemini-3.1-flash-image", "responseId": "..."}
            """)
        let withoutContent = decode(#"{"candidates": [{"finishReason": "\#(reason)", "index": 0}]}"#)
        #expect(withEmptyParts.outcome == .blocked(reason: "no image (\(reason))"))
        #expect(withoutContent.outcome == .blocked(reason: "no image (\(reason))"))
        #expect(withEmptyParts.usage?.promptTokens == 17)
    }

    @Test func noImageWithAQuestionIsBlockedAndKeepsTheText() {
        let result = decode("""
            {"candidates": [{"content": {"role": "model", "parts": [{"text": "What would you like me to draw?"}]},
                             "finishReason": "NO_IMAGE", "index": 0}],
             "usageMetadata": {"promptTokenCount": 9, "candidatesTokenCount": 8, "totalTokenCount": 17},
             "modelVersion": "gemini-2.5-flash-image", "responseId": "..."}
            """)
        #expect(result.outcome == .blocked(reason: "no image (NO_IMAGE)"))
        #expect(result.texts == ["What would you like me to draw?"])
    }

    @Test func aBlockedPromptHasNoCandidates() {
        let result = decode("""
            {"promptFeedback": {"blockReason": "PROHIBITED_CONTENT"},
             "usageMetadata": {"promptTokenCount": 9, "totalTokenCount": 9,
                               "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 9}]},
             "modelVersion": "gemini-3.1-flash-image", "responseId": "..."}
            """)
        #expect(result.outcome == .blocked(reason: "prompt blocked (PROHIBITED_CONTENT)"))
    }

    @Test func anUnknownFinishWithoutImageIsAPermanentFailure() {
        let result = decode(#"{"candidates": [{"content": {"parts": []}, "finishReason": "MAX_TOKENS"}]}"#)
        #expect(result.outcome == .failed(.permanent(reason: "no image and no explanation (finish reason MAX_TOKENS)")))
    }

    @Test func truncatedJSONIsRetryable() {
        if case .failed(.retryable) = decode(#"{"candidates": [{"content": {"parts": [{"te"#).outcome {} else {
            Issue.record("truncated JSON must be retryable")
        }
    }

    // MARK: Errors (§1.9)

    @Test func aBadKeyIsA400AndPermanent() {
        let result = decode("""
            {"error": {"code": 400, "message": "API key not valid. Please pass a valid API key.", "status": "INVALID_ARGUMENT",
              "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "API_KEY_INVALID", "domain": "googleapis.com",
                 "metadata": {"service": "generativelanguage.googleapis.com"}},
                {"@type": "type.googleapis.com/google.rpc.LocalizedMessage", "locale": "en-US",
                 "message": "API key not valid. Please pass a valid API key."}]}}
            """, status: 400)
        #expect(result.outcome == .failed(.permanent(reason: "HTTP 400 INVALID_ARGUMENT: API key not valid. Please pass a valid API key.")))
    }

    @Test(arguments: [
        (400, #"{"error": {"code": 400, "message": "Invalid JSON payload received. Unknown name \"size\": Cannot find field.", "status": "INVALID_ARGUMENT", "details": [{"@type": "type.googleapis.com/google.rpc.BadRequest", "fieldViolations": [{"description": "x"}]}]}}"#),
        (400, #"{"error":{"code":400,"message":"Multiple candidates is not enabled for this model","status":"INVALID_ARGUMENT"}}"#),
        (400, #"{"error":{"code":400,"message":"User location is not supported for the API use.","status":"FAILED_PRECONDITION"}}"#),
        (403, #"{"error":{"code":403,"message":"Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.","status":"PERMISSION_DENIED"}}"#),
        (404, #"{"error":{"code":404,"message":"models/gemini-x is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.","status":"NOT_FOUND"}}"#),
    ])
    func clientErrorsAreNotRetried(status: Int, body: String) {
        guard case .failed(.permanent(let reason)) = decode(body, status: status).outcome else {
            Issue.record("HTTP \(status) must be permanent")
            return
        }
        #expect(reason.contains("HTTP \(status)"))
        if status == 404 { #expect(reason.hasPrefix("unknown or retired model")) }
    }

    @Test func a429WithRetryInfoWaitsTheServersDelay() {
        let body = """
            {"error": {"code": 429, "message": "You exceeded your current quota... limit: 5, model: gemini-3.8-flash\\nPlease retry in 14.455303874s.", "status": "RESOURCE_EXHAUSTED",
              "details": [{"@type": "type.googleapis.com/google.rpc.Help", "links": []},
                {"@type": "type.googleapis.com/google.rpc.QuotaFailure", "violations": [{"quotaValue": "5"}]},
                {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "14s"}]}}
            """
        guard case .failed(.retryable(_, let after)) = decode(body, status: 429).outcome else {
            Issue.record("429 must be retryable")
            return
        }
        #expect(after == .seconds(14))
    }

    @Test func theOlderFormatFindsRetryInfoByTypeNotPosition() {
        let body = """
            {"error": {"code": 429, "message": "Resource has been exhausted", "status": "RESOURCE_EXHAUSTED",
              "details": [{"@type": "type.googleapis.com/google.rpc.QuotaFailure", "violations": [{"quotaValue": "10"}]},
                {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "2.5s"},
                {"@type": "type.googleapis.com/google.rpc.Help", "links": []}]}}
            """
        guard case .failed(.retryable(_, let after)) = decode(body, status: 429).outcome else {
            Issue.record("429 must be retryable")
            return
        }
        #expect(after == .milliseconds(2500))
    }

    @Test func aBare429FallsBackToPleaseRetryInThenRetryAfter() {
        let sentence = decode(#"{"error":{"code":429,"message":"Slow down. Please retry in 3.2s.","status":"RESOURCE_EXHAUSTED"}}"#, status: 429)
        #expect(sentence.outcome == .failed(.retryable(reason: "HTTP 429 RESOURCE_EXHAUSTED: Slow down. Please retry in 3.2s.", after: .milliseconds(3200))))
        let header = decode(#"{"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).","status":"RESOURCE_EXHAUSTED"}}"#,
                            status: 429, headers: [("Retry-After", "7")])
        if case .failed(.retryable(_, let after)) = header.outcome { #expect(after == .seconds(7)) } else { Issue.record("retryable") }
    }

    @Test func limitZeroIsNoQuotaAtAll() {
        let body = #"{"error": {"code": 429, "message": "Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_requests, limit: 0, model: gemini-3-pro-image", "status": "RESOURCE_EXHAUSTED", "details": [{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "41s"}]}}"#
        guard case .quotaExhausted(let reason) = decode(body, status: 429).outcome else {
            Issue.record("limit: 0 must stop the run")
            return
        }
        #expect(reason.contains("enable billing"))
        let byViolation = #"{"error": {"code": 429, "message": "Quota exceeded", "status": "RESOURCE_EXHAUSTED", "details": [{"@type": "type.googleapis.com/google.rpc.QuotaFailure", "violations": [{"quotaValue": "0"}]}]}}"#
        if case .quotaExhausted = decode(byViolation, status: 429).outcome {} else { Issue.record("quotaValue 0 is no quota") }
    }

    @Test(arguments: [
        (500, #"{"error":{"code":500,"message":"An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting","status":"INTERNAL"}}"#),
        (503, #"{"error":{"code":503,"message":"The model is overloaded. Please try again later.","status":"UNAVAILABLE"}}"#),
        (504, #"{"error":{"code":504,"message":"Deadline expired.","status":"DEADLINE_EXCEEDED"}}"#),
        (502, "<html>Bad Gateway</html>"),
        (408, ""),
    ])
    func serverErrorsAreRetried(status: Int, body: String) {
        guard case .failed(.retryable(let reason, _)) = decode(body, status: status).outcome else {
            Issue.record("HTTP \(status) must be retryable")
            return
        }
        #expect(reason.hasPrefix("HTTP \(status)"))
    }
}

@Suite("TTAPI answers")
struct TTAPIDecodeTests {
    @Test func successPointsAtTheImage() {
        let body = #"{"status": "SUCCESS", "message": "success", "data": {"prompt": "a cute cat", "refer_images": null, "image_url": "https://cdn.ttapi.io/other/2025-09-10/8b46aa28.png", "quota": 2}}"#
        #expect(TTAPIWire.decode(status: 200, headers: [], body: Array(body.utf8))
            == .imageURL("https://cdn.ttapi.io/other/2025-09-10/8b46aa28.png"))
    }

    @Test(arguments: [(400, false), (401, false), (403, false), (404, false), (429, true), (499, true), (500, true), (504, true)])
    func failuresAreClassifiedByStatus(status: Int, retryable: Bool) {
        let answer = TTAPIWire.decode(status: status, headers: [],
                                      body: Array(#"{"status": "FAILED", "message": "Parameter error", "data": null}"#.utf8))
        guard case .failed(.failed(let failure)) = answer else {
            Issue.record("HTTP \(status) must fail")
            return
        }
        switch failure {
        case .retryable(let reason, _): #expect(retryable, "\(status)"); #expect(reason.contains("Parameter error"))
        case .permanent(let reason): #expect(!retryable, "\(status)"); #expect(reason.contains("Parameter error"))
        }
    }

    @Test func insufficientBalanceStopsTheRun() {
        let answer = TTAPIWire.decode(status: 402, headers: [],
                                      body: Array(#"{"status": "FAILED", "message": "Insufficient balance", "data": null}"#.utf8))
        guard case .failed(.quotaExhausted) = answer else {
            Issue.record("402 must stop the run")
            return
        }
    }
}
