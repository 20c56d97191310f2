import APIDouble
import BunchHTTP
import BunchKit
import BunchRunner
import Foundation
import Testing

/// The generators over real HTTP, against the loopback double.
@Suite("Generators over HTTP", .serialized)
struct OverHTTPTests {
    static let key = "AIzaTEST-not-a-real-key-9f8e7d"

    private func withDouble(_ script: @escaping APIDouble.Script,
                            _ body: (APIDouble, AsyncHTTPTransport) async throws -> Void) async throws {
        let double = try await APIDouble.start(script: script)
        let transport = AsyncHTTPTransport()
        do {
            try await body(double, transport)
        } catch {
            await transport.shutdown()
            await double.stop()
            throw error
        }
        await transport.shutdown()
        await double.stop()
    }

    private func gemini(_ double: APIDouble, _ transport: AsyncHTTPTransport, timeout: Duration = .seconds(30)) -> GeminiGenerator {
        GeminiGenerator(apiKey: Self.key, baseURL: double.baseURL, transport: transport, timeout: timeout)
    }

    @Test func successSendsTheRightPathHeaderAndBody() async throws {
        try await withDouble({ _ in .geminiImages(count: 1, size: PixelSize(width: 928, height: 1152)) }) { double, transport in
            let request = Fixtures.request()
            let result = await gemini(double, transport).generate(
                Fixtures.job(request, references: [.inline(bytes: Fixtures.tinyPNG, mimeType: "image/png")]))
            #expect(result.outcome == .succeeded)
            #expect(result.images.map(\.size) == [PixelSize(width: 928, height: 1152)])
            let seen = try #require(await double.ledger.requests.first)
            #expect(seen.method == "POST")
            #expect(seen.uri == "/v1beta/models/gemini-3.1-flash-image:generateContent")
            #expect(seen.headers["x-goog-api-key"] == Self.key)
            #expect(!seen.uri.contains(Self.key), "the key never goes in the URL")
            #expect(seen.body == GeminiWire.requestBody(prompt: request.prompt, references: [.inline(bytes: Fixtures.tinyPNG, mimeType: "image/png")],
                                                        aspectRatio: "4:5", imageSize: "1K"))
            #expect(seen.prompt == request.prompt)
        }
    }

    @Test func severalImagesJPEGAndThoughtsComeBackRight() async throws {
        try await withDouble({ _ in .geminiImages(count: 3, format: .jpeg, size: PixelSize(width: 1376, height: 768),
                                                  thoughts: true) }) { double, transport in
            let result = await gemini(double, transport).generate(Fixtures.job(Fixtures.request()))
            #expect(result.outcome == .succeeded)
            #expect(result.images.count == 3, "the interim thought image is not an output")
            #expect(result.images.allSatisfy { $0.format == .jpeg && $0.size == PixelSize(width: 1376, height: 768) })
        }
    }

    @Test func aFourKImageBodyOfEightMegabytesArrivesWhole() async throws {
        let size = PixelSize(width: 5504, height: 3072)
        try await withDouble({ _ in .geminiImages(format: .jpeg, size: size, paddedTo: 8_000_000) }) { double, transport in
            let result = await gemini(double, transport).generate(Fixtures.job(Fixtures.request(size: "4K")))
            #expect(result.outcome == .succeeded)
            #expect(result.images.first?.size == size)
            #expect(result.images.first?.bytes.count ?? 0 >= 7_999_000)
        }
    }

    @Test(arguments: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    func eachFaultBecomesTheRightOutcome(_ index: Int) async throws {
        let cases: [(DoubleReply, (GenerationOutcome) -> Bool)] = [
            (.rateLimited(retryDelay: "14s"), { $0 == .failed(.retryable(reason: $0.reason ?? "", after: .seconds(14))) }),
            (.quotaZero, { if case .quotaExhausted = $0 { true } else { false } }),
            (.geminiError(status: 500, statusName: "INTERNAL", message: "An internal error has occurred."), isRetryable),
            (.geminiError(status: 503, statusName: "UNAVAILABLE", message: "The model is overloaded."), isRetryable),
            (.geminiError(status: 504, statusName: "DEADLINE_EXCEEDED", message: "Deadline expired."), isRetryable),
            (.dropMidBody, isRetryable),
            (.dropBeforeAnswer, isRetryable),
            (.truncatedJSON, isRetryable),
            (.geminiRefusal("I can't create images of that."), { $0 == .refused("I can't create images of that.") }),
            (.geminiPromptBlocked("PROHIBITED_CONTENT"), { $0 == .blocked(reason: "prompt blocked (PROHIBITED_CONTENT)") }),
        ]
        let (reply, expected) = cases[index]
        try await withDouble({ _ in reply }) { double, transport in
            let result = await gemini(double, transport).generate(Fixtures.job(Fixtures.request()))
            #expect(expected(result.outcome), "\(reply) gave \(result.outcome)")
            #expect(result.images.isEmpty)
        }
    }

    @Test func imageSafetyWithAndWithoutContentIsBlocked() async throws {
        for content in [true, false] {
            try await withDouble({ _ in .geminiFinish("IMAGE_SAFETY", content: content) }) { double, transport in
                let result = await gemini(double, transport).generate(Fixtures.job(Fixtures.request()))
                #expect(result.outcome == .blocked(reason: "no image (IMAGE_SAFETY)"))
            }
        }
    }

    @Test func slowAnswersTimeOutAndAreRetryable() async throws {
        try await withDouble({ _ in .delayed(.seconds(3), .geminiImages()) }) { double, transport in
            let result = await gemini(double, transport, timeout: .milliseconds(300)).generate(Fixtures.job(Fixtures.request()))
            #expect(result.outcome == .failed(.retryable(reason: "no answer within the timeout", after: nil)))
        }
    }

    @Test func theKeyNeverAppearsInAnOutcomeEvenWhenAServerEchoesIt() async throws {
        let echo = #"{"error":{"code":400,"message":"API key \#(Self.key) not valid.","status":"INVALID_ARGUMENT"}}"#
        try await withDouble({ request in
            request.headers["x-goog-api-key"] == Self.key
                ? .raw(status: 400, headers: [("content-type", "application/json")], body: Array(echo.utf8))
                : .geminiImages()
        }) { double, transport in
            let result = await gemini(double, transport).generate(Fixtures.job(Fixtures.request()))
            let reason = try #require(result.outcome.reason)
            #expect(!reason.contains(Self.key))
            #expect(reason.contains("[redacted]"))
            #expect(!"\(result)".contains(Self.key))
        }
    }

    @Test func nothingListeningIsARetryableConnectionFailure() async throws {
        let transport = AsyncHTTPTransport()
        let generator = GeminiGenerator(apiKey: Self.key, baseURL: "http://127.0.0.1:1", transport: transport)
        let result = await generator.generate(Fixtures.job(Fixtures.request()))
        await transport.shutdown()
        guard case .failed(.retryable(let reason, _)) = result.outcome else {
            Issue.record("expected a retryable failure, got \(result.outcome)")
            return
        }
        #expect(!reason.contains(Self.key))
    }

    @Test func ttapiGeneratesThenDownloadsWithoutTheKey() async throws {
        try await withDouble({ _ in .ttapiImage(format: .png, size: PixelSize(width: 1024, height: 1024)) }) { double, transport in
            let generator = TTAPIGenerator(apiKey: Self.key, baseURL: double.baseURL, transport: transport)
            let request = Fixtures.request(model: "gemini-3-pro-image", ratio: "1:1", size: "1K")
            let result = await generator.generate(Fixtures.job(request, references: [.url("https://cdn.example.com/ref.png")]))
            #expect(result.outcome == .succeeded)
            #expect(result.images.first?.size == PixelSize(width: 1024, height: 1024))
            #expect(result.usage?.imageTokens == 1120, "TTAPI reports no tokens; the catalog's figure stands in")
            let seen = await double.ledger.requests
            #expect(seen.count == 1, "only the generate call is a generate request; the download is a file")
            #expect(seen.first?.uri == "/gemini/image/generate")
            #expect(seen.first?.headers["tt-api-key"] == Self.key)
            #expect((seen.first?.json?["refer_images"] as? [String]) == ["https://cdn.example.com/ref.png"])
        }
    }

    @Test func ttapiFailuresAndBadDownloadsAreClassified() async throws {
        try await withDouble({ _ in .ttapiFailed(status: 429, message: "Too many requests") }) { double, transport in
            let generator = TTAPIGenerator(apiKey: Self.key, baseURL: double.baseURL, transport: transport)
            let result = await generator.generate(Fixtures.job(Fixtures.request()))
            #expect(isRetryable(result.outcome))
        }
    }
}

private func isRetryable(_ outcome: GenerationOutcome) -> Bool {
    if case .failed(.retryable) = outcome { return true }
    return false
}
