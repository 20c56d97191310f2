import BunchKit
import Foundation

/// Where a run stands, for progress displays.
public struct RunProgress: Sendable {
    /// Requests this run has to do.
    public var total: Int
    /// Outcomes recorded so far.
    public var done: Int
    /// Of which failed.
    public var failed: Int
    /// In flight now.
    public var inFlight: Int
    /// Retries so far.
    public var retries: Int
    /// Dollars spent by this run.
    public var spentUSD: Double
    /// Time since the run started.
    public var elapsed: Duration
}

/// Renders one stage of a campaign: sends only what is not done, at most `concurrency` at a
/// time and `rpm` a minute, retries what is worth retrying, records every outcome durably
/// (images renamed into place, then a journal line flushed to disk), and keeps the manifest
/// true. It never sends a finished request again.
public final class CampaignRunner: Sendable {
    let plan: CampaignPlan
    let store: OutputStore
    let generator: any Generator
    let loader: ReferenceLoader
    let options: RunOptions
    let clock: any RunClock
    let version: String
    let stop: StopSignal
    let progress: @Sendable (RunProgress) -> Void

    /// Creates a runner.
    public init(plan: CampaignPlan, store: OutputStore, generator: any Generator, loader: ReferenceLoader,
                options: RunOptions, clock: any RunClock = SystemClock(), version: String, stop: StopSignal = StopSignal(),
                progress: @escaping @Sendable (RunProgress) -> Void = { _ in }) {
        self.plan = plan
        self.store = store
        self.generator = generator
        self.loader = loader
        self.options = options
        self.clock = clock
        self.version = version
        self.stop = stop
        self.progress = progress
    }

    /// A request ready to send.
    struct WorkItem: Sendable {
        var request: PlannedRequest
        var job: GenerationJob
        var estimate: Double
    }

    /// Runs the stage. Throws only when the run cannot start; everything after that is an
    /// outcome in the summary.
    public func run() async throws(RunError) -> RunSummary {
        do {
            try store.prepare()
        } catch {
            throw .output("cannot write the output folder \(store.root.path)")
        }
        let (records, _) = Journal.read(store.journalURL)
        let approvals: Approvals
        do {
            approvals = try Approvals.load(from: store)
        } catch {
            throw .output("\(store.approvalsURL.path) is not valid JSON; fix or delete it")
        }
        let stagePlan: StagePlan
        do {
            stagePlan = try StagePlan.make(plan, stage: options.stage, approvals: approvals)
        } catch {
            throw .plan(error)
        }
        if options.stage == .final, stagePlan.requests.isEmpty, stagePlan.unapproved > 0 { throw .nothingApproved }
        let outcomes = Journal.outcomes(records)
        let pendingRequests = stagePlan.requests.filter { request in
            guard let outcome = outcomes[request.id] else { return true }
            if outcome.status == "failed" { return options.retryFailed }
            return options.retryOutcomes.contains(outcome.status)
        }
        let work = try await prepareWork(pendingRequests, stagePlan: stagePlan, outcomes: outcomes)
        let spent = records.compactMap { $0.event == .finished ? $0.result?.costUSD : nil }.reduce(0, +)
        let estimate = work.map(\.estimate).reduce(0, +)
        if let cap = options.maximumUSD, spent + estimate > cap + 1e-9 {
            throw .overBudget(estimateUSD: estimate, spentUSD: spent, capUSD: cap, requests: work.count)
        }
        if options.dryRun {
            var summary = RunSummary(end: .dryRun, pending: work.count, campaignSpentUSD: spent)
            summary.estimateUSD = estimate
            summary.unapproved = stagePlan.unapproved
            return summary
        }
        let journal: Journal
        do {
            journal = try Journal(url: store.journalURL)
        } catch {
            throw .output("cannot write \(store.journalURL.path)")
        }
        let runID = UUID().uuidString.lowercased()
        let manifest = ManifestKeeper(
            plan: plan, planned: StagePlan.manifestRequests(plan, approvals: approvals), approvals: approvals,
            records: records, store: store, version: version, interval: options.manifestInterval, clock: clock)
        try? await journal.append(JournalRecord(event: .runStarted, time: Timestamp.now(), run: runID, stage: options.stage,
                                                generator: generator.name, host: generator.host))
        await manifest.write(force: true)
        let ledger = RunLedger(pending: work.count, campaignSpent: spent, cap: options.maximumUSD, estimate: estimate)
        let window = ConcurrencyWindow(maximum: options.concurrency)
        let context = RunContext(runID: runID, journal: journal, ledger: ledger, window: window, manifest: manifest,
                                 limiter: RateLimiter(requestsPerMinute: options.requestsPerMinute, clock: clock),
                                 started: await clock.now())
        await schedule(work, context: context)
        var end: RunEnd = await ledger.stopLaunching ?? .completed
        if stop.current >= 2 {
            end = .abandoned
        } else if stop.current == 1, end == .completed, await ledger.summary.stillPending > 0 {
            end = .interrupted
        }
        try? await journal.append(JournalRecord(event: .runEnded, time: Timestamp.now(), run: runID, stage: options.stage,
                                                reason: end.rawValue))
        await journal.close()
        await manifest.write(force: true)
        return await ledger.finish(end: end, peakInFlight: await window.peakInFlight, unapproved: stagePlan.unapproved)
    }

