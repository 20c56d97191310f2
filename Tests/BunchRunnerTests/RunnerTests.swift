import APIDouble
import BunchKit
@testable import BunchRunner
import BunchTestSupport
import Foundation
import Testing

@Suite("The run", .serialized)
struct RunnerTests {
    @Test func aDraftRunWritesImagesJournalAndAManifestValidAgainstItsSchema() async throws {
        let harness = try await RunHarness { _ in .geminiImages(count: 2, size: PixelSize(width: 464, height: 576)) }
        let summary = try await harness.run()
        #expect(summary.end == .completed)
        #expect(summary.succeeded == 6 && summary.sends == 6)
        let outcomes = Journal.outcomes(harness.records)
        #expect(outcomes.count == 6)
        for record in outcomes.values {
            #expect(record.files.count == 2)
            for file in record.files {
                let bytes = try #require(harness.store.read(file))
                #expect(OutputStore.sha256(bytes) == file.sha256)
                #expect(file.width == 464 && file.height == 576 && file.mime == "image/png")
            }
            #expect(record.costUSD > 0)
            #expect(record.usage?.imageTokens == 2 * 1290)
        }
        let leftovers = FileManager.default.enumerator(atPath: harness.store.root.path)?.allObjects
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".tmp") } ?? []
        #expect(leftovers.isEmpty)
        let schema = try SchemaValidator(schema: Data(contentsOf: ExampleRoot.url.appendingPathComponent("docs/manifest.schema.json")))
        let manifest = try Data(contentsOf: harness.store.manifestURL)
        #expect(try schema.violations(of: manifest) == [])
        let decoded = try JSONDecoder().decode(RunManifest.self, from: manifest)
        #expect(decoded.totals["draft"]?.succeeded == 6)
        #expect(decoded.totals["draft"]?.images == 12)
        #expect(!String(decoding: manifest, as: UTF8.self).contains("test-key-123"))
        #expect(!String(decoding: try Data(contentsOf: harness.store.journalURL), as: UTF8.self).contains("test-key-123"))
        let first = try #require(await harness.double.ledger.requests.first?.json)
        let parts = ((first["contents"] as? [[String: Any]])?.first?["parts"] as? [[String: Any]]) ?? []
        #expect(parts.count == 2, "the template's reference image, then the prompt")
        await harness.close()
    }

    @Test func aReRunSendsNothingAndRetryFailedSendsOnlyTheFailed() async throws {
        let failing = ManagedFlag(true)
        let harness = try await RunHarness { request in
            if failing.value, request.prompt?.contains("product 1") == true {
                return .geminiError(status: 400, statusName: "INVALID_ARGUMENT", message: "Request contains an invalid argument.")
            }
            return .geminiImages()
        }
        let first = try await harness.run()
        #expect(first.succeeded == 4 && first.failed == 2)
        let again = try await harness.run()
        #expect(again.pending == 0 && again.sends == 0)
        failing.value = false
        var options = RunOptions()
        options.retryFailed = true
        let retried = try await harness.run(options)
        #expect(retried.pending == 2 && retried.succeeded == 2)
        #expect(await harness.double.ledger.requestCount == 8)
        await harness.close()
    }

    @Test func refusedAndBlockedAreFinalUnlessAskedFor() async throws {
        let harness = try await RunHarness { request in
            if request.prompt?.contains("product 0") == true { return .geminiRefusal("I can't draw that.") }
            if request.prompt?.contains("product 1") == true { return .geminiFinish("IMAGE_SAFETY", content: false) }
            return .geminiImages()
        }
        let first = try await harness.run()
        #expect(first.refused == 2 && first.blocked == 2 && first.succeeded == 2)
        #expect(try await harness.run().sends == 0)
        var options = RunOptions()
        options.retryOutcomes = ["refused"]
        #expect(try await harness.run(options).sends == 2)
        await harness.close()
    }

    @Test func retriesHonourRetryInfoWithoutSleeping() async throws {
        let harness = try await RunHarness { request in
            request.number <= 2 ? .rateLimited(retryDelay: "7s") : .geminiImages()
        }
        var options = RunOptions()
        options.concurrency = 1
        let summary = try await harness.run(options)
        #expect(summary.succeeded == 6)
        #expect(summary.retries == 2)
        let sleeps = await harness.clock.sleeps
        #expect(sleeps.filter { $0 == .seconds(7) }.count == 2, "each 429 waits its RetryInfo delay")
        #expect(sleeps.filter { $0 != .seconds(7) }.allSatisfy { $0 < .seconds(7) }, "the rest is the adapted send rate")
        await harness.close()
    }

    @Test func otherFailuresBackOffExponentiallyWithJitter() async throws {
        let harness = try await RunHarness { request in
            request.number <= 4 ? .geminiError(status: 503, statusName: "UNAVAILABLE", message: "overloaded") : .geminiImages()
        }
        var options = RunOptions()
        options.concurrency = 1
        _ = try await harness.run(options)
        let sleeps = await harness.clock.sleeps
        #expect(sleeps.count == 4)
        for (index, sleep) in sleeps.enumerated() {
            #expect(sleep <= .seconds(1 << index), "attempt \(index + 1) waits at most \(1 << index)s")
        }
        await harness.close()
    }

    @Test func clientErrorsAreNotRetried() async throws {
        let harness = try await RunHarness { _ in .geminiError(status: 403, statusName: "PERMISSION_DENIED", message: "denied") }
        let summary = try await harness.run()
        #expect(summary.failed == 6 && summary.retries == 0 && summary.sends == 6)
        await harness.close()
    }

    @Test func noQuotaAtAllStopsTheRunWithThatExplanation() async throws {
        let harness = try await RunHarness { _ in .delayed(.milliseconds(50), .quotaZero) }
        var options = RunOptions()
        options.concurrency = 2
        let summary = try await harness.run(options)
        #expect(summary.end == .quota)
        #expect(summary.stopReason?.contains("enable billing") == true)
        #expect(await harness.double.ledger.requestCount <= 3, "no new request after the answer")
        await harness.close()
    }

    @Test func concurrencyIsBoundedAndReached() async throws {
        let harness = try await RunHarness(campaign: RunHarness.campaign(products: 4, surfaces: 3)) { _ in
            .delayed(.milliseconds(150), .geminiImages())
        }
        var options = RunOptions()
        options.concurrency = 3
        let summary = try await harness.run(options)
        #expect(summary.succeeded == 12)
        #expect(await harness.double.ledger.peakInFlight == 3)
        await harness.close()
    }

    @Test func theRateLimitSpacesSendsAcrossWorkers() async throws {
        let harness = try await RunHarness { _ in .geminiImages() }
        var options = RunOptions()
        options.concurrency = 4
        options.requestsPerMinute = 60
        _ = try await harness.run(options)
        #expect(await harness.clock.now() == .seconds(5), "6 sends at one a second: the last goes 5 s after the first")
        await harness.close()
    }

    @Test func aFaultStormEndsWithEveryRequestClassified() async throws {
        let harness = try await RunHarness(campaign: RunHarness.campaign(products: 5, surfaces: 4)) { request in
            var random = SeededRandom(seed: UInt64(request.number) &* 0x9E37)
            switch random.below(10) {
            case 0: return .geminiError(status: 503, statusName: "UNAVAILABLE", message: "The model is overloaded.")
            case 1: return .dropMidBody
            case 2: return .truncatedJSON
            case 3, 4: return .rateLimited(retryDelay: "1s")
            case 5: return .dropBeforeAnswer
            default: return .geminiImages()
            }
        }
        var options = RunOptions()
        options.concurrency = 6
        options.retry.maximumAttempts = 8
        let summary = try await harness.run(options)
        #expect(summary.end == .completed)
        #expect(summary.succeeded + summary.failed == 20)
        #expect(summary.stillPending == 0)
        #expect(summary.retries > 5)
        let outcomes = Journal.outcomes(harness.records)
        #expect(outcomes.count == 20)
        let sent = harness.records.filter { $0.event == .sent }.count
        #expect(sent == summary.sends)
        #expect(await harness.double.ledger.requestCount == sent)
        await harness.close()
    }

    @Test func aRunThatWouldExceedTheBudgetRefusesBeforeSending() async throws {
        let harness = try await RunHarness { _ in .geminiImages() }
        var options = RunOptions()
        options.maximumUSD = 0.10
        await #expect(throws: RunError.self) { _ = try await harness.run(options) }
        do {
            _ = try await harness.run(options)
        } catch {
            #expect("\(error)".contains("more than max_usd $0.1000"))
        }
        #expect(await harness.double.ledger.requestCount == 0)
        await harness.close()
    }

    @Test func reachingTheCapStopsLaunching() async throws {
        // The answers report ten times the catalog's tokens, so real spend outruns the estimate.
        let harness = try await RunHarness(campaign: RunHarness.campaign(products: 5, surfaces: 4)) { _ in
            .geminiImages(imageTokens: 7470)
        }
        var options = RunOptions()
        options.concurrency = 1
        options.maximumUSD = 1.50
        let summary = try await harness.run(options)
        #expect(summary.end == .budget)
        #expect(summary.sends < 20)
        #expect(summary.campaignSpentUSD >= 1.5 - 0.5)
        await harness.close()
    }

    @Test func editingOneValueReRendersOnlyWhatChangedAndKeepsTheOld() async throws {
        let harness = try await RunHarness { _ in .geminiImages() }
        _ = try await harness.run()
        let before = Journal.outcomes(harness.records)
        try harness.project.write("campaigns/c.yaml", RunHarness.campaign().replacingOccurrences(of: "finish 1", with: "gloss 1"))
        let summary = try await harness.run()
        #expect(summary.sends == 2, "only the two requests of product 1 changed")
        let manifest = try JSONDecoder().decode(RunManifest.self, from: Data(contentsOf: harness.store.manifestURL))
        let superseded = manifest.requests.filter(\.superseded)
        #expect(superseded.count == 2)
        for entry in superseded {
            #expect(before[entry.id] != nil)
            #expect(entry.files.allSatisfy { harness.store.read($0) != nil }, "old outputs stay on disk")
        }
        #expect(manifest.totals["draft"]?.succeeded == 6)
        await harness.close()
    }

    @Test func finalsRenderOnlyApprovedDraftsWithTheDraftAsReference() async throws {
        let harness = try await RunHarness { request in
            request.uri.contains("gemini-3-pro-image") ? .geminiImages(size: PixelSize(width: 2048, height: 2048))
                : .geminiImages(size: PixelSize(width: 512, height: 512))
        }
        _ = try await harness.run()
        let plan = try harness.plan()
        let drafts = try plan.allRequests(stage: .draft)
        var approvals = Approvals()
        approvals.approve([drafts[1].id, drafts[4].id])
        try approvals.save(to: harness.store)
        var options = RunOptions()
        options.stage = .final
        let summary = try await harness.run(options)
        #expect(summary.succeeded == 2 && summary.unapproved == 4)
        let finals = await harness.double.ledger.requests.filter { $0.uri.contains("gemini-3-pro-image") }
        #expect(finals.count == 2)
        let draftImage = try #require(Journal.outcomes(harness.records)[drafts[1].id]?.files.first.flatMap { harness.store.read($0) })
        let parts = finals.compactMap { (($0.json?["contents"] as? [[String: Any]])?.first?["parts"] as? [[String: Any]]) }
        #expect(parts.contains { request in
            request.contains { (($0["inlineData"] as? [String: String])?["data"]) == Data(draftImage).base64EncodedString() }
        })
        let config = (finals.first?.json?["generationConfig"] as? [String: Any])?["imageConfig"] as? [String: String]
        #expect(config?["imageSize"] == "2K")
        await harness.close()
    }

    @Test func gateAllRendersEveryFinalWithoutApprovals() async throws {
        let harness = try await RunHarness(campaign: RunHarness.campaign(extra: "").replacingOccurrences(
            of: "final: {model: nano-banana-pro, image_size: 2K}", with: "final: {model: nano-banana-pro, image_size: 2K, gate: all, from_draft: none}")) { _ in
            .geminiImages()
        }
        var options = RunOptions()
        options.stage = .final
        let summary = try await harness.run(options)
        #expect(summary.succeeded == 6 && summary.unapproved == 0)
        let finals = await harness.double.ledger.requests.filter { $0.uri.contains("gemini-3-pro-image") }
        let parts = finals.compactMap { (($0.json?["contents"] as? [[String: Any]])?.first?["parts"] as? [[String: Any]]) }
        #expect(parts.allSatisfy { $0.count == 2 }, "from_draft: none sends only the template's reference and the prompt")
        await harness.close()
    }

    @Test func finalsWithNothingApprovedAreRefusedNotGuessed() async throws {
        let harness = try await RunHarness { _ in .geminiImages() }
        _ = try await harness.run()
        var options = RunOptions()
        options.stage = .final
        await #expect(throws: RunError.self) { _ = try await harness.run(options) }
        #expect(await harness.double.ledger.requests.filter { $0.uri.contains("pro") }.isEmpty)
        await harness.close()
    }

    @Test func aFirstStopFinishesWhatIsInFlightASecondAbandonsIt() async throws {
        let slow = ManagedFlag(false)
        let harness = try await RunHarness(campaign: RunHarness.campaign(products: 4, surfaces: 3)) { _ in
            .delayed(.milliseconds(slow.value ? 2_000 : 400), .geminiImages())
        }
        var options = RunOptions()
        options.concurrency = 2
        let stop = StopSignal()
        let runner = try harness.runner(options, stop: stop, clock: SystemClock())
        let task = Task { try await runner.run() }
        try await Task.sleep(for: .milliseconds(150))
        stop.raise()
        let summary = try await task.value
        #expect(summary.end == .interrupted)
        #expect(summary.succeeded == 2, "the two in flight finished and were recorded")
        #expect(Journal.outcomes(harness.records).count == 2)

        slow.value = true
        let second = StopSignal()
        let abandoning = try harness.runner(options, stop: second, clock: SystemClock())
        let started = ContinuousClock.now
        let abandoned = Task { try await abandoning.run() }
        try await Task.sleep(for: .milliseconds(150))
        second.raise()
        second.raise()
        let result = try await abandoned.value
        #expect(result.end == .abandoned)
        #expect(ContinuousClock.now - started < .milliseconds(1_500), "in-flight requests (2 s each) were not waited for")
        #expect(Journal.outcomes(harness.records).count == 2, "abandoned requests stay pending")
        slow.value = false
        let finished = try await harness.run()
        #expect(finished.succeeded == 10)
        await harness.close()
    }
}

