import APIDouble
import BunchHTTP
import BunchKit
import BunchRunner
import Foundation

/// The run against the loopback double: throughput against Little's law, behaviour under a
/// rate limit the client is not told, and memory with 4K images in flight.
enum RunBench {
    static func all(_ project: BenchProject) async throws {
        print("runs against the loopback double (0.5 s per answer)")
        try await littlesLaw(project)
        try await hiddenRateLimit(project)
        try await fourKInFlight(project)
    }

    /// Concurrency 32 at 0.5 s an answer allows at most 64 requests a second (Little's law).
    static func littlesLaw(_ project: BenchProject) async throws {
        let requests = 1_920
        let double = try await APIDouble.start { _ in .delayed(.milliseconds(500), .geminiImages()) }
        let (summary, seconds) = try await run(project, name: "little", requests: requests, concurrency: 32, double: double)
        let limit = 32 / 0.5
        let throughput = Double(summary.succeeded) / seconds
        print(String(format: "  concurrency 32, %d requests: %.1f requests/s = %.1f%% of the Little's-law limit %.0f/s (target ≥ 95%%); peak in flight %d",
                     requests, throughput, 100 * throughput / limit, limit, summary.peakInFlight))
        await double.stop()
    }

    /// The double accepts 40 requests a second (a token bucket); above that it answers 429 with
    /// RetryInfo 1s. The client starts at concurrency 32 (64/s) and must find the limit itself.
    static func hiddenRateLimit(_ project: BenchProject) async throws {
        let rate = 40.0
        let requests = 2_400
        let bucket = TokenBucket(rate: rate, burst: 10)
        let double = try await APIDouble.start { _ in
            await bucket.take() ? .delayed(.milliseconds(500), .geminiImages()) : .rateLimited(retryDelay: "1s")
        }
        let (summary, seconds) = try await run(project, name: "limited", requests: requests, concurrency: 32, double: double)
        let answered429 = await double.ledger.requestCount - summary.succeeded - summary.failed
        let sends = await double.ledger.requestCount
        let achieved = Double(summary.succeeded) / seconds
        print(String(format: "  hidden limit %.0f/s, %d requests: %.1f/s achieved = %.1f%% of the limit (target ≥ 90%%); %d of %d sends answered 429 = %.1f%% (target ≤ 5%%); %d failed",
                     rate, requests, achieved, 100 * achieved / rate, answered429, sends,
                     100 * Double(answered429) / Double(max(1, sends)), summary.failed))
        await double.stop()
    }

    /// 32 requests in flight, each answered with an 8 MB JPEG (about 11 MB of base64 JSON).
    static func fourKInFlight(_ project: BenchProject) async throws {
        let double = try await APIDouble.start { _ in
            .delayed(.milliseconds(500), .geminiImages(format: .jpeg, size: PixelSize(width: 5504, height: 3072),
                                                      paddedTo: 8_000_000))
        }
        let before = Measure.ownPeakMiB
        let (summary, _) = try await run(project, name: "fourk", requests: 96, concurrency: 32, double: double)
        print(String(format: "  96 answers of 8 MB 4K JPEGs at concurrency 32: %d written; peak RSS %.0f MiB (%.0f MiB before)\n",
                     summary.succeeded, Measure.ownPeakMiB, before))
        await double.stop()
    }

    static func run(_ project: BenchProject, name: String, requests: Int, concurrency: Int, double: APIDouble) async throws
        -> (RunSummary, Double) {
        try project.writeCampaign(name: name, products: requests, surfaces: 1, variants: 1)
        let loaded = LoadedProject.load(Project(root: project.root), catalog: .builtIn)
        guard let campaign = try loaded.campaign(at: project.root.appendingPathComponent("campaigns/\(name).yaml")).campaign
        else { throw CocoaError(.fileReadCorruptFile) }
        let plan = try Planner.plan(campaign, references: loaded.references)
        let transport = AsyncHTTPTransport()
        var options = RunOptions()
        options.concurrency = concurrency
        options.retry.maximumAttempts = 10
        let runner = CampaignRunner(
            plan: plan, store: OutputStore(outputRoot: project.root.appendingPathComponent("out"), campaign: name),
            generator: GeminiGenerator(apiKey: "bench", baseURL: double.baseURL, transport: transport),
            loader: ReferenceLoader(mode: .inline, root: project.root, transport: transport), options: options,
            version: "bench")
        let clock = ContinuousClock()
        let start = clock.now
        let summary = try await runner.run()
        let elapsed = clock.now - start
        await transport.shutdown()
        return (summary, elapsed.inSeconds)
    }
}

/// The server's own rate limit: `rate` tokens a second, at most `burst` saved up.
actor TokenBucket {
    let rate: Double
    let burst: Double
    var tokens: Double
    var last = ContinuousClock.now

    init(rate: Double, burst: Double) {
        self.rate = rate
        self.burst = burst
        tokens = burst
    }

    func take() -> Bool {
        let now = ContinuousClock.now
        let elapsed = now - last
        last = now
        tokens = min(burst, tokens + rate * elapsed.inSeconds)
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }
}