    /// Loads references once, adds each final's approved draft image, and estimates costs.
    private func prepareWork(_ requests: [PlannedRequest], stagePlan: StagePlan,
                             outcomes: [String: RequestRecord]) async throws(RunError) -> [WorkItem] {
        guard let first = requests.first else { return [] }
        let shared = try await loader.load(first.references)
        let palette = plan.campaign.composed?.palette ?? []
        let fromDraft = options.stage == .final && plan.campaign.stage(.final)?.spec.fromDraft == .reference
        var work: [WorkItem] = []
        for request in requests {
            guard let model = plan.campaign.stage(request.stage)?.model else { throw .plan(.unknownModel(request.model)) }
            var references = shared
            if fromDraft, let draft = stagePlan.drafts[request.id] {
                guard let file = outcomes[draft.id]?.files.first, let bytes = store.read(file) else {
                    throw .reference("the approved draft \(draft.id.prefix(8)) (\(draft.slug)) has no image on disk; "
                        + "render the drafts first, or revoke its approval")
                }
                references.append(try loader.draftImage(bytes, source: file.path))
            }
            let usage = CostEstimator.estimatedUsage(model: model, imageSize: request.imageSize,
                                                     promptBytes: request.prompt.utf8.count, referenceCount: references.count)
            work.append(WorkItem(request: request,
                                 job: GenerationJob(request: request, references: references, palette: palette, model: model),
                                 estimate: CostEstimator.cost(of: usage, model: model)))
        }
        return work
    }

    /// What every worker shares.
    struct RunContext: Sendable {
        let runID: String
        let journal: Journal
        let ledger: RunLedger
        let window: ConcurrencyWindow
        let manifest: ManifestKeeper
        let limiter: RateLimiter
        let started: Duration
    }

    /// Launches work while the window, the rate limit, the budget and Ctrl-C allow; a second
    /// Ctrl-C cancels what is in flight.
    private func schedule(_ work: [WorkItem], context: RunContext) async {
        await withTaskGroup(of: Void.self) { outer in
            outer.addTask {
                await withTaskGroup(of: Void.self) { workers in
                    for item in work {
                        if self.stop.current >= 1 || Task.isCancelled { break }
                        await context.window.acquire()
                        let reserved = await context.ledger.reserve(item.estimate)
                        if self.stop.current >= 1 || Task.isCancelled || !reserved {
                            if reserved { await context.ledger.abandoned(estimate: item.estimate) }
                            await context.window.release()
                            break
                        }
                        workers.addTask {
                            let finished = await self.process(item, context: context)
                            await context.window.release()
                            if let finished { await context.manifest.add(finished) }
                        }
                    }
                }
            }
            outer.addTask {
                while !Task.isCancelled, self.stop.current < 2 {
                    try? await Task.sleep(for: .milliseconds(20))
                }
            }
            await outer.next()
            outer.cancelAll()
        }
    }