/// A flag a test flips while the double's script reads it.
final class ManagedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Bool
    init(_ value: Bool) { stored = value }
    var value: Bool {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

enum ExampleRoot {
    static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
}

@Suite("The adaptive send rate")
struct RateLimiterTests {
    @Test func a429SetsTheRateJustUnderWhatTheServiceAcceptedAndSuccessesProbeUpward() async throws {
        let clock = VirtualClock()
        let limiter = RateLimiter(requestsPerMinute: nil, clock: clock)
        #expect(await limiter.adaptiveRate == nil, "no limit until the service says so")
        for _ in 0..<60 {  // 20 successes a second for 3 s
            await limiter.recordSuccess()
            try await clock.sleep(for: .milliseconds(50))
        }
        await limiter.recordRateLimited()
        let cut = try #require(await limiter.adaptiveRate)
        #expect(abs(cut - 19) < 1, "95% of the 20/s it accepted, got \(cut)")
        await limiter.recordRateLimited()
        #expect(await limiter.adaptiveRate == cut, "one burst cuts once")
        try await clock.sleep(for: .seconds(1))
        await limiter.recordSuccess()
        #expect(abs((await limiter.adaptiveRate ?? 0) - cut * 1.04) < 0.01, "then 4% a second")
    }

    @Test func aCutBeforeAnyAnswerHalvesTheSendRateThenProbesQuickly() async throws {
        let clock = VirtualClock()
        let limiter = RateLimiter(requestsPerMinute: nil, clock: clock)
        for _ in 0..<32 { try await limiter.acquire() }  // a burst of 32 sends at t = 0
        try await clock.sleep(for: .milliseconds(10))
        await limiter.recordRateLimited()
        #expect(await limiter.adaptiveRate == 16, "half of 32 sends in the first second")
        try await clock.sleep(for: .seconds(1))
        await limiter.recordSuccess()
        #expect(await limiter.adaptiveRate == 24, "probing grows 50% a second")
    }

    @Test func sendsAreSpacedByTheAdaptedRate() async throws {
        let clock = VirtualClock()
        let limiter = RateLimiter(requestsPerMinute: nil, clock: clock)
        for _ in 0..<30 {
            await limiter.recordSuccess()
            try await clock.sleep(for: .milliseconds(100))
        }
        await limiter.recordRateLimited()  // ≈ 9.5/s
        let before = await clock.now()
        for _ in 0..<20 { try await limiter.acquire() }
        let spent = await clock.now() - before
        #expect(spent > .seconds(2) && spent < .milliseconds(2300), "20 sends at about 9.5/s, took \(spent)")
    }
}