    /// Sends one request until it reaches an outcome, then records it durably; returns the
    /// journal record, or nil when the request was abandoned.
    private func process(_ item: WorkItem, context: RunContext) async -> JournalRecord? {
        let request = item.request
        let started = await clock.now()
        let startedAt = Timestamp.now()
        var attempt = 0
        var result: GenerationResult
        while true {
            attempt += 1
            do {
                try await context.limiter.acquire()
            } catch {
                await context.ledger.abandoned(estimate: item.estimate)
                return nil
            }
            // A trace of what was in flight; resume relies only on durable `finished` records.
            try? await context.journal.append(JournalRecord(event: .sent, time: Timestamp.now(), run: context.runID,
                                                            stage: request.stage, id: request.id, attempt: attempt),
                                              durable: false)
            await context.ledger.sent(retry: attempt > 1)
            await report(context)
            result = await generator.generate(item.job)
            if Task.isCancelled {
                await context.ledger.abandoned(estimate: item.estimate)
                return nil
            }
            guard case .failed(.retryable(_, let hint)) = result.outcome, attempt < options.retry.maximumAttempts,
                  stop.current < 2 else { break }
            if result.httpStatus == 429 { await context.limiter.recordRateLimited() }
            var random = SystemRandomNumberGenerator()
            do {
                try await clock.sleep(for: options.retry.delay(afterAttempt: attempt, hint: hint, random: &random))
            } catch {
                await context.ledger.abandoned(estimate: item.estimate)
                return nil
            }
        }
        if case .succeeded = result.outcome { await context.limiter.recordSuccess() }
        if case .quotaExhausted(let reason) = result.outcome { await context.ledger.stop(.quota, reason: reason) }
        var files: [FileRecord] = []
        var outcome = result.outcome
        do {
            files = try store.writeImages(result.images, for: request)
        } catch {
            outcome = .failed(.retryable(reason: "could not write the images: \(error.localizedDescription)", after: nil))
        }
        let cost = result.usage.map { CostEstimator.cost(of: $0, model: item.job.model) } ?? 0
        let latency = await clock.now() - started
        let record = RequestRecord(
            request: request, status: outcome.status, reason: outcome.reason, attempts: attempt, texts: result.texts,
            files: files, usage: result.usage, costUSD: cost,
            latencyMS: Int(latency.inMilliseconds),
            started: startedAt, finished: Timestamp.now(), generator: generator.name)
        let journalRecord = JournalRecord(event: .finished, time: record.finished, run: context.runID,
                                          stage: request.stage, id: request.id, result: record)
        do {
            try await context.journal.append(journalRecord)
        } catch {
            await context.ledger.stop(.interrupted, reason: "the journal cannot be written: \(error.localizedDescription)")
            await context.ledger.abandoned(estimate: item.estimate)
            return nil
        }
        await context.ledger.finished(record, estimate: item.estimate)
        await report(context)
        return journalRecord
    }

    private func report(_ context: RunContext) async {
        let summary = await context.ledger.summary
        progress(RunProgress(
            total: summary.pending, done: summary.succeeded + summary.refused + summary.blocked + summary.failed,
            failed: summary.failed, inFlight: await context.window.inFlight, retries: summary.retries,
            spentUSD: summary.spentUSD, elapsed: await clock.now() - context.started))
    }
}

/// Keeps `manifest.json` in step with the journal: rewritten at most every `interval` during a
/// run, and at its end.
actor ManifestKeeper {
    private let plan: CampaignPlan
    private let planned: [PlannedRequest]
    private let approvals: Approvals
    private var records: [JournalRecord]
    private let store: OutputStore
    private let version: String
    private let interval: Duration
    private let clock: any RunClock
    private var lastWrite: Duration?

    init(plan: CampaignPlan, planned: [PlannedRequest], approvals: Approvals, records: [JournalRecord],
         store: OutputStore, version: String, interval: Duration, clock: any RunClock) {
        self.plan = plan
        self.planned = planned
        self.approvals = approvals
        self.records = records
        self.store = store
        self.version = version
        self.interval = interval
        self.clock = clock
    }

    func add(_ record: JournalRecord) async {
        records.append(record)
        await write(force: false)
    }

    func write(force: Bool) async {
        let now = await clock.now()
        if !force, let lastWrite, now - lastWrite < interval { return }
        lastWrite = now
        let manifest = RunManifest.build(version: version, campaign: plan.campaign, planned: planned, journal: records,
                                         approvals: approvals)
        try? manifest.write(to: store)
    }
}
